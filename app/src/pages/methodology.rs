//! `/methodology`: how Vigía checks what it shows, what the statuses, severities and evidence
//! levels mean, every source it cites, its licence and the map's attribution.

use leptos::prelude::*;

use crate::components::{Layout, PageMeta, SourceCite, WithPublicView};
use crate::context::PublicView;
use crate::i18n::{t, use_lang};
use vigia::gaps::GapKind;
use vigia::{Basis, EvidenceKind, EvidenceLevel, Severity, Source, Status};

#[component]
pub fn MethodologyPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageMeta title=t(lang, "methodology-title") description=t(lang, "methodology-description")/>
        <Layout>
            <h1>{t(lang, "methodology-title")}</h1>
            <p class="lede">{t(lang, "methodology-intro")}</p>
            <WithPublicView render=move |view| view! { <HowWeCheck view/> }/>
            <Definitions/>
            <WithPublicView render=move |view| view! { <Sources view/> }/>
            <section aria-labelledby="licence">
                <h2 id="licence">{t(lang, "licence-heading")}</h2>
                <p>{t(lang, "licence-body")}</p>
                <p>{t(lang, "map-attribution")}</p>
            </section>
        </Layout>
    }
}

#[component]
fn Definitions() -> impl IntoView {
    let lang = use_lang();
    let term = move |key: String| view! { <div><dt>{t(lang, &key)}</dt><dd>{t(lang, &format!("{key}-meaning"))}</dd></div> };
    let statuses = Status::ALL
        .into_iter()
        .map(|s| term(format!("status-{}", s.slug())))
        .collect_view();
    let levels = [EvidenceLevel::Reported, EvidenceLevel::Verified]
        .into_iter()
        .map(|l| term(format!("evidence-{}", l.slug())))
        .collect_view();
    let bases = Basis::ALL
        .into_iter()
        .map(|b| term(format!("basis-{}", b.slug())))
        .collect_view();
    let evidence_kinds = EvidenceKind::ALL
        .into_iter()
        .map(|k| term(format!("evidence-kind-{}", k.slug())))
        .collect_view();
    let severities = Severity::ALL
        .into_iter()
        .map(|s| term(format!("severity-{}", s.slug())))
        .collect_view();
    let kinds = GapKind::ALL
        .into_iter()
        .map(|k| term(format!("gap-kind-{}", k.slug())))
        .collect_view();
    view! {
        <section aria-labelledby="statuses"><h2 id="statuses">{t(lang, "statuses-heading")}</h2><dl class="terms">{statuses}</dl></section>
        <section aria-labelledby="basis"><h2 id="basis">{t(lang, "basis-heading")}</h2><dl class="terms">{bases}</dl></section>
        <section aria-labelledby="evidence"><h2 id="evidence">{t(lang, "evidence-levels-heading")}</h2><dl class="terms">{levels}</dl></section>
        <section aria-labelledby="evidence-kinds"><h2 id="evidence-kinds">{t(lang, "evidence-kinds-heading")}</h2><dl class="terms">{evidence_kinds}</dl></section>
        <section aria-labelledby="severities"><h2 id="severities">{t(lang, "severities-heading")}</h2><dl class="terms">{severities}</dl></section>
        <section aria-labelledby="gap-kinds"><h2 id="gap-kinds">{t(lang, "gap-kinds-heading")}</h2><dl class="terms">{kinds}</dl></section>
        <section aria-labelledby="unverified"><h2 id="unverified">{t(lang, "unverified-heading")}</h2><p>{t(lang, "unverified-body")}</p></section>
    }
}

/// Stated or inferred, author or outlet, the moment described or the publication, sources
/// that disagree, and how to report an error, with each department's suggestion form.
#[component]
fn HowWeCheck(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let terms = ["how-basis", "how-author", "how-dates", "how-disagree", "how-report"]
        .into_iter()
        .map(|key| view! { <div><dt>{t(lang, key)}</dt><dd>{t(lang, &format!("{key}-meaning"))}</dd></div> })
        .collect_view();
    let forms = view
        .snapshot
        .departments
        .iter()
        .map(|d| view! { <li><a href=format!("/departments/{}/suggest", d.code)>{d.name.clone()}</a></li> })
        .collect_view();
    view! {
        <section aria-labelledby="how">
            <h2 id="how">{t(lang, "how-heading")}</h2>
            <dl class="terms">{terms}</dl>
            <p id="suggest-forms">{t(lang, "how-report-links")}</p>
            <ul class="inline-list" aria-labelledby="suggest-forms">{forms}</ul>
        </section>
    }
}

/// Every source Vigía cites: by claims (corrected ones too, as the history shows them), by the
/// national figures and by the requirements' legal basis; each once, oldest first.
#[component]
fn Sources(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let mut sources: Vec<Source> = view
        .snapshot
        .claims
        .iter()
        .map(|c| c.source.clone())
        .chain(
            view.snapshot
                .national
                .iter()
                .filter_map(|f| f.source.clone()),
        )
        .chain(
            view.snapshot
                .requirements
                .iter()
                .flat_map(|r| r.legal_basis_sources.iter().cloned()),
        )
        .collect();
    // A source cited again in a later revision of the seed is a row of its own: list it once.
    sources.sort_by(|a, b| cited_as(a).cmp(&cited_as(b)).then(a.id.cmp(&b.id)));
    sources.dedup_by(|a, b| cited_as(a) == cited_as(b));
    let today = view.today;
    let items = sources
        .into_iter()
        .map(|source| view! { <li><SourceCite source today/></li> })
        .collect_view();
    view! {
        <section aria-labelledby="sources">
            <h2 id="sources">{t(lang, "sources-heading")}</h2>
            <ul class="sources">{items}</ul>
        </section>
    }
}

/// What a citation shows of a source, oldest publication first.
fn cited_as(source: &Source) -> (chrono::NaiveDate, &str, &str, Option<&str>, &str) {
    (
        source.published.first_day(),
        source.title.as_str(),
        source.author.as_str(),
        source.outlet.as_deref(),
        source.url.as_str(),
    )
}
