"""Hugging Face Hub ``GET /api/trending?type=model``: the models trending on the Hub right now.

Two shapes carry the same items (``{"repoData": {...}, "repoType": "model"}``):

- the live response, ``{"recentlyTrending": [item, ...]}``, in trending order;
- the cache committed by ``park-onezero/daily-hf-trending`` (``trending_cache.json``), a dict keyed
  by model id, ``json.dump`` of the same items (the key must equal ``repoData.id``).

One record per model: ``list_position`` (1-based order in the file: trending order for the live
shape; the cache's key order otherwise), id, author and the author's display name and kind (org or
user), ``downloads`` (the Hub's rolling recent-downloads counter, not a lifetime total), likes,
pipeline tag (may be absent), last modified, parameter count, gating and the number of inference
providers. Non-model items are refused, and so is an empty list: the endpoint always has models.
"""

from __future__ import annotations

from .base import ParseError, as_int, clean_label, load_json, require

SOURCE = "hf_trending"
DESCRIPTION = "Hugging Face Hub /api/trending models (live list or the daily-hf-trending cache): one record per model"
CLI_FIELDS = ("list_position", "model_id", "author", "pipeline_tag", "downloads", "likes", "last_modified")


def _items(doc, where: str) -> list[tuple[str | None, object]]:
    require(isinstance(doc, dict), SOURCE, where, f"top level is {type(doc).__name__}, expected an object")
    if "recentlyTrending" in doc:
        items = doc["recentlyTrending"]
        require(isinstance(items, list), SOURCE, where, "'recentlyTrending' is not a list")
        return [(None, item) for item in items]
    if "error" in doc and not isinstance(doc.get("error"), dict):
        raise ParseError(SOURCE, where, f"API error instead of trending models: {clean_label(str(doc['error']))!r}")
    return list(doc.items())


def parse(body: bytes, *, where: str = "<input>", **options) -> list[dict]:
    items = _items(load_json(body, SOURCE, where), where)
    require(len(items) > 0, SOURCE, where, "the trending list is empty")
    records = []
    for position, (key, item) in enumerate(items, start=1):
        at = f"[{key or position}]"
        require(
            isinstance(item, dict) and isinstance(item.get("repoData"), dict),
            SOURCE,
            where,
            f"{at} has no 'repoData' object",
        )
        require(
            item.get("repoType") == "model",
            SOURCE,
            where,
            f"{at} repoType is {item.get('repoType')!r}, expected 'model'",
        )
        data = item["repoData"]
        model_id = clean_label(data.get("id"))
        require(model_id is not None, SOURCE, where, f"{at} has no repoData.id")
        require(key is None or key == model_id, SOURCE, where, f"key {key!r} differs from repoData.id {model_id!r}")
        author_data = data.get("authorData") if isinstance(data.get("authorData"), dict) else {}
        providers = data.get("availableInferenceProviders")
        records.append(
            {
                "list_position": position,
                "model_id": model_id,
                "author": clean_label(data.get("author")) or model_id.split("/", 1)[0],
                "author_fullname": clean_label(author_data.get("fullname")),
                "author_type": clean_label(author_data.get("type")),
                "pipeline_tag": clean_label(data.get("pipeline_tag")),
                "downloads": as_int(data.get("downloads"), SOURCE, where, f"{at}.downloads"),
                "likes": as_int(data.get("likes"), SOURCE, where, f"{at}.likes"),
                "last_modified": clean_label(data.get("lastModified")),
                "num_parameters": as_int(data.get("numParameters"), SOURCE, where, f"{at}.numParameters"),
                "gated": clean_label(str(data["gated"]).lower()) if "gated" in data else None,
                "inference_providers": len(providers) if isinstance(providers, list) else None,
            }
        )
    return records
