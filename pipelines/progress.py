"""What `videorace refresh` prints: one line per finished step, the warnings and errors the assets log
(a failing source says which and why), and at the end what was built and where to look.

Dagster is imported only when the step logger is asked for: the "inputs unchanged" path of a replay
refresh prints its summary without paying for that import."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any

# The phrase pipelines/fetch.py puts in a replay skip of a source that has no recordings. Those
# sources are listed once at the end of the refresh, not as a warning and a step line each.
LIVE_ONLY = "(no committed recordings; "  # the marker in fetch.py's SourceSkipped message


def failure_reason(event: Any) -> str:
    """A failed step's real error on one line: the innermost cause of what Dagster wraps it in
    ("Error occurred while executing op ..."), at most 300 characters; "" when it carries none."""
    error = getattr(getattr(event, "event_specific_data", None), "error", None)
    while error is not None and error.cause is not None:
        error = error.cause
    return " ".join((error.message if error is not None else "").split())[:300]


class _StepProgress(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.started = time.monotonic()
        self.done = 0
        self.live_only_steps: set[str] = set()

    def _line(self, text: str) -> None:
        print(f"  [{time.monotonic() - self.started:5.1f}s] {text}", file=sys.stderr, flush=True)

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        step = meta.get("step_key")
        if event is not None and event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            if step in self.live_only_steps and event.event_type_value == "STEP_SUCCESS":
                return  # a live-only source in replay: nothing was fetched, the summary names it
            self.done += 1
            reason = failure_reason(event) if event.event_type_value == "STEP_FAILURE" else ""
            mark = "ok" if event.event_type_value == "STEP_SUCCESS" else "FAILED" + (f": {reason}" if reason else "")
            self._line(f"{self.done:3d} {step}: {mark}")
        elif event is not None and event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if not evaluation.passed:
                self._line(
                    f"check {evaluation.asset_check_key.to_user_string()} did not pass "
                    f"({evaluation.severity.value.lower()})"
                )
        elif event is None and record.levelno >= logging.WARNING:
            message = meta.get("orig_message", record.getMessage())
            if record.levelno == logging.WARNING and LIVE_ONLY in message and step:
                self.live_only_steps.add(step)
                return
            self._line(f"{record.levelname.lower()}: {message}")


def _build_progress_logger() -> Any:
    import dagster as dg

    @dg.logger(None, description="one line per finished step; warnings and errors in full")
    def progress_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
        logger = logging.getLogger("videorace.progress")
        logger.setLevel(logging.DEBUG)
        logger.handlers = [_StepProgress()]
        logger.propagate = False
        return logger

    return progress_logger


def __getattr__(name: str) -> Any:  # `from .progress import progress_logger` builds it on first use
    if name == "progress_logger":
        globals()[name] = _build_progress_logger()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def where_to_look(settings: Any, failed: bool) -> list[str]:
    """The closing lines of a refresh: what it built, and the three ways to look at it."""
    index = Path(settings.site_dir) / "index.html"
    dashboard = (
        f"{index}  (open it in a browser; it works offline)"
        if index.exists()
        else "not built (see the failed steps above)"
    )
    return [
        "",
        "built" + (" (with failures: the last good data is kept)" if failed else "") + ":",
        f"  warehouse   {settings.warehouse_path}",
        f"  dashboard   {dashboard}",
        "look:",
        "  videorace status   each source's last outcome (STALE when failed or late) and every table's rows",
        "  make dev           the Dagster UI on http://127.0.0.1:3000: the asset graph, checks and runs",
        "  make notebook      JupyterLab on this warehouse (notebooks/)",
    ]


def print_where_to_look(settings: Any, failed: bool) -> None:
    sys.stderr.flush()  # after the warnings, so the last thing on the terminal is where to look
    print("\n".join(where_to_look(settings, failed)), flush=True)
