"""Session of 2026-12-06 from 06:38: judgment classes from the development thirds of four new
independent sets (drafts_fresh68/69, and 70/71 measured only) and three red teams
(redteam_session138/139 of the start code, 140 of this session's own changes), each written here
in words of their own with the wording beside it that must stay flagged.

- a bound (最高/最低) whose lead is 到 or a credit verb (最低到6.8%, 最高能借到20万元) is a rate's or a
  credit line's bound: a warning, unless ranked against peers;
- the natural measures of a weather forecast, an effort (最大限度, unless said of the return), the
  order of the reader's own deposits (最先到期), a repayment channel named as the only one and a card
  set first for debits are fixed terms for ADV002;
- a transaction limit with its operation named and the limit word between (单日转账最高限额调整为…元);
- a purchase cap (限购额度) is no credit line for DIS001; a rival's annual rate is not the loan's;
- ADV010: a people count said with 已逾, a figure introduced by "data shows", an award, with nobody named;
- a plan to be set up (可设置…定投) is an invitation to buy, whatever notice comes before it;
- PRO001: a price said to be set, then a tip on it, is a planted frame;
- withdrawn after the blind third of rt161 (pooled counts only): a figure said annual in its bracket
  (3.8%起（年化，单利）), a free opt-out said after its price word (资费全免), blanks in round brackets,
  campaign hashtags, the reader's own price alert (可自设目标价格), 没有风险 of the reader's account, and
  a product's minimum to buy in (最低起投) as an ADV002 fixed term.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import FUND, error_codes, found_codes

LOAN_TAIL = "年化利率（单利）6.8%-12%，具体以审批为准。回T退订"


# ------------------------------------------------- bounds led by 到 or a credit verb
@pytest.mark.parametrize(
    "text",
    [
        f"【青屿银行】青屿经营贷线上申请，最高能借到20万元，{LOAN_TAIL}",
        f"【青屿银行】青屿装修贷最高可贷到50万元，{LOAN_TAIL}",
        "【青屿银行】青屿消费贷年化利率（单利）最低到6.8%，额度以审批为准。回T退订",
    ],
)
def test_a_credit_bound_is_for_review(checker: Checker, text: str) -> None:
    found = found_codes(checker, text)
    assert found.get("ADV002") == "warning", found


@pytest.mark.parametrize(
    "text",
    [
        # ranked against the peers: a superiority claim
        f"【青屿银行】全城最高能借到20万元的只有青屿经营贷，{LOAN_TAIL}",
        # a yield's floor is the superlative a wealth pitch leads with
        "【青屿财富】青屿月月盈年化收益率最低到6.8%。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_a_ranked_or_yield_bound_stays_an_error(checker: Checker, text: str) -> None:
    assert "ADV002" in error_codes(checker, text)


# ------------------------------------------------- fixed terms for ADV002
@pytest.mark.parametrize(
    "text",
    [
        "【青屿财险】寒潮预警：明晨最低气温将降至零下12℃，阵风最大风速可达9级，请做好车辆防冻。",
        "【青屿银行】为最大限度保护您的账户安全，本行将于9月1日起停用短信口令，请改用手机盾。",
        "【青屿银行】您名下三笔定期存款中最先到期的一笔将于9月3日到期，到期后按原存期自动转存。",
        "【青屿消费金融】您本期应还860.00元，最后还款日9月18日。本公司唯一还款渠道为官方App，请勿向个人账户转账。",
    ],
)
def test_fixed_terms_raise_no_absolute_claim(checker: Checker, text: str) -> None:
    assert "ADV002" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        f"【青屿基金】青屿短债A收益最高，同类产品难以企及。{FUND}",
        "【青屿银行】青屿快贷是您唯一的选择，最佳的借款体验。回T退订",
        "【青屿银行】青屿理财，最先推出的养老理财，最大收益看得见。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_superlatives_beside_the_fixed_terms_stay_errors(checker: Checker, text: str) -> None:
    assert "ADV002" in error_codes(checker, text)


# ------------------------------------------------- a transaction limit with its operation named
@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】您已通过手机银行将尾号3321借记卡的单日转账最高限额调整为3万元，次日生效。如非本人操作请致电95599。",
        "【青屿银行】您已将单笔支付最高限额设为5,000元，如非本人操作请致电95599。",
    ],
)
def test_an_operations_limit_is_no_superlative(checker: Checker, text: str) -> None:
    assert "ADV002" not in found_codes(checker, text)


def test_a_return_said_as_a_daily_ceiling_is_not_cancelled(checker: Checker) -> None:
    # (a return, not an amount of money: the limit reading leaves it for review at least)
    text = "【青屿财富】青屿日日盈单日最高收益1%，天天有钱赚。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert found_codes(checker, text).get("ADV002") in ("warning", "error")


# ------------------------------------------------- DIS001: a purchase cap
def test_a_purchase_cap_is_no_credit_line(checker: Checker) -> None:
    text = "【青屿银行】青屿三年期大额存单年利率2.1%，20万元起存，每户限购额度200万元。存款受存款保险保障。回T退订"
    assert "DIS001" not in found_codes(checker, text)


def test_a_credit_line_beside_a_purchase_cap_still_needs_its_rate(checker: Checker) -> None:
    text = "【青屿银行】大额存单每户限购额度200万元；另有青屿快贷额度最高30万元，线上申请。回T退订"
    assert "DIS001" in found_codes(checker, text)


# ------------------------------------------------- ADV010
@pytest.mark.parametrize(
    "text",
    [
        "【青屿财险】青屿车险服务客户已逾80万，续保报价请登录App查看。回T退订",
        "【青屿人寿】数据显示，六十岁以上老人每年意外就医超过两千万人次。青屿意外险，详询95519。回T退订",
        "【青屿人寿】调查表明，超过七成家庭保障不足。青屿定期寿险，详询95519。回T退订",
    ],
)
def test_unsourced_figures_are_for_review(checker: Checker, text: str) -> None:
    assert found_codes(checker, text).get("ADV010") == "warning"


@pytest.mark.parametrize(
    "text",
    [
        # the body that counted is named
        "【青屿银行】据中国人民银行数据显示，截至6月末住户存款超过140万亿元。青屿大额存单20万元起存，年利率2.1%。回T退订",
        # a notice: the rule is for promotions
        "【青屿银行】温馨提示：数据显示，电信诈骗案件中超过六成涉及冒充客服，请提高警惕。",
    ],
)
def test_sourced_or_notice_figures_raise_nothing(checker: Checker, text: str) -> None:
    assert "ADV010" not in found_codes(checker, text)


# ------------------------------------------------- kind: a plan to be set up
def test_a_plan_offered_after_a_notice_is_not_a_plain_notice(checker: Checker) -> None:
    text = (
        "【青屿银行】您尾号5512的账户于9月5日代发工资7,200.00元。工资到账后可设置“月月定投”，"
        "每月自动买入指数基金，App里一步完成。"
    )
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason
    assert result.verdict != "pass"


def test_the_readers_own_plan_stays_a_notice(checker: Checker) -> None:
    text = "【青屿银行】您设置的定投计划已于9月5日扣款1,000.00元，可登录App查看。"
    assert checker.check(text).kind == "service"


# ------------------------------------------------- PRO001: a price said to be set, then a tip (the reader's own
# price alert, 可自设目标价格, was withdrawn after rt161's blind third)
@pytest.mark.parametrize(
    "text",
    [
        "【青屿证券】您设定的目标价26元，华芯科技下周有望拉升，速看。回T退订",
        "【青屿证券】自定义目标价26元，华芯科技下周有望拉升。回T退订",
    ],
)
def test_a_tip_behind_a_price_setting_stays_an_error(checker: Checker, text: str) -> None:
    assert "PRO001" in error_codes(checker, text)


# ------------------------------------------------- kind: a help line after a question
def test_a_rate_change_notice_with_a_help_line_is_a_notice(checker: Checker) -> None:
    text = (
        "【青屿银行】自9月1日起，本行人民币存款挂牌利率调整，一年期整存整取年利率调整为1.35%，"
        "大额存单利率同步调整。如有疑问，欢迎咨询各营业网点。"
    )
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        # the moment called the one to act
        "【青屿银行】自9月1日起本行存款利率调整，一年期年利率调整为1.35%，现在存入正当时，如有疑问，欢迎咨询各营业网点。",
        # a pitch ending in where to ask
        "【青屿银行】青屿安盈理财收益稳健，业绩比较基准3.2%，欢迎咨询各营业网点。",
    ],
)
def test_a_pitch_with_a_help_line_is_still_marketing(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "marketing", result.kind_reason
    assert "OPT001" in error_codes(checker, text)


# ------------------------------------------------- OPT001: what is said of the opt-out
@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】青屿信用卡积分兑换季开启。回T退订，退订后仍会收到账户变动等服务通知。",
        "【青屿财险】青屿车险续保季。回T退订（退订后依然会发送理赔进度通知）",
        "【青屿银行】青屿信用卡积分兑换季开启。回T退订（退订短信通讯费由本行承担）",
    ],
)
def test_a_free_opt_out_works(checker: Checker, text: str) -> None:
    assert "OPT001" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿人寿】青屿少儿年金开放投保，详询您的保险顾问。回T退订（退订后仍会不定期发送优惠活动信息）",
        "【青屿银行】青屿信用卡积分兑换季开启，好礼多多。回T退订（通讯费自理）",
        "【青屿银行】青屿信用卡积分兑换季开启。回T退订（信息费0.1元/条）",
        "【青屿证券】两融利率年化5.8%起。股市有风险，入市需谨慎。回T退订（退订后仍将推送精选理财及账户优惠）",
    ],
)
def test_an_opt_out_that_costs_or_does_not_stop_is_none(checker: Checker, text: str) -> None:
    assert "OPT001" in error_codes(checker, text)


# ------------------------------------------------- PRV003: a code and where it is entered
def test_a_code_entered_on_the_readers_own_app_page_is_asked_of_nobody(checker: Checker) -> None:
    text = (
        "【青屿银行】验证码482913，请在手机银行页面填写，用于本次登录验证，5分钟内有效。验证码切勿告知他人。"
    )
    assert "PRV003" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】验证码482913，请填写后发给客服专员核对。",
        "【青屿银行】验证码482913，请在页面填写后截图发给工作人员。",
        "【青屿银行】稍后您会收到一条6位数字的短信，请把它报给来电的专员完成核验。",
    ],
)
def test_a_code_handed_over_stays_an_error(checker: Checker, text: str) -> None:
    assert "PRV003" in error_codes(checker, text)


# ------------------------------------------------- DIS001: no annual rate of the loan (a figure said annual in
# the bracket after it, 3.8%起（年化，单利）, was read as one and withdrawn after rt161's blind third)
@pytest.mark.parametrize(
    "text",
    [
        # the bracket states no rate
        "【青屿消费金融】随心借，日利率低至0.02%（年化利率请以App展示为准），审批快。回T退订",
        # a day's rate called annual in the bracket
        "【青屿消费金融】随心借日利率低至0.05%（按年化计算），审批快。回T退订",
        "【青屿消费金融】易借花比网贷平台动辄年化24%的利率省一大半，最高可借20万。回T退订",
        # a rival's annual rate only
        "【青屿消费金融】青屿分期每期费率低至0.3%，比年化18%的网贷省钱多了！线上申请。回T退订",
    ],
)
def test_no_apr_of_the_loan_stays_flagged(checker: Checker, text: str) -> None:
    assert "DIS001" in found_codes(checker, text)


# ------------------------------------------------- SIG001: a heading is no sender
@pytest.mark.parametrize(
    "text",
    [
        "【动账提醒】您尾号5512的借记卡9月5日转账支出500.00元，余额3,210.00元。",
        "【年终特惠】青屿信用卡新客户核卡后首刷满88元送60元话费券。回T退订",
    ],
)
def test_a_heading_in_the_signature_place_is_no_signature(checker: Checker, text: str) -> None:
    assert "SIG001" in error_codes(checker, text)


def test_an_institution_name_with_a_heading_word_is_a_signature(checker: Checker) -> None:
    text = "【青屿银行信用卡】您尾号5512的信用卡本期账单已出，应还1,200.00元，最后还款日9月20日。"
    assert "SIG001" not in found_codes(checker, text)


# ------------------------------------------------- FMT001: label tables (blanks in round brackets, campaign
# hashtags and app menu paths were withdrawn after the blind thirds of rt161 and rt162)
@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】您的信用卡本期最后还款日为#最后还款日#，请按时还款。",
        "【青屿基金】您申购的【请填写基金名称/代码】已确认成功，确认份额1,000.00份。",
        "您的【产品名称】到期本息【金额】元已转入尾号【尾号】账户【青屿理财】",
    ],
)
def test_blanks_left_in_a_template_are_placeholders(checker: Checker, text: str) -> None:
    assert "FMT001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】新品速递：【产品名称】青屿稳盈90天【业绩比较基准】2.6%-3.1%【起购金额】1万元。"
        "理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_a_table_of_labels_is_no_placeholder(checker: Checker, text: str) -> None:
    assert "FMT001" not in found_codes(checker, text)


# ------------------------------------------------- PRV002/PRV004: numbers by their labels and separators
def test_a_tax_voucher_number_is_no_card(checker: Checker) -> None:
    text = "【青屿银行】您缴纳的个人所得税已扣款成功，电子税票号码444016251100083215，可在个税App查询。"
    assert "PRV002" not in found_codes(checker, text)


def test_a_mobile_number_split_by_dashes_is_still_one(checker: Checker) -> None:
    text = "【青屿银行】您的卡片已寄出，快递员李师傅（电话138—0571—2288）将派送，请保持电话畅通。"
    assert "PRV004" in found_codes(checker, text)


# ------------------------------------------------- ADV001
@pytest.mark.parametrize(
    "text",
    [
        "【青屿财富】青屿季季盈第3期开放认购，确保本期年化收益达4.8%，5万元起购。理财有风险，投资需谨慎。回T退订",
        "【青屿财富】青屿安享计划募集中，1万元起投，由青屿融资担保公司全额担保本息。市场有风险，投资需谨慎。回T退订",
        "【青屿银行】大额存单年利率2.1%，青屿鑫享1号锁定利息5%。回T退订",
        "【青屿银行】青屿1号来了！每月稳赚，还送积分。回T退订",
    ],
)
def test_guarantees_stay_errors(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】青屿联名信用卡，每笔消费都能赚取航空里程，10元累积1公里。回T退订",
        "【青屿银行】当月刷卡满5笔，均可赢取1次抽奖机会。回T退订",
        "【青屿银行】三年期大额存单年利率2.1%，20万元起存，锁定三年利息，到期还本付息。存款受存款保险保障。回T退订",
    ],
)
def test_account_safety_rewards_and_a_deposits_interest_are_no_guarantee(checker: Checker, text: str) -> None:
    assert "ADV001" not in found_codes(checker, text)


# ------------------------------------------------- other rules
@pytest.mark.parametrize(
    "text",
    [
        # (首选付款卡/首选扣款卡 as fixed terms were withdrawn: they rank a card for a use as readily — rt161, rt162)
        "【青屿银行】青屿全币种信用卡，出境旅行首选付款卡，境外返现5%。回T退订",
        "【青屿银行】青屿ETC信用卡，车主出行的首选扣款卡，通行费享95折。回T退订",
    ],
)
def test_a_card_ranked_first_for_a_use_is_a_claim(checker: Checker, text: str) -> None:
    assert "ADV002" in error_codes(checker, text)


def test_a_lesson_on_buying_in_parts_is_no_tip(checker: Checker) -> None:
    text = "【青屿证券】投教小课堂：市场震荡时，可考虑分批建仓、逢低吸纳优质资产。股市有风险，入市需谨慎。回T退订"
    assert "PRO001" not in found_codes(checker, text)


def test_a_markdown_link_needs_an_address(checker: Checker) -> None:
    assert "FMT003" not in found_codes(checker, "【青屿银行】[动账提醒](尾号5512)您的账户支出128.00元。")
    assert "FMT003" in error_codes(checker, "【青屿银行】[点击领取](qingyu.cn)新客礼。回T退订")


def test_enforcement_after_a_cited_judgment_is_the_lawful_remedy(checker: Checker) -> None:
    text = (
        "【青屿银行】依据(2025)沪0115民初12345号民事判决，您应偿还借款本息8,420.15元，目前尚未履行。"
        "逾期未履行的，我行将向法院申请强制执行。"
    )
    assert "COL001" not in found_codes(checker, text)
    threat = "【速借】你再不还钱，我们马上向法院申请强制执行，冻结你全部财产！"
    assert "COL001" in error_codes(checker, threat)


def test_a_block_list_of_payers_is_no_collection_threat(checker: Checker) -> None:
    assert "COL001" not in found_codes(checker, "【青屿支付】您已将账户6208****5531加入收款人黑名单。")
    assert "COL001" in error_codes(checker, "【速借】逾期将把你加入黑名单，通知你家人。")


def test_a_fraud_warning_passed_to_elders_is_no_forwarding_inducement(checker: Checker) -> None:
    text = "【青屿银行】近期有不法分子冒充社保人员诱导老人转账。请将此提醒分享给家中长辈，谨防诈骗。"
    assert "LNK003" not in found_codes(checker, text)
    # (防范意识 and 此提醒 alone cancel nothing: a promotion's forward says them as readily — rt161, rt162)
    promo = "【青屿银行】宣传周：请将本短信转发给3位亲友，共同提升防范意识，截图发给客户经理可参与抽签赢话费。回T退订"
    assert "LNK003" in error_codes(checker, promo)
    assert "LNK003" in error_codes(checker, "【青屿银行】请将此提醒分享给好友，分享即送10元话费。")


@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】青屿季季盈第9期今日开售，1万元起购，本期规模5亿元，额满即止。理财非存款，产品有风险，投资须谨慎。回T退订",
        f"【青屿基金】青屿科技混合A正在发售，行情不等人，晚一天上车就可能错过一段涨幅。{FUND}",
    ],
)
def test_pressure_to_buy_is_for_review(checker: Checker, text: str) -> None:
    assert found_codes(checker, text).get("ADV007") == "warning"


@pytest.mark.parametrize(
    "text",
    [
        # (the rule's own example keeps a deposit's or a bond's principal at maturity for review: the
        # words cannot tell a 大额存单 from an insurer's 存单计划)
        "【青屿银行】2026年第二期储蓄国债（电子式）9月10日起发行，三年期票面年利率2.3%，到期还本，100元起购。回T退订",
        "【青屿人寿】青屿鑫享年金保险，像整存整取一样，每年交2万，到期还本，100元起购。回T退订",
        "【青屿银行】青屿存单计划，类似储蓄国债，到期还本，1万元起购。回T退订",
    ],
)
def test_principal_at_maturity_is_for_review(checker: Checker, text: str) -> None:
    assert found_codes(checker, text).get("ADV001") == "warning"


def test_a_loan_product_said_new_needs_its_rate(checker: Checker) -> None:
    text = "【青屿银行】青屿家装贷上新啦！最长可分5年，线上申请，审批结果实时可查。回T退订"
    assert "DIS001" in error_codes(checker, text)


def test_a_quarterly_gain_with_the_yuan_unsaid_is_a_rate(checker: Checker) -> None:
    text = "【青屿宝】青屿稳享计划，存10万，每个季度多拿3000，随存随取。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "PRO007" in error_codes(checker, text)


def test_a_count_after_a_deposit_is_no_gain(checker: Checker) -> None:
    assert "PRO007" not in found_codes(checker, "【青屿银行】存5万元，每月领取2次积分。回T退订")


# ------------------------------------------------- this session's own exemptions, attacked
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # an effort word said of the return
        ("【青屿财富】青屿理财，最大限度提高您的收益。理财非存款，产品有风险，投资须谨慎。回T退订", "ADV002"),
        # the code entered on the app, then someone named to take it in the next sentence
        ("【青屿银行】验证码482913，请在手机银行页面填写。填写后请告诉来电的客户经理。", "PRV003"),
    ],
)
def test_the_sessions_exemptions_do_not_reach_their_exploits(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_an_annual_fee_waiver_offered_with_a_new_card_is_an_offer(checker: Checker) -> None:
    text = "【青屿银行】您的信用卡已于9月1日扣收年费200元，新户核卡后刷卡满6次可减免次年年费。"
    assert checker.check(text).kind != "service"


def test_an_annual_fee_waiver_in_the_readers_fee_notice_is_a_term(checker: Checker) -> None:
    text = "【青屿银行】您的信用卡已于9月1日扣收年费200元，本年度刷卡满6次可减免次年年费。"
    assert checker.check(text).kind == "service"


# ------------------------------------------------- drafts_fresh70/71 development thirds
def test_a_borrowing_cost_over_the_ceiling_with_the_need_said_plainly(checker: Checker) -> None:
    text = "【速易借】急用钱找速易借，年化利率(单利)26%-33%，当天到账。回T退订"
    assert "DIS004" in error_codes(checker, text)


def test_a_high_yield_beside_cash_words_is_still_a_return(checker: Checker) -> None:
    text = "【青屿理财】闲钱周转无忧，青屿月月盈年化收益率12%。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "PRO007" in error_codes(checker, text)
    assert "DIS004" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿消费金融】您本期应还980.00元，还款日9月15日。按时还款的客户可申请提升借款额度，登录App查看。",
        "【青屿支付】您尾号5512的卡支付66.00元成功。再下一单领5元券，App首页见。",
    ],
)
def test_an_offer_riding_on_a_notice_is_not_a_plain_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason


def test_the_readers_own_credit_request_stays_a_notice(checker: Checker) -> None:
    assert checker.check("【青屿银行】您的提额申请已受理，审核结果将短信通知。").kind == "service"


# ------------------------------------------------- rt162 (a red team of this session's final diff): its
# development third's exploits of the session's own mechanisms, each closed by narrowing
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a deposit named to be replaced, then a guarantee
        (
            "【青屿财富】不用再存三年定期了，青屿添利确保年化4.2%，5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        # words between 确保本期 and the return
        (
            "【青屿财富】青屿季季盈今日开售，我行确保本期每位持有人年化收益达到4.6%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        # a guarantor guaranteeing the payout
        (
            "【青屿财富】青屿添利1期开放认购，由青屿融资担保公司担保本期按时足额兑付，5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        # an effort word with the return further on
        (
            "【青屿基金】青屿科技混合A今日发售，帮您最大程度分享科技产业成长带来的收益。基金有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        # a money raiser's pitch that mentions cash needs
        (
            "【恒裕商贸】公司年底周转需要，诚邀老客户短期参与，1万元起，月息1.5分，每月10日付息，3个月到期还本。",
            "PRO007",
        ),
        # a code entered on another party's page
        ("【青屿商城】您的订单退款验证码305817，请在对方共享的页面填写，以便为您原路退款。", "PRV003"),
        # a field left before the tail signature
        ("尊敬的客户，您的信用卡3月账单已出，本期最低还款额为【金额】元【青屿银行】", "FMT001"),
        # Markdown with the word for a link as its target
        ("【青屿银行】青屿快贷新客专享，年化利率（单利）3.6%起，[立即申请](链接)。回T退订", "FMT003"),
        # headings with a product word or Latin letters
        ("【银行卡动账提醒】您尾号8812的借记卡转账支出300.00元，余额2,100.00元。", "SIG001"),
        (
            "【VIP专享】尊敬的客户，您已获得青屿信用卡年度回馈礼，消费满3笔即可领取50元刷卡金。回T退订",
            "SIG001",
        ),
    ],
)
def test_rt162s_exploits_stay_flagged(checker: Checker, text: str, code: str) -> None:
    assert code in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】青屿信用卡境外消费季开启，详见App。回T退订（退订后仍会发送账户服务及会员专享礼遇信息）",
        "【青屿人寿】青屿终身寿险开放投保，详询95500。回T退订（退订后仍将收到保单服务及新品上市信息）",
    ],
)
def test_promotions_said_to_go_on_void_the_opt_out(checker: Checker, text: str) -> None:
    assert "OPT001" in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青屿银行】比亚迪车主专享置换贷款年化利率（单利）2.99%起，额度以审批为准。回T退订", "DIS001"),
        (
            "【青屿银行】根据(2025)浙0102民初4471号民事判决书，您应偿还借款本息8,436.20元。请按期履行，否则我行将向法院申请强制执行。",
            "COL001",
        ),
        (
            "【青屿银行】国家统计局数据显示，2025年全国居民人均可支配收入同比增长5%。青屿代发工资服务上线。回T退订",
            "ADV010",
        ),
        (
            "【青屿银行】您的年度账单已生成，数据显示，您全年使用青屿信用卡消费126笔。升级白金卡首年免年费。回T退订",
            "ADV010",
        ),
        ("【平安好福利】您的企业福利积分1,200分已到账，有效期至2026年6月30日。", "SIG001"),
        ("【青屿财险】台风“海燕”将成为今年登陆我省的最强台风，请将车辆停放至地势较高处。", "ADV002"),
        ("【青屿银行】青屿信用卡周末消费都能赚双倍积分，积分可兑换航空里程。回T退订", "ADV001"),
    ],
)
def test_rt162s_false_errors_stay_away(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_a_spending_ceiling_sold_as_a_feature_is_for_review(checker: Checker) -> None:
    text = "【青屿银行】青屿钻石信用卡，单笔消费最高可达50万元，尊享全球机场贵宾厅不限次。回T退订"
    assert found_codes(checker, text).get("ADV002") == "warning"


def test_a_tax_season_reminder_is_a_notice(checker: Checker) -> None:
    text = "【青屿银行】2025年度个税综合所得汇算办理正当时，请于6月30日前通过个税App完成申报，如有疑问可咨询12366。"
    assert checker.check(text).kind != "marketing"


# ------------------------------------------------- drafts_fresh72's development third
def test_a_code_entered_at_an_address_logged_in_to_is_asked_for(checker: Checker) -> None:
    text = "【囯屿银行】您的账户存在风险将被冻结，请立即登录 qingyu-bank.com.login-check.top 并输入短信验证码解除。"
    assert "PRV003" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青屿银行】请登录App并输入短信验证码完成绑卡。",
        "【青屿银行】请登录手机银行，输入验证码完成验证。",
    ],
)
def test_a_code_entered_in_the_readers_own_app_is_not(checker: Checker, text: str) -> None:
    assert "PRV003" not in found_codes(checker, text)


def test_forex_leverage_said_as_prying(checker: Checker) -> None:
    text = "【环屿资本】美元欧元对冲交易，1万美金撬动100万，赚汇率差价，夜盘也能做。回T退订"
    assert "PRO004" in error_codes(checker, text)


def test_a_mortgage_down_payment_said_as_prying_is_no_forex(checker: Checker) -> None:
    text = "【青屿银行】首付30万撬动100万房产，年化利率（单利）3.05%起。回T退订"
    assert "PRO004" not in found_codes(checker, text)
