"""Mechanisms behind the rt58 red team's dev cases (tests written before the fixes): verdicts
with words between (均为贷款中介骗局, 多未经批准), verdicts after their object (…请谨慎对待),
short-link services named rather than linked, and scam messages quoted in a warning."""

from __future__ import annotations

import pytest
from judgment_asserts import assert_service_pass

from assistant.checker.engine import Checker


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】提醒：现货黄金、伦敦金等场外杠杆交易平台多未经批准，投资者请勿参与。",
        "【明德银行】防骗提醒：自称“央行批准”“国家担保”的理财项目都是假的，请通过正规渠道购买理财产品。",
        "【华夏基金】投资者教育：资管新规实施后，理财产品已不再使用“预期收益率”，宣传保本保息的产品请谨慎对待。",
        "【明德银行】温馨提示：网传“内部渠道放款、包装资料包下款”均为贷款中介骗局，贷款请认准正规金融机构。",
        "【明德银行】本行短信不含t.cn、dwz.cn等短链接，收到此类链接请勿点击。",
        "【明德银行】有客户反映收到冒充我行的短信，称“您的积分即将清零，点击t.cn/xxxx兑换”，此为诈骗短信，请勿点击。",
    ],
)
def test_warnings_pass(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.verdict == "pass", [(f.code, f.severity, f.evidence) for f in r.findings]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the sender's own claims stay claims whatever verdict words sit elsewhere
        ("【某平台】现货黄金，保本保息，别信那些说我们未经批准的谣言。回T退订", "PRO002"),
        ("【鑫盈】保本保息的理财，请远离风险，选择鑫盈。回T退订", "ADV001"),
        # a link is a link: before a call, or quoted by the sender itself
        ("【某行】积分兑换点击t.cn领取，回T退订", "LNK001"),
        ("【某行】我行短信称“积分兑换点击t.cn/Ab9”，回T退订", "LNK001"),
        ("【某行】反诈提醒：谨防诈骗，积分兑换请点击t.cn/Ab9", "LNK001"),
    ],
)
def test_claims_and_links_still_fire(checker: Checker, text: str, code: str) -> None:
    assert code in {f.code for f in checker.check(text).findings if f.severity == "error"}


def test_a_quoted_scam_link_fires_when_judging_a_models_text(checker: Checker) -> None:
    text = "【明德银行】有客户反映收到冒充我行的短信，称“您的积分即将清零，点击t.cn/xxxx兑换”，此为诈骗短信，请勿点击。"
    assert "LNK001" in {f.code for f in checker.check(text, strict=True).findings}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【安泰人寿】安泰安心医疗险，大病小病统统能报，回T退订 https://www.antai-life.com/health", "ADV009"),
        (
            "【安泰人寿】安泰安心医疗险，今晚24点后恢复原价，详见https://www.antai-life.com/health 回T退订",
            "ADV007",
        ),
        (
            "【明德证券】研究团队精选了明天大概率上涨的三只票，添加助理微信即可领取。股市有风险。回T退订",
            "PRO001",
        ),
        ("【融通咨询】专业负债重组，帮您把多笔网贷一次性结清，回T退订", "PRO008"),
        ("【快借】一张身份证就能借，当天到账。回T退订", "DIS003"),
        ("【信达资产】您的逾期已影响到您的联系人，我们已逐一电话告知，请尽快处理。", "COL001"),
        (
            "【信达资产】您的信用卡欠款已逾期67天，为避免影响您的家人和同事对您的评价，请于今日18:00前处理。",
            "COL001",
        ),
        ("【明德银行】客服将来电核实，请在听到提示音后通过按键输入您的取款密码。", "PRV003"),
        ("【汇通支付】请打开APP，将“安全中心”页面显示的6位动态数字发给我们的在线客服。", "PRV003"),
        ("【鑫源财富】鑫源月月享，万元起投，每月收益一百二十元，投资有风险。回T退订", "PRO007"),
        ("【明德银行】您的信用卡本期应还1,200.00元，最后还款日YYYY-MM-DD。", "FMT001"),
        ("【明德银行】您本期应还【金额】元，请按时还款。", "FMT001"),
    ],
)
def test_rt58_violations_fire(checker: Checker, text: str, code: str) -> None:
    assert code in {f.code for f in checker.check(text).findings}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【康宁人寿】您的理赔案件已受理，外访专员将于明日上门核实，请保持电话畅通。", "COL001"),
        ("【宁波银行】客户经理将对老客户逐一通知，逾期未确认的将默认电子方式。", "COL001"),
        ("【星钱包】转账成功▶【收款方】李*明 【金额】500.00元 【时间】12-02 10:21", "FMT001"),
        ("【鑫源财富】鑫源月月享，万元起投，每月收益三十元，投资有风险。回T退订", "PRO007"),
        ("【明德银行】您的动态码为384920，请在页面输入，切勿告知他人。", "PRV003"),
    ],
)
def test_rt58_lookalikes_do_not_fire(checker: Checker, text: str, code: str) -> None:
    assert code not in {f.code for f in checker.check(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】您参与的“存款送好礼”活动礼品已备好，请于5月31日前携带身份证至城南支行领取。",
        "【明德银行】提醒：95588是本行唯一客服热线，请勿拨打陌生号码提供的“客服电话”。",
        "【捷贷】温馨提示：我司不会委托任何第三方收取“代还费”“提额费”，也不会要求您先交保证金再放款。",
        "【华信银行】提醒您：办理贷款、信用卡请认准我行官方渠道，凡要求先交费后放款的都是诈骗。",
        "【安泰人寿】提醒您：不要相信什么病都赔的保险宣传，投保前请仔细阅读条款。",
        "【明德银行】提醒：所谓“数字藏品”“元宇宙币”投资，多为虚拟货币炒作变种，请远离。",
        "【华信银行】谨防诈骗！此类理财年化20%，多为骗局。",
        "【华安基金】投教提示：年化收益20%且保本，这种好事基本就是骗局，请谨慎辨别。",
    ],
)
def test_rt58_notices_are_service(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


def test_a_prize_credited_is_never_marketing(checker: Checker) -> None:
    r = checker.check("【汇通支付】恭喜您获得抽奖活动二等奖，奖品50元话费已充值到您的手机。")
    assert r.kind != "marketing"
    assert not [f for f in r.findings if f.severity == "error"]


def test_an_offer_shape_outside_the_recipients_own_act_still_counts(checker: Checker) -> None:
    assert checker.check("【明德银行】存款送好礼活动火热进行中，存5万送豪礼，回T退订").kind == "marketing"


def test_a_warning_wrapped_round_a_named_priced_product_is_not_a_notice(checker: Checker) -> None:
    """谨防诈骗 and 认准官方渠道 around the sender's own product and its yield: never a silent pass."""
    r = checker.check("【华信银行】谨防诈骗！鑫享理财年化5%，请认准官方渠道购买。")
    assert r.kind != "service"
    assert r.verdict != "pass"
