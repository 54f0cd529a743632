"""Session of 2026-12-06 from 21:18: judgment classes from the development thirds of the sets
written this session (writers f100–f102, red teams rt194 and rt195), each written here in words
of its own with the wording beside it that must stay as it is.

- a violation read where it was missed: a rush to grab said as 速来/快来…抢购 (ADV007), a deposit
  named with its rate after a notice (the promotion is no longer silently a notice), an offer in
  brackets after the act a verification code is for;
- everyday wording the start code flagged: a warning's negation through 需要…向任何人, 续保本车,
  companionship (我们陪您坚持), a beef-bone noodle shop, prizes won in a spending draw, 第一杯, a
  local-life merchant's cap, teachers as the audience, 政府保障房, a lender's designated account,
  借此机会, a debit card's tier name, a posted deposit-rate table.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import FUND, WEALTH, error_codes, found_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"【岚桥理财】岚桥悦享新品今日发售，速来网点抢购！{WEALTH}", "ADV007"),
        (f"【岚桥基金】岚桥红利A首发，快来抢额度！{FUND}", "ADV007"),
        ("【岚桥财富】亏了算我们的，涨跌我们陪您！年化8%。回T退订", "ADV001"),
        ("【岚桥财富】岚桥宝人人必赢，稳赚收益！回T退订", "ADV001"),
        ("【岚桥银行】本地同行里我行利率最高！回T退订", "ADV002"),
        ("【岚桥银行】岚桥存款有国家兜底，政府保障，放心存。回T退订", "ADV005"),
    ],
)
def test_violations_beside_the_new_exemptions_still_fire(checker: Checker, text: str, code: str) -> None:
    assert code in found_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】新版手机银行上线，快来抢先体验。回T退订", "ADV007"),
        ("【岚桥银行】提醒长辈：激活社保卡不需要向任何人提供验证码，陌生来电一律挂断。", "PRV003"),
        ("【岚桥财险】您的理赔已结案。明年续保本车车险可享9折，详询95500。回T退订", "ADV001"),
        (f"【岚桥基金】岚桥均衡A开放申购。行情有涨跌，我们陪您坚持长期投资。{FUND}", "ADV001"),
        ("【岚桥支付】您在“王记牛骨面”消费36.00元，已支付成功。", "PRO001"),
        ("【岚桥银行】刷卡季：消费满200元均可赢取现金红包，金额随机。回T退订", "ADV001"),
        ("【岚桥银行】周年庆：网点转盘人人必赢精美礼品一份。回T退订", "ADV001"),
        ("【岚桥银行】新年第一杯咖啡我们请：刷岚桥信用卡满30元立减15元。回T退订", "ADV002"),
        ("【岚桥银行】本地生活节：在本地生活商户刷卡单笔最高立减20元。回T退订", "ADV002"),
        ("【岚桥人寿】教师节快乐！我们为老师们甄选了一款意外保险，保费每年99元。回T退订", "ADV004"),
        ("【岚桥银行】安居贷款：购买政府保障房均可申请，年化利率（单利）3.15%起。回T退订", "ADV005"),
        ("【岚桥消费金融】您本期应还1,268.50元，请通过App或官方指定收款账户还款。", "ADV005"),
        ("【岚桥银行】手机银行8.0上线，您可借此机会开通账户变动提醒。回T退订", "DIS001"),
        ("【岚桥银行】办理理财金卡，可享跨行转账手续费全免。回T退订", "ADV003"),
    ],
)
def test_everyday_wording_is_not_an_error(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_a_deposit_priced_after_a_notice_is_not_silently_a_notice(checker: Checker) -> None:
    text = "【岚桥银行】您尾号2201的账户本季度利息12.80元已入账。本行三年期整存整取当前年利率1.90%。"
    result = checker.check(text)
    assert result.kind != "service"
    assert any(f.code == "OPT001" for f in result.findings)


@pytest.mark.parametrize(
    "text",
    [
        "【岚桥银行】您的三年期定期存款5万元已到期，执行年利率2.35%，本息已转入尾号2201账户。",
        "【岚桥银行】自6月1日起，本行定期存款挂牌利率调整：一年期1.10%，三年期1.50%。详见官网公告。",
    ],
)
def test_own_deposits_and_posted_rates_stay_notices(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert result.verdict == "pass"


def test_an_offer_in_brackets_after_a_codes_act_rides_on_the_code(checker: Checker) -> None:
    text = "【岚桥消费金融】验证码628411，您正在注册岚桥e借（新用户首借免息），5分钟内有效，切勿告知他人。"
    result = checker.check(text)
    assert result.kind != "service"
    assert {"DIS003", "OPT001"} <= {f.code for f in result.findings}


def test_the_act_itself_stays_the_codes(checker: Checker) -> None:
    text = "【岚桥保险】验证码628411，您正在投保岚桥尊享e生百万医疗，5分钟内有效，请勿泄露。"
    result = checker.check(text)
    assert result.kind == "service"
    assert result.verdict == "pass"


# ------------------------------------------------- the first diff's holes, from its red team (rt196)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【岚桥资产】岚桥安鑫计划火热认购中，认购资金汇入国家官方指定收款账户。投资有风险，认购须谨慎。回T退订",
            "ADV005",
        ),
        ("【岚桥财富】岚桥安居1号，项目由区政府保障房建设中心背书，业绩比较基准4.2%。" + WEALTH, "ADV005"),
        (f"【岚桥基金】知名财经博主成为老师后力荐岚桥价值优选。{FUND}", "ADV004"),
        ("【岚桥银行】岚桥理财金卡专享理财，年化收益4.5%，1万元起购。回T退订", "ADV003"),
        ("【岚桥金融】私人借贷课程上线，资深老师一对一荐骨面授。回T退订", "PRO001"),
        ("【岚桥银行】急用钱不需要向他人借钱，岚桥快贷最高30万。回T退订", "DIS001"),
    ],
)
def test_the_narrowed_exemptions_leave_the_claims(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】元旦存款季不设名额限制，不必赶紧去抢购，活动期内每天均可办理。回T退订", "ADV007"),
        ("【岚桥银行】春节快来了抢购年货记得用岚桥信用卡，满300减30。回T退订", "ADV007"),
    ],
)
def test_a_rush_denied_or_a_season_coming_is_no_pressure(checker: Checker, text: str, code: str) -> None:
    assert code not in found_codes(checker, text)


def test_a_bracket_masking_a_card_stays_the_codes_act(checker: Checker) -> None:
    text = "【岚桥银行】验证码628411，您正在办理岚桥信用卡（尾号3307）账单分期，5分钟内有效，请勿泄露。"
    result = checker.check(text)
    assert result.kind == "service"
    assert result.verdict == "pass"


# ------------------------------------------------ the writers' and red teams' classes, second round
def test_this_message_passed_on_by_the_reader_is_no_collectors_sending(checker: Checker) -> None:
    assert "COL001" not in found_codes(checker, "【岚桥银行】请把这条防诈提醒发给您的家人，一起守护钱袋子。")
    assert "COL001" in error_codes(checker, "【岚桥小贷】再不还款，我们就把这条短信发给您的家人。")


def test_a_character_of_another_word_with_pinyin_is_that_word(checker: Checker) -> None:
    # 贷bu reads dai bu, 逮捕's sound; the character written is 贷, not 逮
    text = "【岚桥村镇银行】助农快贷bu cha zheng xin，手机上就能申请，年化利率（单利）6%起。回T退订"
    assert "COL001" not in found_codes(checker, text)
    assert "COL001" in error_codes(checker, "【岚桥快借】再不还款就逮bu你！")
    assert "ADV001" in error_codes(checker, f"【岚桥财富】岚桥宝稳zhuan不陪，年化8%。{WEALTH}")


@pytest.mark.parametrize(
    "text",
    [
        "【岚桥银行】岚桥手机银行8.0版上线，新增大字版和语音导航功能，欢迎更新体验。",
        "【岚桥证券】岚桥证券APP 9.0版本上线，新增条件单功能，欢迎更新体验。",
    ],
)
def test_an_apps_new_version_alone_is_of_uncertain_kind(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "uncertain", result.kind_reason
    assert result.verdict == "review"


def test_an_apps_new_version_with_an_offer_is_marketing(checker: Checker) -> None:
    result = checker.check("【岚桥银行】岚桥银行App新版上线，每周三登录领5元话费券，快来体验！")
    assert result.kind == "marketing"
    assert "OPT001" in error_codes(
        checker, "【岚桥银行】岚桥银行App新版上线，每周三登录领5元话费券，快来体验！"
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            f"【岚桥基金】岚桥稳健债券A今日起开放申购。{FUND}（退订后您仍会收到所持基金的分红、赎回到账等交易提醒）",
            "OPT001",
        ),
        ("【岚桥银行】本周五支行举办个税政策讲解会，欢迎叫上同事一同前来。回T退订", "LNK003"),
        ("【岚桥财险】三伏天是一年中最热的日子，续保客户可免费预约一次空调检测。回T退订", "ADV002"),
        ("【岚桥银行】城东支行将于12月10日迁至新址营业，营业时间不变，欢迎莅临。", "OPT001"),
        ("【岚桥银行】您尾号6021的房贷将于1月1日重定价，新执行利率为5年期LPR上浮15个基点。", "OPT001"),
    ],
)
def test_second_round_everyday_wording_is_not_flagged(checker: Checker, text: str, code: str) -> None:
    assert code not in found_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            f"【岚桥基金】岚桥稳健债券A今日起开放申购。{FUND}（退订后您仍会收到本基金的最新产品推荐）",
            "OPT001",
        ),
        ("【岚桥银行】叫上同事一同前来开户，每带一人送50元话费！回T退订", "LNK003"),
        ("【岚桥银行】现在是投资最佳时机！岚桥理财年化3%。" + WEALTH, "ADV002"),
        ("【岚桥银行】本行三年期存款利率上浮20%，欢迎到网点办理。", "OPT001"),
    ],
)
def test_their_twins_still_fire(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


# ------------------------------------- a determined sender against the session's code (rt198)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【岚桥资产】岚桥城建2号开放认购，产品本息由省属国有企业提供全额担保。投资有风险，认购须谨慎。回T退订",
            "ADV001",
        ),
        (
            "【岚桥财富】岚桥季季盈开售，我们敢向您郑重宣称本期产品零风险。投资有风险，选择需谨慎。回T退订",
            "ADV001",
        ),
        (f"【岚桥理财】岚桥养老理财获民政部、工信部联合认证，业绩比较基准3.2%。{WEALTH}", "ADV005"),
        ("【岚桥证券】岚桥财富管家由国内顶尖投研团队管理您的组合。股市有风险，入市需谨慎。回T退订", "ADV002"),
        ("【岚桥支付】扫码满50元随机立减，活动详情：gg.gg/lqzf 回T退订", "LNK001"),
        (
            "【岚桥银行】您的专属推广码为LQ8831，亲友开户时输入，开户成功后推广奖励将直接存入您的账户。回T退订",
            "LNK003",
        ),
        ("【岚桥文化】邮币卡电子盘新品周五挂牌，线上开户即可申购。投资有风险，入市需谨慎。回T退订", "PRO002"),
        ("【岚桥社区】Pi币主网已开放转账，下月登陆海外交易平台。回T退订", "PRO003"),
        (
            "【岚桥国际】主流货币差价合约，保证金低至1%，手机即可开户。投资有风险，入市需谨慎。回T退订",
            "PRO004",
        ),
        (
            "【岚桥投研】开盘前推送当日个股买点、卖点提示，首月仅需199元。股市有风险，入市需谨慎。回T退订",
            "PRO001",
        ),
        ("【岚桥银行】请将稍后收到的银行短信截图发送至专员企业微信，核对后即可生效。", "PRV003"),
        (
            "【岚桥小贷】您的借款已逾期30天。失信记录可能影响您本人在单位的评优和晋升，请今日内还款。",
            "COL001",
        ),
        ("【岚桥银行】新存三年期定期存款5万元以上可领礼盒。回T退订（退订短信费用0.1元由您支付）", "OPT001"),
    ],
)
def test_a_determined_senders_words_are_read(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】请勿将短信截图发送给任何人。", "PRV003"),
        ("【岚桥银行】年度考核结果将影响员工的评优和晋升。", "COL001"),
        (
            "【岚桥银行】中信家族信托服务升级，设立时可由执业律师推荐合适方案。信托有风险，投资须谨慎。回T退订",
            "ADV004",
        ),
        ("【岚桥财富】本行从不宣称任何理财产品零风险。", "ADV001"),
    ],
)
def test_their_everyday_neighbours_stay_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------------- the third diff's holes, from rt199
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【岚桥财富】岚桥城建3号开放认购，本息由岚桥农商银行提供全额担保，业绩比较基准4.5%。" + WEALTH,
            "ADV001",
        ),
        ("【岚桥银行】年末正是理财的最佳时节，岚桥稳享180天开放认购，业绩比较基准3.1%。" + WEALTH, "ADV002"),
        ("【岚桥村镇银行】乡村振兴专属存单上新：由国家乡村振兴专项工作组背书，5万元起存。回T退订", "ADV005"),
        (f"【岚桥理财】岚桥基建理财1号获交通运输部、水利部联合认证，业绩比较基准3.8%。{WEALTH}", "ADV005"),
        ("【岚桥证券】开户季：每带一位同学来开户，送您50元京东卡。股市有风险，入市需谨慎。回T退订", "LNK003"),
        ("【岚桥社区】π币主网即将开放，下月登陆海外交易所，现在注册即可免费领取。回T退订", "PRO003"),
        (
            "【岚桥国际】欧元、英镑、日元CFD差价合约，保证金低至0.5%，手机即可开户。投资有风险，入市需谨慎。回T退订",
            "PRO004",
        ),
        (
            "【岚桥小贷】您的借款已逾期45天。失信记录一旦形成，您在单位的评优、晋升都将受到影响，请今日内还款。",
            "COL001",
        ),
        (
            "【岚桥消费金融】您的分期账单已超期45天仍未处理。今日未处理的，我们将把这条短信发给您的家人。",
            "COL001",
        ),
        (
            f"【岚桥基金】岚桥红利A开放申购。{FUND}（退订后仍会收到您持有产品的到期提醒及精选理财推荐）",
            "OPT001",
        ),
        (
            "【岚桥银行】您的专属推广码为LQ8831。亲友开户时输入该推广码，开户成功后，50元推广奖励将直接存入您的账户。回T退订",
            "LNK003",
        ),
    ],
)
def test_the_third_rounds_holes_are_closed(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【岚桥消费金融】您的5000元借款已放款，本笔借款本息由合作融资担保公司提供全额担保，请按时还款。",
            "ADV001",
        ),
        ("【岚桥银行】今年入夏以来高温天数前所未有，请注意防暑降温。", "ADV002"),
        ("【岚桥农商银行】您申请的创业担保贷款已经人社部门审核通过，请携带身份证到支行签约。", "ADV005"),
        ("【岚桥消费金融】您的借款本期应还1280元，请按监管要求通过官方指定还款账户还款。", "ADV005"),
        ("【岚桥银行】本周五举办年终奖个税筹划讲座，欢迎叫上同事一同前来，现场免费咨询。回T退订", "LNK003"),
        ("【岚桥银行】新客户开户时填写客户经理推广码，开户成功即可领取开户礼一份。回T退订", "LNK003"),
        ("【岚桥银行】如对尾号8826信用卡的扣款有异议，请将扣款短信截图发送至在线客服核实。", "PRV003"),
    ],
)
def test_the_third_rounds_everyday_wording_stays_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】作为老师，您可享教师专属信用卡权益。回T退订", "ADV004"),
        ("【岚桥文化】本周六邮币卡藏品交流会在市文化馆举行，欢迎收藏爱好者参观。", "PRO002"),
        ("【岚桥银行】教育部认可的高校在读学生均可申请国家助学贷款，详询95500。", "ADV005"),
    ],
)
def test_the_last_rounds_own_false_errors_are_gone(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------ after the landing: development sets' classes
@pytest.mark.parametrize(
    "text",
    [
        "【岚桥证券】开通科创板权限时，请将风险揭示书要求的确认内容抄录后提交，系统核对通过即可开通。",
        "【岚桥银行】您上月在本行办理了房贷放款，诚邀您参加2025年度客户满意度调查，回复1-5分评价本次服务。",
    ],
)
def test_a_permissions_time_and_a_dated_survey_are_notices(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert result.verdict == "pass"


def test_a_benefits_dated_end_is_no_offer(checker: Checker) -> None:
    text = "【岚桥银行】手机银行跨行转账手续费减免优惠将于7月31日到期，8月1日起恢复按每笔0.5元收取。"
    assert checker.check(text).kind != "marketing"
    urged = "【岚桥银行】手续费减免优惠将于7月31日结束，抓紧办理！回T退订"
    assert checker.check(urged).kind == "marketing"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】整存整取新客礼：存1年期定期满2万元，利息到手后再送50元立减金。回T退订", "DIS001"),
        (
            "【岚桥证券】节前逆回购窗口开启，国债逆回购1000元起，假期按天计息。市场有风险，投资需谨慎。回T退订",
            "DIS001",
        ),
    ],
)
def test_deposit_and_gift_words_are_no_loan(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


def test_a_loan_still_fires_beside_them(checker: Checker) -> None:
    assert "DIS001" in error_codes(checker, "【岚桥小贷】闲钱贷来了，按天计息，当天到手！回T退订")
    # a repo named in another sentence does not clear a credit line's daily interest (rt200)
    text = (
        "【岚桥证券】国债逆回购年化2%。融资额度最高500万，按日计息，随借随还。股市有风险，入市需谨慎。回T退订"
    )
    assert "DIS001" in found_codes(checker, text)
    # 福利袋 may be 福利贷 spelled to slip past: the fold still reads 袋 as 贷 there (rt200)
    assert "DIS001" in found_codes(checker, "【岚桥小贷】福利袋来了，最高可借5万，当天到账！回T退订")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("【岚桥证券】开通科创板权限时，请将风险揭示书要求的确认内容抄录后提交。", "service"),
        ("【岚桥银行】新年限时特惠，理财年化3.5%。理财非存款，产品有风险，投资须谨慎。回T退订", "marketing"),
        (
            "【岚桥银行】会员特权限时领取，理财年化3.5%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "marketing",
        ),
    ],
)
def test_a_permissions_time_is_no_urgency_but_urgency_stays(checker: Checker, text: str, kind: str) -> None:
    assert checker.check(text).kind == kind


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("【岚桥财富】岚桥鑫利宝：年年12%，1万元起购，按月付息。投资有风险，选择需谨慎。回T退订", True),
        ("【岚桥财富】岚桥尊享2号，每年可获12%，10万元起投。投资有风险，选择需谨慎。回T退订", True),
        ("【岚桥银行】全市居民收入年年增长9%。", False),
        ("【岚桥证券】两融风险提示：每季度约12%的信用账户曾触及预警线，请合理控制杠杆。", False),
    ],
)
def test_a_return_said_by_its_period(checker: Checker, text: str, fires: bool) -> None:
    assert ("PRO007" in error_codes(checker, text)) is fires
