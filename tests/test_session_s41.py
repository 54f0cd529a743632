"""Session of 2026-12-05 from 18:15: mechanisms the development third of the red team rt143 and
the refit of both fitted models showed missing, each written here in words of its own with the
wording beside it that must stay quiet.

- a warning that names what a group claims (请远离…号称…的荐股群) counts none of the group's
  words as the sender's offer, and the claim rules cancel them there (the whole group's name,
  not only a claim before 的);
- a rule whose own data cleared its words (PRO008: a licensed lender named beside 无抵押 and
  当天放款) does not ask its fitted model;
- the principal and the gain promised back at maturity (期满可领回本金和收益); a refund is no
  guarantee (募集失败，将退还全部本金);
- a pitch after a notice: 最快 with a product named in its own sentence is no time estimate; a
  rate N points above another (比挂牌利率高0.3个百分点) and selling words said as advice
  (很划算, 随取随用, 撬动) are offers;
- negation scope ends at a consequence (…所以保本保息), 不是只 is "not only", 不用怕亏 waves the
  loss away, 告别低利率 has its object, a worry or its holders dismissed (这份担心没必要, 多半没看过
  合同) assert the claim;
- fixed terms of housing policy and official designations (第一套住房, 家庭唯一住房, 国家级专精特新);
- a history lesson (新规出台前…；如今…) reports, a term held void (…的条款无效) warns;
- the recipient's own portfolio, trust or plan reported (您的投资组合本年收益率, 贵公司企业年金计划).
"""

from __future__ import annotations

from functools import cache

import pytest

from assistant.checker.engine import Checker
from assistant.config import Settings
from assistant.profile import load_profile
from tests.judgment_asserts import WEALTH, error_codes, found_codes


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@cache
def profiled(profile: str) -> Checker:
    return Checker(Settings(), load_profile(profile))


# ------------------------------------------------- what a group warned against claims
def test_a_group_warned_against_is_named_not_offered(checker: Checker) -> None:
    text = "【川南银行】反诈提示：请远离微信群里那些号称保本保息、日赚500元的带单群，切勿转账。"
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
    assert not {f.code for f in r.findings if f.severity == "error"}, [
        (f.code, f.evidence) for f in r.findings
    ]


def test_a_warning_that_fronts_its_own_pitch_is_still_a_pitch(checker: Checker) -> None:
    text = f"【川南银行】别信那些号称保本保息的群，我们的川南稳盈才是真的保本保息，1万元起购。{WEALTH}"
    assert "ADV001" in error_codes(checker, text)


# ------------------------------------------------- a rule's own clearance before its model
def test_a_licensed_lenders_own_lure_words_do_not_ask_the_model() -> None:
    text = "【捷贷】信用借款免抵押，最快当天放款，年化利率（单利）9.6%起。回T退订"
    r = profiled("example-lender").check(text)
    assert not [f for f in r.findings if f.code == "PRO008"], [(f.code, f.severity) for f in r.findings]
    # without the licence the same words are the agent's lure
    assert "PRO008" in error_codes(Checker(), "信用借款免抵押，最快当天放款，联系李经理。")


# ------------------------------------------------- maturity guarantees and refunds
@pytest.mark.parametrize(
    "text",
    [
        "【川南人寿】川南福满堂，交3年保10年，期满可领回本金和收益，名额有限。回T退订",
        "【川南财富】川南年年享：到期稳拿本金加收益，年化3.9%起。" + WEALTH,
    ],
)
def test_principal_and_gain_back_at_maturity_is_a_guarantee(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【川南人寿】您投保的川南福满堂将于12月31日满期，届时可领回本金和收益，请登录App办理。",
        "【川南银行】您认购的川南稳盈7号募集失败，我行将退还全部本金至您尾号6621的账户。",
    ],
)
def test_an_own_policy_or_a_refund_is_no_guarantee(checker: Checker, text: str) -> None:
    assert "ADV001" not in error_codes(checker, text)


# ------------------------------------------------- a pitch after a notice
@pytest.mark.parametrize(
    "text",
    [
        "【川南银行】您尾号6621的信用卡本期账单已出。装修需要用钱的话，川南装修贷最快1个工作日放款。",
        "【川南银行】您的工资已于12月5日到账。到本行网点存三年定期，利率比挂牌利率高0.3个百分点。",
        "【川南基金】您的分红款已到账。闲置资金可转入川南现金宝，随取随用。",
        "【川南证券】您的账户已完成风险测评。开通期权后可以撬动更大收益。",
        "【川南人寿】您的保单已完成回访，感谢配合。给家人再加一份意外险很划算。",
    ],
)
def test_a_pitch_after_a_notice_is_never_a_silent_notice(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind in ("marketing", "uncertain"), r.kind_reason
    assert "OPT001" in {f.code for f in r.findings}


@pytest.mark.parametrize(
    "text",
    [
        "【川南银行】您的转账申请已受理。最快2小时到账，请留意短信通知。",
        "【川南银行】您的贷款申请已受理，最快3个工作日完成审批。",
    ],
)
def test_an_estimate_for_the_recipients_request_stays_a_notice(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass"


# ------------------------------------------------- negation scope and look-alikes
@pytest.mark.parametrize(
    "text",
    [
        f"【川南理财】川南安盈不碰股票期货因此稳赚不赔，1万元起购。{WEALTH}",
        f"【川南理财】川南稳盈从不投高风险资产，所以保本保息，1万元起购。{WEALTH}",
        f"【川南理财】川南稳盈不是只保本，收益也比定期高，1万元起购。{WEALTH}",
        f"【川南基金】川南短债开放申购，波动很小，买了就不用怕亏。{WEALTH}",
        f"【川南理财】川南安盈助您告别低收益，保本又保息，1万元起购。{WEALTH}",
        f"【川南理财】不少客户担心川南稳盈不保本，这种担心根本没必要，1万元起购。{WEALTH}",
        f"【川南理财】觉得川南稳盈不保本的朋友，大多没认真看过合同，1万元起购。{WEALTH}",
    ],
)
def test_a_claim_the_negation_does_not_reach_is_an_error(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【川南银行】温馨提示：不少人担心理财不保本，这个担心是对的，净值型理财确实不保本。",
        "【川南银行】川南稳盈不保本，所以请根据自身风险承受能力购买。" + WEALTH,
    ],
)
def test_a_denial_that_stands_stays_quiet(checker: Checker, text: str) -> None:
    assert "ADV001" not in error_codes(checker, text)


# ------------------------------------------------- fixed terms
@pytest.mark.parametrize(
    "text",
    [
        "【川南银行】购买第一套房的客户首付最低15%，贷款年化利率3.05%起，详询网点。回T退订",
        "【川南银行】名下家庭唯一住房的改善型客户同享首套利率，年化利率3.1%起，详询网点。回T退订",
        "【川南银行】川南科创贷面向国家级专精特新企业，年化利率3.2%起，详询客户经理。回T退订",
    ],
)
def test_housing_policy_terms_and_designations_are_no_ranking(checker: Checker, text: str) -> None:
    assert "ADV002" not in error_codes(checker, text)


def test_a_rank_beside_those_terms_still_fires(checker: Checker) -> None:
    assert "ADV002" in error_codes(checker, "【川南银行】川南房贷是全市唯一一家零首付的房贷。回T退订")


# ------------------------------------------------- history lessons and void terms
@pytest.mark.parametrize(
    "text",
    [
        "【川南银行】投资者教育：打破刚兑以前，银行理财多数保本保息；现在理财都已转为净值型，收益随市场波动。",
        "【川南银行】理财小课堂：早些年一些平台以保本高息吸收资金，后来纷纷爆雷。请远离非法集资。",
        "【川南银行】法院判决认定：理财合同中约定保本保收益的条款无效，请勿轻信此类承诺。",
    ],
)
def test_history_and_void_terms_are_told_not_promised(checker: Checker, text: str) -> None:
    codes = found_codes(checker, text)
    assert not {c for c, s in codes.items() if s == "error"}, codes
    assert "ADV001" not in codes


@pytest.mark.parametrize(
    "text",
    [
        f"【川南理财】川南稳盈过去5年从未亏损，现在认购正当时。{WEALTH}",
        f"【川南理财】以前的理财都保本，如今川南稳盈依然保本保息，欢迎认购。{WEALTH}",
    ],
)
def test_a_track_record_or_a_claim_carried_into_now_is_made(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


# ------------------------------------------------- the recipient's own returns
@pytest.mark.parametrize(
    "text",
    [
        "【川南银行】截至11月30日，您的投资组合本年收益率为12.4%，明细请登录App查看。",
        "【川南信托】您的家族信托本年度分配收益率9.1%，分配款将于12月20日划入您指定账户。",
        "【川南养老】贵公司企业年金计划2025年度投资收益率9.6%，年度报告已上传企业网银。",
        "【川南银行】截至11月末，您个人养老金账户中的川南养老2040基金近一年收益率10.2%，明细见App。",
    ],
)
def test_the_recipients_own_return_is_reported_not_promised(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass", [(f.code, f.severity) for f in r.findings]


def test_an_own_account_invited_into_a_scheme_is_still_a_yield_pitch(checker: Checker) -> None:
    text = "【川南银行】尊敬的客户：您的养老金账户可参与川南养老项目，年化收益12%，按季返还。"
    assert "PRO007" in error_codes(checker, text)


# ------------------------------------------------- local organs as backers
@pytest.mark.parametrize(
    "text",
    [
        "【川南资产】川南安居收益权计划认购中，年化6%，到期由市财政局以回购款形式兑付。投资有风险，选择需谨慎。回T退订",
        "【川南资产】川南城建定融认购中，年化6.5%，区人大常委会已批准该项目。投资有风险，选择需谨慎。回T退订",
        "【川南资产】川南乡振计划认购中，年化6%，万一出了问题县里出面兜着。投资有风险，选择需谨慎。回T退订",
        "【川南资产】川南稳享计划已获省地方金融监督管理局审批，年化6.2%，1万元起投。投资有风险，选择需谨慎。回T退订",
    ],
)
def test_a_local_organ_named_as_backer_is_an_error(checker: Checker, text: str) -> None:
    assert "ADV005" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【川南银行】经金融监管总局川南监管分局批准，本行东湖支行自1月5日起迁址营业，新址详见官网。",
        "【川南银行】根据市住建局通知，公积金贷款利率自1月1日起下调0.25个百分点，详询网点。",
    ],
)
def test_an_approved_branch_move_or_a_bureaus_notice_backs_nothing(checker: Checker, text: str) -> None:
    assert "ADV005" not in error_codes(checker, text)


def test_a_scheme_run_under_a_borrowed_banner_is_warned_against(checker: Checker) -> None:
    text = "【川南银行】风险提示：有人打着“政府扶持、国家兜底”的旗号向老人推销养老项目，民政部门从未批准此类项目。"
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
    assert not {f.code for f in r.findings if f.severity == "error"}


# ------------------------------------------------- warnings headed in other words
@pytest.mark.parametrize(
    "text",
    [
        "【川南支付】安全提醒：请勿替陌生人代收USDT等虚拟币交易款，账户可能因此被冻结。客服400-100-2200",
        "【川南消费金融】近期有不法分子冒充我司，诱导借款人下载MT5炒外汇，请勿上当。",
        "【川南证券】提示：近期有不法分子冒用我司名义建群，以“老师带单”为名荐股收费，我司从未授权任何个人荐股。",
    ],
)
def test_a_warning_headed_in_other_words_names_the_scheme_it_warns_of(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass", [(f.code, f.severity, f.evidence) for f in r.findings]


def test_a_pitch_under_a_reminder_heading_is_not_a_warning(checker: Checker) -> None:
    # (the claim beside the impostor frame is reviewed, as before; the heading cancels nothing)
    text = "【川南银行】提醒：有人冒充我行推销理财，我行川南稳盈保本保息，年化4.5%，详询网点。"
    r = checker.check(text)
    assert "ADV001" in {f.code for f in r.findings}
    assert r.kind == "marketing" and r.verdict == "fail"


# ------------------------------------------------- the red team of this session's own changes (rt144)
@pytest.mark.parametrize(
    "text",
    [
        f"【川南银行】理财小知识：早些年银行理财多为保本保息，后来新规落地，可川南安盈依然保本保息。{WEALTH}",
        "【川南财富】当年大家都图保本保息，如今川南宝照样保本保息，老会员都知道。",
        f"【川南财富】号称“零风险”的川南宝，老客户都是一投再投。{WEALTH}",
        f"【川南财富】有人担心川南宝的保本保息只是个噱头，这种担心根本没必要。{WEALTH}",
        f"【川南银行】川南安盈并不仅仅保本，收益也比定期高，1万元起购。{WEALTH}",
        f"【川南财富】川南宝保本保息以外的任何承诺一律无效，详询客服。{WEALTH}",
    ],
)
def test_the_new_exemptions_do_not_launder_a_guarantee(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        f"【川南银行】开通川南鑫盈宝后，您的账户收益可提升至年化9.8%。{WEALTH}",
        f"【川南银行】您个人养老金账户里的资金可购买川南颐年理财，年化收益9.4%。{WEALTH}",
        f"【川南银行】贵公司账户的闲置资金可参与川南鑫享计划，年化收益9.6%。{WEALTH}",
    ],
)
def test_an_own_account_named_beside_an_offer_does_not_hide_the_yield(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text)


def test_an_unnamed_partner_bank_vouches_for_nobody(checker: Checker) -> None:
    text = "【速达金服】免抵押免担保，当天放款，资金由合作银行发放，年化利率7.2%起。回T退订"
    assert "PRO008" in error_codes(checker, text)


def test_a_rank_inside_a_fixed_terms_words_still_fires(checker: Checker) -> None:
    text = "【川南银行】川南财资通，全国唯一一套打通存贷汇的资金管理方案，欢迎咨询。回T退订"
    assert "ADV002" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【川南基金】您的赎回申请已提交成功。货币基金赎回款最快T+1日到账，请留意短信。",
        "【川南保险】您的理赔材料已审核通过。本次医疗险理赔款最快1个工作日到账。",
        "【川南银行】您的三年期定期存款将于12月18日到期，届时可领回本金及利息共计52,140.00元。",
        "【川南银行】投资者教育：高收益必然伴随高风险，凡承诺保本高息的理财请勿购买。",
        "【川南银行】更正说明：我行12月5日短信中“大额存单年利率3.5%”的表述有误，正确利率为2.15%，特此更正。",
        "【川南基金】风险提示：权益类基金净值可能大幅波动，请根据自身风险承受能力谨慎投资。基金有风险，投资须谨慎。",
    ],
)
def test_notices_the_new_mechanisms_must_leave_alone(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass", [(f.code, f.severity, f.evidence) for f in r.findings]


def test_a_saying_retracted_is_no_promotion(checker: Checker) -> None:
    r = checker.check("【川南银行】我行理财不承诺保本，因此保本保息的说法并不准确，请以说明书为准。")
    assert r.kind != "marketing", r.kind_reason
    assert r.verdict != "fail", [(f.code, f.severity) for f in r.findings]


def test_a_channels_service_list_is_reviewed_not_failed(checker: Checker) -> None:
    text = "【川南银行】本行存款、理财、保险业务均可在手机银行办理，欢迎体验。回T退订"
    assert found_codes(checker, text).get("ADV003") == "warning"


def test_a_product_named_after_the_list_is_still_read(checker: Checker) -> None:
    assert "ADV003" in error_codes(
        checker, "【川南银行】转账、理财两不误：川南稳盈年化4.2%，1万元起购。回T退订"
    )


def test_an_own_rate_compared_is_no_offer(checker: Checker) -> None:
    # (the text model may doubt it: a review, never a failure)
    r = checker.check("【川南银行】您尾号6631的经营贷执行利率比一年期LPR高0.45个百分点，重定价后为3.55%。")
    assert r.kind != "marketing", r.kind_reason
    assert r.verdict != "fail"
    assert "比一年期LPR高" not in r.kind_reason


def test_a_purchase_called_for_before_a_deadline_is_no_silent_notice(checker: Checker) -> None:
    text = "【川南人寿】根据监管要求，我司川南安康重疾险将于1月1日起调整费率，如需投保请在此前办理。"
    r = checker.check(text)
    assert r.kind in ("marketing", "uncertain"), r.kind_reason
    assert "OPT001" in {f.code for f in r.findings}


def test_not_merely_without_but_also_still_denies(checker: Checker) -> None:
    text = "【川南银行】投资者教育：并非仅仅保本就是好产品，适合自己风险承受能力的才合适。"
    assert "ADV001" not in error_codes(checker, text)


# ------------------------------------------------- silent misses a third red team found (rt145)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"【川南理财】川南年年盈两年期，到期本金照付、利息照还，5万元起购。{WEALTH}", "ADV001"),
        (f"【川南理财】无论市场怎么波动，川南稳享持有满一年都能拿到3.6%，1万元起购。{WEALTH}", "ADV001"),
        (f"【川南资产】川南城发计划认购中，投进来的钱不会打水漂，1万元起投。{WEALTH}", "ADV001"),
        (f"【川南理财】都说保本保息的理财是骗人的，川南稳利偏偏做到了，5万元起购。{WEALTH}", "ADV001"),
        (f"【川南理财】总有人说理财不保本，可川南安心就是那个例外，1万元起购。{WEALTH}", "ADV001"),
        (f"【川南理财】川南稳盈是国家队出品，1万元起购。{WEALTH}", "ADV005"),
        (f"【川南资产】川南安居计划由市领导亲自挂帅，1万元起投。{WEALTH}", "ADV005"),
        (
            "【川南基金】李大姐去年在我们这买了5万川南稳健，一年下来光收益就拿到2800元，1元起购。基金有风险，投资须谨慎。回T退订",
            "ADV004",
        ),
        (
            "【川南基金】川南红利精选由某大学金融研究院团队联合研发，1元起购。基金有风险，投资须谨慎。回T退订",
            "ADV004",
        ),
    ],
)
def test_claims_said_in_plain_words_are_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【川南证券】您持有的基金可质押获得5万元周转额度，年化利率7.2%，质押期间收益照拿。回T退订",
        "【川南银行】您的借记卡已挂失，补卡业务网点可办，请携带身份证。",
    ],
)
def test_the_plain_words_stay_quiet_where_they_state_a_fact(checker: Checker, text: str) -> None:
    assert "ADV001" not in error_codes(checker, text)
    if "挂失" in text:
        assert checker.check(text).kind == "service"


def test_a_loan_pitch_ending_in_where_to_get_it_is_no_silent_notice(checker: Checker) -> None:
    text = "【川南银行】根据合同约定，您的房贷利率将于1月1日重定价。川南经营融可置换高息负债，最长10年，网点可办。"
    r = checker.check(text)
    assert r.kind in ("marketing", "uncertain"), r.kind_reason


def test_idle_money_told_where_to_go_is_no_silent_notice(checker: Checker) -> None:
    text = "【川南证券】您尾号1208资金账户今日可用资金12万元。场内货币ETF当日买入当日可卖，适合资金临时停放。"
    r = checker.check(text)
    assert r.kind in ("marketing", "uncertain"), r.kind_reason


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【川南投研】以上不构成投资建议。川南科技有重组预期，庄家正在悄悄吸筹。回T退订", "PRO001"),
        ("【优选商城】购物返本：花多少返多少，分24个月返到商城钱包，可提现。回T退订", "PRO005"),
        ("【川南珠宝】刷信用卡买投资金条，可现场回收变现，现金当场给您。回T退订", "PRO008"),
        (
            "【川南消费金融】川南钱包，不看收入、不查社保，年化利率(单利)7.2%-23.9%，手机号即可申请。回T退订",
            "DIS003",
        ),
    ],
)
def test_schemes_said_in_their_own_trade_words_are_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【川南证券】今日两市主力资金净流出120亿元，市场情绪偏谨慎，请理性投资。",
        "【川南珠宝】金条回购业务：凭购买凭证按当日金价回收，回收款3个工作日内转入您的银行卡。",
        "【川南消费金融】不管工作多忙，请于12月10日前按时还款，避免逾期。",
    ],
)
def test_the_trade_words_stay_quiet_where_they_state_a_fact(checker: Checker, text: str) -> None:
    assert not {"PRO001", "PRO008", "DIS003"} & error_codes(checker, text)


def test_a_premium_said_as_about_so_much_prices_the_product(checker: Checker) -> None:
    text = "【川南人寿】保险小知识：重疾险越早配置越好。川南安康重疾2026版，30岁女性年交约2千元，可咨询您的顾问。"
    r = checker.check(text)
    assert r.kind in ("marketing", "uncertain"), r.kind_reason
    assert "OPT001" in {f.code for f in r.findings}
