"""EPO Open Patent Services: one published-data search per CPC scope x publication country x
publication year; each answer's total-result-count is the count we keep.

OAuth client credentials: POST <base>/3.2/auth/accesstoken (HTTP Basic key:secret,
grant_type=client_credentials) gives a bearer token valid for about 20 minutes. Without
EPO_OPS_KEY / EPO_OPS_SECRET nothing is requested: the spider says so plainly and reports one
failure with that reason, so the pipeline can record the source as skipped rather than empty.
`-a first_year=2019 -a last_year=2026` narrows the years; VIDEORACE_EPO_OPS_URL replaces the base.
"""

from __future__ import annotations

import base64
import json
import os
from datetime import UTC, datetime
from urllib.parse import quote

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError

from ..items import FailureItem
from ..parsers.epo_ops import cql_query, snapshot_label
from .base import SnapshotSpider

CPC_SCOPES = ("G06T13", "G06N3/0475", "H04N21")  # animation; generative neural nets (GANs etc.); video distribution
COUNTRIES = ("CN", "US", "EP", "WO", "KR", "JP")
SKIPPED = "patents skipped: EPO_OPS_KEY/EPO_OPS_SECRET not set"


class EpoOpsSpider(SnapshotSpider):
    source = "epo_ops"

    def __init__(self, first_year: str = "2019", last_year: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.first_year = int(first_year)
        self.last_year = int(last_year) if last_year else datetime.now(UTC).year

    @property
    def auth_url(self) -> str:
        return f"{self.base_url}/3.2/auth/accesstoken"

    async def start(self):
        # The keys are read from the environment here, in the spider, on purpose: the spider runs
        # in its own `scrapy crawl` process (pipelines/fetch.py), and passing secrets as `-a`
        # arguments would put them in process listings and in Scrapy's logged spider arguments.
        key, secret = os.environ.get("EPO_OPS_KEY"), os.environ.get("EPO_OPS_SECRET")
        if not key or not secret:
            self.logger.warning(SKIPPED)
            yield FailureItem(source=self.source, url=self.auth_url, reason=SKIPPED)
            return
        basic = base64.b64encode(f"{key}:{secret}".encode()).decode("ascii")
        yield scrapy.Request(
            self.auth_url,
            method="POST",
            body="grant_type=client_credentials",
            headers={"Authorization": f"Basic {basic}", "Content-Type": "application/x-www-form-urlencoded"},
            callback=self.authenticated,
            errback=self.failed,
            dont_filter=True,
        )

    def authenticated(self, response):
        try:
            token = json.loads(response.text).get("access_token")
        except (ValueError, AttributeError):
            token = None
        if not token:
            yield FailureItem(
                source=self.source, url=response.url, reason="OPS authentication answered without an access_token"
            )
            return
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/xml"}
        for scope in CPC_SCOPES:
            for country in COUNTRIES:
                for year in range(self.first_year, self.last_year + 1):
                    url = (
                        f"{self.base_url}/3.2/rest-services/published-data/search"
                        f"?q={quote(cql_query(scope, country, year), safe='')}"
                    )
                    yield self.request(url, label=snapshot_label(scope, country, year), headers=headers)

    def failed(self, failure):
        # OPS explains refusals in a <fault> body (e.g. SERVER.EntityNotFound for a query without
        # hits, CLIENT.InvalidAccessToken): keep its code in the reason. A query OPS answers with
        # a fault stays without a count; it is never loaded as zero.
        if failure.check(HttpError):
            body = failure.value.response.text[:2000] if failure.value.response.body else ""
            code = body.split("<code>", 1)[1].split("</code>", 1)[0] if "<code>" in body else ""
            reason = f"HTTP {failure.value.response.status}" + (f" (OPS fault {code})" if code else "")
            self.logger.warning("%s: giving up on %s (%s)", self.source, failure.request.url, reason)
            yield FailureItem(source=self.source, url=failure.request.url, reason=reason)
            return
        yield from super().failed(failure)
