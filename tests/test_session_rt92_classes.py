"""Classes a code-reading red team (rt92, redteam_session74) found in this session's own new
exemptions, each tested here in other words: rhetorical negations (何尝不是, 无一不是) that the
negation bridge must not read as denials; a modal negation inside a relative clause (做不到…的产品
我们不卖); a denial made good after a full stop or by a product whose name holds 无, but not by a
fronted object (专业服务我们能保证); a push after a caution word (请多加小心别错过); 所谓…无非;
own-order frames planted before a tip; a product exempted from its warning by name; eligibility
notes, app menus, phone lines, IDs handed to a teller, FX quotas and card overpayments that the
new rules must leave alone; guides posted online that name no debtor.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州财富】汀州安盈难道不是一种保本的理财吗？年化4.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】汀州旗下理财无一不是零风险，汀州安盈年化4.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】没办法保本的理财我们一款都不卖，汀州安盈年化4.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】别家无法保证的保本保息。汀州安盈兑现了！年化4.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】别家无法承诺的保本保息，汀州无忧宝做到了，年化4.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】稳赚不赔的汀州安盈限时发售，要留心别错过，年化4.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【汀州证券】汀州收益凭证发行，所谓理财无非就是零风险，年化4%。投资有风险。回T退订", "ADV001"),
        ("【汀州投顾】您的条件单已就绪：目标价21元，某某科技下周有望涨停。回T退订", "PRO001"),
        ("【汀州基金】汀州短债A今日开售，业绩比较基准3%。基金有风险（汀州短债A除外）。回T退订", "ADV003"),
    ],
)
def test_new_exemptions_do_not_hide_a_violation(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州基金】我们无法保证收益，专业的投研服务我们能保证。汀州成长今日开售。基金有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【汀州银行】目前银行理财是没法保本的。理财非存款，产品有风险，投资须谨慎。回T退订", "ADV001"),
        ("【汀州银行】本行不提供亏损补偿或保本承诺。理财非存款，产品有风险，投资须谨慎。回T退订", "ADV001"),
        (
            "【汀州基金】汀州中证500指数今日开放申购。基金有风险，投资须谨慎。本基金是指数型基金。回T退订",
            "ADV003",
        ),
        (
            "【汀州基金】汀州港股通ETF今日上市。基金有风险，投资须谨慎。港股通交易仅对符合条件的投资者开放。回T退订",
            "ADV003",
        ),
        ("【汀州银行】您的医保电子凭证已激活，查询入口见下方菜单“医疗”，请登录App使用。", "FMT002"),
        ("【汀州人寿】您的保全申请已受理。如需人工服务，通道附在文末。客服电话：95511", "FMT002"),
        ("【汀州银行】您预约的大额取款已受理，请准备好取款密码，到网点后将身份证交给柜员办理。", "PRV003"),
        ("【汀州贷】您的借款已逾期，还款指南已在公众号和官网首页挂出，可随时查阅。", "COL001"),
    ],
)
def test_new_rules_leave_notices_alone(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【汀州银行】您的2027年度购汇便利化额度已生效，可在手机银行办理购汇。",
        "【汀州银行】您尾号3321信用卡溢缴款余额较多，如需可转存至本人借记卡。",
    ],
)
def test_quota_and_overpayment_notices_stay_notices(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
