"""Session of 2026-12-06 from 04:22: judgment classes from the development thirds of the drafts and
red teams, each written here in words of its own with the wording beside it that must stay flagged.

- money warned off a destination (请勿将资金转入…平台): the destination is what the warning keeps the
  money from, however far its modifiers push the trigger;
- withdrawn after the blind thirds of this session's own red teams showed silent passes: a denial
  repeated in the next clause (也不/亦不/更不), "if you need it" (如有需要) before a bare contact point,
  the recipient's own deposit maturing, a branch word before an address, some fixed terms (ADV002);
  the tests that remain here check that the forms a red team found stay flagged;
- the recipient's own statement issued (您的…账单已生成：全年账户收益率…) reports the account's figure;
  a product's figure under such a heading is still a return on offer.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, found_codes


# ------------------------------------------------- money warned off a destination
@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】请勿将资金转入陌生网友在群里推荐的外汇保证金交易平台，谨防投资诈骗。",
        "【青屿银行】反诈提醒：切勿把积蓄汇入短视频里自称导师的人介绍的虚拟货币交易所账户。",
        "【青屿银行】防骗提示：不要将养老钱投到陌生人介绍的外汇杠杆交易软件里。",
    ],
)
def test_money_warned_off_a_destination_is_no_promotion(checker: Checker, text: str) -> None:
    assert not error_codes(checker, text), found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # the money moved in the next clause, the warning's own act something else
        "【青屿银行】请勿将资金闲置，转入外汇保证金账户享高收益。回T退订",
        # the destination missed, a push
        "【青屿银行】请勿将资金转入外汇保证金账户的机会错过，名额有限。回T退订",
    ],
)
def test_money_pushed_toward_a_destination_stays_an_error(checker: Checker, text: str) -> None:
    assert "PRO004" in error_codes(checker, text)


# ------------------------------------------------- a denial repeated in the next clause (the mechanism was withdrawn
# after a blind red-team third: 也不/亦不/更不 are no adverb denials; the forms that assert stay errors)
@pytest.mark.parametrize(
    "text",
    [
        # "does not affect" asserts what it leaves untouched
        "【青屿财富】青屿1号理财，市场下跌亦不对保本收益产生影响。理财非存款，产品有风险，投资须谨慎。回T退订",
        # "not afraid of a loss" is itself the claim
        "【青屿财富】收益稳稳的，也不怕亏，保本保息。回T退订",
    ],
)
def test_a_repeated_denial_that_asserts_stays_an_error(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


# ------------------------------------------------- "if you need it" (the bare-contact exemption was withdrawn after a
# blind red-team third; before an offer it solicits)
@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】如有需要，请致电96168办理低息贷款。",
        "【青屿银行】资金周转不开？如有需要，详询96168。",
    ],
)
def test_if_needed_before_an_offer_still_solicits(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "marketing"


# ------------------------------------------------- the recipient's own statement issued
def test_the_own_statement_reports_the_account_figure(checker: Checker) -> None:
    text = "【青屿证券】您的2026年度对账单已生成：全年账户收益率14.2%，成交58笔，详情请登录App查看。"
    assert "PRO007" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿证券】您的专属投资报告已生成：青屿量化2号近一年收益率19.4%，立即加仓！回T退订",
        "【青屿证券】您的月度账单已出：推荐青屿成长混合，近一年收益率19.4%。回T退订",
    ],
)
def test_a_product_figure_under_an_own_heading_stays_an_error(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text)


# ------------------------------------------------- a rate's or a credit line's bound, the measure named between
@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】新客两年期定期存款，最高可享年利率2.35%，1万元起存。回T退订",
        "【青屿消费金融】青屿工薪贷，借款最高能到25万，年化利率（单利）8.6%起。回T退订",
        "【青屿银行】首购青屿稳盈60天可领加息券，最高加息0.4%。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【青屿信用卡】账单分期手续费率每期0.6%，折合年化利率（单利）最低约11.2%。回T退订",
    ],
)
def test_a_bound_on_a_rate_or_line_is_reviewed(checker: Checker, text: str) -> None:
    assert found_codes(checker, text).get("ADV002") == "warning"


@pytest.mark.parametrize(
    "text",
    [
        # ranked against every peer
        "【青屿银行】全城最高可享年利率2.35%。回T退订",
        # a yield's bound: the superlative a wealth pitch leads with
        "【青屿理财】青屿稳盈最高可享年化收益率6%。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_a_ranked_bound_or_a_yield_bound_stays_an_error(checker: Checker, text: str) -> None:
    assert "ADV002" in error_codes(checker, text)


# ------------------------------------------------- a thing named as the reason an account is restricted
@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】经系统监测，您尾号5521的账户近期与比特币场外交易对手频繁往来，本行已暂停该账户非柜面业务，请携身份证到网点核实。",
        "【青屿银行】个人账户用于外汇保证金交易资金划转的，本行将依规限制账户收付款功能。",
    ],
)
def test_a_thing_named_as_the_reason_for_a_sanction_is_no_promotion(checker: Checker, text: str) -> None:
    assert not error_codes(checker, text), found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a promotion: its kind is marketing, whatever it says of accounts
        "【青屿数字】比特币合约跟单，名额满即暂停报名，账户将冻结后不再受理。回T退订",
        # a sanction denied is a reassurance
        "【青屿数字】USDT场外交易，资金进出自由，不会被冻结账户，放心操作。",
    ],
)
def test_a_sanction_in_a_promotion_or_denied_changes_nothing(checker: Checker, text: str) -> None:
    assert "PRO003" in error_codes(checker, text)


# ------------------------------------------------- a branch word near a home address (the premises-before exemption was
# withdrawn after a blind red-team third)
def test_a_home_before_a_branch_word_is_still_personal_data(checker: Checker) -> None:
    text = "【青屿资产】你欠款不还，我们已派人去你家南京市鼓楼区中山北路88号2栋1201室，分公司同事会上门。"
    assert "PRV004" in found_codes(checker, text)


# ------------------------------------------------- a complaint confirmed, the one who said it disciplined
@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】关于您反映客户经理称某理财“稳赚不赔”一事，经核实属实，我行已对该客户经理严肃处理。",
        "【青屿人寿】您投诉代理人称某年金险“保本保息”一事经调查属实，公司已对当事人予以处分。",
    ],
)
def test_a_saying_whose_speaker_was_disciplined_is_retracted(checker: Checker, text: str) -> None:
    assert "ADV001" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # confirmed and sold, nobody disciplined
        "【青屿银行】理财经理称青屿1号“稳赚不赔”，经核实属实，欢迎认购。回T退订",
        # disciplined, then the claim made good
        "【青屿银行】客户经理称青屿1号“保本保息”，我行已对其问责，但青屿1号确实保本保息。回T退订",
    ],
)
def test_a_saying_confirmed_or_made_good_stays_an_error(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


# ------------------------------------------------- principal safety beside a deposit word (the own-deposit exemption
# was withdrawn after a blind red-team third)
@pytest.mark.parametrize(
    "text",
    [
        # a product sold in the same sentence
        "【青屿银行】您的定期存款到期后可转购青屿稳盈理财，本金一分不少，年化4%。回T退订",
        # a deposit named only to compare
        "【青屿银行】青屿稳盈理财，本金一分不少，比您的定期存款划算。回T退订",
        # the maturing deposit switched into an insurer's plan
        "【青屿银行】您的大额存单下月到期，现转存“青屿福年年”储蓄计划，收益比存款高，本金安全。回T退订",
    ],
)
def test_principal_safety_beside_a_deposit_word_in_a_sale_stays_an_error(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


# ------------------------------------------------- a private product's minimum, promoted publicly
@pytest.mark.parametrize(
    "text",
    [
        "【青屿证券】青屿“臻选2号”专享计划，500万元起投，由资管团队专属管理。投资有风险，选择需谨慎。回T退订",
        "【青屿银行】私行客户专享：青屿尊享净值型产品，100万起，业绩比较基准3.4%。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_a_private_minimum_promoted_is_reviewed(checker: Checker, text: str) -> None:
    assert found_codes(checker, text).get("PRO006") == "warning"


@pytest.mark.parametrize(
    "text",
    [
        "【青屿保险】青屿百万医疗，保额100万起，详见官网 www.qingyu-ins.com 。回T退订",
        "【青屿银行】您认购的青屿尊享产品100万元已确认，份额将于下一工作日起计息。",
        "【青屿银行】青屿稳盈理财1万元起购，业绩比较基准2.9%，本期额度2100万份。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_a_sum_that_is_no_private_minimum_is_not_flagged(checker: Checker, text: str) -> None:
    assert "PRO006" not in found_codes(checker, text)


# ------------------------------------------------- a cash-management product's yield said in money
def test_a_yield_per_ten_thousand_a_day_needs_a_risk_warning(checker: Checker) -> None:
    text = "【青屿银行】青屿“活钱宝”：闲钱存进来，每万元每天约赚1.2元，随时可取。回T退订"
    assert "ADV003" in error_codes(checker, text)


def test_a_credit_cost_per_ten_thousand_a_day_is_no_investment(checker: Checker) -> None:
    text = "【青屿银行】青屿信用卡分期，每万元每天利息4元，年化利率（单利）14.6%。回T退订"
    assert "ADV003" not in found_codes(checker, text)


# ------------------------------------------------- others are not like ours in having the claim
@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】市面上很多理财都不像青屿安盈一样保本保息，5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【青屿财富】别家产品可不像我们这样稳赚不赔。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【青屿财富】其他平台都不如青屿1号那样零风险。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_others_unlike_the_senders_own_assert_the_claim(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】投教：银行理财不像存款那样保本保息，请理性投资。",
        "【青屿银行】理财产品不如存款一样保本保息，请根据风险承受能力选择。",
    ],
)
def test_a_product_unlike_a_generic_thing_is_denied(checker: Checker, text: str) -> None:
    assert "ADV001" not in found_codes(checker, text)


# ------------------------------------------------- the worry about the principal waved away
@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】“青屿宝”本金不用担心，收益天天看得见。回T退订",
        "【青屿财富】青屿月享理财，投进去的本金您尽管放心，年化4%。回T退订",
    ],
)
def test_the_principal_worry_waved_away_is_a_guarantee(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】您的本金无需担心，被盗刷的资金已全额追回至您的账户。",
        "【青屿银行】提前还款后剩余贷款本金无需担心额外收费。",
    ],
)
def test_a_principal_that_is_no_investment_needs_no_worry(checker: Checker, text: str) -> None:
    assert "ADV001" not in found_codes(checker, text)


# ------------------------------------------------- anyone asking, then the step against it
def test_anyone_asking_for_the_code_then_hang_up_is_a_warning(checker: Checker) -> None:
    text = "【青屿银行】本行员工不会索要短信验证码。任何人向您索要验证码，请立即挂断并报警。"
    assert "PRV003" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】任何人向您索要验证码，请及时告诉来电专员。",
        "【青屿银行】为完成升级，请将验证码告诉来电专员，任何人向您索要验证码，请配合。",
    ],
)
def test_anyone_asking_without_a_protective_step_stays_an_error(checker: Checker, text: str) -> None:
    assert "PRV003" in error_codes(checker, text)


# ------------------------------------------------- the edges a red team of this session found (rt156), in words of our own
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the sender's own destination excepted
        (
            "【汇川国际】入金提示：请勿将资金转入除本平台官方MT5外汇账户以外的任何账户，开户即送赠金。回T退订",
            "PRO004",
        ),
        # a second act after a space: where the money should go instead
        ("【链川社区】不要把积蓄存进银行等着贬值 换成USDT持币生息天天有收益。回T退订", "PRO003"),
        # the bad kind warned off in a message that sells the good kind
        ("【汇川国际】请勿将资金转入不正规的外汇保证金平台，选择持牌平台更安心。回T退订", "PRO004"),
        # a lawful alternative presented after the warning, no anti-fraud word
        (
            "【汇川国际】请勿将您的资金转入网友或群内老师推荐的外汇交易平台。汇川国际受境外监管，资金隔离存放。",
            "PRO004",
        ),
    ],
)
def test_money_warned_off_to_clear_the_way_for_a_sale_stays_an_error(
    checker: Checker, text: str, code: str
) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青屿财富】青屿盈理财提前赎回也不影响保本保息，年化4.1%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【青屿财富】青屿1号收益稳健，更不用说保本保息。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【青屿国际】零点差也不收隔夜利息，MT5外汇平台24小时交易。回T退订", "PRO004"),
        ("【青屿贷】征信花了也不影响秒批秒到账，年化利率（单利）18%起。回T退订", "DIS003"),
    ],
)
def test_a_repeated_denial_that_is_no_denial_stays_an_error(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_if_needed_after_credit_put_to_use_is_no_bare_contact(checker: Checker) -> None:
    text = (
        "【青屿信用卡】您的信用卡固定额度已调整为6万元，即日生效，可用于分期及取现。如有需要，请致电95528。"
    )
    assert checker.check(text).kind != "service"


@pytest.mark.parametrize(
    "text",
    [
        "【青屿证券】您的年度投资报告已生成：本季主推的稳健组合收益率达17.2%，立即一键跟投！投资有风险，入市需谨慎。回T退订",
        "【青屿证券】您的专属资产报告已生成：组合收益率可达18.6%，现开放追加。回T退订",
    ],
)
def test_a_portfolio_on_offer_under_an_own_heading_stays_an_error(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】三年期大额存单，放眼全市20多家银行最高可享年利率2.6%，20万元起存。回T退订",
        "【青屿人寿】青屿鑫享年金险，保费可月缴，结算收益最高约5.5%，详见官网。保险产品非存款，投保须谨慎。回T退订",
    ],
)
def test_a_bound_ranked_or_of_a_yield_stays_an_error(checker: Checker, text: str) -> None:
    assert "ADV002" in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【币川Pro】尊敬的用户，您的USDT永续合约仓位保证金不足，系统将限制开仓交易，请及时充值。", "PRO003"),
        ("【汇川环球】您的外汇保证金账户入金已到账，未签署风险揭示书的账户将暂停交易功能。", "PRO004"),
    ],
)
def test_a_platforms_own_notice_of_its_business_is_no_sanction(
    checker: Checker, text: str, code: str
) -> None:
    assert code in error_codes(checker, text)


# ------------------------------------------------- a periodic fee with its figure before its name
def test_a_periodic_fee_stated_figure_first_adds_to_the_cost(checker: Checker) -> None:
    text = "【青屿消费金融】青屿快借年化利率（单利）13%，另按月收取借款金额1.2%的服务费。回T退订"
    assert "DIS004" in error_codes(checker, text)


def test_a_periodic_fee_said_to_be_inside_the_rate_adds_nothing(checker: Checker) -> None:
    text = "【青屿消费金融】青屿快借年化利率（单利）13%，已包含按月收取借款金额0.5%的服务费。回T退订"
    assert "DIS004" not in found_codes(checker, text)


# ------------------------------------------------- a quote signed by a named customer
def test_a_quote_signed_by_a_named_customer_endorses_an_investment(checker: Checker) -> None:
    text = "【青屿基金】“定投青屿消费精选两年，房贷压力小多了。”——来自青屿App用户陈先生。基金有风险，投资须谨慎。回T退订"
    assert "ADV004" in error_codes(checker, text)


def test_a_quote_signed_by_a_customer_of_a_non_investment_is_reviewed(checker: Checker) -> None:
    text = "【青屿银行】“境外刷卡返现到账很快！”——来自持卡人赵女士的分享。境外消费返现1%，详询青屿银行App。回T退订"
    assert found_codes(checker, text).get("ADV004") == "warning"


@pytest.mark.parametrize(
    "text",
    [
        "【青屿基金】基金经理观点：“市场短期仍有波动。”——首席投资官孙先生。基金有风险，投资须谨慎。回T退订",
        "【青屿银行】关于您反映的“收费不透明”问题——客户孙先生，我行已核实并退还费用。",
    ],
)
def test_a_signature_that_is_no_customers_testimony_is_not_flagged(checker: Checker, text: str) -> None:
    assert "ADV004" not in found_codes(checker, text)


def test_a_borrowers_signed_praise_is_reviewed_not_failed(checker: Checker) -> None:
    text = "【青屿消金】“上个月急用钱，青屿借当天就到账了”——用户钱先生。额度以审批为准，年化利率（单利）10.8%-23.9%。回T退订"
    assert found_codes(checker, text).get("ADV004") == "warning"


# ------------------------------------------------- the edges a second red team of this session found (rt157), in words of our own
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # 也不失为 and 更不要说 assert
        (
            "【青屿财富】存款利率走低，青屿稳享2号也不失为稳赚不赔的好选择，1万元起投。投资有风险，理财需谨慎。回T退订",
            "ADV001",
        ),
        ("【青屿财富】青屿安享宝不收申购费，更不要说还能保本保息，千元起投。投资有风险。回T退订", "ADV001"),
        # the platform's own account restricted: no sanction over a third party
        ("【币屿通】经监测，您的USDT账户存在异常登录，已冻结提币功能，请完成人脸验证后解冻。", "PRO003"),
        # the check leads on to handing the code over
        (
            "【青屿银行】您的账户正在安全升级。任何人向您索要验证码，请拨打4006123456核实对方身份后再告知。",
            "PRV003",
        ),
        # a medical-insurance quota in a pitch for advanced payment
        (
            "【青屿消费金融】医保额度不够用？住院押金青屿先帮您垫付，分月慢慢还，手机上即可申请额度。回T退订",
            "DIS001",
        ),
        # peers counted in the sentence before the bound
        (
            "【青屿农商银行】放眼本地十余家银行，本行三年期定存最高可享年利率2.6%，5万元起存。回T退订",
            "ADV002",
        ),
        # a rank said with an ordinal
        ("【青屿银行】青屿银行——发行全省第一张信用卡的本土银行，新户办卡首年免年费。回T退订", "ADV002"),
        # a portfolio compared with the recipient's holding, under an own heading, a push in the next sentence
        (
            "【青屿证券】您的4月投资报告已生成：金牛优选组合累计收益率24.8%（2024年以来），远超您当前持仓。开通一键跟投请回复1。投资有风险，入市需谨慎。回T退订",
            "PRO007",
        ),
    ],
)
def test_the_second_red_teams_silent_passes_stay_flagged(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青屿证券】您的2025年度投资账单已生成：全年账户收益率12.9%，立即登录App查看完整账单。", "PRO007"),
        (
            "【青屿银行】经监测，您尾号3302的账户频繁与虚拟货币交易相关方发生资金往来。依据监管规定，本行已暂停该账户非柜面业务。",
            "PRO003",
        ),
        (
            "【青屿银行】您尾号3302的银行卡近期多次向境外虚拟货币交易平台转账，本行已暂停该卡非柜面交易，请到网点核实。",
            "PRO003",
        ),
        (
            "【青屿银行】青屿大额存单尊享版，三年期年利率2.35%，100万起存，存款受存款保险保障。回T退订",
            "PRO006",
        ),
    ],
)
def test_the_second_red_teams_false_errors_stay_quiet(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿人寿】您的保单已由浙江分公司受理，纸质保单将寄送至杭州市西湖区文三路90号5幢1单元302室，请注意查收。",
        "【青屿资产】您的欠款已逾期92天，我司江苏分公司外访专员将于周五前往南京市鼓楼区湖南路12号3幢402室上门核实。",
    ],
)
def test_a_home_address_beside_a_branch_word_is_still_personal_data(checker: Checker, text: str) -> None:
    assert "PRV004" in found_codes(checker, text)


def test_if_needed_after_a_product_pitch_is_no_bare_contact(checker: Checker) -> None:
    text = (
        "【青屿人寿】您的孩子即将年满6周岁，青屿金色年华少儿年金可为其储备大学教育金。如有需要，请致电95566。"
    )
    assert checker.check(text).kind != "service"


def test_a_private_minimum_said_as_a_floor_is_reviewed(checker: Checker) -> None:
    text = "【青屿证券】青屿稳健增利集合资产管理计划开放认购，认购金额不低于300万元，业绩比较基准5.5%。投资有风险，选择需谨慎。回T退订"
    assert found_codes(checker, text).get("PRO006") == "warning"


def test_an_impostor_warning_before_the_senders_licensed_platform_is_never_silent(checker: Checker) -> None:
    """The anti-fraud framing still makes it a warning (the platform's own message reads as a
    notice), but the impostor and attributed-claim readings no longer cancel it."""
    text = "【青屿环球】温馨提示：请勿将资金转入群里自称老师的人推荐的外汇交易平台。青屿环球持境外牌照，客户资金隔离托管。"
    assert "PRO004" in found_codes(checker, text)


# ------------------------------------------------- the edges a third red team of this session found (rt158), in words of our own
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a platform's own warning before its own top-up address
        (
            "【币屿】安全提醒：请勿将资金转入陌生人提供的USDT收款地址，充值请以App内显示的地址为准，谨防诈骗。",
            "PRO003",
        ),
        # the platform's customer, restricted for a login: no sanction over a third party
        (
            "【青屿国际】您参与的EURUSD跟单策略本周盈亏已结算。因账户多次出现异地登录，系统已暂停出金功能。",
            "PRO004",
        ),
        # a "red packet quota" drawn as cash and repaid
        ("【青屿花】您的专属红包额度6000元已到账，可直接提现到银行卡，下月账单日再还就行。回T退订", "DIS001"),
        # a repeated denial that stops before the threat
        (
            "【青屿资产】您的欠款已逾期92天，我司不再电话提醒，亦不另行通知直接上门处理，请于今日内还款。",
            "COL001",
        ),
        # a maturing deposit switched into whole-life insurance
        ("【青屿银行】您的定期存款将于7月1日到期，可转为青屿鑫禧增额终身寿，本金一分不少。回T退订", "ADV001"),
    ],
)
def test_the_third_red_teams_silent_passes_stay_flagged(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青屿银行】青屿“科创贷”面向科技型中小企业，授信额度100万起，年化利率（单利）3.45%起，详询客户经理。回T退订",
            "PRO006",
        ),
        (
            "【青屿人寿】青屿“安心家”家庭保障计划，重疾保额100万起，一张保单保障全家，详见官网。回T退订",
            "PRO006",
        ),
        (
            "【青屿银行】“近期市场波动加大，建议理性配置。”——您的专属客户经理周女士。理财非存款，产品有风险，投资须谨慎。",
            "ADV004",
        ),
        (
            "【青屿银行】“接到自称客服的电话让我转账，多亏柜员提醒，养老钱保住了。”——青屿银行客户王阿姨。警惕冒充客服诈骗，谨防上当。",
            "ADV004",
        ),
        (
            "【青屿支付】您青屿宝余额被盗刷的2,000元已全额追回并退至原账户，本金无需担心，建议尽快修改支付密码。",
            "ADV001",
        ),
    ],
)
def test_the_third_red_teams_false_alarms_stay_quiet(checker: Checker, text: str, code: str) -> None:
    assert code not in found_codes(checker, text)


def test_if_needed_after_an_insurance_offered_is_no_bare_contact(checker: Checker) -> None:
    text = "【青屿人寿】尊敬的客户，您的宝宝已满30天，可为其添加青屿少儿医疗险，住院费用按合同约定报销。如有需要，请致电95519。"
    assert checker.check(text).kind != "service"


def test_a_ranked_payout_ratio_is_no_fixed_term(checker: Checker) -> None:
    text = "【青屿健康】青屿e享百万医疗险，享同类产品中最高赔付比例，社保报销后剩余费用100%赔付，详见官网。回T退订"
    assert "ADV002" in found_codes(checker, text)


def test_a_portfolios_figure_beside_the_accounts_is_not_the_recipients_own(checker: Checker) -> None:
    text = (
        "【青屿基金】您的2025年度基金账单已生成：全年账户收益率3.1%，同期青屿量化领航组合收益率22.4%，"
        "可联系专属客户经理调整配置。基金有风险，投资须谨慎。"
    )
    assert "PRO007" in found_codes(checker, text)


# ------------------------------------------------- last round: "does not affect" asserts, a co-operative speaks of itself
@pytest.mark.parametrize(
    "text",
    [
        "【青屿财富】青屿季季享不设封闭期，提前赎回也不会影响保本保息，年化3.9%，5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【青屿农信】不少理财净值天天波动，可不像本社鑫利宝一样保本保息，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_a_claim_left_untouched_or_likened_to_the_co_operatives_own_stays_an_error(
    checker: Checker, text: str
) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】本行从不承诺保本，市场波动会影响收益，请理性投资。",
        "【青屿银行】投教：理财产品不像存款那样保本保息，请理性投资。",
    ],
)
def test_a_denial_that_affects_nothing_is_still_a_denial(checker: Checker, text: str) -> None:
    assert "ADV001" not in found_codes(checker, text)


def test_a_yield_per_ten_thousand_with_where_it_goes_needs_a_warning(checker: Checker) -> None:
    text = "【青屿基金】一万块钱放进青屿现金宝，一天就有一块多收益，随用随取。回T退订"
    assert "ADV003" in error_codes(checker, text)


def test_not_affecting_the_family_still_denies_a_threat(checker: Checker) -> None:
    assert "COL001" not in found_codes(checker, "【青屿小贷】您的逾期不会影响到您的家人，请放心并尽快还款。")
