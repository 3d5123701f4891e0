//! Building blocks shared by the pages.

mod as_of_form;
mod data_dates;
mod documents;
mod follow;
mod form_field;
mod gap_item;
mod gap_reply;
mod hidden;
mod history_entry;
mod layout;
mod map;
mod refused;
mod source;
mod status;
mod timeline;
mod view_loader;

pub use as_of_form::AsOfForm;
pub use data_dates::DataDates;
pub use documents::DocumentList;
pub use follow::{FeedLink, FollowLinks};
pub use form_field::{field_label, FieldProblems, FormField, Input, ReasonInput};
pub use gap_item::GapItem;
pub use gap_reply::GapReplyItem;
pub use hidden::{HiddenNotice, HideForm};
pub use history_entry::HistoryEntryItem;
pub use layout::{Layout, PageMeta};
pub use map::{map_requirement, ComplianceMap, MapLegend};
pub use refused::Refused;
pub use source::{ClaimSource, SourceCite};
pub use status::{SeverityBadge, StatusBadge};
pub use timeline::{ComplianceTimeline, StatusStrip};
pub use view_loader::WithPublicView;
