import json
from pathlib import Path

import pytest

from videorace_scrapers.parsers import ParseError, get_parser, openrouter

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "reference"
SAMPLE = REFERENCE / "samples" / "openrouter" / "openrouter_models_all_video_subset_2026-08-19.json"
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"


def sample() -> bytes:
    if not SAMPLE.is_file():
        pytest.skip("../shared/data/reference absent: OpenRouter models sample not found")
    return SAMPLE.read_bytes()


def test_registered():
    assert get_parser("openrouter") is openrouter
    assert openrouter.CLI_FIELDS == ("model_id", "name", "created_date", "output_modalities", "is_video_output")


def test_real_sample_keeps_all_models_and_flags_video():
    records = openrouter.parse(sample(), where=SAMPLE.name)
    assert len(records) == 26
    video = {r["model_id"]: r for r in records if r["is_video_output"]}
    assert len(video) == 23
    assert video["google/veo-3.1"]["created_date"] == "2026-03-23"
    assert video["google/veo-3.1"]["created_unix"] == 1774277148
    assert video["google/veo-3.1"]["name"] == "Google: Veo 3.1"
    assert video["bytedance/seedance-2.0-mini"]["created_date"] == "2026-08-12"
    assert video["kwaivgi/kling-v3.0-pro"]["created_date"] == "2026-04-29"
    assert video["openai/sora-2-pro"]["created_date"] == "2026-03-23"
    assert video["minimax/hailuo-3"]["name"] == "MiniMax: H3"
    assert video["x-ai/grok-imagine-video"]["output_modalities"] == "video"
    qwen = next(r for r in records if r["model_id"] == "qwen/qwen3.8-27b")  # video in, text out
    assert qwen["is_video_output"] is False and qwen["output_modalities"] == "text"
    assert json.loads(qwen["pricing_json"]) == {
        "prompt": "0.00000045",
        "completion": "0.0000032",
        "input_cache_read": "0.00000005",
    }


def test_multi_output_and_missing_pricing():
    doc = {"data": [{"id": "x/y", "name": "Y", "created": 0, "architecture": {"output_modalities": ["text", "video"]}}]}
    [record] = openrouter.parse(json.dumps(doc).encode())
    assert record["output_modalities"] == "text,video" and record["is_video_output"] is True
    assert record["created_date"] == "1970-01-01" and record["pricing_json"] is None


def model(**change) -> bytes:
    entry = {
        "id": "x/y",
        "name": "Y",
        "created": 1774277148,
        "architecture": {"output_modalities": ["video"]},
        "pricing": {"prompt": "0"},
    }
    entry.update(change)
    return json.dumps({"data": [{k: v for k, v in entry.items() if v is not ...}]}).encode()


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty body"),
        (CHALLENGE, "challenge"),
        (b'{"data": [{"id": "google/veo-3.1", "created": 17742', "invalid JSON"),
        (b'{"data": []}', "'data' is empty"),
        (b'[{"id": "x"}]', "top level is not an object"),
        (b'{"error": {"message": "Rate limit exceeded", "code": 429}}', "Rate limit exceeded"),
        (b'{"models": []}', "no 'data' list"),
        (model(id=...), "has no 'id'"),
        (model(created=...), "has no 'created'"),
        (model(architecture=...), "has no 'architecture'"),
        (model(architecture={"modality": "text->video"}), "no architecture.output_modalities list"),
        (model(pricing="free"), "pricing is not an object"),
    ],
)
def test_errors_name_source_and_input(body, reason):
    with pytest.raises(ParseError) as info:
        openrouter.parse(body, where="snapshot openrouter/models.json")
    message = str(info.value)
    assert "openrouter" in message and "snapshot openrouter/models.json" in message and reason in message
