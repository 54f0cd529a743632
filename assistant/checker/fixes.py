"""Apply fixes to produce ``fixed_text``.

Fixes never overlap: when two want the same characters, the earlier one wins and the
other is left for a human.  Insertions at the same point keep rule order, so a risk
warning lands before the opt-out phrase.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.checker.models import Finding

_INSERT_ORDER = {"SIG001": 0, "DIS002": 1, "ADV003": 2, "OPT001": 9}


def apply_fixes(text: str, findings: Iterable[Finding], kinds: tuple[str, ...] = ("safe",)) -> str:
    edits: list[tuple[int, int, int, str]] = []
    for f in findings:
        if f.fix.kind not in kinds or f.fix.replacement is None:
            continue
        start, end = f.fix.at if f.fix.at is not None else (f.start, f.end)
        edits.append((start, end, _INSERT_ORDER.get(f.code, 5), f.fix.replacement))
    edits.sort(key=lambda e: (e[0], e[1] != e[0], e[2]))
    out: list[str] = []
    pos = 0
    for start, end, _, replacement in edits:
        if start < pos:
            continue  # overlaps an edit already taken
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)
