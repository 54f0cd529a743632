"""Claim families: compound guards, slot words half in pinyin, and the disclaimer cue.

Why each exists:

* ``compounds``: a slot's verb can head a noun (联系 of 联系方式, 通知 of 通知书); there it
  threatens nobody, and a bare exemption of the noun would also clear a real threat that
  contains it (我们已拿到你全部亲友的联系方式).
* the pinyin family pass: families are the main claim grammar, but the term pass reads
  only whole trigger terms in pinyin, so one syllable spelt in Latin letters (bao光您的
  tong讯录) hid a family's claim entirely.
* ``disclaimer_context``: a filing stated with the disclaimer the rules require (备案不代表
  监管部门对产品作出保证) claims no backing, while a disclaimer of another act clears
  nothing.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.checker.rulespec import FamilySpec


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _codes(checker: Checker, text: str) -> dict[str, str]:
    result = checker.check(text)
    for f in result.findings:
        assert f.evidence == text[f.start : f.end]
    return {f.code: f.severity for f in result.findings}


# --- compounds -----------------------------------------------------------------------


def test_a_compound_must_extend_a_slot_word() -> None:
    with pytest.raises(ValueError, match="联络方式"):
        FamilySpec(name="x", slots=[["联系"], ["家人"]], compounds=["联络方式"])
    with pytest.raises(ValueError, match="联系"):
        FamilySpec(name="x", slots=[["联系"], ["家人"]], compounds=["联系"])  # not longer


def test_a_compound_may_end_with_a_slot_word() -> None:
    """包 of 钱包: the slot word as a compound's last character (您的钱包本月消费 is no 包本)."""
    spec = FamilySpec(name="x", slots=[["包"], ["本"]], compounds=["钱包"])
    assert spec.compounds == ["钱包"]


def test_a_slot_word_ending_a_compound_is_not_the_word(checker: Checker) -> None:
    assert "ADV001" not in _codes(checker, "【汇通支付】您的汇通钱包本月消费共计1280.00元，明细可在App查看。")
    assert "ADV001" not in _codes(checker, "【汇通支付】您的新人礼包本周内有效。")
    claim = "【汇通理财】汇通稳盈，包本包息。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert _codes(checker, claim).get("ADV001") == "error"


def test_a_verb_heading_a_noun_is_not_the_verb(checker: Checker) -> None:
    notice = "【安华银行】如您的联系方式、工作单位有变化，请登录手机银行更新，以免错过还款提醒。"
    assert "COL001" not in _codes(checker, notice)
    threat = "【快易借】你已逾期，我们将联系你的工作单位。"
    assert _codes(checker, threat).get("COL001") == "error"
    # the noun inside a real threat still counts (no blanket exemption of 联系方式)
    held = "【快易借】你已逾期，我们已拿到你全部亲友的联系方式。"
    assert _codes(checker, held).get("COL001") == "error"


# --- slot words half in pinyin --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "【米粒贷】您的欠款已逾期，否则我们将bao光您的tong讯录。",
        "【米粒贷】您的欠款已逾期，否则我们将曝光您的tong讯录。",
        "【米粒贷】您的欠款已逾期，否则我们将bao光您的通讯录。",
        "【米粒贷】您的欠款已逾期，否则我们将tong知您的jia人。",
    ],
)
def test_a_family_spelt_partly_in_pinyin_fires(checker: Checker, text: str) -> None:
    result = checker.check(text)
    hits = [f for f in result.findings if f.code == "COL001"]
    assert hits and hits[0].severity == "error"
    assert hits[0].evidence == text[hits[0].start : hits[0].end]
    assert any("a" <= ch <= "z" for ch in hits[0].evidence)  # the span covers the letters


def test_the_same_claim_in_chinese_and_half_in_pinyin_agree(checker: Checker) -> None:
    chinese = "【某银行】本金无忧，年化收益5%。回T退订"
    latin = "【某银行】本金wu忧，年化收益5%。回T退订"
    assert _codes(checker, chinese).get("ADV001") == _codes(checker, latin).get("ADV001") == "error"


@pytest.mark.parametrize(
    "text",
    [
        # Latin words that spell no slot word beside Chinese
        "【安华银行】您的app已更新至最新版本，请放心使用。",
        "【安华银行】登录vip专区查看您的账单。",
        # the family's words in Chinese, the letters elsewhere: no new hit, nothing claimed
        "【安华银行】您的欠款已结清，感谢使用app还款。",
    ],
)
def test_letters_that_spell_no_slot_word_add_nothing(checker: Checker, text: str) -> None:
    assert "COL001" not in _codes(checker, text)
    assert "ADV001" not in _codes(checker, text)


# --- the disclaimer cue ---------------------------------------------------------------


def test_a_filing_with_its_disclaimer_is_no_backing(checker: Checker) -> None:
    text = "【松溪人寿】本产品条款已报国家金融监督管理总局备案，备案不代表监管部门对产品作出保证。回T退订"
    result = checker.check(text)
    assert "ADV005" not in {f.code for f in result.findings}
    cancelled = [f for f in result.suppressed if f.code == "ADV005"]
    assert cancelled, "the cancelled finding is kept for review"
    effect = cancelled[0].context[0]
    assert effect.effect == "cancelled" and effect.cue.startswith("备案不代表")


def test_a_filing_without_the_disclaimer_still_fires(checker: Checker) -> None:
    assert (
        _codes(checker, "【松溪人寿】本产品已报国家金融监督管理总局备案，请放心购买。回T退订").get("ADV005")
        == "error"
    )


def test_a_disclaimer_of_another_act_clears_nothing(checker: Checker) -> None:
    # the claim is an approval; the disclaimer is of a registration
    text = "【青穗理财】央行批准发行，注册不表明对产品作出保证。回T退订"
    assert _codes(checker, text).get("ADV005") == "error"


# --- initials, names and addresses --------------------------------------------------------


def test_a_word_spelled_by_its_initials_counts_where_the_family_needs_a_context(checker: Checker) -> None:
    # zf may be 走访, 转发, 政府, 支付 …: beside a debt, the collection family reads 走访
    assert _codes(checker, "【快通借】您已逾期60天，近期我们将zf您的亲属和同事。").get("COL001") == "error"
    # without the debt no family that needs it matches, and families needing no context
    # (forwarding, LNK003) do not read two bare letters at all
    codes = _codes(Checker(code_models=False), "【快通借】近期我们将zf您的亲属和同事。")
    assert "LNK003" not in codes
    assert codes.get("COL001") != "error"  # (the rule's families; its fitted model reads the whole text)


@pytest.mark.parametrize(
    "text",
    [
        "【安华银行】您提交的逾期减免申请已转告客户经理Dan Wei，他将于1个工作日内与您联系。",
        "【安华银行】逾期还款说明已发布，请前往anhua.com/jiaren下载。",
    ],
)
def test_names_and_addresses_in_latin_letters_spell_nothing(checker: Checker, text: str) -> None:
    assert "COL001" not in _codes(checker, text)


# --- disclaimers, wherever they stand, and what is not one --------------------------------------


def test_the_disclaimer_may_come_first(checker: Checker) -> None:
    text = "【安华人寿】提示：备案不代表监管部门对本产品作出保证。本产品条款已报国家金融监督管理总局备案。回T退订"
    assert "ADV005" not in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【安华理财】本产品已报国家金融监督管理总局备案，备案不等于没有保障，请放心购买。回T退订",
        "【安华理财】本产品经人民银行批准发行，批准不代表对收益的保证，但足以证明本金安全。回T退订",
        (
            "【安华人寿】本产品已报国家金融监督管理总局备案。备案不代表监管部门对本产品作出保证。"
            "不过，通过备案的产品，安全性都有保障。回T退订"
        ),
    ],
)
def test_a_double_negative_or_a_disclaimer_taken_back_clears_nothing(checker: Checker, text: str) -> None:
    """Taken back in its own sentence or in a later one."""
    assert _codes(checker, text).get("ADV005") == "error"


# --- parties to the debt, the court's own notices ------------------------------------------


def test_an_unless_group_must_exist() -> None:
    from assistant.checker.rulespec import RuleSpec

    base = {
        "code": "XYZ001",
        "name": "x",
        "title": "x",
        "severity": "error",
        "scope": "text",
        "message": "x",
        "citations": [],
        "fix": {"kind": "none"},
        "families": [{"name": "f", "slots": [["甲"], ["乙"]], "unless": "partyy"}],
        "term_context": {"party": ["担保人"]},
    }
    with pytest.raises(ValueError, match="partyy"):
        RuleSpec.model_validate(base)
    base["families"][0]["unless"] = "party"
    assert RuleSpec.model_validate(base).terms[-1].unless == "party"


@pytest.mark.parametrize(
    "text",
    [
        "【安华银行】作为担保人，您女儿在我行的助学贷款已逾期30天，请履行担保责任。",
        "【安华银行】您作为共同借款人，您丈夫名下的住房贷款已逾期2期，请及时还款。",
        "【安华银行】您母亲生前在我行的消费贷款已逾期，作为法定继承人，请携继承材料到网点办理。",
        "【某某区人民法院】您在（2026）某0101执12号案件中未履行生效判决，本院已依法将您纳入失信被执行人名单。",
    ],
)
def test_a_party_or_the_court_is_told_lawfully(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("COL001") != "error"


@pytest.mark.parametrize(
    "text",
    [
        "【快通借】阿姨您好，您女儿在我司的借款已逾期三个月，请您督促她还钱。",
        "【快通借】您的欠款已逾期，已将您的信息同步到全国失信人员名单。",
    ],
)
def test_the_same_told_by_a_collector_fires(checker: Checker, text: str) -> None:
    assert _codes(checker, text).get("COL001") == "error"


def test_a_disclaimer_after_a_comma_still_counts(checker: Checker) -> None:
    text = "【安华人寿】安华意外险已向国家金融监督管理总局备案。该备案，不代表监管部门对本产品作出任何保证。回T退订"
    assert "ADV005" not in _codes(checker, text)


# --- a catch-all only where nothing specific matched ------------------------------------------


def test_a_fallback_family_needs_no_other_hit(checker: Checker) -> None:
    """The catch-all reports a warning where no specific family matched, and gives way to one
    that did (so it never widens a specific hit past that hit's negation)."""
    alone = checker.check("【快通借】您的借款已逾期20天，今天下午会有同事给您的房东打电话。")
    hits = [f for f in alone.findings if f.code == "COL001"]
    assert [f.severity for f in hits] == ["warning"]
    denied = "【融易分期】您的账单已逾期10天。我们只会联系您本人，不会联系您的家人、同事或通讯录好友。"
    assert "COL001" not in _codes(checker, denied)
    specific = checker.check("【快通借】你已逾期，我们将通知你的家人，也会联系你的配偶。")
    assert {f.severity for f in specific.findings if f.code == "COL001"} == {"error"}
