"""Headline numbers for Q2–Q7, each from the table that answers its question, skipped when that
table (or a column it needs) is not in the warehouse. Each returns the rows it used, so the CSV
next to the number shows where it came from."""

from __future__ import annotations

import duckdb

from . import headline as ov


def patents_wipo(con: duckdb.DuckDBPyConnection, anchors: set[str]) -> list[ov.Headline]:
    relation = "marts.fct_patent_counts"
    if not ov.has_columns(con, relation, "scope", "country_code", "period", "count", "unit", "source", "source_url"):
        return []
    rows = con.sql(f"""SELECT scope, country_code, period, count, unit, source, source_url, curated_file, curated_row
                       FROM {relation}
                       WHERE source = 'WIPO 2024' AND scope LIKE 'generative AI inventions (WIPO%'
                         AND country_code IN ('CN', 'US') ORDER BY country_code""").pl()
    counts = dict(zip(rows["country_code"].to_list(), rows["count"].to_list(), strict=True))
    if set(counts) != {"CN", "US"} or not counts["US"]:
        return []
    period = rows["period"][0]
    return [
        ov.Headline(
            key="patents-wipo",
            label="Generative-AI patent families (WIPO)",
            value=f"China {counts['CN']:,} vs U.S. {counts['US']:,}",
            detail=f"{counts['CN'] / counts['US']:.1f}× as many inventions from China-based inventors, {period} "
            "(WIPO Patent Landscape Report on generative AI, 2024).",
            rows=rows,
            as_of=str(period),
            country="CN" if counts["CN"] > counts["US"] else "US",
            links=ov.link_to(anchors, ("patents section", "patents")),
        )
    ]


def unity_genie(con: duckdb.DuckDBPyConnection, anchors: set[str]) -> list[ov.Headline]:
    relation = "out.out_event_study"
    if not ov.has_columns(
        con,
        relation,
        "event_id",
        "ticker",
        "event_date",
        "day1_return_pct",
        "car_market_adjusted_m1_p1_pct",
        "car_market_model_m1_p1_pct",
        "price_source_urls",
    ):
        return []
    rows = con.sql(f"""SELECT event_id, event_name, event_date, ticker, event_session_date, day0_return_pct,
                              day1_return_pct, car_market_adjusted_m1_p1_pct, car_market_model_m1_p1_pct,
                              benchmark_ticker, earnings_in_window, release_source_url AS source_url,
                              price_source_urls
                       FROM {relation} WHERE event_id = 'project_genie' AND ticker = 'U'""").pl()
    if rows.is_empty() or rows["day1_return_pct"][0] is None:
        return []
    r = rows.row(0, named=True)
    model = r["car_market_model_m1_p1_pct"]
    return [
        ov.Headline(
            key="unity-genie",
            label="Unity (U) around Google's Project Genie",
            value=f"{r['day1_return_pct']:+.1f}% the next session",
            detail=(
                f"Launch {r['event_date']}; abnormal return over [-1, +1] sessions "
                f"{r['car_market_adjusted_m1_p1_pct']:+.1f}% vs {r['benchmark_ticker']}"
                + (f" ({model:+.1f}% market model)." if model is not None else ".")
            ),
            rows=rows,
            as_of=str(r["event_session_date"]),
            country="US",
            links=ov.link_to(
                anchors, ("abnormal returns chart", "q6-genie-abnormal-returns"), ("markets section", "markets")
            )
            + ov.link_to(anchors, ("prices chart", "q6-genie-prices")),
        )
    ]


def claims_ledger(con: duckdb.DuckDBPyConnection, anchors: set[str]) -> list[ov.Headline]:
    relation = "marts.fct_claim_verdicts"
    if not ov.has_columns(con, relation, "claim_id", "refresh_date", "verdict", "claim_text"):
        return []
    rows = con.sql(f"""SELECT claim_id, refresh_date, claim_text, verdict, value, reason, warehouse_source_urls,
                              curated_evidence_urls AS source_urls
                       FROM {relation} WHERE refresh_date = (SELECT max(refresh_date) FROM {relation})
                       ORDER BY claim_id""").pl()
    if rows.is_empty():
        return []
    order = ("supported", "partly", "refuted", "insufficient data")
    tally = rows.group_by("verdict").len()
    counts = dict(zip(tally["verdict"].to_list(), tally["len"].to_list(), strict=True))
    parts = [f"{counts[v]} {v}" for v in order if counts.get(v)]
    parts += [f"{n} {v}" for v, n in sorted(counts.items()) if v not in order]
    return [
        ov.Headline(
            key="claims",
            label="Press claims checked against the data",
            value=f"{rows.height} claims",
            detail="Verdicts today: " + ", ".join(parts) + ".",
            rows=rows,
            as_of=str(rows["refresh_date"][0]),
            links=ov.link_to(anchors, ("claims ledger", "claims"), ("claims ledger", "q7-claims")),
        )
    ]


def open_weights_on_arena(con: duckdb.DuckDBPyConnection, anchors: set[str]) -> list[ov.Headline]:
    relation = "marts.fct_leaderboard_entries"
    if not ov.has_columns(
        con, relation, "board", "snapshot_date", "model", "country_code", "is_open_weights", "license", "source_url"
    ):
        return []
    rows = con.sql(f"""SELECT board, snapshot_date, rank, model, country_code, license, is_open_weights, source_url
                       FROM {relation}
                       WHERE board = 'text-to-video'
                         AND snapshot_date = (SELECT max(snapshot_date) FROM {relation} WHERE board = 'text-to-video')
                       ORDER BY rank, model""").pl()
    if rows.is_empty():
        return []

    def count(country: str) -> tuple[int, int]:
        part = rows.filter(rows["country_code"] == country)
        return int(part["is_open_weights"].fill_null(False).sum()), part.height

    (cn_open, cn_all), (us_open, us_all) = count("CN"), count("US")
    unknown = rows["is_open_weights"].null_count()
    return [
        ov.Headline(
            key="open-weights-arena",
            label="Open-weight models on arena.ai text-to-video",
            value=f"China {cn_open} of {cn_all} · U.S. {us_open} of {us_all}",
            detail=(
                f"Models with open weights among each country's entries on the board of {rows['snapshot_date'][0]}"
                f" ({rows.height} entries; {unknown} with unknown licence)."
            ),
            rows=rows,
            as_of=str(rows["snapshot_date"][0]),
            country="CN" if cn_open > us_open else "US",
            links=ov.link_to(anchors, ("openness section", "openness"), ("quality section", "quality")),
        )
    ]


def price_ratio(con: duckdb.DuckDBPyConnection, anchors: set[str]) -> list[ov.Headline]:
    """China vs U.S. median USD per second from out_price_country_summary: the strictest comparison
    (reference specs first, then broader ones) that has offers from both countries."""
    relation = "out.out_price_country_summary"
    if not ov.has_columns(
        con,
        relation,
        "comparison",
        "sort_order",
        "cn_median_usd_per_s",
        "us_median_usd_per_s",
        "median_ratio_cn_to_us",
        "cn_offers",
        "us_offers",
        "latest_dated",
        "source_urls",
    ):
        return []
    rows = con.sql(f"""SELECT * FROM {relation}
                       WHERE cn_median_usd_per_s IS NOT NULL AND us_median_usd_per_s IS NOT NULL
                       ORDER BY sort_order LIMIT 1""").pl()
    if rows.is_empty():
        return []
    row = rows.row(0, named=True)
    cn, us = row["cn_median_usd_per_s"], row["us_median_usd_per_s"]
    scope = row["comparison"].replace("_", " ").replace("any audio", "(audio with, without or not stated)")
    return [
        ov.Headline(
            key="price-ratio",
            label=f"Median price per second of video, {scope}",
            value=f"China ${cn:.3f} vs U.S. ${us:.3f}",
            detail=(
                f"Chinese offers cost {row['median_ratio_cn_to_us']:.2f}× the U.S. median "
                f"({row['cn_offers']} Chinese and {row['us_offers']} U.S. offers; the strictest comparison with "
                "prices from both countries)."
            ),
            rows=rows,
            as_of=str(row["latest_dated"]) if row["latest_dated"] else None,
            country="CN" if cn < us else "US",
            links=ov.link_to(anchors, ("price section", "price")),
        )
    ]


# the releases card is headlines_race.cadence_versions: every dated model version, not curated events only
ALL = [price_ratio, open_weights_on_arena, patents_wipo, unity_genie, claims_ledger]
