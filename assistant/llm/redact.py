"""One scrubber for every string a user or the audit store may see.

Secrets reach text by echo: a 401 body that repeats the key, an HTTP error that quotes
the request URL with ``?api-key=…``, a key pasted into a draft.  Everything shown on
stdout/stderr (rewrite, critique, ask, doctor) and everything written to the audit store
goes through :class:`Scrubber`, which replaces

* the configured secrets (the API key, and any secret carried in the base URL: userinfo
  password or the value of a credential-like query parameter),
* anything shaped like an API key (``sk-…``),
* the value of credential-like query parameters in any URL-ish text (``?key=…``,
  ``&access_token=…``) and ``user:password@`` userinfo,

with :data:`REDACTED`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

REDACTED = "[已隐去]"

#: Query parameter names whose values are credentials (compared case-insensitively).
SECRET_PARAMS = (
    "api-key",
    "api_key",
    "apikey",
    "key",
    "token",
    "access_token",
    "access-token",
    "auth",
    "sig",
    "signature",
    "secret",
    "password",
    "code",
)
_KEY_RE = re.compile(r"sk-[A-Za-z0-9_-]{8,}")
_PARAM_RE = re.compile(
    r"(?i)([?&;](?:" + "|".join(re.escape(p) for p in SECRET_PARAMS) + r")=)[A-Za-z0-9._~%+/=-]+"
)
_USERINFO_RE = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@?#]+@")
_MIN_SECRET = 6


def url_secrets(url: str | None) -> list[str]:
    """Secrets carried by a base URL: userinfo, values of credential-like query parameters."""
    if not url:
        return []
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    found = [parts.password or "", parts.username or ""]  # a bare userinfo is often a token
    names = {p.lower() for p in SECRET_PARAMS}
    found += [v for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() in names]
    return [s for s in found if s]


class Scrubber:
    """Replaces secrets (given and pattern-matched) in strings and nested JSON-like data."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        self.secrets = sorted({s for s in secrets if s and len(s) >= _MIN_SECRET}, key=len, reverse=True)

    def text(self, value: str) -> str:
        for secret in self.secrets:
            value = value.replace(secret, REDACTED)
        value = _KEY_RE.sub(REDACTED, value)
        value = _PARAM_RE.sub(lambda m: m.group(1) + REDACTED, value)
        return _USERINFO_RE.sub(lambda m: m.group(1) + REDACTED + "@", value)

    def __call__(self, value: Any) -> Any:
        """Strings scrubbed; dicts, lists and tuples scrubbed recursively; the rest as is."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {k: self(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self(v) for v in value)
        return value


def scrub(value: Any, secrets: Iterable[str | None] = ()) -> Any:
    return Scrubber(secrets)(value)


def config_secrets(cfg: Any) -> list[str]:
    """The secrets of an ``LLMConfig``: its key and whatever its base URL carries."""
    return [s for s in [getattr(cfg, "key", None), *url_secrets(getattr(cfg, "base_url", None))] if s]
