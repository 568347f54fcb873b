"""Security: no key in the repository, keys only from the environment, and nothing a server or a
manifest says can move a snapshot file outside its store."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from pipelines import config
from tests.support import PROJECT_ROOT
from videorace_scrapers.snapshots import (
    SnapshotStore,
    extension_for,
    recorded_snapshots,
    safe_source_name,
    sha256_hex,
)

KEY_PATTERNS = {
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "GitHub fine-grained token": re.compile(r"\bgithub_pat_[A-Za-z0-9_]{50,}\b"),
    "Hugging Face token": re.compile(r"\bhf_[A-Za-z0-9]{30,}\b"),
    "fal key": re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[0-9a-f]{32}\b"),
    "private key block": re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"),
    "hard-coded key": re.compile(
        r"""(?i)\b[a-z_]*(?:api[_-]?key|secret|token|passw(?:or)?d)\b["']?\s*[:=]\s*["']([A-Za-z0-9_\-+/=.]{20,})["']"""
    ),
}


def find_keys(text: str) -> list[str]:
    return [name for name, pattern in KEY_PATTERNS.items() if pattern.search(text)]


def repository_files() -> list[str]:
    """Tracked files plus new files not ignored (what the next commit could contain)."""
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=False,
    )
    if listing.returncode != 0:
        pytest.skip(f"not a git checkout: {listing.stderr.decode(errors='replace').strip()}")
    return [name for name in listing.stdout.decode().split("\0") if name]


def test_no_key_in_any_repository_file():
    files = repository_files()
    assert len(files) > 50
    found = []
    for name in files:
        path = PROJECT_ROOT / name
        if not path.is_file():
            continue
        text = path.read_bytes()[:2_000_000].decode("utf-8", errors="replace")
        found += [f"{name}: {kind}" for kind in find_keys(text)]
    assert found == []


@pytest.mark.parametrize(
    "sample, kind",
    [
        # assembled at run time so that this file itself holds no key-shaped string
        ("aws_access_key_id = " + "AKIA" + "Q3EXAMPLE7Z2K4LM", "AWS access key id"),
        ("token: " + "ghp_" + "a1B2" * 9, "GitHub token"),
        ("github_pat_" + "11AB" * 15, "GitHub fine-grained token"),
        ("HF_TOKEN=" + "hf_" + "xY9" * 12, "Hugging Face token"),
        ("FAL_KEY=" + "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" + ":" + "ab12" * 8, "fal key"),
        ("-----BEGIN " + "OPENSSH PRIVATE KEY-----\nb3Blbn==", "private key block"),
        ("api_key = '" + "sk_live_" + "9Zq" * 8 + "'", "hard-coded key"),
        ('{"client_secret": "' + "Zm9vYmFy" * 4 + '"}', "hard-coded key"),
    ],
)
def test_the_scanner_finds_each_kind_of_key(sample, kind):
    assert kind in find_keys(sample)


def test_the_scanner_ignores_code_that_only_names_keys():
    assert find_keys('token = secret("GITHUB_TOKEN")\napi_key = os.environ["FAL_KEY"]\nAKIA_PREFIX = "AKIA"') == []


def test_keys_come_only_from_the_environment(monkeypatch):
    assert set(config.SECRET_ENV_VARS) >= {"GITHUB_TOKEN", "FAL_KEY", "HF_TOKEN", "EPO_OPS_KEY", "EPO_OPS_SECRET"}
    monkeypatch.setenv("HF_TOKEN", "value-from-the-environment")
    monkeypatch.delenv("FAL_KEY", raising=False)
    assert config.secret("HF_TOKEN") == "value-from-the-environment"
    assert config.secret("FAL_KEY") is None
    with pytest.raises(KeyError):
        config.secret("AWS_SECRET_ACCESS_KEY")
    settings = config.load_settings({"HF_TOKEN": "x", "GITHUB_TOKEN": ""})
    assert settings.secrets_present == frozenset({"HF_TOKEN"})
    # every key read from the environment is a declared secret, and only config.py reads keys -- or a
    # spider, which runs in its own Scrapy process (keys stay off its command line that way)
    readers, undeclared = [], []
    env_read = re.compile(r"""(?:environ(?:\.get)?|getenv)\s*[\[(]\s*["']([A-Z0-9_]+)["']""")
    for name in repository_files():
        if not name.endswith(".py") or name.startswith("tests/"):
            continue
        for var in env_read.findall((PROJECT_ROOT / name).read_text(encoding="utf-8", errors="replace")):
            if re.search(r"KEY|TOKEN|SECRET|PASSWORD", var) and var not in config.SECRET_ENV_VARS:
                undeclared.append(f"{name}: {var}")
            if (
                var in config.SECRET_ENV_VARS
                and name != "pipelines/config.py"
                and not name.startswith("scrapers/videorace_scrapers/spiders/")
            ):
                readers.append(f"{name}: {var}")
    assert readers == [] and undeclared == []


HOSTILE_URLS = [
    "http://x/../../etc/passwd",
    "file:///etc/passwd",
    "http://x/%2e%2e/%2e%2e/etc/passwd",
    "http://x/a.json/../../../../tmp/evil.sh",
    "http://x/..%2f..%2fetc%2fpasswd.json",
    "http://x/data.j$on",
    "http://x/payload.ht/ml",
    "http://x/evil.json%00.sh",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_snapshot_paths_from_hostile_urls_stay_in_the_store(tmp_path, url):
    store = SnapshotStore(tmp_path / "store")
    snap = store.put("arena", url, b"{}", mode="live", content_type="text/html; ../../x")
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written == [tmp_path / "store" / "arena" / f"{sha256_hex(b'{}')}.{extension_for(url, 'text/html')}"]
    assert snap.url == url  # the URL is kept as text, never used as a path
    assert re.fullmatch(r"[a-z0-9]{1,8}", written[0].suffix[1:])


@pytest.mark.parametrize(
    "source", ["../../etc", "..", "arena/../../x", "/etc/passwd", "Arena", "", "a" * 80, "arena\x00", "%2e%2e"]
)
def test_hostile_source_names_are_refused(tmp_path, source):
    with pytest.raises(ValueError, match="unsafe source name"):
        SnapshotStore(tmp_path).put(source, "http://x/a.json", b"x", mode="live")
    with pytest.raises(ValueError):
        safe_source_name(source)


@pytest.mark.parametrize("ext", ["../../x", "json/../..", "", "a" * 9, "JSON", "js on"])
def test_hostile_extensions_become_bin(tmp_path, ext):
    path = SnapshotStore(tmp_path).path_for("arena", "0" * 64, ext)
    assert path == (tmp_path / "arena" / f"{'0' * 64}.bin").resolve()


def test_hostile_hash_is_refused(tmp_path):
    for digest in ("../../etc/passwd", "0" * 63, "G" * 64):
        with pytest.raises(ValueError, match="not a sha256"):
            SnapshotStore(tmp_path).path_for("arena", digest, "json")


@pytest.mark.parametrize("entry", ["../../../etc/passwd", "/etc/passwd", "../outside.json", "link.json"])
def test_recordings_manifest_cannot_point_outside_its_folder(tmp_path, entry):
    folder = tmp_path / "recordings" / "arena"
    folder.mkdir(parents=True)
    (tmp_path / "recordings" / "outside.json").write_text("{}")
    (folder / "link.json").symlink_to(tmp_path / "recordings" / "outside.json")
    (folder / "manifest.csv").write_text(f"file,url,fetched_at,label\n{entry},http://x/a.json,2026-01-01T00:00:00Z,\n")
    with pytest.raises(ValueError, match="points outside"):
        recorded_snapshots(tmp_path / "recordings", "arena")


def test_path_like_source_names_are_unknown_everywhere(tmp_path):
    from pipelines.sources import get_source
    from videorace_scrapers.parsers import get_parser

    with pytest.raises(KeyError):
        get_source("../../etc/passwd")
    with pytest.raises(KeyError):
        get_parser("../../etc/passwd")
    with pytest.raises(ValueError):
        recorded_snapshots(tmp_path, "../../etc")
    result = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "parse", "../../etc/passwd", "/etc/hostname"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "unknown source '../../etc/passwd'" in result.stderr and result.stdout == ""
