from pathlib import Path

import pytest

from videorace_scrapers.parsers import ParseError, get_parser, github_readme

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "reference"
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"

# file -> (number of dated events, dates that must be there, (date, words of that event's text))
KNOWN = {
    "Wan-Video+Wan2.1": (
        6,
        {"2025-05-14", "2025-03-21", "2025-02-27"},
        ("2025-02-25", "released the inference code and weights"),
    ),
    "Wan-Video+Wan2.2": (
        8,
        {"2025-11-13", "2025-09-19", "2025-08-26", "2025-09-05"},
        ("2025-07-28", "released the inference code and model weights"),
    ),
    "Tencent-Hunyuan+HunyuanVideo": (
        6,
        {"2025-03-06", "2025-01-13", "2024-12-18", "2024-12-17", "2024-12-07"},
        ("2024-12-03", "inference code and model weights of HunyuanVideo"),
    ),
    "Tencent-Hunyuan+HunyuanVideo-1.5": (
        6,
        {"2025-12-23", "2025-12-05", "2025-11-27", "2025-11-24"},
        ("2025-11-20", "inference code and model weights of HunyuanVideo-1.5"),
    ),
    "THUDM+CogVideo": (
        13,
        {"2025-03-24", "2025-02-28", "2025-01-08", "2024-11-15", "2024-09-19", "2024-08-27"},
        ("2024-11-08", "released the CogVideoX1.5 model"),
    ),
    "Lightricks+LTX-Video": (
        11,
        {"2025-10-23", "2025-07-16", "2025-05-14", "2024-12-31", "2024-12-20"},
        ("2024-11-21", "Initial release v0.9.0"),
    ),
    "genmoai+mochi": (2, {"2024-11-26"}, ("2024-11-05", "Consumer-GPU support for Mochi")),
    "stepfun-ai+Step-Video-T2V": (4, {"2025-03-17"}, ("2025-02-17", "model weights of Step-Video-T2V-Turbo")),
}


def readme(stem: str) -> bytes:
    if not REFERENCE.is_dir():
        pytest.skip("../shared/data/reference absent: the real READMEs are not in this checkout")
    path = REFERENCE / "github_readme" / f"{stem}.README.md"
    if not path.is_file():
        pytest.skip(f"../shared/data/reference absent: {path.name} not found")
    return path.read_bytes()


def test_registered():
    assert get_parser("github_readme") is github_readme
    assert github_readme.CLI_FIELDS == ("repo", "date", "date_precision", "text")


@pytest.mark.parametrize("stem", sorted(KNOWN))
def test_real_readmes(stem):
    body = readme(stem)
    repo = stem.replace("+", "/")
    records = github_readme.parse(body, where=f"{stem}.README.md", repo=repo)
    count, dates, (event_date, words) = KNOWN[stem]
    assert len(records) == count
    assert dates <= {r["date"] for r in records}
    assert any(r["date"] == event_date and words in r["text"] for r in records)
    lines = body.decode("utf-8-sig").split("\n")
    for r in records:
        assert r["repo"] == repo and r["date_precision"] == "day"
        assert r["date_text"] in lines[r["line_no"] - 1]  # line_no points at the bullet or heading


def test_real_details():
    wan22 = github_readme.parse(readme("Wan-Video+Wan2.2"))
    assert [r["date"] for r in wan22].count("2025-07-28") == 4
    assert wan22[-1]["date"] == "2025-09-05"  # out of order in the source: kept as written
    cog = {r["line_no"]: r for r in github_readme.parse(readme("THUDM+CogVideo"))}
    assert "supports 10-second videos" in cog[29]["text"]  # continuation lines belong to the bullet
    assert cog[59]["date"] == "2022-05-19"
    ltx = github_readme.parse(readme("Lightricks+LTX-Video"))
    assert ltx[1]["date"] == "2025-07-16" and ltx[1]["date_text"] == "July, 16th, 2025"
    hunyuan15 = github_readme.parse(readme("Tencent-Hunyuan+HunyuanVideo-1.5"))
    assert not any("Diffusers Support" in r["text"] for r in hunyuan15)  # the undated bullet


SYNTHETIC = """# Repo

```bash
# News
- 2020-01-01: inside a code fence, not a section
```

## 🔥 Latest News!!

* Jul 28, 2025: 👋 first
- **2024/12/17**: bold date
- [2024.12.03] bracketed
- 2025.07.28 dots
- `2025-07-28` code
+ July 28, 2025: full month
1. March 2025: month only
- 2025.03 numeric month only
- 2025年7月28日 中文
- Sept 5, 2025 four-letter month
- 28 Jul 2025 day first
- an undated bullet from 2025.07.28 is not dated: the date is too far from the start
- 2025/02/30 is not a date

### Older

- Feb 25, 2025: a deeper heading stays in the section
  continued on a second line

## Installation

- Jan 1, 2025: after the section
"""


def test_date_forms():
    records = github_readme.parse(SYNTHETIC.encode(), where="synthetic")
    got = [(r["date"], r["date_precision"]) for r in records]
    assert got == [
        ("2025-07-28", "day"),
        ("2024-12-17", "day"),
        ("2024-12-03", "day"),
        ("2025-07-28", "day"),
        ("2025-07-28", "day"),
        ("2025-07-28", "day"),
        ("2025-03", "month"),
        ("2025-03", "month"),
        ("2025-07-28", "day"),
        ("2025-09-05", "day"),
        ("2025-07-28", "day"),
        ("2025-02-25", "day"),
    ]
    assert records[0]["text"] == "Jul 28, 2025: 👋 first"
    assert records[0]["repo"] is None and records[0]["line_no"] == 10
    assert records[-1]["text"] == "Feb 25, 2025: a deeper heading stays in the section\ncontinued on a second line"


def test_plain_news_heading_and_repo_option():
    body = b"# X\n\n## News\n\n- 2025-01-02: released\n\n## Usage\n"
    assert github_readme.parse(body, repo="o/x") == [
        {
            "repo": "o/x",
            "date": "2025-01-02",
            "date_precision": "day",
            "text": "2025-01-02: released",
            "line_no": 5,
            "date_text": "2025-01-02",
        }
    ]


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty body"),
        (CHALLENGE, "challenge"),
        (b"# Repo\n\nSome text.\n\n## Usage\n\n- 2025-01-02: not in a news section\n", "no News section"),
        (b"# Repo\n\n## News\n\n- coming soon\n- stay tuned\n\n## Usage\n", "no dated bullet"),
        (b"# Repo\n\n## News\n\n- Released on Jul 28", "no dated bullet"),  # truncated
        (b"\xff\xfe# News", "not UTF-8"),
    ],
)
def test_errors_name_source_and_input(body, reason):
    with pytest.raises(ParseError) as info:
        github_readme.parse(body, where="snapshot readme/x.md")
    message = str(info.value)
    assert "github_readme" in message and "snapshot readme/x.md" in message and reason in message
