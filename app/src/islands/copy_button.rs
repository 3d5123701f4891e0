//! Copies a text (the map's embed code) to the clipboard. The button appears only once the
//! island runs; without JavaScript the text stays selectable in its read-only field.

use leptos::prelude::*;

#[island]
pub fn CopyButton(text: String, label: String, done_label: String) -> impl IntoView {
    let (copied, set_copied) = signal(false);
    // Effects run only in the browser, so the server renders the button hidden.
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    #[cfg(not(feature = "hydrate"))]
    let _ = &text;
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            // The promise is not awaited: the label confirms the attempt, and the field
            // beside the button still holds the text if the browser refuses.
            let _ = window.navigator().clipboard().write_text(&text);
        }
        set_copied.set(true);
    };
    view! {
        <button type="button" class="copy-button" on:click=copy aria-live="polite" hidden=move || !ready.get()>
            {move || if copied.get() { done_label.clone() } else { label.clone() }}
        </button>
    }
}
