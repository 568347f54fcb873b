"""GitHub REST ``GET /repos/{owner}/{repo}/releases``: a JSON list of release objects.

An empty list is a valid answer (the repository has no releases) and gives no records; anything
that is not a list (``{"message": "API rate limit exceeded ..."}``, ``{"message": "Not Found"}``)
is an error that quotes the message. ``repo`` comes from each release's ``html_url``
(``https://github.com/<owner>/<repo>/releases/tag/...``), else from the ``repo`` option.
"""

from __future__ import annotations

import re

from .base import ParseError, clean_label, load_json, require

SOURCE = "github_releases"
DESCRIPTION = "GitHub REST releases list JSON: one record per release (an empty list is valid)"
CLI_FIELDS = ("repo", "tag_name", "name", "published_at", "prerelease")
_REPO_IN_URL = re.compile(r"^https?://github\.com/([^/\s]+/[^/\s]+)/releases(?:/|$)")
REQUIRED = ("tag_name", "html_url", "draft", "prerelease", "created_at")


def _flag(value: object, where: str, field: str) -> bool:
    require(isinstance(value, bool), SOURCE, where, f"{field}={value!r} is not true/false")
    return value


def parse(body: bytes, *, where: str = "<input>", repo: str | None = None, **options) -> list[dict]:
    doc = load_json(body, SOURCE, where)
    if isinstance(doc, dict):
        message = clean_label(doc.get("message"))
        if message is not None:
            raise ParseError(SOURCE, where, f"GitHub API message instead of a list: {message!r}")
        raise ParseError(SOURCE, where, "top level is an object, expected a list of releases")
    require(isinstance(doc, list), SOURCE, where, f"top level is {type(doc).__name__}, expected a list")
    records = []
    for index, release in enumerate(doc):
        require(isinstance(release, dict), SOURCE, where, f"[{index}] is not an object")
        missing = [key for key in REQUIRED if key not in release]
        require(not missing, SOURCE, where, f"[{index}] lacks key(s) {', '.join(missing)}")
        tag = clean_label(release.get("tag_name"))
        require(tag is not None, SOURCE, where, f"[{index}] has an empty tag_name")
        html_url = clean_label(release.get("html_url"))
        match = _REPO_IN_URL.match(html_url or "")
        records.append(
            {
                "repo": match.group(1) if match else clean_label(repo),
                "tag_name": tag,
                "name": clean_label(release.get("name")),
                "published_at": clean_label(release.get("published_at")),
                "created_at": clean_label(release.get("created_at")),
                "prerelease": _flag(release.get("prerelease"), where, f"[{index}].prerelease"),
                "draft": _flag(release.get("draft"), where, f"[{index}].draft"),
                "html_url": html_url,
            }
        )
    return records
