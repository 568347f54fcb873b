import json
from pathlib import Path

import pytest

from videorace_scrapers.parsers import ParseError, get_parser, github_releases

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic"
REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "reference"
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"
REPO = "octokit-fixture-org/tmp-scenario-release-assets-20220719044014639-1reww"


def test_registered():
    assert get_parser("github_releases") is github_releases
    assert github_releases.CLI_FIELDS == ("repo", "tag_name", "name", "published_at", "prerelease")


def test_fixture_list():
    records = github_releases.parse((FIXTURES / "github_releases_synthetic.json").read_bytes(), where="fixture")
    assert [r["tag_name"] for r in records] == ["v1.1.0-rc.1", "v1.0.0"]
    assert records[0]["prerelease"] is True and records[0]["name"] is None  # "" name stays unknown
    assert records[1] == {
        "repo": REPO,
        "tag_name": "v1.0.0",
        "name": "Version 1.0.0",
        "published_at": "2022-07-19T04:40:21Z",
        "created_at": "2022-07-19T04:40:17Z",
        "prerelease": False,
        "draft": False,
        "html_url": f"https://github.com/{REPO}/releases/tag/v1.0.0",
    }


def test_reference_sample_wrapped_in_a_list():
    path = REFERENCE / "samples" / "github" / "release_get_by_tag_octokit-fixture.json"
    if not path.is_file():
        pytest.skip("../shared/data/reference absent: GitHub release sample not found")
    records = github_releases.parse(b"[" + path.read_bytes() + b"]", repo="ignored/when-html-url-has-one")
    assert records[0]["repo"] == REPO and records[0]["published_at"] == "2022-07-19T04:40:21Z"


def test_empty_list_is_valid():
    assert github_releases.parse(b"[]", where="no releases") == []


def test_repo_option_when_html_url_is_missing_or_foreign():
    release = {
        "tag_name": "v1",
        "name": "One",
        "html_url": None,
        "draft": True,
        "prerelease": False,
        "created_at": "2025-02-25T00:00:00Z",
        "published_at": None,
    }
    [record] = github_releases.parse(json.dumps([release]).encode(), repo="Wan-Video/Wan2.1")
    assert record["repo"] == "Wan-Video/Wan2.1" and record["published_at"] is None and record["draft"] is True


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty body"),
        (CHALLENGE, "challenge"),
        (b'[{"tag_name": "v1", "html_url": "https://github.com/a/b/rel', "invalid JSON"),
        (
            b'{"message": "API rate limit exceeded for 1.2.3.4.", "documentation_url": "https://docs.github.com"}',
            "API rate limit exceeded for 1.2.3.4.",
        ),
        (b'{"message": "Not Found", "status": "404"}', "'Not Found'"),
        (b'{"releases": []}', "expected a list"),
        (b'"releases"', "expected a list"),
        (b'[{"name": "no tag"}]', "lacks key(s) tag_name"),
        (
            b'[{"tag_name": "v1", "html_url": "u", "draft": "no", "prerelease": false, "created_at": "x"}]',
            "is not true/false",
        ),
        (b"[1, 2]", "[0] is not an object"),
    ],
)
def test_errors_name_source_and_input(body, reason):
    with pytest.raises(ParseError) as info:
        github_releases.parse(body, where="snapshot releases/x.json")
    message = str(info.value)
    assert "github_releases" in message and "snapshot releases/x.json" in message and reason in message
