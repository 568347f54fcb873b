"""Row count and content hash of every marts.* and out.* table of a warehouse, so a restructuring of
the SQL can prove it changed no published row.

    python tests/pipelines/table_fingerprints.py WAREHOUSE.duckdb > before.json
    (change the SQL, refresh into another warehouse)
    python tests/pipelines/table_fingerprints.py OTHER.duckdb --compare before.json

Columns that record *when* a refresh ran (and the rule file's own hash, which changes whenever a
rule's text does) are left out of the hash: they differ between any two refreshes. Beside the row
hash, each column's sorted values are hashed, so a difference names the columns it is in.
tests/pipelines/test_reproducible.py uses the same fingerprints to prove that a rebuild over the
same rows stored in another order changes nothing (ties are broken explicitly in the SQL)."""

from __future__ import annotations

import json
import sys

import duckdb

VOLATILE = {
    "change_refreshes": {"refreshed_at", "previous_refreshed_at"},
    "fct_changes": {"first_seen_at"},
    "fct_claim_verdicts": {"computed_at", "refresh_date", "rule_sha256"},
    "fct_row_rejects": {"rejected_at"},
}


def fingerprints(path: str) -> dict[str, list]:
    con = duckdb.connect(path, read_only=True)
    try:
        tables = con.execute("""SELECT table_schema, table_name FROM information_schema.tables
                                WHERE table_schema IN ('marts', 'out') ORDER BY ALL""").fetchall()
        found = {}
        for schema, table in tables:
            columns = [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
                    "ORDER BY ordinal_position",
                    [schema, table],
                ).fetchall()
            ]
            kept = [c for c in columns if c not in VOLATILE.get(table, set())]
            row = ", ".join(f'"{c}"' for c in kept)
            count, digest = con.execute(
                f"SELECT count(*), md5(coalesce(string_agg(CAST(ROW({row}) AS VARCHAR), '\n' ORDER BY "
                f"CAST(ROW({row}) AS VARCHAR)), '')) FROM {schema}.{table}"
            ).fetchall()[0]
            per_column = con.execute(
                "SELECT "
                + ", ".join(
                    f"""md5(coalesce(string_agg(CAST("{c}" AS VARCHAR), '\n' ORDER BY CAST("{c}" AS VARCHAR)), ''))"""
                    for c in kept
                )
                + f" FROM {schema}.{table}"
            ).fetchall()[0]
            found[f"{schema}.{table}"] = [count, digest, columns, dict(zip(kept, per_column, strict=True))]
        return found
    finally:
        con.close()


def main(argv: list[str]) -> int:
    now = fingerprints(argv[0])
    if len(argv) == 3 and argv[1] == "--compare":
        with open(argv[2], encoding="utf-8") as f:
            before = json.load(f)
        added = sorted(now.keys() - before.keys())  # new tables are reported, not a difference
        differ = sorted(k for k in before if before[k] != now.get(k))
        for key in added:
            print(f"{key}: new table, {now[key][0]} rows")
        for key in differ:
            old, new = before.get(key), now.get(key)
            if new is None:
                print(f"{key}: gone")
                continue
            columns = sorted(c for c in old[3] if old[3][c] != new[3].get(c))
            print(
                f"{key}: rows {old[0]} -> {new[0]}, columns {old[2] == new[2] and 'same' or new[2]}, "
                f"values differ in {columns or 'row pairing only'}"
            )
        print(f"{len(before)} tables before, {len(now)} now ({len(added)} new), {len(differ)} of the old differ")
        return 1 if differ else 0
    json.dump(now, sys.stdout, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
