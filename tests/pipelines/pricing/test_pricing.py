"""Q2 price per second: real pricing.csv rows through stg -> fct -> out on the replay warehouse, and
fetched (synthetic) page rows through the same SQL on a copy of it."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
import pytest

from pipelines.warehouse import build_model
from tests.support import PROJECT_ROOT
from videorace_scrapers.parsers import alibaba_pricing

FCT = "marts.fct_price_observations"


def one(con, sql: str, params=()) -> dict:
    cursor = con.execute(sql, list(params))
    rows = cursor.fetchall()
    assert len(rows) == 1, rows
    return dict(zip([d[0] for d in cursor.description], rows[0], strict=True))


def test_sora_2_at_ten_cents_a_second(warehouse_con):
    row = one(warehouse_con, f"SELECT * FROM {FCT} WHERE record_source = 'pricing_csv' AND curated_row = 1")
    assert (row["model"], row["model_display"], row["lab_id"], row["country_code"]) == (
        "sora-2",
        "Sora 2",
        "openai",
        "US",
    )
    assert (row["price_usd_per_s"], row["usd_method"], row["price_native"], row["native_currency"]) == (
        0.10,
        "per_second",
        0.10,
        "USD",
    )
    assert row["resolution"] == "720p" and row["resolution_text"] == "720x1280 / 1280x720"
    # "2026 (page version notes shutdown on 2026-09-24)": a bare year is no valid_from; the shutdown ends it
    assert (row["as_of_precision"], row["valid_from"], row["valid_to"]) == ("year", None, date(2026, 9, 24))
    assert row["observed_at"] is None and row["observed_at_basis"] is None
    out = one(
        warehouse_con,
        "SELECT * FROM out.out_price_per_second WHERE curated_file LIKE '%/pricing.csv' AND curated_row = 1",
    )
    assert out["price_usd_per_s"] == 0.10 and out["in_country_comparison"] is False  # shut down: not current


def test_cny_token_price_converted_at_the_fx_rate_of_its_date(warehouse_con):
    # row 42: Doubao-Seedance-2.0, 46 CNY per 1M output tokens, "a 15-s clip ~308,880 tokens", as of 2026-03-04
    row = one(warehouse_con, f"SELECT * FROM {FCT} WHERE record_source = 'pricing_csv' AND curated_row = 42")
    assert (row["price_native"], row["native_currency"], row["tokens_per_clip"], row["clip_seconds"]) == (
        46.0,
        "CNY",
        308880.0,
        15.0,
    )
    assert row["price_native_per_s"] == pytest.approx(46 * 308880 / 1e6 / 15)  # 0.947232 CNY/s
    assert (row["fx_date"], row["fx_rate_cny_per_usd"], row["fx_source"]) == (date(2026, 3, 4), 6.8969, "fred")
    assert row["price_usd_per_s"] == pytest.approx(0.947232 / 6.8969)
    assert row["usd_method"] == "per_1m_tokens*tokens_per_clip/seconds/cny_fx"
    assert (row["lab_id"], row["country_code"], row["model_display"], row["mode"]) == (
        "bytedance",
        "CN",
        "Seedance 2.0",
        "t2v",
    )


def test_undated_cny_stays_unknown(warehouse_con):
    rows = warehouse_con.execute(f"""SELECT resolution, price_native, price_native_per_s, price_usd_per_s,
                                            fx_rate_cny_per_usd, usd_missing_reason
                                     FROM {FCT} WHERE model = 'wan2.5-t2v-preview' ORDER BY price_native""").fetchall()
    assert rows == [
        (r, p, p, None, None, "CNY without a dated observation: no FX rate applies")
        for r, p in (("480p", 0.3), ("720p", 0.6), ("1080p", 1.0))
    ]


def test_units_and_resolutions_interpreted(warehouse_con):
    got = {
        r: (res, usd, method)
        for r, res, usd, method in warehouse_con.execute(
            f"SELECT curated_row, resolution, price_usd_per_s, usd_method FROM {FCT} WHERE record_source = "
            f"'pricing_csv' AND curated_row IN (9, 13, 24, 28)"
        ).fetchall()
    }
    assert got[9] == (None, 0.12, "credits*0.01")  # gen4.5: 12 credits/s
    assert got[13] == (None, None, None)  # veo3.1 via Runway: "20-40" stays a range
    assert got[24][0] == "768p" and got[24][1] == pytest.approx(0.28 / 6) and got[24][2] == "per_clip/seconds"
    assert got[28][0] == "1440p"  # MiniMax-H3 "2K"
    veo = warehouse_con.execute(f"""SELECT resolution, has_audio, is_reference_spec, reference_spec FROM {FCT}
                                    WHERE record_source = 'pricing_csv' AND curated_row = 4
                                    ORDER BY resolution""").fetchall()
    assert veo == [("1080p", True, "1080p_audio", "1080p_audio"), ("720p", True, None, None)]
    seedance = one(warehouse_con, f"SELECT * FROM {FCT} WHERE record_source = 'pricing_csv' AND curated_row = 48")
    assert seedance["is_reference_spec"] == "720p_no_audio" and seedance["price_usd_per_s"] == pytest.approx(0.026)


def test_keys_unique_and_curated_usd_agrees(warehouse_con):
    total, ids, natural = warehouse_con.execute(f"""
        SELECT count(*), count(DISTINCT observation_id),
               count(DISTINCT (provider, model, tier, resolution, has_audio, clip_seconds, observed_at, source_url))
        FROM {FCT} WHERE record_source = 'pricing_csv'""").fetchall()[0]
    assert total == ids == natural == 56  # 54 curated rows; two quote two resolutions each
    every = warehouse_con.execute(f"SELECT count(*), count(DISTINCT observation_id) FROM {FCT}").fetchall()
    # + 253 LiteLLM 1.110.2 prices and 170 of the four earlier releases (bare-key aliases of prefixed keys left out)
    assert every == [(479, 479)]
    disagree = warehouse_con.execute(f"""SELECT curated_row FROM {FCT} WHERE source_usd_per_s IS NOT NULL
                                         AND abs(price_usd_per_s - source_usd_per_s) > 0.0005""").fetchall()
    assert disagree == []


def test_bitemporal_questions(warehouse_con):
    cost_on = """SELECT model_display FROM marts.fct_price_observations
                 WHERE valid_from <= ? AND (valid_to IS NULL OR ? < valid_to) AND model_display = 'Seedance 2.0'"""
    assert warehouse_con.execute(cost_on, [date(2026, 3, 3)] * 2).fetchall() == []
    assert len(warehouse_con.execute(cost_on, [date(2026, 3, 5)] * 2).fetchall()) == 2  # both Volcano Ark modes
    shown = warehouse_con.execute(f"""SELECT count(*) FROM {FCT} WHERE observed_at <= TIMESTAMPTZ '2026-03-01 23:59:59+00'
                                      AND record_source = 'pricing_csv'""").fetchall()[0][0]
    # Veo 3 and Veo 2 at launch (2025-07), wan2.2-s2v at 480p and 720p (2025-10-15), Kling package (2026-02-16)
    assert shown == 5


def test_country_summary(warehouse_con):
    rows = {
        r["comparison"]: r for r in warehouse_con.sql("SELECT * FROM out.out_price_country_summary").pl().to_dicts()
    }
    assert list(rows) == ["720p_no_audio", "1080p_audio", "720p_any_audio", "1080p_any_audio", "all_resolutions"]
    strict_720 = rows["720p_no_audio"]
    assert (strict_720["cn_offers"], strict_720["cn_min_usd_per_s"], strict_720["us_offers"]) == (
        1,
        pytest.approx(0.026),
        None,
    )
    assert strict_720["median_ratio_cn_to_us"] is None and "Seedance 1.5 Pro" in strict_720["cn_cheapest"]
    assert rows["1080p_audio"]["us_median_usd_per_s"] == 0.4 and rows["1080p_audio"]["cn_offers"] is None
    # with LiteLLM's catalogue (1.110.2, 2026-11-20): 34 Chinese vs 15 U.S. offers at 1080p, medians
    # $0.19 vs $0.14 (Kling 2.5 Turbo $0.05 the cheapest Chinese, Veo 3.1 Lite on Vertex $0.08 the U.S.)
    hd = rows["1080p_any_audio"]
    assert (hd["cn_offers"], hd["us_offers"], hd["latest_dated"]) == (34, 15, date(2026, 11, 20))
    assert (hd["cn_median_usd_per_s"], hd["us_median_usd_per_s"]) == (pytest.approx(0.19), pytest.approx(0.14))
    assert (hd["cn_min_usd_per_s"], hd["us_min_usd_per_s"]) == (pytest.approx(0.05), pytest.approx(0.08))
    assert hd["median_ratio_cn_to_us"] == pytest.approx(0.19 / 0.14)
    sd = rows["720p_any_audio"]
    assert (sd["cn_offers"], sd["us_offers"]) == (35, 10)
    assert (sd["cn_median_usd_per_s"], sd["us_median_usd_per_s"]) == (pytest.approx(0.123769), pytest.approx(0.14))
    assert (
        rows["all_resolutions"]["cny_conversions"] == "Seedance 2.0: 0.9472 CNY/s at 6.8969 CNY/USD (fred, 2026-03-04)"
    )


def test_fetched_cny_page_rows_use_the_rate_of_the_fetch_day(replay_warehouse, tmp_path):
    """Synthetic Alibaba page rows (CNY) loaded as if fetched on Sunday 2026-07-05: the ASOF join
    takes the latest preferred rate on or before that day (FRED has none on the 3rd, 4th, 5th)."""
    db = tmp_path / "copy.duckdb"
    shutil.copy(replay_warehouse / "videorace.duckdb", db)
    body = (PROJECT_ROOT / "tests" / "fixtures" / "synthetic" / "alibaba_pricing_synthetic.html").read_bytes()
    con = duckdb.connect(str(db))
    try:
        for index, record in enumerate(alibaba_pricing.parse(body, where="synthetic")):
            con.execute(
                "INSERT INTO raw.raw_pricing__alibaba_pricing VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    record["model"],
                    record["resolution"],
                    record["price"],
                    record["currency"],
                    record["unit"],
                    record["price_text"],
                    record["section"],
                    index,
                    "f" * 64,
                    "http://127.0.0.1/synthetic",
                    "2026-07-05T10:00:00Z",
                ],
            )
        for layer, name in (
            ("int", "int_price_quotes"),
            ("int", "int_price_observations"),
            ("marts", "fct_price_observations"),
        ):
            build_model(con, layer, name)
        expected_date, expected_rate = con.execute("""SELECT rate_date, rate FROM marts.fct_fx_rates
            WHERE is_preferred AND rate_date <= DATE '2026-07-05' ORDER BY rate_date DESC LIMIT 1""").fetchall()[0]
        row = one(
            con,
            f"""SELECT * FROM {FCT} WHERE record_source = 'alibaba_pricing'
                           AND model = 'wan2.5-t2v-preview' AND native_currency = 'CNY' AND resolution = '720p'""",
        )
    finally:
        con.close()
    assert expected_date <= date(2026, 7, 5) and (date(2026, 7, 5) - expected_date).days <= 7
    assert (row["fx_date"], row["fx_rate_cny_per_usd"]) == (expected_date, expected_rate)
    assert row["price_usd_per_s"] == pytest.approx(0.6 / expected_rate)
    assert row["valid_from"] == date(2026, 7, 5) and row["observed_at_basis"] == "snapshot fetched_at"
    assert (row["lab_id"], row["country_code"], row["mode"], row["usd_method"]) == (
        "alibaba",
        "CN",
        "t2v",
        "per_second/cny_fx",
    )
