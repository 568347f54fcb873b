"""One package per family (assets, checks and source metadata for that family only), plus the
cross-family ones (claims, ops, outputs). Each family package exposes `defs`; the operations and
outputs packages expose `build_defs(other)`, because they attach to the other families' assets.
`pipelines/definitions.py` names every package."""
