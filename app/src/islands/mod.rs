//! The only parts of the site that run in the browser. Each receives its text already
//! translated, so the wasm bundle carries no catalog.

mod copy_button;

pub use copy_button::CopyButton;
