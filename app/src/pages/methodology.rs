//! `/methodology`: what the statuses, severities and evidence levels mean, where the data comes
//! from, its licence and the map's attribution.

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
        .collect();
    sources.sort_by_key(|s| s.id);
    sources.dedup_by_key(|s| s.id);
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
