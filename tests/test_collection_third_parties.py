"""COL001 pressure through the debtor's family and personal information, and the
myth-busting notices that mention the same words to deny them."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


def _col(checker: Checker, text: str) -> str | None:
    sev = [f.severity for f in checker.check(text).findings if f.code == "COL001"]
    return "error" if "error" in sev else (sev[0] if sev else None)


@pytest.mark.parametrize(
    "text",
    [
        "【安逸花】您的欠款已逾期30天，孩子读书会受影响，请立即处理。",
        "【速借金融】您的借款已逾期15天，家人工作迟早受影响，请今日内结清欠款8,600元。",
        "【鼎诚资产】您的欠款已逾期，我们已掌握您的工作单位及亲属信息。",
    ],
)
def test_pressure_through_family_or_held_information_is_an_error(checker: Checker, text: str) -> None:
    assert _col(checker, text) == "error"


def test_held_information_without_a_debt_named_is_reviewed(checker: Checker) -> None:
    # without a debt named the family alone is a warning ...
    text = "【鼎诚资产】我们已掌握您的工作单位及亲属信息，请知悉。"
    assert _col(checker, text) == "warning"
    # ... but a rule that found only warnings still hears its model when the model is sure of a
    # threat (the held information with an ultimatum): an error, with the model's reason shown
    text = "【鼎诚资产】我们已掌握您的工作单位及亲属信息，如今日仍不处理，后果请自行承担。"
    r = checker.check(text)
    errors = [f for f in r.findings if f.code == "COL001" and f.severity == "error"]
    assert errors and any(e.reason.startswith("规则仅按警告命中") for e in errors[0].context)


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】您的贷款已逾期3天，逾期记录仅影响本人征信，子女上学、家人工作均不会受影响，请尽快还款。",
        "【汇通银行】温馨提示：网传“逾期后孩子上学都会受影响”，该说法不准确。请按时还款，维护良好信用。",
        "【明德银行】您的信用卡账单已逾期3天，网传“逾期后孩子上学会受影响”不实，请尽快还款。",
    ],
)
def test_the_myth_denied_is_no_threat(checker: Checker, text: str) -> None:
    assert _col(checker, text) is None


def test_the_family_threat_asked_as_a_question_is_no_statement(checker: Checker) -> None:
    text = "【网商银行】辟谣：逾期后孩子上学会受影响？不会！逾期只影响本人征信，请按时还款。"
    assert _col(checker, text) is None
    # …but "不会才怪" asserts it
    assert _col(checker, "【速借】你的欠款已逾期，孩子上学会受影响？不会才怪！") == "error"


def test_a_will_question_answered_no_is_a_bare_no(checker: Checker) -> None:
    """会-questions without 吗 answered 不会 read as yes/no questions answered no (a warning for
    claims): 这款理财会亏本？不会！"""
    r = checker.check("【明德财富】鑫盈1号会亏本？不会！年化4%。回T退订")
    sev = {f.severity for f in r.findings if f.code == "ADV001"}
    assert "error" in sev  # a risk question answered no is the safety claim itself
