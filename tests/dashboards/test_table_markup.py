"""A chart's table: numbers sort by their value, the markup stays small (data-sort only where the
cell's text would not sort as its value, end tags HTML infers left out, the filters' columns named
once on the table), every cell escaped; a chart may name the columns its table shows."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import pytest

from dashboards.chart import Chart, figure_json
from dashboards.chart_html import data_table


def _rows(html: str) -> list[str]:
    return html.split("<tbody>\n")[1].split("</tbody>")[0].splitlines()


def test_cells_carry_data_sort_only_where_their_text_is_not_their_value():
    frame = pl.DataFrame(
        {"country_code": ["CN", "US"], "count": [38210, 7], "price": [0.5, 0.123456], "note": ["<b>", "a&b"]}
    )
    html = data_table(frame, "Data behind: test", None, "t-table")
    assert '<table class="data sortable" data-group-col="0">' in html and "The table shows" not in html
    assert _rows(html) == [
        '<tr><td>CN<td class=num data-sort="38210">38,210<td class=num>0.5<td>&lt;b&gt;',
        '<tr><td>US<td class=num>7<td class=num data-sort="0.123456">0.123<td>a&amp;b',
    ]


def test_floats_read_like_integers_and_sort_without_float_noise():
    frame = pl.DataFrame({"score": [1347.0, 12345.5, 0.026000000000000002, 82.60000000000014, 0.082513]})
    cells = [row.removeprefix("<tr><td class=num") for row in _rows(data_table(frame, "c", None, "t"))]
    assert cells == [">1347", ' data-sort="12345.5">12,345.5', ">0.026", ">82.6", ' data-sort="0.082513">0.083']


def test_a_chart_names_the_columns_its_table_shows_and_the_rest_stay_in_the_csv():
    frame = pl.DataFrame(
        {
            "board": ["t2v", "t2v"],
            "snapshot_date": ["2026-03-19", "2026-03-20"],
            "country_group": ["CN", "US"],
            "fx_date": [None, "2026-03-01"],
            "source_url": ["https://a", "https://b"],
        }
    )
    html = data_table(frame, "Data behind: test", None, "t-table", ("country_group", "snapshot_date"))
    assert '<p class="meta">The table shows 2 of the 5 columns; all 5 columns are in the CSV.</p>' in html
    assert '<table class="data sortable" data-group-col="0" data-date-col="1">' in html
    assert ">country group</span>" in html and ">board</span>" not in html and ">fx date</span>" not in html
    assert _rows(html) == ["<tr><td>CN<td>2026-03-19", "<tr><td>US<td>2026-03-20"]
    with pytest.raises(ValueError, match="not in its data"):
        Chart("x", "t", go.Figure(), frame, [], None, table_columns=("country_group", "price"))


def test_figure_numbers_keep_ten_significant_digits_and_text_stays_utf8():
    fig = go.Figure(go.Scatter(x=[0.026000000000000002, 1347.0], y=[1 / 3, 2.5], text=["Seedance — fal · <b>"]))
    spec = figure_json(fig)
    assert '"x":[0.026,1347]' in spec and '"y":[0.3333333333,2.5]' in spec
    assert '"text":["Seedance — fal · \\u003cb\\u003e"]' in spec
