//! Alert subscriptions: who follows what, and how a message reaches them. Pure rules: which
//! events a subscription wants, what a subscription form may say, when a failed delivery is
//! tried again.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::drafts;
use crate::events::{EventDraft, EventKind, THRESHOLDS};
use crate::gaps::Severity;
use crate::new_claim::{Checker, FieldError, Problem};
use crate::{text, DepartmentCode, ParseError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Email,
    Webhook,
}

impl Channel {
    pub fn slug(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Webhook => "webhook",
        }
    }
}

impl FromStr for Channel {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "email" => Ok(Self::Email),
            "webhook" => Ok(Self::Webhook),
            other => Err(ParseError::UnknownEventKind(other.to_owned())),
        }
    }
}

/// What a subscription follows. Empty lists mean "none" except `departments`, where `None`
/// means all nine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    pub departments: Option<Vec<DepartmentCode>>,
    pub kinds: Vec<EventKind>,
    /// Gap events of these severities (others pass: they have none).
    pub severities: Vec<Severity>,
    /// Deadline events at these thresholds.
    pub thresholds: Vec<u32>,
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            departments: None,
            kinds: EventKind::ALL.to_vec(),
            severities: vec![Severity::Critical, Severity::Warning],
            thresholds: vec![7, 1],
        }
    }
}

/// Each item of `mine`, then those of `more` it lacks.
fn union<T: Clone + PartialEq>(mine: &[T], more: &[T]) -> Vec<T> {
    let mut all = mine.to_vec();
    all.extend(more.iter().filter(|x| !mine.contains(x)).cloned());
    all
}

impl Filters {
    /// Everything these follow and everything `more` follows.
    pub fn joined(&self, more: &Filters) -> Filters {
        let departments = match (&self.departments, &more.departments) {
            (Some(mine), Some(more)) => Some(union(mine, more)),
            _ => None,
        };
        Filters {
            departments,
            kinds: union(&self.kinds, &more.kinds),
            severities: union(&self.severities, &more.severities),
            thresholds: union(&self.thresholds, &more.thresholds),
        }
    }

    pub fn wants(&self, event: &EventDraft) -> bool {
        let department = self
            .departments
            .as_ref()
            .is_none_or(|list| list.contains(&event.department));
        let severity = event.severity.is_none_or(|s| self.severities.contains(&s))
            || matches!(
                event.kind,
                EventKind::ReplyPosted | EventKind::ReplyReviewed
            );
        let threshold = event
            .threshold_days
            .is_none_or(|days| self.thresholds.contains(&days));
        department && self.kinds.contains(&event.kind) && severity && threshold
    }
}

/// Where a subscription stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Waiting for its owner to confirm (email) or its receiver to answer the test (webhook).
    Pending,
    Active,
    /// A webhook that kept failing for a day; an admin or its owner can resume it.
    Paused,
    /// The mail server refused the address for good: nothing more is sent to it.
    Bounced,
}

impl State {
    pub const ALL: [State; 4] = [Self::Pending, Self::Active, Self::Paused, Self::Bounced];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Active => "active",
            Self::Paused => "paused",
            Self::Bounced => "bounced",
        }
    }
}

impl FromStr for State {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|v| v.slug() == s)
            .ok_or_else(|| ParseError::UnknownEventKind(s.to_owned()))
    }
}

/// A stored subscription, as its owner's management page and the deliveries need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub id: i64,
    pub channel: Channel,
    pub address: String,
    pub contact: Option<String>,
    pub lang: String,
    pub digest: bool,
    pub filters: Filters,
    pub state: State,
}

impl Subscription {
    /// The subscription once a request from its address is applied: the choices asked for
    /// added to its own, or in their place, as the request said; frequency and language as
    /// asked.
    pub fn with_asked(&self, asked: &NewSubscription) -> Subscription {
        let filters = match asked.if_subscribed {
            IfSubscribed::Add => self.filters.joined(&asked.filters),
            IfSubscribed::Replace => asked.filters.clone(),
        };
        Subscription {
            filters,
            digest: asked.digest,
            lang: asked.lang.clone(),
            ..self.clone()
        }
    }
}

impl Subscription {
    /// The subscription with only the choices a request asked for (what "replace" gives).
    pub fn as_asked(&self, asked: &NewSubscription) -> Subscription {
        self.with_asked(&NewSubscription {
            if_subscribed: IfSubscribed::Replace,
            ..asked.clone()
        })
    }
}

/// New choices asked for an address that receives alerts already, waiting for its owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskedChange {
    pub subscription: Subscription,
    pub asked: NewSubscription,
    pub applied: bool,
}

/// What a request for an address that receives alerts already does to its choices, once
/// the owner applies it from the email.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IfSubscribed {
    #[default]
    Add,
    Replace,
}

/// What the subscription form sends, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubscriptionDraft {
    pub channel: String,
    /// An email address, or a webhook's HTTPS address.
    pub address: String,
    /// For webhooks: whom to tell when it keeps failing (optional).
    pub contact: String,
    /// `all` (the nine departments) or `chosen` (those ticked in
    /// `departments`). Empty for older forms, whose `departments` may hold `all`.
    pub scope: String,
    /// Department codes.
    pub departments: Vec<String>,
    pub kinds: Vec<String>,
    pub severities: Vec<String>,
    pub thresholds: Vec<String>,
    /// `each` (one message per change) or `daily`.
    pub frequency: String,
    pub lang: String,
    /// `add` (the default) or `replace`: see [`IfSubscribed`].
    pub if_subscribed: String,
}

/// A subscription that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSubscription {
    pub channel: Channel,
    pub address: String,
    pub contact: Option<String>,
    pub filters: Filters,
    pub digest: bool,
    /// `es` or `en`.
    pub lang: String,
    /// Requests written before this existed add.
    #[serde(default)]
    pub if_subscribed: IfSubscribed,
}

/// Each value chosen, once: a box sent twice (`departments=BO-L&departments=BO-L`) is one
/// choice.
fn parse_each<T: FromStr + PartialEq>(
    c: &mut Checker,
    field: &'static str,
    values: &[String],
) -> Vec<T> {
    let mut parsed = Vec::new();
    for value in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        match value.parse() {
            Ok(v) if parsed.contains(&v) => {}
            Ok(v) => parsed.push(v),
            Err(_) => c.fail(field, Problem::InvalidChoice),
        }
    }
    parsed
}

/// Whether a webhook address is one Vigía may call: HTTPS (or HTTP when private addresses
/// are allowed, for tests and local trials), with a host.
pub fn webhook_url(c: &mut Checker, input: &str, allow_plain_http: bool) -> Option<String> {
    let url = c.required("address", input, text::URL)?;
    if url.starts_with("http://") && !allow_plain_http {
        c.fail("address", Problem::WebhookNotPublic);
        return None;
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
    match host {
        Some(host)
            if !host.is_empty() && !url.contains(char::is_whitespace) && !host.contains('@') =>
        {
            Some(url)
        }
        _ => {
            c.fail("address", Problem::InvalidUrl);
            None
        }
    }
}

impl SubscriptionDraft {
    /// The departments followed (`None`: all), exactly as chosen: "all" with departments
    /// ticked too, or neither, is refused rather than read as either.
    fn departments(&self, c: &mut Checker) -> Option<Vec<DepartmentCode>> {
        let everywhere = self.departments.iter().any(|d| d.trim() == "all");
        let codes: Vec<String> = self
            .departments
            .iter()
            .filter(|d| d.trim() != "all")
            .cloned()
            .collect();
        let all = match self.scope.trim() {
            "all" => true,
            "chosen" if everywhere => {
                c.fail("departments", Problem::InvalidChoice);
                false
            }
            "chosen" => false,
            "" => everywhere,
            _ => {
                c.fail("departments", Problem::InvalidChoice);
                return None;
            }
        };
        let list: Vec<DepartmentCode> = parse_each(c, "departments", &codes);
        match (all, list.is_empty()) {
            (true, true) => None,
            (true, false) => {
                c.fail("departments", Problem::AllAndSome);
                None
            }
            (false, true) => {
                c.fail("departments", Problem::Required);
                None
            }
            (false, false) => Some(list),
        }
    }

    pub fn validate(&self, allow_plain_http: bool) -> Result<NewSubscription, Vec<FieldError>> {
        let mut c = Checker::default();
        let channel = self
            .channel
            .trim()
            .parse::<Channel>()
            .map_err(|_| c.fail("channel", Problem::InvalidChoice))
            .ok();
        let address = match channel {
            Some(Channel::Webhook) => webhook_url(&mut c, &self.address, allow_plain_http),
            _ => drafts::email("address", &self.address, &mut c),
        };
        let contact = match (channel, self.contact.trim().is_empty()) {
            (Some(Channel::Webhook), false) => drafts::email("contact", &self.contact, &mut c),
            _ => None,
        };
        let departments = self.departments(&mut c);
        let kinds: Vec<EventKind> = parse_each(&mut c, "kinds", &self.kinds);
        if kinds.is_empty() {
            c.fail("kinds", Problem::Required);
        }
        let severities: Vec<Severity> = parse_each(&mut c, "severities", &self.severities);
        let thresholds: Vec<u32> = parse_each(&mut c, "thresholds", &self.thresholds);
        if thresholds.iter().any(|t| !THRESHOLDS.contains(t)) {
            c.fail("thresholds", Problem::InvalidChoice);
        }
        if kinds.contains(&EventKind::GapOpened) && severities.is_empty() {
            c.fail("severities", Problem::Required);
        }
        if kinds.contains(&EventKind::DeadlineApproaching) && thresholds.is_empty() {
            c.fail("thresholds", Problem::Required);
        }
        let digest = match (self.frequency.trim(), channel) {
            ("daily", Some(Channel::Email)) => true,
            ("each" | "", _) => false,
            _ => {
                c.fail("frequency", Problem::InvalidChoice);
                false
            }
        };
        let lang = match self.lang.trim() {
            "es" | "" => "es",
            "en" => "en",
            _ => {
                c.fail("lang", Problem::InvalidChoice);
                "es"
            }
        };
        let if_subscribed = match self.if_subscribed.trim() {
            "add" | "" => IfSubscribed::Add,
            "replace" => IfSubscribed::Replace,
            _ => {
                c.fail("if_subscribed", Problem::InvalidChoice);
                IfSubscribed::Add
            }
        };
        match (channel, address) {
            (Some(channel), Some(address)) if c.0.is_empty() => Ok(NewSubscription {
                channel,
                address,
                contact,
                filters: Filters {
                    departments,
                    kinds,
                    severities,
                    thresholds,
                },
                digest,
                lang: lang.to_owned(),
                if_subscribed,
            }),
            _ => Err(c.0),
        }
    }
}

/// What a link in an alert email is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertLinkPurpose {
    Confirm,
    Manage,
    Unsubscribe,
}

/// What the admins' alerts page shows: counts, recent deliveries by state, webhooks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertsOverview {
    pub events: i64,
    /// (channel, state, subscriptions)
    pub subscriptions: Vec<(String, String, i64)>,
    /// (channel, state, department or `*`, subscribers)
    pub subscribers: Vec<(String, String, String, i64)>,
    /// (channel, state, deliveries)
    pub deliveries: Vec<(String, String, i64)>,
    pub failed: Vec<DeliveryRow>,
    pub pending: Vec<DeliveryRow>,
    pub sent: Vec<DeliveryRow>,
    pub webhooks: Vec<WebhookRow>,
}

/// One delivery as the admins' page lists it: never an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryRow {
    pub id: i64,
    pub channel: String,
    pub purpose: String,
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: String,
    pub sent_at: Option<String>,
}

/// One webhook as the admins' page lists it: its host only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookRow {
    pub id: i64,
    pub host: String,
    pub state: String,
    pub last_success_at: Option<String>,
    pub last_error: Option<String>,
    pub failing_since: Option<String>,
}

/// How long to wait before trying a failed delivery again: doubling from `first` (30 seconds
/// by default) up to six hours, spread by `jitter` (0 to 1) over half to one and a half of
/// that, so receivers that come back are not hit by every retry at once.
pub fn retry_delay(attempts: u32, jitter: f64, first: std::time::Duration) -> std::time::Duration {
    let base = first.as_secs_f64() * 2f64.powi(attempts.saturating_sub(1).min(20) as i32);
    let capped = base.min(6.0 * 3600.0);
    std::time::Duration::from_secs_f64(capped * (0.5 + jitter.clamp(0.0, 1.0)))
}

/// Whether a webhook may be called at `ip`: an address on the public internet, not this
/// machine, its network or a range the IANA special-purpose registries set aside. IPv4:
/// loopback, private, link-local, shared, documentation, benchmarking, multicast, reserved,
/// the 6to4 relay anycast. IPv6: only global unicast (2000::/3) passes, less the ranges in it
/// that are not globally reachable (2001::/23, documentation) or that embed an IPv4 address
/// (6to4, 2002::/16); every IPv6 form that embeds one outside it (IPv4-mapped and
/// -translated, NAT64, the deprecated IPv4-compatible) and site-local, unique-local,
/// link-local and multicast addresses lie outside 2000::/3 and are refused.
pub fn is_public_address(ip: std::net::IpAddr) -> bool {
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    fn public_v4(ip: Ipv4Addr) -> bool {
        let [a, b, c, _] = ip.octets();
        !(ip.is_unspecified()
            || ip.is_loopback()
            || ip.is_private()
            || ip.is_link_local()
            || ip.is_broadcast()
            || ip.is_documentation()
            || ip.is_multicast()
            || a == 0
            || (a == 100 && (64..128).contains(&b))
            || (a == 192 && b == 0 && c == 0)
            || (a == 192 && b == 88 && c == 99)
            || (a == 198 && (18..20).contains(&b))
            || a >= 240)
    }
    fn public_v6(ip: Ipv6Addr) -> bool {
        let [first, second, ..] = ip.segments();
        let global_unicast = first & 0xe000 == 0x2000;
        let ietf_or_documentation = first == 0x2001 && (second < 0x0200 || second == 0x0db8);
        let set_aside = ietf_or_documentation || first == 0x2002 || first & 0xfff0 == 0x3ff0;
        global_unicast && !set_aside
    }
    match ip {
        IpAddr::V4(v4) => public_v4(v4),
        IpAddr::V6(v6) => public_v6(v6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RequirementSlug;

    fn draft() -> SubscriptionDraft {
        SubscriptionDraft {
            channel: "email".into(),
            address: "Red@Example.org".into(),
            scope: "chosen".into(),
            departments: vec!["BO-N".into()],
            kinds: EventKind::ALL.iter().map(|k| k.slug().to_owned()).collect(),
            severities: vec!["critical".into(), "warning".into()],
            thresholds: vec!["7".into(), "1".into()],
            frequency: "each".into(),
            lang: "en".into(),
            ..SubscriptionDraft::default()
        }
    }

    fn event(kind: EventKind) -> EventDraft {
        EventDraft::new(
            kind,
            DepartmentCode::Pando,
            RequirementSlug::parse("action-plan").unwrap(),
        )
    }

    #[test]
    fn a_subscription_wants_its_departments_kinds_severities_and_thresholds() {
        let filters = draft().validate(false).unwrap().filters;
        assert!(filters.wants(&event(EventKind::StatusChanged)));
        let elsewhere = EventDraft {
            department: DepartmentCode::LaPaz,
            ..event(EventKind::StatusChanged)
        };
        assert!(!filters.wants(&elsewhere));
        let notice = EventDraft {
            severity: Some(Severity::Notice),
            ..event(EventKind::GapOpened)
        };
        assert!(
            !filters.wants(&notice),
            "notices are not asked for by default"
        );
        let thirty = EventDraft {
            threshold_days: Some(30),
            ..event(EventKind::DeadlineApproaching)
        };
        assert!(!filters.wants(&thirty));
        let seven = EventDraft {
            threshold_days: Some(7),
            ..event(EventKind::DeadlineApproaching)
        };
        assert!(filters.wants(&seven));
    }

    #[test]
    fn the_form_is_checked_beside_each_field() {
        let ok = draft().validate(false).unwrap();
        assert_eq!(ok.address, "red@example.org");
        assert_eq!(ok.lang, "en");
        let problems = |d: SubscriptionDraft| -> Vec<(&'static str, Problem)> {
            d.validate(false)
                .unwrap_err()
                .into_iter()
                .map(|e| (e.field, e.problem))
                .collect()
        };
        assert_eq!(
            problems(SubscriptionDraft {
                address: "nope".into(),
                ..draft()
            }),
            [("address", Problem::InvalidEmail)]
        );
        assert_eq!(
            problems(SubscriptionDraft {
                departments: vec!["BO-Q".into()],
                ..draft()
            }),
            [
                ("departments", Problem::InvalidChoice),
                ("departments", Problem::Required)
            ]
        );
        assert_eq!(
            problems(SubscriptionDraft {
                kinds: vec!["gap.exploded".into()],
                ..draft()
            }),
            [
                ("kinds", Problem::InvalidChoice),
                ("kinds", Problem::Required)
            ]
        );
        assert_eq!(
            problems(SubscriptionDraft {
                thresholds: vec!["3".into()],
                ..draft()
            }),
            [("thresholds", Problem::InvalidChoice)]
        );
    }

    #[test]
    fn the_departments_are_all_or_those_ticked_never_a_mix_read_as_either() {
        let scoped = |scope: &str, departments: &[&str]| SubscriptionDraft {
            scope: scope.into(),
            departments: departments.iter().map(|d| d.to_string()).collect(),
            ..draft()
        };
        let departments = |d: SubscriptionDraft| d.validate(false).map(|s| s.filters.departments);
        let refused = |d: SubscriptionDraft| -> Vec<Problem> {
            d.validate(false)
                .unwrap_err()
                .into_iter()
                .map(|e| e.problem)
                .collect()
        };
        assert_eq!(departments(scoped("all", &[])), Ok(None));
        assert_eq!(
            departments(scoped("chosen", &["BO-C", "BO-N"])),
            Ok(Some(vec![
                DepartmentCode::Cochabamba,
                DepartmentCode::Pando
            ]))
        );
        // "All" with Cochabamba ticked too is neither all nor Cochabamba: it is refused.
        assert_eq!(refused(scoped("all", &["BO-C"])), [Problem::AllAndSome]);
        assert_eq!(refused(scoped("chosen", &[])), [Problem::Required]);
        assert_eq!(refused(scoped("", &[])), [Problem::Required]);
        assert_eq!(refused(scoped("some", &["BO-C"])), [Problem::InvalidChoice]);
        // Older forms sent "all" as a department.
        assert_eq!(departments(scoped("", &["all"])), Ok(None));
        assert_eq!(refused(scoped("", &["all", "BO-C"])), [Problem::AllAndSome]);
    }

    #[test]
    fn a_request_applied_to_a_subscription_adds_or_replaces_as_it_said() {
        let current = Subscription {
            id: 1,
            channel: Channel::Email,
            address: "red@example.org".into(),
            contact: None,
            lang: "es".into(),
            digest: true,
            filters: draft().validate(false).unwrap().filters,
            state: State::Active,
        };
        let asked = SubscriptionDraft {
            departments: vec!["BO-L".into()],
            kinds: vec!["gap.opened".into()],
            severities: vec!["notice".into()],
            thresholds: vec!["30".into()],
            ..draft()
        };
        let added = current.with_asked(&asked.validate(false).unwrap());
        assert_eq!(
            added.filters.departments,
            Some(vec![DepartmentCode::Pando, DepartmentCode::LaPaz])
        );
        assert_eq!(added.filters.kinds, current.filters.kinds, "all kinds stay");
        assert_eq!(
            added.filters.severities,
            [Severity::Critical, Severity::Warning, Severity::Notice]
        );
        assert_eq!(added.filters.thresholds, [7, 1, 30]);
        assert_eq!(
            (added.digest, added.lang.as_str()),
            (false, "en"),
            "as asked"
        );

        let replacing = SubscriptionDraft {
            if_subscribed: "replace".into(),
            ..asked.clone()
        };
        let replaced = current.with_asked(&replacing.validate(false).unwrap());
        assert_eq!(
            replaced.filters.departments,
            Some(vec![DepartmentCode::LaPaz])
        );
        assert_eq!(replaced.filters.kinds, [EventKind::GapOpened]);

        let everywhere = SubscriptionDraft {
            scope: "all".into(),
            departments: Vec::new(),
            ..asked
        };
        let all = current.with_asked(&everywhere.validate(false).unwrap());
        assert_eq!(all.filters.departments, None, "all of them, as asked");
        let unknown = SubscriptionDraft {
            if_subscribed: "merge".into(),
            ..draft()
        };
        assert!(unknown.validate(false).is_err());
    }

    #[test]
    fn a_box_sent_twice_is_one_choice() {
        let twice = SubscriptionDraft {
            departments: vec!["BO-L".into(), "BO-L".into(), "BO-N".into()],
            kinds: vec!["gap.opened".into(), "gap.opened".into()],
            thresholds: vec!["7".into(), "7".into()],
            ..draft()
        };
        let filters = twice.validate(false).unwrap().filters;
        assert_eq!(
            filters.departments,
            Some(vec![DepartmentCode::LaPaz, DepartmentCode::Pando])
        );
        assert_eq!(filters.kinds, [EventKind::GapOpened]);
        assert_eq!(filters.thresholds, [7]);
    }

    #[test]
    fn webhooks_need_https_unless_private_addresses_are_allowed() {
        let hook = |address: &str| SubscriptionDraft {
            channel: "webhook".into(),
            address: address.into(),
            frequency: "each".into(),
            ..draft()
        };
        assert!(hook("https://hooks.example.org/vigia")
            .validate(false)
            .is_ok());
        assert!(hook("http://hooks.example.org/vigia")
            .validate(false)
            .is_err());
        assert!(hook("http://127.0.0.1:9/x").validate(true).is_ok());
        assert!(hook("https://user@evil.example/x").validate(false).is_err());
        let daily = SubscriptionDraft {
            frequency: "daily".into(),
            ..hook("https://h.example.org")
        };
        assert!(daily.validate(false).is_err(), "digests are for email");
    }

    #[test]
    fn retries_back_off_and_spread() {
        let first = std::time::Duration::from_secs(30);
        let secs = |attempts, jitter| retry_delay(attempts, jitter, first).as_secs_f64();
        assert_eq!(secs(1, 0.5), 30.0);
        assert_eq!(secs(2, 0.5), 60.0);
        assert_eq!(secs(3, 0.0), 60.0);
        assert_eq!(secs(3, 1.0), 180.0);
        assert_eq!(secs(30, 0.5), 6.0 * 3600.0, "never more than six hours");
    }

    #[test]
    fn only_public_addresses_may_receive_webhooks() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "192.0.2.1",
            "198.18.0.1",
            "240.0.0.1",
            "224.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "2001:db8::1",
            "::127.0.0.1",
            "192.88.99.1",
            // 6to4 of 127.0.0.1 and of a public address: both embed IPv4.
            "2002:7f00:1::",
            "2002:808:808::1",
            "fec0::1",
            "::ffff:0:127.0.0.1",
            "::ffff:0:808:808",
            "64:ff9b:1::a00:1",
            "64:ff9b:1::808:808",
            "64:ff9b::808:808",
            "::ffff:8.8.8.8",
            "2001::1",
            "2001:20::1",
            "3fff::1",
            "5f00::1",
            "4000::1",
            "ff02::1",
        ] {
            assert!(!is_public_address(private.parse().unwrap()), "{private}");
        }
        for public in [
            "1.1.1.1",
            "200.87.100.1",
            "2606:4700::1111",
            "2800:cd0::1",
            "2a00:1450:4001::1",
        ] {
            assert!(is_public_address(public.parse().unwrap()), "{public}");
        }
    }
}
