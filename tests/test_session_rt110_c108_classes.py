"""Classes from the dev thirds of rt110 (redteam_session92, a red team of 2a18550) and of c108
(drafts_fresh49, an independent writer's set), tested here in other words: no risk said with a
quantifier (没有一点风险) or as the investor bearing none (不必承担任何亏损); a universal denial
before the claim is one (没有哪款理财是稳赚不赔的), a negation after a quantified noun affirms
(没有一只基金不是稳赚的); a fraud actor named before the sender pivots to its own offer no longer
reports the claim; a return's shortfall made good by the sender; 监管 alone as a backer; an ID
card as the only requirement with the amount in the next clause; claims paid without any
condition; a terms switch or a price rise then a push (ADV007); this message handed to family
for a reward; a bound with 仅需 (年化利率最低仅需3.5%); 第一顺位 as a fixed term; collateral
waived in other words with money to the card; 稳攒不赔; 泰达U.  The guards keep what is lawful.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import WEALTH, error_codes, flagged_codes


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        (f"【滨川银行】滨川稳享2号没有一点风险，业绩比较基准3.0%。{WEALTH}", "ADV001", True),
        (f"【滨川银行】买滨川稳享2号，您不必承担任何亏损。{WEALTH}", "ADV001", True),
        ("【滨川银行】如遇盗刷，您无需承担损失，本行将先行赔付。", "ADV001", False),
        ("【滨川银行】没有哪款理财是稳赚不赔的，请理性投资。", "ADV001", False),
        ("【滨川银行】天下没有任何投资是没有风险的，请理性看待收益。", "ADV001", False),
        (f"【滨川银行】滨川稳享，没有哪款产品比它更稳赚。{WEALTH}", "ADV001", True),
        ("【滨川银行】没有一只基金不是稳赚的，滨川基金更是如此。回T退订", "ADV001", True),
        (f"【滨川银行】别信骗子的高息，就选滨川稳享2号，保本保息。{WEALTH}", "ADV001", True),
        ("【滨川银行】不法分子常冒充客服，承诺保本保息，诱导转账，请提高警惕。", "ADV001", False),
        (f"【滨川银行】滨川稳享2号，收益低于业绩比较基准的部分由我行补足。{WEALTH}", "ADV001", True),
        ("【滨川保险】您的保单保费差额请于6月30日前补足。", "ADV001", False),
        (f"【滨川银行】滨川稳享2号，经监管审核认可，请放心。{WEALTH}", "ADV005", True),
        ("【滨川银行】根据监管要求，经总行批准，本行城东支行将于7月1日迁址。", "ADV005", False),
        ("【滨川消金】只需一张身份证，最高可借8万，年化利率（单利）16%起。回T退订", "DIS003", True),
        ("【滨川人寿】滨川百万医疗，赔付没有任何门槛，详见官网。回T退订", "ADV009", True),
        ("【滨川人寿】滨川年金险下月切换新条款，老产品赶紧上车。回T退订", "ADV007", True),
        ("【滨川人寿】滨川年金险月底费率上调，想锁定现价的请抓紧。回T退订", "ADV007", True),
        ("【滨川人寿】因条款切换，请您尽快登录APP核对个人信息。", "ADV007", False),
        ("【滨川银行】把这条短信给爸妈看看，一起领开户好礼。回T退订", "LNK003", True),
        ("【滨川银行】请把这条短信给家中老人看看，凡说“存款送红包”的都是骗局。", "LNK003", False),
        ("【滨川银行】滨川快贷，年化利率最低仅需3.6%。回T退订", "ADV002", False),
        ("【滨川银行】您的房贷第一顺位抵押登记已办结，权证将寄回。", "ADV002", False),
        ("【滨川助贷】无需抵押无需担保，上午申请下午到卡。回T退订", "PRO008", True),
        ("【滨川基金】滨川纯债，闲钱放这稳攒不亏！基金有风险，投资需谨慎。回T退订", "ADV001", True),
        ("【滨川银行】每月攒一点，积少成多，零存整取年利率1.5%。回T退订", "ADV001", False),
        ("【滨川支付】商户可用泰达U结算，费率0.3%。回T退订", "PRO003", True),
    ],
)
def test_classes(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires, text


def test_rate_bound_with_only_is_at_most_a_warning(checker: Checker) -> None:
    """A bound on the product's own rate is reviewed, never failed (年化利率最低仅需3.6%)."""
    text = "【滨川银行】滨川快贷，年化利率最低仅需3.6%，最高不超过18%。回T退订"
    assert "ADV002" not in error_codes(checker, text)


def test_fixed_term_first_lien_is_not_flagged(checker: Checker) -> None:
    assert "ADV002" not in flagged_codes(checker, "【滨川银行】您的房贷第一顺位抵押登记已办结。")
