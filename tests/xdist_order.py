"""The order in which pytest-xdist hands out test modules (`make test`: `-n auto --dist loadscope`).

xdist's loadscope gives each worker whole modules, most tests first. Test count is a poor guide to
cost here: the slowest module (test_poison_snapshots, four tests, several refreshes through the
command line) used to start late and run alone at the end while the other worker sat idle. The
modules below are handed out first, longest first, so the short ones fill in behind them; every
other module keeps xdist's order. Grouping is by module (the text before the first `::`): with
no test classes in the suite that is loadscope's grouping, minus its split of a parameter id that
itself contains `::` (`[fe80::1]`) into a scope of its own."""

from __future__ import annotations

# longest first (`--durations=0` of a full run summed per module, 2 workers, 2026-12-04).
# test_fault_matrix comes second on purpose: it needs no replay warehouse, so it runs while the first
# module's worker builds it.
HEAVY_FIRST = (
    "tests/ops/test_poison_snapshots.py",
    "tests/ops/test_fault_matrix.py",
    "tests/e2e/test_browser.py",
    "tests/ops/test_live_refresh.py",
    "tests/ops/test_warehouse_ops.py",
    "tests/e2e/test_pipeline_replay.py",
    "tests/ops/test_stand_ins.py",
    "tests/ops/test_fetch_safety.py",
    "tests/e2e/test_notebooks.py",
    "tests/pipelines/releases/test_releases_live.py",
    "tests/scrapers/test_spiders_markets.py",
    "tests/ops/test_gates.py",
    "tests/scrapers/test_arena_catchup.py",
    "tests/pipelines/test_dagster_project.py",
    "tests/ops/test_dashboard_ops.py",
    "tests/pipelines/releases/test_family_materialize.py",
    "tests/ops/test_fault_injection.py",
    "tests/pipelines/leaderboards/test_aa_arena.py",
    "tests/ops/test_crash_safety.py",
    "tests/pipelines/test_cli_usage.py",
)


def make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class HeavyFirst(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return nodeid.split("::", 1)[0]

        def _assign_work_unit(self, node) -> None:
            if not getattr(self, "_ordered", False):  # the first call: the queue is complete
                rank = {module: i for i, module in enumerate(HEAVY_FIRST)}
                units = list(self.workqueue.items())
                units.sort(key=lambda unit: rank.get(unit[0], len(rank)))  # stable: the rest keep their order
                self.workqueue.clear()
                self.workqueue.update(units)
                self._ordered = True
            super()._assign_work_unit(node)

    return HeavyFirst(config, log)
