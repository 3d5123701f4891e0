//! Map geometry.

pub mod paths;
pub mod standalone;
