"""Session of 2026-12-06 from 08:35: judgment classes from the development thirds of the sets
written this session (drafts_fresh73/74 by independent writers, redteam_session142/143 by code-
reading red teams), each written here in words of their own with the wording beside it that must
stay flagged.

- a contract the reader signed with the sender (您与本行签订的…合同) is the reader's own, and the
  legal terms of a maximum-amount security (最高债权额) are no absolute claim;
- a unit of a product priced (每份5万元) is the principal its payouts are read against (PRO007), not
  a unit's net value (净值每份1.02元).
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import assert_service_pass, error_codes, found_codes


# ------------------------------------------------- a contract signed with the sender
@pytest.mark.parametrize(
    "text",
    [
        "【岭南农商银行】您与本行签订的最高额保证合同项下最高债权额为120万元，将于2027年5月到期，续签请联系客户经理。",
        "【岭南农商银行】您与我行签署的个人借款合同将于6月18日到期，到期前请保持还款账户余额充足。",
    ],
)
def test_a_contract_the_reader_signed_is_a_notice(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a superlative about the lender, beside the legal term, is still a claim
        "【岭南农商银行】本行抵押贷款利率全市最低，最高债权额可达500万元，详询客户经理。回T退订",
        # an offer after the reader's contract is not hidden by it
        "【岭南农商银行】您与本行签订的借款合同已结清。现申请岭南快贷最高可借30万元，当天放款。",
    ],
)
def test_a_claim_or_an_offer_beside_the_contract_is_still_read(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service" or result.verdict != "pass", result.kind_reason


# ------------------------------------------------- a unit priced is a principal
@pytest.mark.parametrize(
    "text",
    [
        "【禾泰康养】禾泰颐年公寓会员权益，每份8万元，每月返还收益1000元，期满退还本金。投资有风险。回T退订",
        "【禾泰财富】禾泰季享计划一份10万元，每季度分红3000元。投资有风险。回T退订",
    ],
)
def test_payouts_on_a_priced_unit_are_a_yield(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # under the line: 300 a month on 50,000 is 7.2% a year
        "【禾泰财富】禾泰稳盈计划，每份5万元，每月返还收益300元。投资有风险。回T退订",
        # a unit's net value is no principal
        "【禾泰基金】禾泰红利基金份额净值每份1.02元，本月每份分红0.05元。基金有风险，投资须谨慎。回T退订",
    ],
)
def test_a_low_payout_or_a_net_value_is_no_high_yield(checker: Checker, text: str) -> None:
    assert "PRO007" not in found_codes(checker, text)


# ------------------------------------------------- the red team of the start code (rt163)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a dot drawn with a stand-in character
        ("【岭南支付】年终红包已到账，领取请访问 url丶cn/Ab3x 回T退订", "LNK001"),
        ("【岭南支付】年终红包已到账，领取请访问 t・cn/Ab3x 回T退订", "LNK001"),
        # the code as the digits inside the message, the PIN as the withdrawal's six digits
        ("【岭南银行】客服稍后来电，请把刚收到的短信里面的数字逐个念一遍给客服。", "PRV003"),
        ("【岭南银行】专员明日上门办理换卡，请把取款的6位数写下来交给专员。", "PRV003"),
        # small change as the unit of a yield or a cost
        (
            "【岭南财富】岭南活钱宝，每投100元每天收益约4分钱，随取随用。理财非存款，产品有风险，投资须谨慎。回T退订",
            "PRO007",
        ),
        ("【岭南小贷】岭南随借，借100元每天只要1毛钱，随借随还。回T退订", "DIS004"),
        # nobody said to beat the sender; number one in slang
        ("【岭南消费金融】全城没有一家的分期费率比我们还低，年化利率（单利）8.8%起。回T退订", "ADV002"),
        ("【岭南信用卡】岭南白金卡的里程兑换比例在全省数一数二。回T退订", "ADV002"),
        # approval promised to the holders of a bad record, a clause on
        ("【岭南消费金融】征信花了的朋友，岭南分期照样给批，年化利率（单利）12%起。回T退订", "DIS003"),
        # a link said to be below that is not there
        ("【岭南银行】您的手机银行证书即将到期，请点击下面的网址完成更新。", "FMT002"),
        # drawdowns no longer to be thought of; the state said sure to step in; a shortfall topped up
        ("【岭南基金】岭南短债A持有满半年，就不用再担心回撤了。基金有风险，投资须谨慎。回T退订", "ADV001"),
        ("【岭南财富】岭南惠民计划年化5.6%，万一出了问题政府不可能不管。投资有风险。回T退订", "ADV005"),
        (
            "【岭南理财】岭南安盈90天，收益不足业绩基准的，差额我们给您补足。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
    ],
)
def test_the_red_teams_silent_passes_stay_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岭南信用卡】岭南白金卡上线一年，每五位客户里就有一位选了它。回T退订", "ADV010"),
        (
            "【岭南消费金融】岭南分期的老客户，十个有九个会再次使用。年化利率（单利）9.8%-18%。回T退订",
            "ADV010",
        ),
    ],
)
def test_unsourced_shares_said_in_counts_are_for_review(checker: Checker, text: str, code: str) -> None:
    assert found_codes(checker, text).get(code) == "warning"


@pytest.mark.parametrize(
    "text",
    [
        # the stand-in characters are punctuation between Chinese words
        "【岭南银行】您的账户丶余额充足，无需操作。",
        # the digits compared by the reader themself; the PIN's length told, not asked for
        "【岭南银行】请核对短信里面的数字与App显示是否一致，如不一致请勿操作。",
        "【岭南银行】您的取款密码为六位数字，请勿告诉他人。",
        # the reader asked to top up their own shortfall
        "【岭南银行】您的还款账户余额不足，差额部分请您于今日补齐，以免逾期。",
        # a refusal with a bad record
        "【岭南消费金融】您有逾期记录，本次申请未获批准，如有疑问请致电95188。",
        # a warning that no bank does so
        "【岭南银行】温馨提示：没有哪家正规银行会要求您把钱转到安全账户。",
        # a drawdown named in a lesson, calmly
        "【岭南基金】短债基金也可能出现回撤，不用过度担心短期波动，请理性投资。基金有风险，投资须谨慎。",
    ],
)
def test_their_neighbours_raise_no_error(checker: Checker, text: str) -> None:
    assert not error_codes(checker, text)


def test_a_risk_named_as_the_readers_worry_is_no_warning(checker: Checker) -> None:
    text = "【岭南基金】如果担心投资有风险，可以先从岭南稳健债券A开始，10元起投。回T退订"
    assert "ADV003" in error_codes(checker, text)
    warned = "【岭南基金】岭南稳健债券A，10元起投。投资有风险，选择需谨慎。回T退订"
    assert "ADV003" not in found_codes(checker, warned)


# ------------------------------------------------- the red team of false errors (rt164)
@pytest.mark.parametrize(
    "text",
    [
        "【岭南银行】您的理财刚刚兑付到账，本金50,000.00元已转入您尾号6612的账户，请注意查收。",
        "【岭南基金】您持有的岭南稳健债券A将于6月10日收益分配，请确保收益到账的银行卡状态正常。",
        "【岭南银行】安全提示：网银操作完成后请及时拔出UKey并妥善保管，切勿借给他人。",
        "【岭南银行】您名下的第一代社保卡金融功能将于2027年3月31日停用，请到网点换领新卡。",
        "【岭南银行】防骗提醒：本行唯一官网为www.lingnan-bank.com，请勿点击陌生链接。",
        "【岭南人寿】您申请的受益人变更已完成，您的配偶为该保单唯一受益人，受益比例100%。",
        "【岭南人寿】您的理赔申请已受理，理赔编号310115202511280021，审核结果将短信通知您。",
        "【岭南银行】您已成功预约6月3日大额现金支取，预约号440305202512010015，请携身份证到网点办理。",
    ],
)
def test_fixed_terms_and_numbers_of_notices_raise_nothing(checker: Checker, text: str) -> None:
    flagged = {c: s for c, s in found_codes(checker, text).items() if s != "info"}
    assert not flagged, flagged


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # 确保 before the return itself promises it
        ("【岭南理财】岭南1号确保收益稳定，年化4%。理财非存款，产品有风险，投资须谨慎。回T退订", "ADV001"),
        # 出U said of a coin, not of a USB key
        ("【岭南】入金USDT，出U秒到账。回T退订", "PRO003"),
        # an ID number with no claim or booking word before it
        ("【岭南人寿】请核对投保人身份证号310115198511280021，如有误请回复。", "PRV001"),
    ],
)
def test_the_same_words_in_a_claim_stay_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_an_investor_protection_event_needs_no_risk_warning(checker: Checker) -> None:
    text = "【岭南银行】投资者保护宣传周：本周六在城东支行举办防范非法集资讲座，欢迎报名。回T退订"
    assert "ADV003" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # the reader's own order failed at the limit-up: a market fact, not a tip
        "【岭南证券】您委托买入的岭南科技（600123）因全天涨停封板未能成交，该笔委托已自动撤销，如需买入请明日重新下单。",
        # a download in seconds lends nothing
        "【岭南支付】岭南支付App全新升级，扫码即可30秒下载安装，首笔付款立减5元。回T退订",
        # the insurer's own claims desk is no one's home
        "【岭南人寿】请于6月20日前将病历复印件寄至广州市天河区珠江新城华夏路8号20楼理赔作业部。",
    ],
)
def test_notices_of_orders_downloads_and_claims_desks_raise_nothing(checker: Checker, text: str) -> None:
    flagged = {c: s for c, s in found_codes(checker, text).items() if s != "info"}
    assert not flagged, flagged


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岭南投研】明日必涨停，老师带你上车，加群领代码。回T退订", "PRO001"),
        ("【岭南速贷】秒下，当天到账，年化利率（单利）18%。回T退订", "DIS003"),
    ],
)
def test_a_tip_and_money_in_seconds_stay_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


# ------------------------------------------------- rt163's development third, second round
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岭南金业】国际银价全天24小时交易，可买涨也可买跌，1手起。回T退订", "PRO002"),
        ("【岭南人寿】听说岭南福享年金的预定利率下个月会往下调，现在投保还来得及。回T退订", "ADV007"),
        (
            "【岭南理财】岭南月月享新一期发售，按往期数据测算，年化能达到4.5%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
        ),
    ],
)
def test_two_way_metals_rumoured_rate_cuts_and_projections_stay_errors(
    checker: Checker, text: str, code: str
) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岭南消费金融】您的信用评估已完成，当前可借额度30000元，可在App首页一键提取。",
        "【岭南银行】您的资产已达到私行客户标准，岭南私享2号已对您开放，可联系客户经理办理。",
    ],
)
def test_credit_or_a_product_offered_as_an_account_status_is_no_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service" and result.verdict != "pass", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【岭南银行】受国际金价波动影响，上海黄金交易所调整保证金比例，请您关注持仓风险。",
        "【岭南人寿】根据监管要求，自2027年1月1日起新销售产品预定利率将下调至2.0%，已生效保单不受影响。",
        "【岭南银行】您的贷款按当前利率推算，每月月供约3,200元，以实际扣款为准。",
        "【岭南银行】您的手机银行转账功能已对您开放，如非本人操作请致电95588。",
    ],
)
def test_notices_of_margins_rate_rules_instalments_and_features_raise_nothing(
    checker: Checker, text: str
) -> None:
    assert_service_pass(checker, text)


# ------------------------------------------------- the red team of this session's diff (rt165)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the exempt strings only whole: the claims beside them stay
        (
            "【岭南理财】岭南悦享理财，我们确保收益款每月准时到账。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【岭南财富】岭南财富成立十年，所有产品到期均刚刚兑付，从未延期。投资有风险。回T退订", "ADV001"),
        ("【岭南信用卡】双十一是史上最佳刷卡日，刷卡满1000元返100元。回T退订", "ADV002"),
        ("【岭南证券】岭南证券是全市唯一官网开户送行情的券商。股市有风险，入市需谨慎。回T退订", "ADV002"),
        # the others said to fall short; the sender named by brand
        ("【岭南消费金融】岭南分期利率，别家都没我们低，年化利率（单利）7.2%起。回T退订", "ADV002"),
        ("【岭南银行】岭南大额存单，全城找不到一家利率更高的银行，20万元起存。回T退订", "ADV002"),
        # an ID named as the booking or claim number is still an ID
        ("【岭南银行】您已预约大额取现，以身份证号作为预约号：110101199003078515，请按时到网点。", "PRV001"),
        # the PIN copied for a visitor to take
        ("【岭南银行】经理将上门办理换卡，请把银行卡密码抄在纸上，经理到了会带走核对。", "PRV003"),
        # a yield in yuan and dimes
        (
            "【岭南财富】岭南日日盈，1万元每天收益约2块8毛，随存随取。理财非存款，产品有风险，投资须谨慎。回T退订",
            "PRO007",
        ),
        # a worry with a pitch after it is no caution
        ("【岭南财富】担心投资有风险的话，可以先用闲钱试试岭南稳盈理财，1万元起购。回T退订", "ADV003"),
    ],
)
def test_the_diffs_red_team_violations_stay_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # list marks between Latin words are no links
        "【岭南银行】手机银行今晚升级，期间PC丶App端暂停服务，敬请谅解。",
        "【岭南银行】验证码628411，您正在登录岭南银行PC丶App端，请在登录页面输入，切勿告知他人。",
        # figures read aloud or written down by the reader; the PIN kept off paper
        "【岭南银行】办理大额存单时，请把存单上面的数字读一遍，核对无误后再签字。",
        "【岭南银行】安全提示：不要把取款的六位数写在纸条上和银行卡放在一起。",
        "【岭南银行】请勿让陌生人带走您的银行卡和密码信封。",
        # a cover's benefit, a bond held for years, interest against the right principal, a cashback per order
        "【岭南财险】岭南出行意外险每份10元，保障期一年，意外身故可得10万元保险金。回T退订",
        "【岭南银行】储蓄国债（电子式）今日起发售，每份100元，持有5年到期本息合计112.5元。回T退订",
        "【岭南银行】零钱存入岭南活期，1元起存，1万元每天利息约1毛钱。回T退订",
        "【岭南信用卡】用岭南信用卡点外卖，每单20元以上，每天首单返5元。回T退订",
        # the first of the month; a correction paid up; a fee on a return
        "【岭南银行】您的房贷每月头一号自动扣款，请于扣款前一日存足款项。",
        "【岭南银行】因系统差错，您的理财本期收益少计12.35元，差额将于3月25日前给您补足。",
        "【岭南财险】买了岭南退货运费险，退货就不用再担心亏运费，每单低至0.5元。回T退订",
    ],
)
def test_the_diffs_red_team_neighbours_raise_no_error(checker: Checker, text: str) -> None:
    assert not error_codes(checker, text)


# ------------------------------------------------- a pitch appended to a notice in words no list holds (rt166)
@pytest.mark.parametrize(
    "text",
    [
        "【岭南银行】您尾号6612的账户12月10日代发工资8,200.00元已入账。暂时用不到的钱放进“岭南活钱宝”，随时可取，每天都有收益。",
        "【岭南财险】您的车险理赔已结案，赔款3,600.00元已转入尾号0917的银行卡。冬季水管易冻裂，岭南家财险一年一两百元，公众号即可投保。",
        "【岭南银行】您尾号4402的账户本季度利息26.40元已入账。较长时间不用的资金，本行三年期整存整取当前年利率1.90%，柜台与手机银行同价。",
    ],
)
def test_a_pitch_after_a_notice_makes_it_no_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service" and result.verdict != "pass", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        # the reader's own card or booking spoken of again, an opt-out sentence, a numbered announcement
        "【岭南银行信用卡】您申请的信用卡（尾号4417）已寄出，请注意查收。本卡享最长56天免息还款期，激活后即可使用。",
        "【岭南银行】您已预约6月20日在江滨支行办理大额取现，请携带身份证按时到达。回复1确认，回复2取消，预约前1小时均可免费取消。",
        "【岭南支付】安全提示：请勿将付款码截图转发给他人。“转发给好友即可领红包”类消息均非我司发送。",
        "【岭南银行】尊敬的客户：本行将自2027年1月1日起调整部分服务价格，具体如下：一、取消借记卡年费；二、手机银行跨行转账免费。",
    ],
)
def test_notices_that_speak_of_the_readers_own_terms_stay_notices(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "service", checker.check(text).kind_reason


# ------------------------------------------------- the red team of the whole session's diff (rt168)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a calendar year or month is no count of periods; a payout named 保障金 is still the plan's yield
        (
            "【岭南财富】岭南季季红3号开放申购：投资10万元，2026年收益约1.2万元。理财非存款，产品有风险，投资须谨慎。回T退订",
            "PRO007",
        ),
        (
            "【岭南财富】岭南月享6号：以投资10万元计，12月份收益约1500元。理财非存款，产品有风险，投资须谨慎。回T退订",
            "PRO007",
        ),
        (
            "【岭南财富】岭南安享计划：投入10万元，每年可领1.2万元保障金。理财非存款，产品有风险，投资须谨慎。回T退订",
            "PRO007",
        ),
        # a claim beside the narrowed exemptions
        (
            "【岭南财富】岭南稳盈6号，我们确保收益到账的每一分都不会少。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        ("【岭南投顾】昨天挂单未成交的朋友别着急，老师明早推荐的那只票大概率涨停。回T退订", "PRO001"),
        # a list mark is no link: the link the message points to is missing
        ("【岭南银行】SVIP、VIP客户年终礼遇已开启，点击链接即可领取专属礼包。回T退订", "FMT002"),
        # an ID said to serve as the booking number, the label far from the word
        (
            "【岭南银行】您已预约大额取现，本次以您的身份证号码作为本次预约号：110101199003078515，请到网点。",
            "PRV001",
        ),
        # a kind of customer is no caution
        ("【岭南财富】担心投资有风险的谨慎型客户，可以先从岭南稳盈7号开始，1万元起购。回T退订", "ADV003"),
        ("【岭南银行】稍后客服来电核实身份，请把刚收到的短信里的数字挨个报一遍给客服。", "PRV003"),
    ],
)
def test_the_whole_diffs_red_team_violations_stay_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # the reader's own application answered; a permission the reader earned; a line the reader asked for
        "【岭南消费金融】您提交的借款申请信用评估已完成，审批通过，当前可支取金额50,000元，年化利率（单利）9.6%。",
        "【岭南银行】您的风险承受能力评估已完成，评估结果为稳健型（C3），手机银行理财购买权限已为您开放。",
        "【岭南银行】您申请的信用卡临时额度20,000元已为您开放，有效期至2027年3月31日。",
        # an ID card listed beside a claim number; a bond priced per unit after the sum; a fund's yield per 万
        "【岭南财险】您的车险报案已受理，请携带身份证和赔案号310104202503150027到理赔中心办理。",
        "【岭南银行】储蓄国债今日发售，3年期票面年利率1.63%。以购买5万元计（500份，每份100元），每年付息815元。回T退订",
        "【岭南基金】岭南活钱宝货币基金1元起购，七日年化2.19%，每万元每天收益约6毛钱。基金有风险，投资须谨慎。回T退订",
        # a denial of agency, investor education, language codes, the risk-averse told not to buy
        "【岭南银行】郑重声明：其他平台没有我们的授权，无权以本行名义发放贷款，请认准官方渠道。",
        "【岭南银行】投教提示：没有一家正规机构能保证比存款更高的收益，承诺高收益无风险的多为骗局。",
        "【岭南基金】岭南成长混合今日发售，净值波动大，如果您担心基金有风险、承受不了波动，请勿购买。回T退订",
    ],
)
def test_the_whole_diffs_red_team_neighbours_raise_no_error(checker: Checker, text: str) -> None:
    assert not error_codes(checker, text)


# ------------------------------------------------- a red team of the end code (rt169): silent passes
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岭南支付】岭南收款码新户礼：绑卡满3笔送10元话费，立即开通 dub.sh/lnpay 回T退订", "LNK001"),
        ("【岭南消费金融】岭南随借年化利率（单利）7.2%起，支用1万元每天利息约7元。回T退订", "DIS004"),
        ("【岭南银行】稍后专员来电核实，届时请将收到的6位验证码口述给专员。", "PRV003"),
        ("【岭南人寿】岭南增额终身寿：每年攒1万，就跟往银行里攒钱一个道理。回T退订", "ADV008"),
        ("【岭南消费金融】岭南随心借，年化利率（单利）10.8%-23.9%，征信再差也给批。回T退订", "DIS003"),
        (
            "【岭南理财】岭南添利3号：无论市场怎么波动，您的本金都不受一丝影响。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【岭南银行】Lingnan Wealth 90D: your principal is fully protected, benchmark 3.1% p.a. 理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【岭南基金】岭南稳健混合A今日起认购，某高校金融系陈教授自己就投了50万。基金有风险，投资须谨慎。回T退订",
            "ADV004",
        ),
        (
            "【岭南理财】岭南优选理财：资金投向区重点工程，万一有闪失，地方政府来埋单。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV005",
        ),
        (
            "【岭南理财】岭南惠民1号：底层项目的还款来源为区财政专项拨款，到期兑付有保障。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV005",
        ),
    ],
)
def test_the_end_codes_red_team_silent_passes_stay_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岭南银行】温馨提示：请勿将验证码口述给任何人，本行工作人员不会索要。",
        "【岭南消费金融】您的借款已放款，提款金额5,000.00元已到账尾号6621的银行卡。",
        "【岭南人寿】保险产品不是存款，请勿将保险与银行存款比较收益。",
    ],
)
def test_the_end_codes_red_team_neighbours_raise_no_error(checker: Checker, text: str) -> None:
    assert not error_codes(checker, text)
