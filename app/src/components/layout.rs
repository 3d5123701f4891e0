//! The frame of every page: skip link, header with navigation and language switch, footer.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_location;

use crate::components::ErrorSummary;
use crate::context::{current_viewer, SiteInfo};
use crate::flash::form_flash;
use crate::format;
use crate::i18n::{t, tr, use_lang};

/// Title, description and share preview (Open Graph) of a page; `image` is the share
/// image's path (a map, 1200×630), shown large in previews.
#[component]
pub fn PageMeta(
    title: String,
    description: String,
    #[prop(optional, into)] image: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let site = use_context::<SiteInfo>()
        .map(|s| s.public_url)
        .unwrap_or_default();
    let path = use_location().pathname.get_untracked();
    // A form that came back with problems says so first, in the title the reader hears.
    let refused = form_flash().is_some_and(|f| !f.errors.is_empty());
    let full_title = if refused {
        format!("{}{title} · Vigía", t(lang, "error-title-prefix"))
    } else {
        format!("{title} · Vigía")
    };
    let locale = if lang.is_spanish() { "es_BO" } else { "en_US" };
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let image = image.map(|image| {
        let url = format!("{site}{}", crate::urls::with_lang(&image, lang));
        let alt = t(lang, "share-image-alt");
        view! {
            <Meta property="og:image" content=url.clone()/>
            <Meta property="og:image:type" content="image/png"/>
            <Meta property="og:image:width" content=crate::map::standalone::WIDTH.to_string()/>
            <Meta property="og:image:height" content=crate::map::standalone::HEIGHT.to_string()/>
            <Meta property="og:image:alt" content=alt.clone()/>
            <Meta name="twitter:image" content=url/>
            <Meta name="twitter:image:alt" content=alt/>
        }
    });
    view! {
        <Title text=full_title.clone()/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:title" content=full_title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:type" content="website"/>
        <Meta property="og:site_name" content="Vigía"/>
        <Meta property="og:locale" content=locale/>
        <Meta property="og:url" content=crate::urls::with_lang(&format!("{site}{path}"), lang)/>
        <Meta name="twitter:card" content=card/>
        {image}
    }
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let here = location.pathname.get_untracked();
    let query = location.search.get_untracked();
    let next = if query.is_empty() {
        here.clone()
    } else {
        format!("{here}?{query}")
    };
    let other = lang.other();
    // A page named in one language switches to the same page named in the other.
    let next = if crate::i18n::Lang::in_query(Some(&query)).is_some() {
        crate::urls::with_lang(&next, other)
    } else {
        next
    };
    let switch_href = format!("/lang/{}?next={}", other.code(), format::query_value(&next));
    let current = move |path: &str| if here == path { Some("page") } else { None };
    view! {
        <a class="skip-link" href="#content">{t(lang, "skip-to-content")}</a>
        <header class=if current_viewer().is_some() { "site-header signed" } else { "site-header" }>
            <a class="brand" href="/">
                <span class="brand-name">"Vigía"</span>
                <span class="brand-tagline">{t(lang, "site-tagline")}</span>
            </a>
            <nav aria-label=t(lang, "nav-label")>
                <ul>
                    <li><a href="/" aria-current=current("/")>{t(lang, "nav-map")}</a></li>
                    <li><a href="/gaps" aria-current=current("/gaps")>{t(lang, "nav-gaps")}</a></li>
                    <li><a href="/methodology" aria-current=current("/methodology")>{t(lang, "nav-methodology")}</a></li>
                    <li><a href="/data" aria-current=current("/data")>{t(lang, "nav-data")}</a></li>
                </ul>
            </nav>
            <div class="header-tools">
                {current_viewer().map(|viewer| {
                    let admin = viewer.role == vigia::access::Role::Admin;
                    let oversight = viewer.role != vigia::access::Role::Department;
                    view! {
                    <nav class="staff-nav" aria-label=t(lang, "staff-nav-label")>
                        <a href="/dashboard">{t(lang, "nav-dashboard")}</a>
                        {oversight.then(|| view! {
                            " · "<a href="/moderation">{t(lang, "nav-moderation")}</a>
                            " · "<a href="/admin/import">{t(lang, "nav-import")}</a>
                        })}
                        {admin.then(|| view! {
                            " · "<a href="/admin/users">{t(lang, "nav-admin-users")}</a>
                            " · "<a href="/admin/alerts">{t(lang, "nav-admin-alerts")}</a>
                        })}
                        " · "<a href="/account/password">{t(lang, "nav-password")}</a>
                    </nav>
                    <form method="post" action="/signout" class="signed-in">
                        <span><span class="signed-in-label">{t(lang, "signed-in-as")}" "</span><strong title=viewer.display_name.clone()>{viewer.display_name.clone()}</strong></span>
                        <button type="submit" class="link-button">{t(lang, "signout")}</button>
                    </form>
                }
                // Erased, so the page's view type stays within the compiler's depth limit.
                .into_any()})}
                <a class="lang-switch" href=switch_href hreflang=other.code() lang=other.code()>
                    {t(other, "switch-to-this-language")}
                </a>
            </div>
        </header>
        <main id="content" tabindex="-1"><FlashNotice/>{children()}</main>
        <footer class="site-footer">
            <p>{t(lang, "footer-about")}" "<a href="/methodology#unverified">{t(lang, "footer-unverified-link")}</a></p>
            <p>
                <a href="/data">{t(lang, "footer-download-csv")}</a>
                " · "
                <a href="/api/v1/departments">{t(lang, "footer-download-json")}</a>
                " · "
                <a href="/methodology#licence">{t(lang, "footer-licence")}</a>
                " · "
                <a href="/alerts">{t(lang, "footer-alerts")}</a>
                " · "
                <a href="/signin">{t(lang, "footer-signin")}</a>
            </p>
            <p class="attribution">{t(lang, "map-attribution")}</p>
        </footer>
    }
}

/// What the last form post said to this page: a confirmation, why it came back, or (for a
/// refused form without its own words) that each problem is beside its field.
#[component]
fn FlashNotice() -> impl IntoView {
    let lang = use_lang();
    let flash = form_flash()?;
    let summary =
        (!flash.errors.is_empty()).then(|| view! { <ErrorSummary errors=flash.errors.clone()/> });
    let Some(message) = &flash.message else {
        return Some(summary.into_any());
    };
    let text = message.text(lang).to_owned();
    // A saved claim's confirmation links to its entry below.
    let saved = flash.field("saved_claim");
    let link = (!saved.is_empty()).then(|| {
        view! { " "<a href=format!("#claim-{saved}")>{tr(lang, "done-see-claim", &[("id", saved.parse::<i64>().unwrap_or_default().into())])}</a> }
    });
    Some(if message.refused {
        view! { <p class="form-error flash" role="alert">{text}</p>{summary} }.into_any()
    } else {
        view! { <p class="form-notice flash" role="status">{text}{link}</p>{summary} }.into_any()
    })
}
