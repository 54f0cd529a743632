"""Classes a code-reading red team (rt108, redteam_session90) found in 0d4fd3e, tested here in
other words.  Kind: weak evidence is a notice's only in an education or reminder frame (a named
product with its warning and nothing else is a promotion).  LNK003: 您得 meaning "you must"
is no reward; a gift offered (礼品相送) is; a number entered without 的.  ADV001: 普通/一般/个人
客户 are the public; naming every tier is no suitability; 如数退回 is a promise.  DIS004: 不含逾期
费用 leaves an instalment's fee its cost; 现金分期还款 is a loan; a breakdown after 其中 or 含 adds
nothing; 服务费1%/月 is a fee.  PRO006: campaigns and pages are no products.  PRO007: a share
class with 份额 is a fund; a heading's 今日 is no day's move when a longer period is stated;
a watched fund is pushed, not held; payouts counted in years convert; cash plus points is cash.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import load_settings
from assistant.profile import load_profile
from tests.judgment_asserts import FUND, WEALTH, error_codes


def test_named_product_with_its_warning_is_a_promotion(checker: Checker) -> None:
    result = checker.check("【渝川人寿】渝川安康重疾保险，守护全家健康。保险产品非存款，投保须谨慎。")
    assert result.kind == "marketing"
    assert any(f.code == "OPT001" and f.severity == "error" for f in result.findings)


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        ("【渝川银行】温馨提示：子女帮您开通手机银行后，您得及时修改登录密码。", "LNK003", False),
        ("【渝川银行】亲戚办卡需本人到场，您得提前预约网点。", "LNK003", False),
        ("【渝川银行】讲给亲人听，亲人开户成功还有精美礼品相送。回T退订", "LNK003", True),
        ("【渝川银行】说给家人听，家人来开户奖励30元话费。回T退订", "LNK003", True),
        ("【渝川银行】请告诉家人，本行不会以奖励为由索要验证码。", "LNK003", False),
        ("【渝川银行】新用户注册时输入您手机号，您即可获得30元奖励。回T退订", "LNK003", True),
        (f"【渝川银行】不保本的理财，本行从不向普通客户销售。渝川安盈年化2.6%。{WEALTH}", "ADV001", True),
        (f"【渝川银行】不保本的理财，本行一律不向个人客户销售。渝川安盈年化2.6%。{WEALTH}", "ADV001", True),
        (
            f"【渝川银行】不保本的理财，不论普通投资者还是专业投资者，本行一律不销售。渝川安盈年化2.6%。{WEALTH}",
            "ADV001",
            True,
        ),
        (f"【渝川银行】渝川安盈理财，到期本金足额退回。{WEALTH}", "ADV001", True),
        (
            "【渝川银行】账单分期12期，每期手续费0.75%，年化利率（单利）16.2%，不含逾期费用。回T退订",
            "DIS004",
            False,
        ),
        ("【渝川消金】借款每月手续费1%，年化利率（单利）15%，可办理现金分期还款。回T退订", "DIS004", True),
        (
            "【渝川消金】信用贷综合年化成本（单利）21%，其中年利率15%、管理费每月0.5%。回T退订",
            "DIS004",
            False,
        ),
        ("【渝川消金】信用贷年化利率（单利）21%，含利息及管理费每月0.5%。回T退订", "DIS004", False),
        ("【渝川消金】信用贷年化利率（单利）16%，管理费1%/月。回T退订", "DIS004", True),
        (f"【渝川基金】渝川成长混合C类份额过去一年涨幅33%。{FUND}", "PRO007", True),
        (f"【渝川基金】本周主推：渝川成长混合近一年涨幅33%。{FUND}", "PRO007", True),
        (f"【渝川基金】您关注的渝川成长混合，近一年收益率33%，申购费1折。{FUND}", "PRO007", True),
        (f"【渝川银行】投资20万元，每月返还2000元，连续返还10年。{WEALTH}", "PRO007", True),
        (f"【渝川银行】存入20万元，每月收益2000元另加积分。{WEALTH}", "PRO007", True),
    ],
)
def test_rt108_classes(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires


@pytest.mark.parametrize(
    "text",
    [
        f"【明德银行】明德“丰收”理财优惠活动本月进行中，详询网点。{WEALTH}",
        f"【明德银行】请登录明德银行“手机银行”理财页面查看明德稳盈1号。{WEALTH}",
    ],
)
def test_campaigns_and_pages_are_no_products(text: str) -> None:
    bank = Checker(load_settings(), load_profile("knowledge/profiles/example-bank.toml"))
    assert "PRO006" not in error_codes(bank, text)
