"""More offline versions than the minimal edit, when they are genuinely different.

The guide (§三: three versions of every message; §四 2: lead with what the customer gets)
asks for choice.  Without a model the engine can offer two mechanical styles:

* **价值传递版** (``value_led``) — the clause stating the customer's benefit (满减, 返现,
  免年费, 专享 …: ``benefit`` words in ``_rewrite.yaml``) moved to the front of the body;
  nothing is added or invented.
* **精简单条版** (``shortest``) — courtesy clauses (尊敬的客户, 感谢您…) dropped so the
  message fits one segment (≤ 70 characters); offered only when it then does.

Each candidate passes the gate, content retention and readability like the minimal one;
a candidate equal to a version already offered is dropped, never padded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant.checker.recognizers import SINGLE_SEGMENT, sms_length
from assistant.checker.rulespec import rule_spec
from assistant.rewrite.clauses import append_point, is_courtesy, lexicon
from assistant.rewrite.gate import is_acceptable
from assistant.rewrite.models import Variant
from assistant.text.normalize import fold

if TYPE_CHECKING:
    from assistant.rewrite.offline import _Build, _Draft

_SIG_RE = re.compile(r"^\s*【[^【】]*】")
_UNIT_RE = re.compile(r"([^，,。！!？?；;]+)([，,。！!？?；;]?)")


def _split(d: _Draft, text: str) -> tuple[str, list[tuple[str, str]], str]:
    """(signature, body units (clause, its delimiter), tail: warnings and opt-out)."""
    m = _SIG_RE.match(text)
    head = m.group() if m else ""
    end = append_point(text, d.checker.settings.optout_phrases)
    body, tail = text[len(head) : end], text[end:]
    units = [(u.group(1), u.group(2)) for u in _UNIT_RE.finditer(body) if u.group(1).strip()]
    warnings = [fold(w) for w in rule_spec("ADV003").options.get("warnings", [])]
    # Risk warnings and other boilerplate at the end of the body stay where they are.
    cut = len(units)
    while cut > 0 and any(w in fold(units[cut - 1][0]) for w in warnings):
        cut -= 1
    tail = "".join(c + p for c, p in units[cut:]) + tail
    return head, units[:cut], tail


def value_led(d: _Draft, text: str) -> str | None:
    head, units, tail = _split(d, text)
    benefit = lexicon().benefit
    idx = next(
        (
            i
            for i, (c, _) in enumerate(units)
            if any(w in fold(c) for w in benefit) and re.search(r"\d|免", c)
        ),
        None,
    )
    if not idx:  # none, or already first
        return None
    order = [idx, *[i for i in range(len(units)) if i != idx]]
    body = "".join(units[j][0].strip() + units[i][1] for i, j in enumerate(order))
    return head + body + tail


def shortest(d: _Draft, text: str) -> str | None:
    if sms_length(text) <= SINGLE_SEGMENT:
        return None  # already one segment: nothing to gain by dropping anything
    head, units, tail = _split(d, text)
    kept = [(c, p) for c, p in units if not is_courtesy(c)]
    if not kept:
        return None
    body = (
        "".join(c.strip() + p for c, p in kept[:-1]) + kept[-1][0].strip() + (units[-1][1] if units else "")
    )
    out = re.sub(r"\s+", " ", head + body + tail).strip()
    return out if sms_length(out) <= SINGLE_SEGMENT else None


STYLES: tuple[tuple[str, Callable[[Any, str], str | None]], ...] = (
    ("value_led", value_led),
    ("shortest", shortest),
)


def more_versions(d: _Draft, minimal: _Build, *, limit: int, judge: Callable[..., Any]) -> list[Variant]:
    """Up to ``limit`` further compliant versions, each a different text."""
    seen = {minimal.text}
    out: list[Variant] = []
    for style, make in STYLES:
        if len(out) >= limit:
            break
        text = make(d, minimal.text)
        if text is None or text in seen:
            continue
        findings, quality = judge(d, text, style=style)
        if is_acceptable(findings) and quality.ok:
            seen.add(text)
            changes = [
                *minimal.changes,
                "把客户得到的好处放在开头" if style == "value_led" else "删去客套语，压缩为一条短信",
            ]
            out.append(Variant(text, findings, changes, style=style, quality=quality))
    return out
