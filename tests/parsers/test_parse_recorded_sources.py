"""New parsers on the real committed recordings: exact values read from the files (FRED copies,
stock CSV layouts, Hugging Face trending, OpenRouter, EPO OPS, OWID), every manifest row's sha256,
and transcribed recordings checked against byte-exact ones where they overlap."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from videorace_scrapers.parsers import (
    ParseError,
    epo_ops,
    fred,
    hf_trending,
    openrouter_rankings,
    owid_patents,
    stock_csv,
)

REC = Path(__file__).resolve().parents[2] / "scrapers" / "recordings"
MANIFEST_COLUMNS = "file,label,url,fetched_at,repository,commit,path,upstream,upstream_url,capture,sha256".split(",")


def rows(source: str) -> list[dict]:
    with (REC / source / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == MANIFEST_COLUMNS, source
        return list(reader)


def body(source: str, file: str) -> bytes:
    return (REC / source / file).read_bytes()


@pytest.mark.parametrize(
    "source", ["fred", "stock_csv", "hf_trending", "openrouter_rankings", "epo_ops", "owid_patents"]
)
def test_manifest_is_truthful_about_each_file(source):
    for row in rows(source):
        data = body(source, row["file"])
        assert hashlib.sha256(data).hexdigest() == row["sha256"], row["file"]
        assert row["capture"] in ("byte-exact", "transcribed")
        assert row["url"].startswith(
            f"https://raw.githubusercontent.com/{row['repository']}/{row['commit']}/{row['path']}"
        )
        assert row["upstream"] and row["upstream_url"].startswith("https://")
        assert "fred.stlouisfed.org/graph" not in row["url"]  # a copy never claims a download from FRED


# ---- FX: the byte-exact FRED copy and the transcribed datasets/exchange-rates slice ---------------


def test_fred_copy_and_the_china_slice():
    copy = {r["date"]: r["cny_per_usd"] for r in fred.parse(body("fred", "FRED_DEXCHUS_2025-01-01_to_2026-09-18.csv"))}
    china = {
        r["date"]: r["cny_per_usd"]
        for r in fred.parse(
            body("fred", "datasets_exchange-rates_daily_China_2025-01-01_to_2026-09-25.csv"), label="China"
        )
    }
    assert (len(copy), len(china)) == (430, 435)
    assert copy["2026-09-18"] == 6.6975 and "2025-01-01" not in copy  # a holiday: empty, never filled
    assert [china[d] for d in ("2026-09-21", "2026-09-22", "2026-09-23", "2026-09-24", "2026-09-25")] == [
        6.6947,
        6.6996,
        6.7111,
        6.7128,
        6.7110,
    ]
    # transcribed vs byte-exact: identical on every common day
    assert all(china[d] == v for d, v in copy.items()) and set(copy) <= set(china)


def test_fred_country_slice_refuses_a_country_it_lacks():
    with pytest.raises(ParseError, match="no observations with a value for country 'Japan'"):
        fred.parse(body("fred", "datasets_exchange-rates_daily_China_2025-01-01_to_2026-09-25.csv"), label="Japan")


# ---- stocks: the six layouts ---------------------------------------------------------------------


def bars(file: str, ticker: str) -> dict[str, dict]:
    return {r["date"]: r for r in stock_csv.parse(body("stock_csv", file), ticker=ticker)}


def test_alm0421_raw_ohlc_with_adjusted_close():
    googl = bars("alm0421/GOOGL.csv", "GOOGL")
    first = googl["2025-01-02"]
    assert (first["open"], first["close"], first["adj_close"], first["volume"], first["layout"]) == (
        190.65,
        189.43,
        188.325,
        20370800,
        "yfinance_actions",
    )
    assert googl["2026-09-25"]["close"] == 343.92 and len(googl) == 434 and "2025-01-09" not in googl
    assert bars("alm0421/EA.csv", "EA") == {
        "2026-08-04": {
            "ticker": "EA",
            "date": "2026-08-04",
            "open": 209.91,
            "high": 209.98,
            "low": 209.7,
            "close": 209.7,
            "adj_close": 209.7,
            "volume": 48430629,
            "dividend": 0.0,
            "split_ratio": 0.0,
            "layout": "yfinance_actions",
        }
    }


def test_close_only_and_whole_file_layouts():
    u = bars("klevera/U.csv", "U")
    assert u["2026-10-06"]["close"] == 44.95 and u["2026-10-06"]["volume"] is None
    assert u["2026-09-16"]["close"] is None and "2026-09-22" not in u  # the quirks as written
    assert u["2026-10-06"]["layout"] == "close_only" and len(u) == 440
    minimax = bars("koi-west/0100.HK.csv", "0100.HK")
    assert [(d, r["close"], r["high"], r["low"], r["open"], r["volume"]) for d, r in minimax.items()] == [
        ("2026-03-26", 986.0, 1117.0, 979.0, 1100.0, 1188866)
    ]
    zhipu = bars("koi-west/2513.HK.csv", "2513.HK")
    assert len(zhipu) == 53 and zhipu["2026-01-08"]["close"] == 131.5 and zhipu["2026-03-26"]["close"] == 684.0
    assert bars("stell0_financealerts/META.csv", "META")["2026-08-21"]["close"] == 549.9


def test_an_unknown_header_is_refused():
    with pytest.raises(ParseError, match="is not a known layout"):
        stock_csv.parse(b"date,close,adj_close\n2026-01-02,1,1\n", ticker="U", where="x.csv")


@pytest.mark.parametrize("ticker", ["U", "RBLX", "TTWO", "APP", "KC", "BIDU", "PDD", "ADBE"])
def test_transcribed_alm0421_agrees_with_the_byte_exact_recording(ticker):
    """alm0421 was transcribed; the held financealerts2 files are byte-exact. Tickers without
    dividends must agree to the cent on every common day (README_more_sources.md §1)."""
    held, alm = bars(f"{ticker}.csv", ticker), bars(f"alm0421/{ticker}.csv", ticker)
    common = sorted(set(held) & set(alm))
    assert len(common) == 404
    assert max(abs(held[d]["close"] - alm[d]["close"]) for d in common) < 0.005


# ---- Hugging Face trending -------------------------------------------------------------------------


def test_hf_trending_last_snapshot():
    records = hf_trending.parse(body("hf_trending", "2026-08-22T123852Z_b2a4c7e10d0b.json"))
    assert len(records) == 10 and records[0]["model_id"] == "Qwen/Qwen3.8-27B"
    ltx = next(r for r in records if r["model_id"] == "Lightricks/LTX-2.5")
    assert (ltx["list_position"], ltx["pipeline_tag"], ltx["downloads"], ltx["likes"], ltx["author_fullname"]) == (
        7,
        "image-to-video",
        694670,
        1530,
        "LTX.io",
    )
    assert next(r for r in records if r["model_id"] == "unsloth/Qwen3.8-27B-GGUF")["pipeline_tag"] is None


def test_hf_trending_every_snapshot_parses_and_the_live_shape_too():
    files = rows("hf_trending")
    assert len(files) == 256
    ids = set()
    for row in files:
        ids |= {r["model_id"] for r in hf_trending.parse(body("hf_trending", row["file"]), where=row["file"])}
    assert len(ids) == 208
    cache = json.loads(body("hf_trending", "2026-08-22T123852Z_b2a4c7e10d0b.json"))
    live = json.dumps({"recentlyTrending": list(cache.values())}).encode()
    assert [r["model_id"] for r in hf_trending.parse(live)] == list(cache)


@pytest.mark.parametrize(
    "payload, reason",
    [
        (b'{"recentlyTrending": []}', "empty"),
        (b'{"a/b": {"repoData": {"id": "c/d"}, "repoType": "model"}}', "differs from repoData.id"),
        (b'{"a/b": {"repoData": {"id": "a/b"}, "repoType": "dataset"}}', "expected 'model'"),
        (b"[1, 2]", "expected an object"),
    ],
)
def test_hf_trending_refuses(payload, reason):
    with pytest.raises(ParseError, match=reason):
        hf_trending.parse(payload, where="snap")


# ---- OpenRouter ----------------------------------------------------------------------------------


def test_openrouter_token_panel_and_catalogue():
    panel = openrouter_rankings.parse(body("openrouter_rankings", "model_rankings.csv"))
    assert len(panel) == 8398 and sum(r["model_permaslug"] is None for r in panel) == 2
    nex = panel[1]
    assert (nex["date"], nex["model_permaslug"], nex["variant"], nex["prompt_tokens"], nex["completion_tokens"]) == (
        "2026-06-22",
        "nex-agi/nex-n2-pro",
        "free",
        4483303803,
        277966371,
    )
    catalogue = openrouter_rankings.parse(body("openrouter_rankings", "models/date=2026-08-08.csv"))
    assert len(catalogue) == 400 and catalogue[0]["model_id"] == "inclusionai/ling-3.0-tiny:free"
    assert {r["record_kind"] for r in catalogue} == {"catalogue"}
    with pytest.raises(ParseError, match="neither the token panel nor the catalogue"):
        openrouter_rankings.parse(b"a,b\n1,2\n")


# ---- EPO OPS: three real answers -----------------------------------------------------------------


def test_epo_ops_real_answers_keep_the_cap_as_a_lower_bound():
    got = {
        f: epo_ops.parse(body("epo_ops", f"{f}/response.xml"), label="unattributed")[0]
        for f in ("search", "search_with_constituent", "get_classification_statistics")
    }
    assert (
        got["search"]["cql_query"],
        got["search"]["total_result_count"],
        got["search"]["count_is_lower_bound"],
        got["search"]["publications_count"],
    ) == ("ti = battery", 10000, True, 5)
    assert (got["search_with_constituent"]["cql_query"], got["search_with_constituent"]["count_is_lower_bound"]) == (
        "pa = Siemens",
        True,
    )
    stats = got["get_classification_statistics"]
    assert (stats["response_kind"], stats["total_result_count"], stats["count_is_lower_bound"]) == (
        "classification-search",
        10,
        False,
    )
    assert all(r["query_scope"] is None for r in got.values())
    with pytest.raises(ParseError, match="cannot be attributed"):  # without the label it is not ours to count
        epo_ops.parse(body("epo_ops", "search/response.xml"))


# ---- OWID / CSET ---------------------------------------------------------------------------------


def test_owid_patents_per_million():
    records = owid_patents.parse(body("owid_patents", "owid_artificial-intelligence-patents-submitted-per-million.csv"))
    by = {(r["entity"], r["year"]): r["applications_per_million"] for r in records}
    assert (by[("China", 2014)], by[("China", 2019)], by[("United States", 2019)], by[("World", 2019)]) == (
        1.7932898,
        30.824991,
        43.17179,
        9.424943,
    )
    assert {r["year"] for r in records} == set(range(2014, 2020)) and {r["field"] for r in records} == {"All"}
    with pytest.raises(ParseError, match="is not Entity,Code,Year"):
        owid_patents.parse(b"Entity,Code,Year,Patents\nChina,CHN,2019,1\n")
