"""Classes a code-reading red team (rt97, redteam_session79) found in this session's whole diff
at c0fce86, tested here in other words: caution words that are sales nudges (要小心被抢光), bridged
negations in rhetorical questions and suppositions, existence denials overturned by the sender,
tips after an order frame beside boilerplate warnings, settled debts and app menus elsewhere in the
message, 不含/未含 fees, fees on a rate with no loan word, others' words in another clause, 借1万;
and the compliant side: refusals of something else, negated likenings to deposits, promotions'
scope notes, 资金有望到账, fees already annualised, questions asked or beliefs quoted.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州财富】保本保息的汀州安盈要小心被抢光，年化4.4%，今晚截止。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】汀州安盈年化4.1%，这难道不是一种零风险的好产品？理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】要不是一款保本的产品，我们哪敢推荐给老客户？年化4.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州投顾】您的条件单已触发：目标价31元，某某电子本周有望拉升，认准官方，谨防冒充。回T退订",
            "PRO001",
        ),
        ("【汀州贷】您2月账单已还清，3月账单已逾期25天，您的家人将陆续收到关于您欠款的核实短信。", "COL001"),
        ("【汀州银行】您的积分即将清零，兑换入口附在文末。详情见App首页公告。", "FMT002"),
        ("【汀州借】借款年化利率9%（未含服务费），另收服务费每月1.5%，当天到账。回T退订", "DIS004"),
        ("【汀州借】比同行更省心！年化利率10%，每月另收服务费1.5%，当天到账。回T退订", "DIS004"),
        ("【汀州借】借1万每月另收会员费210元，借款年化利率10%，当天到账。回T退订", "DIS004"),
    ],
)
def test_violations_found_by_rt97(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州银行】汀州稳盈为不保本的净值型产品，本行一律不做刚兑安排。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州银行】汀州稳盈今日发售，业绩比较基准3%。理财非存款，产品有风险，投资须谨慎。理财并不相当于存款。回T退订",
            "ADV003",
        ),
        (
            "【汀州基金】汀州成长今日开售。基金有风险，投资须谨慎。认购费率1折（仅适用于A类份额）。回T退订",
            "ADV003",
        ),
        ("【汀州证券】您的条件单已触发：目标价8.80元，卖出500股已成交，资金有望于今日到账。", "PRO001"),
        ("【汀州银行】信用卡账单分期，每期手续费0.6%，折合年化利率约13%（单利）。回T退订", "DIS004"),
        ("【汀州银行】常有客户问：银行理财怎么会不保本？答：资管新规后理财已全面净值化。", "ADV001"),
    ],
)
def test_compliant_wordings_stay_clean(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)
