//! "Para hacer": what leads an officer's day, before the records. Replies waiting for review,
//! pending suggestions, deadlines within 30 days and overdue, claims older than a year, and
//! for admins failed alert deliveries and paused webhooks: each a count and its links, for
//! the person's departments.

use leptos::prelude::*;

use crate::context::{AlertPorts, OfficePorts, PublicView, Viewer};
use crate::i18n::{t, tr, use_lang, Lang};
use vigia::access::Role;
use vigia::gaps::GapKind;
use vigia::DepartmentCode;

/// Links listed under a heading at most; the rest is a count and the page that lists them.
const LISTED: usize = 8;

/// One group of the list: a count, its first links, and where the whole list is.
#[derive(Clone)]
struct Group {
    key: &'static str,
    links: Vec<(String, String)>,
    all: Option<String>,
}

fn group_view(lang: Lang, group: Group) -> impl IntoView {
    let count = group.links.len();
    let more = count.saturating_sub(LISTED);
    let items = group
        .links
        .into_iter()
        .take(LISTED)
        .map(|(href, text)| view! { <li><a href=href>{text}</a></li> })
        .collect_view();
    let all = group.all.filter(|_| more > 0).map(|href| {
        view! { <li><a href=href>{tr(lang, "todo-more", &[("n", (more as i64).into())])}</a></li> }
    });
    view! {
        <div class="todo-group" class:todo-empty=count == 0>
            <h3>{t(lang, group.key)}" "<span class="todo-count">{count}</span></h3>
            {(count > 0).then(|| view! { <ul>{items}{all}</ul> })}
        </div>
    }
}

fn place(view: &PublicView, lang: Lang, department: DepartmentCode, requirement: &str) -> String {
    let name = view
        .snapshot
        .department(department)
        .map(|d| d.name.clone())
        .unwrap_or_else(|| department.to_string());
    let requirement = view
        .snapshot
        .requirements
        .iter()
        .find(|r| r.slug.as_str() == requirement)
        .map(|r| r.name.get(lang.is_spanish()).to_owned())
        .unwrap_or_else(|| requirement.to_owned());
    format!("{name} · {requirement}")
}

/// The groups the snapshot alone answers.
fn from_record(view: &PublicView, viewer: &Viewer, lang: Lang) -> Vec<Group> {
    let replies = view
        .snapshot
        .replies
        .iter()
        .filter(|r| r.review.is_none() && viewer.actor.may_moderate(r.department))
        .map(|r| {
            let href = format!("/replies/{}/review", r.id);
            (
                href,
                place(view, lang, r.department, r.requirement.as_str()),
            )
        })
        .collect();
    let gaps_of = |kinds: &[GapKind]| -> Vec<(String, String)> {
        view.gaps
            .iter()
            .filter(|g| kinds.contains(&g.kind) && viewer.actor.covers(g.department))
            .map(|g| {
                let href = format!("/departments/{}#req-{}", g.department, g.requirement);
                let what = t(lang, &format!("gap-kind-{}", g.kind.slug()));
                let text = format!(
                    "{}: {what}",
                    place(view, lang, g.department, g.requirement.as_str())
                );
                (href, text)
            })
            .collect()
    };
    let mut groups = Vec::new();
    if viewer.role != Role::Department {
        groups.push(Group {
            key: "todo-replies",
            links: replies,
            all: None,
        });
    }
    groups.push(Group {
        key: "todo-deadlines",
        links: gaps_of(&[
            GapKind::Overdue,
            GapKind::Expired,
            GapKind::DueSoon,
            GapKind::ExpiringSoon,
        ]),
        all: Some("/gaps".into()),
    });
    groups.push(Group {
        key: "todo-stale",
        links: gaps_of(&[GapKind::Stale]),
        all: Some("/gaps?kind=stale".into()),
    });
    groups
}

/// The groups other ports answer: pending suggestions, and for admins the alerts' failures.
async fn from_ports(
    viewer: &Viewer,
    view: &PublicView,
    lang: Lang,
    office: Option<OfficePorts>,
    alerts: Option<AlertPorts>,
) -> Vec<Group> {
    let mut groups = Vec::new();
    if viewer.role == Role::Department {
        return groups;
    }
    if let Some(office) = office {
        let pending = office
            .reader
            .pending_suggestions()
            .await
            .unwrap_or_default();
        groups.push(Group {
            key: "todo-suggestions",
            links: pending
                .into_iter()
                .filter(|s| viewer.actor.may_moderate(s.department))
                .map(|s| {
                    let requirement = s.requirement.map(|r| r.to_string()).unwrap_or_default();
                    let text = place(view, lang, s.department, &requirement);
                    (format!("/moderation#suggestion-{}", s.id), text)
                })
                .collect(),
            all: Some("/moderation".into()),
        });
    }
    if viewer.role == Role::Admin {
        if let Some(alerts) = alerts {
            if let Ok(overview) = alerts.reader.overview().await {
                let failed = overview
                    .failed
                    .iter()
                    .map(|d| {
                        let error = d.last_error.clone().unwrap_or_default();
                        ("/admin/alerts".to_owned(), format!("#{} · {error}", d.id))
                    })
                    .collect();
                let paused = overview
                    .webhooks
                    .iter()
                    .filter(|w| w.state == "paused")
                    .map(|w| ("/admin/alerts".to_owned(), w.host.clone()))
                    .collect();
                groups.push(Group {
                    key: "todo-failed",
                    links: failed,
                    all: Some("/admin/alerts".into()),
                });
                groups.push(Group {
                    key: "todo-paused",
                    links: paused,
                    all: Some("/admin/alerts".into()),
                });
            }
        }
    }
    groups
}

#[component]
pub fn ToDo(viewer: Viewer, view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let known = from_record(&view, &viewer, lang)
        .into_iter()
        .map(|g| group_view(lang, g))
        .collect_view();
    view! {
        <section class="todo" aria-labelledby="todo-heading">
            <h2 id="todo-heading">{t(lang, "todo-heading")}</h2>
            <div class="todo-groups">
                {known}
                <Suspense fallback=|| ()>
                    {
                        let (viewer, view) = (viewer.clone(), view.clone());
                        let (office, alerts) = (use_context::<OfficePorts>(), use_context::<AlertPorts>());
                        Suspend::new(async move {
                            from_ports(&viewer, &view, lang, office, alerts)
                                .await
                                .into_iter()
                                .map(|g| group_view(lang, g))
                                .collect_view()
                        })
                    }
                </Suspense>
            </div>
        </section>
    }
}
