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
