"""HTML pieces shared by the web UI and the eval report: escaping, highlighted spans, diffs.

The chat, the batch report and ``report.html`` all show a text with its findings marked
and a rewrite against its draft; one implementation keeps them consistent (the same
merging of overlapping spans, the same ``⁁`` for a missing piece, the same escaping).
It is plain string building on purpose: no gradio (the eval CLI must not load the UI
stack) and no template engine for a few dozen lines of markup.
"""

from __future__ import annotations

import difflib
import html
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from assistant.checker.models import SEVERITY_RANK


class Span(Protocol):
    """What :func:`highlight` reads of a finding (``Finding`` has it; so has :class:`Mark`)."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def message(self) -> str: ...


@dataclass(frozen=True)
class Mark:
    """A finding as stored in a report (a JSON object), in the shape :func:`highlight` reads."""

    code: str
    severity: str
    start: int
    end: int
    message: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mark:
        return cls(
            code=str(data["code"]),
            severity=str(data["severity"]),
            start=int(data["start"]),
            end=int(data["end"]),
            message=str(data.get("message", "")),
        )


def escape(value: Any) -> str:
    """Escape for HTML text and attributes."""
    return html.escape(str(value), quote=True)


def highlight(text: str, spans: Sequence[Span], *, codes: bool = True, tag: bool = False) -> str:
    """The text with every span in a ``<mark class="sev-…">`` (overlaps merged, worst severity wins).

    Zero-width spans (a missing opt-out, a missing signature) are insertion points shown
    as ``⁁``.  With ``codes``, each marked span and each point is followed by the codes
    found there in a ``<sup class="fcode">`` (the chat shows them; the eval report lists
    codes in a column of its own and passes ``codes=False``).  With ``tag``, every mark and
    point carries ``data-f``: the positions in ``spans`` of the findings it shows, so the
    workspace can link a highlighted span to its finding card and back.
    """
    index = {id(s): i for i, s in enumerate(spans)}

    def attr(items: Sequence[Span]) -> str:
        return f' data-f="{" ".join(str(index[id(s)]) for s in items)}"' if tag else ""

    marked = [s for s in spans if s.end > s.start]
    points: dict[int, list[Span]] = {}
    for s in spans:
        if s.end <= s.start:
            points.setdefault(max(0, min(s.start, len(text))), []).append(s)
    cuts = sorted({0, len(text), *points, *(s.start for s in marked), *(s.end for s in marked)})
    ends_at: dict[int, list[str]] = {}
    for s in marked:
        at = ends_at.setdefault(s.end, [])
        if s.code not in at:
            at.append(s.code)
    parts: list[str] = []
    for a, b in zip(cuts, [*cuts[1:], None], strict=False):
        for s in points.get(a, []):
            parts.append(
                f'<span class="ins-point sev-{escape(s.severity)}"{attr([s])} title="{escape(s.code + " " + s.message)}">⁁</span>'
            )
            if codes:
                parts.append(f'<sup class="fcode">{escape(s.code)}</sup>')
        if b is None or a >= len(text):
            continue
        seg = escape(text[a:b])
        cover = [s for s in marked if s.start <= a and s.end >= b]
        if cover:
            worst = max(cover, key=lambda s: SEVERITY_RANK.get(s.severity, 0)).severity
            title = "；".join(f"{s.code} {s.message}" for s in cover)
            parts.append(
                f'<mark class="sev-{escape(worst)}"{attr(cover)} title="{escape(title)}">{seg}</mark>'
            )
        else:
            parts.append(seg)
        if codes and b in ends_at:
            parts.append(f'<sup class="fcode">{escape("·".join(ends_at[b]))}</sup>')
    return "".join(parts)


def diff(before: str, after: str, *, words: bool = False) -> str:
    """Diff of ``after`` against ``before``: ``<del>`` for deletions, ``<ins>`` for insertions.

    By character, or with ``words`` by jieba word (a copywriter reads 删除「稳赚不赔」, not
    four separate characters; the eval report keeps the character diff).
    """
    a = tokens(before) if words else list(before)
    b = tokens(after) if words else list(after)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[str] = []
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[a1:a2])))
            continue
        if a2 > a1:
            out.append(f"<del>{escape(''.join(a[a1:a2]))}</del>")
        if b2 > b1:
            out.append(f"<ins>{escape(''.join(b[b1:b2]))}</ins>")
    return "".join(out)


def tokens(text: str) -> list[str]:
    """``text`` cut into jieba words (the dictionary loads once, on first use)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict" chatter on stderr
    return jieba.lcut(text, HMM=False)


def document(title: str, css: str, body: str) -> str:
    """A self-contained HTML page: inline CSS, no script, nothing fetched (reports go to tickets)."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{css}</style></head><body>\n{body}\n</body></html>\n"
    )
