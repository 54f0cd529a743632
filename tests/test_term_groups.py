"""What a rule's terms and families may name: word groups (``requires``), product types
(``info_when_product``) and other rules (``defers_to``).

Why: each is named by a string; a misspelt group would switch its term off for good, a
misspelt product type or rule code would never apply, all without a word.  Unknown names
are refused when the rule is read, and a lowered finding says what lowered it.
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
        {"terms": [{"term": "到期还本", "info_when_product": ["deposits"]}]},
        {
            "terms": ["保本"],
            "families": [{"name": "f", "slots": [["到期"], ["还本"]], "requires": "nope"}],
            "term_context": {"purchase": ["认购"]},
        },
    ],
)
def test_an_unknown_group_or_product_type_is_refused(extra: dict) -> None:
    with pytest.raises(ValidationError) as info:
        RuleSpec.model_validate({**_BASE, **extra})
    assert "term_context" in str(info.value) or "deposit" in str(info.value)


def test_a_known_group_name_is_accepted() -> None:
    spec = RuleSpec.model_validate(
        {
            **_BASE,
            "terms": [{"term": "到期还本", "requires": "purchase", "info_when_product": ["deposit"]}],
            "term_context": {"purchase": ["认购"]},
        }
    )
    assert spec.terms[0].info_when_product == ["deposit"]


def test_principal_at_maturity_warns_on_a_sale_and_notes_a_deposit() -> None:
    """ADV001's principal-at-maturity family: a warning on a sale; a note (info) when the
    product-type decision says deposit, never dropped; a product that only compares itself
    with a deposit is no deposit; a stronger claim inside the match stays an error."""
    checker = Checker()
    sale = checker.check("【颐安康养】康养社区床位内部认购启动，年返8%，三年到期退还本金。回T退订")
    [f] = [f for f in sale.findings if f.code == "ADV001"]
    assert (f.severity, f.evidence) == ("warning", "到期退还本金")
    deposit = checker.check(
        "【江南农商银行】定期存款特惠：3年期年利率2.6%，5万元起存，到期一次还本付息，存得越久越划算。回T退订"
    )
    [g] = [f for f in deposit.findings if f.code == "ADV001"]
    assert g.severity == "info" and deposit.verdict == "pass"
    assert [e.effect for e in g.context] == ["downgraded"] and "deposit" in g.context[0].cue
    rival = checker.check(
        "【鑫源财富】鑫源年年盈5万元起投，年化7%，远超大额存单，到期本息全返。理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert [f.severity for f in rival.findings if f.code == "ADV001"] == ["warning"]
    stronger = checker.check(
        "【盛恒资产】盛恒稳盈2号认购中，收益高于同期国债，到期保证还本付息。理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert [f.severity for f in stronger.findings if f.code == "ADV001"] == ["error"]
    notice = checker.check(
        "【明德银行】您购买的明德稳盈理财将于12月15日到期，到期后退还本金及收益至您的账户。"
    )
    assert not [f for f in notice.findings if f.code == "ADV001"]


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
    # another rule's error on other words (…挖掘潜力股) defers nothing: the fund keeps its error
    launch = Checker().check(
        "【华信基金】华信科技混合A今日发售，专注挖掘科技潜力股，1元起购。回T退订", kind="marketing"
    )
    assert [f.severity for f in launch.findings if f.code == "ADV003"] == ["error"]
    # LNK003 defers to PRO005 anywhere in the message (defer_scope: message)
    scheme = Checker().check(
        "【康寿养老】康养基地认筹进行中，投10万每月返息2000元，推荐亲友认筹再得1%奖励。回T退订"
    )
    [lnk] = [f for f in scheme.findings if f.code == "LNK003"]
    assert lnk.severity == "warning" and "同一短信" in lnk.context[-1].reason


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


def test_a_hit_begun_inside_the_senders_name() -> None:
    """The compact view drops the brackets: 【星钱包】收益 reads 包收益.  A hit begun by the
    sender's name is half a name: a warning, never an error on its own; the body, scanned
    again by itself, keeps its own hits (【鑫源数藏】数字藏品…翻倍 is an error on the body's
    words, not swallowed by the name's 数藏…翻倍)."""
    checker = Checker()
    wallet = checker.check("【星钱包】收益到账：您在“星钱包·零钱宝”持有的货币基金11月30日收益0.42元。")
    [f] = [f for f in wallet.findings if f.code == "ADV001"]
    assert f.severity == "warning" and f.evidence == "包】收益"
    assert [e.cue for e in f.context] == ["【星钱包】"]
    nft = checker.check("【鑫源数藏】数字藏品不到一周翻倍，速来。回T退订")
    [g] = [f for f in nft.findings if f.code == "PRO003"]
    assert g.severity == "error" and g.evidence == "数字藏品不到一周翻倍"
    metal = checker.check("【金瑞贵金属】现货白银T+0双向交易，1:100杠杆。回T退订")
    assert ("error", "现货白银") in [(f.severity, f.evidence) for f in metal.findings if f.code == "PRO002"]
