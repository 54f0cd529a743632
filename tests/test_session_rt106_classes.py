"""Classes a code-reading red team (rt106, redteam_session88) found in 961b6ec, tested here in
other words.  ADV001: a suitability tier (普通投资者) is no "everyone"; a refusal made 对外 or to
各位客户 is; a fronted group by age with （含） or named by its assessment is suitability.
DIS004: a card instalment named 账单分期还款 is an instalment; 另享 after the rate sets no charge
apart, 分别收取 does; a fee said inside the rate (已包含…, 已折算在内) adds nothing; fees named
with the period after (服务费每月1%), as a share of the amount, with a qualifier before them, or
paid with 支付/缴纳 are read; a denial with a qualifier (未包含分期手续费) is a denial.
LNK003: telling relatives to sign for a gift or warning them of a lure is no inducement;
告知 with a reward is.  PRO006: a product's own terms after the type (季度开放, 活动期间,
优惠申购费率) keep it a product, a column or an assistant is none; the sender's full name or
an ASCII quote before the name still names a product.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import load_settings
from assistant.profile import load_profile
from tests.judgment_asserts import error_codes

WARN = "理财非存款，产品有风险，投资须谨慎。回T退订"
BENCH = "业绩比较基准2.8%（业绩比较基准不代表未来表现和实际收益）"


@pytest.fixture(scope="module")
def bank() -> Checker:
    return Checker(load_settings(), load_profile("knowledge/profiles/example-bank.toml"))


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (f"【沣川银行】不保本的理财产品，本行不向一般投资者销售。沣川安盈年化2.7%。{WARN}", False),
        (f"【沣川银行】80周岁（含）以上客户，不保本的理财本行一律不推荐。沣川安盈年化2.7%。{WARN}", False),
        (f"【沣川银行】评估结果为谨慎型的客户，不保本的理财本行一律不推荐。沣川安盈年化2.7%。{WARN}", False),
        (f"【沣川银行】不保本的理财，本行从不对外销售。沣川安盈年化2.7%。{WARN}", True),
        (f"【沣川银行】不保本的理财，本行一律不向每位客户推荐。沣川安盈年化2.7%。{WARN}", True),
    ],
)
def test_refusals(checker: Checker, text: str, fires: bool) -> None:
    assert ("ADV001" in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("【沣川银行】信用卡账单分期还款，每期手续费0.7%，年化利率（单利）15.1%。回T退订", False),
        ("【沣川银行】账单分期12期，每期手续费0.7%，年化利率（单利）15.1%，另享消费返现。回T退订", False),
        ("【沣川消金】借款年化利率（单利）19%（其中每月服务费0.5%）。回T退订", False),
        ("【沣川消金】借款年化利率（单利）19%，按月收息，月服务费0.5%已算在内。回T退订", False),
        ("【沣川消金】借款年化利率（单利）16%，管理费每月1%。回T退订", True),
        ("【沣川消金】借款年化利率（单利）16%，每月管理费为借款金额的1%。回T退订", True),
        ("【沣川消金】借款年化利率（单利）16%，每月需缴纳管理费1%。回T退订", True),
        (
            "【沣川银行】账单分期12期，每期收取手续费1%，年化利率（单利）16%，手续费和利息分别计收。回T退订",
            True,
        ),
        (
            "【沣川银行】账单分期12期，每期收取手续费1%，年化利率（单利）16%。该利率未包含分期手续费。回T退订",
            True,
        ),
    ],
)
def test_fees(checker: Checker, text: str, fires: bool) -> None:
    assert ("DIS004" in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("【沣川银行】您的积分兑换礼品已发货，请告诉家人帮忙签收礼品。", False),
        ("【沣川银行】防骗提示：请告诉爸妈，上门推销“买保健品送话费”的都别信。", False),
        ("【沣川银行】告知身边的朋友，朋友开户即得30元红包。回T退订", True),
    ],
)
def test_telling(checker: Checker, text: str, fires: bool) -> None:
    assert ("LNK003" in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (f"【明德银行】明德“安泰”理财季度开放申购，{BENCH}。{WARN}", True),
        ("【明德银行】明德“安泰”保险活动期间投保享95折，详询客户经理。回T退订", True),
        (f"【明德银行】明德银行“安泰”理财本周开售，{BENCH}。{WARN}", True),
        (f"【明德银行】明德'安泰'理财本周开售，{BENCH}。{WARN}", True),
        (f"【明德银行】明德《理财早知道》理财专栏本周更新：读懂净值。{WARN}", False),
        (f"【明德银行】明德银行“稳盈1号”理财本周开放，{BENCH}。{WARN}", False),
    ],
)
def test_quoted_names(bank: Checker, text: str, fires: bool) -> None:
    assert ("PRO006" in error_codes(bank, text)) is fires


def test_fee_period_words_are_the_periods_annualised() -> None:
    """Every period word a fee pattern reads has its count of periods a year."""
    from assistant.checker.detectors import borrowing

    assert set(borrowing._PERIODS.split("|")) == set(borrowing._FEE_PERIODS)
