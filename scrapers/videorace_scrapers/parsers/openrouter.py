"""OpenRouter ``GET /api/v1/models?output_modalities=all``: ``{"data": [model, ...]}``.

All models are kept; ``is_video_output`` marks those whose ``architecture.output_modalities``
contains ``video``. ``created`` (unix seconds) also becomes a UTC date. ``pricing`` (a dict of
strings, USD per token/request/...) is kept whole as a JSON string with sorted keys.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from .base import ParseError, as_int, clean_label, load_json, require

SOURCE = "openrouter"
DESCRIPTION = "OpenRouter models list JSON: one record per model, video-output models flagged"
CLI_FIELDS = ("model_id", "name", "created_date", "output_modalities", "is_video_output")


def parse(body: bytes, *, where: str = "<input>", **options) -> list[dict]:
    doc = load_json(body, SOURCE, where)
    require(isinstance(doc, dict), SOURCE, where, "top level is not an object")
    if "data" not in doc and "error" in doc:
        error = doc["error"]
        message = error.get("message") if isinstance(error, dict) else error
        raise ParseError(SOURCE, where, f"API error instead of models: {clean_label(message)!r}")
    models = doc.get("data")
    require(isinstance(models, list), SOURCE, where, "no 'data' list")
    require(len(models) > 0, SOURCE, where, "'data' is empty")
    records = []
    for index, model in enumerate(models):
        require(isinstance(model, dict), SOURCE, where, f"data[{index}] is not an object")
        model_id = clean_label(model.get("id"))
        require(model_id is not None, SOURCE, where, f"data[{index}] has no 'id'")
        created = as_int(model.get("created"), SOURCE, where, f"data[{index}].created")
        require(created is not None, SOURCE, where, f"data[{index}] ({model_id}) has no 'created'")
        architecture = model.get("architecture")
        require(isinstance(architecture, dict), SOURCE, where, f"data[{index}] ({model_id}) has no 'architecture'")
        outputs = architecture.get("output_modalities")
        require(
            isinstance(outputs, list) and all(isinstance(o, str) for o in outputs),
            SOURCE,
            where,
            f"data[{index}] ({model_id}) has no architecture.output_modalities list",
        )
        pricing = model.get("pricing")
        require(
            pricing is None or isinstance(pricing, dict),
            SOURCE,
            where,
            f"data[{index}] ({model_id}) pricing is not an object",
        )
        try:
            created_date = datetime.fromtimestamp(created, UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            raise ParseError(SOURCE, where, f"data[{index}] ({model_id}) created={created} is out of range") from None
        records.append(
            {
                "model_id": model_id,
                "name": clean_label(model.get("name")),
                "created_date": created_date,
                "created_unix": created,
                "output_modalities": ",".join(outputs),
                "is_video_output": "video" in outputs,
                "pricing_json": json.dumps(pricing, sort_keys=True) if pricing is not None else None,
            }
        )
    return records
