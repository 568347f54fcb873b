"""Shared pieces for the pure parsers: the error type and strict decoding helpers.

A parser is a pure function ``parse(body: bytes, *, where: str) -> list[dict]``. ``where`` names
the snapshot (path or sha256) so that every error says which input it could not read.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

_CHALLENGE_MARKERS = (
    "just a moment",
    "cf-challenge",
    "challenge-platform",
    "captcha",
    "attention required",
    "enable javascript",
    "access denied",
    "are you a robot",
    "too many requests",
)


class ParseError(ValueError):
    """Input a parser does not understand. The message names the source, the input and why."""

    def __init__(self, source: str, where: str, reason: str) -> None:
        from ..redact import redact  # a body may echo a key back: it never reaches a reject reason

        self.source = source
        self.where = redact(where)
        self.reason = redact(reason)
        super().__init__(f"{source}: cannot parse {self.where}: {self.reason}")


def looks_like_challenge(text: str) -> bool:
    """True for an HTML bot-check or block page, which some sources serve with HTTP 200."""
    head = text[:4000].lower()
    return "<html" in head and any(marker in head for marker in _CHALLENGE_MARKERS)


def decode_text(body: bytes, source: str, where: str) -> str:
    if body is None or not body.strip():
        raise ParseError(source, where, "empty body")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(source, where, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if looks_like_challenge(text):
        raise ParseError(source, where, "a challenge or block page (HTML) instead of data")
    return text


def load_json(body: bytes, source: str, where: str) -> Any:
    text = decode_text(body, source, where)
    if text.lstrip().startswith("<"):
        raise ParseError(source, where, "HTML where JSON was expected")

    def unique_keys(pairs: list[tuple[str, Any]]) -> dict:
        obj = dict(pairs)
        if len(obj) == len(pairs):  # the common case, decided in C: no key twice
            return obj
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:  # json.loads would keep the last value silently: which one is meant?
                raise ParseError(source, where, f"duplicate key {key!r} in one JSON object")
            seen.add(key)
        return obj

    def no_constant(name: str) -> None:
        raise ParseError(source, where, f"{name} is not valid JSON (numbers must be finite)")

    try:
        return json.loads(text, object_pairs_hook=unique_keys, parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        raise ParseError(source, where, f"invalid JSON ({exc.msg} at line {exc.lineno} col {exc.colno})") from None


def require(condition: bool, source: str, where: str, reason: str) -> None:
    if not condition:
        raise ParseError(source, where, reason)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_label(value: Any) -> str | None:
    """A source label as text, control characters removed; empty becomes None (unknown)."""
    if value is None:
        return None
    text = str(value)
    if not text.isascii() or not text.isprintable():  # printable ASCII (most labels) has nothing to remove
        text = _CONTROL.sub("", text)
    return text.strip() or None


def as_int(value: Any, source: str, where: str, field: str) -> int | None:
    if type(value) is int:  # what JSON numbers mostly are (a bool is not: its type is bool)
        return value
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ParseError(source, where, f"{field} is a boolean, expected a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ParseError(source, where, f"{field}={value!r} is not a number") from None
    if not math.isfinite(number):
        raise ParseError(source, where, f"{field}={value!r} is not a finite number")
    if number != int(number):
        raise ParseError(source, where, f"{field}={value!r} is not a whole number")
    return int(number)


def as_float(value: Any, source: str, where: str, field: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ParseError(source, where, f"{field} is a boolean, expected a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ParseError(source, where, f"{field}={value!r} is not a number") from None
    if not math.isfinite(number):
        raise ParseError(source, where, f"{field}={value!r} is not a finite number")
    return number
