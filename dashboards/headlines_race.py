"""Overview cards for the race as it stands: model versions per quarter from every dated piece of
evidence (out_cadence_versions_quarterly, the open quarter marked partial) and the months-behind gap
per arena.ai board (out_quality_days_behind, its newest day)."""

from __future__ import annotations

import duckdb
import polars as pl

from . import headline as ov
from .names import Names
from .sources import board_order

COUNTRY_WORD = {"CN": "Chinese", "US": "U.S."}


def cadence_versions(con: duckdb.DuckDBPyConnection, anchors: set[str]) -> list[ov.Headline]:
    """Model versions in the last whole quarter, with the open quarter so far (partial) beside it."""
    relation = "out.out_cadence_versions_quarterly"
    if not ov.has_columns(con, relation, "release_quarter", "country_group", "model_versions", "is_partial_quarter"):
        return []
    rows = con.sql(f"SELECT * FROM {relation} ORDER BY release_quarter, country_group").pl()
    whole = rows.filter(~pl.col("is_partial_quarter"))
    if whole.is_empty():
        return []
    quarter = whole["release_quarter"].max()

    def counts(frame: pl.DataFrame, q: str) -> dict[str, int]:
        part = frame.filter(pl.col("release_quarter") == q)
        return {g: int(part.filter(pl.col("country_group") == g)["model_versions"].sum()) for g in ("CN", "US")}

    last = counts(rows, quarter)
    total = int(rows["model_versions"].sum())
    detail = (
        f"Distinct model versions with a preferred date in {quarter}, from every dated source; {total} dated in all."
    )
    partial = rows.filter(pl.col("is_partial_quarter"))
    if not partial.is_empty():
        open_q = partial["release_quarter"].max()
        now = counts(partial, open_q)
        detail += (
            f" {open_q} so far (partial, data through {partial['newest_data_through'].max()}): "
            f"China {now['CN']} · U.S. {now['US']}."
        )
    return [
        ov.Headline(
            key="model-versions-quarter",
            label=f"Model versions released in {quarter}",
            value=f"China {last['CN']} · U.S. {last['US']}",
            detail=detail,
            rows=rows,
            as_of=str(rows["newest_data_through"].max()),
            country="CN" if last["CN"] > last["US"] else "US" if last["US"] > last["CN"] else None,
            links=ov.link_to(anchors, ("per-quarter chart", "cadence-per-quarter"), ("cadence section", "cadence")),
        )
    ]


def gap_sentence(row: dict, names: Names) -> str:
    """'the best Chinese model (X) is where the best U.S. model was N days ago' for one behind row."""
    behind, ahead = COUNTRY_WORD[row["country_code"]], COUNTRY_WORD[row["other_country_code"]]
    days = f"at least {row['days_behind']}" if row["is_censored"] else str(row["days_behind"])
    return (
        f"The best {behind} model ({names.model(row['best_model'])}, {row['best_score']:.0f}) is where the best "
        f"{ahead} model was {days} days ago"
    )


def days_behind(con: duckdb.DuckDBPyConnection, anchors: set[str]) -> list[ov.Headline]:
    relation = "out.out_quality_days_behind"
    if not ov.has_columns(con, relation, "board", "snapshot_date", "country_code", "days_behind", "reached"):
        return []
    latest = con.sql(f"""SELECT * FROM {relation}
                         WHERE country_code IN ('CN', 'US')
                         QUALIFY snapshot_date = max(snapshot_date) OVER (PARTITION BY board)
                         ORDER BY board, country_code""").pl()
    names = Names(con)
    out = []
    order = board_order(con)  # marts.dim_boards, from warehouse/seeds/source_boards.csv
    boards = sorted(latest["board"].unique().to_list(), key=lambda b: (order.index(b) if b in order else 99, b))
    for board in boards:
        rows = latest.filter(pl.col("board") == board)
        behind = rows.filter(pl.col("reached") & (pl.col("days_behind") > 0)).sort("days_behind", descending=True)
        day = rows["snapshot_date"][0]
        if behind.is_empty():
            value, detail, country = "level", f"Neither country's best model trails the other's level on {day}.", None
        else:
            row = behind.row(0, named=True)
            who = COUNTRY_WORD[row["country_code"]]
            value = f"{who} {'≥ ' if row['is_censored'] else ''}{row['days_behind']} days behind"
            span = (
                f" (first reached {row['other_first_reached_on']}; between {row['days_behind']} and "
                f"{row['days_behind_max']} days given the board's sampling)"
                if row["days_behind_max"] is not None and row["days_behind_max"] != row["days_behind"]
                else f" (first reached {row['other_first_reached_on']})"
            )
            detail = f"{gap_sentence(row, names)}{span}, on {day}; a level counts as reached only by a CI lower bound."
            country = row["other_country_code"]
        out.append(
            ov.Headline(
                key=f"days-behind-{board}",
                label=f"Months-behind gap, arena.ai {board}",
                value=value,
                detail=detail,
                rows=rows,
                as_of=str(day),
                country=country,
                links=ov.link_to(anchors, ("gap chart", f"days-behind-{board}"), ("quality section", "quality")),
            )
        )
    return out
