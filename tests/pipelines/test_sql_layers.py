"""The SQL layers run one way: raw -> stg (per source: rename, cast, tidy) -> int (shared resolution:
lab, country, model family, listing, FX) -> marts (facts and dimensions) -> out (published measures).
What each layer may read is checked on the tables DuckDB's parser finds in every file; DDL lives in
warehouse/ddl/ only, so every model file is one SELECT."""

from __future__ import annotations

import pytest

from pipelines.config import SQL_DIR
from pipelines.sources import SOURCES
from pipelines.warehouse import tables_read

# layer -> the schemas its files must not read
FORBIDDEN = {
    "stg": {"stg", "int", "marts", "out"},  # a staging view reads its raw table(s) only
    "int": {"raw", "marts", "out"},  # shared resolution reads staged (typed) rows, never raw text
    "marts": {"out"},
    "out": {"raw", "stg", "int"},  # published measures come from the marts alone
}


def model_files(layer: str) -> list:
    return sorted((SQL_DIR / layer).glob("*.sql"))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_reads_only_the_layers_before_it(layer):
    broken = {}
    for path in model_files(layer):
        assert path.stem.startswith(f"{layer}_") or layer == "marts", path.name
        bad = sorted(f"{s}.{t}" for s, t in tables_read(path.read_text(encoding="utf-8")) if s in FORBIDDEN[layer])
        if bad:
            broken[path.name] = bad
    assert not broken, f"{layer} files read layers they must not: {broken}"


# Facts and dimensions read staging and intermediate models only, with one exception: each source's
# newest observation is a fact about its raw table itself, so dim_source_data_through reads every
# source's raw table by design (and no other).
MARTS_READING_RAW = {
    "dim_source_data_through": {f"raw.{source.raw_table}" for source in SOURCES.values()},
}


def test_marts_read_raw_only_where_listed():
    reading_raw = {}
    for path in model_files("marts"):
        raw = {f"{s}.{t}" for s, t in tables_read(path.read_text(encoding="utf-8")) if s == "raw"}
        if raw:
            reading_raw[path.stem] = raw
    assert reading_raw == MARTS_READING_RAW


def test_a_curated_seed_is_read_only_by_its_own_staging_view():
    readers: dict[str, set[str]] = {}
    for layer in FORBIDDEN:
        for path in model_files(layer):
            for schema, table in tables_read(path.read_text(encoding="utf-8")):
                if schema == "raw" and table.startswith("raw_curated__"):
                    readers.setdefault(table, set()).add(path.stem)
    assert {table: {f"stg_curated__{table.removeprefix('raw_curated__')}"} for table in readers} == readers
    # the seeds the int and marts models used to read as raw text, each now staged
    assert len(readers) == 24 and {"raw_curated__labs", "raw_curated__stock_csv_series"} <= set(readers)


def test_the_layer_rule_would_catch_an_intermediate_model_reading_a_raw_table():
    sql = "select * from stg.stg_curated__labs join raw.raw_curated__labs_supplement using (lab_id)"
    assert {s for s, _ in tables_read(sql)} & FORBIDDEN["int"] == {"raw"}


def test_the_layer_rule_would_catch_a_staging_view_reading_a_mart():
    sql = "with x as (select * from raw.raw_fx__fred) select * from x join marts.dim_labs using (lab_id)"
    assert {s for s, _ in tables_read(sql)} & FORBIDDEN["stg"] == {"marts"}


def test_staging_views_are_named_for_their_source():
    for path in model_files("stg"):
        sources = {t.removeprefix("raw_").split("__")[0] for s, t in tables_read(path.read_text(encoding="utf-8"))}
        assert len(sources) == 1, f"{path.name} reads more than one source family: {sorted(sources)}"


def test_model_files_are_selects_and_ddl_lives_in_ddl():
    for layer in FORBIDDEN:
        for path in model_files(layer):
            tables_read(path.read_text(encoding="utf-8"))  # raises on anything but one SELECT
    assert (SQL_DIR / "ddl" / "marts" / "fct_claim_verdicts.sql").exists()
    assert (SQL_DIR / "ddl" / "marts" / "change_refreshes.sql").exists()
