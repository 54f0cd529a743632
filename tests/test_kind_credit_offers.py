"""Credit put in front of the recipient unasked is an offer, phrased as an account fact or
not; the same words answering the recipient's own application, or a document generated for
their own loan, are a notice."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize(
    "text",
    [
        "【明禾银行】温馨提示：您名下的个人信用贷款预审批额度为20万元，有效期至12月31日。",
        "【明禾银行】您好，您的账户状态良好，系统已为您生成专属借款额度8万元。",
    ],
)
def test_credit_offered_as_a_fact_is_marketing(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind == "marketing"
    assert {"OPT001", "DIS001"} <= {f.code for f in r.findings if f.severity == "error"}


@pytest.mark.parametrize(
    "text",
    [
        "【明禾银行】您的个人住房贷款已于12月1日全部结清。我行已为您生成贷款结清证明，可登录手机银行下载。",
        "【明禾银行】根据您提交的资料，您的个人经营贷预授信额度为50万元，有效期30天，请在App完成后续申请。",
    ],
)
def test_the_recipients_own_loan_is_no_offer(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind != "marketing"
    assert not [f for f in r.findings if f.severity == "error"]
