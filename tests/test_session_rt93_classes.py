"""Classes a code-reading red team (rt93, redteam_session75) found in this session's diff,
tested here in other words: fees added to a rate with the period before the charge, fused into
the fee's name or on a principal named as 借款金额; a stated total that already holds the fee,
a fee denied and a term count that names no principal; a shortfall made good a clause later; a
sale refused to what a negation describes (不保本的…一只都不上架) against the disclosure itself
(均为不保本的净值型产品); 谁说…不是; denials through 不见得 / 没有办法 and by identity (不等于零风险);
third parties to be messaged; insiders' favours; waivers and peers in other words; ADV003 warnings
meant for others, a benchmark's definition and 亦不例外; own orders that print a code or hide a tip.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【汀州借】借款年化利率（单利）9%，按月另收技术服务费1.5%，当天放款。回T退订", "DIS004"),
        ("【汀州借】借款年化利率（单利）9%，另收月管理费1.5%，当天放款。回T退订", "DIS004"),
        ("【汀州借】借款年化利率6%，借款金额2万元的，另收会员费每月500元。回T退订", "DIS004"),
        (
            "【汀州财富】汀州季季盈年化4%，本金要是少了，我们全额补给您。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】不保本保息的产品，我们从不代销，汀州安盈年化4.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州财富】谁说汀州安盈不是保本的？年化4.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【汀州贷】您已逾期40天，您的配偶明天就会收到关于您欠款的短信。", "COL001"),
        ("【汀州贷】您已逾期50天，您的逾期信息将发布到我司官方公众号。", "COL001"),
        ("【汀州融】我们有银行内部对接，资料齐全就能批，年化利率8%起。回T退订", "PRO008"),
        ("【汀州融】征信不太好也无所谓，线上申请当天放款，年化利率11%起。回T退订", "DIS003"),
        ("【汀州银行】汀州消费贷，利率低到其他银行都比不上，年化利率（单利）3.4%起。回T退订", "ADV002"),
        ("【汀州基金】汀州纯债C今日开售。基金有风险，这句提示主要针对权益基金投资者。回T退订", "ADV003"),
        ("【汀州投顾】您的条件单已触发：目标价19元，某某电子即将突破，建议加仓。回T退订", "PRO001"),
    ],
)
def test_violations_found_by_rt93(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀州借】借款年化利率（单利）8%，另收担保费每月0.6%，综合年化成本15.2%（已含担保费）。回T退订",
            "DIS004",
        ),
        ("【汀州借】防骗提醒：本公司绝不另收服务费每月2%这类费用，借款年化利率（单利）不超过24%。", "DIS004"),
        (
            "【汀州借】借款年化利率（单利）12%，借24期可选，另收账户管理费每月10元（借款3万元）。回T退订",
            "DIS004",
        ),
        (
            "【汀州银行】本行在售理财均为不保本的净值型产品，请根据风险承受能力选择。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州银行】汀州稳盈为净值型理财，不见得能保证收益，业绩比较基准3%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【汀州银行】投教：低风险不等于零风险，R2级理财净值也可能下跌。理财非存款，产品有风险，投资须谨慎。",
            "ADV001",
        ),
        ("【汀州贷】您的借款已逾期2天，您的家人也不会陆续收到任何催收信息，请尽快还款。", "COL001"),
        ("【汀州贷】您已逾期30天，您的逾期信息将按规定报送征信系统，请尽快还款。", "COL001"),
        (
            "【汀州基金】汀州纯债A今日开售。基金有风险，投资须谨慎。业绩比较基准指的是中债综合类财富指数。回T退订",
            "ADV003",
        ),
        (
            "【汀州基金】汀州纯债A今日开售，业绩比较基准3%。基金有风险，投资须谨慎（纯债A亦不例外）。回T退订",
            "ADV003",
        ),
        ("【汀州证券】您设置的条件单已触发：证券代码000858，目标价150.00元，卖出200股已成交。", "PRO001"),
    ],
)
def test_compliant_wordings_stay_clean(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)
