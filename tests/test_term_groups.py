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


def test_a_deferring_rule_is_a_warning_only_while_the_rule_it_defers_to_fails() -> None:
    """ADV003 defers to the banned-product rules: on an unlawful stock tip its missing
    warning is for review, recorded with the other rule's evidence; with that rule
    switched off (or not failing), ADV003 is an error again: nothing depends on a hidden rule."""
    from assistant.config import Settings

    text = "【新澄财经】资深团队每日精选牛股，明日涨停板预测，加群听课免费领取。回T退订"
    on = Checker().check(text, kind="marketing")
    [adv] = [f for f in on.findings if f.code == "ADV003"]
    assert adv.severity == "warning"
    [effect] = [e for e in adv.context if e.effect == "downgraded"]
    assert "PRO001" in effect.reason and effect.cue in text
    assert on.verdict == "fail"
    off = Checker(Settings(ignore=["PRO001"])).check(text, kind="marketing")
    assert [f.severity for f in off.findings if f.code == "ADV003"] == ["error"]
    fund = Checker().check(
        "【鑫达基金】货币基金T+0快速赎回，七日年化2.1%，1元起购。回T退订", kind="marketing"
    )
    assert [f.severity for f in fund.findings if f.code == "ADV003"] == ["error"]


def test_defers_to_an_unknown_code_is_refused(tmp_path) -> None:
    import shutil

    from assistant.checker.rulespec import load_rule_specs
    from assistant.errors import ConfigError
    from assistant.paths import rules_dir

    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    path = rules / "ADV003.yaml"
    text = path.read_text(encoding="utf-8")
    assert "defers_to: [PRO001," in text
    path.write_text(text.replace("defers_to: [PRO001,", "defers_to: [PRO01,", 1), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_rule_specs(str(rules))
    assert "PRO01" in str(info.value) and "ADV003" in str(info.value)
