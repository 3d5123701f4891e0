//! What a cached answer is kept under: its path and the query parameters its route
//! understands. Any other parameter is ignored, so odd query strings all share one entry;
//! routes not listed are never cached. Pages list `lang` too: a page named with `?lang=`
//! keeps the language in its links, unlike the same page in the reader's own language.

use app::map::MAP_REQUIREMENT;
use vigia::DepartmentCode;
use vigia_store::Touched;

pub fn route_parameters(path: &str) -> Option<&'static [&'static str]> {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    Some(match segments.as_slice() {
        [""] => &["as_of", "requirement", "lang"],
        ["departments", _] => &["as_of", "page", "lang"],
        ["gaps"] => &["department", "kind", "severity", "as_of", "lang"],
        ["embed", "map"] => &["department", "as_of", "lang"],
        ["methodology"] | ["feeds"] | ["history", _] => &["lang"],
        ["data"] => &["as_of", "lang"],
        // Small files only: the claims table and the workbook grow with the record.
        ["data", "records.csv" | "gaps.csv" | "national.csv" | "datapackage.json"]
        | ["data", "spreadsheet", "records.csv" | "gaps.csv" | "national.csv"] => {
            &["as_of", "lang"]
        }
        ["map.svg"] | ["map.png"] => &["department", "as_of", "lang"],
        ["api", "v1", "departments"] => &["lang", "as_of"],
        ["api", "v1", "departments", _] => &["page", "lang", "as_of"],
        ["api", "v1", "gaps"] | ["api", "v1", "gaps.csv"] => {
            &["department", "kind", "severity", "lang", "as_of"]
        }
        ["api", "v1", "history"] => &["page", "department", "lang", "as_of"],
        ["api", "v1", "events"] => &["department", "kind", "severity", "since", "before"],
        // Not the claims export: it streams, a part at a time, and the cache would hold it
        // whole.
        ["api", "v1", "export.csv"] | ["api", "openapi.json"] => &[],
        _ => return None,
    })
}

/// The key an answer is kept under: the path and the parameters its route understands, in a
/// fixed order; `None` for routes that are not cached.
pub fn cache_key(path: &str, query: Option<&str>) -> Option<String> {
    let known = route_parameters(path)?;
    let mut key = path.to_owned();
    let pairs: Vec<(&str, &str)> = query
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .collect();
    let mut separator = '?';
    for name in known {
        if let Some((_, value)) = pairs.iter().rev().find(|(k, _)| k == name) {
            key.push(separator);
            key.push_str(name);
            key.push('=');
            key.push_str(value);
            separator = '&';
        }
    }
    Some(key)
}

/// What writes that changed only the records `touched` mean for the answers kept before
/// them: a department's page of today is still right when none of its records changed and no
/// department reads differently on the map it carries; its API answer, when none of its
/// records changed. Every other answer shows more of the record, or a past date's.
pub struct Unchanged<'a> {
    touched: &'a [Touched],
    map_moved: bool,
}

impl<'a> Unchanged<'a> {
    pub fn by(touched: &'a [Touched]) -> Self {
        let map_moved = touched
            .iter()
            .any(|t| t.glance_moved && t.requirement.as_str() == MAP_REQUIREMENT);
        Self { touched, map_moved }
    }

    /// Whether the answer kept under `key` is still right.
    pub fn keeps(&self, key: &str) -> bool {
        let (path, query) = key.split_once('?').unwrap_or((key, ""));
        if query.split('&').any(|pair| pair.starts_with("as_of=")) {
            return false;
        }
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        let (code, carries_map) = match segments.as_slice() {
            ["departments", code] => (*code, true),
            ["api", "v1", "departments", code] => (*code, false),
            _ => return false,
        };
        // The key is the path as asked (`bo-n`, or escaped): the department is what it names.
        let Ok(department) = DepartmentCode::parse(code) else {
            return false;
        };
        !(carries_map && self.map_moved) && self.touched.iter().all(|t| t.department != department)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_other_departments_pages_of_today_outlast_a_write_to_records() {
        let plan = vigia::RequirementSlug::parse(MAP_REQUIREMENT).unwrap();
        let shelter = vigia::RequirementSlug::parse("shelter").unwrap();
        let write = |requirement: &vigia::RequirementSlug, glance_moved| {
            vec![Touched {
                department: DepartmentCode::Pando,
                requirement: requirement.clone(),
                glance_moved,
            }]
        };
        let quiet = write(&plan, false);
        for kept in [
            "/departments/BO-L",
            "/departments/bo-l?page=2&lang=en",
            "/api/v1/departments/BO-L?page=3",
        ] {
            assert!(Unchanged::by(&quiet).keeps(kept), "{kept}");
        }
        for dropped in [
            "/departments/BO-N",
            "/departments/bo-n",
            "/api/v1/departments/BO-N",
            "/departments/BO-L?as_of=2020-01-01",
            "/departments/BO%2DL",
            "/",
            "/gaps?department=BO-L",
            "/api/v1/history?department=BO-L",
            "/map.svg?department=BO-L",
            "/data",
        ] {
            assert!(!Unchanged::by(&quiet).keeps(dropped), "{dropped}");
        }
        // Pando reads differently on the map: every department's page carries that map,
        // though not its API answer; the map colours the plan only.
        let moved = write(&plan, true);
        assert!(!Unchanged::by(&moved).keeps("/departments/BO-L"));
        assert!(Unchanged::by(&moved).keeps("/api/v1/departments/BO-L"));
        assert!(Unchanged::by(&write(&shelter, true)).keeps("/departments/BO-L"));
    }

    #[test]
    fn keys_keep_only_the_parameters_a_route_understands() {
        assert_eq!(
            cache_key("/api/v1/export.csv", Some("v=1")).unwrap(),
            "/api/v1/export.csv"
        );
        assert!(cache_key("/api/v1/claims.csv", None).is_none());
        assert_eq!(
            cache_key("/gaps", Some("severity=critical&x=1&department=BO-N")).unwrap(),
            "/gaps?department=BO-N&severity=critical"
        );
        // Each page of a department's history is an answer of its own.
        assert_eq!(
            cache_key("/api/v1/departments/BO-N", Some("page=2")).unwrap(),
            "/api/v1/departments/BO-N?page=2"
        );
        assert_eq!(cache_key("/", None).unwrap(), "/");
        assert_eq!(cache_key("/", Some("lang=en")).unwrap(), "/?lang=en");
        assert_eq!(
            cache_key("/map.png", Some("lang=en&department=BO-L")).unwrap(),
            "/map.png?department=BO-L&lang=en"
        );
        assert!(cache_key("/signin", None).is_none());
        assert!(cache_key("/documents/1", None).is_none());
        assert!(cache_key("/pkg/vigia.css", None).is_none());
    }
}
