//! What alert emails say, in the subscriber's language: plain text and HTML parts naming
//! the department, what changed, the source and where to read more, with the links to
//! change the subscription or leave in every message.

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::Message;

use app::i18n::{t, tr, Lang};
use vigia::events::{Event, EventKind};
use vigia::subscriptions::Subscription;
use vigia::Snapshot;

/// A message before it is addressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    /// Paragraphs; a paragraph may hold one link, written after its text.
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Paragraph {
    Heading(String),
    Text(String),
    Link {
        text: String,
        href: String,
    },
    /// The closing lines: why this message came, and the way out.
    Footer(String),
}

/// The links a subscriber's messages carry.
pub struct Links {
    pub base: String,
    pub manage: String,
    pub unsubscribe: String,
}

fn esc(text: &str) -> String {
    html_escape::encode_text(text).into_owned()
}

impl Letter {
    pub fn text(&self) -> String {
        let mut out = String::new();
        for paragraph in &self.paragraphs {
            match paragraph {
                Paragraph::Heading(text) => {
                    out.push_str(&format!("{text}\n{}\n", "=".repeat(text.chars().count())))
                }
                Paragraph::Text(text) => out.push_str(&format!("{text}\n")),
                Paragraph::Link { text, href } => out.push_str(&format!("{text}\n{href}\n")),
                Paragraph::Footer(text) => out.push_str(&format!("--\n{text}\n")),
            }
            out.push('\n');
        }
        out
    }

    pub fn html(&self, lang: Lang) -> String {
        let mut body = String::new();
        for paragraph in &self.paragraphs {
            body.push_str(&match paragraph {
                Paragraph::Heading(text) => format!("<h2 style=\"font-size:1.1em;margin:1.2em 0 .4em\">{}</h2>", esc(text)),
                Paragraph::Text(text) => format!("<p>{}</p>", esc(text)),
                Paragraph::Link { text, href } => format!(
                    "<p><a href=\"{}\">{}</a></p>",
                    html_escape::encode_double_quoted_attribute(href),
                    esc(text)
                ),
                Paragraph::Footer(text) => format!("<p style=\"color:#555;font-size:.9em;border-top:1px solid #ccc;padding-top:.6em\">{}</p>", esc(text)),
            });
        }
        format!(
            "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
             <body style=\"font-family:sans-serif;line-height:1.5;max-width:40em;margin:0 auto;padding:1em\">{body}</body></html>",
            lang.code(),
            esc(&self.subject)
        )
    }
}

/// The manage and unsubscribe links, at the end of every alert.
fn footer(lang: Lang, links: &Links, paragraphs: &mut Vec<Paragraph>) {
    paragraphs.push(Paragraph::Footer(t(lang, "alerts-mail-why")));
    paragraphs.push(Paragraph::Link {
        text: t(lang, "alerts-mail-manage"),
        href: links.manage.clone(),
    });
    paragraphs.push(Paragraph::Link {
        text: t(lang, "alerts-mail-unsubscribe"),
        href: links.unsubscribe.clone(),
    });
}

fn department_name(snapshot: &Snapshot, event: &Event) -> String {
    snapshot
        .department(event.draft.department)
        .map(|d| d.name.clone())
        .unwrap_or_else(|| event.draft.department.to_string())
}

/// The departments of these events, by name, in the order they first appear.
fn departments_named(snapshot: &Snapshot, events: &[Event]) -> String {
    let mut names: Vec<String> = Vec::new();
    for event in events {
        let name = department_name(snapshot, event);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

/// One event: its title, what happened, the source when a claim caused it, and its page.
fn describe(
    lang: Lang,
    snapshot: &Snapshot,
    base: &str,
    event: &Event,
    paragraphs: &mut Vec<Paragraph>,
) {
    paragraphs.push(Paragraph::Heading(app::explain::event_title(
        lang, event, snapshot,
    )));
    paragraphs.push(Paragraph::Text(app::explain::event_message(
        lang, event, snapshot,
    )));
    // The claim behind the change: when it was recorded, its source and how well it is
    // evidenced, so a reader can judge it from the email alone.
    let claim = event.draft.claim_id.and_then(|id| snapshot.claim(id));
    if let Some(claim) = claim {
        paragraphs.push(Paragraph::Text(tr(
            lang,
            "alerts-mail-claim",
            &[
                (
                    "recorded",
                    app::format::date(lang, vigia::la_paz_date(claim.recorded_at)).into(),
                ),
                ("who", app::format::attribution(lang, &claim.source).into()),
                ("title", claim.source.title.clone().into()),
                (
                    "published",
                    app::format::partial_date(lang, claim.source.published).into(),
                ),
                (
                    "level",
                    t(lang, &format!("evidence-{}", claim.evidence_level.slug())).into(),
                ),
            ],
        )));
    }
    let reply = event
        .draft
        .reply_id
        .and_then(|id| snapshot.replies.iter().find(|r| r.id == id))
        .filter(|r| r.hidden.is_none());
    if let (Some(reply), EventKind::ReplyPosted) = (reply, event.draft.kind) {
        paragraphs.push(Paragraph::Text(tr(
            lang,
            "alerts-mail-reply",
            &[
                ("who", reply.replied_by.clone().into()),
                ("body", reply.body.clone().into()),
            ],
        )));
    }
    if let Some(review) = reply.and_then(|r| r.review.as_ref()) {
        if event.draft.kind == EventKind::ReplyReviewed {
            paragraphs.push(Paragraph::Text(tr(
                lang,
                "alerts-mail-review",
                &[("note", review.note.clone().into())],
            )));
        }
    }
    let (text, href) = match event.history_entry {
        Some(entry) => (
            t(lang, "alerts-mail-entry"),
            format!("{base}/history/{entry}"),
        ),
        None => (
            tr(
                lang,
                "alerts-mail-department",
                &[("department", department_name(snapshot, event).into())],
            ),
            format!("{base}/departments/{}", event.draft.department),
        ),
    };
    paragraphs.push(Paragraph::Link { text, href });
}

/// The events of one change that the subscription wants.
pub fn change_letter(lang: Lang, snapshot: &Snapshot, events: &[Event], links: &Links) -> Letter {
    let subject = match events {
        [one] => tr(
            lang,
            "alerts-mail-subject-one",
            &[(
                "title",
                app::explain::event_title(lang, one, snapshot).into(),
            )],
        ),
        many => tr(
            lang,
            "alerts-mail-subject-more",
            &[
                ("departments", departments_named(snapshot, many).into()),
                ("count", (many.len() as i64).into()),
            ],
        ),
    };
    let mut paragraphs = Vec::new();
    for event in events {
        describe(lang, snapshot, &links.base, event, &mut paragraphs);
    }
    footer(lang, links, &mut paragraphs);
    Letter {
        subject,
        paragraphs,
    }
}

/// Events listed in one digest at most; the rest are a link away.
pub const DIGEST_EVENTS: usize = 200;

/// A day's events, grouped by department in the map's order.
pub fn digest_letter(
    lang: Lang,
    snapshot: &Snapshot,
    day: &str,
    events: &[Event],
    more: usize,
    links: &Links,
) -> Letter {
    let subject = tr(
        lang,
        "alerts-mail-digest-subject",
        &[
            ("departments", departments_named(snapshot, events).into()),
            ("count", ((events.len() + more) as i64).into()),
            ("day", day.to_owned().into()),
        ],
    );
    let mut paragraphs = vec![Paragraph::Text(t(lang, "alerts-mail-digest-intro"))];
    for department in vigia::DepartmentCode::ALL {
        let of_department: Vec<&Event> = events
            .iter()
            .filter(|e| e.draft.department == department)
            .collect();
        if of_department.is_empty() {
            continue;
        }
        let name = snapshot
            .department(department)
            .map(|d| d.name.clone())
            .unwrap_or_else(|| department.to_string());
        paragraphs.push(Paragraph::Heading(name));
        for event in of_department {
            paragraphs.push(Paragraph::Text(format!(
                "• {}",
                app::explain::event_message(lang, event, snapshot)
            )));
        }
    }
    if more > 0 {
        paragraphs.push(Paragraph::Link {
            text: tr(
                lang,
                "alerts-mail-digest-more",
                &[("more", (more as i64).into())],
            ),
            href: format!("{}/feeds/events.atom?lang={}", links.base, lang.code()),
        });
    }
    footer(lang, links, &mut paragraphs);
    Letter {
        subject,
        paragraphs,
    }
}

/// Each choice as a line of its own, under a heading.
fn choices(heading: String, lines: Vec<(String, String)>, paragraphs: &mut Vec<Paragraph>) {
    paragraphs.push(Paragraph::Heading(heading));
    for (label, value) in lines {
        paragraphs.push(Paragraph::Text(format!("• {label}: {value}")));
    }
}

/// Asks to confirm a subscription, saying exactly what it will send.
pub fn confirmation_letter(lang: Lang, confirm: &str, chosen: Vec<(String, String)>) -> Letter {
    let mut paragraphs = vec![Paragraph::Text(t(lang, "alerts-mail-confirm-body"))];
    choices(t(lang, "alerts-confirm-what"), chosen, &mut paragraphs);
    paragraphs.push(Paragraph::Text(t(lang, "alerts-mail-confirm-replaces")));
    paragraphs.push(Paragraph::Link {
        text: t(lang, "alerts-mail-confirm-link"),
        href: confirm.to_owned(),
    });
    paragraphs.push(Paragraph::Footer(t(lang, "alerts-mail-confirm-ignore")));
    Letter {
        subject: t(lang, "alerts-mail-confirm-subject"),
        paragraphs,
    }
}

/// New choices asked for an address that receives alerts already, as the three lists a
/// subscriber compares: what it receives now, what was asked, and what it would receive.
pub struct AskedChange {
    pub now: Vec<(String, String)>,
    pub asked: Vec<(String, String)>,
    pub after: Vec<(String, String)>,
    pub replaces: bool,
    pub apply: String,
}

/// To an address subscribed already that was typed into the form again: nothing changes
/// unless its owner applies the change asked for.
pub fn reminder_letter(lang: Lang, manage: &str, change: Option<AskedChange>) -> Letter {
    let mut paragraphs = Vec::new();
    match change {
        Some(change) => {
            paragraphs.push(Paragraph::Text(t(lang, "alerts-mail-change-body")));
            choices(t(lang, "alerts-manage-what"), change.now, &mut paragraphs);
            choices(
                t(lang, "alerts-mail-change-asked"),
                change.asked,
                &mut paragraphs,
            );
            let after = if change.replaces {
                "alerts-mail-change-after-replace"
            } else {
                "alerts-mail-change-after-add"
            };
            choices(t(lang, after), change.after, &mut paragraphs);
            paragraphs.push(Paragraph::Link {
                text: t(lang, "alerts-mail-change-apply"),
                href: change.apply,
            });
        }
        None => paragraphs.push(Paragraph::Text(t(lang, "alerts-mail-reminder-body"))),
    }
    paragraphs.push(Paragraph::Link {
        text: t(lang, "alerts-mail-manage"),
        href: manage.to_owned(),
    });
    paragraphs.push(Paragraph::Footer(t(lang, "alerts-mail-reminder-ignore")));
    Letter {
        subject: t(lang, "alerts-mail-reminder-subject"),
        paragraphs,
    }
}

/// A one-time link to choose a new password, asked for on the sign-in page.
pub fn password_reset_letter(lang: Lang, link: &str) -> Letter {
    Letter {
        subject: t(lang, "reset-mail-subject"),
        paragraphs: vec![
            Paragraph::Text(t(lang, "reset-mail-body")),
            Paragraph::Link {
                text: t(lang, "reset-mail-link"),
                href: link.to_owned(),
            },
            Paragraph::Footer(t(lang, "reset-mail-ignore")),
        ],
    }
}

pub fn paused_letter(
    lang: Lang,
    subscription: &Subscription,
    last_error: &str,
    manage: &str,
) -> Letter {
    Letter {
        subject: t(lang, "alerts-mail-paused-subject"),
        paragraphs: vec![
            Paragraph::Text(tr(
                lang,
                "alerts-mail-paused-body",
                &[
                    ("address", subscription.address.clone().into()),
                    ("error", last_error.to_owned().into()),
                ],
            )),
            Paragraph::Link {
                text: t(lang, "alerts-mail-resume"),
                href: manage.to_owned(),
            },
        ],
    }
}

/// Headers that only some messages carry.
pub struct Envelope<'a> {
    pub from: &'a Mailbox,
    pub to: &'a str,
    /// Stable for a (change or digest, subscription): a resend after a crash carries the same.
    pub message_id: String,
    /// For alerts: the one-click unsubscribe address and a mailto.
    pub unsubscribe: Option<(&'a str, String)>,
}

/// The message as sent: plain text and HTML alternatives.
pub fn message(letter: &Letter, lang: Lang, envelope: Envelope<'_>) -> Result<Message, String> {
    let to: Mailbox = envelope
        .to
        .parse()
        .map_err(|e| format!("the address cannot be written: {e}"))?;
    let mut builder = Message::builder()
        .from(envelope.from.clone())
        .to(to)
        .subject(letter.subject.clone())
        .message_id(Some(envelope.message_id));
    if let Some((https, mailto)) = envelope.unsubscribe {
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{https}>, <{mailto}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    builder
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(letter.text()),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(letter.html(lang)),
                ),
        )
        .map_err(|e| format!("the message could not be built: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_what_text_says_and_keeps_links() {
        let letter = Letter {
            subject: "<b>x</b>".into(),
            paragraphs: vec![
                Paragraph::Text("a <script> & b".into()),
                Paragraph::Link {
                    text: "go".into(),
                    href: "https://v.test/a?b=1&c=\"2\"".into(),
                },
            ],
        };
        let html = letter.html(Lang::En);
        assert!(html.contains("a &lt;script&gt; &amp; b"));
        assert!(html.contains("href=\"https://v.test/a?b=1&amp;c=&quot;2&quot;\""));
        assert!(!html.contains("<b>x</b>"));
        assert!(letter.text().contains("go\nhttps://v.test/a?b=1&c=\"2\"\n"));
    }
}
