//! Map geometry.

pub mod paths;
