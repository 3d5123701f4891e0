//! The words of the data dictionary: what each open data column means and which values it
//! may hold, for the data page, the workbook's column sheet and the data package.

use crate::i18n::{t, tr, Lang};
use vigia::open_data::{Column, Labels, Values};
use vigia::Snapshot;

/// What a column means (columns of the same name mean the same in every table).
pub fn meaning(lang: Lang, column: &str) -> String {
    t(lang, &format!("data-col-{column}"))
}

/// The codes a column may hold; empty when it holds free text, numbers or dates.
pub fn allowed_values(column: &Column, snapshot: &Snapshot) -> Vec<String> {
    match column.values {
        Values::Requirements => snapshot
            .requirements
            .iter()
            .map(|r| r.slug.to_string())
            .collect(),
        values => values
            .fixed()
            .unwrap_or_default()
            .into_iter()
            .map(str::to_owned)
            .collect(),
    }
}

/// What the columns spreadsheets get after a code hold.
pub fn label_meaning(lang: Lang, column: &Column) -> Option<String> {
    let names = column.label_columns().join(", ");
    let key = match column.labels {
        Labels::None => return None,
        Labels::DepartmentName => "data-labels-name",
        _ => "data-labels-both",
    };
    Some(tr(
        lang,
        key,
        &[("columns", names.into()), ("code", column.name.into())],
    ))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use vigia::open_data::TABLES;

    /// The catalog answers a missing key with the key itself.
    fn has(lang: Lang, key: &str) -> bool {
        let words = t(lang, key);
        !words.is_empty() && !words.contains(key)
    }

    #[test]
    fn every_column_type_table_and_label_code_is_worded_in_both_languages() {
        assert!(
            !has(Lang::Es, "data-col-no-such-column"),
            "a missing key is noticed"
        );
        for lang in [Lang::Es, Lang::En] {
            for table in TABLES {
                for key in ["title", "about"] {
                    let key = format!("data-table-{}-{key}", table.name);
                    assert!(has(lang, &key), "{lang:?} {key}");
                }
                for column in table.columns {
                    assert!(
                        has(lang, &format!("data-col-{}", column.name)),
                        "{lang:?} {}",
                        column.name
                    );
                    let kind = format!("data-type-{}", column.field_type.slug());
                    assert!(has(lang, &kind), "{lang:?} {kind}");
                    if let Labels::Catalog(prefix) = column.labels {
                        for code in column.values.fixed().unwrap_or_default() {
                            let key = format!("{prefix}{code}");
                            assert!(has(lang, &key), "{lang:?} {key}");
                        }
                    }
                }
            }
        }
    }
}
