"""One scrubber for every string a user or the audit store may see.

Secrets reach text by echo: a 401 body that repeats the key, an HTTP error that quotes
the request URL with ``?api_token=…``, a key pasted into a draft.  Everything shown on
stdout/stderr (rewrite, critique, ask, doctor) and everything written to the audit store
goes through :class:`Scrubber`, which replaces with :data:`REDACTED`

* the configured secrets (the API key, and whatever the base URL carries: userinfo, its
  query values, credential-shaped path segments — see :func:`url_secrets`),
* anything shaped like an API key (``sk-…``) and ``user:password@`` userinfo,
* in URL-ish text, query values whose *name* says credential (``api_token``,
  ``subscription-key``, ``X-Amz-Signature`` …) or whose *value* looks like one, and path
  segments that look like one (:func:`looks_like_credential`).

Secrets are recognised by shape, not by a list of parameter names: gateways invent new
names faster than a list can follow.  Diagnostic text (error messages, endpoints, the
doctor report) is scrubbed harder — *every* query value goes (``every_query=True``) —
because it only ever quotes our own endpoint.  Message content (drafts, variants) keeps
ordinary query values such as ``?c=sms``: an SMS link the user wrote must come back
intact from a rewrite.

Every pattern here is linear (no nested quantifiers, each anchored on a literal: ``sk-``,
``://``, ``?``/``&``/``;``, ``/``), so a hostile 40,000-character string scrubs in
milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

REDACTED = "[已隐去]"

_KEY_RE = re.compile(r"sk-[A-Za-z0-9_-]{8,}")
# ``scheme://userinfo@``: anchored on ``://``; the run stops at ``/``, so scans never overlap.
_USERINFO_RE = re.compile(r"://[^/\s@?#]+@")
# ``?name=value`` / ``&name=value`` / ``;name=value``: the name is bounded, the value is
# URL-safe ASCII only (so a Chinese sentence after a link is never swallowed).
_QUERY_RE = re.compile(r"([?&;])([A-Za-z0-9_.~%+\-\[\]]{1,64})=([A-Za-z0-9._~%+/=:!$*,\-]*)")
# A path segment of 20+ token characters, not the host after ``//``.
_SEGMENT_RE = re.compile(r"(?<!/)/(?!/)([A-Za-z0-9_~%+\-]{20,})")
#: Parameter names that are credentials whatever their value (compared without ``-_.``).
_SECRET_NAMES = frozenset({"key", "code", "sig", "auth", "pwd", "pass", "password", "jwt", "ticket"})
_SECRET_NAME_PARTS = ("token", "secret", "signature", "passw", "credential", "apikey", "session")
_HEX = frozenset("0123456789abcdefABCDEF")
_MIN_SECRET = 6


def secret_name(name: str) -> bool:
    """``api_token``, ``subscription-key``, ``X-Amz-Signature``: a name that says credential."""
    folded = name.lower().replace("-", "").replace("_", "").replace(".", "")
    return (
        folded in _SECRET_NAMES
        or folded.endswith("key")
        or any(part in folded for part in _SECRET_NAME_PARTS)
    )


def looks_like_credential(value: str) -> bool:
    """A long high-entropy token: 32+ hex digits (dashes allowed, so UUIDs count), or 20+
    characters mixing letters and digits with an unbroken run of 16+ of them.

    The run keeps dated names such as ``gpt-4o-mini-2024-07-18`` (runs of four) from
    being taken for keys, while base64, hex and random ids — all one long run — are.
    """
    hexish = value.replace("-", "")
    if len(hexish) >= 32 and all(c in _HEX for c in hexish):
        return True
    if len(value) < 20:
        return False
    has_letter = has_digit = False
    run = longest = 0
    for c in value:
        if c.isascii() and c.isalnum():
            run += 1
            longest = max(longest, run)
            has_digit = has_digit or c.isdigit()
            has_letter = has_letter or c.isalpha()
        else:
            run = 0
    return has_letter and has_digit and longest >= 16


def url_secrets(url: str | None) -> list[str]:
    """Secrets carried by a base URL: its userinfo, its query values and credential-shaped
    path segments — every one is scrubbed wherever it is echoed, even outside a URL.

    Query values too short or too plain to be unique (``api-version=2024-02-01``) are left
    to the URL rules: replacing ``2024-02-01`` in every draft would corrupt messages.
    """
    if not url:
        return []
    try:
        parts = urlsplit(url)
        found = [parts.password or "", parts.username or ""]  # a bare userinfo is often a token
        for name, value in parse_qsl(parts.query, keep_blank_values=True):
            plain = len(value) < 8 or not any(c.isalpha() for c in value)
            if secret_name(name) or looks_like_credential(value) or not plain:
                found.append(value)
    except ValueError:
        return []
    found += [seg for seg in parts.path.split("/") if looks_like_credential(seg)]
    return [s for s in found if s]


def url_host(url: str | None) -> str:
    """``host[:port]`` of a URL and nothing else: what ``doctor`` shows of the base URL."""
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        return f"{host}:{parts.port}" if parts.port else host
    except ValueError:
        return "<无效的 URL>"


class Scrubber:
    """Replaces secrets (given and shape-matched) in strings and nested JSON-like data.

    ``every_query=True`` hides every query value, not only credential-shaped ones: for
    diagnostic text (errors, endpoints), which only quotes our own endpoint's URL.
    """

    def __init__(self, secrets: Iterable[str | None] = (), *, every_query: bool = False) -> None:
        self.secrets = sorted({s for s in secrets if s and len(s) >= _MIN_SECRET}, key=len, reverse=True)
        self.every_query = every_query

    def _query(self, m: re.Match[str]) -> str:
        sep, name, value = m.group(1), m.group(2), m.group(3)
        if (
            value
            and value != REDACTED
            and (self.every_query or secret_name(name) or looks_like_credential(value))
        ):
            return f"{sep}{name}={REDACTED}"
        return m.group(0)

    @staticmethod
    def _segment(m: re.Match[str]) -> str:
        return "/" + REDACTED if looks_like_credential(m.group(1)) else m.group(0)

    def text(self, value: str) -> str:
        for secret in self.secrets:
            value = value.replace(secret, REDACTED)
        value = _KEY_RE.sub(REDACTED, value)
        value = _USERINFO_RE.sub("://" + REDACTED + "@", value)
        value = _QUERY_RE.sub(self._query, value)
        return _SEGMENT_RE.sub(self._segment, value)

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
