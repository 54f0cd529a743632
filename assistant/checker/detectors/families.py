"""Small helpers the claim detectors share: which family a hit came from, and whether a
counted phrase (仅剩3天, 10万人已购买) really carries a number."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.text import lazyre

if TYPE_CHECKING:
    from assistant.checker.context import Hit
    from assistant.checker.message import Message
    from assistant.checker.rulespec import RuleSpec

#: Digits as they stand in the compact view (Chinese numerals are read too: 仅剩三天).
_COUNT_RE = lazyre.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万几半壹贰叁肆伍陆柒捌玖拾]")


def family_of(spec: RuleSpec, hit: Hit) -> str | None:
    """The family name of a trigger hit (``None`` for a plain term)."""
    return spec.terms[hit.payload].family


def term_of(spec: RuleSpec, hit: Hit) -> str:
    return spec.terms[hit.payload].term


def counted(msg: Message, hit: Hit, before: int = 3) -> bool:
    """A number inside the hit, or right before it (86万年轻人, 仅剩12个名额, 98%的客户)."""
    compact = msg.nt.compact
    return bool(_COUNT_RE.search(compact[max(0, hit.start - before) : hit.end]))


def clause_text(msg: Message, pos: int) -> str:
    """The compact text of the clause around a compact position."""
    start, end = msg.ctx.clause(pos)
    return msg.nt.compact[start:end]


def sentence_text(msg: Message, pos: int) -> str:
    start, end = msg.ctx.sentence(pos)
    return msg.nt.compact[start:end]


def removal_spans(msg: Message, hits: list[Hit], keep: int = 2) -> list[tuple[int, int] | None]:
    """For each hit, the whole clause (original offsets) when removing the rule's hits
    leaves at most ``keep`` characters of it (秒批秒到账 → the clause goes, not 秒到账 alone),
    else ``None`` (remove the hit itself).  Used as ``Fix.at`` by claim-removal rules, so
    the offline rewrite deletes the claim cleanly and the sentence stays readable."""
    compact = msg.nt.compact
    by_clause: dict[tuple[int, int], list[int]] = {}
    for i, h in enumerate(hits):
        by_clause.setdefault(msg.ctx.clause(h.start), []).append(i)
    out: list[tuple[int, int] | None] = [None] * len(hits)
    sig = msg.signature
    sig_end = msg.nt.compact_pos(sig.end) if sig is not None and sig.position == "head" else 0
    sig_start = msg.nt.compact_pos(sig.start) if sig is not None and sig.position == "tail" else len(compact)
    for (c_start, c_end), idx in by_clause.items():
        c_start, c_end = max(c_start, sig_end), min(c_end, sig_start)  # never the signature
        if c_end <= c_start:
            continue
        covered = bytearray(c_end - c_start)
        for i in idx:
            lo, hi = max(0, hits[i].start - c_start), max(0, min(hits[i].end, c_end) - c_start)
            covered[lo:hi] = b"\x01" * max(0, hi - lo)
        rest = sum(1 for j, flag in enumerate(covered) if not flag and compact[c_start + j].strip())
        if rest <= keep:
            span = msg.span(c_start, c_end)
            for i in idx:
                out[i] = span
    return out
