"""Lenient JSON extraction from chat replies.

``response_format={"type": "json_object"}`` is a request, not a guarantee: some servers
(older vLLM, Ollama builds, gateways) ignore it, and models wrap JSON in ```json fences or
add a sentence before or after.  The object is therefore looked for, not assumed: the
whole reply, then fenced blocks, then every balanced ``{...}`` span.  Only when none parses
is the reply malformed — an error of the model, reported as such.
"""

from __future__ import annotations

import json
import re
from typing import Any

_FENCE_RE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.S)
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")


class MalformedReply(ValueError):
    """The model's reply holds no JSON object of the expected shape."""


def _loads(candidate: str) -> Any:
    candidate = candidate.strip().lstrip("\ufeff")
    try:
        return json.loads(candidate)
    except json.JSONDecodeError:
        # The commonest slip of smaller models: a trailing comma.
        return json.loads(_TRAILING_COMMA_RE.sub(r"\1", candidate))


def _balanced_objects(text: str) -> list[str]:
    """Every top-level ``{...}`` span, honouring strings and escapes."""
    spans: list[str] = []
    depth = 0
    start = -1
    in_str = False
    esc = False
    for i, ch in enumerate(text):
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
            continue
        if ch == '"' and depth > 0:
            in_str = True
        elif ch == "{":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "}" and depth > 0:
            depth -= 1
            if depth == 0:
                spans.append(text[start : i + 1])
    return spans


#: Longest reply parsed: far beyond any real answer, short enough to parse quickly.
MAX_REPLY_CHARS = 200_000


def _objects(reply: str) -> list[dict[str, Any]]:
    """Every JSON object in ``reply``: the whole, fenced blocks, balanced ``{...}`` spans."""
    if len(reply) > MAX_REPLY_CHARS:
        raise MalformedReply(f"模型回复过长（{len(reply)} 字符，上限 {MAX_REPLY_CHARS}）")
    candidates = [reply]
    candidates += [m.group(1) for m in _FENCE_RE.finditer(reply)]
    candidates += _balanced_objects(reply)
    out = []
    for candidate in candidates:
        try:
            value = _loads(candidate)
        except (json.JSONDecodeError, ValueError, RecursionError):
            continue
        if isinstance(value, dict):
            out.append(value)
    return out


def extract_json_object(reply: str, key: str | None = None) -> dict[str, Any]:
    """The JSON object in ``reply`` that has ``key`` (else the first one), one level of
    nesting looked into (``{"result": {"variants": …}}``); :class:`MalformedReply` if none.

    A model that echoes the schema or adds a second object (``{"note": …}``) before its
    answer must not have the wrong one taken.
    """
    if not reply or not reply.strip():
        raise MalformedReply("模型回复为空")
    found = _objects(reply)
    if not found:
        raise MalformedReply("模型回复中没有可解析的 JSON 对象")
    if key is not None:
        for obj in found:
            if key in obj:
                return obj
        for obj in found:
            for value in obj.values():
                if isinstance(value, dict) and key in value:
                    return value
    return found[0]


#: Items of ``variants`` looked at, whatever ``limit`` asks (a reply with 10 000 items).
MAX_ITEMS = 20


def parse_variants(reply: str, *, limit: int | None = None) -> list[dict[str, Any]]:
    """``{"variants": [{"text": ..., "changes": [...]}]}`` → the list, each item checked.

    Also accepted, because models produce them: a bare list of strings under ``variants``,
    and ``changes`` given as one string.  A malformed item is skipped, not fatal: the good
    ones are kept (the gate judges them anyway).  At most ``limit`` items are returned and
    at most :data:`MAX_ITEMS` looked at.
    """
    obj = extract_json_object(reply, key="variants")
    raw = obj.get("variants")
    if not isinstance(raw, list):
        raise MalformedReply("JSON 中缺少 variants 数组")
    out: list[dict[str, Any]] = []
    skipped = 0
    for item in raw[:MAX_ITEMS]:
        if isinstance(item, str):
            item = {"text": item, "changes": []}
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            skipped += 1
            continue
        changes = item.get("changes") or []
        if isinstance(changes, str):
            changes = [changes]
        if not isinstance(changes, list):
            changes = []
        out.append({"text": item["text"].strip(), "changes": [str(c) for c in changes if str(c).strip()]})
        if limit and len(out) >= limit:
            break
    if not out:
        raise MalformedReply(
            "variants 中没有含非空 text 的项" if skipped else "variants 数组为空",
        )
    return out


def parse_notes(reply: str) -> list[dict[str, str]]:
    """``{"notes": [{"category", "quote", "note", "suggestion"}]}`` → cleaned list."""
    obj = extract_json_object(reply)
    raw = obj.get("notes", [])
    if not isinstance(raw, list):
        raise MalformedReply("JSON 中的 notes 应为数组")
    notes: list[dict[str, str]] = []
    for item in raw:
        if isinstance(item, str):
            item = {"note": item}
        if not isinstance(item, dict) or not str(item.get("note", "")).strip():
            continue
        notes.append(
            {
                "category": str(item.get("category") or "other"),
                "quote": str(item.get("quote") or ""),
                "note": str(item["note"]).strip(),
                "suggestion": str(item.get("suggestion") or ""),
            }
        )
    return notes
