//! "Copiar" beside text a person must copy whole (a webhook's secret, a citation, the embed
//! code), and share links. Without JavaScript the copy button stays hidden and the text is
//! selected whole with one tap (`user-select: all`, or a read-only field); with it, a few
//! lines of inline script, allowed by the page's nonce or by their hash, show the button and
//! copy. No wasm for this.

use leptos::nonce::use_nonce;
use leptos::prelude::*;

use crate::format::query_value;
use crate::i18n::{t, use_lang};

/// Shows every copy button of the page and wires it to the element it names (a field's
/// value, else its text); shows the share button where the browser can share.
const SCRIPT: &str = "for(const b of document.querySelectorAll('button[data-copy]')){\
b.hidden=false;b.onclick=()=>{const e=document.getElementById(b.dataset.copy);\
navigator.clipboard.writeText(e.value??e.textContent).then(()=>{b.textContent=b.dataset.done})}}\
for(const b of document.querySelectorAll('button[data-share]')){if(navigator.share){\
b.hidden=false;b.onclick=()=>navigator.share({title:b.dataset.title,url:b.dataset.url})}}";

/// The inline script the buttons need; the same bytes wherever it is, so one hash allows it.
#[component]
fn ButtonScript() -> impl IntoView {
    view! { <script nonce=use_nonce() inner_html=SCRIPT></script> }
}

/// A button that copies the element `target` (hidden until the script runs).
#[component]
pub fn CopyButton(target: &'static str) -> impl IntoView {
    let lang = use_lang();
    view! {
        <button type="button" class="secondary copy-button" data-copy=target data-done=t(lang, "copy-done") hidden>
            {t(lang, "copy-button")}
        </button>
        <ButtonScript/>
    }
}

/// The text to copy, wrapped so it is never cut off, with its button.
#[component]
pub fn CopyableText(id: &'static str, text: String) -> impl IntoView {
    view! {
        <div class="copyable">
            <code id=id class="copyable-text">{text}</code>
            <CopyButton target=id/>
        </div>
    }
}

/// Plain share links (they work without JavaScript), and the browser's own share sheet
/// where it has one.
#[component]
pub fn ShareLinks(
    /// The page's path on this site.
    path: String,
    title: String,
) -> impl IntoView {
    let lang = use_lang();
    let base = use_context::<crate::context::SiteInfo>()
        .map(|s| s.public_url)
        .unwrap_or_default();
    let url = format!("{base}{path}");
    let (u, tt) = (query_value(&url), query_value(&title));
    let whatsapp = format!("https://wa.me/?text={tt}%20{u}");
    let telegram = format!("https://t.me/share/url?url={u}&text={tt}");
    let email = format!("mailto:?subject={tt}&body={u}");
    view! {
        <p class="share-links">
            <span>{t(lang, "share-label")}</span>" "
            <a href=whatsapp rel="noopener">"WhatsApp"</a>" · "
            <a href=telegram rel="noopener">"Telegram"</a>" · "
            <a href=email>{t(lang, "share-email")}</a>" "
            <button type="button" class="secondary" data-share="" data-url=url data-title=title hidden>
                {t(lang, "share-more")}
            </button>
            <ButtonScript/>
        </p>
    }
}
