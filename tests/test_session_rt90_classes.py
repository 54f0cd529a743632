"""Classes a code-reading red team (rt90, redteam_session72) found, each tested here in other
words: a link said to be attached at the end (FMT002), a car policy named by the vehicle
(QUA002), the debtor's data or debt published online or in the village (COL001), the
recipient's own order named before a colon (PRO001), a cashback credited to the recipient's own
account (PRO005), a discount allowance called 额度 (DIS001), and two offers read as notices: a
balance called high and pointed at a product, a credit line "arrived" for a new year.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青溪人寿】您的电子发票已开具，下载地址附在文末。", "FMT002"),
        ("【青溪银行】您的年度对账单已生成，访问地址附后。", "FMT002"),
        ("【青溪贷】您的借款逾期90天，我们将在您单位里张贴欠款告示。", "COL001"),
        ("【青溪贷】您已逾期45天，你的个人信息会在平台首页挂出。", "COL001"),
    ],
)
def test_violations_in_new_words(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_car_policy_named_by_the_vehicle(checker_for: Callable[[str | None], Checker]) -> None:
    text = "【明德银行】您的机动车保单下周到期，请留意办理续期手续。"
    assert "QUA002" in error_codes(checker_for("example-bank"), text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青溪证券】您的止损单已触发：目标价6.35元，卖出800股已成交。", "PRO001"),
        ("【青溪证券】您设置的条件单已失效：目标价9.90元未触发，可重新设置。", "PRO001"),
        ("【青溪银行】您尾号0021信用卡本月消费返利12元已入账。", "PRO005"),
        ("【青溪支付】首次绑卡送10元减免额度，限本月使用。回T退订", "DIS001"),
        ("【青溪贷】您的借款已逾期2天，还款渠道已在官网首页公示，请及时还款。", "COL001"),
        ("【青溪证券】您申购的新股中签500股，请于16:00前确保资金账户余额充足，逾期视为放弃认购。", "OPT001"),
    ],
)
def test_notices_stay_clean(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_a_scheme_cannot_borrow_a_receipt_from_another_clause(checker: Checker) -> None:
    text = "【青溪商城】消费返利天天拿，拉好友入会再返，已入账的会员过万。回T退订"
    assert "PRO005" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青溪银行】您的工资账户余额较高，可在月底前锁定五年期定期存款2.3%。",
        "【青溪银行】您的活期余额富余，可在本周五前选择青溪季季存，年利率1.9%。",
        "【青溪消费金融】2027年额度已下发，日利率0.03%。",
        "【青溪消费金融】年终额度已到账，日息万三。",
    ],
)
def test_offers_dressed_as_balance_or_credit_notices_are_not_service(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind != "service", r.kind_reason
    assert r.verdict != "pass"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青溪借】借款年化利率15%，另收技术服务费每月1%，最快10分钟放款。回T退订", "DIS004"),
        ("【青溪借】借款年化利率6%，另需缴纳会员费每月260元（借1万元）。回T退订", "DIS004"),
        (
            "【青溪财富】青溪月月盈年化4.2%，本金万一少一分钱，由我们全额补上。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【青溪融】征信花了也能办，我们在银行有内部熟人帮您过件，年化利率9%起。回T退订", "PRO008"),
    ],
)
def test_costs_guarantees_and_insiders_in_new_words(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青溪借】借款年化利率8%，另收服务费每月0.5%，综合年化成本14%。回T退订", "DIS004"),
        ("【青溪银行】您本期还款少一元，请于今日内补足，以免影响征信。", "ADV001"),
        ("【青溪银行】内部通道系统升级期间暂停审批，敬请谅解。", "PRO008"),
    ],
)
def test_costs_within_the_ceiling_and_debtors_asked_to_pay_stay_clean(
    checker: Checker, text: str, code: str
) -> None:
    assert code not in error_codes(checker, text)


def test_instalments_said_plainly_need_a_lending_licence(
    checker_for: Callable[[str | None], Checker],
) -> None:
    payment = checker_for("example-payment")
    assert "QUA001" in error_codes(payment, "【汇通支付】您的汇通分期本期待还420.00元，请于本月25日前还款。")
    assert "QUA001" not in error_codes(payment, "【汇通支付】您可在汇通支付App偿还信用卡分期账单。")
