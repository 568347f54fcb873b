"""One palette for every chart: China and the U.S. always in the same colours."""

COUNTRY_COLORS = {
    "CN": "#d1343a",
    "US": "#2a62b8",
    "other": "#8c8c8c",
    "unknown": "#c7c7c7",
}
COUNTRY_LABELS = {"CN": "China", "US": "United States", "other": "Other countries", "unknown": "Unknown country"}
FILL_ALPHA = {"CN": "rgba(209,52,58,0.15)", "US": "rgba(42,98,184,0.15)"}
TEMPLATE = "plotly_white"
FONT = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"

LEGEND_TOP = {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"}


def base_layout(fig, y_title: str = "", height: int = 380, **extra):
    """The layout every chart shares: legend above the plot (never over tick labels), margins that
    grow with the labels (site.js turns on automargin), the site font."""
    fig.update_layout(
        font={"family": FONT},
        height=height,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        legend=LEGEND_TOP,
        yaxis_title=y_title,
        **extra,
    )
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig
