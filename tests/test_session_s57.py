"""Session of 2026-12-07 from 02:13: judgment classes from the development thirds of the sets
written this session (writers f110–f114; red teams rt207, rt208), each written here in words of
its own with the twin beside it that must keep its reading.

- a violation read where it was missed: a limit-up tip by its initials (zt票), enrolment opened
  as an offer (开放参保), a rural household count as an unsourced statistic, a discount said as
  直减, the same series' next issue, money told where to go (适合衔接到期资金), margin credit put
  within reach (还能开通两融), a new loan suggested after a payoff (重新申请借款);
- everyday wording the start code flagged: a step the recipient must finish first (完成后方可继续),
  a pretext for fees warned against (以“征信修复”为名收取), a premium or debit the recipient owes
  (抓紧缴纳保费, 如您错过本次扣款), the insurer's call-back (回访), a benefit under the recipient's
  own contract (合同约定的), any branch as the channel (到任一网点即可办理), a channel before the
  call a service condition asks for (如需开具结清证明，可在App在线申请), the recipient's own
  certificate of deposit pointed back to with its rate (该大额存单…年利率), a product word that
  only names a test (两融知识测评).
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import MINIMAL_RULE, assert_service_pass, error_codes, flagged_codes, found_codes


@pytest.mark.parametrize(
    "text",
    [
        "【恒牛财经】明早zt票已备好，进群免费看。回T退订",
        "【恒牛财经】这周zt个股名单已出，私信我拿。回T退订",
        "【恒牛财经】下周zt股已锁定，私信领取代码。回T退订",
    ],
)
def test_limit_up_tip_by_initials_is_read(checker: Checker, text: str) -> None:
    assert "PRO001" in error_codes(checker, text)


def test_initials_without_a_tip_frame_stay_quiet(checker: Checker) -> None:
    # zt票 only with a tip's frame (明日, 私信, 群 …): a ticket code in a receipt is no tip
    assert "PRO001" not in flagged_codes(checker, "【岚川支付】您的zt票务订单已支付成功，金额120.00元。")


@pytest.mark.parametrize(
    "text",
    [
        "【禾丰保险经纪】2027年度“江城惠民保”开放参保，每人每年89元，由多家保险公司共保，条款见 https://www.hefeng-broker.com/hmb",
        "【禾丰保险代理】2027年度城市定制医疗险开放投保，每人每年128元，投保链接 https://www.hefeng-ins.com",
        "【禾丰保险代理】溪城普惠保今日开放参保，60周岁以上也能保，详见 https://www.hefeng-ins.com",
    ],
)
def test_enrolment_opened_is_an_offer(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind == "marketing", r.kind_reason
    assert "OPT001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【澄明基金】您的风险测评已过期，请登录App重新测评，完成后方可继续申购基金。",
        "【澄明基金】您的合格投资者认证已到期，请重新提交资产证明，审核通过后才能继续认购私募产品。",
    ],
)
def test_a_step_the_recipient_must_finish_first_is_no_offer(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


def test_a_product_to_open_first_still_offers(checker: Checker) -> None:
    # the step taken up is itself the product (开通…后方可…): still not a plain notice
    r = checker.check("【澄明基金】您的账户已升级，开通基金定投后方可享受申购费1折。")
    assert r.kind != "service", r.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【北辰银行】提醒：有不法中介以“债务重组”“征信修复”为名收取高额服务费，本行协商还款不收取任何费用。",
        "【北辰银行】提醒：有人打着“征信修复”的旗号收取定金，请勿轻信，详询95566。",
    ],
)
def test_a_pretext_for_fees_warned_against_is_no_offer(checker: Checker, text: str) -> None:
    assert "PRO008" not in flagged_codes(checker, text)


def test_the_same_service_sold_is_still_an_error(checker: Checker) -> None:
    assert "PRO008" in error_codes(
        checker, "【信修征信】专业征信修复，以合规为名收取少量服务费，包成功。回T退订"
    )


def test_rural_household_counts_need_a_source(checker: Checker) -> None:
    text = "【临溪农商银行】兴农快贷已惠及全县1.8万户养殖户，年化利率（单利）3.85%起，详询96888。回T退订"
    assert found_codes(checker, text).get("ADV010") == "warning"


def test_households_named_without_a_count_are_no_statistic(checker: Checker) -> None:
    text = "【临溪农商银行】兴农快贷面向全县养殖户，年化利率（单利）3.85%起，详询96888。回T退订"
    assert "ADV010" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【安盛人寿】您投保的安盛康宁重疾险第2期保费3,600.00元尚未缴纳，请抓紧时间缴纳，以免保单失效。",
        "【安盛人寿】您投保的安盛福寿险已承保，我司将于5个工作日内电话回访，邀请您如实回答回访问题。",
        "【禾川农商银行】您尾号4410的借记卡需更换为芯片卡，请携带身份证到任一网点即可办理。",
        "【安信消费金融】您的借款已于11月30日全部结清，如需开具结清证明，可在App在线申请。",
        "【安信消费金融】您的借款本期应还980.00元，将于12月15日自动扣款，如您错过本次扣款，可在App主动还款。",
        "【明川银行】您在本行购买的大额存单已于12月1日到期，本息已转入尾号5512账户。该大额存单期限3年，年利率2.90%。",
    ],
)
def test_own_obligations_and_terms_read_as_service(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a sale's call with a product named after it stays a call
        "【安盛人寿】您的保单已生效。新推出的安盛尊享医疗险请抓紧时间投保，名额有限。",
        # a CD on sale pointed back to is no holding of the recipient's
        "【明川银行】本行推出三年期大额存单。该大额存单年利率2.90%，20万元起存，详询95533。",
    ],
)
def test_twins_that_sell_are_not_service(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind != "service", r.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【汇易支付】您12月2日在鲜果超市支付26.80元，已成功扣款。下周在鲜果超市用汇易支付，满30元直减3元。",
        "【鼎川理财】您持有的鼎川稳享60天已到期，本金及收益已返还至尾号2231账户。同系列120天期下周一还有一期，适合衔接到期资金。",
        "【岚山证券】您的证券账户已开户成功。资产满50万元且交易满半年后，还能开通两融，放大您的投资收益。",
        "【安信消费金融】您的借款已于12月1日全部结清，也可以在App重新申请借款。",
    ],
)
def test_an_offer_after_a_notice_is_never_silently_service(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind != "service", r.kind_reason
    assert r.verdict != "pass"


def test_a_product_word_naming_a_test_is_no_offer(checker: Checker) -> None:
    text = "【岚山证券】张先生您好，您咨询的两融开通，您的账户资产已满足条件，开通前还需完成两融知识测评。"
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason


# Second round: everyday wording the red team rt208 found flagged, in words of this file's own.


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the official interbank market's name
        (
            "【岚山理财】岚山安盈纯债今日发售，投资于在中国外汇交易中心交易的国债。理财非存款，产品有风险，投资须谨慎。回T退订",
            "PRO004",
        ),
        # a relative repaying the borrower's own loan through the app
        ("【安信消费金融】您本期借款应还1,600.00元，如亲属代还，请通过安信App操作，切勿转给个人。", "PRO008"),
        # the link is in the e-mail the message speaks of
        ("【星河银行】您的电子对账单已发至预留邮箱，明细详见邮件中的链接。", "FMT002"),
        # a merchant's settlement and a money fund's withdrawal at once
        ("【汇易支付】商户收款升级：开通后交易款T+0结算，费率0.38%。回T退订", "PRO002"),
        ("【星河基金】星河现金宝支持T+0提现，单日上限1万元。基金有风险，投资须谨慎。回T退订", "PRO002"),
        # holdings and income details looked at in the app
        ("【星河银行】手机银行已升级，可在“我的资产”查看持仓动态和收益明细。", "PRO005"),
        # an official park's grade, a weather record, the first order of a new user
        ("【星河信用卡】持卡游览九峰山国家级森林公园，门票享半价，每月限1次。回T退订", "ADV002"),
        ("【安顺财险】气象台预报明日将迎来入汛以来最强降雨，请将车辆停放至高处。", "ADV002"),
        ("【汇易支付】新用户完成第一单支付即可领取5元立减金。回T退订", "ADV002"),
        # an umbrella lent at a branch
        ("【星河银行】雨季来临，各网点便民伞随借随还，欢迎取用。回T退订", "DIS001"),
        # a payout timed, not projected
        (
            "【星河理财】星河月享30天今日发售，1元起购，到期后本金及收益预计2个工作日内到账。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
        ),
        # an order or transaction number labelled 编号
        ("【汇易支付】您的订单（订单编号330105202510120018）退款26.00元已退回余额。", "PRV001"),
        ("【安信消费金融】您的提前还款已受理，交易编号330105202510120018，将于1个工作日内扣划。", "PRV001"),
        # masked staff names with their titles
        ("【星河银行】您的专属客户经理已由王**经理变更为陈**经理，服务电话不变。", "FMT003"),
        # an event's venue labelled
        (
            "【星河银行】财富沙龙12月20日开讲，沙龙地点：杭州市西湖区文二路88号金座大厦B座802室，回复1报名。回T退订",
            "PRV004",
        ),
        # the digits asked for, glossed after the number's name
        ("【星河银行】请登录手机银行，在“额度管理”页面输入本人借记卡卡号（后四位）完成验证。", "FMT001"),
        # relatives asked along to a talk, nothing rewarded
        ("【星河银行】周六上午在城南支行举办防诈讲座，欢迎带上家中长辈来听。回T退订", "LNK003"),
    ],
)
def test_everyday_wording_is_not_flagged(checker: Checker, text: str, code: str) -> None:
    assert code not in flagged_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【鑫汇外汇】外汇交易平台开户送100美元，100倍杠杆，点差低至0.8。回T退订", "PRO004"),
        ("【速还通】信用卡代还，当天到账，手续费低至1%。回T退订", "PRO008"),
        ("【星河银行】您的账单已出，明细请点击链接查看。", "FMT002"),
        ("【鑫汇贵金属】现货黄金T+0双向交易，100倍杠杆。回T退订", "PRO002"),
        ("【鑫盈天下】静态收益每天返，动态收益拉人再翻倍。回T退订", "PRO005"),
        (
            "【星河理财】星河月享30天今日发售，收益预计4.5%，到期后2个工作日内到账。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
        ),
        ("【星河银行】客户身份证号330105199510120018已核验。", "PRV001"),
        ("【星河银行】您的信用卡已寄往杭州市西湖区文二路88号金座大厦B座802室，请查收。", "PRV004"),
        ("【星河银行】您尾号（后四位）的信用卡本期应还1,200.00元。", "FMT001"),
        ("【星河银行】周六防诈讲座，带上家中长辈一起来，每带1人到场送20元话费。回T退订", "LNK003"),
        ("【星河银行】欢迎体验**稳健之选**，详询95566。回T退订", "FMT003"),
    ],
)
def test_their_violating_twins_are_still_flagged(checker: Checker, text: str, code: str) -> None:
    assert code in flagged_codes(checker, text)


# Third round: the holes a red team of this session's own diff (rt209) found, each closed by
# narrowing the mechanism, with the everyday wording it was written for still passing.


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a relative's repayment sold as a service
        ("【快还帮】信用卡逾期？亲友代还一站式办理，我们先行垫付，详询400-800-1234。回T退订", "PRO008"),
        # a number labelled 编号 that the text itself calls an ID
        (
            "【澄河人寿】您的保单已承保，保单编号：330106201503072315（即被保险人身份证号），请妥善保管。",
            "PRV001",
        ),
        # a person's home given as an event's venue
        (
            "【澄河人寿】周六健康分享会，分享会地点：杭州市拱墅区湖墅南路186号和睦新村12幢2单元301室，回复1报名。回T退订",
            "PRV004",
        ),
        (
            "【澄河人寿】周六健康分享会，分享会地点：杭州市拱墅区湖墅南路186号8楼801室（会员李阿姨家中），回复1报名。回T退订",
            "PRV004",
        ),
        # a blank left after the number's name
        ("【澄江银行】您账号（后四位）的账户于12月3日入账工资8,500.00元。", "FMT001"),
        # bold opening with a title word
        (
            "【澄江银行】您的专属**顾问团队一对一服务**，为您定制家庭理财方案，详询96528。理财非存款，产品有风险，投资须谨慎。回T退订",
            "FMT003",
        ),
        # a projected return beside the payout's timing in one clause
        (
            "【澄江理财】澄江稳享90天今日发售，持有到期收益预计为本金的1.05%并于到期后3个工作日内到账。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
        ),
        # people brought along, rewarded in the next sentence
        (
            "【澄江银行】周日理财沙龙，欢迎带上亲友一起来听。凡携亲友到场的客户均可额外领取加油卡一张。理财非存款，产品有风险，投资须谨慎。回T退订",
            "LNK003",
        ),
    ],
)
def test_the_new_exemptions_do_not_hide_a_violation(checker: Checker, text: str, code: str) -> None:
    assert code in flagged_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】您已成功预约12月3日办理大额现金支取，预约号440305202512010015，请携带本人身份证按时到网点办理。",
        "【澄江银行】您持有的澄江稳享30天已于12月5日到期，本金及收益已到账。因产品策略调整，同系列产品明年起停止发行。",
        "【澄河保险】您投保的税优健康险将于12月31日到期，续保通道已开放投保，续保后保障不间断，可在App办理。",
        "【澄江证券】您的信用账户有1笔融资负债将于12月20日到期，请及时偿还或申请展期，可登录App了解两融合约展期规则。",
        "【安信消费金融】您的借款已于11月30日全部结清，如需开具结清证明，可在App在线申请，电子证明1个工作日内发送至您的邮箱。",
    ],
)
def test_notices_near_the_new_offer_words_stay_service(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


def test_statutory_contribution_window_is_no_enrolment_offer(checker: Checker) -> None:
    text = "【澄江农商银行】2026年度城乡居民基本医疗保险已开放参保缴费，个人缴费标准为每人380元，请于12月31日前完成缴纳。"
    assert checker.check(text).kind != "marketing"


def test_a_credit_condition_through_a_channel_is_not_excused(checker: Checker) -> None:
    # a limit asked for through the app is credit that may be on offer: never a plain notice
    text = "【安信消费金融】您的借款已于11月30日全部结清。如需调整额度，可在App在线申请。"
    r = checker.check(text)
    assert r.kind != "service", r.kind_reason


def test_margin_offered_after_an_account_opening_is_not_silent(checker: Checker) -> None:
    text = "【岚山证券】您的证券账户已开户成功。资产满50万元且交易满半年后，还能开通两融。"
    r = checker.check(text)
    assert r.kind != "service", r.kind_reason


def test_clause_scoped_void_names_a_known_group() -> None:
    """term_context_void_clause (new this session) is checked like its sentence-scoped sibling: a
    misspelt group would never void anything, silently."""
    from assistant.checker.rulespec import RuleSpec

    base = {**MINIMAL_RULE, "terms": ["甲乙"], "term_context": {"known": ["丙"]}}
    RuleSpec.model_validate({**base, "term_context_void_clause": {"known": ["丁"]}})
    with pytest.raises(ValueError, match="term_context_void_clause"):
        RuleSpec.model_validate({**base, "term_context_void_clause": {"misspelt": ["丁"]}})


def test_clause_scoped_void_stays_in_its_clause(checker: Checker) -> None:
    # a benchmark in another clause of the sentence voids nothing; a figure in the timing's own clause does
    ok = (
        "【星河理财】星河稳享180天今日发售，业绩比较基准2.60%-3.20%（不代表未来表现），1元起购，"
        "到期后本金及收益预计3个工作日内到账。理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert "ADV006" not in flagged_codes(checker, ok)
    bad = (
        "【星河理财】星河稳享180天今日发售，1元起购，到期后收益预计为2.8%并于3个工作日内到账。"
        "理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert "ADV006" in error_codes(checker, bad)


# Fourth round: a second red team of the diff (rt210) found the narrowed mechanisms still open; each
# narrowed again or withdrawn (合同约定的 as a statutory benefit, 同系列/同款 as a next issue).


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【澄河人寿】您为孩子投保的重疾险已承保，保单编号330104201503121233（同被保险人身份证号码），请妥善保管。",
            "PRV001",
        ),
        (
            "【澄江消费金融】您的借款合同已签署，借据编号330104198805121234，与借款人身份证号码一致，请妥善保管。",
            "PRV001",
        ),
        (
            "【澄江银行】养老讲座12月14日开讲，活动地址：宁波市海曙区中山西路128号2幢302室（志愿者李叔自家客厅），回复1报名。回T退订",
            "PRV004",
        ),
        (
            "【澄江银行】您的手机银行账号（后四位）登录新设备，如非本人操作，请立即致电95528冻结账户。",
            "FMT001",
        ),
        (
            "【澄川基金】澄川短债今日开放申购，持有满90天收益预估约420元/10万元并于赎回后1个工作日内到账。基金有风险，投资需谨慎。回T退订",
            "ADV006",
        ),
        (
            "【澄江银行】周六养老讲座，欢迎带上亲友一起来听。所带亲友当场开立账户的，推荐人可领取精美礼品一份。回T退订",
            "LNK003",
        ),
        ("【信易达】专业的亲属代还团队，当日还清您的信用卡账单，费用千分之六，先还后付。回T退订", "PRO008"),
        (
            "【澄江银行】网点可免费借用爱心伞，随借随还，手机银行“澄心花”同样随借随还，凭个人信用在线开通。回T退订",
            "DIS001",
        ),
    ],
)
def test_second_round_holes_are_closed(checker: Checker, text: str, code: str) -> None:
    assert code in flagged_codes(checker, text)


def test_a_product_taken_up_after_only_then_is_no_own_step(checker: Checker) -> None:
    text = "【澄河人寿】您为孩子投保的少儿医疗险已于12月1日生效。保单生效满30日后方可投保本公司少儿重疾险，为孩子补齐重疾保障。"
    assert checker.check(text).kind != "service"


@pytest.mark.parametrize(
    "text",
    [
        "【澄河保险】您于12月3日提交的惠民保投保申请因系统维护未能完成，系统将于12月5日重新开放投保，届时请在原页面继续提交。",
        "【岚川支付】您在ZT票务购买的明日19:30演出门票2张已支付成功，金额360.00元。",
    ],
)
def test_second_round_false_alarms_are_gone(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)
