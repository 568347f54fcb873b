from pathlib import Path

import pytest

from videorace_scrapers.parsers import ParseError, get_parser, hf_models

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic"
REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "reference"
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"


def test_registered():
    assert get_parser("hf_models") is hf_models
    assert hf_models.CLI_FIELDS == ("model_id", "author", "pipeline_tag", "downloads", "likes", "created_at", "license")


def test_fixture_list():
    records = hf_models.parse((FIXTURES / "hf_models_text-to-video_synthetic.json").read_bytes(), where="list")
    assert records[0] == {
        "model_id": "example-lab/example-t2v-14b",
        "author": "example-lab",
        "pipeline_tag": "text-to-video",
        "downloads": 56789,
        "likes": 1234,
        "created_at": "2025-02-25T10:00:00.000Z",
        "license": "apache-2.0",
        "library_name": "diffusers",
    }
    second = records[1]
    assert second["author"] == "other-org"  # no 'author' key: owner part of the id
    assert second["license"] is None and second["library_name"] is None and second["downloads"] == 0


def test_single_model_info_object():
    path = REFERENCE / "samples" / "huggingface" / "model_info_stable-diffusion-2-1.json"
    if not path.is_file():
        pytest.skip("../shared/data/reference absent: Hugging Face model_info sample not found")
    [record] = hf_models.parse(path.read_bytes(), where=path.name)
    assert record == {
        "model_id": "stabilityai/stable-diffusion-2-1",
        "author": "stabilityai",
        "pipeline_tag": "text-to-image",
        "downloads": 1015720,
        "likes": 3928,
        "created_at": "2022-12-06T17:24:51.000Z",
        "license": "openrail++",
        "library_name": "diffusers",
    }


def test_licence_from_card_data_when_no_tag():
    body = b'[{"id": "a/b", "tags": [], "cardData": {"license": "other"}}]'
    assert hf_models.parse(body)[0]["license"] == "other"


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty body"),
        (CHALLENGE, "challenge"),
        (b'[{"id": "a/b", "downloads": 12', "invalid JSON"),
        (b"[]", "the models list is empty"),
        (b'{"error": "Invalid username or password."}', "Invalid username or password."),
        (b'[{"modelId": null, "downloads": 3}]', "[0] has no 'id'"),
        (b'[{"id": "a/b", "downloads": "many"}]', "not a number"),
        (b'"a/b"', "expected a list"),
    ],
)
def test_errors_name_source_and_input(body, reason):
    with pytest.raises(ParseError) as info:
        hf_models.parse(body, where="snapshot hf/models.json")
    message = str(info.value)
    assert "hf_models" in message and "snapshot hf/models.json" in message and reason in message
