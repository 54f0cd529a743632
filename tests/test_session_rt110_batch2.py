"""More classes of rt110's dev third (redteam_session92) and false errors found beside them at
2a18550, in other words: a fraud warning passed on to family is no forwarding inducement (LNK003)
and no third-party collection pressure (COL001), while a forward for a reward still is; an event
named by its topic (理财讲座) sells no product (ADV003); a password asked through a link with its address between
(PRV003), not a button in a payment flow nor the app's own page; a product's benchmark figure
pitched to the recipient after their own event (适合您的…业绩比较基准3.2%) is an offer; a card's
grace period earned by repaying, said plainly (按时全额还款可免息), is the recipient's own terms.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, flagged_codes

WEALTH = "理财非存款，产品有风险，投资须谨慎。"


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        ("【滨川银行】请将本短信转发给身边的亲友，提醒他们谨防冒充公检法诈骗。", "LNK003", False),
        ("【滨川银行】反诈提醒：请分享给好友，凡是索要验证码的都是骗子。", "LNK003", False),
        ("【滨川银行】转发本短信给好友，好友开户您得30元红包，谨防诈骗。回T退订", "LNK003", True),
        ("【滨川银行】开户季火热进行中，快转发给好友吧！认准官方渠道，谨防冒充。回T退订", "LNK003", True),
        (
            "【滨川保险】滨川理财知识讲座：如何识别“高息理财”骗局，周六14:00城东支行，欢迎报名。回T退订",
            "ADV003",
            False,
        ),
        ("【滨川银行】滨川理财讲座：滨川稳享2号业绩比较基准3.1%，欢迎报名。回T退订", "ADV003", True),
        (
            "【滨川银行】您的账户存在风险，请点击 http://bchuan-verify.cn 并输入取款密码完成核验。",
            "PRV003",
            True,
        ),
        ("【滨川银行】点击“确认支付”后输入支付密码即可完成付款。", "PRV003", False),
        ("【滨川银行】请在手机银行转账页面输入支付密码完成转账。", "PRV003", False),
        (
            f"【滨川银行】您的风险测评已更新为平衡型，适合您的滨川稳盈3号业绩比较基准3.4%。{WEALTH}",
            "OPT001",
            True,
        ),
        # a card's grace earned by repaying, said plainly (c108)
        (
            "【滨川银行】您本期已选择最低还款，剩余部分按日利率万分之五计息，按时全额还款即可免息。",
            "OPT001",
            False,
        ),
        ("【滨川消金】首笔借款按时还款可免息，立即申请！年化利率（单利）12%起。回T退订", "OPT001", False),
    ],
)
def test_classes(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires, text


def test_warning_passed_on_is_no_collection_pressure(checker: Checker) -> None:
    text = "【滨川银行】请将此短信转发给亲友，提醒他们谨防冒充客服诈骗。"
    assert not ({"LNK003", "COL001"} & flagged_codes(checker, text))
