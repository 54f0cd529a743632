"""Classes red teams rt95 (redteam_session77, this session's diff at 56ea10d) and rt96
(redteam_session78, the kind decision) found, tested here in other words: fees charged with a
plain 收取 or per quarter, on the worked example's principal and not the credit limit, a total
that states no figure; one-off fees; warnings taken back for a product named between; promotions'
scope notes; cashback receipts in the next clause and campaign invitations; brand credit owed;
phone lines only in the way in's own clause; suitability refusals after the verb; rhetorical
questions with a negation of their own; anti-fraud lines after an execution report; offers for
the next purchase after a receipt; security warnings that end with a call to borrow.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【汀州借】借款年化利率（单利）10%，按季度收取服务费4.5%，当天放款。回T退订", "DIS004"),
        (
            "【汀州借】最高可借30万元，借款年化利率（单利）10%；以借5000元为例，另收会员费每月120元。回T退订",
            "DIS004",
        ),
        ("【汀州借】借款年化利率（单利）12%，另收服务费每月1.5%，综合成本以合同为准。回T退订", "DIS004"),
        (
            "【汀州基金】基金有风险，投资须谨慎，不过这只纯债基金可以放心持有，近一年收益3.9%。回T退订",
            "ADV003",
        ),
        ("【汀州银行】限时活动报名通道见下方，咨询请拨打95528。回T退订", "FMT002"),
    ],
)
def test_violations_found_by_rt95(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【汀州借】借3000元，年化利率（单利）12%，另收手续费30元月底一次扣除。回T退订", "DIS004"),
        (
            "【汀州基金】参与定投可得积分，基金有风险，投资须谨慎。本活动限本行代销的公募基金，货币基金不在此列。回T退订",
            "ADV003",
        ),
        ("【汀州银行】您的信用卡2月消费返利21元，已于3月6日计入还款账户。", "PRO005"),
        ("【汀州银行】您本月消费返利18元已到账，特邀请您参加周末刷卡节。回T退订", "PRO005"),
        ("【汀州银行】非保本的理财产品，本行一律不销售给风险承受能力为C1的客户。", "ADV001"),
        (
            "【汀州理财】难道不保本的理财就不能配置吗？汀州稳盈为净值型，不保本，风险等级R2。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州证券】您设置的条件单已触发：目标价72元，已成交200股。谨防冒充我司的“荐股”“牛股”诈骗。",
            "PRO001",
        ),
        ("【汀州银行】您的挂失补卡申请已受理，如需加急，客服通道附后：95528转3。", "FMT002"),
    ],
)
def test_compliant_wordings_stay_clean(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_brand_credit_owed_needs_a_lending_licence(checker_for: Callable[[str | None], Checker]) -> None:
    payment = checker_for("example-payment")
    assert "QUA001" in error_codes(payment, "【汇通支付】您的汇通信用付本月账单260元，请按时还款。")
    assert "QUA001" not in error_codes(payment, "【汇通支付】您的物业费分期账单已生成，可在App缴纳。")


@pytest.mark.parametrize(
    "text",
    [
        "【汀州银行】您本次付款成功，金额88.00元。下次用汀州信用卡在超市付款，每单再减8元。",
        "【汀州银行】安全提示：请勿向他人透露验证码。缺钱用就找汀州e贷，手机银行里直接借。",
    ],
)
def test_offers_behind_a_receipt_or_a_security_line_are_not_service(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind != "service", r.kind_reason
