//! Follow links for suggestions: whoever submits one gets a link, signed with the server's
//! link key (`crate::signing`, kept in the database so every instance signs alike), that shows
//! where their suggestion stands without an account.

use std::sync::Arc;

use async_trait::async_trait;

use vigia::office::SuggestionProgress;
use vigia::ports::{PortError, SuggestionTracker};

use crate::signing::{Purpose, Signer};
use vigia_store::Store;

/// The token of suggestion `id`, for its follow link.
pub fn token(signer: &Signer, id: i64) -> String {
    signer.sign(Purpose::FollowSuggestion, id, None)
}

/// Answers the follow page through the store, for tokens the server signed.
pub struct Tracker {
    pub signer: Signer,
    pub store: Arc<Store>,
}

#[async_trait]
impl SuggestionTracker for Tracker {
    async fn follow(&self, token: &str) -> Result<Option<SuggestionProgress>, PortError> {
        match self
            .signer
            .verify(Purpose::FollowSuggestion, token, self.store.now())
            .filter(|id| *id > 0)
        {
            Some(id) => self.store.suggestion_progress(id).await,
            None => Ok(None),
        }
    }
}
