//! Map geometry, categories and colours.

pub mod category;
pub mod palette;
pub mod paths;
pub mod standalone;

pub use category::MapCategory;
pub use palette::{status_fill, swatch, tone_fill, Tone};

/// The requirement the map colours by unless a page asks for another.
pub const MAP_REQUIREMENT: &str = "action-plan";
