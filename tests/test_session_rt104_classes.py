"""Classes a code-reading red team (rt104, redteam_session86) found in 8c15c9d, tested here in
other words: customer words before a refusal no longer hide the claim it makes (only a
condition on the customer is suitability); a boost after a 后 or a 至 elsewhere is still a
boost, a total is at least the base; an instalment fee is the annualised cost only when the
rate can hold it and nothing before the rate sets it apart; 您也有 only with the reward named;
a screenshot to customer service or a tip told to neighbours is no sharing for a reward;
quoted product names followed by 产品 or 服务 words are products.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import load_settings
from assistant.profile import load_profile
from tests.judgment_asserts import error_codes

WARN = "理财非存款，产品有风险，投资须谨慎。回T退订"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_settings())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"【曲江理财】各位投资者朋友，不保本的理财我们一律不卖，曲江安盈年化4.2%。{WARN}", "ADV001"),
        (f"【曲江理财】感谢老客户信赖，不保本的理财我们一只都不上架，曲江安盈年化4.2%。{WARN}", "ADV001"),
        (f"【曲江理财】曲江安盈年化5.1%，注册后再加息3.5%。{WARN}", "PRO007"),
        ("【曲江银行】账单分期每期收取手续费1.5%，年化利率（单利）12%。回T退订", "DIS004"),
        ("【曲江借】借款年化利率（单利）17%，每月收取服务费1%，已计入上述综合成本。回T退订", "DIS004"),
    ],
)
def test_still_caught(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"【曲江理财】曲江安盈年化4.6%，叠加加息券一起共7.6%。{WARN}", "PRO007"),
        (
            "【曲江银行】账单分期每期收取手续费0.6%，年化利率（单利）约为13.2%，不另收其他费用。回T退订",
            "DIS004",
        ),
        ("【曲江银行】家人办卡请本人到场，您也有相关问题可致电95521咨询。", "LNK003"),
        ("【曲江银行】若活动红包未到账，请截屏给在线客服，核实后补发。", "LNK003"),
    ],
)
def test_no_false_error(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        f"【明德银行】明德“瑞享”产品今日开售，业绩比较基准3.3%（业绩比较基准不代表未来表现和实际收益）。{WARN}",
        f"【明德银行】明德“瑞享”理财服务尊享款今日开售，业绩比较基准3.3%（业绩比较基准不代表未来表现和实际收益）。{WARN}",
    ],
)
def test_quoted_unlisted_product_is_reported(text: str) -> None:
    bank = Checker(load_settings(), load_profile("knowledge/profiles/example-bank.toml"))
    assert "PRO006" in error_codes(bank, text)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # (rt105) a boost's size or ceiling is a boost; a total needs 后/至/共 or 年化可达 before it
        (f"【曲江理财】曲江安盈年化4.1%，新客加息幅度为4.2%。{WARN}", True),
        (f"【曲江理财】曲江安盈年化4.1%，首月再加息可达4.2%。{WARN}", True),
        (f"【曲江理财】曲江安盈年化4.1%，使用加息券后实际年化4.9%。{WARN}", False),
        (f"【曲江理财】曲江安盈年化4.1%，叠加加息券年化可达4.9%。{WARN}", False),
    ],
)
def test_boost_or_total(checker: Checker, text: str, fires: bool) -> None:
    assert ("PRO007" in error_codes(checker, text)) is fires


def test_reward_named_as_a_surprise(checker: Checker) -> None:
    assert "LNK003" in error_codes(checker, "【曲江银行】好友来开户，您也有一份好礼。回T退订")
