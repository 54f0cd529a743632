"""Classes from the session's writer set c100 (drafts_fresh44) and the rest of rt90, each tested
in other words: superiority said as none better among the peers (全城找不到更低的), an insurer's
payout verb in a covers-everything claim (什么疾病都给付), a bad credit record waved away in other
words (征信有瑕疵也没关系), and third parties about to receive messages about a debt.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【汀兰银行】汀兰消费贷，全市找不出更低的利率了，年化利率（单利）3.6%起。回T退订", "ADV002"),
        ("【汀兰银行】别家没有比这更高的三年期存款利率，2.6%，欢迎到网点办理。回T退订", "ADV002"),
        (
            "【汀兰人寿】汀兰重疾险，哪种疾病都给付，年缴仅需900元。详见 https://www.tinglan-life.com 回T退订",
            "ADV009",
        ),
        ("【汀兰贷】征信有污点也没关系，线上申请当天到账，年化利率12%起。回T退订", "DIS003"),
        ("【汀兰贷】您已逾期15天，您的家人即将收到关于您欠款的核实信息。", "COL001"),
    ],
)
def test_claims_in_new_words(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【汀兰人寿】汀兰重疾险保障100种重疾，合同约定的疾病确诊即给付，详见条款 https://www.tinglan-life.com 回T退订",
            "ADV009",
        ),
        ("【汀兰贷】您的借款已逾期，我们保证您的家人不会收到任何催收信息，请尽快还款。", "COL001"),
        ("【汀兰银行】征信有瑕疵的客户可先查询个人信用报告，了解后再申请。", "DIS003"),
    ],
)
def test_compliant_wordings_stay_clean(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_the_recipients_own_holding_and_its_income_is_a_notice(checker: Checker) -> None:
    # (c101: a money fund's daily income statement carries the fund's risk warning too)
    r = checker.check(
        "【汀兰基金】汀兰货币B今日七日年化收益率1.41%，您所持份额的昨日收益2.08元。基金有风险，投资须谨慎。"
    )
    assert r.kind == "service", r.kind_reason
    assert "OPT001" not in error_codes(checker, r.text)
    promo = checker.check(
        "【汀兰基金】汀兰货币B七日年化收益率2.6%，您持有的收益天天涨，立即申购！基金有风险，投资须谨慎。"
    )
    assert promo.kind == "marketing", promo.kind_reason
