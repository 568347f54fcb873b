"""The source registry: one origin record per source (what, where, terms, cadence, auth).

Spider name = ``<family>_<name>``; raw table = ``raw.raw_<family>__<name>``; recordings live in
``scrapers/recordings/<name>/`` with a manifest. The live base URL of every source can be replaced
from the environment with ``VIDEORACE_<NAME>_URL``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import source_url_env_var


@dataclass(frozen=True)
class Source:
    name: str
    family: str
    title: str
    live_url: str
    data_format: str
    cadence: str  # daily | weekly | monthly
    terms: str
    auth: str = "keyless"
    has_recordings: bool = False
    # why a source without recordings has none (shown by `videorace status` and the README)
    replay_note: str = ""
    # hosts a redirect may lead to besides the live URL's own (the spider refuses any other, and
    # every internal address); and the largest response body accepted, decompressed
    redirect_hosts: tuple[str, ...] = ()
    max_response_mb: float = 50

    @property
    def spider(self) -> str:
        return f"{self.family}_{self.name}"

    @property
    def raw_table(self) -> str:
        return f"raw_{self.family}__{self.name}"

    @property
    def url_env_var(self) -> str:
        return source_url_env_var(self.name)


SOURCES: dict[str, Source] = {
    s.name: s
    for s in [
        Source(
            name="arena",
            family="leaderboards",
            title="arena.ai video boards via the community daily JSON mirror",
            live_url="https://raw.githubusercontent.com/oolong-tea-2026/arena-ai-leaderboards/main",
            data_format="JSON (data/YYYY-MM-DD/{text-to-video,image-to-video,video-edit}.json, data/latest.json)",
            cadence="daily",
            terms="MIT (mirror, Copyright (c) 2026 Wu Long); upstream arena.ai leaderboard pages",
            has_recordings=True,
        ),
        Source(
            name="aa_arena",
            family="leaderboards",
            title="Artificial Analysis video arena (text-to-video, image-to-video Elo; creators with a country)",
            live_url="https://artificialanalysis.ai",
            data_format="JSON (/api/text-to-video/arena/preferences?supports-image-input=false|true; "
            "/api/v2/data/media/{text-to-video,image-to-video} with a key)",
            cadence="daily",
            terms='attribution to Artificial Analysis required ("Data provided by Artificial Analysis, '
            "https://artificialanalysis.ai\"); v2 API under AA's API terms",
            auth="keyless public JSON; AA_API_KEY for the v2 API (attribution required)",
            has_recordings=True,
        ),
        Source(
            name="lmarena_dataset",
            family="leaderboards",
            title="arena.ai (LMArena) official leaderboard dataset lmarena-ai/leaderboard-dataset, video subsets, "
            "via its daily JSON mirror (full-precision rating, bounds, variance, votes, publish date)",
            live_url="https://raw.githubusercontent.com/Scarlett9826/arena-ai-leaderboards/main",
            data_format="JSON (data/lmarena/YYYY-MM-DD/{text_to_video,image_to_video,video_edit}.json)",
            cadence="daily",
            terms="MIT (JSON mirror, Scarlett9826/arena-ai-leaderboards); upstream dataset "
            "huggingface.co/datasets/lmarena-ai/leaderboard-dataset",
            has_recordings=True,
        ),
        Source(
            name="github_readme",
            family="releases",
            title="News sections of open-weight video repos' READMEs (Wan2.1, Wan2.2, HunyuanVideo, "
            "HunyuanVideo-1.5, CogVideo, LTX-Video, mochi, Step-Video-T2V)",
            live_url="https://raw.githubusercontent.com",
            data_format="Markdown (<owner>/<repo>/HEAD/README.md)",
            cadence="weekly",
            terms="each repository's licence (Apache-2.0 for most); short dated lines quoted as evidence",
            replay_note="READMEs are prose (reference only); dated news lines: curated open_weights_git_facts.csv",
        ),
        Source(
            name="github_releases",
            family="releases",
            title="GitHub REST releases of open-weight video repos",
            live_url="https://api.github.com",
            data_format="JSON (/repos/{owner}/{repo}/releases, Link pagination)",
            cadence="weekly",
            terms="GitHub REST API terms; 60 requests/hour without a token",
            auth="optional GITHUB_TOKEN",
            replay_note="no committed REST responses; tags and first commits: curated open_weights_git_facts.csv",
        ),
        Source(
            name="openrouter",
            family="releases",
            title="OpenRouter models list (created dates of video models mark API availability)",
            live_url="https://openrouter.ai",
            data_format="JSON (/api/v1/models?output_modalities=all)",
            cadence="weekly",
            terms="OpenRouter public API",
            replay_note="no archived /api/v1/models JSON with video models; catalogue+panel replay as "
            "openrouter_rankings",
        ),
        Source(
            name="litellm_pricing",
            family="pricing",
            title="LiteLLM model price catalogue: video_generation entries, USD per second by resolution, "
            "each with the provider's pricing URL (a third-party catalogue, not the providers' own pages)",
            live_url="https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json",
            data_format="JSON (one object per model key; mode, litellm_provider, output_cost_per_second[_<res>], "
            "source)",
            cadence="weekly",
            terms="MIT (BerriAI/litellm); prices are the providers' published list prices as LiteLLM transcribes them",
            has_recordings=True,
        ),
        Source(
            name="runway_pricing",
            family="pricing",
            title="Runway API reference: credits per second per model (USD per credit: seeds/unit_prices.csv)",
            live_url="https://raw.githubusercontent.com/runwayml/skills/main",
            data_format="Markdown",
            cadence="weekly",
            terms="Runway public documentation",
            replay_note="API reference is prose (reference only); credit price: cited row in seeds/unit_prices.csv",
        ),
        Source(
            name="gemini_pricing",
            family="pricing",
            title="Google Gemini API pricing page (Veo rows)",
            live_url="https://ai.google.dev",
            data_format="HTML (/gemini-api/docs/pricing)",
            cadence="weekly",
            terms="Google developer documentation (CC BY 4.0 text)",
            replay_note="no dated copy of the pricing page in any public repository (prose: reference only)",
        ),
        Source(
            name="fal_pricing",
            family="pricing",
            title="fal.ai model pricing (many Chinese and U.S. video models in one schema)",
            live_url="https://api.fal.ai",
            data_format="JSON (/v1/models/pricing with FAL_KEY); the public pricing page otherwise",
            cadence="weekly",
            terms="fal.ai terms of service",
            auth="FAL_KEY (optional: the pricing page is used without it)",
            replay_note="pricing API needs FAL_KEY; no repository commits its responses (page: reference only)",
        ),
        Source(
            name="alibaba_pricing",
            family="pricing",
            title="Alibaba Cloud Model Studio video model prices (CNY mainland, USD international)",
            live_url="https://help.aliyun.com",
            data_format="HTML",
            cadence="weekly",
            terms="Alibaba Cloud documentation",
            replay_note="no committed copy of the Model Studio pricing page (prose: reference only)",
        ),
        Source(
            name="fred",
            family="fx",
            title="FRED DEXCHUS: Chinese yuan per U.S. dollar, daily noon buying rates",
            live_url="https://fred.stlouisfed.org",
            data_format="CSV (/graph/fredgraph.csv?id=DEXCHUS)",
            cadence="daily",
            terms="FRED, Federal Reserve Bank of St. Louis; public domain source data (Federal Reserve H.10)",
            has_recordings=True,
        ),
        Source(
            name="ecb",
            family="fx",
            title="ECB euro foreign exchange reference rates (fallback; CNY and USD per EUR give the cross rate)",
            live_url="https://www.ecb.europa.eu",
            data_format="XML (/stats/eurofxref/eurofxref-hist-90d.xml)",
            cadence="daily",
            terms="ECB statistics, free reuse with source acknowledged",
            replay_note="no committed eurofxref-hist newer than 2025-05; FRED copies reach 2026-09-25",
        ),
        Source(
            name="yahoo",
            family="stocks",
            title="Yahoo Finance v8 chart JSON (daily bars) for exposed listed companies and benchmarks",
            live_url="https://query1.finance.yahoo.com",
            data_format="JSON (/v8/finance/chart/{ticker}?range=2y&interval=1d)",
            cadence="daily",
            terms="Yahoo terms of service; personal/research use, fragile, browser-like User-Agent",
            replay_note="no repository commits v8 chart JSON; the same Yahoo bars replay via stock_csv",
        ),
        Source(
            name="stock_csv",
            family="stocks",
            title="Daily price CSVs (yfinance / Stooq layouts) recorded from public repositories",
            live_url="https://raw.githubusercontent.com",
            data_format="CSV (four layouts, parsed by header)",
            cadence="daily",
            terms="market data from Yahoo Finance / Stooq as stored in public repositories (no licence stated)",
            has_recordings=True,
        ),
        Source(
            name="hf_models",
            family="openness",
            title="Hugging Face Hub models API (text-to-video, image-to-video, by downloads)",
            live_url="https://huggingface.co",
            data_format="JSON (/api/models?pipeline_tag=...&sort=downloads, Link pagination)",
            cadence="daily",
            terms="Hugging Face Hub API terms",
            auth="optional HF_TOKEN",
            replay_note="no dated /api/models?pipeline_tag= dump exists; the Hub trending list replays as hf_trending",
        ),
        Source(
            name="epo_ops",
            family="patents",
            title="EPO Open Patent Services published-data search (total-result-count per CQL query)",
            live_url="https://ops.epo.org",
            data_format="XML (/3.2/rest-services/published-data/search?q=...)",
            cadence="monthly",
            terms="EPO OPS fair-use charter; free registration",
            auth="EPO_OPS_KEY + EPO_OPS_SECRET (OAuth client credentials)",
            has_recordings=True,
        ),
        Source(
            name="hf_trending",
            family="openness",
            title="Hugging Face Hub trending models (/api/trending): what trends, per snapshot",
            live_url="https://huggingface.co",
            data_format="JSON (/api/trending?type=model: {recentlyTrending: [{repoData, repoType}]}); recordings: "
            "the park-onezero/daily-hf-trending cache (a dict keyed by model id)",
            cadence="daily",
            terms="Hugging Face Hub API terms; recordings from park-onezero/daily-hf-trending (no licence file)",
            has_recordings=True,
        ),
        Source(
            name="openrouter_rankings",
            family="openness",
            title="OpenRouter model catalogue and daily token panel (LLM tokens, not video)",
            live_url="https://raw.githubusercontent.com/sui414/openrouter-pricing-data/main",
            data_format="CSV as collected by sui414/openrouter-pricing-data (model_rankings.csv from "
            "/api/frontend/v1/rankings/models; models/date=YYYY-MM-DD.csv from /api/v1/models)",
            cadence="weekly",
            terms="OpenRouter public APIs; collected by sui414/openrouter-pricing-data (no licence stated)",
            has_recordings=True,
        ),
        Source(
            name="owid_patents",
            family="patents",
            title="Our World in Data: AI patent applications per million people by country (CSET), all AI, 2014-2019",
            live_url="https://ourworldindata.org",
            data_format="CSV (grapher download: Entity,Code,Year,Patent applications per 1 million people - Field: All)",
            cadence="monthly",
            terms="OWID data CC BY 4.0; underlying source CSET (via OWID)",
            has_recordings=True,
        ),
    ]
}

CADENCES = ("daily", "weekly", "monthly")
CADENCE_MAX_AGE_DAYS = {"daily": 2, "weekly": 9, "monthly": 35}


def get_source(name: str) -> Source:
    if name not in SOURCES:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(sorted(SOURCES))}")
    return SOURCES[name]
