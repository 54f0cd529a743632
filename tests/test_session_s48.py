"""Session of 2026-12-06 from 11:03: judgment classes from the development thirds of the sets
written this session (drafts_fresh80/81 by independent writers, redteam_session149 by a
code-reading red team), each written here in words of its own with the wording beside it that
must stay as it is.

- a rate's change is not the rate (年化利率上浮50%, 直降30%): DIS001 still asks for the loan's APR;
- an impostor named (均系冒用, 均属仿冒) is a verdict of an anti-fraud notice, like 均为冒充;
- a deposit's 份额 is its quota, no fund's units (ADV003);
- the reader's own card applied for (您申领的) and made (已制成) is a notice;
- PRV003 reads the code by its count of digits (那6个数字), the message forwarded whole
  (该短信整条转给) and the CVV by where it is printed (签名条);
- a slogan or a member of staff in brackets is no sender's name (SIG001);
- claim families: nobody cheaper in the reader's own city, 独此一款 (ADV002); a filing said to
  make the purchase safe, the state's credit lent (ADV005); an investment said to be covered by
  deposit insurance, the principal left untouched (ADV001); an association's title, a
  commentator naming the fund on air, a neighbour who bought more (ADV004); a loyalty rate as a
  share, families accompanied (ADV010); what social insurance leaves paid by the insurer
  (ADV009); both of you rewarded (LNK003); money granted to be sent to the reader's card
  (DIS001); a product sold on its recent annualised figure (ADV003).
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import FUND, WEALTH, assert_service_pass, error_codes, flagged_codes, found_codes


# ------------------------------------------------- a rate's change is not the rate
@pytest.mark.parametrize(
    "text",
    [
        "【晨星消费金融】晨星易借，额度最高15万元，随借随还，逾期按年化利率上浮40%收取罚息。回T退订",
        "【晨星消费金融】晨星易借新人礼：首笔借款年化利率立减20%，最高可借15万元。回T退订",
        "【晨星消费金融】晨星易借老客专享：年化利率直降两成，额度最高15万元。回T退订",
    ],
)
def test_a_change_of_the_rate_states_no_apr(checker: Checker, text: str) -> None:
    assert "DIS001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【晨星消费金融】晨星易借年化利率下调至7.2%起，额度最高15万元。回T退订",
        "【晨星消费金融】晨星易借年化利率（单利）7.2%-18%，逾期按年化利率上浮40%收取罚息。回T退订",
    ],
)
def test_a_rate_stated_after_its_change_is_the_apr(checker: Checker, text: str) -> None:
    assert "DIS001" not in flagged_codes(checker, text)


def test_a_discount_of_the_rate_is_no_rate_over_the_cap(checker: Checker) -> None:
    text = "【晨星消费金融】晨星易借年化利率（单利）7.2%起，新客首借年化利率直降30%。回T退订"
    assert "DIS004" not in error_codes(checker, text)


# ------------------------------------------------- an impostor named
@pytest.mark.parametrize(
    "text",
    [
        "【瑞和证券】郑重提醒：凡以“瑞和国际”名义推荐炒外汇、期货配资的，均系冒用，请致电95321核实。",
        "【瑞和证券】凡以我司名义推荐外汇保证金交易的均属他人仿冒，请勿相信。",
    ],
)
def test_an_impostor_named_is_an_anti_fraud_verdict(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


def test_the_sender_pitching_forex_is_still_read(checker: Checker) -> None:
    text = "【瑞和证券】炒外汇选瑞和国际，MT4极速开户，谨防冒用请认准官网。回T退订"
    assert "PRO004" in error_codes(checker, text)


# ------------------------------------------------- a deposit's quota
def test_a_deposits_quota_needs_no_investment_warning(checker: Checker) -> None:
    text = "【溪口农商银行】新春大额存单份额所剩不多，三年期年利率2.1%，欲存从速。回T退订"
    assert "ADV003" not in flagged_codes(checker, text)


def test_units_of_an_unnamed_product_still_need_the_warning(checker: Checker) -> None:
    text = "【溪口农商银行】溪口鑫享2号份额所剩不多，比定期存款收益高，欲购从速。回T退订"
    assert "ADV003" in error_codes(checker, text)


# ------------------------------------------------- the reader's own card, made
@pytest.mark.parametrize(
    "text",
    [
        "【溪口农商银行】您申领的第三代社保卡已制成，请于4月30日前携本人身份证到溪口支行领取。",
        "【溪口农商银行】您的借记卡已制卡完成，请于5个工作日内到开户网点领取。",
    ],
)
def test_a_card_made_for_the_reader_is_a_notice(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


def test_a_new_card_with_a_gift_is_still_an_offer(checker: Checker) -> None:
    text = "【溪口农商银行】新版联名信用卡已制成，到溪口支行领取即送50元刷卡金。"
    result = checker.check(text)
    assert result.kind == "marketing", result.kind_reason
    assert "OPT001" in error_codes(checker, text)


# ------------------------------------------------- secrets said otherwise
@pytest.mark.parametrize(
    "text",
    [
        "【溪口银行】稍后您会收到一条确认短信，请把里面那4个数字报给来电的专员完成核验。",
        "【溪口银行】您的退款需核验身份，请将稍后收到的短信整条转给为您办理的客服。",
        "【溪口银行】您尾号0921的信用卡交易待确认，请回复卡片背面签名条上的最后三位。",
    ],
)
def test_a_secret_said_otherwise_is_still_asked(checker: Checker, text: str) -> None:
    assert "PRV003" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【溪口银行】反诈提醒：谁让您把短信里那6个数字念给他，都是诈骗。",
        "【溪口银行】新卡请在卡片背面签名条处签名，切勿将卡片借与他人。",
        "【溪口银行】请将本短信转给家中老人，谨防冒充公检法诈骗。",
    ],
)
def test_a_warning_or_an_instruction_asks_for_nothing(checker: Checker, text: str) -> None:
    assert "PRV003" not in flagged_codes(checker, text)


# ------------------------------------------------- headings that name nobody
@pytest.mark.parametrize(
    "heading", ["【岁末钜惠】", "【周年献礼】", "【客户经理刘洋】", "【您的专属理财经理】"]
)
def test_a_slogan_or_a_staff_member_is_no_sender(checker: Checker, heading: str) -> None:
    text = heading + "溪口银行三年期大额存单年利率2.1%，20万元起存。回T退订"
    assert "SIG001" in error_codes(checker, text)


@pytest.mark.parametrize("heading", ["【溪口银行】", "【惠民村镇银行】", "【溪口银行客户经理】"])
def test_an_institutions_name_is_a_sender(checker: Checker, heading: str) -> None:
    text = heading + "三年期大额存单年利率2.1%，20万元起存。回T退订"
    assert "SIG001" not in flagged_codes(checker, text)


# ------------------------------------------------- claim families
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【溪口支付】溪口跨境汇款新费率上线，在本地您再也找不到比它费率更低的渠道。回T退订", "ADV002"),
        ("【溪口银行】溪口五年期大额存单，全省独此一款，年利率2.3%。回T退订", "ADV002"),
        ("【溪口理财】溪口稳健90天理财已向监管部门报备，投得放心。" + WEALTH, "ADV005"),
        (
            "【溪口基金】溪口城投债券基金所投债券均为市属国企发行，信用堪比地方政府，1元起购。" + FUND,
            "ADV005",
        ),
        ("【溪口银行】溪口安享理财也享受存款保险制度保障，50万元以内本金足额偿付。" + WEALTH, "ADV001"),
        ("【溪口银行】溪口稳享理财，行情再怎么波动，您的本金也原封不动。" + WEALTH, "ADV001"),
        ("【Xikou Bank】Xikou USD wealth plan: get your principal back at maturity. " + WEALTH, "ADV001"),
        ("【溪口基金】溪口成长混合被省基金业协会评为“年度优秀产品”，今日起发售。" + FUND, "ADV004"),
        ("【溪口基金】财经评论员老周在节目里点名溪口成长混合，称其值得长期持有。" + FUND, "ADV004"),
        ("【溪口银行】您楼下的李阿姨去年买了溪口颐养理财，今年又追加了5万。" + WEALTH, "ADV004"),
        ("【溪口财险】溪口住院医疗险，医保报销后剩下的钱我们全包了，一分不用你掏。回T退订", "ADV009"),
        ("【溪口银行】介绍朋友来网点办借记卡，办卡成功后你俩各得一箱鸡蛋。回T退订", "LNK003"),
        (
            "【溪口消费金融】经综合评估，您有一笔3万元周转资金，打开App一键转入本人银行卡即可使用。回T退订",
            "DIS001",
        ),
    ],
)
def test_a_claim_family_said_otherwise_is_an_error(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【溪口理财】溪口双月盈理财老客户续投比例达85%，1万元起购。" + WEALTH, "ADV010"),
        ("【溪口基金】溪口定投计划已陪伴2.6万个小家攒下教育金，每月300元起投。" + FUND, "ADV010"),
        (
            "【溪口银行】您的定期存款将于7月1日到期。到期资金可转入“溪口安盈60天”，该产品近6个月年化3.9%。",
            "ADV003",
        ),
    ],
)
def test_a_claim_family_said_otherwise_is_reported(checker: Checker, text: str, code: str) -> None:
    assert code in found_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【溪口理财】溪口稳健90天理财已向监管部门报备，报备不代表对产品风险作出判断。" + WEALTH, "ADV005"),
        ("【溪口银行】温馨提示：理财产品不适用存款保险制度，不受存款保险保障。", "ADV001"),
        (
            "【溪口银行】三年期定期存款年利率2.1%，存款受存款保险保障，50万元以内本金足额偿付。回T退订",
            "ADV001",
        ),
        ("【溪口银行】您的理财到期资金已转入活期，活期存款受存款保险保障。", "ADV001"),
        ("【溪口银行】溪口银行连续三年被市银行业协会评为“文明规范服务单位”，网点地址见官网。", "ADV004"),
        ("【溪口银行】您的邻居可能收到冒充本行的短信，请提醒家人勿点陌生链接。", "ADV004"),
        (
            "【溪口保险经纪】您的车险将于1月3日到期，我们已为您比对三家保险公司的报价，详询400-880-1234。回T退订",
            "ADV010",
        ),
        ("【溪口基金】溪口成长宝定投，陪着孩子一起长大，每月300元起投。" + FUND, "ADV010"),
        ("【溪口银行】您的定期存款将于7月1日到期，本息合计52,100.00元，届时自动转入活期。", "ADV003"),
        ("【溪口银行】到网点办借记卡，办卡成功即送一箱鸡蛋。回T退订", "LNK003"),
    ],
)
def test_the_neighbours_of_a_family_are_not_flagged(checker: Checker, text: str, code: str) -> None:
    assert code not in flagged_codes(checker, text)


# ------------------------------------------------- rt171: what notices say of the reader's own money
@pytest.mark.parametrize(
    "text",
    [
        # the reader owes: repaying is their duty, no return promised
        "【溪口消费金融】您的提前结清申请已受理，结清日需归还全部本金8,000.00元，请存入尾号1122的还款账户。",
        "【溪口银行】您尾号1122的个人住房贷款本月应还3,210.55元，请合理安排资金，确保按时还本付息，以免产生罚息。",
        "【溪口消费金融】您的借款本期应还980.00元，最后还款日为1月15日，请确保本息按时足额偿还。",
        # a fault of the sender's or a fraud made good, the reader's account safe
        "【溪口银行】您在我行ATM存款时因设备故障未能入账，该款项已补入尾号1122账户，相应利息损失由我行承担。",
        "【溪口银行】经核实该笔消费为他人盗用卡号所致，我行已完成调账，您不会有任何损失。",
        "【溪口银行】经核查，尾号1122账户在新设备上的登录为您本人操作，账户没有风险，可放心使用。",
        # the reader's own holding's figure once set, money sent back when a product is not set up
        "【溪口银行】您持有的溪口结构性存款第8期观察期已结束，到期收益确定为年化1.95%，本息将于1月10日划入您的活期账户。",
        "【溪口银行】因网络异常，您提交的理财申购未能完成，申购款2,000.00元已原路退回，您没有损失。",
        # interest on a maturity or a settlement, a date between (not a rate per month or per day)
        "【溪口消费金融】您的借款8,000.00元已于3月9日全部结清，累计支付利息356.20元，感谢您的信任。",
        "【溪口银行】您的3年期大额存单本金100,000.00元于3月18日到期，利息6,300.00元已存入您尾号1122的活期账户。",
        # a regulator's complaint channel, a complaint's reference dated after today
        "【溪口人寿】您的投诉已办结。如仍有异议，可向国家金融监督管理总局消费者权益保护局反映或拨打12378。",
        "【溪口银行】您的贷款申请已提交，申请编号110108209912150032，审批结果将以短信通知。",
        # masked names, an anti-fraud tip naming a short-link service, an English maturity notice
        "【溪口人寿】被保险人王**的理赔已结案，理赔款3,200.00元已支付至受益人李**尾号6612的账户。",
        "【溪口银行】反诈提醒：本行短信链接仅使用www.xikoubank.com，凡以t.cn开头的短链接均非本行发送，请勿点击。",
        "【溪口银行】Your principal-protected structured deposit SD0102 matured on 5 Jan. Principal and interest were paid to account ***1122.",
    ],
)
def test_a_notice_of_the_readers_own_money_passes(checker: Checker, text: str) -> None:
    result = checker.check(text)
    errors = [(f.code, f.evidence) for f in result.findings if f.severity == "error"]
    assert not errors, (result.kind, result.kind_reason, errors)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the same words said of a product on offer stay claims
        ("【溪口财富】溪口稳盈平台借款项目，平台确保按时还本付息，年化8%。回T退订", "ADV001"),
        ("【溪口银行】您持有的定期存款到期后可转入溪口新品，确保年化4%。回T退订", "ADV001"),
        ("【溪口理财】溪口稳盈12号，本金和收益亏损由我行承担，年化5%。回T退订", "ADV001"),
        ("【溪口理财】溪口稳盈12号，到期本金全额退还，年化5%。回T退订", "ADV001"),
        # a price for opting out, a push that goes on, a price from nil up
        ("【溪口银行】溪口信用卡新户首刷即送50元。回T退订（退订后仍会免费为您推送优惠活动）", "OPT001"),
        ("【溪口银行】溪口信用卡新户首刷即送50元。回T退订（资费0元起）", "OPT001"),
        ("【溪口银行】溪口信用卡新户首刷即送50元。回T退订（信息费0.1元/条）", "OPT001"),
        # an ID with a birth date in the past is still an ID, whatever it is called
        ("【溪口银行】您的贷款申请已受理，申请编号310104198506124820，审批结果将短信通知。", "PRV001"),
        # bold text is still Markdown
        ("【溪口人寿】**限时特惠**溪口医疗险月缴19元起，投保须谨慎。回T退订", "FMT003"),
        # a short link with a path is a link
        ("【溪口银行】活动详情点击 t.cn/A6Xk9q 回T退订", "LNK001"),
    ],
)
def test_the_same_words_on_offer_stay_errors(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【溪口银行】溪口白金卡新户首刷即送体检一次。回T退订（退订短信资费全免）",
        "【溪口银行】溪口白金卡新户首刷即送体检一次。回T退订（信息费：0元）",
        "【溪口银行】企业固定资产投资贷款，年化利率3.2%起（单利），具体以审批为准。回T退订",
        "【溪口银行】溪口e贷，额度1万-30万元，利率3.6%-12%（年化，单利），随借随还。回T退订",
        "【溪口银行】Transfer funds abroad in the Xikou app with no remittance fee until 31 Dec. 回T退订",
        "【溪口银行】手机银行“稳健理财”栏目精选3款R2级理财，业绩比较基准2.6%-3.1%，1元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【溪口银行】1月12日起，持溪口信用卡在第一百货单笔消费满500元立减50元。回T退订",
    ],
)
def test_compliant_promotions_written_so_pass(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.verdict == "pass", [(f.code, f.severity, f.evidence) for f in result.findings]


# ------------------------------------------------- drafts_fresh82: pressure, leniency, cover said otherwise
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【溪口人寿】溪口福年年金险，下月就要更换新版条款了，想锁住现在的利率请尽早。投保须谨慎。回T退订",
            "ADV007",
        ),
        (
            "【溪口消费金融】征信有点差也别急着放弃，溪口易贷一样给你机会，年化利率（单利）9.9%-23.9%。回T退订",
            "DIS003",
        ),
        ("【溪口财险】溪口医疗险，小到门诊感冒，大到重疾住院，统统给您报。回T退订", "ADV009"),
    ],
)
def test_pressure_leniency_and_cover_said_otherwise(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_credit_advice_without_an_offer_is_not_leniency(checker: Checker) -> None:
    text = "【溪口消费金融】温馨提示：征信有点花的客户，请先修复信用记录，切勿轻信“包下款”中介。"
    assert "DIS003" not in flagged_codes(checker, text)


# ------------------------------------------------- rt172: the session's own words at their edges
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the principal left untouched: a deposit's, a loan's, money kept in the reader's account
        (
            "【溪口银行】您尾号1122的大额存单已部分提前支取1万元，剩余本金5万元原封不动，继续按原利率计息至到期。",
            "ADV001",
        ),
        (
            "【溪口银行】您尾号1122的个人住房贷款已完成利率重定价，本次调整只影响利息，剩余本金纹丝不动。",
            "ADV001",
        ),
        ("【溪口银行】您尾号1122的银行卡一笔异地转账已被风控拦截，您的钱原封不动留在账户中。", "ADV001"),
        # deposit insurance named for the deposit, or in a card's name
        ("【溪口银行】溪口三年期大额存单年利率2.1%，与理财不同的是大额存单受存款保险保障。回T退订", "ADV001"),
        ("【溪口银行】您的理财金卡内活期存款受存款保险保障。", "ADV001"),
        # none left, a check that found nothing, a joint account's rights, a family policy's cover
        ("【溪口银行】因本地没有更多可预约号源，您预约的大额现金支取已改至6月20日办理。", "ADV002"),
        ("【溪口银行】系统找不到比对记录，请携带身份证到网点更新信息。", "ADV002"),
        ("【溪口银行】您与配偶的家庭共同账户已开通，你们俩都有查询和转账权限。", "LNK003"),
        ("【溪口人寿】您与配偶的家庭医疗保单已生效，你们两位都有住院医疗保障。", "LNK003"),
        # a survey's score, a receipt signed for staff, a scam reported to 12321, the hotline on the card
        ("【溪口银行】感谢您致电溪口银行，请为本次服务评分：回复1至5中的任意1个数字。", "PRV003"),
        ("【溪口银行】如收到可疑短信，可将整条短信转发至12321举报。", "PRV003"),
        ("【溪口银行】工作人员将上门办理社保卡激活，请在业务回执签名栏签字后交由工作人员带回。", "PRV003"),
        # the reader's own dividend setting, a loan's rate over a year, a treasury bond's credit
        ("【溪口基金】溪口红利混合新增分红设置：复投比例可在0%至100%之间自选。" + FUND, "ADV010"),
        ("【溪口银行】溪口经营快贷近一年年化利率（单利）始终为3.45%起，额度可达200万元。回T退订", "ADV003"),
        (
            "【溪口银行】第三期储蓄国债6月10日起发售，由财政部发行，信用等同于国家信用，100元起购。回T退订",
            "ADV005",
        ),
        # a deductible and a share stated, a quota of a deposit or of an offer, the reader's own purchase
        ("【溪口财险】溪口惠民保月缴9.9元，医保报销后的自付部分超出免赔额的我们承担80%。回T退订", "ADV009"),
        ("【溪口农商银行】三年期存款今日开售，年利率2.15%，单户份额上限50万元。回T退订", "ADV003"),
        ("【溪口银行】溪口信用卡每周五超市消费满100元立减30元，每周活动份额以App页面为准。回T退订", "ADV003"),
        (
            "【溪口财险】您报案的楼上漏水一案已受理，您买了家庭财产保险附加水渍险，损失可按合同约定理赔。",
            "ADV004",
        ),
        # a macro view in a livestream, an honour of the firm's own
        (
            "【溪口银行】今晚8点，溪口银行首席经济学家做客直播间，看好下半年消费复苏，欢迎预约观看。回T退订",
            "ADV004",
        ),
        (
            "【溪口证券】溪口证券投资者教育基地被省证券业协会评为“优秀投资者教育基地”，欢迎预约参观。回T退订",
            "ADV004",
        ),
        # money moved into a product
        (
            "【溪口银行】根据您的风险承受能力综合评估，建议将备用资金一键转入溪口活钱宝，随用随取。" + WEALTH,
            "DIS001",
        ),
    ],
)
def test_the_sessions_words_do_not_fire_beside_their_neighbours(
    checker: Checker, text: str, code: str
) -> None:
    assert code not in flagged_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【溪口银行】溪口稳享理财，不管行情怎么晃，您的本金都一动不动待在那儿。" + WEALTH, "ADV001"),
        ("【溪口理财】溪口安盈理财和您的定期存款一样，都受存款保险保障，5万元起购。" + WEALTH, "ADV001"),
        ("【溪口支付】溪口跨境汇款新费率上线，在本市您很难再找到手续费比它还低的渠道。回T退订", "ADV002"),
        (
            "【溪口银行】您的定期存款将于6月20日到期，可转入“溪口安盈90天”，该产品过去3个月年化4.1%。回T退订",
            "ADV003",
        ),
        ("【溪口理财】溪口悦享理财荣膺市理财师联合会年度“客户信赖产品”，6月12日起认购。" + WEALTH, "ADV004"),
        ("【溪口财险】溪口住院医疗险，医保不管的那部分全由我们兜着，一分钱都不用您出。回T退订", "ADV009"),
        ("【溪口银行】溪口车主贷新客首借年化利率较平时下调了30%，额度可达30万元。回T退订", "DIS001"),
        ("【溪口消费金融】溪口随心借，额度可达20万元，逾期罚息按合同年化利率的150%计收。回T退订", "DIS001"),
        ("【溪口消费金融】溪口随心借新客首借年化利率立省30%，额度可达20万元。回T退订", "DIS001"),
        ("【溪口银行】境外消费返现活动规则见 https://pse.is/xkbank 回T退订", "LNK001"),
        ("【溪口银行】介绍同事来开卡，开卡成功你们各领一桶油。回T退订", "LNK003"),
        ("【溪口银行】您的信用卡境外交易待确认，请回复卡片反面签名处末尾的三个数及有效期。", "PRV003"),
        ("【开门红】溪口银行三年期大额存单年利率2.15%，20万元起存。回T退订", "SIG001"),
        ("【客户经理 王敏】溪口银行三年期大额存单年利率2.15%，20万元起存。回T退订", "SIG001"),
        ("【私人银行家李娜】溪口银行白金信用卡新户首年免年费。回T退订", "SIG001"),
        ("【溪口财富】保本保息的溪口稳盈宝系官方产品谨防仿冒，年化4.5%，1万元起投。" + WEALTH, "ADV001"),
        ("【溪口理财】溪口鑫盈6号申购费减免，减免后年化收益率9.6%，5万元起购。" + WEALTH, "PRO007"),
    ],
)
def test_the_sessions_claims_said_just_outside_their_words(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_a_code_asked_with_a_contact_word_is_still_asked(checker: Checker) -> None:
    # 联系 holds 系, no verdict: …以防冒用 does not cancel the request
    text = "【溪口银行】请将收到的验证码告知联系您的专员，以防冒用。"
    assert "PRV003" in error_codes(checker, text)


# ------------------------------------------------- rt173: a determined sender against the end code
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【溪口银行】尊敬的(客户姓名)，您尾号(卡号后四位)的信用卡本期应还(金额)元。", "FMT001"),
        ("【溪口银行】您本期信用卡账单应还（此处填写金额）元，到期还款日为（待补充）。", "FMT001"),
        (
            "【溪口银行】溪口账单分期，分12期每期手续费率0.75%，折合年费率仅9%，手机银行即可申请。回T退订",
            "DIS001",
        ),
        ("【溪口理财】溪口月月享，每万元每月进账约90元，1万元起购。" + WEALTH, "PRO007"),
        ("【溪口银行】为完成核验，请把您信用卡背后签字处印着的三位号码报给来电客服。", "PRV003"),
        ("【溪口银行】退款已受理，请把刚收到短信里的授权码报给来电专员。", "PRV003"),
        ("【溪口银行】办理退款无需到网点，请提供验证码给客服即可。", "PRV003"),
        ("【溪口理财】溪口安享理财，买了放着就行，到期拿回来的钱只会比投进去的多。" + WEALTH, "ADV001"),
        ("【溪口理财】溪口城投1号理财，还款来源已列入区财政年度支出安排。" + WEALTH, "ADV005"),
        ("【溪口基金】溪口城投债基金，地方政府不会看着城投违约。" + FUND, "ADV005"),
        ("【溪口基金】溪口指数增强，不少财经博主都在定投。" + FUND, "ADV004"),
        (
            "【溪口人寿】溪口金福年金险本轮可售额度已消耗近九成，额度用完本年度不再开放。投保须谨慎。回T退订",
            "ADV007",
        ),
        ("【溪口消费金融】溪口随心借，征信上有点小瑕疵的朋友也欢迎来申请，年化利率7.2%起。回T退订", "DIS003"),
    ],
)
def test_a_determined_senders_wording_is_an_error(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【溪口财险】溪口车险从报案到赔款到账平均用时不到1天，续保可在App一键报价。回T退订", "ADV010"),
    ],
)
def test_a_determined_senders_statistic_is_reported(checker: Checker, text: str, code: str) -> None:
    assert code in found_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【溪口银行】您的退款已受理，款项将原路退回，无需提供任何验证码或卡片信息。", "PRV003"),
        ("【溪口银行】您的退款已受理，不需要告知验证码。", "PRV003"),
        ("【溪口银行】网银授权码已发送至您的U盾，请在本人电脑上输入。", "PRV003"),
        ("【溪口银行】溪口信用卡美食节，指定餐厅满100减30。回T退订，如有疑问请咨询客服95528。", "OPT001"),
        ("【溪口银行】溪口e贷年化利率（单利）3.6%起，分期年费率另计。回T退订", "DIS001"),
        ("【溪口银行】您尾号（3307）的信用卡本期应还1,200.00元（含分期）。", "FMT001"),
        ("【溪口人寿】溪口金福年金险本轮可售额度有限。投保须谨慎。回T退订", "DIS001"),
    ],
)
def test_a_determined_senders_neighbours_stay_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------- rt174: everyday wording beside the session's words
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【溪口银行】溪口信用卡周末美食节，满100元立减30元。回T退订，咨询客服请拨95533。", "OPT001"),
        ("【溪口银行】您的个人消费贷款将于每月8日（还款日）从尾号3307账户自动扣款。", "FMT001"),
        ("【溪口消费金融】您本期账单合计1,860.00元（应还金额），最后还款日6月25日。", "FMT001"),
        ("【溪口银行信用卡】溪口信用卡享30天价格保护：购买后30天内商品降价，差额补给您。回T退订", "ADV001"),
        ("【溪口支付】您的付款因商户系统故障未成功，款项未被扣除，您的钱原封不动，请放心。", "ADV001"),
        ("【溪口银行】温馨提示：除理财、基金外，您在本行的存款均受存款保险保障。", "ADV001"),
        ("【溪口银行】存款小贴士：建议为家庭预留3至6个月的生活开支作为应急金，可存入活期。回T退订", "DIS001"),
        (
            "【溪口支付】经系统评定，您符合返现条件：消费满3笔返10元消费金，活动结束后统一打到您的银行卡。回T退订",
            "DIS001",
        ),
        ("【溪口银行信用卡】按时还款、保持良好的信用记录，也有机会获邀升级白金卡。回T退订", "DIS003"),
        ("【溪口人寿】您与配偶同为被保险人，你们都能领取本年度一次免费体检。", "LNK003"),
        ("【溪口银行】残缺、污损的人民币硬币，持币即可到本行任一网点免费兑换。", "PRO003"),
        ("【溪口支付】您为游戏账号充值的100平台币已到账，支付金额10.00元。", "PRO003"),
        ("【溪口银行】您已成功预约贺岁纪念币，本次仅此一款，每人限兑20枚。", "ADV002"),
        (
            "【溪口银行】3年期大额存单6月10日起发售，年利率2.15%。本期共发行5亿元份额，可在手机银行预约。回T退订",
            "ADV003",
        ),
        ("【溪口银行】您的账户本月明细：6月3日存入50,000.00元；本月养老金进账3,260.00元。", "PRO007"),
        (
            "【溪口银行】广东省政府一般债券6月18日起在本行柜台发售，票面利率1.85%，还款来源纳入省级一般公共预算。回T退订",
            "ADV005",
        ),
        ("【溪口银行】如您的邮寄地址有变，请致电卡背后的客服热线告知我们新地址。", "PRV003"),
        ("【溪口银行】您申请的附属卡已寄出，请转交持卡人本人并在卡片背面签名栏签名后使用。", "PRV003"),
        ("【溪口银行】请对本次服务进行评价，回复三位号码：101非常满意，102满意，103不满意。", "PRV003"),
        (
            "【溪口银行】您已获邀参加客户答谢会，当天请向工作人员展示这条短信完整内容即可领取纪念品。回T退订",
            "PRV003",
        ),
        ("【溪口银行】您预约的纪念币兑换码为508812，兑换时请向柜员出示身份证并报出这6个数字。", "PRV003"),
    ],
)
def test_everyday_wording_stays_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------- rt175: the session's code changes at their edges
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【溪口银行】溪口e贷新客可享低至3.6%的年化利率，额度1万至30万元。回T退订", "DIS001"),
        ("【溪口小贷】溪口经营贷借款利率3.6%-15%（按年化单利计算），额度5万至50万元。回T退订", "DIS001"),
        (
            "【溪口消费金融】您的借款2万元已于2026年12月5日结清，结清证明将于次日生成，共支付利息600元。",
            "DIS004",
        ),
        (
            "【溪口银行】您存入5万元的定期存款已到期，我行已于到期当日将本息合计50,875元转入您的活期账户。",
            "PRO007",
        ),
        ("【溪口银行】您的申请资料：身份证明（已收到）、收入证明（待补充），请补充上传。", "FMT001"),
        ("【溪口银行】请核对收款人户名（姓名）与账号是否一致。", "FMT001"),
        ("【溪口信用卡】积分好礼低至8折兑换。回T退订（退订信息费由本行支付）", "OPT001"),
        ("【溪口银行】反诈提醒：本行短信不会发送t.cn短链接，请勿点击陌生链接。", "LNK001"),
        ("【溪口人寿】投保人聂**，您为被保险人邝**投保的意外险已生效。", "FMT003"),
    ],
)
def test_the_sessions_code_changes_leave_everyday_wording_clear(
    checker: Checker, text: str, code: str
) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【溪口信用卡】账单分期每期利率低至0.6%（年化利率以分期合同为准），可分3至24期。回T退订", "DIS001"),
        ("【溪口快借】不看年化利率，每月服务费仅0.8%，借1万元每月只需80元，随借随还。回T退订", "DIS001"),
        ("【溪口信用卡】积分兑换季开启，好礼低至5折。回T退订（信息费零点一元）", "OPT001"),
        ("【溪口银行】周末商超满100元立减20元。回T退订（退订资费由本行承担50%）", "OPT001"),
        ("【溪口银行】专员将来电核实身份，届时无需提供除短信验证码外的任何信息。", "PRV003"),
        (
            "【溪口信用卡】尊敬的客户，您尾号（后四位）的信用卡本期应还1,860.00元，最后还款日（日期）。",
            "FMT001",
        ),
        ("【溪口贷】新客专享：额度最高**可借20万**，年化利率（单利）7.2%起。回T退订", "FMT003"),
        ("【溪口财富】溪口稳享1号稳赚不赔、保本保息都是真的绝非假冒，年化4.8%。" + WEALTH, "ADV001"),
        ("【溪口财富】保本保息的溪口稳盈宝系本行官方产品请防假冒，年化4.5%。" + WEALTH, "ADV001"),
    ],
)
def test_the_sessions_code_changes_keep_what_they_should(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)
