"""Classes a short code-reading red team of 246f65b (rt113, redteam_session95) found in the last
fixes, tested here in other words: a maturity promise paid 至您的账户 is no reported refund (the refund
group keeps failures and cooling-off only); a claim stands when the next clause refuses something
else (…保本保息的稳健理财，高风险产品本行从来不卖); 风险等级之分/风险事件 dodge no-risk no longer; 例外
after a universal denial excepts the sender, advice to the reader (但您可以…, 只有分散配置才…) does not;
转发有奖 quoted as a lure voids no warning; 登录个人网银页面 is the bank's own page; 本 meaning "this"
(买包包本周末, 外包本月起) is no 包本; 往期利息 is a bond's; 受…监管，依法保护个人信息 backs nothing;
天津泰达结算中心 is a place."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import WEALTH, error_codes


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        (f"【滨川银行】投资滨川稳享5万元，到期一分不少退还至您的账户。{WEALTH}", "ADV001", True),
        ("【滨川银行】您认购的滨川稳享募集失败，认购资金将一分不少退还至您尾号5521的账户。", "ADV001", False),
        (f"【滨川银行】滨川稳享是保本保息的稳健理财，股票类产品本行从来不卖。{WEALTH}", "ADV001", True),
        ("【滨川银行】承诺保本的理财，本行从来不卖，请认准正规渠道。", "ADV001", False),
        (f"【滨川银行】投资滨川稳享，不存在任何风险等级之分，人人放心买。{WEALTH}", "ADV001", True),
        ("【滨川银行】经核查，您的账户没有任何风险交易记录。", "ADV001", False),
        (f"【滨川银行】没有什么理财能做到保本保息，滨川稳享例外。{WEALTH}", "ADV001", True),
        ("【滨川银行】市面上没有任何理财能保本，但您可以选择大额存单。回T退订", "ADV001", False),
        (
            "【滨川银行】谨防诈骗，请把这条提醒转发给家人。骗子常以“转发有奖”为诱饵，切勿相信。",
            "LNK003",
            False,
        ),
        ("【滨川银行】您的U盾证书即将到期，请登录企业网银页面输入U盾密码完成更新。", "PRV003", False),
        ("【滨川银行】持滨川信用卡买包包本周末满1000减100。回T退订", "ADV001", False),
        (f"【滨川银行】滨川零钱包包收益，随存随取。{WEALTH}", "ADV001", True),
        ("【滨川银行】您持有的债券往期利息均按期兑付，本期利息将于5月20日支付。", "ADV001", False),
        ("【滨川消金】本公司受金融监管总局监管，依法保护您的个人信息。", "ADV005", False),
        ("【滨川银行】天津泰达结算中心系统升级，12月3日暂停代发业务。", "PRO003", False),
    ],
)
def test_classes(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires, text


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # a pitch's lead-in before the recipient's own word (最适合您持有的…), and 您持有 with its amount
        (
            "【滨川基金】最适合您持有的滨川成长混合，近三年涨幅88%，现开放申购。基金有风险，投资须谨慎。回T退订",
            "PRO007",
            True,
        ),
        ("【滨川基金】您持有的滨川成长混合近一年收益率31%，详情请查看APP。", "PRO007", False),
        (
            "【滨川银行】您持有2万元三年期储蓄国债已于今日到期，本息合计22200元已转入您的账户。",
            "PRO007",
            False,
        ),
        # a subscription not confirmed, refunded whole
        ("【滨川银行】您的申购未能确认，资金将一分不少退回原账户。", "ADV001", False),
    ],
)
def test_more_classes(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires, text


def test_a_bare_fee_charged_by_its_period_with_an_instruction(checker: Checker) -> None:
    """服务费每月按借款本金的1.2%计收: the period then 按 before the figure (12% + 14.4% a year)."""
    assert "DIS004" in error_codes(
        checker, "【滨川金服】经营贷年化利率（单利）12%，服务费每月按借款本金的1.2%计收。回T退订"
    )
    assert "DIS004" not in error_codes(
        checker, "【滨川金服】经营贷年化利率（单利）12%（已含服务费每月按借款本金的1.2%计收）。回T退订"
    )
