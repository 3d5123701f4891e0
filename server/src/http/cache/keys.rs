//! What a cached answer is kept under: its path and the query parameters its route
//! understands. Any other parameter is ignored, so odd query strings all share one entry;
//! routes not listed are never cached. Pages list `lang` too: a page named with `?lang=`
//! keeps the language in its links, unlike the same page in the reader's own language.

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
        // Not the claims export: it streams from the database, and the cache would hold it
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

#[cfg(test)]
mod tests {
    use super::*;

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
