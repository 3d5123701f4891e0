//! The PDF input of the claim and reply forms. With JavaScript, a file that is too large or
//! plainly not a PDF is flagged as soon as it is chosen (and the browser will not submit the
//! form), instead of after uploading it. The server checks again, by content, either way.

use leptos::prelude::*;

#[island]
pub fn DocumentInput(
    /// Said when the chosen file is over 10 MB.
    too_large: String,
    /// Said when the chosen file is not a PDF by its type or name.
    not_pdf: String,
) -> impl IntoView {
    let (problem, set_problem) = signal(None::<String>);
    // Marks the input once the check is live (effects run only in the browser).
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    let check = move |_ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(input) = _ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let file = input.files().and_then(|files| files.get(0));
            let found = file.and_then(|file| {
                let pdf = file.type_() == "application/pdf"
                    || file.name().to_lowercase().ends_with(".pdf");
                if file.size() > vigia::document::MAX_DOCUMENT_BYTES as f64 {
                    Some(too_large.clone())
                } else if !pdf {
                    Some(not_pdf.clone())
                } else {
                    None
                }
            });
            input.set_custom_validity(found.as_deref().unwrap_or(""));
            set_problem.set(found);
        }
    };
    #[cfg(not(feature = "hydrate"))]
    let _ = (&too_large, &not_pdf, set_problem);
    view! {
        <input id="document" name="document" type="file" accept="application/pdf,.pdf"
            aria-describedby="document-hint document-check" on:change=check
            data-checked=move || ready.get().then_some("true")/>
        <p class="field-error" id="document-check" aria-live="polite">{move || problem.get()}</p>
    }
}
