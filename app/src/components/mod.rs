//! Building blocks shared by the pages.

mod as_written;
mod cite;
mod claim_record;
mod documents;
mod follow;
mod form_field;
mod gap_item;
mod gap_reply;
mod hidden;
mod history_entry;
mod layout;
mod map;
mod map_downloads;
mod refused;
mod source;
mod status;
mod view_loader;

pub use as_written::{AsWritten, LinkAsWritten};
pub use cite::{Citation, HowToCite};
pub use claim_record::ClaimRecord;
pub use documents::DocumentList;
pub use follow::{FeedLink, FollowLinks};
pub use form_field::{field_label, FieldProblems, FormField, Input, ReasonInput};
pub use gap_item::GapItem;
pub use gap_reply::GapReplyItem;
pub use hidden::{HiddenNotice, HideForm};
pub use history_entry::HistoryEntryItem;
pub use layout::{Layout, PageMeta};
pub use map::{categories, ComplianceMap, MapCategory, MapLegend};
pub use map_downloads::MapDownloads;
pub use refused::Refused;
pub use source::{ClaimSource, SourceCite};
pub use status::{SeverityBadge, StatusBadge};
pub use view_loader::WithPublicView;
