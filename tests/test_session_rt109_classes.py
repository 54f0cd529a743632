"""Classes a code-reading red team (rt109, redteam_session91) found in 7ad1e59, tested here in
other words: 不包含 before a bare fee denies it is inside; 概不 refuses; a routine security tail
(切勿泄露验证码) no longer cancels a reward for telling relatives; 您可获 alone is no referral
reward; a product's terms after its type (季末, 活动时间内, 节假日) keep it a product; payouts are a gain when the sum is refunded too, and a delay (3个月内) is
no count of payouts; 原数退回 is a principal-back promise.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import load_settings
from assistant.profile import load_profile
from tests.judgment_asserts import WEALTH, error_codes

BENCH = "业绩比较基准2.9%（业绩比较基准不代表未来表现和实际收益）"


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        ("【滨川消金】借款年化利率（单利）19%，未包含每月管理费0.5%。回T退订", "DIS004", True),
        (f"【滨川银行】不保本的理财，本行概不销售。滨川安盈年化2.6%。{WEALTH}", "ADV001", True),
        ("【滨川银行】截屏给闺蜜，闺蜜办卡即得红包。切勿向他人透露密码。回T退订", "LNK003", True),
        ("【滨川银行】手机号转账已开通，他人输入您的手机号即可向您转账，您可获到账提醒。", "LNK003", False),
        (
            "【滨川康养】预交20万元成为会员，每月固定返还2000元，连续返还8年，期满会员费全额退还。回T退订",
            "PRO007",
            True,
        ),
        ("【滨川康养】预交20万元成为会员，每月固定返还2000元，首次返还2个月内到账。回T退订", "PRO007", True),
        (f"【滨川银行】滨川理财，到期本金原数退回。{WEALTH}", "ADV001", True),
    ],
)
def test_rt109_classes(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    "text",
    [
        f"【明德银行】明德“安康”理财季末开放申购，{BENCH}。{WEALTH}",
        "【明德银行】明德“安康”基金活动时间内申购费1折。基金有风险，投资须谨慎。回T退订",
    ],
)
def test_product_terms_keep_the_product(text: str) -> None:
    bank = Checker(load_settings(), load_profile("knowledge/profiles/example-bank.toml"))
    assert "PRO006" in error_codes(bank, text)
