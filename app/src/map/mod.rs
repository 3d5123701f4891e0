//! Map geometry, categories and colours.

pub mod category;
pub mod keys;
pub mod palette;
pub mod paths;
pub mod standalone;

pub use category::MapCategory;
pub use palette::{status_fill, swatch, tone_fill, Tone};

/// The requirement the map colours by unless a page asks for another.
pub const MAP_REQUIREMENT: &str = "action-plan";

/// The radius of a numbered key's circle, in the outlines' units (about 30 px on a 360 px phone).
pub const KEY_RADIUS: f32 = 56.0;
