"""Polite live crawling: robots.txt, an identifying User-Agent with a contact URL, AutoThrottle,
per-domain concurrency limits, timeouts, retries with exponential backoff that honour Retry-After.
The pipeline passes VIDEORACE_SNAPSHOT_DIR / VIDEORACE_MANIFEST / VIDEORACE_FAILURES with -s."""

BOT_NAME = "videorace"
SPIDER_MODULES = ["videorace_scrapers.spiders"]
NEWSPIDER_MODULE = "videorace_scrapers.spiders"

USER_AGENT = "videorace/0.1 (market-research data pipeline; +https://github.com/videorace/videorace#contact)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
DOWNLOAD_TIMEOUT = 30
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [408, 429, 500, 502, 503, 504, 522, 524]
RETRY_BACKOFF_BASE_S = 1.0
RETRY_BACKOFF_MAX_S = 60.0

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "videorace_scrapers.middlewares.BackoffRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "videorace_scrapers.middlewares.SafeRedirectMiddleware": 600,  # same place as the one it replaces
}
# Redirects: the pipeline passes the source's allow-list and its stand-in (VIDEORACE_<NAME>_URL) host
VIDEORACE_REDIRECT_HOSTS = []
VIDEORACE_STANDIN_HOST = ""
VIDEORACE_CREDENTIAL_HEADERS = []

# Bounded bodies: Scrapy cancels a download above DOWNLOAD_MAXSIZE and HttpCompressionMiddleware
# applies the same limit to the decompressed body (a gzip bomb stops at the limit, not at 1 GiB).
# The pipeline passes each source's limit (Source.max_response_mb, 50 MB by default).
DOWNLOAD_MAXSIZE = 50 * 1024 * 1024
DOWNLOAD_WARNSIZE = 10 * 1024 * 1024
ITEM_PIPELINES = {"videorace_scrapers.pipelines.SnapshotPipeline": 300}

HTTPCACHE_ENABLED = False  # snapshots are the cache of record; enable with -s HTTPCACHE_ENABLED=1 while developing
LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TELNETCONSOLE_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
