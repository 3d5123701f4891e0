//! The only parts of the site that run in the browser. Each receives its text already
//! translated, so the wasm bundle carries no catalog.

mod copy_button;
mod document_input;

pub use copy_button::CopyButton;
pub use document_input::DocumentInput;
