"""Q3 cadence on the replay warehouse: fct_releases from the curated release table, precision kept,
one preferred row per release, and the quarterly counts and version gaps checked by hand."""

from __future__ import annotations

import csv

from tests.support import PROJECT_ROOT

RELEASES_CSV = PROJECT_ROOT / "warehouse" / "seeds" / "curated" / "releases.csv"


def csv_row(number: int) -> dict:
    with RELEASES_CSV.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))[number - 1]


def test_seedance_2_0_launch_is_the_day_releases_csv_gives(warehouse_con):
    assert csv_row(13)["model"] == "Seedance" and csv_row(13)["release_date"] == "2026-02-12"
    rows = warehouse_con.execute("""
        SELECT release_type, strftime(release_date, '%Y-%m-%d'), date_precision, release_quarter, lab_id,
               country_code, is_preferred, curated_file, curated_row
        FROM marts.fct_releases WHERE model = 'Seedance' AND version = '2.0'""").fetchall()
    assert rows == [
        ("ga", "2026-02-12", "day", "2026-Q1", "bytedance", "CN", True, "warehouse/seeds/curated/releases.csv", 13)
    ]


def test_month_precision_stays_a_month(warehouse_con):
    assert csv_row(2)["version"] == "1.5" and csv_row(2)["release_date"] == "2024-09"
    rows = warehouse_con.execute("""
        SELECT release_date_text, date_precision, release_date, release_year, release_quarter, release_type,
               counts_in_cadence
        FROM marts.fct_releases WHERE model = 'Kling' AND version = '1.5'""").fetchall()
    assert rows == [("2024-09", "month", None, 2024, "2024-Q3", None, True)]
    # no DATE on any month-precision row, and every day row has one
    assert warehouse_con.execute("""
        SELECT count(*) FROM marts.fct_releases
        WHERE (date_precision = 'day') <> (release_date IS NOT NULL)""").fetchall() == [(0,)]
    assert warehouse_con.execute(
        "SELECT date_precision, count(*) FROM marts.fct_releases WHERE source = 'curated' GROUP BY ALL ORDER BY ALL"
    ).fetchall() == [("day", 46), ("month", 9), (None, 7)]  # release_date lengths 10 / 7 / 0 in the csv


def test_key_unique_one_preferred_per_release_and_every_lab_mapped(warehouse_con):
    total, keys, releases, preferred = warehouse_con.execute("""
        SELECT count(*), count(DISTINCT (source, source_record_id)), count(DISTINCT release_key),
               count(*) FILTER (WHERE is_preferred)
        FROM marts.fct_releases WHERE source = 'curated'""").fetchall()[0]
    assert total == keys == 62 and releases == preferred == 62  # every curated row is its own release
    assert warehouse_con.execute(
        "SELECT count(*) FROM marts.fct_releases WHERE lab_id IS NULL AND source = 'curated'"
    ).fetchall() == [(0,)]
    # curated lab spellings resolved through dim_labs names and aliases
    assert dict(
        warehouse_con.execute("""SELECT DISTINCT lab_name, lab_id FROM marts.fct_releases
                                         WHERE lab_name IN ('Zhipu AI / Tsinghua (THUDM)', 'Google DeepMind',
                                                            'ByteDance (Seed)', 'Lightricks')""").fetchall()
    ) == {
        "Zhipu AI / Tsinghua (THUDM)": "zhipu",
        "Google DeepMind": "google",
        "ByteDance (Seed)": "bytedance",
        "Lightricks": "lightricks",
    }
    # the curated file's own country column agrees with dim_labs wherever both are known
    assert warehouse_con.execute("""SELECT count(*) FROM marts.fct_releases
                                    WHERE source_country_code <> country_code""").fetchall() == [(0,)]


def test_undated_rows_are_kept_but_not_counted(warehouse_con):
    rows = warehouse_con.execute("""SELECT model || ' ' || version FROM marts.fct_releases
                                    WHERE release_date_text IS NULL ORDER BY 1""").fetchall()
    assert [r[0] for r in rows] == [
        "Pika 2.0",
        "Pika 2.2",
        "Seedance 1.0 Pro",
        "Vidu 1.5",
        "Vidu 2.0",
        "Vidu Q1",
        "Vidu Q3",
    ]
    assert warehouse_con.execute("""SELECT count(*) FROM marts.fct_releases
                                    WHERE release_date_text IS NULL AND counts_in_cadence""").fetchall() == [(0,)]


def test_2024_q4_counts_by_hand(warehouse_con):
    """releases.csv rows dated Oct-Dec 2024: Kling 1.6 ga, HunyuanVideo 1.0 and CogVideoX 1.5-5B open
    weights (CN); Veo 2 preview, Sora Turbo ga, Pika 1.5 ga, Mochi open weights (US); LTX-Video 0.9.0
    open weights (Lightricks, IL -> other)."""
    rows = warehouse_con.execute("""SELECT country_group, release_type, releases FROM out.out_cadence_quarterly
                                    WHERE release_quarter = '2024-Q4' ORDER BY ALL""").fetchall()
    assert rows == [
        ("CN", "ga", 1),
        ("CN", "open_weights", 2),
        ("US", "ga", 2),
        ("US", "open_weights", 1),
        ("US", "preview", 1),
        ("other", "open_weights", 1),
    ]
    # month-only Kling 1.5 lands in 2024-Q3 with an unknown type
    assert warehouse_con.execute("""SELECT releases, month_precision_releases FROM out.out_cadence_quarterly
                                    WHERE release_quarter = '2024-Q3' AND release_type = 'unknown'""").fetchall() == [
        (1, 1)
    ]


def test_version_gaps_use_day_dates_only(warehouse_con):
    rows = warehouse_con.execute("""SELECT model_key, strftime(first_date, '%Y-%m-%d'), days_since_previous
                                    FROM out.out_cadence_version_gaps WHERE lab_id = 'kuaishou'
                                    ORDER BY first_date""").fetchall()
    # Kling 1.5 (2024-09), 2.6 and O1 (2025-12) are month-only: left out, not padded
    assert rows == [
        ("kling 1.0", "2024-06-06", None),
        ("kling 1.6", "2024-12-19", 196),
        ("kling 2.0", "2025-04-15", 117),
        ("kling 2.1", "2025-05-29", 44),
        ("kling 2.5 turbo", "2025-09-23", 117),
        ("kling 3.0", "2026-02-04", 134),
        ("kling 4.0", "2026-09-28", 236),
    ]  # the candidates file: announced, a day date


def test_timeline_and_changes_read_fct_releases(warehouse_con):
    # 55 curated rows + 11 candidates (13, less the planned Kling 4.0 full release and the later of
    # the two HiDream-O1 dates); candidates of labs without a labs.csv row are "unknown"
    assert warehouse_con.execute("SELECT count(*) FROM out.out_cadence_timeline").fetchall() == [(66,)]
    assert warehouse_con.execute("""SELECT country_group, count(*) FROM out.out_cadence_timeline
                                    GROUP BY ALL ORDER BY ALL""").fetchall() == [
        ("CN", 31),
        ("US", 26),
        ("other", 3),
        ("unknown", 6),
    ]
    # the claims ledger's C3 reads the Seedance 2.0 date from here
    assert (
        warehouse_con.execute("""SELECT count(*) FROM marts.fct_releases
                                    WHERE model = 'Seedance' AND cast(release_date AS VARCHAR) LIKE '2026-02%'""").fetchall()
        == [(1,)]
    )
