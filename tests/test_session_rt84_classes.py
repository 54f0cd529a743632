"""Classes a code-reading red team (rt84, redteam_session66) found in the exemptions of the
session before, each tested here in other words than the red team's cases:

* a context word that only names the yardstick of a comparison (比储蓄国债收益更高, 跑赢
  大额存单) does not lift a claim the way the product itself would;
* a boiler-plate tip (如遇冒名催收请报警) lifts a threat in its own sentence only
  (``term_context_sentence``), and so does a branch visit for a password made ready;
* a claim the refusal leaves out (不对保本以外的收益作保证) is presupposed, not refused;
* a yes/no question answered after an aside, answered yes, or negative and answered no
  asserts the claim; the answer may open with 答：;
* rate forms with a floor before the figure (年化少说也有一分二) and 日均万三;
* a ranking against every peer before 最低 is no factual bound;
* money put in for money back named without an investment word is an investment;
* false errors: a second warning's header, a risk affirmed after its question mark, 打新
  inside 拨打新号码, "if it was not you" lines, a not-yet of the debtor's own, a pledge to
  spare the family, operation notices, losses borne by the investor themselves.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import MINIMAL_RULE, error_codes, flagged_codes


# ----------------------------------------------------------------------------- comparisons
@pytest.mark.parametrize(
    "text",
    [
        "【泰和财富】泰和安盈计划跟凭证式国债一样，由国家信用担保，3万元起购。回T退订",
        "【泰和财富】泰和安盈计划收益胜过储蓄国债，同样有国家信用担保。回T退订",
    ],
)
def test_treasury_named_as_yardstick_lifts_no_state_backing(checker: Checker, text: str) -> None:
    assert "ADV005" in error_codes(checker, text)


def test_treasury_itself_sold_keeps_its_backing(checker: Checker) -> None:
    text = "【泰和银行】本期凭证式国债由国家信用担保，3年期票面利率1.63%，今日起发售。回T退订"
    assert "ADV005" not in flagged_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【泰和财富】泰和安盈理财收益最少4个点，远超定期存款。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【泰和财富】泰和安盈理财，回报至少4.2%，大额存单根本没法比。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_deposit_named_as_yardstick_lifts_no_floor(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


# ----------------------------------------------------------------------------- sentence scope
def test_tip_sentence_does_not_lift_a_threat_elsewhere(checker: Checker) -> None:
    text = "【快易借】您的欠款已逾期90天，我司将在本周移交公安处理。如遇冒名催收，可拨打110报警。"
    assert "COL001" in error_codes(checker, text)


def test_password_made_ready_at_a_counter_is_own_use(checker: Checker) -> None:
    text = "【泰和银行】您预约的销户业务请本人携带身份证并准备好取款密码，到开户网点柜台办理。"
    assert "PRV003" not in flagged_codes(checker, text)
    # a caller's request still fires, though a branch is named in another sentence
    text = "【泰和银行】客户经理稍后与您通话，请提前准备好银行卡密码。其他业务可到网点咨询。"
    assert "PRV003" in error_codes(checker, text)


def test_unknown_sentence_scoped_group_is_rejected() -> None:
    from assistant.checker.rulespec import RuleSpec

    base = {
        **MINIMAL_RULE,
        "terms": ["甲乙"],
        "term_context": {"known": ["丙"]},
    }
    RuleSpec.model_validate({**base, "term_context_sentence": {"known": ["丁"]}})
    with pytest.raises(ValueError, match="term_context_sentence"):
        RuleSpec.model_validate({**base, "term_context_sentence": {"misspelt": ["丁"]}})


# ----------------------------------------------------------------------------- refusals
@pytest.mark.parametrize(
    "text",
    [
        "【泰和财富】本公司不对泰和安盈保本以外的浮动收益做任何保证，5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【泰和财富】泰和安盈除保本保息之外的红利都不在我们的承诺范围内，5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_claim_left_out_of_a_refusal_is_presupposed(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


def test_plain_refusal_still_denies(checker: Checker) -> None:
    text = "【泰和银行】本行不对理财产品的本金和收益作任何保证。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "ADV001" not in flagged_codes(checker, text)


# ----------------------------------------------------------------------------- questions
@pytest.mark.parametrize(
    "text",
    [
        "【泰和财富】泰和安盈会不会亏本？老实说，不会。5万元起购。回T退订",
        "【泰和财富】泰和安盈这款靠不靠谱？绝对靠谱！5万元起购。回T退订",
        "【泰和财富】问：泰和安盈理财到期能不能回本？答：当然能。回T退订",
        "【泰和财富】问：泰和安盈理财到期会不保本吗？答：不会。回T退订",
        "【泰和财富】问：泰和安盈理财用不用担心亏损？答：不用。回T退订",
    ],
)
def test_question_answered_to_assert_safety(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


def test_question_answered_with_the_risk_stays_clean(checker: Checker) -> None:
    text = "【泰和银行】投资者教育：理财产品会不会亏损？会，净值随市场波动，请量力而行。"
    assert "ADV001" not in flagged_codes(checker, text)
    text = "【泰和银行】投资者教育：这只基金稳不稳？不一定，过往业绩不代表未来表现。"
    assert "ADV001" not in flagged_codes(checker, text)


# ----------------------------------------------------------------------------- figures
@pytest.mark.parametrize(
    "text",
    [
        "【泰和财富】泰和安盈年化最少一分二，5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【泰和财富】泰和宝日均万五，1000元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_rate_forms_are_read(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text)


def test_peer_ranked_floor_is_an_absolute_term(checker: Checker) -> None:
    assert "ADV002" in error_codes(
        checker, "【泰和银行】泰和分期手续费全网最低0.3%每期，年化利率10%-16%。回T退订"
    )
    # a fee's own floor stays a fact
    assert "ADV002" not in error_codes(
        checker, "【泰和银行】泰和分期手续费最低0.3%每期，年化利率10%-16%。回T退订"
    )


def test_money_in_for_money_back_is_an_investment(checker: Checker) -> None:
    text = "【颐年会】颐年养老卡一次性交8万，期满全额可退，不赚钱才怪！回T退订"
    assert "ADV001" in error_codes(checker, text)


def test_scorned_warning_warns_of_nothing(checker: Checker) -> None:
    text = "【泰和基金】泰和价值混合今日发售，10元起购。不要被“基金有风险”吓住，我们的经理从没亏过。回T退订"
    assert "ADV003" in error_codes(checker, text)


# ----------------------------------------------------------------------------- false errors
@pytest.mark.parametrize(
    "text",
    [
        "【泰和证券】泰和证券融资融券业务开放办理。股市有风险，风险揭示：远离场外配资。回T退订",
        "【泰和基金】泰和价值混合今日发售。基金有风险？没错，请结合自身风险承受能力谨慎选择。回T退订",
        "【泰和银行】信用卡中心客服号码变更，请拨打新热线95500-8，欢迎办理金卡。回T退订",
    ],
)
def test_compliant_investment_and_card_messages(checker: Checker, text: str) -> None:
    assert not ({"ADV003"} & error_codes(checker, text))


def test_warning_affirmed_then_taken_back_is_void(checker: Checker) -> None:
    text = "【泰和基金】泰和价值混合今日发售。基金有风险？是的，不过专业团队帮您化解。回T退订"
    assert "ADV003" in error_codes(checker, text)


def test_not_me_line_asks_for_no_secret(checker: Checker) -> None:
    text = "【泰和银行】您的支付密码已重置成功，若非本人操作，请马上告知我行客服。"
    assert "PRV003" not in flagged_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【快易借】您的借款已逾期4天，暂时还不上的话我们也不会通知您的同事，请来电协商分期。",
        "【快易借】您的借款已逾期6天。本平台承诺绝不打扰您的亲友，请尽快还款或申请延期。",
    ],
)
def test_privacy_promises_are_no_threat(checker: Checker, text: str) -> None:
    assert "COL001" not in flagged_codes(checker, text)


def test_pending_disclosure_is_still_a_threat(checker: Checker) -> None:
    text = "【快易借】您已逾期40天，暂未通知您的同事，明天再不还款就通知。"
    assert "COL001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【泰和基金】因系统维护，明日9:00前暂停申购和赎回，您的投资本金不受任何影响。",
        "【泰和基金】您持有的泰和价值混合分红方式已变更为红利再投资，不会对您的本金造成影响。",
        "【泰和基金】泰和价值混合今日发售，10元起购。基金有风险，投资须谨慎，投资亏损由投资者自己承担。回T退订",
    ],
)
def test_notices_and_own_losses_are_no_guarantee(checker: Checker, text: str) -> None:
    assert "ADV001" not in flagged_codes(checker, text)


def test_principal_untouched_sold_is_a_guarantee(checker: Checker) -> None:
    text = "【泰和财富】泰和安盈理财，市场再怎么跌，本金都不受任何影响，5万元起购。回T退订"
    assert "ADV001" in error_codes(checker, text)
