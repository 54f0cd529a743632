"""Session of 2026-12-05 from 20:54: mechanisms the development thirds of the red teams rt144
and rt145 showed missing, each written here in words of its own with the wording beside it that
must stay quiet.

- the recipient's own balance product (您的活期宝, 您的零钱宝) is an own account: what it does
  (随存随取) is reported, not offered;
- a deposit rolled over reports its new term (已到期自动续存，新一期利率…), it sells none;
- an eligibility met inside an application already accepted (申请已受理，…已满足开通条件) is the
  application's progress, not an invitation;
- a claim judged a wrong saying (…的说法并不准确) heads a lesson as 温馨提示 does;
- a product said to help the reader (一只基金帮您分散风险) is presented, whatever lesson it ends;
- a verdict others say (有人说…都是骗局) turned by a contrast to a gain (可…每天都有收益) is the
  sender's foil, not a warning;
- a lender's line for refinancing dearer debt (可用于置换高息负债) is a loan offer;
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, found_codes


# ------------------------------------------------- notices that must stay notices
@pytest.mark.parametrize(
    "text",
    [
        "【溪山银行】您的活期宝已开通，资金随存随取，可在手机银行查看每日收益。",
        "【溪山银行】您的定期存款已于12月1日到期并自动续存一年，新一期利率为1.55%，起息日为12月1日。",
        "【蓝湾证券】您的北交所交易权限开通申请已受理，经核验已满足开通条件，权限次日生效。",
        "【溪山银行】本行理财产品不保证本金和收益，“银行理财就等于存款”的说法并不准确，请以产品说明书为准。",
    ],
)
def test_a_notice_reporting_the_recipients_own_matter_stays_a_notice(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass", [(f.code, f.severity, f.evidence) for f in r.findings]


@pytest.mark.parametrize(
    "text",
    [
        # a new term offered to whoever will take it, not the recipient's rollover
        "【溪山银行】大额存单新一期即将发售，三年期利率2.15%，20万元起存，欢迎咨询。",
        # eligibility announced with no application of the recipient's
        "【蓝湾证券】您已满足科创板权限开通条件，可在App预约办理，详询95521。",
    ],
)
def test_the_same_words_still_offer_where_nothing_is_the_recipients(checker: Checker, text: str) -> None:
    assert checker.check(text).kind in ("marketing", "uncertain")


# ------------------------------------------------- a product presented inside a lesson
@pytest.mark.parametrize(
    "text",
    [
        "【岭南基金】投教小课堂：为何要长期持有？因为短期波动难以预测。岭南稳健配置六个月持有期混合，"
        "一只基金帮您分散风险。",
        "【岭南保险】保险小知识：意外无法预料。岭南安康意外险，一份保障为您守护全家。",
    ],
)
def test_a_product_said_to_help_the_reader_is_presented(rules_only: Checker, text: str) -> None:
    r = rules_only.check(text)
    assert r.kind != "service", r.kind_reason
    assert "OPT001" in found_codes(rules_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岭南基金】投资小知识：定投可以摊薄成本，但不能保证盈利，也无法规避亏损风险，请理性投资。",
        # the recipient's own holding helped is reported (您持有的…为您…)
        "【岭南基金】您持有的岭南稳健配置混合已完成分红，红利已为您再投资，可在App查看份额。",
    ],
)
def test_a_lesson_or_a_holding_naming_no_offer_stays_quiet(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "service"


# ------------------------------------------------- a verdict others say, turned by a contrast
@pytest.mark.parametrize(
    "text",
    [
        "【鑫链】有人说虚拟货币都是骗局，可鑫链钱包里的币，放一天就赚一天。回T退订",
        "【链盈】很多人觉得虚拟币就是骗局，但我们的钱包每天都在分收益。回T退订",
    ],
)
def test_a_verdict_turned_to_a_gain_is_no_warning(checker: Checker, text: str) -> None:
    assert "PRO003" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【溪山银行】有人说虚拟货币都是骗局，但本行提醒您：请远离任何虚拟货币交易。",
        "【溪山银行】有人说虚拟货币投资都是骗局，可惜仍有人上当，请勿参与。",
    ],
)
def test_a_verdict_turned_to_a_caution_stays_a_warning(checker: Checker, text: str) -> None:
    assert "PRO003" not in error_codes(checker, text)


# ------------------------------------------------- credit and calls in other words
def test_refinancing_dearer_debt_is_a_loan_offer(checker: Checker) -> None:
    text = "【溪山银行】溪山商户融可用于置换高息负债，期限最长5年，详询网点。回T退订"
    assert "DIS001" in found_codes(checker, text)


def test_a_refinanced_loan_reported_is_no_offer(checker: Checker) -> None:
    text = "【溪山银行】您申请的债务置换贷款已放款50000元，请按合同约定按期还款。"
    assert "DIS001" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【溪山银行】营业时间调整通知：本网点自12月1日起周六正常营业，欢迎来网点办理业务。",
        "【溪山银行】本行已开通周末服务，欢迎到网点咨询开户、挂失、密码重置等业务。",
    ],
)
def test_a_branch_notice_welcoming_customers_stays_a_notice(rules_only: Checker, text: str) -> None:
    assert rules_only.check(text).kind != "marketing"


def test_a_lawful_class_set_against_the_verdict_keeps_it_a_warning(checker: Checker) -> None:
    text = "【溪山银行】有人说高息理财都是骗局，但正规银行存款利息有保障。"
    assert "PRO005" not in error_codes(checker, text)


# ------------------------------------------------- from the development thirds of drafts_fresh59/60
@pytest.mark.parametrize(
    "text",
    [
        "【岭南证券】岭南月享收益凭证，每月收益大约一分五，按月派息。投资有风险，入市需谨慎。回T退订",
        "【岭南财富】安享理财每月回报能到一分八，按月付息。投资有风险。回T退订",
    ],
)
def test_a_folk_monthly_rate_said_with_words_between_is_a_rate(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text)


def test_a_minute_or_a_cent_a_month_is_no_rate(checker: Checker) -> None:
    for text in ("【岭南银行】每月3分钟，读懂您的账单。回T退订", "【岭南银行】您的账户每月一分不少计息。"):
        assert "PRO007" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岭南银行】本行员工不会以任何理由通过微信、电话或上门方式向您索要短信验证码。",
        "【岭南支付】我们不会以“账户冻结”“保证金解冻”为由让您转账或提供验证码，请提高警惕。",
    ],
)
def test_a_request_denied_through_its_channels_or_pretexts_stays_denied(checker: Checker, text: str) -> None:
    assert "PRV003" not in found_codes(checker, text)


def test_a_new_request_after_a_denied_one_still_fires(checker: Checker) -> None:
    text = "【岭南银行】本行不会通过电话要求您转账，请回复短信验证码完成身份核验。"
    assert "PRV003" in error_codes(checker, text)


def test_a_claim_named_mis_selling_is_warned_against(checker: Checker) -> None:
    text = "【岭南人寿】温馨提示：凡宣称“保险就是存款”“保证续保到终身”的，都属误导销售，欢迎致电95500举报。"
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass", [(f.code, f.severity, f.evidence) for f in r.findings]


def test_a_referral_bonus_is_no_fundraising_but_a_downline_is(checker: Checker) -> None:
    bonus = "【岭南支付】邀请好友开通岭南钱包并完成首笔消费，双方各得5元立减金，邀请越多奖励越多。回T退订"
    downline = "【岭南商城】入会即享分红，下线越多奖励越多。回T退订"
    assert "PRO005" not in error_codes(checker, bonus)
    assert "PRO005" in error_codes(checker, downline)


def test_a_lenders_price_in_its_own_words_is_no_investment(checker: Checker) -> None:
    text = "【岭南小贷】日费率万分之五，按日计息，借多少算多少，年化以合同为准。回T退订"
    assert "ADV003" not in found_codes(checker, text)
    assert "DIS001" in error_codes(checker, text)


def test_a_stake_paid_for_a_monthly_payout_and_a_buyback_is_a_promise(checker: Checker) -> None:
    text = "【岭南康养】交10万元认购康养公寓一间，每月返还租金1000元，五年后原价回购。回T退订"
    codes = error_codes(checker, text)
    assert {"PRO007", "ADV001"} <= codes, codes


def test_an_insurance_premium_is_no_stake(checker: Checker) -> None:
    text = "【岭南人寿】年交5万元，交5年，第6年起每年返还1万元，具体以合同为准。保险产品非存款，投保须谨慎。回T退订"
    assert "PRO007" not in found_codes(checker, text)


def test_a_group_calling_trades_is_investment_advice(checker: Checker) -> None:
    text = "【岭南投研】加入喊单群，每日推送黄金、原油买卖点位，跟着操作就行。回T退订"
    assert "PRO001" in error_codes(checker, text)


# ------------------------------------------------- words inside other words, and tips about sending
def test_can_make_use_of_offers_no_credit(rules_only: Checker) -> None:
    text = "【岭南银行】持本人身份证的客户，可借助手机银行完成实名认证，无需前往网点。"
    assert rules_only.check(text).kind != "marketing"


def test_the_informal_you_names_the_recipients_own_act(rules_only: Checker) -> None:
    text = "【岭南证券】你好，你报名的周日投资者交流会改在下午三点举行，地点不变。"
    assert rules_only.check(text).kind != "marketing"


@pytest.mark.parametrize(
    "text",
    [
        "【岭南银行】手机银行新版上线：缴费、理财、贷款还款入口更清晰，欢迎更新。回T退订",
        "【岭南证券】岭南证券App全新改版，行情、交易、理财一屏直达，欢迎体验。回T退订",
    ],
)
def test_an_apps_new_version_listing_what_it_does_sells_nothing(checker: Checker, text: str) -> None:
    codes = error_codes(checker, text)
    assert not codes & {"ADV003", "DIS001"}, codes


def test_an_app_listing_categories_with_a_gain_still_sells(checker: Checker) -> None:
    text = "【岭南银行】App新版上线：理财、基金、保险一站配齐，收益稳稳的。回T退订"
    assert "ADV003" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岭南银行】安全提示：转账凭证发给亲友前，请先遮挡卡号和余额，谨防信息泄露。",
        "【岭南银行】温馨提示：把流水截图分享给朋友时，请打码处理账号等个人信息。",
    ],
)
def test_a_tip_on_sending_with_care_induces_and_threatens_nothing(checker: Checker, text: str) -> None:
    codes = error_codes(checker, text)
    assert not codes & {"LNK003", "COL001"}, codes


def test_a_debt_sent_to_friends_stays_a_threat_whatever_it_says_of_masking(checker: Checker) -> None:
    text = "【岭南小贷】您已逾期20天，再不还款将把欠款截图发给您的亲友，打码也没用。"
    assert "COL001" in error_codes(checker, text)


def test_a_reward_for_sharing_stays_an_inducement_with_a_masking_tip(checker: Checker) -> None:
    text = "【岭南银行】账单截图分享给好友即可领5元红包，分享前请遮挡卡号。回T退订"
    assert "LNK003" in error_codes(checker, text)


# ------------------------------------------------- from the development third of rt146 (this session's red team)
@pytest.mark.parametrize(
    "text",
    [
        "【岭链】有人说数字货币投资就是骗局，其实岭链宝的老用户每天都在领收益。回T退订",
        "【岭链】都说虚拟币是骗局，但我们平台合法经营，存进去天天有收益，不用盯盘。回T退订",
        "【岭链】有人说虚拟货币都是骗局，可岭链社区的老会员早就买房买车了。回T退订",
    ],
)
def test_a_verdict_turned_in_other_words_is_still_a_foil(checker: Checker, text: str) -> None:
    assert "PRO003" in error_codes(checker, text)


def test_a_verdict_turned_to_its_victims_stays_a_warning(checker: Checker) -> None:
    text = "【岭南银行】有人说虚拟货币都是骗局，可仍有不少人被“天天有收益”吸引，请勿参与。"
    assert "PRO003" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岭南基金】投教小课堂：长期坚持基金定投，可以帮您平滑成本，但定投并不保证收益。",
        "【岭南人寿】保险小课堂：意外险帮您应对意外医疗支出，寿险保障家庭收入，两者不能互相替代。",
        "【岭南银行】您的保单年度报告已生成，本年度该保障计划为您积累现金价值2,100元。",
    ],
)
def test_a_class_taught_or_a_holding_reported_is_not_presented(rules_only: Checker, text: str) -> None:
    assert rules_only.check(text).kind != "marketing"


@pytest.mark.parametrize(
    "text",
    [
        "【岭南银行】本行城东支行自1月5日起迁至建设路66号营业，欢迎到新网点咨询。",
        "【岭南银行】反诈宣传月期间，各网点设有防骗知识展板，欢迎来网点了解。",
    ],
)
def test_a_branch_moved_or_a_warning_shown_is_no_pitch(rules_only: Checker, text: str) -> None:
    assert rules_only.check(text).kind != "marketing"


def test_a_rollover_told_in_the_sentence_before_reports_its_term(rules_only: Checker) -> None:
    text = "【岭南银行】您的一年期定期存款已到期并自动转存。新一期存款执行利率1.35%，到期日为明年1月8日。"
    assert rules_only.check(text).kind == "service"


def test_a_products_own_roll_with_a_call_to_buy_is_a_pitch(rules_only: Checker) -> None:
    text = "【岭南银行】岭南月月盈第8期已成功滚动，新一期业绩比较基准3.1%，1月5日前均可申购。"
    assert rules_only.check(text).kind == "marketing"


def test_eligibility_verified_after_an_accepted_application_is_progress(rules_only: Checker) -> None:
    text = "【岭南证券】您的科创板权限申请已受理。经审核，您已满足开通条件，权限次日生效。"
    assert rules_only.check(text).kind == "service"


def test_a_denial_through_a_long_list_of_channels_stays_denied(checker: Checker) -> None:
    text = "【岭南银行】本行员工不会以任何理由通过电话、短信、微信、QQ或上门拜访等方式向您索要密码或验证码。"
    assert "PRV003" not in found_codes(checker, text)


def test_a_trading_lesson_names_limits_not_claims(checker: Checker) -> None:
    text = "【岭南期货】期货小课堂：开仓前写好交易计划，包括进场点位、止损位置和最大仓位。期市有风险，入市需谨慎。"
    codes = error_codes(checker, text)
    assert not codes & {"PRO001", "ADV002"}, codes


@pytest.mark.parametrize(
    "text",
    [
        "【岭南财富】岭南月月盈，每个月能拿到一分五的收益。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【岭南康养】一次缴纳10万元购得康养公寓使用权，每月返租金900元。回T退订",
    ],
)
def test_a_monthly_return_in_other_words_is_priced(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text)


def test_debts_merged_into_one_is_a_loan_offer(checker: Checker) -> None:
    text = "【岭南消费金融】欠款太多记不住还款日？岭南一键还帮您把多笔欠款合并成一笔，每月只还一次。回T退订"
    assert "DIS001" in error_codes(checker, text)


def test_currencies_traded_both_ways_on_margin_is_forex(checker: Checker) -> None:
    text = "【岭南环球】欧元英镑双向操作，保证金模式1:200，下班也能做单。回T退订"
    assert "PRO004" in error_codes(checker, text)


# ------------------------------------------------- what the recipient's own card or policy brings
@pytest.mark.parametrize(
    "text",
    [
        "【岭南银行】您的借记卡已升级为白金卡，可享每月5次跨行取现免费。",
        "【岭南财险】您的家财险保单已生效，保单期内享受的免费上门检修服务每年2次，可在App预约。",
        "【岭南证券】您的新股中签款已扣缴成功，请留意后续上市公告。",
    ],
)
def test_what_the_recipients_own_holding_brings_is_reported(rules_only: Checker, text: str) -> None:
    assert rules_only.check(text).kind == "service"


@pytest.mark.parametrize(
    "text",
    [
        "【岭南银行】您的借记卡已升级为白金卡，可享专属理财年化4.2%，名额有限。",
        "【岭南银行】您的账户已升级，可享满100减20优惠，立即领取。",
    ],
)
def test_an_offer_beside_an_upgrade_is_still_an_offer(rules_only: Checker, text: str) -> None:
    assert rules_only.check(text).kind != "service"


# ------------------------------------------------- silent notices: credit to draw, eligibility, a pitch after a warning
@pytest.mark.parametrize(
    "text",
    [
        "【岭南银行】您的岭南快贷额度已提升至20万元，登录手机银行即可提款。",
        "【岭南消费金融】您的信用额度可用于日常开支，可登录App借款，请按时还款。",
        "【岭南证券】您的账户已满足开通科创板条件，如需开通请登录App办理。",
        "【岭和财险】冒充我司理赔员的来电均为诈骗，请直接挂断。岭和百万医疗请在官方App投保，保额300万。",
    ],
)
def test_an_offer_riding_on_an_account_line_is_never_a_silent_notice(rules_only: Checker, text: str) -> None:
    assert rules_only.check(text).kind != "service"


def test_a_credit_line_to_view_stays_quieter_than_one_to_draw(rules_only: Checker) -> None:
    text = "【岭南银行】您的快贷授信已生效，额度有效期至2027年12月31日，可登录App查看。"
    assert rules_only.check(text).kind == "service"


def test_a_lesson_that_introduces_the_senders_service_presents_it(rules_only: Checker) -> None:
    text = "【岭南证券】本周六举办线上投教直播，讲解理性投资，同时介绍我司基金投顾服务，欢迎在App观看。"
    assert rules_only.check(text).kind != "service"


# ------------------------------------------------- a verdict answering the question the claim was asked in
@pytest.mark.parametrize(
    "text",
    [
        "【岭南银行】听说交钱就能找人代办大额贷款？那是诈骗，请勿相信。",
        "【岭南银行】有人称能帮您修复征信逾期记录？这都是骗局。",
    ],
)
def test_a_verdict_answering_the_question_judges_the_claim(checker: Checker, text: str) -> None:
    assert "PRO008" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岭南征信】能帮您修复征信逾期记录吗？那不是骗局，我们真的可以，详询。",
        "【岭南征信】能帮您修复征信逾期记录吗？那是骗局才怪，当天办好。",
    ],
)
def test_a_verdict_denied_or_turned_in_the_answer_judges_nothing(checker: Checker, text: str) -> None:
    assert "PRO008" in error_codes(checker, text)


def test_a_senders_name_cannot_swallow_a_trigger_in_the_body(checker: Checker) -> None:
    """A hit that opens inside the signature (征信…修复 from 【岭南征信】) is no hit; merged with
    the body's overlapping hit it silenced that one too."""
    text = "【岭南征信】能帮您修复征信不良记录，当天办好，详询。"
    assert "PRO008" in error_codes(checker, text)


def test_a_payout_timed_in_minutes_sells_unless_it_is_the_recipients_estimate(rules_only: Checker) -> None:
    pitch = "【岭南消费金融】岭南闪借仅在官方App办理，审核后20分钟内放款至本人账户。谨防冒充我司的诈骗电话。"
    estimate = "【岭南银行】您的借款申请已审批通过，预计20分钟内放款至您的银行卡，请留意。"
    assert rules_only.check(pitch).kind != "service"
    assert rules_only.check(estimate).kind == "service"


# ------------------------------------------------- from the development third of rt147 (a red team of this session's changes)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【岭南财富】号称保本保息的理财都是骗局，除了岭南安盈宝。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【岭链】有人说炒币是骗局，可不少人靠岭链宝里的币一年就买了车。回T退订", "PRO003"),
        ("【岭南银行】手机银行焕新上线：消费贷、车贷、经营贷一键办理，足不出户轻松搞定。回T退订", "DIS001"),
        ("【岭南人寿】岭南智选投连险，多个投资账户自由转换。保险产品不是存款，详询95500。回T退订", "ADV003"),
        (
            "【岭南财富】岭南月月盈，月息两分都不止，每月派息。理财非存款，产品有风险，投资须谨慎。回T退订",
            "PRO007",
        ),
        ("【岭南基金】岭南消费精选混合，全市场白酒股最大持仓基金。基金有风险，投资须谨慎。回T退订", "ADV002"),
        ("【岭南银行】白金卡首年免年费，快转发给身边的朋友吧，转发前记得把手机号打码。回T退订", "LNK003"),
        ("【乐岭汇】交298元开通会员即可开店，邀请越多奖励越多，满20人升级区域代理拿提成。回T退订", "PRO005"),
    ],
)
def test_this_sessions_exemptions_do_not_launder_a_violation(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岭南银行】有人说外汇交易都是骗局，实际上高杠杆会同时放大收益和亏损，请谨慎看待。", "PRO004"),
        ("【岭南银行】进出口客户：美元、欧元信用证开证支持保证金模式，详询客户经理。回T退订", "PRO004"),
        ("【岭南银行】单证中心已开通外贸跟单群，可协助跟踪出口收汇进度，入群请联系客户经理。", "PRO001"),
        ("【岭南银行】岭南App上线“记账本”，您可借用它记录每月开支，免费使用。回T退订", "DIS001"),
        ("【岭南支付】新功能：同一商户当天的多笔小额消费可合并成一笔展示，对账更清楚。回T退订", "DIS001"),
        ("【岭南银行】会员成长计划：绑定工资卡后每月可赚5分成长值，可兑换洗车权益。回T退订", "PRO007"),
    ],
)
def test_this_sessions_new_words_raise_no_false_error(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岭南人寿】您为儿子投保的少儿医疗险已续保成功，这份保障将为孩子保障至2027年12月31日。",
        "【岭南证券】科创板权限资料审核完毕。您的账户满足开通科创板权限条件，权限将于下一交易日生效，无需再次操作。",
        "【岭南财险】台风预计今晚登陆，请趁现在将车辆移至地势较高处，如遇受损请拨打95500报案。",
        "【岭南证券】投教小课堂：一只基金帮您分散的风险有限，跨资产配置才能进一步降低波动。",
    ],
)
def test_this_sessions_offer_shapes_leave_notices_alone(rules_only: Checker, text: str) -> None:
    assert rules_only.check(text).kind != "marketing"


def test_a_bond_class_helping_is_taught_not_presented(rules_only: Checker) -> None:
    text = "【岭南证券】理财课堂：股市波动大时，配置一些债券帮您分散风险，长期持有更从容。"
    assert rules_only.check(text).kind != "marketing"


def test_a_gift_for_sharing_voids_the_masking_tip(checker: Checker) -> None:
    text = "【岭南银行】把本活动推荐给好友，推荐前记得打码手机号，每推荐一位送10元话费券。回T退订"
    assert "LNK003" in error_codes(checker, text)


def test_a_benefit_under_its_heading_is_the_recipients_own(rules_only: Checker) -> None:
    """A heading naming the recipient's own card and its update (您的白金卡权益已更新：…) is the
    subject of what follows its colon; 更新 offers nothing new."""
    text = "【岭南银行】您的金卡权益已更新：本年度可享免费洗车不限次、体检1次，详见App。"
    assert rules_only.check(text).kind == "service"


# ------------------------------------------------- from the development third of rt148 (a red team of the final code)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岭南财富】岭南季季享，一万块放进来每个月稳拿一百二，按月到账。回T退订", "ADV001"),
        ("【岭南消费金融】网贷账单太多？岭南帮您一次性全部结清，以后每月只还我们一家。回T退订", "DIS001"),
    ],
)
def test_a_sure_take_and_a_consolidation_in_plain_words_fire(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_a_private_channel_on_an_upgrade_is_no_own_benefit(rules_only: Checker) -> None:
    text = "【岭南财富】您的账户已升级为私行客户，尊享岭南私募精选通道，单笔100万元起。"
    assert rules_only.check(text).kind != "service"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岭南银行】陌生人拉您进群荐股的都是骗局，除了拉黑举报别无他法。", "PRO001"),
        ("【岭南银行】有人说养老项目投资都是骗局，可据本行了解，这类项目的收益从未兑现过。", "PRO005"),
        ("【岭南银行】您的外币账户已开通，可在App对美元、日元进行双向操作，按实时牌价成交。", "PRO004"),
        ("【岭南银行】温馨提示：积分兑换截图分享给好友前，请遮挡卡号和手机号。", "LNK003"),
    ],
)
def test_the_final_codes_cues_raise_no_false_error(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_a_deposit_insurance_notice_welcoming_questions_is_no_pitch(rules_only: Checker) -> None:
    text = "【岭南银行】存款保险标识已在本行各网点张贴。存款保险的保障范围，欢迎来网点了解。"
    assert rules_only.check(text).kind != "marketing"
