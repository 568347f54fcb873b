"""Hugging Face Hub ``GET /api/models?pipeline_tag=text-to-video&sort=downloads`` (a JSON list).

A single ``/api/models/<id>`` model_info object is accepted too. ``author`` may be missing from
list items: it is then the owner part of ``id``. The licence is the ``license:<x>`` tag (else
``cardData.license``), kept as written. An empty list is an error: that query always has models.
"""

from __future__ import annotations

from .base import ParseError, as_int, clean_label, load_json, require

SOURCE = "hf_models"
DESCRIPTION = "Hugging Face Hub models list JSON (text-to-video): one record per model"
CLI_FIELDS = ("model_id", "author", "pipeline_tag", "downloads", "likes", "created_at", "license")


def _license(item: dict) -> str | None:
    tags = item.get("tags")
    if isinstance(tags, list):
        for tag in tags:
            if isinstance(tag, str) and tag.startswith("license:"):
                return clean_label(tag.split(":", 1)[1])
    card = item.get("cardData")
    if isinstance(card, dict) and isinstance(card.get("license"), str):
        return clean_label(card["license"])
    return None


def parse(body: bytes, *, where: str = "<input>", **options) -> list[dict]:
    doc = load_json(body, SOURCE, where)
    if isinstance(doc, dict):
        if "id" not in doc and ("error" in doc or "message" in doc):
            reason = clean_label(doc.get("error") or doc.get("message"))
            raise ParseError(SOURCE, where, f"API error instead of models: {reason!r}")
        doc = [doc]
    require(isinstance(doc, list), SOURCE, where, f"top level is {type(doc).__name__}, expected a list")
    require(len(doc) > 0, SOURCE, where, "the models list is empty")
    records = []
    for index, item in enumerate(doc):
        require(isinstance(item, dict), SOURCE, where, f"[{index}] is not an object")
        model_id = clean_label(item.get("id") or item.get("modelId"))
        require(model_id is not None, SOURCE, where, f"[{index}] has no 'id'")
        author = clean_label(item.get("author"))
        if author is None and "/" in model_id:
            author = model_id.split("/", 1)[0]
        records.append(
            {
                "model_id": model_id,
                "author": author,
                "pipeline_tag": clean_label(item.get("pipeline_tag")),
                "downloads": as_int(item.get("downloads"), SOURCE, where, f"[{index}].downloads"),
                "likes": as_int(item.get("likes"), SOURCE, where, f"[{index}].likes"),
                "created_at": clean_label(item.get("createdAt")),
                "license": _license(item),
                "library_name": clean_label(item.get("library_name")),
            }
        )
    return records
