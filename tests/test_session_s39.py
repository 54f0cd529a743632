"""Session of 2026-12-05 from 11:52: mechanisms the development thirds showed missing, each
written here in words of its own with the compliant wording beside it that must stay quiet.

- instalment credit priced per period with no rate word (每期手续费0.6%, 每月手续费) or counted
  after a bare 分 (分3期, 分成12个月): DIS001 wants its annual rate; a premium or an investment
  plan paid in parts, 积分 and 分为 are no instalment credit;
- a credit line generated or granted unasked (循环额度…已生成, 已获得…授信) is credit on offer;
  the answer to the recipient's own application is not.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, found_codes


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


# ------------------------------------------------------------ instalment credit (DIS001)
_INSTALMENT_CREDIT = {
    "per-period-fee": "【川南银行】本期账单也可拆成小额，分成10个月慢慢还，每期手续费0.58%。回T退订",
    "bare-count": "【川南支付】川南月付上线，购物分6期0手续费。回T退订",
    "fee-rate-per-period": "【川南银行】单笔消费满2000元可申请分12期，每期费率0.6%，回复FQ。回T退订",
    "monthly-fee": "【川南银行】装修大额消费可分24个月还，每月手续费仅需0.4%。回T退订",
}
_NOT_INSTALMENT_CREDIT = {
    "premium": "【川南人寿】年缴保费可分12个月缴纳，详询95519。回T退订",
    "investment-plan": "【川南基金】定投计划可分24个月投入，每月500元起。基金有风险，投资须谨慎。回T退订",
    "points": "【川南银行】积分兑换：满6期账单即送积分，详见App。回T退订",
    "term-options": "【川南理财】产品期限分为6个月、12个月两档，理财非存款，产品有风险，投资须谨慎。回T退订",
    "merchant-fee": "【川南支付】商户收款每笔费率0.38%，结算T+1到账，详询客户经理。回T退订",
}


@pytest.mark.parametrize("key", sorted(_INSTALMENT_CREDIT))
def test_instalment_credit_without_its_annual_rate_is_dis001(checker: Checker, key: str) -> None:
    assert "DIS001" in error_codes(checker, _INSTALMENT_CREDIT[key]), key


@pytest.mark.parametrize("key", sorted(_NOT_INSTALMENT_CREDIT))
def test_parts_that_are_no_credit_leave_dis001_quiet(checker: Checker, key: str) -> None:
    assert "DIS001" not in found_codes(checker, _NOT_INSTALMENT_CREDIT[key]), key


def test_instalment_credit_with_its_annual_rate_passes(checker: Checker) -> None:
    text = "【川南银行】账单可分成12个月慢慢还，每期手续费0.6%，折合年化利率（单利）13.2%。回T退订"
    assert "DIS001" not in found_codes(checker, text)


# ------------------------------------------------------ credit granted unasked (kind)
_CREDIT_GRANTED = {
    "revolving-generated": "【川南消金】您的循环额度20,000元已生成，可随时在App申请提现。",
    "grant-obtained": "【川南银行】您的账户已获得川南快贷授信8万元，有效期半年。",
}
_CREDIT_ANSWERED = {
    "applied": "【川南银行】您申请的川南快贷已审批通过，获得授信8万元，可在手机银行查看合同。",
    "restored": "【川南消金】您已结清全部借款，可用额度已恢复至20,000元，可在App查看。",
}


@pytest.mark.parametrize("key", sorted(_CREDIT_GRANTED))
def test_credit_granted_unasked_is_not_a_silent_notice(checker: Checker, key: str) -> None:
    result = checker.check(_CREDIT_GRANTED[key])
    assert result.kind != "service", (key, result.kind_reason)
    assert result.verdict != "pass", key


@pytest.mark.parametrize("key", sorted(_CREDIT_ANSWERED))
def test_credit_the_recipient_applied_for_or_restored_is_a_notice(checker: Checker, key: str) -> None:
    result = checker.check(_CREDIT_ANSWERED[key])
    assert result.kind == "service", (key, result.kind_reason)
    assert result.verdict == "pass", key


# ------------------------------------------- investment named by its figure (ADV003)
_INVESTMENT_BY_FIGURE = {
    "benchmark-short": "【沱江银行】沱江安盈新客专享，业绩基准4.0%，5万元起。回T退订",
    "expected-return": "【沱江银行】沱江鑫享产品预期回报4.6%，回复1预约。回T退订",
    "reverse-repo": "【沱江证券】节前操作国债逆回购，年化约2.5%，手机一键下单。回T退订",
    "daily-yield": "【沱江支付】零钱转入“沱江天天盈”，每日收益万分之一点五，随时转出。回T退订",
}


@pytest.mark.parametrize("key", sorted(_INVESTMENT_BY_FIGURE))
def test_an_investment_named_by_its_figure_needs_the_risk_warning(checker: Checker, key: str) -> None:
    assert "ADV003" in error_codes(checker, _INVESTMENT_BY_FIGURE[key]), key


def test_the_same_figure_with_its_warning_passes(checker: Checker) -> None:
    text = "【沱江银行】沱江安盈新客专享，业绩基准4.0%，5万元起。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "ADV003" not in found_codes(checker, text)


# ------------------------------------------ claims corrected, refused or asked (ADV001)
_CORRECTED = {
    "someone-says": "【锦屏银行】有人说锦屏理财保本保息，这种说法并不正确。理财非存款，产品有风险，投资须谨慎。回T退订",
    "heard": "【锦屏银行】常听人讲银行理财稳赚不赔，这个说法是错的。理财非存款，产品有风险，投资须谨慎。回T退订",
    "belief-outdated": "【锦屏银行】不少客户以为银行理财都保本，这种观念早已过时。理财非存款，产品有风险，投资须谨慎。回T退订",
}
_REFUSED = {
    "practice": "【锦屏银行】锦屏稳盈是非保本的净值型理财，刚性兑付我们坚决不做。理财非存款，产品有风险，投资须谨慎。回T退订",
    "withdrawn": "【锦屏银行】本行保本理财已全部停售，现有产品均为净值型。理财非存款，产品有风险，投资须谨慎。回T退订",
}
_STILL_CLAIMED = {
    "endorsed": "【锦屏银行】有人说锦屏稳盈保本保息，这话一点没错，年化4.5%。回T退订",
    "refusal-asked": "【锦屏银行】刚兑我们从来不做吗？当然做，年化6%保本。回T退订",
    "done": "【锦屏银行】保本保息我们坚决做到，年化6%。回T退订",
    "sold-out": "【锦屏银行】保本理财已全部售罄，下期请早。回T退订",
    "loss-impossible": "【锦屏银行】锦屏稳盈怎么可能会亏本？年化4.5%，速来预约。回T退订",
    "which-is-not": "【锦屏银行】哪有不保本的好理财？锦屏稳盈年化4.3%，今日开售。回T退订",
}
_ASKED_FALSE = {
    "cannot-not-lose": "【锦屏银行】理财怎么可能不亏？市场有波动，理财非存款，产品有风险，投资须谨慎。",
    "no-zero-risk": "【锦屏银行】哪有零风险的投资？请理性投资，谨防诈骗。",
    "deposit": "【锦屏银行】定期存款怎么可能亏本？存款受存款保险保障。回T退订",
}


@pytest.mark.parametrize("key", sorted(_CORRECTED))
def test_a_belief_reported_and_corrected_is_no_error(checker: Checker, key: str) -> None:
    # a warning for review at most: the message also sells
    assert "ADV001" not in error_codes(checker, _CORRECTED[key]), key


@pytest.mark.parametrize("key", sorted(_REFUSED))
def test_a_claim_the_sender_refuses_is_no_promise(checker: Checker, key: str) -> None:
    assert "ADV001" not in found_codes(checker, _REFUSED[key]), key


@pytest.mark.parametrize("key", sorted(_STILL_CLAIMED))
def test_a_claim_endorsed_asked_done_or_sold_out_is_still_made(checker: Checker, key: str) -> None:
    assert "ADV001" in error_codes(checker, _STILL_CLAIMED[key]), key


@pytest.mark.parametrize("key", sorted(_ASKED_FALSE))
def test_a_claim_asked_as_impossible_is_denied(checker: Checker, key: str) -> None:
    assert "ADV001" not in error_codes(checker, _ASKED_FALSE[key]), key


# --------------------------------------------- notices that carry an offer (kind, rt139)
_OFFER_RIDING = {
    # the sender's own offer quoted inside a warning is no lure
    "own-quote-business": "【岷山银行】谨防诈骗！本行“存两年定期享额外加息0.2个百分点”活动本月底截止，仅在手机银行办理，请勿轻信陌生来电。",
    "own-quote-product": "【岷山银行】防诈提醒：申请“岷山快贷（年化利率3.8%起，最快当天放款）”请认准本行App，谨防贷款中介。",
    # a code followed by a promotion in another clause
    "code-then-offer": "【岷山支付】验证码551024，您正在注册岷山钱包，5分钟内有效，请勿泄露。注册后绑卡首笔消费随机立减，最多50元。",
    # credit drawn up by the lender's own assessment is unasked
    "credit-plan": "【岷山消金】根据您的信用评估，系统已为您生成一份借款方案：额度30,000元，分6期，确认后即可到账。",
    # a bill's instalments offered in other words
    "bill-instalments": "【岷山银行】您尾号2210的信用卡本期应还6,420.00元。金额较大的话，也能分6个月慢慢还，App账单页即可操作。",
    # another product after a notice, named with who may buy it, its fee waived or its price
    "who-may-buy": "【岷山财险】您的车险已续保成功。父母的保障也别落下：“乐龄安”意外险，55至75岁均可投保。",
    "fee-waived": "【岷山基金】您持有的岷山短债A今日分红已到账。岷山短债C不收申购费，适合短期闲钱。",
    "price-in-words": "【岷山人寿】您的理赔款2,100.00元已到账。岷山防癌险每月一百多元，确诊即赔。",
}
_PLAIN_NOTICES = {
    "quote-disowned": "【岷山基金】网上流传“岷山基金内部认购，年化20%”的广告并非我司发布，我司不会要求您向个人账户转账。",
    "impostor-quote": "【岷山银行】防诈提醒：近期有不法分子冒充本行推出“岷山快贷秒到账”，请认准本行手机银行。",
    "lure-quoted": "【岷山银行】反诈提醒：谨防“年化20%包收益”的理财骗局，请勿向陌生账户转账。",
    "credit-plan-applied": "【岷山消金】根据您的申请，系统已为您生成借款合同，请在App确认签署。",
    "premium-parts": "【岷山人寿】您的保单年缴保费可分12个月缴纳，详见保单条款。",
    "own-premium": "【岷山人寿】您的护理险保单每月保费260元将于12月5日从尾号6612账户扣款。",
}


@pytest.mark.parametrize("key", sorted(_OFFER_RIDING))
def test_an_offer_riding_on_a_notice_is_never_a_silent_notice(checker: Checker, key: str) -> None:
    result = checker.check(_OFFER_RIDING[key])
    assert result.kind != "service", (key, result.kind_reason)
    assert "OPT001" in found_codes(checker, _OFFER_RIDING[key]), key


@pytest.mark.parametrize("key", sorted(_PLAIN_NOTICES))
def test_a_notice_with_quoted_lures_or_its_own_terms_is_no_promotion(checker: Checker, key: str) -> None:
    result = checker.check(_PLAIN_NOTICES[key])
    assert result.kind != "marketing", (key, result.kind_reason)
    assert "OPT001" not in error_codes(checker, _PLAIN_NOTICES[key]), key


def test_the_recipients_own_application_names_its_verb_no_offer(checker: Checker) -> None:
    # 根据您的申请: 申请 is the recipient's own act; the upgraded card's benefit is for review at most
    text = "【岷山银行】根据您的申请，您尾号6620的信用卡已升级为白金卡，新卡将于5个工作日内寄出，激活后可享每年6次贵宾厅服务。"
    assert checker.check(text).kind != "marketing"
    assert "OPT001" not in error_codes(checker, text)


def test_a_named_card_tier_is_the_recipients_own_account(checker: Checker) -> None:
    result = checker.check("【岷山银行】您尾号3307的白金卡已于12月1日激活成功。")
    assert result.kind == "service", result.kind_reason
    assert "您尾号3307的白金卡" in result.kind_reason


def test_an_event_word_describing_a_class_of_things_reports_nothing(checker: Checker) -> None:
    # 支付成功的订单: the orders an offer applies to, not an order the recipient paid
    offer = "【岷山支付】本周扫码买单，支付成功的订单随机返1至66元，返现直接进零钱。"
    assert checker.check(offer).kind != "service"
    own = "【岷山支付】您本周支付成功的订单共3笔，返现6.60元已存入零钱。"
    result = checker.check(own)
    assert result.kind == "service", result.kind_reason


def test_urgency_to_secure_the_recipients_account_offers_nothing(checker: Checker) -> None:
    text = "【岷山银行】您的手机银行于12月3日01:20在新设备登录，如非本人操作，请赶紧修改登录密码并致电95588冻结账户。"
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert result.verdict == "pass"


def test_a_specific_loss_refunded_is_redress_not_a_guarantee(checker: Checker) -> None:
    redress = (
        "【岷山银行】经核查，因我行客户经理未按规定揭示风险，该笔投资损失我行将为您全额承担，"
        "款项将于3个工作日内退回您尾号5521账户。"
    )
    assert "ADV001" not in found_codes(checker, redress)
    # the sender's fault named in a promotion excuses nothing
    pitch = "【岷山银行】岷山稳盈年化5%，因我行原因造成的投资损失我行为您全额承担，放心买。回T退订"
    assert "ADV001" in error_codes(checker, pitch)


def test_a_loan_product_offered_by_its_fast_track_needs_its_annual_rate(checker: Checker) -> None:
    text = "【岷山银行】工资已到账，代发客户可走“岷薪贷”极速审批通道，回复1了解。回T退订"
    assert "DIS001" in error_codes(checker, text)
