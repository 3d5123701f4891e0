//! One module per route.

mod department;
mod embed;
mod gaps;
mod home;
mod methodology;
mod not_found;
mod record_claim;
mod sign_in;

pub use department::DepartmentPage;
pub use embed::EmbedMapPage;
pub use gaps::GapsPage;
pub use home::HomePage;
pub use methodology::MethodologyPage;
pub use not_found::NotFoundPage;
pub use record_claim::RecordClaimPage;
pub use sign_in::{SetPasswordPage, SignInPage};
