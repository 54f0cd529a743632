"""Classes a code-reading red team (rt102, redteam_session84) found in this session's fourth
and fifth commits, tested here in other words: a fee "in" a total with no rate named, a 由
that opens something else, an instalment's fee annualised after it; a total after a boost;
a market's move; 告诉 and a screenshot saved; yes/no
worries (是否), sayings ending on the claim, 这在…是标配 at the sender's, salutations before a
refusal; a loan's own rate after a contact line, 申请通过后, a pitch's premium terms.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import load_settings
from tests.judgment_asserts import error_codes, flagged_codes

WARN = "理财非存款，产品有风险，投资须谨慎。回T退订"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_settings())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青川借】借款年化利率（单利）15%，每月另收管理费1.6%，已纳入综合成本。回T退订", "DIS004"),
        (
            "【青川借】本借款由青川小贷发放，年化利率（单利）15%，每月收取服务费1.6%，不构成要约。回T退订",
            "DIS004",
        ),
        (f"【青川理财】您是否担心青川安享不保本？大可放心！年化4.3%。{WARN}", "ADV001"),
        (f"【青川理财】有人说青川安享不保本，那都是外行。年化4.3%。{WARN}", "ADV001"),
        (f"【青川理财】别家给不了保本保息，这在青川安享是标配。年化4.3%。{WARN}", "ADV001"),
        (f"【青川理财】尊敬的客户，不保本的理财我们一款都不卖，青川安享年化4.3%。{WARN}", "ADV001"),
        (f"【青川理财】青川安享不保本？怎么会！年化4.3%。{WARN}", "ADV001"),
    ],
)
def test_still_caught(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青川银行】本次消费分期共6期，收取手续费月费率0.6%，年化利率（单利）12.9%。回T退订", "DIS004"),
        (f"【青川理财】青川安享年化4.1%，使用加息券后可达4.6%。{WARN}", "PRO007"),
        (f"【青川理财】青川安享年化4.1%，新客加息至4.7%。{WARN}", "PRO007"),
        ("【青川证券】投资者教育：科创板个股单日涨跌幅限制为20%，请理性交易。", "PRO007"),
        ("【青川银行】电信诈骗高发，请把防骗知识告诉身边的亲友。", "LNK003"),
        ("【青川银行】您的兑换券已发放，可截屏保存，到店出示即可领取。", "LNK003"),
    ],
)
def test_no_false_finding(checker: Checker, text: str, code: str) -> None:
    assert code not in flagged_codes(checker, text)


def test_own_loan_rate_after_a_contact_line_is_no_pitch(checker: Checker) -> None:
    result = checker.check("【青川银行】您的青川快贷已放款8万元，欢迎咨询95521，年化利率（单利）3.9%。")
    assert result.kind != "marketing", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【青川借】您的借款申请审核通过后，额度最高20万元，可随时提现，随借随还。",
        "【青川保险】青川少儿教育金保险，每年交6000元，保至18岁，首期保费将于投保成功后扣款。",
        "【青川银行】您的账单已出，应还2,800元，还款日6月5日，资金紧张可以考虑账单分期。",
    ],
)
def test_pitch_is_not_silently_a_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # (rt103) a boost's size or ceiling is the boost, stacked on the rate
        (f"【青川理财】青川安享年化5.1%，新客加息幅度为3.5%。{WARN}", "PRO007"),
        (f"【青川理财】青川安享年化5.1%，新客加息最高可达3.5%。{WARN}", "PRO007"),
        # a screenshot sent to friends for a reward, a friend told with one
    ],
)
def test_rt103_gaps_caught(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青川借】借款综合年化成本（单利）19%，由13%的年利率和每月服务费0.5%构成。回T退订", "DIS004"),
        (
            "【青川借】借款年化利率（单利）19%，每月收取服务费0.5%，已计入上述年化利率。红包不计入借款本金。回T退订",
            "DIS004",
        ),
        (f"【青川理财】70岁以上的客户，不保本的产品我们一律不推荐。{WARN}", "ADV001"),
        (f"【青川理财】净值型理财不承诺保本，这在所有银行都是标配。{WARN}", "ADV001"),
    ],
)
def test_rt103_no_false_error(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青川银行】现金分期最长12期，每期收取手续费0.9%，与年化利率（单利）15%分开计收。回T退订",
        "【青川银行】账单分期每期另按年化利率（单利）15%计收利息，每期收取手续费0.9%。回T退订",
    ],
)
def test_instalment_fee_set_apart_from_the_rate_is_added(checker: Checker, text: str) -> None:
    assert "DIS004" in error_codes(checker, text)
