"""Session of 2026-12-05 from 09:00: the mechanisms the development thirds of two independent
sets (rt133 collection and lending, rt134 wealth and securities) showed missing, each written
here in words of its own with the compliant wording beside it that must stay quiet.

- a negation inside a condition (今日不办理将上报…): the consequence after 将/就/则 is asserted;
- a denial's list of means (不会以扣车、通知亲友等方式施压): every item is denied;
- a court's measure or a third party's property claimed over a debt (限制出行, 冻结家人财产,
  限制子女入学), and a filing claimed with the debtor's file (卷宗…静候传票);
- instalments set up for the recipient unasked (已为您预约分期…回复Y确认): credit on offer;
- an expert's market forecast and an account opened to ride the market (ADV004, ADV003);
- a guarantee in any words makes a wealth product an investment that needs its warning;
- the public asked to lend to the sender for a return (PRO005), and the warning against it;
- return cues by pinyin initials (nh), as whole Latin words only;
- a product category naming the recipient's holding in a completed event is no promotion.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, found_codes


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


# ----------------------------------------------------------------- negation and its scope
_CONDITION_THREATS = {
    "today-then": "【速e贷】您的借款已逾期，今天不处理明天就通知您的单位。",
    "still-not-then": "【速e贷】借款逾期未还，如仍不结清则通知您的紧急联系人。",
    "tonight-will": "【速e贷】您的欠款已逾期，今晚不还款将上报征信黑名单。",
}
_DENIED_MEANS = {
    "means-with": "【川北车贷】您的车贷已逾期5天，我司不会采取拖车、联系亲属等手段催收，请按时还款。",
    "means-through": "【川北消金】您的借款已逾期，我们不会通过电话轰炸、告知单位等方式施压。",
    # a denied 将-object keeps its scope: the denial is no condition
    "ba-object": "【川北消金】您的借款已逾期，本公司不会将您的欠款信息告知您的家人。",
}


@pytest.mark.parametrize("key", sorted(_CONDITION_THREATS))
def test_a_negation_inside_a_condition_leaves_the_threat_asserted(checker: Checker, key: str) -> None:
    assert "COL001" in error_codes(checker, _CONDITION_THREATS[key]), key


@pytest.mark.parametrize("key", sorted(_DENIED_MEANS))
def test_a_denied_list_of_means_denies_every_item(checker: Checker, key: str) -> None:
    assert "COL001" not in found_codes(checker, _DENIED_MEANS[key]), key


# ------------------------------------------------ court measures and third parties' property
_COURT_CLAIMS = {
    "travel-fact": ("【易借花】你已被限制乘坐高铁，结清欠款后方可恢复。", {"warning", "error"}),
    "family-assets": ("【易借花】你长期拖欠不还，我方将申请查封你父母名下房产。", {"error"}),
    "schooling": ("【易借花】欠款不还将影响子女入学，请今日还款。", {"warning", "error"}),
    "file-filed": ("【易借花法务】您的卷宗已移交司法机关，请静候传票。", {"error"}),
}
_COURT_QUIET = {
    # a myth asked and answered no
    "myth-answered": "【易借花】逾期会影响子女入学吗？不会。逾期仅影响个人征信，请按时还款。",
    # a plain balance notice with the word 未结清
    "balance": "【易借花】您尚有未结清借款，本期应还1,200.00元，请于15日前还款。",
}


@pytest.mark.parametrize("key", sorted(_COURT_CLAIMS))
def test_court_measures_and_third_parties_property_claimed_over_a_debt(checker: Checker, key: str) -> None:
    text, severities = _COURT_CLAIMS[key]
    assert found_codes(checker, text).get("COL001") in severities, key


@pytest.mark.parametrize("key", sorted(_COURT_QUIET))
def test_a_myth_answered_or_a_balance_is_not_a_threat(checker: Checker, key: str) -> None:
    assert "COL001" not in found_codes(checker, _COURT_QUIET[key]), key


# ------------------------------------------------------------- credit set up for the reader
def test_instalments_set_up_unasked_are_credit_on_offer(checker: Checker) -> None:
    text = "【青川银行信用卡】已为您预约现金分期，每期仅需还款300元，回复1确认办理。"
    result = checker.check(text)
    assert result.kind == "marketing", result.kind_reason
    assert {"DIS001", "OPT001"} <= error_codes(checker, text)


def test_instalments_booked_on_the_recipients_application_are_a_notice(checker: Checker) -> None:
    text = "【青川银行信用卡】根据您的申请，已为您办理账单分期12期，首期应还520元。"
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert result.verdict == "pass"


# ------------------------------------------------------------- wealth and securities claims
def test_an_experts_market_forecast_with_an_account_opening_call(checker: Checker) -> None:
    text = "【川北证券】知名分析师王某直播中称：下半年牛市来了，现在抄底正当时。开户即可预约。回T退订"
    assert {"ADV004", "ADV003"} <= error_codes(checker, text)


def test_an_account_opening_without_the_market_is_no_investment(checker: Checker) -> None:
    text = "【川北银行】新开借记卡账户，开户即可享受跨行取款免费。回T退订"
    assert "ADV003" not in found_codes(checker, text)


def test_a_guarantee_in_any_words_needs_the_risk_warning(checker: Checker) -> None:
    text = "【恒信财富】“恒信月月盈”亏了平台全额兜底，放心买。回T退订"
    assert {"ADV001", "ADV003"} <= error_codes(checker, text)


def test_an_insurance_guarantee_is_not_made_an_investment(checker: Checker) -> None:
    text = "【恒信人寿】恒信家财险，水管爆裂等损失按条款赔付，每年98元起，详询95500。回T退订"
    assert "ADV003" not in found_codes(checker, text)


def test_lending_to_the_sender_for_a_return_is_fund_raising(checker: Checker) -> None:
    text = "【川北小贷】闲钱别闲着，借给我们，每月利息1.2%，随时可取。回T退订"
    assert "PRO005" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【川北银行】提醒：切勿把钱出借给所谓高息平台，年化收益30%的多为骗局。",
        "【川北平台】您在本平台出借的本金及收益已全部兑付完毕，感谢支持。",
    ],
)
def test_a_warning_against_lending_or_a_wind_down_report_is_not(checker: Checker, text: str) -> None:
    assert "PRO005" not in found_codes(checker, text)


def test_a_return_cue_by_its_initials(checker: Checker) -> None:
    assert "PRO007" in error_codes(checker, "【川北财富】安盈计划NH 11%，到期还本。回T退订")


@pytest.mark.parametrize(
    "text", ["【川北银行】Enhanced service: transfers 10% faster. 回T退订", "【川北银行】Johnh 10% off"]
)
def test_initials_inside_a_latin_word_are_no_cue(checker: Checker, text: str) -> None:
    assert "PRO007" not in found_codes(checker, text)


def test_the_recipients_holding_in_a_completed_event_is_no_promotion(checker: Checker) -> None:
    text = "【川北基金】您的基金赎回款1,200.00元已到账。回T退订"
    result = checker.check(text)
    assert result.kind != "marketing", result.kind_reason
    assert not error_codes(checker, text)


# ----------------------------------------------------------- a clerk's voice, a debt dragged on
def test_a_clerks_familiar_repayment_reminder_is_a_notice(checker: Checker) -> None:
    text = "【川北农商银行】王叔您好，我是信贷部小张，您这笔经营贷款下月5号到期，记得提前备好钱，有问题直接来支行找我。"
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert result.verdict == "pass", [(f.code, f.severity) for f in result.findings]


def test_a_clerks_pointer_does_not_hide_a_promotion(checker: Checker) -> None:
    text = "【川北银行】有问题直接来网点找我，新客理财年化3.5%。"
    assert {"ADV003", "OPT001"} <= error_codes(checker, text)


def test_a_prison_threat_over_a_debt_dragged_on(checker: Checker) -> None:
    assert "COL001" in error_codes(checker, "【川北小贷】一直拖着不还，就等着坐大牢吧。")


# ---------------------------------------- after a red team of this session's diff (rt135)
def test_an_instalment_matched_by_the_system_is_credit_on_offer(checker: Checker) -> None:
    text = "【青川银行信用卡】系统已为您自动匹配24期消费分期，每月仅还299元，回复1即可开通。"
    assert {"DIS001", "OPT001"} <= error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青川银行】已为您预约下周二办理借款结清手续，请携带身份证前往支行柜台。",
        "【青川银行】您的借款申请已审批通过，系统已为您生成借款合同，请登录App签署。",
        "【青川银行信用卡】您本期账单应还3,200元，最低还款额320元，如暂时不便，仅需还款320元即可保持良好记录。",
    ],
)
def test_a_booked_settlement_a_contract_or_a_minimum_payment_is_a_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert result.verdict == "pass", [(f.code, f.severity) for f in result.findings]


def test_an_expert_forecast_said_after_a_colon(checker: Checker) -> None:
    text = "【川北证券】我司首席策略师直言：明年上半年是布局良机。开户即可预约直播。股市有风险，入市需谨慎。回T退订"
    assert "ADV004" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # an expert warning against the forecast's act
        "【川北证券】投资者教育：分析师表示，行情火热时切勿满仓，更不要借钱炒股。股市有风险，入市需谨慎。",
        # a weather expert's once-in-a-century rain
        "【川北银行】气象专家表示本轮降雨或为百年一遇，受灾贷款客户可申请延期还款，详询95500。",
    ],
)
def test_an_experts_warning_or_a_weather_forecast_is_no_endorsement(checker: Checker, text: str) -> None:
    assert "ADV004" not in error_codes(checker, text)


def test_a_cooperative_taking_members_money_for_interest(checker: Checker) -> None:
    text = "【青禾农民专业合作社】社员可将闲钱借予本社周转，月息1.2分，按季付息。回T退订"
    assert "PRO005" in error_codes(checker, text)


def test_money_lent_to_the_sender_earns_a_return_not_a_loan_rate(checker: Checker) -> None:
    text = "【川北小贷】钱放着也是放着，借给我们，年化11%，每月付息。回T退订"
    assert {"PRO005", "PRO007"} <= error_codes(checker, text)


def test_a_return_cue_in_full_pinyin(checker: Checker) -> None:
    assert "PRO007" in error_codes(
        checker, "【川北财富】安盈计划 nian hua 12个点，季度付息。投资有风险。回T退订"
    )


def test_a_court_measure_claimed_over_a_bill_left_undealt(checker: Checker) -> None:
    text = "【川北法务】您名下欠款长期未处理，身份证已被限制购买高铁票，处理后自动解除。"
    assert found_codes(checker, text).get("COL001") in {"warning", "error"}


def test_a_filing_claimed_with_the_debtors_papers(checker: Checker) -> None:
    text = "【川北法务中心】您的档案材料已移交法院立案，请留意开庭通知。"
    assert "COL001" in error_codes(checker, text)


# ------------------------------------------------------- an investment's risk carried for you
@pytest.mark.parametrize(
    "text",
    [
        "【川北财富】川北季享年化3.9%，投资风险我们替您扛着。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【川北财富】川北季享年化3.9%，亏损川北一肩担。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_an_investments_risk_carried_for_the_reader_is_a_guarantee(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # the reader carries it: a disclosure
        "【川北财富】川北季享为净值型产品，投资风险由您本人承担。理财非存款，产品有风险，投资须谨慎。回T退订",
        # insurance carries risk by nature
        "【川北财险】出门在外的意外风险，川北意外险替您扛，详见条款。回T退订",
        # a denial of carrying it
        "【川北财富】市场有风险，我们不会替您承担任何亏损。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_the_readers_own_risk_insurance_or_a_denial_is_not(checker: Checker, text: str) -> None:
    assert "ADV001" not in error_codes(checker, text)


# --------------------------- offers riding on a notice (after the independent set rt136)
@pytest.mark.parametrize(
    "text",
    [
        # money moved into a product to earn
        "【川北支付】您的钱包余额3,600.00元。余额存入“川北宝”即享每日收益，随用随取。",
        # an activity running beside the card notice
        "【川北银行信用卡】您尾号1180的信用卡本月已消费5笔。年终“消费满额礼”正在火热进行，详见App。",
        # another product offered when the policy ends
        "【川北财险】您的意外险将于1月5日到期且不再续保，可以在App选购其他意外险产品。",
        # a new loan on top of the repayment reminder
        "【川北消金】您的借款本期应还1,800.00元，将于12月8日到期。资金紧张也可再借一笔。",
    ],
)
def test_an_offer_riding_on_a_notice_is_never_a_silent_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason
    assert result.verdict != "pass"


@pytest.mark.parametrize(
    "text",
    [
        "【川北支付】您的工资8,000.00元已转入钱包余额，可随时查看。",
        "【川北财险】您的意外险已于12月1日续保成功，保障期一年，详见App保单页。",
    ],
)
def test_a_transfer_done_or_a_renewal_done_stays_a_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert result.verdict == "pass", [(f.code, f.severity) for f in result.findings]


# ------------------------------------------------ a benefit earned by a condition already met
def test_a_benefit_earned_by_a_condition_already_met_is_a_notice(checker: Checker) -> None:
    text = "【川北银行信用卡】您尾号2046的信用卡今年已达到免年费条件（刷卡满5次），明年年费将自动免除。"
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert result.verdict == "pass", [(f.code, f.severity) for f in result.findings]


@pytest.mark.parametrize(
    "text",
    [
        "【川北银行】您已符合本行优惠条件，可享白金卡首年免年费，立即办理。",
        "【川北银行】您已满足提额条件，点击链接即可申请更高额度。",
    ],
)
def test_a_condition_met_that_invites_an_act_still_offers(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason
    assert result.verdict != "pass"


# ------------------------------------------------- after a red team of the later changes (rt137)
def test_the_carrier_named_first_is_a_guarantee_too(checker: Checker) -> None:
    text = "【川北财富】选川北，我们替您扛下全部投资风险，川北季享年化4.2%，1万元起购。回T退订"
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【川北人寿】您的川北福年年为固定给付型年金保险，投资风险由本公司为您承担，保单利益不受市场波动影响。",
        "【川北财富】川北季享为净值型产品，风险自担，投资风险由持有人承担。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_a_fixed_annuity_or_a_standard_disclosure_is_no_guarantee(checker: Checker, text: str) -> None:
    assert "ADV001" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【川北支付】您设置的“工资自动转入川北宝”已生效，每月10日自动转入，转入后次日即可查看收益。",
        "【川北银行】您本次申购的R4级产品超出您的风险承受能力，交易未成功，建议选择其他风险等级相符的理财产品。",
        "【川北银行信用卡】您尾号5512的信用卡本年度已满足免年费条件（刷卡满6次），次年年费自动免除，无需办理。",
    ],
)
def test_the_recipients_own_arrangement_refusal_or_waiver_is_a_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
