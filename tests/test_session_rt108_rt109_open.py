"""Classes rt108 and rt109 (redteam_session90/91) left open at 2a18550, tested here in other
words: the recipient's money named as 您的资金 promised back whole (如数奉还, 一分不少); a sale
refused in the sender's own name (不保本的理财，滨川银行从来不卖); a product's price gain named in
the clause before the gain, after a day's word heading a pick (本周精选：), with who gains between
(为持有人带来), after a slogan's 需要 with no 才 after the figure, or after 比如 naming a real product;
a fee per instalment (0.5%/期) or with its rate in the next clause (另有…按月收取，费率0.5%); a
routine fraud footer in its own sentence no longer cancels a reward for telling relatives; a
fraud named by its kind (这是养老诈骗) is a verdict; the recipient's own purchase with a time
before it (您上月买入的) is theirs.  The guards beside each keep the old exemptions.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import FUND, WEALTH, error_codes


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # 您的资金 promised back whole
        (f"【滨川银行】滨川稳享理财，您的资金到期悉数奉还，另有收益。{WEALTH}", "ADV001", True),
        (f"【滨川银行】滨川稳享理财，投入的资金一分不少，年化3.1%。{WEALTH}", "ADV001", True),
        ("【滨川银行】您申购的基金确认失败，您的资金已退还至尾号5521账户。", "ADV001", False),
        ("【滨川银行】系统升级期间您的资金不受影响，请放心。", "ADV001", False),
        # a refusal in the sender's own name
        (f"【滨川银行】不保本的理财，滨川银行一律不卖。滨川稳享年化2.5%。{WEALTH}", "ADV001", True),
        (f"【滨川银行】不保本的理财，滨川向来不销售。{WEALTH}", "ADV001", True),
        (f"【滨川银行】70周岁以上客户，不保本的理财滨川银行一律不推荐。{WEALTH}", "ADV001", False),
        # a product's gain
        (f"【滨川基金】滨川价值混合近两年业绩亮眼，累计上涨62%，欢迎申购。{FUND}", "PRO007", True),
        (f"【滨川基金】本月精选：滨川价值混合累计涨幅62%，欢迎申购。{FUND}", "PRO007", True),
        (f"【滨川基金】滨川价值混合近一年为持有人带来涨幅41%，欢迎申购。{FUND}", "PRO007", True),
        (f"【滨川基金】理财需要眼光：滨川价值混合近三年涨幅88%，欢迎申购。{FUND}", "PRO007", True),
        (f"【滨川基金】长期持有才有回报，比如滨川价值混合近三年涨幅88%。{FUND}", "PRO007", True),
        (
            "【滨川基金】投教：基金净值跌了一半，需要上涨100%才可以回本。基金有风险，投资须谨慎。",
            "PRO007",
            False,
        ),
        ("【滨川基金】投教：比如基金净值由1元涨到1.3元，涨幅30%。基金有风险，投资须谨慎。", "PRO007", False),
        ("【滨川基金】今日半导体板块大涨，相关ETF涨幅9.8%，请理性看待短期波动。", "PRO007", False),
        (f"【滨川基金】沪深300今年以来表现强劲，累计涨幅达20%。{FUND}", "PRO007", False),
        ("【滨川基金】您上月买入的滨川价值混合近一年涨幅41%，可在APP查看持仓。", "PRO007", False),
        # fees per instalment or with the rate in the next clause
        ("【滨川消金】借款年化利率（单利）17%，另收平台服务费0.7%/期。回T退订", "DIS004", True),
        ("【滨川消金】借款年化利率（单利）17%，另有管理费按月收取，费率0.7%。回T退订", "DIS004", True),
        ("【滨川消金】借款年化利率（单利）17%（已含服务费0.7%/期）。回T退订", "DIS004", False),
        # a fraud footer in its own sentence
        ("【滨川银行】把开户礼告诉爸妈，爸妈来网点开户即得60元红包。警惕电信诈骗。回T退订", "LNK003", True),
        ("【滨川银行】请告诉家中长辈：凡说开户即得红包、转账就返现的，都是诈骗。", "LNK003", False),
        # a fraud named by its kind
        (
            "【滨川银行】请转告父母：有人称预存5万元入会每月返还800元，这是养老诈骗，切勿上当。",
            "PRO007",
            False,
        ),
    ],
)
def test_open_classes(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires, text
