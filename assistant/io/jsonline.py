"""One JSON object per line, parsed so that no line can crash a batch or poison its output.

``json.loads`` lets through, or raises something other than ``JSONDecodeError`` for,
inputs a hostile or broken file easily holds: a 5,000-digit integer (``ValueError``
from Python's int conversion limit), thousands of nested brackets (``RecursionError``),
``NaN``/``Infinity`` and ``1e999`` (not JSON; ``inf`` breaks the JSON output later),
``"\\ud800"`` (a lone surrogate: a ``str`` that cannot be encoded, so printing
the row later crashes the whole run) and a key given twice (the last value would win
silently).  Each of these is a reason string here, which the readers turn into a row
error for that line.
"""

from __future__ import annotations

import json
import math
from typing import Any

from assistant.text import lazyre

_SURROGATE = lazyre.compile("[\ud800-\udfff]")
_ESCAPED_SURROGATE = lazyre.compile(r"\\u[dD][89a-fA-F]")


class _BadValue(ValueError):
    """Raised by the parse hooks; its message is already the Chinese reason."""


def _constant(name: str) -> Any:
    raise _BadValue(f"{name} 不是合法的 JSON 值")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are unique: with ``{"text": A, "text": B}`` json keeps B without a
    word, so A — the message meant, perhaps — would never be checked."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _BadValue(f"字段 {key} 出现了不止一次")
        out[key] = value
    return out


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadValue(f"数值 {text[:40]} 超出范围")
    return value


#: One decoder for every line: what ``json.loads(text, **hooks)`` builds anew on each call
#: (a decoder and its scanner, ~0.6 µs of a line's ~2.6); a decoder keeps no state between
#: calls.
_DECODER = json.JSONDecoder(parse_constant=_constant, parse_float=_float, object_pairs_hook=_pairs)


def parse_object(text: str) -> tuple[dict[str, Any] | None, str | None]:
    """``(object, None)`` for a line holding a usable JSON object, else ``(None, reason)``.

    ``(None, reason)`` with the parsed value unusable; the caller keeps the raw line.
    """
    try:
        if text.startswith("\ufeff"):  # what json.loads refuses before decoding, in its words
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        obj = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        return None, f"不是有效的 JSON（{exc.msg}，第{exc.colno}列）"
    except _BadValue as exc:
        return None, f"不是有效的 JSON（{exc}）"
    except RecursionError:
        return None, "不是有效的 JSON（嵌套层级过深）"
    except ValueError:  # Python's limit on integer digits (4,300 by default)
        return None, "不是有效的 JSON（整数位数过多，无法读取）"
    if not isinstance(obj, dict):
        return None, "应为 JSON 对象"
    if _ESCAPED_SURROGATE.search(text) and has_lone_surrogate(obj):
        return None, "含有不成对的 UTF-16 代理字符（如 \\ud800），不是有效的文本"
    return obj, None


def has_lone_surrogate(value: Any) -> bool:
    """Whether any string in ``value`` (keys included, any depth) holds a lone surrogate."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not item.isascii() and _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
