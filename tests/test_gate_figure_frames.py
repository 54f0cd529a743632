"""The figure-frame check (rewrite/frames.py): a figure kept with other qualifiers is REW001.

Written from the mechanism, not from a data set: each family both ways, the places a
qualifier may stand (before the figure, right after it, later in its clause), and the
words that only look like a qualifier (宽限期, 每周五, 1月1日起 before another figure).
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.errors import ConfigError
from assistant.rewrite import frames
from assistant.rewrite.gate import validate_variant

CHECKER = Checker()


def _frame_findings(draft: str, variant: str) -> list[str]:
    return [m for m in _rew001(draft, variant) if "限定它的词" in m]


def _rew001(draft: str, variant: str) -> list[str]:
    return [f.message for f in validate_variant(draft, variant, checker=CHECKER) if f.code == "REW001"]


CHANGED = [
    # a bound turned around or dropped
    (
        "【捷贷】借款额度1万元起，具体以审批结果为准。回T退订",
        "【捷贷】借款额度最高1万元，具体以审批结果为准。回T退订",
        "起",
    ),
    (
        "【明德银行】单笔消费满200元可享立减，每户最多3次。回T退订",
        "【明德银行】单笔消费满200元可享立减，每户至少3次。回T退订",
        "最多",
    ),
    # a scope or period changed
    (
        "【明德银行】您的分期每期手续费48.00元，将按期计入账单。",
        "【明德银行】您的分期手续费合计48.00元，将按期计入账单。",
        "每期",
    ),
    ("【汇通支付】您的余额支付单日限额5,000元。", "【汇通支付】您的余额支付单笔限额5,000元。", "单日"),
    ("【汇通支付】每人每月限领2次，回T退订", "【汇通支付】每人每周限领2次，回T退订", "每月"),
    # the kind of limit, the composition of an amount, the change
    ("【明德银行】您的固定额度30,000元保持不变。", "【明德银行】您的临时额度30,000元保持不变。", "固定"),
    ("【捷贷】本期应还本息2,160.00元，请按时还款。", "【捷贷】本期应还本金2,160.00元，请按时还款。", "本息"),
    ("【明德银行】您的信用额度已调整为50,000元。", "【明德银行】您的信用额度已提高50,000元。", "调整为"),
    # a pre-tax figure made post-tax; a same-day credit made next-day
    (
        "【明德银行】本期税前收益合计1,200.00元已到账。",
        "【明德银行】本期税后收益合计1,200.00元已到账。",
        "税前",
    ),
    (
        "【汇通支付】您的提现将于当天12:00前到账，金额300.00元。",
        "【汇通支付】您的提现将于次日12:00前到账，金额300.00元。",
        "当天",
    ),
]


@pytest.mark.parametrize(("draft", "variant", "word"), CHANGED)
def test_a_changed_qualifier_is_named(draft: str, variant: str, word: str) -> None:
    """Whichever of the gate's fact checks sees it first, the change is REW001 and named."""
    messages = _rew001(draft, variant)
    assert messages and any(word in m for m in messages), messages


KEPT = [
    # synonyms of one family
    ("【明德银行】明德信用卡每笔取现限额5000元。", "【明德银行】明德信用卡单次取现限额5000元。"),
    ("【捷贷】借款额度最高可达20万元，以审批为准。回T退订", "【捷贷】最多可借20万元，以审批为准。回T退订"),
    (
        "【明德银行】融资融券门槛：日均资产不低于50万元。回T退订",
        "【明德银行】融资融券门槛：日均资产不少于50万元。回T退订",
    ),
    # the label after the figure instead of before it
    (
        "【明德银行】您获得临时额度8,000元，有效期至3月1日。",
        "【明德银行】您已获8,000元临时额度，有效期至3月1日。",
    ),
    # a total said without 共计 (the breakdown is still there)
    (
        "【捷贷】需归还本金4,000.00元及利息60.00元，共计4,060.00元。",
        "【捷贷】需归还4,060.00元（本金4,000.00元+利息60.00元）。",
    ),
    # words that only look like qualifiers: a grace period, a weekday, another figure's 起
    ("【安泰人寿】您的保单宽限期60天，请及时缴费。", "【安泰人寿】您的保单有60天宽限期，请及时缴费。"),
    (
        "【汇通支付】每周五扫码满30元减5元，每人每天限1次。回T退订",
        "【汇通支付】每个周五扫码满30元减5元，每人每天限1次。回T退订",
    ),
    (
        "【汇通支付】自1月1日起，单日累计限额调整为5,000元。",
        "【汇通支付】1月1日起单日累计限额将调整为5,000元。",
    ),
    # a duration's 内 and a date's 起
    ("【捷贷】您的借款预计3个工作日内到账。", "【捷贷】您的借款预计3个工作日到账。"),
    ("【安泰人寿】您的保单已于9月1日零时生效。", "【安泰人寿】您的保单自9月1日零时起生效。"),
]


@pytest.mark.parametrize(("draft", "variant"), KEPT)
def test_the_same_qualifiers_in_other_words_pass(draft: str, variant: str) -> None:
    assert _rew001(draft, variant) == []


def test_a_faulted_label_is_the_rewrites_to_replace() -> None:
    """预期年化收益 is the draft's violation (ADV006): the rewrite must replace it, and the
    figure under its new, compliant label is no change of role."""
    draft = "【明德银行】明德月月盈预期年化收益3.5%，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订"
    variant = (
        "【明德银行】明德月月盈业绩比较基准3.5%（业绩比较基准不代表产品未来表现和实际收益），1万元起购。"
        "理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert _frame_findings(draft, variant) == []
    # …but the same label change on a compliant draft is a change
    assert _frame_findings("【明德银行】本期收益3.5元已到账。", "【明德银行】本期本金3.5元已到账。")


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("figure_qualifiers", {"max": "最高(", "min": "起"}, "正则无效"),
        ("figure_qualifiers_after", {"maximum": "以内"}, "未知的限定词族"),
        ("figure_qualifiers_implied", ["totals"], "未知的限定词族"),
    ],
)
def test_bad_family_data_is_an_error_naming_the_key(
    monkeypatch: pytest.MonkeyPatch, key: str, value: object, says: str
) -> None:
    spec = frames.rule_spec("REW001")
    options = dict(spec.options)
    options[key] = value
    monkeypatch.setattr(spec, "options", options)
    for cached in (frames._families, frames._after, frames._implied):
        cached.cache_clear()
    try:
        with pytest.raises(ConfigError, match=says) as err:
            frames.reframed_figures(
                "【明德银行】额度5万元。", "【明德银行】额度5万元。", *_facts("【明德银行】额度5万元。"), []
            )
        assert key in str(err.value)
    finally:
        monkeypatch.undo()
        for cached in (frames._families, frames._after, frames._implied):
            cached.cache_clear()


def _facts(text: str) -> tuple[list, list]:
    from assistant.facts import extract_facts

    facts = extract_facts(text, [])
    return facts, facts
