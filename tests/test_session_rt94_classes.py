"""Classes a code-reading red team (rt94, redteam_session76) found in this session's diff,
tested here in other words: rhetorical negations with a modal or a quantifier (怎么可能不, 岂能不,
没有一款不是), sales refused without a negated verb (已全部下架), denials made good by 我们敢 or
就可以 but not by 这一点能保证, suitability refusals, tips in the sentence after an order frame but
not 建议登录 or 已自动加仓, ADV003 types exempted by name and funds likened to deposits, fees per
instalment or per month after the amount, fees that are others' or a scammer's, 包含 that is not
the cost, app sections and phone lines for FMT002, and receipts with 推荐 that recruit nobody.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, flagged_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州财富】汀州安盈哪能不保本？到期本息一次返还。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】我们在售的理财，没有一款不是保本的，年化3.6%起。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】不保本的产品我们已全部下架，汀州安盈年化4%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】别家没法保证本金，汀州安盈就可以！年化4%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州基金】汀州货币C七日年化1.8%。基金有风险，投资须谨慎，不过本基金和存款差不多。回T退订",
            "ADV003",
        ),
        ("【汀州借】汀州快贷年化利率11%，借2万元每期另收服务费1.2%，分12期还。回T退订", "DIS004"),
        ("【汀州借】汀州快贷年化利率9%，借1万元另收会员费280元/月。回T退订", "DIS004"),
        ("【汀州证券】您的条件单已成交：某某科技，目标价33元。主升浪已经启动，速进直播间。", "PRO001"),
    ],
)
def test_violations_found_by_rt94(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【汀州人寿】温馨提示：不保证收益的投连险，风险承受能力为保守型的客户本公司一律不销售。", "ADV001"),
        (
            "【汀州基金】汀州稳健今日发售，基金无法保证收益，费率一折这一点可以保证。基金有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【汀州证券】您设置的条件单已触发：目标价9.80元，委托已提交，建议登录App查看成交。", "PRO001"),
        ("【汀州证券】您的网格交易已触发：目标价6.20元，已自动加仓300股。", "PRO001"),
        (
            "【汀州基金】汀州增利今日开放认购。基金有风险，投资须谨慎。不用担心错过，认购期延长一周。回T退订",
            "ADV003",
        ),
        (
            "【汀州借】反诈提醒：本司借款年化利率不超过24%，若有人要求另交担保费每月2%方可放款，均为诈骗。",
            "DIS004",
        ),
        ("【汀州借】汀州贷年化利率10%起，零服务费：有的平台另收服务费每月1.5%，我们全免。回T退订", "DIS004"),
        ("【汀州银行】手机银行已升级，缴费入口在下方“生活”板块，更新后即可使用。回T退订", "FMT002"),
    ],
)
def test_compliant_wordings_stay_clean(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_a_fee_beside_an_interest_free_period_is_still_added(checker: Checker) -> None:
    text = "【汀州借】汀州借借款年化利率9.6%，另收服务费每月1.5%，包含30天免息期。回T退订"
    assert "DIS004" in error_codes(checker, text)


def test_a_card_receipt_that_recommends_an_app_is_no_fund_raising(checker: Checker) -> None:
    text = "【汀州银行】您的信用卡本月消费返利19.8元已入账，推荐绑定手机银行查看明细。"
    assert "PRO005" not in flagged_codes(checker, text)
