//! The Frictionless Data Package descriptor (`/data/datapackage.json`): each plain CSV by a
//! path relative to the descriptor, with its table schema, and no remote profile, so
//! `frictionless validate` and pandas read the files typed, offline.

use serde_json::{json, Value};

use app::data_dictionary::{allowed_values, meaning};
use app::i18n::{t, Lang};
use vigia::open_data::{Column, DataVersion, FieldType, PARTIAL_DATE_PATTERN, TABLES};
use vigia::Snapshot;

fn field(column: &Column, snapshot: &Snapshot) -> Value {
    let mut constraints = serde_json::Map::new();
    if column.required {
        constraints.insert("required".into(), json!(true));
    }
    let allowed = allowed_values(column, snapshot);
    if !allowed.is_empty() {
        constraints.insert("enum".into(), json!(allowed));
    }
    let kind = match column.field_type {
        FieldType::Text => "string",
        FieldType::Integer => "integer",
        FieldType::Date => "date",
        FieldType::DateTime => "datetime",
        FieldType::PartialDate => {
            constraints.insert("pattern".into(), json!(PARTIAL_DATE_PATTERN));
            "string"
        }
    };
    let mut field = json!({
        "name": column.name,
        "type": kind,
        "description": meaning(Lang::En, column.name),
    });
    if !constraints.is_empty() {
        field["constraints"] = Value::Object(constraints);
    }
    field
}

/// The descriptor of the version `version` of the data.
pub fn descriptor(snapshot: &Snapshot, version: DataVersion, public_url: &str) -> Value {
    let resources: Vec<Value> = TABLES
        .iter()
        .map(|table| {
            json!({
                "name": table.name,
                "path": format!("{}.csv", table.name),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": t(Lang::En, &format!("data-table-{}-about", table.name)),
                "schema": {
                    "fields": table.columns.iter().map(|c| field(c, snapshot)).collect::<Vec<_>>(),
                    "missingValues": [""],
                },
            })
        })
        .collect();
    json!({
        "name": "vigia",
        "title": t(Lang::En, "data-package-title"),
        "description": t(Lang::En, "data-package-description"),
        "version": version.label(),
        "homepage": format!("{public_url}/data?as_of={}", version.as_of),
        "licenses": [{
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0 International",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }],
        "contributors": [{ "title": "Vigía", "role": "author" }],
        "keywords": ["Bolivia", "human trafficking", "trata de personas", "Ley 263"],
        "resources": resources,
    })
}
