//! The PDF input of the claim and reply forms. With JavaScript, a file that is too large or
//! not a PDF is flagged as soon as it is chosen (and the browser will not submit the form),
//! instead of after uploading it. "A PDF" is judged as the server judges it: by the file's
//! first bytes (`%PDF-`), never by its name or type. The server checks again either way.

use leptos::prelude::*;

#[island]
pub fn DocumentInput(
    /// Said when the chosen file is over 10 MB.
    too_large: String,
    /// Said when the chosen file is not a PDF by its content.
    not_pdf: String,
) -> impl IntoView {
    let (problem, set_problem) = signal(None::<String>);
    // Marks the input once the check is live (effects run only in the browser).
    let (ready, set_ready) = signal(false);
    // Set while the file's first bytes are being read, so tests and people know to wait.
    let (checking, set_checking) = signal(false);
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
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                input.set_custom_validity("");
                set_problem.set(None);
                return;
            };
            if file.size() > vigia::document::MAX_DOCUMENT_BYTES as f64 {
                input.set_custom_validity(&too_large);
                set_problem.set(Some(too_large.clone()));
                return;
            }
            let not_pdf = not_pdf.clone();
            set_checking.set(true);
            leptos::task::spawn_local(async move {
                let signature = vigia::document::PDF_SIGNATURE;
                let is_pdf = first_bytes(&file, signature.len())
                    .await
                    .is_some_and(|head| vigia::document::starts_like_pdf(&head));
                let found = (!is_pdf).then_some(not_pdf);
                input.set_custom_validity(found.as_deref().unwrap_or(""));
                set_problem.set(found);
                set_checking.set(false);
            });
        }
    };
    #[cfg(not(feature = "hydrate"))]
    let _ = (&too_large, &not_pdf, set_problem, set_checking);
    view! {
        <input id="document" name="document" type="file" accept="application/pdf,.pdf"
            aria-describedby="document-hint document-check" on:change=check
            data-checked=move || (ready.get() && !checking.get()).then_some("true")/>
        <p class="field-error" id="document-check" aria-live="polite">{move || problem.get()}</p>
    }
}

/// The first `n` bytes of a chosen file, read in the browser without loading the rest.
#[cfg(feature = "hydrate")]
async fn first_bytes(file: &web_sys::File, n: usize) -> Option<Vec<u8>> {
    let head = file.slice_with_i32_and_i32(0, n as i32).ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(head.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
