"""Session of 2026-12-07 from 14:50: judgment classes found on the development halves of two new
independent sets (drafts_fresh143/144) and on the English notices of the development sets.

Each class is tested with its twin: what must now be read one way beside what must still be read
the other, so a later widening or narrowing shows here first.  The sentences are written for these
tests, not taken from the eval sets.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.checker.engine import Checker

BANK = "example-bank"
PAYMENT = "example-payment"


def _codes(checker: Checker, text: str, severity: str | None = None) -> set[str]:
    return {f.code for f in checker.check(text).findings if severity is None or f.severity == severity}


# ----------------------------------------------------------------------------- English notices
@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】Your credit card statement for November is ready. Amount due CNY 2,460.00, due date 25 Dec.",
        "【明德银行】CNY 5,000.00 was debited from your account ending 4417 on 3 Dec for a transfer to ZHANG WEI.",
        "【明德银行】Salary CNY 9,200.00 credited to a/c ending 5521 on 28 Nov.",
        "【明德银行】Your login password was changed on 4 Dec at 21:14. If this wasn't you, call 95588 now.",
        "【明德银行】Your claim no. 88213 has been approved; CNY 2,100 will be paid within 3 working days.",
        "【明德银行】Scam warning: anyone promising guaranteed returns on crypto is a fraudster. Never move money to a 'safe account'.",
        "【明德银行】Phishing alert: fake Mingde apps ask for your card PIN. We never ask for it.",
        "【明德银行】Policy ending 2281: the premium of CNY 3,600.00 will be debited from your card ending 0921 on 1 Jan.",
        "【明德银行】Your loan application is under review. We will text you the result within 2 working days.",
    ],
)
def test_english_notice_is_service(checker_for: Callable[[str | None], Checker], text: str) -> None:
    result = checker_for(BANK).check(text)
    assert result.kind == "service", result.kind_reason
    assert "OPT001" not in {f.code for f in result.findings}


@pytest.mark.parametrize(
    "text",
    [
        # more credit offered on a loan the reader holds is a pitch, never a silent notice
        "【明德银行】Good news for loan ending 3307: you can now draw an extra CNY 30,000 on top of your current loan.",
        "【明德银行】Your loan limit has been raised to CNY 80,000! Draw it now in the app and enjoy 30 days interest-free.",
        "【明德银行】Get a Mingde Platinum card today: airport lounge access and 5% cash back on dining. Apply in the app.",
    ],
)
def test_english_pitch_is_not_service(checker_for: Callable[[str | None], Checker], text: str) -> None:
    result = checker_for(BANK).check(text)
    assert result.kind != "service", result.kind_reason
    assert "OPT001" in {f.code for f in result.findings}


# ----------------------------------------------------------------------------- English rates
@pytest.mark.parametrize(
    "text",
    [
        # a rate spelt "percent" is a rate (the figure gates knew only the % sign)
        "【明德银行】Mingde Income Note: 10 percent interest p.a., paid quarterly, minimum CNY 50,000. 回T退订",
        "【明德银行】Mingde Plus Note pays 1 percent a month, minimum CNY 50,000. Investment involves risk. 回T退订",
        "【明德银行】Mingde Growth Fund returned 18% a year since 2021. Funds involve risk. 回T退订",
        "【明德银行】Earn 10% of your investment every year with Mingde Plus Note. 回T退订",
    ],
)
def test_english_high_return_fires(checker: Checker, text: str) -> None:
    assert "PRO007" in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a share or a comparison, not a rate earned
        "【明德银行】Mingde World Card holders earn 20% more reward points on overseas spend this month. 回T退订",
        "【明德银行】Mingde Critical Illness Plus pays 100% of the sum assured on first diagnosis. 回T退订",
        "【明德银行】Mingde World Card holders earn 20 percent more reward points on overseas spend. 回T退订",
        # something else grew
        "【明德银行】Notice to shareholders: net profit grew 12% a year from 2022 to 2026.",
        "【明德银行】Health tip: hospital bills have grown about 10 percent a year; keep an emergency fund.",
        # warned against
        "【明德银行】Security tip: be wary of anyone promising returns of 20% a year.",
        "【明德银行】Fraud alert: schemes offering 15 percent a year on crypto deposits are scams.",
    ],
)
def test_english_rate_of_something_else_is_quiet(checker: Checker, text: str) -> None:
    assert "PRO007" not in _codes(checker, text)


def test_english_floor_claim_still_fires(checker: Checker) -> None:
    """ "never" is no warning: a floor is a promise (never lower than a target return of 8.5%)."""
    text = "【明德财富】Never lower than a target return of 9.5%, Mingde Steady from CNY 50,000. 回T退订"
    assert "PRO007" in _codes(checker, text)


# ----------------------------------------------------------------------------- app editions, listed names
@pytest.mark.parametrize(
    "text",
    [
        "【汇通支付】汇通支付App新版上线，账单分类更清晰，更新并登录可领2元支付券。回T退订",
        "【汇通支付】汇通支付商户版新功能上线：收款实时提醒，下载地址https://www.huitongpay.com/app 回T退订",
        "【汇通支付】通过汇通支付App还信用卡免手续费，绑定本人信用卡即可使用。回T退订",
    ],
)
def test_app_edition_is_no_product(checker_for: Callable[[str | None], Checker], text: str) -> None:
    assert "PRO006" not in _codes(checker_for(PAYMENT), text)


def test_product_edition_is_still_a_product(checker_for: Callable[[str | None], Checker]) -> None:
    text = "【汇通支付】汇通月月宝尊享版今日开售，七日年化2.1%。回T退订"
    assert "PRO006" in _codes(checker_for(PAYMENT), text)


def test_listed_name_without_brand(checker_for: Callable[[str | None], Checker]) -> None:
    checker = checker_for(BANK)
    listed = "【明德银行】稳盈1号新客体验：业绩比较基准3.0%。理财非存款，产品有风险，投资须谨慎。回T退订"
    other = "【明德银行】稳盈2号新客体验：业绩比较基准3.0%。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "PRO006" not in _codes(checker, listed)
    assert "PRO006" in _codes(checker, other)


def test_next_issue_is_no_name(checker_for: Callable[[str | None], Checker]) -> None:
    text = "【明德银行】您持有的明德稳盈1号将于3月28日到期，到期资金可一键续投新一期，详询95588。"
    assert "PRO006" not in _codes(checker_for(BANK), text)


def test_listed_wealth_product_promoted_without_figure(checker_for: Callable[[str | None], Checker]) -> None:
    checker = checker_for(BANK)
    pitched = "【明德银行】明德月月盈新客体验金已发放至您的账户，12月31日前在APP搜索月月盈使用。回T退订"
    warned = pitched.replace("回T退订", "理财非存款，产品有风险，投资须谨慎。回T退订")
    notice = "【明德银行】您的明德月月盈本月收益已到账，可登录手机银行查看。"
    assert "ADV003" in _codes(checker, pitched, "error")
    assert "ADV003" not in _codes(checker, warned)
    assert "ADV003" not in _codes(checker, notice)


# ----------------------------------------------------------------------------- a quota is not credit
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("【明德银行】王姐，这批三年期大额存单20万元起存，要留额度的话今天给我回个电话。回T退订", False),
        (
            "【明德银行】明德月月盈新一期额度即将告罄，仅剩最后3天！理财非存款，产品有风险，投资须谨慎。回T退订",
            False,
        ),
        # credit offered to deposit and wealth customers is credit
        ("【明德银行】存单客户专享最高30万元额度，急用钱也不愁。回T退订", True),
        ("【明德银行】持有明德理财满3个月，即可开通20万元额度。回T退订", True),
    ],
)
def test_product_quota(checker: Checker, text: str, fires: bool) -> None:
    assert ("DIS001" in _codes(checker, text)) is fires


# ----------------------------------------------------------------------------- a reward set against a bill
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("【明德银行】您本月已获得信用卡消费返现18.80元，将于下期账单抵扣。", "service"),
        ("【明德银行】本月刷卡满1000元返现50元，将于次月账单抵扣。回T退订", "marketing"),
        ("【明德银行】首刷返现100元，将于次月账单抵扣，快来办卡！回T退订", "marketing"),
    ],
)
def test_reward_against_bill(checker: Checker, text: str, kind: str) -> None:
    assert checker.check(text).kind == kind


# ----------------------------------------------------------------------------- warned off after
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("【明德银行】提醒：外汇保证金平台均未获我国批准，请勿参与。", False),
        ("【鑫汇国际】外汇保证金交易，杠杆100倍，请勿错过。回T退订", True),
    ],
)
def test_unlicensed_warned_off(checker: Checker, text: str, fires: bool) -> None:
    assert ("PRO004" in _codes(checker, text)) is fires
