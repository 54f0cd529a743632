"""Apply fixes to produce ``fixed_text``.

Fixes never overlap: when two want the same characters, the earlier one wins and the
other is left for a human.  Insertions at the same point follow each rule's ``fix.insert_order``
(rule data), so a risk warning lands before the opt-out phrase.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.checker.models import Finding
from assistant.checker.rulespec import rule_spec


def apply_fixes(text: str, findings: Iterable[Finding], kinds: tuple[str, ...] = ("safe",)) -> str:
    edits: list[tuple[int, int, str, int]] = []
    for f in findings:
        if f.fix.kind not in kinds or f.fix.replacement is None:
            continue
        start, end = f.fix.at if f.fix.at is not None else (f.start, f.end)
        edits.append((start, end, f.fix.replacement, rule_spec(f.code).fix.insert_order))
    return apply_edits(text, edits)


def apply_edits(text: str, edits: Iterable[tuple[int, int, str, int]]) -> str:
    """Apply ``(start, end, replacement, order)`` edits that do not overlap."""
    ordered = sorted(edits, key=lambda e: (e[0], e[1] != e[0], -e[1], e[3]))
    taken: list[list] = []  # [start, end, replacement]
    for start, end, replacement, _ in ordered:
        if taken and start < taken[-1][1]:
            outer = taken[-1]
            inner = text[start:end]
            # A nested edit composes when the outer replacement keeps the inner text
            # verbatim (【卡号】 → 「卡号」 and the card number masked inside it).
            if (
                end <= outer[1]
                and inner
                and outer[2].count(inner) == 1
                and text[outer[0] : outer[1]].count(inner) == 1
            ):
                outer[2] = outer[2].replace(inner, replacement)
            continue  # otherwise it overlaps an edit already taken: left for a human
        taken.append([start, end, replacement])
    out: list[str] = []
    pos = 0
    for start, end, replacement in taken:
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)
