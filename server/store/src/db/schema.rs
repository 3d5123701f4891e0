//! The one description of every table and column (`schema.txt`), which the export and import
//! follow, and the check that a migrated database has exactly that. The migrations stay one
//! folder per engine (existing databases must upgrade); this is what both must arrive at.

use std::sync::LazyLock;

use super::{DbError, Engine, Pool};

/// How a column is stored: SQLite INTEGER and PostgreSQL BIGINT, TEXT on both, and BOOLEAN
/// (which SQLite keeps as 0 and 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Integer,
    Text,
    Boolean,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub kind: Kind,
    pub nullable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    /// Left behind by the export (rate-limit counters, sign-in failures).
    pub transient: bool,
    /// In name order.
    pub columns: Vec<Column>,
}

impl Table {
    pub fn column_names(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.name.clone()).collect()
    }

    pub fn is(&self, column: &str, kind: Kind) -> bool {
        self.columns
            .iter()
            .any(|c| c.name == column && c.kind == kind)
    }
}

const DESCRIPTION: &str = include_str!("schema.txt");

/// Every table, in the order the export writes them.
pub static TABLES: LazyLock<Vec<Table>> =
    LazyLock::new(|| parse(DESCRIPTION).expect("schema.txt describes the tables"));

/// The tables an export moves, parents before children.
pub fn moved() -> impl Iterator<Item = &'static Table> {
    TABLES.iter().filter(|t| !t.transient)
}

pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

fn parse(text: &str) -> Result<Vec<Table>, String> {
    let mut tables: Vec<Table> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["table", name, rest @ ..] => tables.push(Table {
                name: (*name).to_owned(),
                transient: rest == ["transient"],
                columns: Vec::new(),
            }),
            [name, kind, rest @ ..] if line.starts_with(' ') => {
                let kind = match *kind {
                    "integer" => Kind::Integer,
                    "text" => Kind::Text,
                    "boolean" => Kind::Boolean,
                    other => return Err(format!("unknown type {other}")),
                };
                let table = tables.last_mut().ok_or("a column before any table")?;
                table.columns.push(Column {
                    name: (*name).to_owned(),
                    kind,
                    nullable: rest == ["null"],
                });
            }
            _ => return Err(format!("cannot read {line:?}")),
        }
    }
    Ok(tables)
}

/// The tables and columns a migrated database has (the engine's own bookkeeping left out),
/// as the description writes them.
pub async fn actual(pool: &Pool) -> Result<Vec<Table>, DbError> {
    let dialect = Engine::of(pool).dialect();
    let names: Vec<(String,)> = sqlx::query_as(dialect.list_tables).fetch_all(pool).await?;
    let mut tables = Vec::new();
    for (name,) in names {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(dialect.list_columns)
            .bind(&name)
            .fetch_all(pool)
            .await?;
        let columns = rows
            .into_iter()
            .map(|(column, declared, nullable)| Column {
                name: column,
                kind: kind_of(&declared),
                nullable: nullable != 0,
            })
            .collect();
        tables.push(Table {
            transient: table(&name).is_some_and(|t| t.transient),
            name,
            columns,
        });
    }
    Ok(tables)
}

fn kind_of(declared: &str) -> Kind {
    let declared = declared.to_ascii_lowercase();
    if declared.contains("int") {
        Kind::Integer
    } else if declared.contains("bool") {
        Kind::Boolean
    } else {
        Kind::Text
    }
}

/// What differs between the description and a migrated database, one line each.
pub async fn differences(pool: &Pool) -> Result<Vec<String>, DbError> {
    let actual = actual(pool).await?;
    let mut found = Vec::new();
    for described in TABLES.iter() {
        match actual.iter().find(|t| t.name == described.name) {
            None => found.push(format!("{}: missing", described.name)),
            Some(table) if table.columns != described.columns => {
                found.push(format!(
                    "{}: described {:?}, found {:?}",
                    described.name, described.columns, table.columns
                ));
            }
            Some(_) => {}
        }
    }
    for extra in actual.iter().filter(|t| table(&t.name).is_none()) {
        found.push(format!("{}: not described", extra.name));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_description_reads_and_names_each_table_once() {
        let names: Vec<&str> = TABLES.iter().map(|t| t.name.as_str()).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(names.len(), unique.len());
        assert!(table("claims").unwrap().is("status", Kind::Text));
        assert!(table("subscriptions").unwrap().is("digest", Kind::Boolean));
        assert!(table("limited_uses").unwrap().transient);
        assert!(moved().all(|t| !t.transient));
        for table in TABLES.iter() {
            let names = table.column_names();
            let mut sorted = names.clone();
            sorted.sort();
            assert_eq!(names, sorted, "{}: columns in name order", table.name);
        }
    }

    #[tokio::test]
    async fn a_migrated_sqlite_database_is_what_the_description_says() {
        let (_dir, pool) = crate::db::migrated_sqlite().await;
        assert_eq!(differences(&pool).await.unwrap(), Vec::<String>::new());
    }
}
