"""One home per fact: every registry row (warehouse/seeds/sources.csv) has its spider, parser, raw
DDL and a staging model reading that raw table, and nothing of those exists without a row. The
lists a source iterates (boards, tickers, repos) are seeds that name registered sources, and no
spider or parser spells a base URL of its own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from pipelines.config import PROJECT_ROOT
from pipelines.curated import CURATED_FILES
from pipelines.sources import SOURCES
from videorace_scrapers import registry
from videorace_scrapers.parsers import get_parser

SCRAPERS = PROJECT_ROOT / "scrapers" / "videorace_scrapers"
WAREHOUSE = PROJECT_ROOT / "warehouse"


def _spiders() -> dict[str, type]:
    settings = get_project_settings()
    settings.set("SPIDER_MODULES", ["videorace_scrapers.spiders"])
    loader = SpiderLoader.from_settings(settings)
    return {name: loader.load(name) for name in loader.list()}


def _reads(sql_file: Path, table: str) -> bool:
    return re.search(rf"\braw\.{table}\b", sql_file.read_text(encoding="utf-8")) is not None


def test_the_registry_has_the_twenty_sources_and_their_naming():
    assert len(SOURCES) == 20
    arena = SOURCES["arena"]
    assert (arena.family, arena.spider, arena.raw_table, arena.url_env_var, arena.cadence) == (
        "leaderboards",
        "leaderboards_arena",
        "raw_leaderboards__arena",
        "VIDEORACE_ARENA_URL",
        "daily",
    )
    assert arena.live_url == "https://raw.githubusercontent.com/oolong-tea-2026/arena-ai-leaderboards/main"
    assert SOURCES["epo_ops"].auth_env_vars == ("EPO_OPS_KEY", "EPO_OPS_SECRET")
    assert {s.cadence for s in SOURCES.values()} == set(registry.cadences()) == {"daily", "weekly", "monthly"}
    assert registry.cadences()["weekly"].max_age_days == 9


def test_every_source_has_a_spider_and_every_spider_a_source():
    spiders = _spiders()
    assert set(spiders) == {s.spider for s in SOURCES.values()}
    for source in SOURCES.values():
        spider = spiders[source.spider]
        assert spider.source == source.name
        assert spider.default_base_url == source.live_url  # the spider's base is the registry's
        assert spider.__module__ == f"videorace_scrapers.spiders.{source.spider}"


def test_every_source_has_a_parser_and_every_parser_a_source():
    parsers = {p.stem for p in (SCRAPERS / "parsers").glob("*.py") if p.stem not in ("__init__", "base")}
    assert parsers == set(SOURCES)
    for name in SOURCES:
        assert get_parser(name).SOURCE == name


def test_every_source_has_a_raw_ddl_and_every_raw_ddl_a_source():
    ddl = {p.stem for p in (WAREHOUSE / "raw").glob("raw_*.sql")}
    assert ddl == {s.raw_table for s in SOURCES.values()}
    for source in SOURCES.values():
        text = (WAREHOUSE / "raw" / f"{source.raw_table}.sql").read_text(encoding="utf-8")
        assert f"raw.{source.raw_table}" in text and "snapshot_sha256" in text


def test_every_source_is_read_by_its_own_staging_views_and_nothing_else():
    # raw -> stg_<source>__<entity> (rename, cast, tidy) -> int/marts: a source's raw table has at
    # least one staging view named for it, and no other model reads the raw table, apart from the
    # data-through dimension (a fact about each raw table itself)
    models = [f for layer in ("stg", "int", "marts", "out") for f in sorted((WAREHOUSE / layer).glob("*.sql"))]
    for source in SOURCES.values():
        readers = {f.stem for f in models if _reads(f, source.raw_table)} - {"dim_source_data_through"}
        assert readers, f"{source.name}: no staging view reads raw.{source.raw_table}"
        assert all(r.startswith(f"stg_{source.name}__") for r in readers), (source.name, sorted(readers))


def test_the_staging_rule_would_catch_an_intermediate_model_reading_a_raw_source_table():
    wrong = WAREHOUSE / "int" / "int_leaderboard_entries.sql"
    assert not _reads(wrong, "raw_leaderboards__arena")  # it reads stg.stg_arena__entries
    assert _reads(WAREHOUSE / "stg" / "stg_arena__entries.sql", "raw_leaderboards__arena")


def test_recordings_and_replay_notes_belong_to_registered_sources():
    recorded = {p.parent.name for p in (PROJECT_ROOT / "scrapers" / "recordings").glob("*/manifest.csv")}
    assert recorded == {s.name for s in SOURCES.values() if s.has_recordings}
    for source in SOURCES.values():
        # exactly one of: committed recordings, or the reason there are none
        assert source.has_recordings != bool(source.replay_note), source.name


def test_the_lists_are_seeds_of_registered_sources():
    for file in ("source_boards.csv", "source_tickers.csv", "source_repos.csv"):
        rows = registry.seed_rows(file)
        assert {r["source"] for r in rows} <= set(SOURCES), file
        assert all(r["basis"].strip() for r in rows), f"{file}: every row says its basis"
    assert registry.boards("lmarena_dataset") == {
        "text_to_video": "text-to-video",
        "image_to_video": "image-to-video",
        "video_edit": "video-edit",
    }
    assert registry.board_requests("aa_arena") == {"text-to-video": "false", "image-to-video": "true"}
    listings = registry.listing_symbols()
    assert all(t in listings for s in ("yahoo", "stock_csv") for t, _ in registry.tickers(s))
    assert [t for t, _ in registry.tickers("yahoo")][-1] == "HSI" and listings["HSI"] == "^HSI"
    assert len(registry.tickers("stock_csv")) == 39
    release_repos = {f"{r['owner']}/{r['repo']}" for r in registry.seed_rows("release_repos.csv")}
    assert registry.repos("github_readme") == registry.repos("github_releases")
    assert set(registry.repos("github_readme")) <= release_repos and len(registry.repos("github_readme")) == 8


def test_registry_seeds_are_loaded_like_the_other_seeds():
    loaded = {path.name for path, _ in CURATED_FILES.values()}
    assert {
        "sources.csv",
        "cadences.csv",
        "source_boards.csv",
        "source_tickers.csv",
        "source_repos.csv",
    } <= loaded


def _string_constants(path: Path) -> list[str]:
    """String literals of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    ]


def test_no_spider_spells_a_base_url_or_a_board_list():
    for path in sorted((SCRAPERS / "spiders").glob("*.py")):
        literals = _string_constants(path)
        assert not [s for s in literals if re.search(r"https?://", s)], path.name
        assert "text-to-video" not in literals and "text_to_video" not in literals, path.name
    for name in ("arena", "aa_arena", "lmarena_dataset"):
        assert "image-to-video" not in _string_constants(SCRAPERS / "parsers" / f"{name}.py"), name


def test_the_site_reads_the_board_order_from_the_warehouse():
    """No dashboards module keeps its own list of boards: marts.dim_boards orders them."""
    boards = set(registry.boards("arena").values())
    lists = []
    for path in sorted((PROJECT_ROOT / "dashboards").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                named = {e.value for e in node.elts if isinstance(e, ast.Constant)} & boards
                if len(named) >= 2:
                    lists.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    assert lists == []


def test_dim_boards_orders_the_fetched_boards(warehouse_con):
    rows = warehouse_con.execute(
        "SELECT board, board_order, sources FROM marts.dim_boards ORDER BY board_order"
    ).fetchall()
    assert rows == [
        ("text-to-video", 1, "aa_arena, arena, hf_models, lmarena_dataset"),
        ("image-to-video", 2, "aa_arena, arena, hf_models, lmarena_dataset"),
        ("video-edit", 3, "arena, lmarena_dataset"),
    ]
    sources = warehouse_con.execute(
        """SELECT source, spider, raw_table, cadence, max_age_days, registry_row
           FROM marts.dim_sources ORDER BY registry_row"""
    ).fetchall()
    assert len(sources) == 20
    assert sources[0] == ("arena", "leaderboards_arena", "raw_leaderboards__arena", "daily", 2, 1)
    assert ("epo_ops", "patents_epo_ops", "raw_patents__epo_ops", "monthly", 35, 17) in sources
