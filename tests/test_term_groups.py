"""Word groups a rule's terms and families name (``requires``, ``info_when``).

Why: a group is named by a string; a misspelt one would switch its term off for good
(``requires``) or never lower it (``info_when``) without a word.  Unknown group names are
refused when the rule is read, and a lowered finding says which word lowered it.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from assistant.checker.engine import Checker
from assistant.checker.rulespec import RuleSpec

_BASE = {
    "code": "TST001",
    "name": "test",
    "title": "测试",
    "severity": "error",
    "scope": "text",
    "message": "测试",
    "citations": [],
    "fix": {"kind": "unsafe", "description": "删除"},
}


@pytest.mark.parametrize(
    "extra",
    [
        {"terms": [{"term": "到期还本", "requires": "purchse"}], "term_context": {"purchase": ["认购"]}},
        {"terms": [{"term": "到期还本", "info_when": "bonds"}]},
        {
            "terms": ["保本"],
            "families": [{"name": "f", "slots": [["到期"], ["还本"]], "requires": "nope"}],
            "term_context": {"purchase": ["认购"]},
        },
    ],
)
def test_an_unknown_group_name_is_refused(extra: dict) -> None:
    with pytest.raises(ValidationError) as info:
        RuleSpec.model_validate({**_BASE, **extra})
    assert "term_context" in str(info.value)


def test_a_known_group_name_is_accepted() -> None:
    spec = RuleSpec.model_validate(
        {
            **_BASE,
            "terms": [{"term": "到期还本", "requires": "purchase", "info_when": "bonds"}],
            "term_context": {"purchase": ["认购"], "bonds": ["国债"]},
        }
    )
    assert spec.terms[0].info_when == "bonds"


def test_info_when_lowers_to_info_and_records_the_word() -> None:
    """ADV001's principal-at-maturity family: a warning on a sale, a note (info) when the
    product returns its principal by nature (a treasury bond), never dropped."""
    checker = Checker()
    sale = checker.check("【颐安康养】康养社区床位内部认购启动，年返8%，三年到期退还本金。回T退订")
    [f] = [f for f in sale.findings if f.code == "ADV001"]
    assert (f.severity, f.evidence) == ("warning", "到期退还本金")
    bond = checker.check("【明德银行】储蓄国债（电子式）今日发售，按年付息，到期还本，100元起购。回T退订")
    [g] = [f for f in bond.findings if f.code == "ADV001"]
    assert g.severity == "info" and g.evidence == "到期还本"
    assert [(e.cue, e.effect) for e in g.context] == [("储蓄国债", "downgraded")]
    assert bond.verdict == "pass"
