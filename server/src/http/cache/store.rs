//! The answers kept for one data version on one day, each with its compressed forms, within
//! a byte budget that counts every form; the least recently used go first.

use axum::body::Bytes;
use chrono::NaiveDate;
use http::{HeaderName, HeaderValue, StatusCode};
use lru::LruCache;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::i18n::Lang;

use super::keys::Unchanged;
use crate::http::encoding::{self, Coding};
use vigia_store::Touched;

pub struct Entry {
    pub status: StatusCode,
    pub content_type: HeaderValue,
    /// Weak, since the bytes differ by coding; one validator for all of them.
    pub etag: HeaderValue,
    /// The page's Content-Security-Policy and framing rules.
    pub security: Vec<(HeaderName, HeaderValue)>,
    pub identity: Bytes,
    pub brotli: Option<Bytes>,
    pub gzip: Option<Bytes>,
}

impl Entry {
    /// An answer with its compressed forms, made now so that a burst of reads after a write
    /// waits for one compression, not one per reader.
    pub fn new(
        status: StatusCode,
        content_type: HeaderValue,
        security: Vec<(HeaderName, HeaderValue)>,
        body: Bytes,
    ) -> Self {
        let compress =
            encoding::worth_compressing(content_type.to_str().unwrap_or_default(), body.len());
        Self {
            status,
            content_type,
            etag: etag_of(&body),
            security,
            brotli: compress.then(|| Bytes::from(encoding::brotli(&body))),
            gzip: compress.then(|| Bytes::from(encoding::gzip(&body))),
            identity: body,
        }
    }

    pub fn codings(&self) -> &'static [Coding] {
        if self.brotli.is_some() {
            &[Coding::Brotli, Coding::Gzip]
        } else {
            &[]
        }
    }

    pub fn body(&self, coding: Coding) -> Bytes {
        match coding {
            Coding::Brotli => self.brotli.clone(),
            Coding::Gzip => self.gzip.clone(),
            Coding::Identity => None,
        }
        .unwrap_or_else(|| self.identity.clone())
    }

    /// What the entry costs the budget: all its forms and a fixed allowance for the rest.
    fn cost(&self, key: &str) -> usize {
        let compressed = |form: &Option<Bytes>| form.as_ref().map_or(0, Bytes::len);
        self.identity.len() + compressed(&self.brotli) + compressed(&self.gzip) + key.len() + 512
    }
}

pub fn etag_of(body: &[u8]) -> HeaderValue {
    let hash = xxhash_rust::xxh3::xxh3_128(body);
    HeaderValue::from_str(&format!("W/\"{hash:032x}\"")).expect("hex is a valid header value")
}

/// How many locks share out the cache misses (by path and language).
const FILL_LOCKS: usize = 16;

/// The answers last rendered, kept even once stale, for requests that arrive while the same
/// page is being rendered again: the most popular pages, a few MB at most.
const LAST_RENDERED: usize = 16;

/// How old a last rendered answer may be and still be sent instead of waiting for a render.
const STALE_AT_MOST: Duration = Duration::from_secs(5);

/// What storing an answer did.
#[derive(Debug, PartialEq, Eq)]
pub enum Stored {
    /// Kept, pushing out this many older answers.
    Kept { evicted: usize },
    /// Too large to keep (over a quarter of the budget), or the data changed meanwhile.
    Refused,
}

/// An answer and when it was rendered.
type Rendered = (Instant, Arc<Entry>);

pub struct PageCache {
    inner: Mutex<Generation>,
    budget: usize,
    /// After a write every cached page goes stale at once; without these, each of the
    /// requests waiting on a popular page would render it again, all together.
    fills: [tokio::sync::Mutex<()>; FILL_LOCKS],
    last_rendered: Mutex<LruCache<(Lang, String), Rendered>>,
}

struct Generation {
    version: u64,
    today: Option<NaiveDate>,
    entries: LruCache<(Lang, String), Arc<Entry>>,
    bytes: usize,
}

impl Generation {
    fn empty(version: u64, today: Option<NaiveDate>) -> Self {
        Self {
            version,
            today,
            entries: LruCache::unbounded(),
            bytes: 0,
        }
    }

    /// Moves on to `version`, dropping the answers that writes changing only `touched` may
    /// have changed (`keys::Unchanged`).
    fn keep_unchanged(&mut self, version: u64, touched: &[Touched]) {
        let unchanged = Unchanged::by(touched);
        let stale: Vec<(Lang, String)> = self
            .entries
            .iter()
            .filter(|((_, key), _)| !unchanged.keeps(key))
            .map(|(at, _)| at.clone())
            .collect();
        for at in stale {
            if let Some(old) = self.entries.pop(&at) {
                self.bytes -= old.cost(&at.1);
            }
        }
        self.version = version;
    }
}

impl PageCache {
    pub fn new(budget: usize) -> Self {
        Self {
            inner: Mutex::new(Generation::empty(0, None)),
            budget,
            fills: Default::default(),
            last_rendered: Mutex::new(LruCache::new(
                NonZeroUsize::new(LAST_RENDERED).expect("not zero"),
            )),
        }
    }

    /// The answer kept under `key` for `version` on `today`. When the version has moved on,
    /// `changed` tells which records the versions since changed (`None`: unknown, or more
    /// than records), and only the answers those could have changed are dropped.
    pub fn get(
        &self,
        (version, today): (u64, NaiveDate),
        lang: Lang,
        key: &str,
        changed: impl FnOnce(u64) -> Option<Vec<Touched>>,
    ) -> Option<Arc<Entry>> {
        let mut generation = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if generation.version != version || generation.today != Some(today) {
            let later_same_day = generation.today == Some(today) && version > generation.version;
            match later_same_day
                .then(|| changed(generation.version))
                .flatten()
            {
                Some(touched) => generation.keep_unchanged(version, &touched),
                None => *generation = Generation::empty(version, Some(today)),
            }
        }
        generation.entries.get(&(lang, key.to_owned())).cloned()
    }

    pub fn fill_lock(&self, lang: Lang, key: &str) -> &tokio::sync::Mutex<()> {
        let hash = xxhash_rust::xxh3::xxh3_64(key.as_bytes()) as usize + lang as usize;
        &self.fills[hash % FILL_LOCKS]
    }

    pub fn put(
        &self,
        version: u64,
        today: NaiveDate,
        lang: Lang,
        key: String,
        entry: Arc<Entry>,
    ) -> Stored {
        let cost = entry.cost(&key);
        if cost > self.budget / 4 {
            return Stored::Refused;
        }
        let mut generation = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if generation.version != version || generation.today != Some(today) {
            return Stored::Refused;
        }
        let mut evicted = 0;
        while generation.bytes + cost > self.budget {
            match generation.entries.pop_lru() {
                Some(((_, old_key), old)) => {
                    generation.bytes -= old.cost(&old_key);
                    evicted += 1;
                }
                None => break,
            }
        }
        generation.bytes += cost;
        if let Some(old) = generation.entries.put((lang, key.clone()), entry) {
            generation.bytes -= old.cost(&key);
        }
        Stored::Kept { evicted }
    }

    /// Keeps `entry` as the last rendered answer under `key`, whether or not the data changed
    /// while it was rendered.
    pub fn rendered(&self, lang: Lang, key: String, entry: Arc<Entry>) {
        self.rendered_at(lang, key, entry, Instant::now());
    }

    fn rendered_at(&self, lang: Lang, key: String, entry: Arc<Entry>, now: Instant) {
        let mut last = self.last_rendered.lock().unwrap_or_else(|p| p.into_inner());
        // Kept in the order rendered: those too old to be sent go, so that the stale pages a
        // burst of writes left do not stay in memory beside the fresh ones.
        while last
            .peek_lru()
            .is_some_and(|(_, (at, _))| now.saturating_duration_since(*at) > STALE_AT_MOST)
        {
            last.pop_lru();
        }
        last.put((lang, key), (now, entry));
    }

    /// The answer last rendered under `key`, however stale, if it was rendered in the last
    /// few seconds: while writes come faster than a page renders, every render is stale when
    /// it ends and would never be kept, so each request would wait for one of its own.
    pub fn recently_rendered(&self, lang: Lang, key: &str) -> Option<Arc<Entry>> {
        self.rendered_before(lang, key, Instant::now())
    }

    fn rendered_before(&self, lang: Lang, key: &str, now: Instant) -> Option<Arc<Entry>> {
        let last = self.last_rendered.lock().unwrap_or_else(|p| p.into_inner());
        let (at, entry) = last.peek(&(lang, key.to_owned()))?;
        (now.saturating_duration_since(*at) <= STALE_AT_MOST).then(|| entry.clone())
    }

    /// Bytes held now (for tests and metrics).
    pub fn bytes(&self) -> usize {
        self.inner.lock().unwrap_or_else(|p| p.into_inner()).bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Versions whose changes nobody knows: each drops everything.
    fn unknown(_: u64) -> Option<Vec<Touched>> {
        None
    }

    fn entry(size: usize) -> Arc<Entry> {
        Arc::new(Entry::new(
            StatusCode::OK,
            HeaderValue::from_static("application/octet-stream"),
            Vec::new(),
            Bytes::from(vec![b'x'; size]),
        ))
    }

    #[test]
    fn etag_is_weak_and_depends_on_the_body_only() {
        assert_eq!(etag_of(b"hello"), etag_of(b"hello"));
        assert_ne!(etag_of(b"hello"), etag_of(b"hello!"));
        assert!(etag_of(b"hello").to_str().unwrap().starts_with("W/\""));
    }

    #[test]
    fn the_budget_evicts_the_least_recently_used_and_refuses_the_oversized() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        // Each entry costs 1,514 bytes: four fit in 7,000, a fifth evicts one.
        let cache = PageCache::new(7_000);
        cache.get((1, today), Lang::Es, "/", unknown);
        for key in ["/a", "/b", "/c", "/d"] {
            assert_eq!(
                cache.put(1, today, Lang::Es, key.into(), entry(1000)),
                Stored::Kept { evicted: 0 }
            );
        }
        cache.get((1, today), Lang::Es, "/a", unknown);
        assert_eq!(
            cache.put(1, today, Lang::Es, "/e".into(), entry(1000)),
            Stored::Kept { evicted: 1 }
        );
        assert!(cache.bytes() <= 7_000);
        assert!(
            cache.get((1, today), Lang::Es, "/b", unknown).is_none(),
            "least recently used went"
        );
        assert!(cache.get((1, today), Lang::Es, "/a", unknown).is_some());
        assert_eq!(
            cache.put(1, today, Lang::Es, "/huge".into(), entry(3000)),
            Stored::Refused,
            "over a quarter"
        );
    }

    #[test]
    fn the_budget_counts_every_compressed_form() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let cache = PageCache::new(1_000_000);
        cache.get((1, today), Lang::Es, "/", unknown);
        let html = Arc::new(Entry::new(
            StatusCode::OK,
            HeaderValue::from_static("text/html; charset=utf-8"),
            Vec::new(),
            Bytes::from("<p>hola</p>".repeat(1000)),
        ));
        let forms = html.identity.len()
            + html.brotli.as_ref().unwrap().len()
            + html.gzip.as_ref().unwrap().len();
        cache.put(1, today, Lang::Es, "/".into(), html);
        assert_eq!(cache.bytes(), forms + "/".len() + 512);
    }

    #[test]
    fn a_new_data_version_makes_every_form_stale_at_once() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let cache = PageCache::new(1_000_000);
        cache.get((1, today), Lang::Es, "/", unknown);
        cache.put(1, today, Lang::Es, "/".into(), entry(1000));
        assert!(cache.get((1, today), Lang::Es, "/", unknown).is_some());
        assert!(cache.get((2, today), Lang::Es, "/", unknown).is_none());
        assert_eq!(cache.bytes(), 0);
    }

    #[test]
    fn a_write_to_one_department_keeps_the_pages_it_changed_nothing_of() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let cache = PageCache::new(1_000_000);
        cache.get((1, today), Lang::Es, "/", unknown);
        for key in ["/", "/departments/BO-L", "/departments/BO-N"] {
            cache.put(1, today, Lang::Es, key.into(), entry(1000));
        }
        let pando = || {
            Some(vec![Touched {
                department: vigia::DepartmentCode::Pando,
                requirement: vigia::RequirementSlug::parse("shelter").unwrap(),
                glance_moved: false,
            }])
        };
        let asked = std::cell::Cell::new(None);
        let changed = |from| {
            asked.set(Some(from));
            pando()
        };
        assert!(cache
            .get((2, today), Lang::Es, "/departments/BO-L", changed)
            .is_some());
        assert_eq!(
            asked.get(),
            Some(1),
            "asked what changed since the version kept"
        );
        assert!(cache.get((2, today), Lang::Es, "/", unknown).is_none());
        assert!(cache
            .get((2, today), Lang::Es, "/departments/BO-N", unknown)
            .is_none());
        assert_eq!(cache.bytes(), entry(1000).cost("/departments/BO-L"));
        // Unknown changes, or another day, drop everything.
        assert!(cache
            .get((3, today), Lang::Es, "/departments/BO-L", unknown)
            .is_none());
        cache.put(3, today, Lang::Es, "/departments/BO-L".into(), entry(1000));
        let tomorrow = today.succ_opt().unwrap();
        assert!(cache
            .get((4, tomorrow), Lang::Es, "/departments/BO-L", |_| pando())
            .is_none());
        assert_eq!(cache.bytes(), 0);
    }

    #[test]
    fn the_last_rendered_answer_outlives_its_version_for_a_few_seconds_only() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let cache = PageCache::new(1 << 20);
        let page = entry(100);
        assert!(cache.get((0, today), Lang::Es, "/", unknown).is_none());
        assert_eq!(
            cache.put(0, today, Lang::Es, "/".into(), page.clone()),
            Stored::Kept { evicted: 0 }
        );
        cache.rendered(Lang::Es, "/".into(), page.clone());
        assert!(
            cache.get((1, today), Lang::Es, "/", unknown).is_none(),
            "stale for the cache"
        );
        let kept = cache
            .recently_rendered(Lang::Es, "/")
            .expect("kept as last rendered");
        assert_eq!(kept.etag, page.etag);
        assert!(
            cache.recently_rendered(Lang::En, "/").is_none(),
            "kept per language"
        );
        let later = Instant::now() + STALE_AT_MOST + Duration::from_secs(1);
        assert!(
            cache.rendered_before(Lang::Es, "/", later).is_none(),
            "too old"
        );
        for n in 0..LAST_RENDERED {
            cache.rendered(Lang::Es, format!("/page/{n}"), entry(10));
        }
        assert!(
            cache.recently_rendered(Lang::Es, "/").is_none(),
            "only the latest few"
        );
        let held = |cache: &PageCache| cache.last_rendered.lock().unwrap().len();
        assert_eq!(held(&cache), LAST_RENDERED);
        cache.rendered_at(Lang::En, "/gaps".into(), entry(10), later);
        assert_eq!(held(&cache), 1, "the pages too old to send are let go");
    }
}
