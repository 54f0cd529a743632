"""Credit put in front of the recipient unasked is an offer, phrased as an account fact or
not; the same words answering the recipient's own application, or a document generated for
their own loan, are a notice."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker

CASES = [
    ("【明禾银行】温馨提示：您名下的个人信用贷款预审批额度为20万元，有效期至12月31日。", True),
    ("【明禾银行】您好，您的账户状态良好，系统已为您生成专属借款额度8万元。", True),
    (
        "【明禾银行】您的个人住房贷款已于12月1日全部结清。我行已为您生成贷款结清证明，可登录手机银行下载。",
        False,
    ),
    (
        "【明禾银行】根据您提交的资料，您的个人经营贷预授信额度为50万元，有效期30天，请在App完成后续申请。",
        False,
    ),
]


@pytest.mark.parametrize(("text", "offer"), CASES)
def test_credit_offered_unasked_is_marketing(text: str, offer: bool) -> None:
    r = Checker().check(text)
    errors = {f.code for f in r.findings if f.severity == "error"}
    if offer:  # its missing opt-out and APR are errors
        assert r.kind == "marketing"
        assert {"OPT001", "DIS001"} <= errors
    else:  # the recipient's own loan: nothing to report as an error
        assert r.kind != "marketing"
        assert not errors


def test_a_service_condition_asks_for_a_service_act_unless_the_call_names_a_product() -> None:
    """如需临时额度可登录App申请 after the card's own limit changed asks for a service act of the
    holder's; 如需还款，可申请新客专享快贷 names a product after the call: a sale."""
    checker = Checker()
    notice = checker.check("【明德银行】您的信用卡额度已调整为5万元，如需临时额度可登录App申请。")
    assert notice.kind == "service", notice.kind_reason
    assert notice.verdict == "pass", notice.findings
    sale = checker.check("【明德银行】您的借款本期已还清。如需还款周转，可申请明德新客专享快贷，最高30万。")
    assert sale.kind != "service", sale.kind_reason
