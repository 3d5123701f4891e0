//! Moving a whole database between engines (`vigia export FILE`, `vigia import FILE`) and an
//! online backup of SQLite (`vigia backup FILE`). The export is JSON Lines: a header, then per
//! table a line naming its columns followed by one line per row, values as JSON (integers,
//! text, booleans, null), read in one consistent transaction. Sessions and rate-limit counters
//! are transient and stay behind.

use serde_json::{json, Value};
use sqlx::Row;
use std::io::{BufRead, Write};

use super::schema::{self, Kind};
use super::{DbError, Engine, Pool, Tx};

const FORMAT: &str = "vigia-export-1";

#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error("database error")]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Database(#[from] DbError),
    #[error("could not read or write the file")]
    Io(#[from] std::io::Error),
    #[error("the file is not a Vigía export: {0}")]
    Format(String),
    #[error("the database already holds data ({0} rows in {1}); import into an empty database")]
    NotEmpty(i64, &'static str),
    #[error("a backup is for SQLite; back up PostgreSQL with pg_dump")]
    NotSqlite,
}

/// Whether `table.column` holds booleans, which SQLite keeps as 0 and 1 and PostgreSQL as
/// `BOOLEAN`: the export always writes `true` and `false`.
fn is_boolean(table: &str, column: &str) -> bool {
    schema::table(table).is_some_and(|t| t.is(column, Kind::Boolean))
}

/// One value as JSON, whatever the engine answered.
fn value_of(row: &sqlx::any::AnyRow, index: usize, boolean: bool) -> Result<Value, DbError> {
    if boolean {
        let flag: Option<super::Flag> = row.try_get(index)?;
        return Ok(flag.map_or(Value::Null, |f| Value::Bool(f.0)));
    }
    if let Ok(n) = row.try_get::<Option<i64>, _>(index) {
        return Ok(n.map_or(Value::Null, Value::from));
    }
    let text: Option<String> = row.try_get(index)?;
    Ok(text.map_or(Value::Null, Value::String))
}

/// Writes every table to `out`; how many rows.
pub async fn export(pool: &Pool, out: &mut impl Write) -> Result<u64, TransferError> {
    let engine = Engine::of(pool);
    let mut tx = pool.begin().await?;
    if let Some(snapshot) = engine.dialect().export_snapshot {
        sqlx::query(snapshot).execute(&mut *tx).await?;
    }
    writeln!(
        out,
        "{}",
        json!({ "format": FORMAT, "engine": format!("{engine:?}") })
    )?;
    let mut rows_written = 0;
    for described in schema::moved() {
        let table = described.name.as_str();
        let columns = described.column_names();
        // Booleans as integers: the Any driver reads no SQLite column declared BOOLEAN.
        let select: Vec<String> = columns
            .iter()
            .map(|c| match is_boolean(table, c) {
                true => format!("CAST({c} AS INTEGER)"),
                false => c.clone(),
            })
            .collect();
        let sql = format!("SELECT {} FROM {table} ORDER BY 1", select.join(", "));
        let rows = sqlx::query(&sql).fetch_all(&mut *tx).await?;
        writeln!(
            out,
            "{}",
            json!({ "table": table, "columns": columns, "rows": rows.len() })
        )?;
        for row in &rows {
            let values = (0..columns.len())
                .map(|i| value_of(row, i, is_boolean(table, &columns[i])))
                .collect::<Result<Vec<_>, _>>()?;
            writeln!(out, "{}", Value::Array(values))?;
            rows_written += 1;
        }
    }
    tx.commit().await?;
    Ok(rows_written)
}

/// Reads an export into a migrated database that holds nothing yet, in one transaction.
pub async fn import(pool: &Pool, input: impl BufRead) -> Result<u64, TransferError> {
    let mut lines = input.lines();
    let header: Value = serde_json::from_str(&lines.next().transpose()?.unwrap_or_default())
        .map_err(|e| TransferError::Format(e.to_string()))?;
    if header["format"] != FORMAT {
        return Err(TransferError::Format(format!("header {header}")));
    }
    let mut tx = super::begin_write(pool).await?;
    for table in schema::moved().filter(|t| t.name != "data_version") {
        let table = table.name.as_str();
        let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&mut *tx)
            .await?;
        if n > 0 {
            return Err(TransferError::NotEmpty(n, table));
        }
    }
    let mut rows_read = 0;
    while let Some(line) = lines.next().transpose()? {
        let table_line: Value =
            serde_json::from_str(&line).map_err(|e| TransferError::Format(e.to_string()))?;
        let table = table_line["table"].as_str().unwrap_or_default();
        let described = schema::moved()
            .find(|t| t.name == table)
            .ok_or_else(|| TransferError::Format(format!("unknown table {table:?}")))?;
        let table = described.name.as_str();
        let columns: Vec<String> = serde_json::from_value(table_line["columns"].clone())
            .map_err(|e| TransferError::Format(e.to_string()))?;
        if columns.iter().any(|c| {
            !c.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch == '_' || ch.is_ascii_digit())
        }) {
            return Err(TransferError::Format(format!(
                "odd column names in {table}"
            )));
        }
        let count = table_line["rows"].as_u64().unwrap_or(0);
        let integers: Vec<String> = described
            .columns
            .iter()
            .filter(|c| c.kind == Kind::Integer)
            .map(|c| c.name.clone())
            .collect();
        for _ in 0..count {
            let line = lines
                .next()
                .transpose()?
                .ok_or_else(|| TransferError::Format(format!("{table} ends early")))?;
            let values: Vec<Value> =
                serde_json::from_str(&line).map_err(|e| TransferError::Format(e.to_string()))?;
            insert(&mut tx, table, &columns, &integers, values).await?;
            rows_read += 1;
        }
    }
    if Engine::of(pool) == Engine::Postgres {
        restart_identities(&mut tx).await?;
    }
    tx.commit().await?;
    if Engine::of(pool) == Engine::Postgres {
        // Planner statistics for what was just loaded, before a server plans on none: without
        // them PostgreSQL read each claim's correction by scanning every correction, and the
        // first start on 100,000 imported claims took 36 s (0.9 s with them).
        sqlx::query("ANALYZE").execute(pool).await?;
    }
    Ok(rows_read)
}

async fn insert(
    tx: &mut Tx<'static>,
    table: &str,
    columns: &[String],
    integers: &[String],
    values: Vec<Value>,
) -> Result<(), TransferError> {
    if values.len() != columns.len() {
        return Err(TransferError::Format(format!(
            "a row of {table} has the wrong length"
        )));
    }
    // The migration made the data version's one row; the export's values replace it.
    let sql = if table == "data_version" {
        let set: Vec<String> = (1..=columns.len())
            .zip(columns)
            .map(|(i, column)| format!("{column} = ${i}"))
            .collect();
        format!("UPDATE data_version SET {} WHERE id = 1", set.join(", "))
    } else {
        let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("${i}")).collect();
        format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            columns.join(", "),
            placeholders.join(", ")
        )
    };
    let mut query = sqlx::query(&sql);
    for (column, value) in columns.iter().zip(values) {
        query = match value {
            Value::Null if is_boolean(table, column) => query.bind(None::<bool>),
            Value::Null if integers.contains(column) => query.bind(None::<i64>),
            Value::Null => query.bind(None::<String>),
            Value::Bool(flag) => query.bind(flag),
            Value::Number(n) if is_boolean(table, column) => query.bind(n.as_i64() != Some(0)),
            Value::Number(n) => query.bind(n.as_i64().ok_or_else(|| {
                TransferError::Format(format!("{table}.{column}: not an integer"))
            })?),
            Value::String(text) => query.bind(text),
            other => {
                return Err(TransferError::Format(format!("{table}.{column}: {other}")));
            }
        };
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

/// After explicit ids, PostgreSQL's identity sequences must start past them.
async fn restart_identities(tx: &mut Tx<'static>) -> Result<(), DbError> {
    let identities: Vec<(String,)> = sqlx::query_as(
        "SELECT table_name::text FROM information_schema.columns \
         WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'",
    )
    .fetch_all(&mut **tx)
    .await?;
    for (table,) in identities {
        let sql = format!(
            "SELECT CAST(setval(pg_get_serial_sequence('{table}', 'id'), \
             COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false) AS BIGINT)"
        );
        sqlx::query(&sql).execute(&mut **tx).await?;
    }
    Ok(())
}

/// A consistent copy of a running SQLite database, taken while it serves.
pub async fn backup(pool: &Pool, file: &std::path::Path) -> Result<(), TransferError> {
    if Engine::of(pool) != Engine::Sqlite {
        return Err(TransferError::NotSqlite);
    }
    let path = file.to_string_lossy().replace('\'', "''");
    sqlx::query(&format!("VACUUM INTO '{path}'"))
        .execute(pool)
        .await?;
    Ok(())
}
