"""Classes a code-reading red team (rt101, redteam_session83) found in this session's first
three commits, tested here in other words: why-questions answered, 说 inside 说明书, a saying
about something the claim describes, what is standard in the industry, suitability before a
refusal, 涨幅 of spending or prices, a product reported on as held or its premium debited, a
yield after a contact line, a friend's application; and the rewordings that got past the new
readings (压根不卖, 哪可能不, 别担心, 先花再还, 直接借).
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
        (f"【澄岚银行】为何银行理财不保本？请放心，这是打破刚兑后的统一要求。{WARN}", "ADV001"),
        (f"【澄岚银行】产品说明书写明本产品不保本，不了解风险请勿购买。{WARN}", "ADV001"),
        (f"【澄岚银行】有人认为不保本的理财不值得买，纯属误解，关键看风险匹配。{WARN}", "ADV001"),
        (f"【澄岚银行】净值型理财不承诺保本，这在业内是标配。{WARN}", "ADV001"),
        (f"【澄岚银行】风险测评已过期的客户，不保本的产品我们不卖。{WARN}", "ADV001"),
        ("【澄岚银行】您本月消费金额较上月涨幅达18%，可在App查看账单明细。", "PRO007"),
        ("【澄岚银行】今年以来金价涨幅超过25%，购买金条请认准官方渠道，谨防诈骗。", "PRO007"),
    ],
)
def test_no_false_finding(checker: Checker, text: str, code: str) -> None:
    assert code not in flagged_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"【澄岚理财】不保本的理财，咱压根不卖。澄岚安盈年化4.1%。{WARN}", "ADV001"),
        (f"【澄岚理财】澄岚安盈哪可能不保本，年化4.1%。{WARN}", "ADV001"),
        (f"【澄岚理财】澄岚安盈不保本？没这回事，年化4.1%。{WARN}", "ADV001"),
        (f"【澄岚理财】澄岚安盈不保本？别担心哦。年化4.1%。{WARN}", "ADV001"),
        ("【澄岚支付】澄岚“先用再还”上线，最高2万元，分期慢慢还。回T退订", "DIS001"),
    ],
)
def test_rewording_still_caught(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【澄岚银行】尊敬的客户，澄岚安盈180天，年化业绩比较基准3.1%，该产品已于今日到期，资金将于T+1日到账。",
        "【澄岚人寿】尊敬的客户，养老金保险本年度保费每年交6000元，将于4月1日从尾号5521账户扣款，请留意。",
    ],
)
def test_held_product_reported_is_a_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【澄岚银行】您的定期已到期，本息已到账，欢迎致电95521了解详情，年化最高4.3%。",
        "【澄岚银行】您的好友贷款申请已审核通过，您也可获得额度最高20万元，可随时借款。",
        "【澄岚银行】防诈提醒：贷款不收取任何前期费用。需要用钱就认准澄岚快贷，打开手机银行直接借。",
    ],
)
def test_pitch_beside_a_notice_is_not_silently_a_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason


def test_investment_paid_with_card_points_needs_its_risk_warning(checker: Checker) -> None:
    """A tie between a card and an investment goes to the investment (rt100): the card perk is
    how to pay for what is sold."""
    text = "【澄岚银行】信用卡积分可抵扣认购费！澄岚季季盈年化3.9%，1万元起购。回T退订"
    assert "ADV003" in error_codes(checker, text)
