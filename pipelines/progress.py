"""A compact console logger for `videorace refresh`: one line per finished step, plus warnings
and errors the assets log (a failing source says which and why)."""

from __future__ import annotations

import logging
import sys
import time

import dagster as dg


class _StepProgress(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.started = time.monotonic()
        self.done = 0

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        elapsed = time.monotonic() - self.started
        if event is not None and event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            self.done += 1
            mark = "ok" if event.event_type_value == "STEP_SUCCESS" else "FAILED"
            print(f"  [{elapsed:5.1f}s] {self.done:3d} {meta.get('step_key')}: {mark}", file=sys.stderr, flush=True)
        elif event is not None and event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if not evaluation.passed:
                print(f"  [{elapsed:5.1f}s] check {evaluation.asset_check_key.to_user_string()} did not pass "
                      f"({evaluation.severity.value.lower()})", file=sys.stderr, flush=True)
        elif event is None and record.levelno >= logging.WARNING:
            print(f"  [{elapsed:5.1f}s] {record.levelname.lower()}: {meta.get('orig_message', record.getMessage())}",
                  file=sys.stderr, flush=True)


@dg.logger(description="one line per finished step; warnings and errors in full")
def progress_logger(init_context) -> logging.Logger:
    logger = logging.getLogger("videorace.progress")
    logger.setLevel(logging.DEBUG)
    logger.handlers = [_StepProgress()]
    logger.propagate = False
    return logger
