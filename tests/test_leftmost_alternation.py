"""regexgate.LeftmostAlternation: the same match as the pattern's own search, and the gates
the return rule's principal search is given stay necessary as its pattern changes.

Why: ``_PRINCIPAL_SEARCH`` skips an alternative whose gate (two neighbours every match of it
holds) is absent.  A gate that stops being necessary (a verb added to ``_PRINCIPAL_VERBS``
whose last character the gate lacks) would silently lose principals, so the gates are
checked here against the pattern's own pieces and against real text.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from assistant.checker.detectors import returns as R
from assistant.text import lazyre
from assistant.text.regexgate import LeftmostAlternation

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    """The benchmark mix and the drafts, as the rule reads them (the no-space view)."""
    from assistant.text.normalize import normalize

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from traffic import build_mix
    finally:
        sys.path.pop(0)
    texts = [t for _, t in build_mix(3000)]
    drafts = ROOT / "evals" / "drafts.jsonl"
    for line in drafts.read_text(encoding="utf-8").splitlines():
        if line.strip() and (text := json.loads(line).get("text")):
            texts.append(text)
    texts += [
        "存入1万元，一年收益300元",
        "10万元起投",
        "万元起投，每月收益120元",
        "一次性缴纳8万元购得使用权",
        "100万放一年多出9万",
    ]
    return [normalize(t).nospace for t in texts]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "xx存5元yy",
        "借5元",
        "发放6000元",
        "放款1万",
        "投资5万元，年化8%",
        "甲乙丙5万一年",
        "万元起存",
    ],
)
def test_a_small_alternation_matches_as_search(text: str) -> None:
    pattern = lazyre.compile_now(r"(?<![发派])放(?!款)\d+元|\d+万(?=一年)|投资\d+万元|(?<!\d)万元起[存投]")
    leftmost = LeftmostAlternation(pattern)
    a, b = pattern.search(text), leftmost.search(text)
    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_gates_must_match_the_alternatives() -> None:
    with pytest.raises(ValueError):
        LeftmostAlternation(lazyre.compile_now("ab|cd"), gates=("a",)).search("ab")


def test_the_principal_gates_follow_the_pattern() -> None:
    """Each principal verb ends in a character of the first gate, and each payment verb in
    one of the third: the gates name the characters right before the amount."""
    first = re.fullmatch(r"\[(.*?)\].*", R._PRINCIPAL_SEARCH._gate_texts[0]).group(1)  # type: ignore[union-attr]
    third = re.fullmatch(r"\[(.*?)\].*", R._PRINCIPAL_SEARCH._gate_texts[2]).group(1)  # type: ignore[union-attr]
    verbs = re.sub(r"\(\?<?[!=][^)]*\)", "", R._PRINCIPAL_VERBS)  # the look-arounds of 放
    for verb in verbs.split("|"):
        assert verb and verb[-1] in first, verb
    pay = re.search(r"\(\?:交\|[^)]*\)", R._PRINCIPAL_RE.pattern)
    assert pay is not None
    for verb in pay.group()[3:-1].split("|"):
        assert verb[-1] in third, verb
    assert "了" in third  # (支付了5万元)


def test_the_principal_search_is_the_patterns_own() -> None:
    texts = _texts()
    R._PRINCIPAL_SEARCH.search("")  # read the alternatives
    parts = R._PRINCIPAL_SEARCH._parts
    assert parts
    for text in texts:
        a, b = R._PRINCIPAL_RE.search(text), R._PRINCIPAL_SEARCH.search(text)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text
        for alternative, _plan, gate in parts:
            for m in alternative.finditer(text):
                assert gate is None or gate.search(m.group()) is not None, (text, m.group())
    assert sum(R._PRINCIPAL_RE.search(t) is not None for t in texts) > 20
