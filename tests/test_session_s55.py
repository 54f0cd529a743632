"""Session of 2026-12-06 from 23:48: judgment classes from the development thirds of the sets
written this session (writers f105–f108; red teams rt201, rt202), each written here in words of
its own with the wording beside it that must stay as it is.

- a violation read where it was missed: a Cantonese guarantee (只升唔跌, 冇得蝕), a reward for
  opening an account appended to a notice (现开通…可领20元: the notice is marketing);
- everyday wording the start code flagged: a need denied of two acts at once (不需要您先转账或提供
  验证码), quoted lures judged by a verdict after the quote list (“…，…”等均为骗局), 说法 read as
  a critic's saying, a card named 康养卡.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, found_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】岚桥积存金只升唔跌，买咗冇得蝕！1克起存。黄金投资有风险。回T退订", "ADV001"),
        ("【岚桥银行】岚桥积存金保证冇蝕本，1克起存。黄金投资有风险。回T退订", "ADV001"),
        ("【岚桥财富】岚桥金宝买了就没得亏，1000元起投。投资有风险。回T退订", "ADV001"),
    ],
)
def test_cantonese_guarantees_are_read(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_a_reward_for_opening_after_a_notice_makes_it_marketing(checker: Checker) -> None:
    text = (
        "【岚桥银行】您尾号5521的账户于3月15日入账工资8,200.00元。现开通手机银行可领10元立减金，详询95566。"
    )
    result = checker.check(text)
    assert result.kind == "marketing", result.kind_reason
    assert "OPT001" in error_codes(checker, text)


def test_a_reward_already_earned_is_not_an_offer_shape(checker: Checker) -> None:
    text = "【岚桥银行】您已开通手机银行，按活动规则可领10元话费券，已充值至您的手机。"
    assert checker.check(text).kind != "marketing"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】防骗提醒：正规退款不需要您先转账或提供验证码，请直接挂断。", "PRV003"),
        ("【岚桥银行】温馨提示：办理业务不需要向本行工作人员提供短信验证码。", "PRV003"),
        (
            "【岚桥银行】投资者提示：“政府扶持项目原始股”“上市前内部认购，包翻倍”等均为骗局，请勿相信。",
            "PRO005",
        ),
        ("【岚桥银行】投资者提示：“内部认购原始股，稳赚不赔”等说法均为骗局。", "ADV001"),
        ("【岚桥康养】您的“岚桥康养卡”已激活，可在合作机构享体检服务。", "PRO008"),
    ],
)
def test_everyday_wording_is_not_an_error(checker: Checker, text: str, code: str) -> None:
    assert code not in found_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # another receiver named after the denied one: the code is asked for
        ("【岚桥银行】本次升级无需向网点仅向来电专员提供短信验证码即可完成。", "PRV003"),
        ("【岚桥银行】退款不用等，您先转账或提供验证码即可。", "PRV003"),
        ("【岚桥财富】岚桥1号稳赚不赔，说会亏钱的都是骗子。回T退订", "ADV001"),
        # a credit line's daily accrual beside a wealth product's 起购 in another sentence
        (
            "【岚桥银行】闲钱选“天天盈”，1元起购；用钱选“随心借”，额度可达20万元，按日计息。"
            "理财非存款，产品有风险，投资须谨慎。回T退订",
            "DIS001",
        ),
        ("【岚桥小贷】备用金随借随还，按日计息，日息万分之三。回T退订", "DIS001"),
        ("【岚桥中介】专业帮您养卡提额，详询微信。回T退订", "PRO008"),
    ],
)
def test_violations_beside_the_new_readings_still_fire(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_a_verdict_on_a_new_subject_after_a_quote_does_not_cancel_it(checker: Checker) -> None:
    # no class word (等, 这类) ties the verdict to the quote: reviewed, never cancelled
    text = "【岚桥财富】“内部认购原始股，稳赚不赔”，外面那些平台都是骗局。回T退订"
    assert "ADV001" in found_codes(checker, text)


# ------------------------------------------------------------- rt201: false errors of the start code
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】您的年度资产报告已生成，涵盖存款、黄金、股票、债券等资产的分布。", "PRO001"),
        ("【岚桥支付】本服务由岚桥鼎金股份有限公司提供，如有疑问请联系在线客服。", "PRO001"),
        ("【岚桥保险】您参保的岚州惠民保本月起可在线申请理赔，登录公众号即可提交材料。", "ADV001"),
        ("【岚桥信用卡】办白金卡，每期权益更丰富：每月2次机场贵宾厅。回T退订", "ADV003"),
        ("【岚桥支付】结账时向收银员出示并验证券码即可使用。回T退订", "ADV003"),
        (
            "【岚桥基金】投资牢记三件事。第一，看清风险等级；第二，长期持有；第三，分散配置。基金有风险，投资需谨慎。",
            "ADV002",
        ),
        ("【岚桥银行】手机银行新版上线，建议将系统更新至最新版本以获得最佳体验。回T退订", "ADV002"),
        ("【岚桥银行】自贸支行为国家级综合保税区内企业提供结算服务，详询95500。回T退订", "ADV002"),
        (
            "【岚桥消费金融】您的借款已逾期2天，如需对公转账，请汇入账号：4000 0234 0920 0123 456，"
            "户名：岚桥消费金融股份有限公司。",
            "PRV002",
        ),
        ("【岚桥支付】温馨提示：别点开短信里的链接，所有业务均可在App内办理。", "FMT002"),
        ("【岚桥银行】3月15日前参与#金融消费者权益日#线上答题，答对即可抽取话费。回T退订", "FMT001"),
        ("【岚桥支付】我们更新了<岚桥支付个人信息保护政策>，您可在App中查看全文。", "FMT001"),
        ("【岚桥消费金融】您的借款申请需补充身份证照片，拍摄时请避免反光或曝光过度。", "COL001"),
        ("【岚桥银行】滨江市西湖区文一路88号的24小时自助银行将于6月1日起暂停服务。", "PRV004"),
    ],
)
def test_rt201_everyday_wording_is_not_flagged(checker: Checker, text: str, code: str) -> None:
    assert code not in found_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a list mark inside the trigger between single characters is an evasion
        ("【岚桥证券】内部金、股推荐，明日必涨。回T退订", "PRO001"),
        ("【岚桥证券】今日金股：华兴科技。回T退订", "PRO001"),
        ("【岚桥保险】惠民保保本保息，回T退订", "ADV001"),
        ("【岚桥银行】我行存款利率全省第一，第二年还送好礼。回T退订", "ADV002"),
        ("【岚桥银行】我行服务第一，欢迎办理。回T退订", "ADV002"),
        ("【岚桥银行】本行贷款利率已降至最低点，年化利率3.2%起，速来办理。回T退订", "ADV002"),
        ("【岚桥消费金融】请汇入账号：6222 0234 0920 0123 456，户名：张三。", "PRV002"),
        ("【岚桥消费金融】您的借款已逾期，再不还款将曝光你的信息。", "COL001"),
    ],
)
def test_rt201_twins_still_fire(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


# ------------------------------------------------- rt202: a product put within reach after a notice
@pytest.mark.parametrize(
    "text",
    [
        "【岚桥财险】您的车险（保单尾号3306）已于3月1日续保生效，您还可以给家人配一份岚桥驾乘意外险，每座保额20万元。",
        "【岚桥证券】您的资金账户转入50,000.00元已到账，暂不交易的资金您可参与国债逆回购，1天期年化约1.8%。",
        "【岚桥人寿】您的保单（尾号0921）现金价值已达12,000.00元，资金周转时可用保单借款，不影响保障。",
        "【岚桥支付】您向鲜丰超市付款88.00元已成功，开通岚桥月付后这类订单可下月再付，在App设置即可。",
        "【岚桥支付】您的钱包收到红包8.88元，已存入余额，余额放进岚桥宝（货币基金），按天计算收益。",
        "【岚桥人寿】您的理赔款5,600.00元已转入尾号6621账户，岚桥百万医疗险可报销医保外费用，您可以了解一下。",
    ],
)
def test_a_product_put_within_reach_after_a_notice_is_not_silently_a_notice(
    checker: Checker, text: str
) -> None:
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason
    assert "OPT001" in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岚桥银行】您的风险测评已过期。完成重新测评后，即可继续购买与您风险等级匹配的理财产品。",
        "【岚桥银行】数字人民币钱包已开通，可用于申购我行代销货币基金，操作详见手机银行。",
        "【岚桥人寿】您为孩子投保的少儿医疗险将于1月5日到期，续保可在岚桥人寿App办理。",
        "【岚桥银行】您的风险承受能力评估将于12月31日到期，到期后将暂时无法申购理财产品，如需重新评估可登录手机银行办理。",
        "【岚桥人寿】您的保单已生效。保单生效后即可享受在线理赔、保单借款等服务，详询95519。",
        "【岚桥支付】您已开通岚桥月付，本月账单可下月再付。",
    ],
)
def test_the_recipients_own_products_and_steps_stay_notices(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【岚桥人寿】您投保的岚桥康宁重疾险经审核已获得保费豁免资格，后续各期保费无需缴纳，保障继续有效。",
        "【岚桥支付】您发起的提现2,000.00元因户名不符被退回，资金已返还至余额，请核对信息后立即登录App重新提现。",
        "【岚桥银行】本行将于1月1日起停用旧版U盾证书，您名下U盾请于12月31日前登录网上银行一键升级。",
    ],
)
def test_rt202_notices_are_not_read_as_offers(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert "OPT001" not in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岚桥银行】恭喜您已获得岚桥e贷专属借款资格，额度最高20万元，年化利率（单利）6%起。回T退订",
        "【岚桥银行】您的额度已提升至6万元，现在借款即可使用，年化利率（单利）7.2%起。回T退订",
    ],
)
def test_rt202_offers_beside_the_exclusions_stay_offers(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "marketing"


# ------------------------------------------- rt203: holes the session's own diff opened, closed
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【岚桥消费金融】自动还款已开通，扣款卡号：6222 0212 3456 7890 128，收款单位：岚桥消费金融股份有限公司。",
            "PRV002",
        ),
        ("【岚桥银行】鑫盈1号近三年业绩在全市同类产品中位列第一，第二期今日开放认购。回T退订", "ADV002"),
        ("【岚桥银行】岚桥信用卡返现力度第一：第二张卡同享1%返现。回T退订", "ADV002"),
        ("【岚桥证券】开户资料已审核通过，请分别点击链接完成风险测评。", "FMT002"),
        ("【岚桥消费金融】今日为最后还款日，为避免逾期点击链接即可完成还款。", "FMT002"),
        ("【岚桥银行】客服将致电您，核验时无需向专员提供短信验证码以外的任何信息。", "PRV003"),
        (
            "【岚桥财富】年终特惠 保赚钱，岚桥3号理财今日开放认购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV001",
        ),
    ],
)
def test_rt203_holes_are_closed(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】温馨提示：凡系同你讲投资只赚唔蚀嘅，全部都系呃人㗎，切记。", "ADV001"),
        ("【岚桥银行】您于2024年5月绑定ETC的尾号5678信用卡，本月通行费156.00元已于3月3日扣收。", "OPT001"),
    ],
)
def test_rt203_notices_stay_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in found_codes(checker, text)


# ------------------------------------------------------- rt204: a determined sender's wordings
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥小贷】老客户专属：借款月息两个半点，按月付息，年化利率（单利）30%。回T退订", "DIS004"),
        ("【岚桥小贷】急用钱？借款日息千一，按天计息，年化利率（单利）36.5%。回T退订", "DIS004"),
        ("【岚桥借】新用户借款年化利率7.2%起，每周仅收账户管理费1%。回T退订", "DIS004"),
        ("【岚桥借】以前有过逾期？照借不误！年化利率10.8%-24%。回T退订", "DIS003"),
        ("【岚桥借】借款审核就是走个流程，年化利率10.8%-24%。回T退订", "DIS003"),
        ("【岚桥银行】把这条短信发到家族群，每成功拉来1位新客户开户，奖励您30元话费。回T退订", "LNK003"),
        ("【岚桥小贷】李娜（身份证号320582/19850612/4573）您的借款已逾期30天，请于5月20日前还款。", "PRV001"),
    ],
)
def test_rt204_evasions_are_read(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_rt204_employer_pressure_is_reviewed(checker: Checker) -> None:
    text = "【岚桥资产】逾期记录会出现在入职背调报告里，您现在和以后的雇主都能查到，请于周五前处理欠款。"
    assert found_codes(checker, text).get("COL001") == "warning"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】您好，今天下午两点半点钞机维修，柜台暂停现金业务。", "DIS004"),
        ("【岚桥银行】反诈提醒：声称“有逾期照借不误”的都是骗子，请勿相信。", "DIS003"),
        ("【岚桥银行】一年下来收益一个多点的存款，稳稳当当。回T退订", "PRO007"),
    ],
)
def test_rt204_twins_stay_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【岚桥银行】您尾号8821的信用卡境外消费3,260.00元，交易已暂停。如为本人交易请回复1恢复，如非本人请回复2。",
        "【岚桥支付】贵商户本月交易手续费合计1,256.30元，将于12月5日从结算款中扣除。",
        "【岚桥人寿】您投保的岚桥e生医疗险将于3月1日到期，下一年度保费1380元，请于到期前在App完成续保缴费。",
        "【岚桥银行】贵公司12月3日提交的基本存款账户开户资料已收到，目前正在受理中。",
        "【岚桥银行】您的岚桥e贷本期应还2,356.80元，还款日为12月5日，请抓紧时间还款。",
        "【岚桥银行】您尾号8821的信用卡新卡已于12月5日寄出，如未收到可登录App申请补寄。",
        "【岚桥银行】您尾号4417的借记卡已到期换卡，新卡已寄出，激活新卡前旧卡仍可使用。",
    ],
)
def test_rt202_own_account_wordings_stay_notices(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "service"


@pytest.mark.parametrize(
    "text",
    [
        "【岚桥银行】本月办理账单分期手续费限时8折，回复1立即办理。",
        "【岚桥银行】岚桥鑫享理财正在发行中，业绩比较基准3.2%，1万元起购。理财非存款，产品有风险，投资须谨慎。",
    ],
)
def test_rt202_offers_beside_the_new_exclusions_stay_offers(checker: Checker, text: str) -> None:
    assert checker.check(text).kind != "service"


# ------------------------------------------------------------------ rt205: the last diff's holes
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】2024年度本市理财收益排行：第一，岚桥稳盈1号；第二，岚桥鑫享2号。回T退订", "ADV002"),
        ("【岚桥银行】您的年度账单已生成，别忘了点击链接核对明细。", "FMT002"),
        (
            "【岚桥消费金融】退款专员将致电您，您无需提供身份证、银行卡等除短信验证码以外的任何资料。",
            "PRV003",
        ),
        (
            "【岚桥财富】岚桥鑫利1号，持有满一年年化收益能有八个多点，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            "PRO007",
        ),
        ("【岚桥小贷】岚桥极速贷年化利率12%起（单利），审核就是个形式，当天放款。回T退订", "DIS003"),
    ],
)
def test_rt205_holes_are_closed(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【岚桥消费金融】如需对公转账，请汇至账号1202 0219 0920 0012 345 户名岚桥消费金融股份有限公司 开户行岚桥银行滨江支行。",
            "PRV002",
        ),
        (
            "【岚桥基金】定投小贴士：定投三件事——第一，看清风险等级；第二，坚持长期投入。基金有风险，投资需谨慎。",
            "ADV002",
        ),
        ("【岚桥银行】用卡小贴士：您别轻易点击链接，办理业务请通过岚桥银行App。", "FMT002"),
        (
            "【岚桥银行】您的退款申请已受理，全程无需提供验证码，营业时间以外的来电均非本行工作人员。",
            "PRV003",
        ),
        ("【岚桥证券】您的委托已全部成交（代码/日期/数量：600519/20240614/1200股）。", "PRV001"),
    ],
)
def test_rt205_everyday_wording_stays_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【岚桥消费金融】春节期间借款审批照常进行，节假日照放不误。年化利率（单利）10.8%起。回T退订",
            "DIS003",
        ),
        ("【岚桥银行】您的贷款审批需要走流程，请耐心等待结果通知。", "DIS003"),
    ],
)
def test_rt205_holidays_and_procedures_are_no_inducements(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_a_cantonese_denial_of_the_verdict_keeps_the_claim(checker: Checker) -> None:
    assert "ADV001" in error_codes(checker, "【岚桥财富】岚桥宝保本保息，冇呃人！1万元起投。回T退订")


# ------------------------------------------ after the landing: rt195/rt202's remaining silent notices
@pytest.mark.parametrize(
    "text",
    [
        "【岚桥消费金融】您的可借额度已提升至80,000元，打开岚桥App点“借钱”就能用，按日计息。",
        "【岚桥消费金融】您本期借款已还款成功，您的借款额度已提升至5万元，装修、旅游开销您在App里都能借。",
    ],
)
def test_credit_raised_to_draw_is_not_a_silent_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【岚桥银行】您申请的信用卡额度提升已审批通过，额度已提升至5万元，即可使用。",
        "【岚桥银行】您有3,200积分将于12月31日到期，积分不够兑换的可继续累积。",
    ],
)
def test_a_raise_the_reader_asked_for_stays_a_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "marketing", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【岚桥银行信用卡】您6月2日提交的提额申请已审批通过，信用额度已提升至5万元，即可使用。",
        "【岚桥银行信用卡】按您6月1日来电要求，您尾号4417信用卡的固定额度已提升至5万元，即可使用。",
    ],
)
def test_a_raise_the_reader_requested_stays_a_notice(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "service"
