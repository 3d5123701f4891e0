//! Building blocks shared by the pages.

mod gap_item;
mod layout;
mod map;
mod source;
mod status;
mod view_loader;

pub use gap_item::GapItem;
pub use layout::{Layout, PageMeta};
pub use map::{ComplianceMap, MapLegend};
pub use source::SourceCite;
pub use status::{SeverityBadge, StatusBadge};
pub use view_loader::WithPublicView;
