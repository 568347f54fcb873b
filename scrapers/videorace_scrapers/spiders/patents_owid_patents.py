"""Our World in Data grapher download: AI patent applications per million people by country (CSET),
one CSV from <base>/grapher/artificial-intelligence-patents-submitted-per-million.csv.
VIDEORACE_OWID_PATENTS_URL replaces the base (default: the registry row's, warehouse/seeds/sources.csv)."""

from __future__ import annotations

from .base import SnapshotSpider

CHART = "artificial-intelligence-patents-submitted-per-million"


class OwidPatentsSpider(SnapshotSpider):
    source = "owid_patents"

    async def start(self):
        yield self.request(f"{self.base_url}/grapher/{CHART}.csv", label="all_ai_per_million")
