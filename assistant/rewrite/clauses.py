"""Clauses, words and the reach of a claim: what a rewrite may remove and what it must keep.

Removing a forbidden claim word by word leaves broken Chinese (``全市场最高收益的理财`` →
``全市场收益的理财``).  A claim takes its modifiers with it: the scope before it (全市场),
the noun it grades (收益) and the ``的`` that attaches it to its head; the head noun (理财),
every fact (amounts, dates, products) and every purpose word (the product, the offer, the
call to action) stay.  :func:`claim_zone` computes that reach on jieba words; the offline
engine removes exactly it and the content-retention check allows exactly it, so an engine
that removes more is caught.

Words are data (``knowledge/rules/_rewrite.yaml``): purpose words, connectives that may
not dangle, courtesy clauses a one-segment version may drop, benefit words.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from assistant.paths import rules_dir
from assistant.rewrite.script import in_script
from assistant.text.normalize import fold
from assistant.text.yamlload import load_yaml

#: Clause delimiters (a removal never crosses one); 】 closes the signature.
CLAUSE_DELIMS = "，,。！!？?；;：:\n】、"
SENTENCE_END = "。！!？?；;"
_PLACEHOLDER_RE = re.compile(r"【请填写[:：][^【】]*】")


@dataclass(frozen=True, slots=True)
class Lexicon:
    anchors: frozenset[str]
    single_anchors: frozenset[str]
    modifiers: frozenset[str]
    pointers: frozenset[str]
    dangling_end: tuple[str, ...]
    #: Fixed terms that end in a dangling-looking word (随借随还: 还 is "repay", not "also").
    complete_endings: tuple[str, ...]
    dangling_start: tuple[str, ...]
    courtesy: tuple[re.Pattern[str], ...]
    benefit: tuple[str, ...]


@cache
def lexicon() -> Lexicon:
    data: dict[str, Any] = load_yaml((rules_dir() / "_rewrite.yaml").read_text(encoding="utf-8")) or {}
    words = {str(w) for group in (data.get("anchors") or {}).values() for w in group}
    return Lexicon(
        anchors=frozenset(w for w in words if len(w) > 1),
        single_anchors=frozenset(w for w in words if len(w) == 1),
        modifiers=frozenset(map(str, data.get("claim_modifiers", []))),
        pointers=frozenset(map(str, data.get("link_pointers", []))),
        dangling_end=tuple(sorted(map(str, data.get("dangling_end", [])), key=len, reverse=True)),
        complete_endings=tuple(map(str, data.get("complete_endings", []))),
        dangling_start=tuple(sorted(map(str, data.get("dangling_start", [])), key=len, reverse=True)),
        courtesy=tuple(re.compile(p) for p in data.get("courtesy", [])),
        benefit=tuple(map(str, data.get("benefit", []))),
    )


@cache
def _tokenizer() -> Any:
    import jieba  # local: only rewrites pay for loading the dictionary

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def tokens(text: str) -> list[tuple[str, int, int]]:
    """jieba words of ``text`` as (word, start, end), read on the folded view (traditional
    characters and full-width forms segment like simplified ones; offsets are the text's)."""
    return [(w, s, e) for w, s, e in _tokenizer().tokenize(fold(text))]


def is_anchor(word: str) -> bool:
    lex = lexicon()
    return word in lex.single_anchors or any(a in word for a in lex.anchors)


def anchors_in(text: str) -> list[str]:
    """Purpose words of ``text`` in order (as folded words, so scripts compare equal)."""
    return [w for w, _, _ in tokens(text) if is_anchor(w)]


def anchor_units(text: str) -> list[str]:
    """Purpose words with adjacent ones joined (借款 + 额度 → 借款额度): a compound names one
    thing, and a version that keeps its head (额度, beside 随借随还) keeps that thing."""
    units: list[str] = []
    last_end = -1
    for w, s, e in tokens(text):
        if not is_anchor(w):
            continue
        if s == last_end and units:
            units[-1] += w
        else:
            units.append(w)
        last_end = e
    return units


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)``: between the nearest delimiters."""
    c_start = max(text.rfind(d, 0, start) for d in CLAUSE_DELIMS) + 1
    ends = [i for i in (text.find(d, end) for d in CLAUSE_DELIMS) if i >= 0]
    return c_start, (min(ends) if ends else len(text))


def clauses(text: str) -> list[tuple[int, int]]:
    """Every non-empty clause span of ``text``."""
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in CLAUSE_DELIMS or ch == "【":
            if text[start:i].strip():
                out.append((start, i))
            start = i + 1
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PLACEHOLDER_RE.finditer(fold(text))]


def claim_zone(
    text: str, start: int, end: int, protected: list[tuple[int, int]], *, scope: str = "phrase"
) -> tuple[int, int]:
    """The span a removal of the claim at ``[start, end)`` takes: the claim and the words
    that depend on it, never a fact (``protected``) or a purpose word.

    ``scope`` ``link`` (rule data: a link removed instead of replaced) takes the words that
    point at the link (详情, 请访问, 点击…查看: ``link_pointers``) instead of claim modifiers.
    """
    c_start, c_end = clause_span(text, start, end)
    words = [t for t in tokens(text) if t[1] >= c_start and t[2] <= c_end]
    if not words:
        return start, end

    def guarded(w: tuple[str, int, int]) -> bool:
        return is_anchor(w[0]) or any(s < w[2] and w[1] < e for s, e in protected)

    inside = [i for i, (_, s, e) in enumerate(words) if s < end and start < e]
    if not inside:
        return start, end
    first, last = inside[0], inside[-1]
    z_start, z_end = min(start, words[first][1]), max(end, words[last][2])
    lex = lexicon()
    reach = lex.pointers if scope == "link" else lex.modifiers

    def reaches(w: tuple[str, int, int]) -> bool:
        return not w[0].strip() or (w[0] in reach and (scope == "link" or not guarded(w)))

    i = first - 1
    while i >= 0 and reaches(words[i]):
        z_start = words[i][1]
        i -= 1
    j = last + 1
    while j < len(words) and (reaches(words[j]) or (words[j][0] == "的" and scope != "link")):
        z_end = words[j][2]
        if words[j][0] == "的":  # the claim was attributive: its head noun stays
            break
        j += 1
    return z_start, z_end


def rest_is_empty(
    text: str, c_start: int, c_end: int, z_start: int, z_end: int, protected: list[tuple[int, int]]
) -> bool:
    """What a removal leaves of its clause carries nothing: no fact, no purpose word, ≤ 3 characters."""
    rest = fold(text[c_start:z_start] + text[z_end:c_end])
    content = re.sub(r"[^\w\u4e00-\u9fff]", "", rest)
    if any(s < c_end and c_start < e and not (z_start <= s and e <= z_end) for s, e in protected):
        return False
    if any(is_anchor(w) for w, _, _ in tokens(rest)):
        return False
    return len(content) <= 3


def is_courtesy(clause: str) -> bool:
    c = fold(clause).strip()
    return any(p.search(c) for p in lexicon().courtesy)


def append_point(text: str, optout: list[str]) -> int:
    """Where a sentence is added at the end: before a trailing opt-out or signature."""
    end = len(text.rstrip())
    changed = True
    while changed:
        changed = False
        head = text[:end].rstrip()
        m = re.search(r"【[^【】]*】$", head)
        if m and m.start() > 0:
            end, changed = m.start(), True
            continue
        for phrase in sorted(optout, key=len, reverse=True):
            for variant in {phrase, in_script(phrase, "traditional")}:
                if head.endswith(variant):
                    end, changed = len(head) - len(variant), True
                    break
            if changed:
                break
    return len(text[:end].rstrip())
