//! What a subscription sends, spelled out: shown above the confirmation button and on the
//! manage page, so a person confirms exactly what they chose and nothing else.

use leptos::prelude::*;

use crate::i18n::{t, tr, Lang};
use vigia::gaps::Severity;
use vigia::subscriptions::{Channel, Filters, Subscription};
use vigia::DepartmentCode;
use vigia::Snapshot;

/// The departments' names, in the map's order.
pub fn department_names(snapshot: &Snapshot) -> Vec<(DepartmentCode, String)> {
    DepartmentCode::ALL
        .into_iter()
        .map(|code| {
            let name = snapshot
                .department(code)
                .map(|d| d.name.clone())
                .unwrap_or_else(|| code.to_string());
            (code, name)
        })
        .collect()
}

fn listed(items: Vec<String>, none: String) -> String {
    if items.is_empty() {
        none
    } else {
        items.join(", ")
    }
}

/// The departments followed, by name, in the map's order.
fn departments(lang: Lang, filters: &Filters, names: &[(DepartmentCode, String)]) -> String {
    match &filters.departments {
        None => t(lang, "alerts-all-departments"),
        Some(list) => names
            .iter()
            .filter(|(code, _)| list.contains(code))
            .map(|(_, name)| name.clone())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// Every choice as (label, value) lines: departments, what to send, severities, deadline
/// notices, frequency (email only) and language. Pages and emails say them the same way.
pub fn choice_lines(
    lang: Lang,
    subscription: &Subscription,
    names: &[(DepartmentCode, String)],
) -> Vec<(String, String)> {
    let filters = &subscription.filters;
    let none = t(lang, "alerts-choice-none");
    let kinds = filters
        .kinds
        .iter()
        .map(|k| t(lang, &format!("event-kind-{}", k.slug().replace('.', "-"))))
        .collect();
    let severities = [Severity::Critical, Severity::Warning, Severity::Notice]
        .into_iter()
        .filter(|s| filters.severities.contains(s))
        .map(|s| t(lang, &format!("severity-{}", s.slug())))
        .collect();
    let mut thresholds = filters.thresholds.clone();
    thresholds.sort_unstable_by(|a, b| b.cmp(a));
    let thresholds = thresholds
        .into_iter()
        .map(|days| {
            tr(
                lang,
                "alerts-threshold",
                &[("days", i64::from(days).into())],
            )
        })
        .collect();
    let mut lines = vec![
        (
            t(lang, "alerts-departments"),
            departments(lang, filters, names),
        ),
        (t(lang, "alerts-kinds"), listed(kinds, none.clone())),
        (
            t(lang, "alerts-severities"),
            listed(severities, none.clone()),
        ),
        (t(lang, "alerts-thresholds"), listed(thresholds, none)),
    ];
    if subscription.channel == Channel::Email {
        let frequency = if subscription.digest {
            "alerts-frequency-daily"
        } else {
            "alerts-frequency-each"
        };
        lines.push((t(lang, "alerts-frequency"), t(lang, frequency)));
    }
    lines.push((
        t(lang, "alerts-language"),
        t(lang, &format!("lang-name-{}", subscription.lang)),
    ));
    lines
}

/// [`choice_lines`] as a definition list.
pub fn followed_choices(
    lang: Lang,
    subscription: &Subscription,
    names: &[(DepartmentCode, String)],
) -> impl IntoView {
    let items = choice_lines(lang, subscription, names)
        .into_iter()
        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
        .collect_view();
    view! { <dl class="followed-choices">{items}</dl> }
}
