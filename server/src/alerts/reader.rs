//! The alert pages' port: what a signed link from an email opens, and the admins' overview.
//! Pages ask it for what they show; the web layer no longer matches paths to prepare it.

use async_trait::async_trait;
use std::sync::Arc;

use vigia::ports::{AlertReader, PortError};
use vigia::subscriptions::{AlertLinkPurpose, AlertsOverview, AskedChange, Subscription};
use vigia_store::Store;

use crate::signing::{Purpose, Signer};

/// Deliveries the admins' page lists in each state.
const LISTED: i64 = 50;

pub struct AlertPages {
    pub signer: Signer,
    pub store: Arc<Store>,
}

fn purpose_of(purpose: AlertLinkPurpose) -> Purpose {
    match purpose {
        AlertLinkPurpose::Confirm => Purpose::ConfirmSubscription,
        AlertLinkPurpose::Manage => Purpose::ManageSubscription,
        AlertLinkPurpose::Unsubscribe => Purpose::Unsubscribe,
    }
}

#[async_trait]
impl AlertReader for AlertPages {
    async fn opened(
        &self,
        purpose: AlertLinkPurpose,
        token: &str,
    ) -> Result<Option<Subscription>, PortError> {
        match self
            .signer
            .verify(purpose_of(purpose), token, self.store.now())
        {
            Some(id) => self.store.subscription(id).await,
            None => Ok(None),
        }
    }

    async fn asked_change(&self, token: &str) -> Result<Option<AskedChange>, PortError> {
        let now = self.store.now();
        let Some(change) = self
            .signer
            .verify(Purpose::ApplySubscriptionChange, token, now)
        else {
            return Ok(None);
        };
        Ok(self
            .store
            .subscription_change(change)
            .await?
            .map(|(subscription, asked, applied)| AskedChange {
                subscription,
                asked,
                applied,
            }))
    }

    async fn overview(&self) -> Result<AlertsOverview, PortError> {
        let counts = self.store.alert_counts().await?;
        Ok(AlertsOverview {
            events: counts.events,
            subscriptions: counts.subscriptions,
            subscribers: counts.subscribers,
            deliveries: counts.deliveries,
            failed: self.store.recent_deliveries("failed", LISTED).await?,
            pending: self.store.recent_deliveries("pending", LISTED).await?,
            sent: self.store.recent_deliveries("sent", LISTED).await?,
            webhooks: self.store.webhook_statuses().await?,
        })
    }
}
