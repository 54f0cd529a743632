"""Mechanisms from development failures, tests in new words: a credit check waived in other
verbs (审批不卡征信), insurance pressure by a likely rise or a dated withdrawal with 将, and a money
fund's income per 10,000 units said per day and in words (每万份日收益约三块五)."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


def _codes(checker: Checker, text: str) -> dict[str, str]:
    return {f.code: f.severity for f in checker.check(text).findings}


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("【速达车贷】首付低、审批快，负债不审，年化利率（单利）7.9%起。回T退订", "DIS003", "error"),
        ("【速达车贷】信用记录不限，年化利率（单利）7.9%起。回T退订", "DIS003", "error"),
        ("【速达车贷】贷款审批需查询您的征信报告，年化利率（单利）7.9%起。回T退订", "DIS003", None),
        ("【平和财险】明年起车险保费或将上调，趁着年底前续保更划算。回T退订", "ADV007", "error"),
        ("【平和财险】平和意外险1月15日起将停售，现在投保每年仅需59元。回T退订", "ADV007", "error"),
        ("【平和财险】根据监管通知，明年部分车型保费可能上调，具体以续保报价为准。回T退订", "ADV007", None),
        ("【禾丰基金】禾丰现金宝每万份日收益约四块二，详询95510。投资有风险。回T退订", "PRO007", "error"),
        ("【禾丰基金】禾丰现金宝每万份日收益0.48元，详询95510。投资有风险。回T退订", "PRO007", None),
    ],
)
def test_waivers_pressure_and_income_in_other_words(
    checker: Checker, text: str, code: str, expected: str | None
) -> None:
    assert _codes(checker, text).get(code) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a condition to meet (并成功, 成功您可得) is no event the clause reports
        ("【速借花】推荐同事注册并成功提现，每推荐1人奖励30元现金！年化利率(单利)10%-24%。回T退订", "LNK003"),
        ("【速借花】专属邀请码SJ2231，好友借款成功你可获30元现金，年化利率(单利)10%起。回T退订", "LNK003"),
        # a fixed payout with the sum paid in returned in full
        ("【福寿颐养】“孝心储备计划”入会即享每月固定回报，五年期满本金如数退还。回T退订", "PRO005"),
    ],
)
def test_conditions_and_fixed_payouts_are_read(checker: Checker, text: str, code: str) -> None:
    assert _codes(checker, text).get(code) == "error"


def test_a_policys_own_maturity_terms_are_no_fundraising(checker: Checker) -> None:
    text = "【安泰人寿】安泰两全保险，每年领取生存金，满期返还已交保费，详见条款。回T退订"
    assert "PRO005" not in _codes(checker, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "【Harbor Wealth】Harbor Income Plus yields 11% per annum, from CNY 50,000. 投资有风险。回T退订",
            "error",
        ),
        (
            "【Harbor Wealth】Harbor Income Plus: 1.2% monthly return, from CNY 50,000. 投资有风险。回T退订",
            "error",
        ),
        ("【Harbor Wealth】Harbor Balanced Fund: 14% annualized volatility. 投资有风险。回T退订", None),
        ("【Harbor Sec】Margin financing rate 8.6% per annum, charged daily.", None),
        ("【QuickLend】Need cash? Personal loans at 18% APR. 回T退订", None),
    ],
)
def test_rates_in_english(checker: Checker, text: str, expected: str | None) -> None:
    assert _codes(checker, text).get("PRO007") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "【禾丰财富】禾丰稳利，5万元起，180天后可拿回52,800元。理财非存款，产品有风险，投资须谨慎。回T退订",
            "error",
        ),
        ("【禾丰财富】禾丰稳利，两万块一年到手两千四。理财非存款，产品有风险，投资须谨慎。回T退订", "error"),
        ("【禾丰财富】禾丰稳利，一万块一年到手两百五。理财非存款，产品有风险，投资须谨慎。回T退订", None),
        ("【速借】借2万，12个月后还款22,400元，年化利率（单利）12%。回T退订", None),
    ],
)
def test_money_back_over_a_term_is_a_rate(checker: Checker, text: str, expected: str | None) -> None:
    assert _codes(checker, text).get("PRO007") == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【某资产】Your loan of RMB 6,300 is 45 days overdue. We will be contacting your family tomorrow.",
            "COL001",
        ),
        ("【某消费金融】Cash in minutes, guaranteed approval! 年化利率9%-24%。回T退订", "DIS003"),
        ("【某人寿】Our accident plan gets dearer soon - lock in today's price now. 回T退订", "ADV007"),
    ],
)
def test_threats_inducements_and_pressure_in_english(checker: Checker, text: str, code: str) -> None:
    assert code in _codes(checker, text)
