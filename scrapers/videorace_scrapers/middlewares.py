"""Downloader middlewares: retries with exponential backoff that honour Retry-After (Scrapy's
RetryMiddleware retries at once; the wait is awaited, so other requests keep flowing), and redirects
that cannot leak a key or reach an internal address (SafeRedirectMiddleware)."""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import logging
import re
import socket
import time
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.response import response_status_message

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds: either delta-seconds or an HTTP date. None when absent or invalid."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE_S", 1.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX_S", 60.0)

    def delay_for(self, request, response=None) -> float:
        attempt = request.meta.get("retry_times", 0)
        delay = min(self.cap, self.base * (2**attempt))
        if response is not None:
            hinted = retry_after_seconds(response.headers.get(b"Retry-After"))
            if hinted is not None:
                delay = max(delay, min(hinted, self.cap))
        return delay

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        delay = self.delay_for(request, response)
        self.crawler.stats.inc_value("videorace/backoff_seconds", delay)
        await asyncio.sleep(delay)
        return retry

    async def process_exception(self, request, exception, spider=None):
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        retry = self._retry(request, exception)
        if retry is None:
            return None
        await asyncio.sleep(self.delay_for(request))
        return retry


# Headers that carry a credential. Scrapy drops Authorization and Cookie on a cross-host redirect, not
# custom ones (X-Api-Key went to 127.0.0.2 in the probe), so every header listed here, named
# in VIDEORACE_CREDENTIAL_HEADERS, or looking like a key is dropped when a redirect leaves the host.
CREDENTIAL_HEADERS = (
    "Authorization",
    "Proxy-Authorization",
    "Cookie",
    "X-Api-Key",
    "Api-Key",
    "X-Auth-Token",
    "X-Goog-Api-Key",
    "Private-Token",
)
CREDENTIAL_LIKE = re.compile(r"(?i)(api[-_]?key|token|secret|auth|session|password)")
METADATA_HOSTS = {"169.254.169.254", "fd00:ec2::254", "metadata.google.internal", "metadata"}


def origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or {"http": 80, "https": 443}.get(parts.scheme)


def internal_address(host: str) -> str | None:
    """Why `host` is off limits (private, loopback, link-local, metadata...), or None when public.
    A name is resolved; any internal address it resolves to makes it internal."""
    if host in METADATA_HOSTS:
        return "a cloud metadata address"
    try:
        addresses = {ipaddress.ip_address(host)}
    except ValueError:
        try:
            addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in socket.getaddrinfo(host, None)}
        except (socket.gaierror, UnicodeError):
            return None  # unresolvable: the download itself will fail and say so
    for address in addresses:
        for kind in ("loopback", "private", "link_local", "multicast", "reserved", "unspecified"):
            if getattr(address, f"is_{kind}"):
                return f"a {kind.replace('_', '-')} address ({address})"
    return None


class SafeRedirectMiddleware(RedirectMiddleware):
    """Redirects stay within the source's own host (or the allow-list in its registry row, passed as
    VIDEORACE_REDIRECT_HOSTS), never to an internal address — except the configured stand-in
    (VIDEORACE_STANDIN_HOST, set when VIDEORACE_<NAME>_URL points at a mirror or test server) — and
    credential headers are dropped whenever a redirect changes scheme, host or port."""

    def __init__(self, settings):
        super().__init__(settings)
        self.allowed_hosts = {h.strip().lower() for h in settings.getlist("VIDEORACE_REDIRECT_HOSTS") if h.strip()}
        self.standin = (settings.get("VIDEORACE_STANDIN_HOST") or "").lower()
        self.credential_headers = {
            h.lower() for h in (*CREDENTIAL_HEADERS, *settings.getlist("VIDEORACE_CREDENTIAL_HEADERS"))
        }

    def _is_credential(self, name: bytes | str) -> bool:
        text = name.decode("latin-1") if isinstance(name, bytes) else name
        return text.lower() in self.credential_headers or bool(CREDENTIAL_LIKE.search(text))

    def _build_redirect_request(self, source_request, response, *, url, **kwargs):
        redirected = super()._build_redirect_request(source_request, response, url=url, **kwargs)
        if origin(source_request.url) != origin(redirected.url):
            for name in [n for n in redirected.headers if self._is_credential(n)]:
                del redirected.headers[name]
        return redirected

    def refusal(self, first_url: str, target_url: str) -> str | None:
        _, first_host, _ = origin(first_url)
        scheme, host, port = origin(target_url)
        standin = self.standin and f"{host}:{port}" == self.standin
        if host != first_host and host not in self.allowed_hosts and not standin:
            return f"redirect to {host} refused: only {first_host} or its allow-list ({', '.join(sorted(self.allowed_hosts)) or 'empty'})"
        internal = None if standin else internal_address(host)
        if internal:
            return f"redirect to {host} refused: {internal}"
        return None

    def _redirect(self, redirected, request, reason):
        first = (request.meta.get("redirect_urls") or [request.url])[0]
        why = self.refusal(first, redirected.url)
        if why:
            logger.warning("%s (from %s)", why, request.url)
            raise IgnoreRequest(why)
        return super()._redirect(redirected, request, reason)
