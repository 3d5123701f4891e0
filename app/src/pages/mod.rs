//! One module per route.

mod admin_alerts;
mod admin_disable;
mod admin_users;
mod alert_apply;
mod alerts;
mod change_password;
mod claim_form;
mod dashboard;
mod dashboard_todo;
mod data;
mod department;
mod embed;
mod feeds;
mod follow;
mod gaps;
mod history;
mod home;
mod import;
mod methodology;
mod moderation;
mod not_found;
mod record_claim;
mod reply;
mod reply_review;
mod sign_in;
mod suggest;

pub use admin_alerts::AdminAlertsPage;
pub use admin_disable::AdminDisablePage;
pub use admin_users::AdminUsersPage;
pub use alert_apply::ApplyAlertChangePage;
pub use alerts::{
    AlertsPage, ConfirmAlertPage, ManageAlertPage, UnsubscribeAlertPage, UnsubscribedPage,
};
pub use change_password::ChangePasswordPage;
pub use dashboard::DashboardPage;
pub use data::DataPage;
pub use department::DepartmentPage;
pub use embed::EmbedMapPage;
pub use feeds::FeedsPage;
pub use follow::FollowSuggestionPage;
pub use gaps::GapsPage;
pub use history::HistoryEntryPage;
pub use home::HomePage;
pub use import::ImportPage;
pub use methodology::MethodologyPage;
pub use moderation::ModerationPage;
pub use not_found::NotFoundPage;
pub use record_claim::RecordClaimPage;
pub use reply::ReplyPage;
pub use reply_review::ReplyReviewPage;
pub use sign_in::{ForgotPasswordPage, SetPasswordPage, SignInPage};
pub use suggest::SuggestPage;

/// The route's numeric `:id` (`/history/:id`, `/replies/:id/review`), if it is one.
fn id_param() -> Option<i64> {
    use leptos::prelude::GetUntracked;
    leptos_router::hooks::use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|raw| raw.parse::<i64>().ok())
}
