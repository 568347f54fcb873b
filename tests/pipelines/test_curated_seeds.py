"""The seeds step loads a seed file only when its bytes changed, deciding for every seed from one
statement (pipelines/curated.py `loaded_curated`)."""

from __future__ import annotations

import duckdb

from pipelines.curated import CURATED_FILES, load_curated, loaded_curated
from pipelines.warehouse import ensure_base_tables
from videorace_scrapers.snapshots import sha256_hex


def test_a_seed_loads_once_and_is_then_unchanged(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        ensure_base_tables(con)
        assert loaded_curated(con) == {}
        assert load_curated(con, "listings") == {"status": "ok", "rows": 22}  # the 22 listed tickers
        digest = sha256_hex(CURATED_FILES["listings"][0].read_bytes())
        assert loaded_curated(con) == {"raw_curated__listings": (digest, 22)}
        assert load_curated(con, "listings", loaded_curated(con)) == {"status": "unchanged", "rows": 22}
        # a table loaded from other bytes (an edited seed) is loaded again
        assert load_curated(con, "listings", {"raw_curated__listings": ("0" * 64, 21)})["status"] == "ok"
        assert con.execute("SELECT count(*) FROM raw.raw_curated__listings").fetchall() == [(22,)]
    finally:
        con.close()
