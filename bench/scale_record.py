#!/usr/bin/env python3
"""Grows a Vigía export (`vigia export`) into a record of COUNT claims: the claims it holds
plus synthetic ones spread over 2013 – 2026, the nine departments and every requirement, each
with a source of its own and the audit entry recording it, and one in fifty correcting an
earlier claim of its record, as years of use would leave them.
Deterministic (one seed), so runs compare.

    scale_record.py SEED_EXPORT COUNT > record.jsonl

Standard library only, so it runs wherever the benchmark runs."""

import datetime
import json
import random
import sys

seed_export, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(37)
# Its own generator, so that the claims are those of records generated before corrections were.
corrections_rng = random.Random(38)
CORRECTING = 0.02

with open(seed_export, encoding="utf-8") as f:
    header = f.readline()
    tables = []  # (table line, rows), in the export's order (parents before children)
    for line in f:
        described = json.loads(line)
        rows = [json.loads(f.readline()) for _ in range(described["rows"])]
        tables.append((described, rows))
by_name = {d["table"]: (d, rows) for d, rows in tables}


def column(table, name):
    return by_name[table][0]["columns"].index(name)


departments = [r[column("departments", "code")] for r in by_name["departments"][1]]
requirements = [r[column("requirements", "slug")] for r in by_name["requirements"][1]]
statuses = ["missing", "in-preparation", "in-force", "expired"]


def partial(day):
    """The day at the precision sources give: mostly a day, some a month or a year."""
    roll = rng.random()
    if roll < 0.7:
        return day.isoformat()
    if roll < 0.9:
        return day.strftime("%Y-%m")
    return str(day.year)


def new_row(table, values):
    return [values.get(c) for c in by_name[table][0]["columns"]]


start = datetime.date(2013, 1, 1)
span = (datetime.date(2026, 11, 30) - start).days
next_claim = max(r[column("claims", "id")] for r in by_name["claims"][1]) + 1
next_source = max(r[column("sources", "id")] for r in by_name["sources"][1]) + 1
next_audit = max(r[column("audit_log", "id")] for r in by_name["audit_log"][1]) + 1
to_add = count - len(by_name["claims"][1])
uncorrected = {}  # (department, requirement) → synthetic claims no later claim corrects yet
for n in range(to_add):
    event = start + datetime.timedelta(days=rng.randrange(span))
    published = min(event + datetime.timedelta(days=rng.randrange(60)), datetime.date(2026, 11, 30))
    recorded = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(
        seconds=n * (28_000_000 // max(to_add, 1))
    )
    department, requirement = rng.choice(departments), rng.choice(requirements)
    status = rng.choice(statuses)
    source_id, claim_id, at = next_source + n, next_claim + n, recorded.isoformat().replace("+00:00", "Z")
    note = f"Synthetic claim {claim_id} for the scale benchmark."
    by_name["sources"][1].append(new_row("sources", {
        "author": f"Source {source_id % 97}",
        "date": partial(published),
        "id": source_id,
        "title": f"Report {source_id}",
        "url": f"https://example.org/reports/{source_id}",
    }))
    by_name["claims"][1].append(new_row("claims", {
        "basis": "stated",
        "department": department,
        "event_date": partial(event),
        "evidence_level": rng.choice(["reported", "verified"]),
        "id": claim_id,
        "note_en": note,
        "note_es": f"Afirmación sintética {claim_id} para la prueba de escala.",
        **{q: "unknown" for q in ["q_financing", "q_indicators", "q_published", "q_responsible", "q_timetable"]},
        "recorded_at": at,
        "requirement": requirement,
        "source_id": source_id,
        "status": status,
        "valid_from": event.isoformat() if status == "in-force" else None,
        "valid_until": str(event.year + rng.randrange(1, 6)) if status == "in-force" else None,
    }))
    record = uncorrected.setdefault((department, requirement), [])
    if record and corrections_rng.random() < CORRECTING:
        earlier = record.pop(corrections_rng.randrange(len(record)))
        by_name["claim_corrections"][1].append(new_row("claim_corrections", {
            "corrected_claim_id": earlier,
            "correcting_claim_id": claim_id,
            "reason": f"Synthetic correction of claim {earlier}.",
        }))
    record.append(claim_id)
    by_name["audit_log"][1].append(new_row("audit_log", {
        "action": "claim-recorded",
        "at": at,
        "department": department,
        "id": next_audit + n,
        "reason": note,
        "requirement": requirement,
        "subject": f"claim:{claim_id}",
    }))

sys.stdout.write(header)
for described, rows in tables:
    described["rows"] = len(rows)
    print(json.dumps(described, ensure_ascii=False))
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
