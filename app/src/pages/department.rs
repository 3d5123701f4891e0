//! `/departments/{code}`: every requirement's state, its gaps, sources and the full history.

use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::{
    AsOfForm, AsWritten, Citation, ClaimSource, ComplianceMap, CorrectionNotes, Disagreement,
    DocumentList, FeedLink, FollowLinks, GapItem, HiddenNotice, HideForm, HistoryEntryItem,
    HowToCite, Layout, LegalBasis, MapDownloads, PageMeta, StatusBadge, StatusStrip,
    WithPublicView,
};
use crate::context::{current_viewer, PublicView};
use crate::format;
use crate::i18n::{t, tr, use_lang, Lang};
use crate::pages::NotFoundPage;
use vigia::requirement::Requirement;
use vigia::{Claim, DepartmentCode, QualityCriterion, TriState};

#[component]
pub fn DepartmentPage() -> impl IntoView {
    let raw = use_params_map()
        .get_untracked()
        .get("code")
        .unwrap_or_default();
    match DepartmentCode::parse(&raw) {
        Ok(code) => {
            view! { <WithPublicView render=move |view| view! { <Department code view/> }/> }
                .into_any()
        }
        Err(_) => view! { <NotFoundPage/> }.into_any(),
    }
}

#[component]
fn Department(code: DepartmentCode, view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let Some(department) = view.snapshot.department(code).cloned() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let gap_count = view.gaps.iter().filter(|g| g.department == code).count() as i64;
    let description = tr(
        lang,
        "department-description",
        &[
            ("department", department.name.clone().into()),
            ("n", gap_count.into()),
        ],
    );
    let facts = department_facts(lang, &department);
    let requirements = view
        .snapshot
        .requirements
        .iter()
        .map(|r| view! { <RequirementSection requirement=r.clone() shown=Shown::of(&view.snapshot, code, &r.slug) view=view.clone()/> })
        .collect_view();
    let page = use_query_map()
        .get_untracked()
        .get("page")
        .and_then(|p| p.parse::<usize>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1);
    let (entries, more) = vigia::history::page(
        &by_event_date(view.snapshot.history_of(code), &view.snapshot),
        page,
        HISTORY_PAGE,
    );
    let history = entries
        .into_iter()
        .map(|entry| view! { <HistoryEntryItem entry snapshot=view.snapshot.clone() event_first=true/> })
        .collect_view();
    let pages = view! { <HistoryPages code page more/> };
    let updated = view
        .snapshot
        .history
        .iter()
        .rev()
        .find(|e| e.department == Some(code))
        .map(|e| e.local_date())
        .unwrap_or(view.today);
    let citation = Citation {
        title: tr(
            lang,
            "cite-department-title",
            &[("department", department.name.clone().into())],
        ),
        path: format!("/departments/{code}"),
        updated,
        key: format!(
            "vigia-{}-{}",
            code.as_str().to_ascii_lowercase(),
            chrono::Datelike::year(&updated)
        ),
    };
    view! {
        <PageMeta title=department.name.clone() description=description image=format!("/map.png?department={code}")/>
        <Layout>
            <nav class="breadcrumb" aria-label=t(lang, "breadcrumb-label")>
                <a href="/">{t(lang, "nav-map")}</a>" › "<span>{department.name.clone()}</span>
            </nav>
            <div class="department-head">
                <div>
                    <h1>{department.name.clone()}</h1>
                    {facts}
                </div>
                <div class="mini-map"><ComplianceMap view=view.clone() highlight=code/></div>
            </div>
            <AsOfForm view=view.clone() action=format!("/departments/{code}")/>
            {requirements}
            <section class="public-history" id="history" aria-labelledby="history-heading">
                <h2 id="history-heading">{t(lang, "public-history-heading")}</h2>
                <p>{t(lang, "public-history-intro")}" "{t(lang, "history-order-note")}</p>
                <ol class="timeline">{history}</ol>
                {pages}
            </section>
            <MapDownloads view=view.clone() department=code/>
            <crate::components::ShareLinks path=format!("/departments/{code}") title=department.name.clone()/>
            <HowToCite citation/>
            <FeedLink department=code/>
            <FollowLinks department=code/>
            <section class="suggest" id="suggest">
                <h2>{t(lang, "suggest-heading")}</h2>
                <p>{t(lang, "suggest-intro")}</p>
                <p><a class="button-link" href=format!("/departments/{code}/suggest")>{t(lang, "suggest-link")}</a></p>
            </section>
        </Layout>
    }
    .into_any()
}

/// The capital, and the census count when the view's day is after its publication (a view
/// of an earlier day names the capital only).
fn department_facts(lang: Lang, department: &vigia::Department) -> impl IntoView {
    let capital = department.capital.clone();
    match department.census.clone() {
        Some(census) => {
            let facts = tr(
                lang,
                "department-facts",
                &[
                    ("capital", capital.into()),
                    ("population", format::number(lang, census.population).into()),
                    ("year", i64::from(census.year).into()),
                ],
            );
            let source = tr(lang, "population-source", &[("source", census.source.into())]);
            view! {
                <p class="department-facts">{facts}</p>
                <p class="population-source">{source}</p>
            }
            .into_any()
        }
        None => view! {
            <p class="department-facts">{tr(lang, "department-capital", &[("capital", capital.into())])}</p>
        }
        .into_any(),
    }
}

/// The history oldest first by the date of what each entry describes (a claim's event date;
/// otherwise the day it was recorded), so a 2020 entry never sits above a 2023 one; a
/// corrected claim's entry goes right after the entry of the claim that corrects it.
fn by_event_date<'s>(
    entries: Vec<&'s vigia::HistoryEntry>,
    snapshot: &vigia::Snapshot,
) -> Vec<&'s vigia::HistoryEntry> {
    // Looked up by id, not searched: a department's entries times every claim was seconds at
    // 20,000 claims. Each entry's claim is looked up once.
    let claims: Vec<Option<&Claim>> = entries
        .iter()
        .map(|e| e.claim_id().and_then(|id| snapshot.claim(id)))
        .collect();
    let described = |at: usize| {
        claims[at]
            .map(|c| c.event_date.first_day())
            .unwrap_or_else(|| entries[at].local_date())
    };
    let mut entry_of_claim: HashMap<i64, usize> = HashMap::new();
    for (at, entry) in entries.iter().enumerate() {
        if let Some(claim) = entry.claim_id() {
            // The first entry of a claim, as a search from the start would find.
            entry_of_claim.entry(claim).or_insert(at);
        }
    }
    let mut keyed: Vec<_> = (0..entries.len())
        .map(|at| {
            let correcting = claims[at]
                .and_then(|c| c.corrected_by)
                .and_then(|by| entry_of_claim.get(&by).copied());
            let key = match correcting {
                Some(by) => (described(by), entries[by].id, 1, entries[at].id),
                None => (described(at), entries[at].id, 0, entries[at].id),
            };
            (key, entries[at])
        })
        .collect();
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, e)| e).collect()
}

/// Entries of the public history on one page of a department.
const HISTORY_PAGE: usize = 50;
/// Claims listed under each requirement; the full history is below them.
const CLAIMS_SHOWN: usize = 20;

/// Links to the newer and older pages of a department's public history.
#[component]
fn HistoryPages(code: DepartmentCode, page: usize, more: bool) -> impl IntoView {
    let lang = use_lang();
    let href = move |p: usize| format!("/departments/{code}?page={p}#history");
    let newer = (page > 1)
        .then(|| view! { <a href=href(page - 1) rel="prev">{t(lang, "history-page-newer")}</a> });
    let older = more
        .then(|| view! { <a href=href(page + 1) rel="next">{t(lang, "history-page-older")}</a> });
    (page > 1 || more).then(|| {
        view! {
            <nav class="pagination" aria-label=t(lang, "history-page-label")>{newer}" "{older}</nav>
        }
    })
}

/// What a requirement's section shows of one record, copied out of the snapshot: the record
/// itself is only borrowed (at 20,000 claims copying each record, twice, was most of the
/// page's render after a write).
struct Shown {
    department: DepartmentCode,
    current: Option<Claim>,
    disagreement: Vec<Claim>,
    /// The newest [`CLAIMS_SHOWN`] claims, in [`paired`] order.
    history: Vec<Claim>,
    /// How many claims the record has.
    total: usize,
}

impl Shown {
    fn of(snapshot: &vigia::Snapshot, code: DepartmentCode, slug: &vigia::RequirementSlug) -> Self {
        let record = snapshot.borrowed_record(code, slug);
        Self {
            department: code,
            current: record.current().cloned(),
            disagreement: record.disagreement().into_iter().cloned().collect(),
            total: record.claims.len(),
            history: paired(record.claims)
                .into_iter()
                .take(CLAIMS_SHOWN)
                .cloned()
                .collect(),
        }
    }
}

#[component]
fn RequirementSection(requirement: Requirement, shown: Shown, view: PublicView) -> impl IntoView {
    let Shown {
        department,
        current,
        disagreement,
        history,
        total,
    } = shown;
    let lang = use_lang();
    let heading_id = format!("req-{}", requirement.slug);
    let labelled_by = heading_id.clone();
    let gaps: Vec<_> = view
        .gaps
        .iter()
        .filter(|g| g.department == department && g.requirement == requirement.slug)
        .cloned()
        .collect();
    let gap_list = if gaps.is_empty() {
        view! { <p class="no-gaps">{t(lang, "no-gaps")}</p> }.into_any()
    } else {
        let items = gaps
            .into_iter()
            .map(|gap| view! { <GapItem gap view=view.clone()/> })
            .collect_view();
        view! { <ul class="gap-list">{items}</ul> }.into_any()
    };
    view! {
        <section class="requirement" aria-labelledby=labelled_by>
            <h2 id=heading_id>{requirement.name.get(lang.is_spanish()).to_owned()}</h2>
            {current_viewer().filter(|v| v.may_record.contains(&department)).map(|_| view! {
                <p><a class="button-link" href=format!("/departments/{}/{}/new", department, requirement.slug)>{t(lang, "record-new")}</a></p>
            })}
            <LegalBasis requirement=requirement.clone() today=view.today as_of=view.as_of/>
            <StatusStrip view=view.clone() code=department requirement=requirement.clone()/>
            {match current {
                Some(claim) => view! { <CurrentState claim requirement=requirement.clone() view=view.clone()/> }.into_any(),
                None => view! { <p>{t(lang, "no-claims")}</p> }.into_any(),
            }}
            {(!disagreement.is_empty()).then(|| view! { <Disagreement claims=disagreement requirement=requirement.clone() today=view.today/> })}
            <h3>{t(lang, "gaps-heading")}</h3>
            {gap_list}
            <History claims=history total department requirement=requirement.clone() view=view.clone()/>
        </section>
    }
}

fn optional_text(lang: Lang, value: Option<String>) -> String {
    value.unwrap_or_else(|| t(lang, "unknown"))
}

#[component]
fn CurrentState(claim: Claim, requirement: Requirement, view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let validity = format::validity(lang, claim.valid_from, claim.valid_until)
        .unwrap_or_else(|| t(lang, "unknown"));
    let rows = [
        (
            t(lang, "field-event-date"),
            format::partial_date(lang, claim.event_date),
        ),
        (
            t(lang, "field-status-since"),
            optional_text(
                lang,
                claim.status_since.map(|d| format::partial_date(lang, d)),
            ),
        ),
        (
            t(lang, "field-due-date"),
            optional_text(lang, claim.due_date.map(|d| format::date(lang, d))),
        ),
        (t(lang, "field-validity"), validity),
        (
            t(lang, "field-approving-instrument"),
            optional_text(
                lang,
                claim.approving_instrument.as_deref().map(str::to_owned),
            ),
        ),
    ];
    let quality = requirement
        .has_quality_criteria
        .then(|| view! { <QualityList claim=claim.clone()/> });
    let evidence = claim
        .evidence
        .iter()
        .map(|e| view! { <li><a href=e.url.clone() rel="noopener">{e.label.clone()}</a></li> })
        .collect_view();
    // In force past the end of the validity its source gives reads as expired, by inference,
    // as the map and the `expired` gap say.
    let status = claim.status_on(view.today);
    let basis = match claim.inferred_on(view.today) {
        true => vigia::Basis::Inferred,
        false => claim.basis,
    };
    let level = claim.evidence_level;
    view! {
        <div class="current-state">
            <p class="current-status">
                <span class="field-label">{t(lang, "field-status")}" "</span>
                <StatusBadge status requirement=Some(requirement.clone()) evidence=Some(level) basis/>
            </p>
            <dl class="fields">
                {rows.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
            {quality}
            <ClaimNote claim=claim.clone()/>
            <ClaimSource claim=claim.clone() today=view.today/>
            {(!claim.evidence.is_empty() || !claim.documents.is_empty()).then(|| view! {
                <h3>{t(lang, "evidence-heading")}</h3>
                <ul>{evidence}</ul>
                <DocumentList documents=claim.documents.clone() back_to=format!("/departments/{}", claim.department)/>
            })}
        </div>
    }
}

/// A claim's note in the reader's language, or why an admin hid it; admins may hide it.
#[component]
fn ClaimNote(claim: Claim) -> impl IntoView {
    let lang = use_lang();
    match claim.note_hidden.clone() {
        Some(hidden) => view! { <HiddenNotice hidden=*hidden/> }.into_any(),
        None => {
            let note = if lang.is_spanish() {
                claim.note_es.clone()
            } else {
                claim.note_en.clone()
            };
            let back_to = format!("/departments/{}#claim-{}", claim.department, claim.id);
            view! {
                <p class="claim-note"><AsWritten text=note/></p>
                <HideForm kind="claim" id=claim.id back_to/>
            }
            .into_any()
        }
    }
}

#[component]
fn QualityList(claim: Claim) -> impl IntoView {
    let lang = use_lang();
    let items = QualityCriterion::ALL
        .into_iter()
        .map(|criterion| {
            let answer: TriState = claim.quality.get(criterion);
            view! {
                <li>
                    <span>{t(lang, &format!("quality-{}", criterion.slug()))}</span>": "
                    <span class=format!("answer answer-{}", answer.slug())>{t(lang, &format!("answer-{}", answer.slug()))}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>{t(lang, "quality-heading")}</h3>
        <ul class="quality">{items}</ul>
    }
}

/// Newest moment first, each corrected claim right after the claim that corrects it, so the
/// history reads as the pair it is rather than two unrelated entries.
fn paired<C: Borrow<Claim>>(claims: Vec<C>) -> Vec<C> {
    // By position, with each claim's corrected claims found through a map: a record of
    // thousands of claims is walked once, not once per claim.
    let ids: HashSet<i64> = claims.iter().map(|c| c.borrow().id).collect();
    let mut corrected_of: HashMap<i64, Vec<usize>> = HashMap::new();
    for (at, claim) in claims.iter().enumerate().rev() {
        if let Some(by) = claim.borrow().corrected_by {
            corrected_of.entry(by).or_default().push(at);
        }
    }
    fn with_corrected<C: Borrow<Claim>>(
        at: usize,
        claims: &[C],
        corrected_of: &HashMap<i64, Vec<usize>>,
        ordered: &mut Vec<usize>,
    ) {
        ordered.push(at);
        for corrected in corrected_of
            .get(&claims[at].borrow().id)
            .into_iter()
            .flatten()
        {
            with_corrected(*corrected, claims, corrected_of, ordered);
        }
    }
    let mut ordered = Vec::with_capacity(claims.len());
    for (at, claim) in claims.iter().enumerate().rev() {
        if !claim
            .borrow()
            .corrected_by
            .is_some_and(|by| ids.contains(&by))
        {
            with_corrected(at, &claims, &corrected_of, &mut ordered);
        }
    }
    let mut slots: Vec<Option<C>> = claims.into_iter().map(Some).collect();
    ordered
        .into_iter()
        .filter_map(|at| slots[at].take())
        .collect()
}

#[component]
fn History(
    claims: Vec<Claim>,
    total: usize,
    department: DepartmentCode,
    requirement: Requirement,
    view: PublicView,
) -> impl IntoView {
    let lang = use_lang();
    let cut = (total > CLAIMS_SHOWN).then(|| {
        let message = tr(
            lang,
            "history-more-claims",
            &[
                ("shown", (CLAIMS_SHOWN as i64).into()),
                ("total", (total as i64).into()),
            ],
        );
        view! { <p class="hint"><a href="#history">{message}</a></p> }
    });
    let may_correct = current_viewer().is_some_and(|v| v.may_record.contains(&department));
    let entries = claims
        .into_iter()
        .map(|c| {
            let status = c.status;
            let level = c.evidence_level;
            let about = format::partial_date(lang, c.event_date);
            let corrected = c.is_corrected();
            let correct = (may_correct && !corrected).then(|| {
                let href = format!("/departments/{}/{}/new?corrects={}", c.department, c.requirement, c.id);
                view! { <p><a class="correct-link" href=href>{t(lang, "correct-link")}</a></p> }
            });
            view! {
                <li id=format!("claim-{}", c.id) class:corrected=corrected class:correction=c.corrects.is_some()>
                    <p class="timeline-date">
                        <time datetime=c.event_date.to_string()>{about}</time>
                    </p>
                    <CorrectionNotes claim=c.clone()/>
                    <p><StatusBadge status requirement=Some(requirement.clone()) evidence=Some(level) basis=c.basis/></p>
                    <ClaimNote claim=c.clone()/>
                    {c.recorded_by.as_deref().map(str::to_owned).map(|name| view! { <p class="recorded-by">{tr(lang, "history-recorded-by", &[("name", name.into())])}</p> })}
                    {(!c.documents.is_empty()).then(|| view! { <DocumentList documents=c.documents.clone() back_to=format!("/departments/{}#claim-{}", c.department, c.id)/> })}
                    <ClaimSource claim=c.clone() today=view.today/>
                    {correct}
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>{t(lang, "history-heading")}</h3>
        <ol class="timeline">{entries}</ol>
        {cut}
    }
}

#[cfg(test)]
mod tests {
    use super::paired;
    use crate::story::tests::claim;
    use vigia::{DepartmentCode, Status};

    #[test]
    fn a_corrected_claim_follows_the_claim_that_corrects_it() {
        let with = |id: i64, corrected_by: Option<i64>| {
            let mut c = claim(id, DepartmentCode::LaPaz, Status::Missing, "2020");
            c.corrected_by = corrected_by;
            c
        };
        // 1 was corrected by 4, which 5 corrected again; 3 names a corrector not here.
        let claims = vec![
            with(1, Some(4)),
            with(2, None),
            with(3, Some(99)),
            with(4, Some(5)),
            with(5, None),
            with(6, None),
        ];
        let ids: Vec<i64> = paired(claims).iter().map(|c| c.id).collect();
        assert_eq!(ids, [6, 5, 4, 1, 3, 2]);
    }
}
