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
