"""Session of 2026-12-06 from 18:26: judgment classes from the development thirds of the sets
written this session (writers f94–f96, red teams rt188–rt190), each written here in words of its
own with the wording beside it that must stay as it is.

- a determined sender's shapes (rt189): an ID's check character typed as a multiplication sign, a
  salutation in the signature's brackets, an annual rate with its percent sign left off, a return
  over a locked term said not to be annual, a code read out from a screen, stablecoins by ticker,
  a payment and a review platform's redirect hosts, claims in words the families lacked (本金原样回到,
  差额由本公司贴给您, 稳稳当当吃利息, custody then 不用操心, an author's pick, a customer's 多拿了,
  the estate's neighbours 续投了, 头一家, 没有哪张卡比它…更多, 同类里排在前头, 短信转到家族群);
- everyday wording the start code flagged (rt188, f94, f96): fixed terms (阵风最大, 最好的祝福, 第一书记,
  第一财经, 第一档, 第一责任人, 唯一渠道, 国家级…龙头企业, 最低维持担保比例; 医保基金, 保险保障基金, 教育基金,
  境外直接投资; 曝光位), anyone-can and bad-record families only where credit is offered, 随借随还 of an
  object lent, 借…之际, 免押 only where credit is offered, a theft cover's 存款, a spending rebate, a
  deposit's 不损失, a loan's 锁定利率, 完全放心 only where an investment is asked, a red packet drawn,
  a menu path's 填写, and a contact line set apart from the opt-out by a space.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import FUND, WEALTH, error_codes, found_codes


# ------------------------------------------------------------- a determined sender's shapes (rt189)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青岭人寿】您为女儿投保的学平险已生效，被保险人身份证号44030420140518263×，保单号Q2026001。",
            "PRV001",
        ),
        ("【亲爱的用户】您的话费积分3,000分将于月底清零，请尽快兑换。", "SIG001"),
        (f"【青岭基金】青岭纯债A开放申购，年化9.6，欢迎配置。{FUND}", "PRO007"),
        (f"【青岭证券】青岭收益凭证今日发行，封闭6个月，收益率4.3%（非年化）。{FUND}", "PRO007"),
        ("【青岭支付】工作人员稍后视频连线，请您读出手机页面弹出的6位授权码。", "PRV003"),
        ("【青岭财富】USDC理财通，随存随取，年化5%。投资有风险，选择需谨慎。回T退订", "PRO003"),
        ("【青岭银行】新春红包入口 ur.alipay.com/9kQ2xB ，回T退订", "LNK001"),
        (f"【青岭理财】青岭半年盈，到期本金原样回到您卡上，1万元起购。{WEALTH}", "ADV001"),
        (f"【青岭基金】青岭安享债基开放申购，持有一年若亏了，差额由本公司贴给您。{FUND}", "ADV001"),
        (f"【青岭基金】青岭月月享，退休金放进来，每个月安安稳稳吃利息。{FUND}", "ADV001"),
        (f"【青岭基金】青岭稳利债基开放申购，资产由大行全程托管，安全方面您不用操心。{FUND}", "ADV001"),
        (f"【青岭基金】财经畅销书作者亲自挑选的青岭配置组合上线。{FUND}", "ADV004"),
        (f"【青岭基金】青岭稳利债基热销中，我们小区里的李老师上期到期后都续投了。{FUND}", "ADV004"),
        ("【青岭银行】青岭银行是全省头一家支持社保卡线上激活的银行。回T退订", "ADV002"),
        ("【青岭银行】青岭信用卡加油返现8%，没有哪张卡比它返得更高。回T退订", "ADV002"),
        ("【青岭银行】青岭信用卡首刷礼，划算的话把这条短信转到家族群，让亲戚也来办。回T退订", "LNK003"),
    ],
)
def test_a_determined_senders_shapes_are_read(checker: Checker, text: str, code: str) -> None:
    assert code in found_codes(checker, text)


def test_a_peer_rank_said_in_words_is_an_unsourced_ranking(checker: Checker) -> None:
    text = f"【青岭基金】青岭短债A近一年业绩在同类基金里一直排得靠前，今日开放申购。{FUND}"
    assert found_codes(checker, text).get("ADV010") == "warning"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the check character of a serial, not an ID (no plausible birth date)
        ("【青岭银行】您的快递单号99999999999999999×已签收。", "PRV001"),
        ("【青岭银行】您的积分3,000分将于月底清零，请尽快兑换。", "SIG001"),
        # a rate with its unit, or a range, is read as before; a figure with more words after is no rate
        (f"【青岭基金】青岭纯债A开放申购，年化2.6，欢迎配置。{FUND}", "PRO007"),
        (f"【青岭证券】青岭收益凭证今日发行，期限12个月，年化收益率4.3%。{FUND}", "PRO007"),
        ("【青岭支付】您的授权码已发送至App，请在App内输入6位授权码完成绑定，切勿告知他人。", "PRV003"),
        ("【青岭银行】您的定期存款到期后本金已原路返回您尾号2201的账户。", "ADV001"),
        ("【青岭银行】您的存款已到期，本息已转回您尾号2201账户，请查收。", "ADV001"),
        (f"【青岭基金】基金资产由青岭银行托管。{FUND}", "ADV001"),
        ("【青岭银行】本文作者为本行首席经济学家，观点仅供参考。回T退订", "ADV004"),
        ("【青岭银行】小区里的网点周六照常营业。", "ADV004"),
        ("【青岭银行】您的快递已送达小区里的驿站。", "ADV004"),
    ],
)
def test_their_neighbours_stay_as_they_are(checker: Checker, text: str, code: str) -> None:
    assert code not in found_codes(checker, text)


# ------------------------------------------------------- everyday wording the start code flagged
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青岭财险】寒潮来袭，明日沿江阵风最大可达10级，请车主注意停车安全。", "ADV002"),
        ("【青岭银行】值此新春，青岭银行送上最好的祝福，信用卡境外消费享5%返现。回T退订", "ADV002"),
        ("【青岭农商银行】本周客户经理随驻村第一书记下乡，现场办理社保卡激活。回T退订", "ADV002"),
        ("【青岭银行】据第一财经报道，春节出境游升温，青岭信用卡境外消费返现3%。回T退订", "ADV002"),
        ("【青岭支付】您本月缴纳电费203.40元，已超出阶梯电价第一档。", "ADV002"),
        ("【青岭银行】您是个人账户安全的第一责任人，请勿向他人出借银行卡。", "ADV002"),
        ("【青岭消费金融】温馨提示：青岭App是借款申请的唯一渠道，请勿向个人账户转账。", "ADV002"),
        ("【青岭农商银行】兴农贷面向国家级农业产业化重点龙头企业，年化利率（单利）3.6%起。回T退订", "ADV002"),
        ("【青岭证券】您的信用账户维持担保比例已低于130%的最低维持担保比例，请及时追加担保物。", "ADV002"),
        ("【青岭银行】零存整取每月300元起存，为孩子攒一笔教育基金，存款受存款保险保障。回T退订", "ADV003"),
        ("【青岭银行】医保电子凭证可在手机银行绑定，维护医保基金安全，人人有责。回T退订", "ADV003"),
        ("【青岭人寿】您的保单受保险保障基金依法保障，详询95519。", "ADV003"),
        ("【青岭银行】青岭银行可为企业办理境外直接投资外汇登记，详询客户经理。回T退订", "ADV003"),
        ("【青岭支付】新商户入驻送3天首页曝光位，账单每日推送。回T退订", "COL001"),
        ("【青岭银行】青岭ETC免费办理，人人可办，通行费享9折。回T退订", "DIS003"),
        ("【青岭银行】少年财商营开始报名，在校学生均可参加，名额有限。回T退订", "DIS003"),
        ("【青岭支付】信用分满600分，借充电宝免押金，随借随还。回T退订", "DIS001"),
        ("【青岭银行】借新春佳节之际，青岭银行为您准备了新年礼包，登录App领取。回T退订", "DIS001"),
        ("【青岭支付】开通青岭收款码：免押金、免年费，营业款当日到账。回T退订", "PRO008"),
        ("【青岭财险】账户安全险：借记卡存款被盗刷的损失按合同赔偿，年保费9.9元。回T退订", "ADV008"),
        ("【青岭银行】青岭信用卡每周三在指定超市消费享10%返利，每月上限30元。回T退订", "PRO007"),
        ("【青岭银行】三年期大额存单可转让，持有满30天转让不损失已得利息。回T退订", "ADV001"),
        ("【青岭银行】青岭固定利率房贷：锁定年化利率（单利）3.4%，前5年不变。回T退订", "ADV001"),
        ("【青岭银行】您反映的重复扣款已核实，多扣的56.00元已原路退回，请您完全放心。", "ADV001"),
        ("【青岭支付】周末用青岭支付坐公交，有望获得随机红包。回T退订", "ADV006"),
        ("【青岭银行】请登录手机银行，进入【我的-资料填写】页面更新证件有效期。", "FMT001"),
        ("【青岭银行】青岭信用卡首刷满99元赠保温杯一只。回T退订 如有疑问请致电95588", "OPT001"),
    ],
)
def test_everyday_wording_stays_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青岭贷】人人可办，年化利率（单利）12%起，征信不好也能试。回T退订", "DIS003"),
        ("【青岭贷】在校学生均可申请借款，年化利率（单利）12%起。回T退订", "DIS003"),
        ("【青岭消费金融】青岭备用金随借随还，按日计息。回T退订", "DIS001"),
        ("【青岭贷】急用钱？借5万，新春之际福利多。回T退订", "DIS001"),
        ("【青岭快贷】免押免抵押，当日到账，额度最高20万。回T退订", "PRO008"),
        (f"【青岭理财】青岭稳享理财：锁定年化收益4.2%，1万元起购。{WEALTH}", "ADV001"),
        ("【青岭理财】青岭稳享理财1万元起购，本金您完全放心。回T退订", "ADV001"),
        (f"【青岭理财】青岭稳享理财，持有期满不损失本金。{WEALTH}", "ADV001"),
        ("【青岭银行】青岭信用卡首刷满99元赠保温杯一只。回T退订请致电95588", "OPT001"),
        ("【青岭银行】青岭信用卡首刷满99元赠保温杯一只。回T退订 资费0.1元/条", "OPT001"),
        ("【青岭银行】尊敬的【填写客户姓名】，您的账单已出。", "FMT001"),
        ("【青岭银行】全城利率最低的消费贷，年化利率（单利）3.1%起。回T退订", "ADV002"),
    ],
)
def test_their_violating_twins_still_fail(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


# ------------------------------------------------------------- the kind: a contact line (rt190)
def test_a_contact_line_does_not_lift_one_offer_word_in_a_notice_to_a_promotion(checker: Checker) -> None:
    """详询95588 ends notices and offers alike: beside a notice's own account and event, with one
    word that also names offers (活动 of 异常交易活动), the notice is not made a promotion."""
    r = checker.check(
        "【青岭银行】我行监测到您尾号2201的借记卡存在异常交易活动，已暂停非柜面交易，请携带身份证到网点核实，详询95588。"
    )
    assert r.kind != "marketing", r.kind_reason
    assert "OPT001" not in error_codes(checker, r.text)


def test_a_notice_with_an_offer_appended_is_still_not_silently_a_notice(checker: Checker) -> None:
    r = checker.check(
        "【青岭银行】您尾号2201的信用卡本期账单已出，应还3,200.00元。账单分期享优惠，详询95588。"
    )
    assert r.kind == "uncertain", r.kind_reason
    assert found_codes(checker, r.text).get("OPT001") == "warning"


def test_a_promotion_with_a_contact_line_is_still_a_promotion(checker: Checker) -> None:
    r = checker.check("【青岭银行】青岭信用卡分期优惠进行中，详询95588。")
    assert r.kind == "marketing", r.kind_reason
    assert "OPT001" in error_codes(checker, r.text)


@pytest.mark.parametrize(
    "text",
    [
        # more credit, another card or a switch said to be there for the taking after a notice
        "【青岭人寿】您的青岭终身寿险已进入第5个保单年度，现金价值6.1万元。保单还能借出现金价值的80%，按日计息。",
        "【青岭银行信用卡】您的信用卡已持卡满两年，感谢相伴。副卡不收年费，在App就能给家人加办。",
        "【青岭基金】您持有的青岭货币A本月收益已结转。同系列青岭短债A波动小，持仓页点转换就能换过去。",
        # cover recommended for what the reader holds, or an add-on named at once
        "【青岭银行】您的消费贷20万元已放款至尾号3301账户。建议为本笔贷款配一份借款人意外保障，每万元每年仅12元。",
    ],
)
def test_a_pitch_after_a_notice_in_plain_words_is_not_silently_a_notice(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind != "service", r.kind_reason
    assert "OPT001" in found_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【青岭银行】您尾号3301的信用卡额度已恢复，就能正常使用了。",
        "【青岭银行】您的电子回单已生成，登录手机银行就能查看下载。",
        "【青岭财险】您的车险理赔已结案，赔款已转入尾号4412的银行卡。邀请您为本次理赔服务打分，回复1至5即可。",
    ],
)
def test_what_the_reader_can_do_with_their_own_is_still_a_notice(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass", [(f.code, f.severity) for f in r.findings]


# ------------------------------------------- a red team of this session's own diff (rt191), both ways
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the exemptions narrowed to what they meant
        ("【青岭消费金融】青岭易贷年化利率（单利）6.9%起，在本省同业中稳居第一阶梯。回T退订", "ADV002"),
        ("【青岭银行】青岭App是全市唯一渠道，可买到年利率2.5%的三年期存单。回T退订", "ADV002"),
        (f"【青岭银行】青岭稳享三年期理财，锁定年化利率4.1%，三年不变。{WEALTH}", "ADV001"),
        (f"【青岭银行】青岭卡享盈理财：刷卡享年化收益率9.2%，1万元起购。{WEALTH}", "PRO007"),
        ("【青岭小贷】青岭经营贷面向个体工商户，人人可办，当天审批。回T退订", "DIS003"),
        ("【青岭普惠】青岭车主贷：无工作、有逾期的也可办理，凭行驶证即可申请。回T退订", "DIS003"),
        (
            "【青岭人寿】青岭金账户万能险，资金进出就像卡内存款一样灵活。保险产品非存款，投保须谨慎。回T退订",
            "ADV008",
        ),
        ("【青岭财险】车险续保享9折，详询95500。回T退订 退订需致电95500人工办理", "OPT001"),
        ("【青岭银行】尊敬的【客户名-填写】，您的积分即将到期。", "FMT001"),
        ("【青岭消费金融】青岭备用金随借随还，按日计息；另有充电宝免押金借用服务。回T退订", "DIS001"),
    ],
)
def test_the_sessions_exemptions_do_not_let_a_violation_through(
    checker: Checker, text: str, code: str
) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青岭证券】青岭收益凭证第3期，产品期限2年，封闭期3个月，到期收益率7.0%（非年化）。投资有风险，选择需谨慎。回T退订",
            "PRO007",
        ),
        (
            "【青岭证券】您的银证转入未成功，资金由青岭银行三方存管，转账未到账也不用担心，款项将原路退回。",
            "ADV001",
        ),
        ("【青岭银行】本月储蓄式国债开售，3年期票面利率1.63%，到期稳稳当当拿利息。回T退订", "ADV001"),
        ("【青岭银行】您持有的青岭稳享90天理财已到期，本息已足额转回您尾号3307账户。", "ADV001"),
        (
            "【青岭银行】本周六凌晨手机银行系统升级，期间您的理财、基金资产及收益不受影响，请您完全放心。",
            "ADV001",
        ),
        (
            "【青岭支付】工作人员上门安装收款设备时会读出设备屏幕上的6位授权码，请您在App中自行录入。",
            "PRV003",
        ),
        ("【青岭银行】青岭信用卡周三加油满200元立减20元。回T退订如需帮助请致电95588", "OPT001"),
        ("【青岭银行】青岭·市图书馆联名借记卡上线，持卡可借图书10本，借期30天。回T退订", "DIS001"),
        ("【青岭支付】雨季借伞服务上线：地铁站扫码借1把伞，48小时内归还免费。回T退订", "DIS001"),
    ],
)
def test_the_sessions_detections_leave_everyday_wording_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_a_salutation_by_any_courtesy_word_is_no_signature(checker: Checker) -> None:
    assert "SIG001" in error_codes(checker, "【尊贵的会员】您的积分5,000分将于12月31日清零，请尽快兑换。")


def test_an_id_with_a_cross_for_its_check_character_is_an_id(checker: Checker) -> None:
    assert "PRV001" in found_codes(checker, "【青岭人寿】被保险人身份证号44030420140518263✕，保单已生效。")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青岭银行】青岭ETC免费办理，人人可办，通行费享9折。青岭信用卡新户首刷另有好礼。回T退订", "DIS003"),
        ("【青岭支付】雨季充电宝免押金借用，归还即退。青岭信用卡支付满50元减5元。回T退订", "PRO008"),
        ("【青岭书院】读书会本周共读《小钱大用》，作者亲荐书单已上传。回T退订", "ADV004"),
        ("【青岭人寿】近期小区里多发入室盗窃，已有住户买了家财险后获赔，请注意门窗安全。", "ADV004"),
        ("【青岭银行】2026年退休人员基本养老金上调，退休人员每月可多拿了约50元。", "ADV004"),
        ("【青岭银行】老年客户办理业务可走绿色通道，同行家属可排在前面陪同。", "ADV010"),
        ("【青岭银行】青岭银行可为企业办理境外直接投资外汇登记，详询客户经理。回T退订", "ADV003"),
    ],
)
def test_the_narrowed_words_leave_these_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青岭普惠】青岭车主贷：无工作、有逾期的也可办理，凭行驶证即可申请。回T退订", "DIS003"),
        ("【青岭消费金融】人人可办，最快当天到账。回T退订", "DIS003"),
        ("【青岭贷】新春之际借2万元，日息低至万三。回T退订", "DIS001"),
        ("【青岭快贷】免押免担保，当日到账。回T退订", "PRO008"),
        (f"【青岭财富】青岭美股精选计划，投向美国科技龙头，1万元起购。{WEALTH[:-4]}", "OPT001"),
    ],
)
def test_and_their_violating_twins_still_fail(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


# ------------------------------------------- a second red team of the session's whole diff (rt192)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青岭消费金融】您的借款已于12月8日结清，感谢信任。老客户专享提额，详询400-660-1234。", "OPT001"),
        (
            "【青岭普惠】青岭信用贷，额度1万至20万元，年化利率（单利）7.2%起。谁都能申请，当天出结果。回T退订",
            "DIS003",
        ),
        ("【青岭银行】青岭快贷：人人可办，1分钟出审批结果。回T退订", "DIS003"),
        (f"【青岭基金】青岭国债增强A：每个月稳稳当当领利息，1千元起购。{FUND}", "ADV001"),
        (f"【青岭银行】青岭稳享理财完成系统升级，今起开放申购，钱投进来您绝对放心。{WEALTH}", "ADV001"),
        (
            "【青岭资产】青岭月月享开放加入，放进来的钱要是少了，差额由本公司贴给您。产品有风险，选择需谨慎。回T退订",
            "ADV001",
        ),
        ("【青岭银行】青岭信用卡加油满200元减20元。回T退订 如有疑问或需停止推送请致电95588", "OPT001"),
        ("【尊敬的客户，您好】您的青岭信用卡积分3,000分将于12月31日清零，请尽快兑换。", "SIG001"),
        ("【青岭财富】PYUSD活期宝，随存随取，年化5%。投资有风险，选择需谨慎。回T退订", "PRO003"),
        (
            "【青岭证券】青岭收益凭证第2期，产品存续91天，期间收益率2.4%（非年化），5万元起购。投资有风险，选择需谨慎。回T退订",
            "PRO007",
        ),
    ],
)
def test_a_second_red_teams_violations_are_read(checker: Checker, text: str, code: str) -> None:
    assert code in found_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青岭银行】您的基本养老金已按今年方案上调，每月还能多领86.50元，调整后的养老金已发放至您尾号2201账户。",
            "OPT001",
        ),
        ("【青岭银行】您的第一代社保卡将于2027年3月31日停用，持身份证到网点就能换成第三代社保卡。", "OPT001"),
        ("【青岭人寿】您的理赔申请已受理。建议为本次申请补充一份门诊医疗病历，可在App上传。", "OPT001"),
        (
            "【青岭农商银行】存本取息三年期，5万元起存，每月稳稳当当领利息。存款受存款保险保障。回T退订",
            "ADV001",
        ),
        ("【青岭银行】零存整取每月500元起存，提前支取也不损失本金，存款受存款保险保障。回T退订", "ADV001"),
        ("【青岭银行】您持有的青岭稳享90天理财已到期兑付，本金已全额回到您尾号3307账户。", "ADV001"),
        (
            "【青岭银行信用卡】价保服务上线：用青岭信用卡购买指定家电，30天内降价的，差额由本行贴给您。回T退订",
            "ADV001",
        ),
        (
            "【青岭证券】青岭收益凭证第5期，存续期3年，封闭期6个月，到期收益率6.0%（非年化）。投资有风险，选择需谨慎。回T退订",
            "PRO007",
        ),
        (
            "【青岭证券】青岭收益凭证第6期，认购期限3天，产品期限2年，收益率6.4%（非年化）。投资有风险，选择需谨慎。回T退订",
            "PRO007",
        ),
        (
            "【青岭支付】商户成长计划：本月收款满1000笔，即可获得首页曝光位一周，收款账单每日推送。回T退订",
            "COL001",
        ),
        ("【青岭银行】请登录手机银行，点击【我的】-【个人资料填写】更新证件有效期。", "FMT001"),
    ],
)
def test_a_second_red_teams_everyday_wording_stays_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------- a red team aimed at silent passes (rt193)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"【青岭理财】青岭锦利2年期理财，收益定死，不随行情波动，5万元起购。{WEALTH}", "ADV001"),
        (f"【青岭银行】青岭安盈理财，不为追高收益只为本金无忧，1万元起购。{WEALTH}", "ADV001"),
        (f"【青岭银行】哪有保本还能随时取的理财？青岭安盈就在这里！1万元起购。{WEALTH}", "ADV001"),
        (f"【青岭银行】青岭安盈系列往期已全部保本兑付，新一期今日开售，5万元起购。{WEALTH}", "ADV001"),
        (f"【青岭证券】青岭城投债理财，背后就是市财政，到期兑付有着落。{WEALTH}", "ADV005"),
        (
            "【青岭银行】年末存款季：存满5万元送好礼。欢迎把活动海报发到家族群，让长辈也来参加。回T退订",
            "LNK003",
        ),
        ("【青岭银行】客服专员稍后致电核实，届时请将手机收到的短信口令告知专员。", "PRV003"),
        (
            f"【青岭理财】青岭悦享第3期今起认购，按往期情况，年化大概率在4.1%上下，1万元起购。{WEALTH}",
            "ADV006",
        ),
        (f"【青岭银行】青岭安盈理财，全省仅此一家支持节假日赎回到账。{WEALTH}", "ADV002"),
    ],
)
def test_a_silent_pass_red_teams_wording_is_read(checker: Checker, text: str, code: str) -> None:
    assert code in found_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青岭银行】您认购的青岭安盈第5期已到期，本金及收益已全部兑付至您尾号2201账户。", "ADV001"),
        ("【青岭银行】您已成功预约贺岁纪念币，本次仅此一款，每人限兑20枚。", "ADV002"),
        ("【青岭银行】理财不为追求短期收益，而为长期配置，产品有风险，投资须谨慎。", "ADV001"),
        ("【青岭银行】客服不会索要短信验证码，请勿告知他人。", "PRV003"),
    ],
)
def test_their_compliant_twins_stay_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_the_next_issue_launched_after_a_maturity_notice_is_not_silently_a_notice(checker: Checker) -> None:
    r = checker.check(
        "【青岭银行】青岭稳盈180天（第6期）已于5月10日到期兑付，实际年化收益率3.05%，第7期5月15日成立。"
    )
    assert r.kind != "service", r.kind_reason
    assert "OPT001" in found_codes(checker, r.text)


@pytest.mark.parametrize(
    "text",
    [
        "【青岭银行】您预约认购的青岭稳盈第22期将于7月12日成立，届时将从您尾号2231的账户扣划认购资金。",
        "【青岭基金】青岭安裕债券第3期于7月12日正式成立，感谢您的信任，您的份额确认结果可在App查询。",
    ],
)
def test_the_readers_own_issue_established_is_still_a_notice(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "service"
