"""A product named with its return or price in a clause of its own (国债逆回购年化约2%, 商户贷最高50万，
日息万2.5) is on offer even after a notice's clause; the recipient's own loan, holding or a
published rate change with its figure is not (kind_offer_patterns product-figure and
credit-ceiling, read with not_in_clause_with / not_in_sentence_with).  Cases written first."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.checker.rulespec import context_lexicon_problems, load_context_lexicon
from tests.judgment_asserts import assert_service_pass

OFFERS_AFTER_A_NOTICE = [
    "【鼎盛证券】您的资金账户有闲置资金12,300元，国债逆回购年化约2%，可在交易软件操作。",
    "【鼎盛支付】您的商户收款已结算，申请鼎盛商户贷最高50万，日息万2.5。",
    "【鼎盛银行】您的工资已到账，鼎盛宝七日年化2.1%，随存随取。",
    "【鼎盛消费金融】您的还款已完成，鼎盛快贷最高可借20万，年化利率7.2%起。",
    # a crediting rate offered, credit eligibility granted (crediting-rate, credit-eligibility)
    "【鼎盛保险】您的保单即将满期，满期金可直接转入鼎盛金账户，年化结算利率3.5%。",
    "【鼎盛银行】您的工资卡已开通“薪享贷”资格，可随时登录手机银行查看额度。",
    # a switch into another fund offered to a holder (product-buyable: 可转换至…)
    "【鼎盛基金】您持有的鼎盛货币A收益率走低，可转换至鼎盛短债，近一年收益3.5%。",
]

OWN_FIGURES = [
    "【长青人寿】您申请的保单贷款8,000.00元已发放至尾号4471账户，贷款年利率5.0%，期限6个月。",
    "【鼎盛消费金融】您的借款已放款，年化利率（单利）14.4%，首期还款日1月10日。",
    "【鼎盛理财】您持有的鼎盛现金宝昨日收益1.23元，七日年化1.52%。",
    "【鼎盛银行】您的信用卡额度已调整为5万元，即日生效。",
    "【鼎盛保险】您的万能账户12月结算利率为3.5%，账户价值可在App查询。",
    "【鼎盛银行】您已还清全部贷款，贷款资格已注销。",
    # a fund's own operations, an allowance held with its count used
    "【鼎盛基金】鼎盛货币A将于12月31日进行收益结转，届时份额增加，无需操作。",
    "【鼎盛银行】您尾号2233的信用卡本月可享免费洗车1次，已使用0次，有效期至月底。",
]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize("text", OFFERS_AFTER_A_NOTICE)
def test_product_with_its_figure_is_never_a_passing_notice(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind != "service", r.kind_reason
    assert r.verdict != "pass"


@pytest.mark.parametrize("text", OWN_FIGURES)
def test_own_figures_stay_notices(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


def test_own_credit_ceiling_is_a_notice_for_review(checker: Checker) -> None:
    # the recipient's own line with a ceiling: a notice (its 最高 is reviewed as a limit, ADV002)
    r = checker.check("【鼎盛银行】您的信用卡额度已调整，当前额度最高可用5万元。")
    assert r.kind == "service", r.kind_reason


def test_clause_exclusions_are_a_known_key() -> None:
    data = dict(load_context_lexicon())
    offers = [dict(o) for o in data["kind_offer_patterns"]]
    offers[0]["not_in_clause_wiht"] = ["您"]
    data["kind_offer_patterns"] = offers
    assert any("not_in_clause_wiht" in p for p in context_lexicon_problems(data))
