"""What a rule's terms and families may name: word groups (``requires``) and other rules
(``defers_to``); and the session's claim mechanisms that rest on them.

Why: each is named by a string; a misspelt group would switch its term off for good, a
misspelt rule code would never apply, both without a word.  Unknown names are refused when
the rule is read, and a lowered finding says what lowered it.
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
        {
            "terms": ["保本"],
            "families": [{"name": "f", "slots": [["到期"], ["还本"]], "requires": "nope"}],
            "term_context": {"purchase": ["认购"]},
        },
    ],
)
def test_an_unknown_group_is_refused(extra: dict) -> None:
    with pytest.raises(ValidationError) as info:
        RuleSpec.model_validate({**_BASE, **extra})
    assert "term_context" in str(info.value)


def test_a_known_group_name_is_accepted() -> None:
    spec = RuleSpec.model_validate(
        {
            **_BASE,
            "terms": [{"term": "到期还本", "requires": "purchase"}],
            "term_context": {"purchase": ["认购"]},
        }
    )
    assert spec.terms[0].requires == "purchase"


def test_principal_at_maturity_warns_on_a_sale() -> None:
    """ADV001's principal-at-maturity family: a warning on a sale (a bank deposit's too: the
    same words sell insurers' 存单计划); a stronger claim inside the match stays an error; a
    holding's maturity notice and a loan's repayment terms are no sale."""
    checker = Checker()
    sale = checker.check("【颐安康养】康养社区床位内部认购启动，年返8%，三年到期退还本金。回T退订")
    [f] = [f for f in sale.findings if f.code == "ADV001"]
    assert (f.severity, f.evidence) == ("warning", "到期退还本金")
    fake = checker.check("【福瑞人寿】存单式储蓄计划，每年存2万，存期5年，到期本息全拿回。回T退订")
    assert [f.severity for f in fake.findings if f.code == "ADV001"] == ["warning"]
    stronger = checker.check(
        "【盛恒资产】盛恒稳盈2号认购中，收益高于同期国债，到期保证还本付息。理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert [f.severity for f in stronger.findings if f.code == "ADV001"] == ["error"]
    notice = checker.check(
        "【明德银行】您购买的明德稳盈理财将于12月15日到期，到期后退还本金及收益至您的账户。"
    )
    assert not [f for f in notice.findings if f.code == "ADV001"]
    loan = checker.check(
        "【惠民小额贷款】先息后本更划算：按月付息到期还本，年化利率7.2%起，当天放款。回T退订"
    )
    assert not [f for f in loan.findings if f.code == "ADV001"]


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
    # LNK003 defers to PRO005 on the same words (the referral is the scheme's recruiting) ...
    scheme = Checker().check("【瑞宝付】招募POS合伙人：发展下线每拉一人返现300元，轻松月入过万。回T退订")
    [lnk] = [f for f in scheme.findings if f.code == "LNK003"]
    assert lnk.severity == "warning" and "PRO005" in lnk.context[-1].reason
    # ... not to a PRO005 hit elsewhere in the message (会员分红), and a fund sold beside a
    # tip keeps its own missing warning (the finding stands on the fund, not on 牛股)
    card = Checker().check(
        "【汇通支付】会员分红日：本周消费满100元返5元，邀请好友注册得20元现金红包。回T退订"
    )
    assert [f.severity for f in card.findings if f.code == "LNK003"] == ["error"]
    mixed = Checker().check("【华信证券】金股推荐：本周精选3只牛股，另有稳健理财年化4%，1万起投。回T退订")
    assert [(f.severity, f.evidence) for f in mixed.findings if f.code == "ADV003"] == [("error", "理财")]


def _refused_after_edit(tmp_path, code: str, old: str, new: str) -> str:
    """Copy the shipped rules, replace ``old`` by ``new`` in one rule file, and return the
    message of the ConfigError loading them must raise."""
    import shutil

    from assistant.checker.rulespec import load_rule_specs
    from assistant.errors import ConfigError
    from assistant.paths import rules_dir

    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    path = rules / f"{code}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_rule_specs(str(rules))
    return str(info.value)


def test_defers_to_an_unknown_code_is_refused(tmp_path) -> None:
    message = _refused_after_edit(tmp_path, "ADV003", "defers_to: [PRO001,", "defers_to: [PRO01,")
    assert "PRO01" in message and "ADV003" in message


def test_an_unknown_option_key_is_refused_naming_the_file(tmp_path) -> None:
    """Detectors read their options with defaults: a misspelt key (banned_product_rule)
    would switch a behaviour off silently, so the rule file is refused, naming the key."""
    with pytest.raises(ValidationError) as info:
        RuleSpec.model_validate({**_BASE, "terms": ["保本"], "options": {"warnigns": []}})
    assert "warnigns" in str(info.value)
    message = _refused_after_edit(tmp_path, "ADV003", "  banned_product_rules:", "  banned_product_rule:")
    assert "banned_product_rule" in message and "ADV003" in message


def test_a_short_hit_taking_the_last_character_of_the_senders_name() -> None:
    """The compact view drops the brackets: 【水滴保】本月 reads 保本月, 【星钱包】收益 reads
    包收益.  A hit of two or three characters that takes exactly the name's last character is
    never sure on its own: a warning, recorded; when the body says the claim by itself
    (【安心保】本息无忧) that hit gives way and the body's error stands; longer hits and hits
    made inside the name keep their error (【金稳】赚不赔, 【天天稳赚】不赔, 【鑫源国资】担保)."""
    checker = Checker()
    for text, evidence in (
        ("【水滴保】本月车险续保享9折，续保请戳App首页。回T退订", "保】本"),
        ("【福多包】收益到账：您在“福多包·零钱宝”持有的货币基金11月30日收益0.42元。", "包】收益"),
    ):
        result = checker.check(text)
        assert [
            (f.code, f.severity, f.evidence) for f in result.findings if f.code in ("ADV001", "ADV003")
        ] == [("ADV001", "warning", evidence)]
        [f] = [f for f in result.findings if f.code == "ADV001"]
        assert [e.effect for e in f.context] == ["downgraded"]
    # (a name ending in a word the slot character ends, 【星钱包】, has no 包收益 at all)
    wallet = checker.check("【星钱包】收益到账：您在“星钱包·零钱宝”持有的货币基金11月30日收益0.42元。")
    assert "ADV001" not in {f.code for f in wallet.findings}
    body = checker.check("【安心保】本息无忧，年化5%，1万起投。回T退订")
    assert ("ADV001", "error", "本息无忧") in [(f.code, f.severity, f.evidence) for f in body.findings]
    for text, code in (
        ("【金稳】赚不赔，鑫盈宝年化5.8%，1000元起投。投资有风险，选择需谨慎。回T退订", "ADV001"),
        ("【天天稳赚】不赔理财，年化6%，1000元起投，投资有风险，选择需谨慎。回T退订", "ADV001"),
        ("【鑫源国资】担保，年化8%，5万起投，投资有风险，选择需谨慎。回T退订", "ADV005"),
    ):
        result = checker.check(text)
        assert "error" in [f.severity for f in result.findings if f.code == code], text
