//! Who may send now. Every delivery is its own task, so a slow receiver delays only its own
//! deliveries; receivers are grouped in lanes (the mail server is one, each webhook host is
//! one), each with a few sends at once and a bounded number of deliveries waiting for them.
//! A delivery that finds its lane's waiting room full goes back to the queue for a moment,
//! so a host that hangs never holds more than its share of the worker.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use vigia::subscriptions::{Channel, Subscription};

/// Emails sent at once: one mail server, which takes a few connections.
const EMAIL_SENDS: usize = 8;
/// Emails waiting for a send, beyond which they go back to the queue.
const EMAIL_WAITING: usize = 128;
/// Calls to one webhook host at once, and deliveries waiting for them.
const HOST_SENDS: usize = 4;
const HOST_WAITING: usize = 32;
/// Webhook calls at once, all hosts together.
const WEBHOOK_SENDS: usize = 32;

/// The lane a subscription's deliveries travel in.
pub fn lane_of(subscription: &Subscription) -> String {
    match subscription.channel {
        Channel::Email => "mail".to_owned(),
        Channel::Webhook => reqwest::Url::parse(&subscription.address)
            .ok()
            .and_then(|url| {
                let host = url.host_str()?.to_owned();
                Some(format!("{host}:{}", url.port_or_known_default()?))
            })
            .unwrap_or_else(|| subscription.address.clone()),
    }
}

struct Lane {
    sends: Arc<Semaphore>,
    /// Deliveries in this lane now, waiting or sending.
    holding: usize,
}

pub struct Lanes {
    lanes: Mutex<HashMap<String, Lane>>,
    webhook_sends: Arc<Semaphore>,
}

/// A delivery's place in its lane: given back when dropped.
pub struct Place {
    lanes: Arc<Lanes>,
    lane: String,
    sends: Arc<Semaphore>,
    email: bool,
}

/// The right to send now.
pub struct Turn {
    _lane: OwnedSemaphorePermit,
    _webhooks: Option<OwnedSemaphorePermit>,
}

impl Default for Lanes {
    fn default() -> Self {
        Self {
            lanes: Mutex::new(HashMap::new()),
            webhook_sends: Arc::new(Semaphore::new(WEBHOOK_SENDS)),
        }
    }
}

impl Lanes {
    /// A place in `lane`, or `None` when its waiting room is full.
    pub fn enter(self: &Arc<Self>, lane: &str) -> Option<Place> {
        let email = lane == "mail";
        let (sends, waiting) = if email {
            (EMAIL_SENDS, EMAIL_WAITING)
        } else {
            (HOST_SENDS, HOST_WAITING)
        };
        let mut lanes = self.lanes.lock().unwrap_or_else(|e| e.into_inner());
        let entry = lanes.entry(lane.to_owned()).or_insert_with(|| Lane {
            sends: Arc::new(Semaphore::new(sends)),
            holding: 0,
        });
        if entry.holding >= sends + waiting {
            return None;
        }
        entry.holding += 1;
        Some(Place {
            lanes: self.clone(),
            lane: lane.to_owned(),
            sends: entry.sends.clone(),
            email,
        })
    }

    /// Deliveries holding a place now, all lanes together.
    #[cfg(test)]
    fn holding(&self) -> usize {
        let lanes = self.lanes.lock().unwrap_or_else(|e| e.into_inner());
        lanes.values().map(|lane| lane.holding).sum()
    }
}

impl Place {
    /// Waits for a send in this lane (and, for a webhook, among all webhooks).
    pub async fn turn(&self) -> Turn {
        let lane = self.sends.clone().acquire_owned().await;
        let webhooks = if self.email {
            None
        } else {
            self.lanes.webhook_sends.clone().acquire_owned().await.ok()
        };
        Turn {
            _lane: lane.expect("lane semaphores are never closed"),
            _webhooks: webhooks,
        }
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let mut lanes = self.lanes.lanes.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(lane) = lanes.get_mut(&self.lane) {
            lane.holding -= 1;
            if lane.holding == 0 {
                lanes.remove(&self.lane);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hanging_host_holds_only_its_own_lane() {
        let lanes = Arc::new(Lanes::default());
        let stuck: Vec<Place> = (0..HOST_SENDS + HOST_WAITING)
            .map(|_| lanes.enter("hangs.example:443").unwrap())
            .collect();
        assert!(
            lanes.enter("hangs.example:443").is_none(),
            "its room is full"
        );
        let turns: Vec<Turn> =
            futures::future::join_all(stuck.iter().take(HOST_SENDS).map(Place::turn)).await;
        let other = lanes
            .enter("answers.example:443")
            .expect("another host has room");
        let _turn = tokio::time::timeout(std::time::Duration::from_secs(1), other.turn())
            .await
            .expect("and a send at once");
        assert!(lanes.enter("mail").is_some(), "email has its own lane");
        drop(turns);
        drop(stuck);
        drop(other);
        assert_eq!(lanes.holding(), 0);
        assert!(
            lanes.lanes.lock().unwrap().is_empty(),
            "empty lanes are forgotten"
        );
    }
}
