"""A chart's table: numbers sort by their value, the markup stays small (data-sort only where the
cell's text would not sort as its value, end tags HTML infers left out), every cell escaped."""

from __future__ import annotations

import polars as pl

from dashboards.chart_html import data_table


def test_cells_carry_data_sort_only_where_their_text_is_not_their_value():
    frame = pl.DataFrame(
        {"country_code": ["CN", "US"], "count": [38210, 7], "price": [0.5, 0.123456], "note": ["<b>", "a&b"]}
    )
    html = data_table(frame, "Data behind: test", None, "t-table")
    rows = html.split("<tbody>\n")[1].split("</tbody>")[0].splitlines()
    assert rows == [
        '<tr data-group="CN"><td>CN<td class=num data-sort="38210">38,210<td class=num>0.5<td>&lt;b&gt;',
        '<tr data-group="US"><td>US<td class=num>7<td class=num data-sort="0.123456">0.123<td>a&amp;b',
    ]
