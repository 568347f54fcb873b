"""Known secret values never reach a message: `redact` replaces each key the environment holds
(the names the source registry declares: sources.csv auth_env_vars) with ***, in reject reasons,
run messages, logs and the stderr of a spider. Values shorter than 6 characters are left alone
(they would redact ordinary words and numbers, and are not real keys)."""

from __future__ import annotations

import os

from .registry import secret_env_vars

MASK = "***"
MIN_SECRET_CHARS = 6


def known_secrets(env: dict[str, str] | None = None) -> list[str]:
    env = os.environ if env is None else env
    values = {env.get(name) or "" for name in secret_env_vars()}
    return sorted((v for v in values if len(v) >= MIN_SECRET_CHARS), key=len, reverse=True)


def redact(text, env: dict[str, str] | None = None):
    """`text` with every known secret value replaced by ***; non-strings pass through unchanged."""
    if not isinstance(text, str):
        return text
    for value in known_secrets(env):
        text = text.replace(value, MASK)
    return text
