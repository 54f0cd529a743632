"""Session of 2026-12-07 from 11:10: classes found by a black-box gate red team (rg11), a
code-reading red team of the disclosure rules (rt230), an independent writer of real-style
traffic (f139), and two red teams of the session's own diff (rg12, rt231).

Each class is tested with its twin: the shape that must fire beside the lawful wording that
must not, so a later narrowing or widening shows here first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from assistant.checker.engine import Checker
from assistant.rewrite.gate import is_acceptable, validate_variant
from assistant.text.figures import read_figures

if TYPE_CHECKING:
    from llm_server import ScriptedLLMServer


def _codes(checker: Checker, text: str, severities: tuple[str, ...] = ("error", "warning")) -> set[str]:
    return {f.code for f in checker.check(text).findings if f.severity in severities}


# ----------------------------------------------------------------------------- ADV003
@pytest.mark.parametrize(
    "text",
    [
        # not a deposit, and the risk it carries, in other words
        "【青川银行】青川季季盈理财今日发售，1万元起购。本产品并非银行存款，存在本金损失的风险。回T退订",
        "【青川银行】青川季季盈理财今日发售，1万元起购。理财产品不是存款，具有一定投资风险。回T退订",
        # the UK / Hong Kong wording
        "【Qingchuan Fund】Qingchuan Income Fund opens from CNY 500. Investment carries risk and prices can fall as well as rise. 回T退订",
        "【Qingchuan Fund】Qingchuan Income Fund opens from CNY 500. The value of your investment may go down as well as up. 回T退订",
        # an uncertain investment return of the product itself
        "【青川人寿】青川万能险开放投保，万能账户的投资回报存在不确定性，结算利率按月公布。回T退订",
        # care asked of the buyer by their own tolerance
        "【青川银行】青川月月享（R2级）开放申购，1万元起购，建议您结合自身风险承受能力谨慎选择。回T退订",
    ],
)
def test_adv003_warnings_in_non_standard_words_are_for_review(checker: Checker, text: str) -> None:
    """Careful senders use them, and red teams wrote each of them hollow: a warning, never an
    error and never a silent pass."""
    found = [f for f in checker.check(text).findings if f.code == "ADV003"]
    assert found and all(f.severity == "warning" for f in found), (
        text,
        [(f.severity, f.note) for f in found],
    )


@pytest.mark.parametrize(
    "text",
    [
        "【青川银行】青川季季盈理财今日发售，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        # advice to prepare first is no turn away from the warning
        "【青川银行】青川稳盈理财今日开售，1万元起购。投资有风险，不如先做一次风险测评再决定。回T退订",
        "【Qingchuan Fund】Qingchuan Bond Fund is open. Investment involves risk, but not every fund carries the same risk. 回T退订",
        # a lecture sells nothing
        "【青川银行】周六下午青川银行城西支行举办家庭理财讲座，免费参加，欢迎报名。回T退订",
        # 不如 followed by a caution is advice, in Chinese and English (rt232)
        "【青川基金】青川稳健债券A今日开放申购，10元起购。基金有风险，不如选一只与自身风险承受能力相匹配的产品。回T退订",
        "【青川银行】青川安享理财（R2级）今日发售。理财有风险，与其追涨杀跌，不如看清产品说明书再决定。回T退订",
        "【Qingchuan Fund】Qingchuan Balanced Fund opens from CNY 10. Investments involve risk - never with your emergency fund. 回T退订",
        "【Qingchuan Fund】Qingchuan Balanced Fund opens from CNY 10. Investment involves risk, but we want you to invest with peace of mind, so please read the prospectus first. 回T退订",
    ],
)
def test_adv003_warnings_in_other_words(checker: Checker, text: str) -> None:
    assert "ADV003" not in _codes(checker, text), text


@pytest.mark.parametrize(
    "text",
    [
        # the risk set on an alternative to sell the product: comma, none, 与其
        "【青川银行】股市有风险，倒不如把闲钱放进青川稳盈理财，每天都有收益，1万元起购。回T退订",
        "【青川银行】投资有风险 不如试试青川稳盈理财 每天都有收益 1万元起购 回T退订",
        "【青川银行】投资有风险，与其把钱放在股市里，不如交给青川稳盈理财，1万元起购。回T退订",
        # in English: not with us, a reassurance, another asset's risk
        "【Qingchuan Fund】Qingchuan Growth Fund opens from CNY 10. Investments carry risk. Not with our managers! 回T退订",
        "【Qingchuan Fund】Qingchuan Growth Fund opens from CNY 10. Investment involves risk, but our analysts watch every holding so you can relax. 回T退订",
        "【Qingchuan Fund】Unlike stocks, which may go down as well as up, Qingchuan Cash Fund grows every day. From CNY 1. 回T退订",
        # another asset's uncertain return; a deposit denied with no risk named
        "【青川银行】股票的投资回报不确定，青川稳盈理财按月派息，1万元起购。回T退订",
        "【青川银行】青川稳盈理财今日发售，1万元起购，本产品不是存款，没有风险。回T退订",
        "【青川银行】青川安盈理财并非存款，却有着不输存款的稳健，风险极低，1万元起购。回T退订",
        # a pitch after 不如 with no caution, 先 or not; a take-back after the new tolerance shape (rt232)
        "【青川银行】股市有风险，不如先把闲钱放进青川月月盈理财，1万元起购。回T退订",
        "【青川证券】股市有风险，不如让专业团队帮您打理，青川稳健投资组合1000元起。回T退订",
        "【青川银行】青川安盈R3理财今日发售。建议您结合自身风险承受能力审慎购买，当然本产品稳健，闭眼入也没问题。回T退订",
        # English: the risk not here, a boast, another asset's swings (rt232)
        "【Qingchuan Fund】Qingchuan Income Fund pays monthly from CNY 10,000. Investments carry risk. Not at Qingchuan! 回T退订",
        "【Qingchuan Fund】Qingchuan Income Fund opens from CNY 1,000. Investments involve risk, yet our managers let you sleep well at night. 回T退订",
        "【Qingchuan Fund】Property prices can fall as well as rise; Qingchuan Income Fund pays monthly from CNY 10,000. 回T退订",
    ],
)
def test_adv003_hollow_warnings(checker: Checker, text: str) -> None:
    assert "ADV003" in _codes(checker, text), text


# ----------------------------------------------------------------------------- DIS001
@pytest.mark.parametrize(
    "text",
    [
        "【青川银行】青川装修贷线上申请，提前还款不收任何违约金 年化利率（单利）3.85%起。回T退订",
        "【Qingchuan Bank】Qingchuan e-Loan: up to CNY 100,000, annual rate from 4.2% (simple). 回T退订",
        "【青川银行】青川薪金贷：代发工资客户及存款日均达10万元以上客户年化利率低至3.3%，线上申请。回T退订",
        "【青川基金】定投就是把一笔钱分期投入市场，青川沪深300指数基金定投10元起。基金有风险，投资须谨慎。回T退订",
        "【青川银行】青川e贷线上申请，提前还款无需支付任何违约金 年化利率（单利）3.6%起。回T退订",
        # no penalty, a default setting, a clean record: none is a penalty's rate (rt232)
        "【Qingchuan Bank】Qingchuan e-Loan: borrow online with no early repayment penalty. APR from 3.6% (simple). 回T退订",
        "【Qingchuan Bank】Qingchuan Cash Loan: repayments auto-debited by default and the APR is 7.2%-18% (simple). 回T退订",
    ],
)
def test_dis001_apr_in_other_forms(checker: Checker, text: str) -> None:
    assert "DIS001" not in _codes(checker, text), text


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # a penalty charged with 任何 before it is still a penalty
        (
            "【青川消费金融】青川借日息低至0.02%，额度可达20万，逾期产生的任何违约金按年化利率18%计收。回T退订",
            "error",
        ),
        ("【青川消费金融】青川借额度可达20万，日息低至0.02%，late fee annual rate 18%。回T退订", "error"),
        ("【青川消费金融】新客借款 annual rate reduced by 30%！额度可达5万，当天到账。回T退订", "error"),
        # a deposit's rate for large depositors, the loan named after it
        (
            "【青川银行】大额存单30万元以上客户专享年利率2.35%；另有青川e贷，额度可达30万，随借随还。回T退订",
            "warning",
        ),
    ],
)
def test_dis001_apr_missing(checker: Checker, text: str, severity: str) -> None:
    found = [f for f in checker.check(text).findings if f.code == "DIS001"]
    assert found and any(f.severity == severity for f in found), (
        text,
        [(f.severity, f.evidence) for f in found],
    )


# ----------------------------------------------------------------------------- OPT001
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # what the reader holds kept: a working opt-out
        ("【青川支付】周末扫码付款随机立减。回T退订（退订后您的积分仍将保留）", False),
        # promotions kept: none
        ("【青川支付】周末扫码付款随机立减。回T退订（退订后会员活动提醒仍将保留）", True),
        # a number that takes no replies, unless the opt-out is excepted
        ("【青川银行】周末加油满200减20。回T退订（本号码为单向发送，回复无法送达）", True),
        ("【青川银行】周末加油满200减20。回T退订（本号码为单向号码，仅受理退订指令）", False),
        ("【青川银行】周末加油满200减20。回T退订（除T外本号码不接收回复）", False),
        # refused after a question; a fallback or a limit is no refusal
        ("【青川支付】会员日好礼天天送。想回T退订？想得美，好运不能停！", True),
        ("【青川支付】会员日全场9折。回T退订？退不了请致电客服人工办理。", False),
        # (rt232) a one-way number that names the opt-out as working, or has no help line either
        ("【青川银行】周末加油满200减20。回T退订（本号码为单向发送号码，仅T指令有效）", False),
        ("【青川银行】周末加油满200减20。回T退订（本号码为单向号码，无人工服务，回复无法送达）", True),
        # a failed try is no refusal; 没门儿 and 不存在的 are
        ("【青川支付】周末扫码付款随机立减。回T退订？试了不行？请致电95017人工退订。", False),
        ("【青川支付】会员日好礼天天送。想回T退订？没门儿，好运不能停！", True),
        ("【青川支付】会员日好礼天天送。想回T退订？不存在的～好礼还在路上！", True),
        # points kept but promotions going on; coupons kept a few words on
        (
            "【青川支付】扫码付款随机立减。回T退订（退订后您的积分权益仍将保留，每周福利也会照常为您送达）",
            True,
        ),
        ("【青川支付】扫码付款随机立减。回T退订（退订不影响已领取的优惠券，券仍将在有效期内可用）", False),
    ],
)
def test_opt001_voided_or_kept(checker: Checker, text: str, fires: bool) -> None:
    found = {f.code for f in checker.check(text, kind="marketing").findings if f.severity == "error"}
    assert ("OPT001" in found) == fires, text


# ----------------------------------------------------------------------------- the gate
@pytest.fixture
def judge(checker_for: Callable[[str | None], Checker]) -> Callable[..., bool]:
    """The gate as the model path calls it: with the kind the user's check of the draft gave."""

    def run(draft: str, variant: str, profile: str | None = None) -> bool:
        checker = checker_for(profile)
        kind = checker.check(draft).kind
        return is_acceptable(validate_variant(draft, variant, checker=checker, kind=kind))

    return run


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        # the same amount paid to another party
        (
            "【平和人寿】您的保单（尾号5512）满期金8,000.00元已于6月18日发放至被保险人尾号6620的银行账户。",
            "【平和人寿】您的保单（尾号5512）满期金8,000.00元已于6月18日发放至受益人尾号6620的银行账户。",
        ),
        (
            "【安家小额贷款】您作为保证人的借款（合同尾号0412）本期应还4,200.00元，已由借款人按时还清。",
            "【安家小额贷款】您作为借款人的借款（合同尾号0412）本期应还4,200.00元，已由保证人按时还清。",
        ),
        # the channel an offer is limited to, dropped
        (
            "【长河基金】长河短债A开放申购，登录长河基金App申购费率享1折优惠。基金有风险，投资须谨慎。回T退订",
            "【长河基金】长河短债A开放申购，申购费率享1折优惠。基金有风险，投资须谨慎。回T退订",
        ),
        # a cover class or an owner added
        (
            "【恒安保险经纪】您的车辆（车牌尾号5K21）交强险将于9月3日到期，请及时续保。咨询400-880-7766。",
            "【恒安保险经纪】您的车辆（车牌尾号5K21）交强险、车损险将于9月3日到期，请及时续保。咨询400-880-7766。",
        ),
        # a negation dropped is still a flip; a hedge put for a negation too (rg12)
        (
            "【汇通支付】您的账户于3月9日在新设备上登录，如非本人操作，请立即修改密码。",
            "【汇通支付】您的账户于3月9日在新设备上登录，如系本人操作，请立即修改密码。",
        ),
        (
            "【捷贷】您的借款已全部结清，后续不会再从您尾号8890的银行卡扣款。",
            "【捷贷】您的借款已全部结清，后续未必会从您尾号8890的银行卡扣款。",
        ),
        # parties swapped in place, a party the groups name in other words (rg12, rg13)
        (
            "【华辰人寿】您的保单变更申请需由投保人提交，被保险人签字确认后生效。",
            "【华辰人寿】您的保单变更申请需由被保险人提交，投保人签字确认后生效。",
        ),
        (
            "【安家小额贷款】您作为担保人签署的借款合同（合同尾号0412）已生效，借款金额50,000.00元。",
            "【安家小额贷款】您作为共同还款人签署的借款合同（合同尾号0412）已生效，借款金额50,000.00元。",
        ),
        # a channel left as a pointer to details; a status stopped made running; a one-off made parts (rg13)
        (
            "【华辰银行】即日起通过华辰银行App缴费满100元立减10元，每户每月限1次。回T退订",
            "【华辰银行】即日起缴费满100元立减10元，每户每月限1次，可通过华辰银行App了解优惠详情。回T退订",
        ),
        (
            "【华辰银行】您尾号6621的信用卡已按您的申请暂停使用，如有疑问请致电400-810-3300。",
            "【华辰银行】您尾号6621的信用卡已按您的申请恢复使用，如有疑问请致电400-810-3300。",
        ),
        (
            "【安泰人寿】首期保费12,000.00元将于6月15日从尾号8812的账户一次性扣缴。",
            "【安泰人寿】首期保费12,000.00元将于6月15日起从尾号8812的账户分次扣缴。",
        ),
        # another cover joined to the draft's, in any name; cents added to a round amount (rg13)
        (
            "【恒安保险经纪】您的车辆（车牌尾号5M08）交强险将于9月12日到期，请及时办理续保。",
            "【恒安保险经纪】您的车辆（车牌尾号5M08）交强险及座位险将于9月12日到期，请及时办理续保。",
        ),
        (
            "【明德银行】您尾号3307的账户于3月2日转入人民币壹仟贰佰元整，如有疑问请致电95588。",
            "【明德银行】您尾号3307的账户于3月2日转入人民币壹仟贰佰元伍分，如有疑问请致电95588。",
        ),
        # what a status is not, dropped; a consequence's condition dropped; whom an offer is open to,
        # dropped; a hedge added (rg14)
        (
            "【明德银行】您尾号4417的借记卡因连续3次输错密码已被临时锁定，并非永久冻结，可到网点解锁。",
            "【明德银行】您尾号4417的借记卡因连续3次输错密码已被冻结，可到网点解冻。",
        ),
        (
            "【明德银行】您提供保证的贷款（合同尾号5182）本期应还12,400.00元。如借款人逾期，您将依约承担保证责任。",
            "【明德银行】您提供保证的贷款（合同尾号5182）本期应还12,400.00元，您将依约承担保证责任。",
        ),
        (
            "【瑞丰农商银行】瑞丰e贷面向本行代发工资客户开放申请，年化利率（单利）3.85%起。回T退订",
            "【瑞丰农商银行】瑞丰e贷现已开放申请，年化利率（单利）3.85%起。回T退订",
        ),
        (
            "【信达财产保险】本保单自2月28日零时起终止，终止后发生的保险事故不予赔付。",
            "【信达财产保险】本保单自2月28日零时起终止，终止后发生的保险事故原则上不予赔付。",
        ),
        # a negation dropped while another is traded elsewhere; a failure word in both clauses is no
        # restatement (rg12, rg13)
        (
            "【嘉禾银行】您的信用卡账单分期申请已提交，无需到网点办理，分期成功后不可取消。",
            "【嘉禾银行】您的信用卡账单分期申请已提交，不用到网点办理，分期成功后可取消。",
        ),
        (
            "【汇通支付】您已成功关闭自动续费服务，关闭后不会再从您的账户扣费。",
            "【汇通支付】您已成功关闭自动续费服务，关闭后仍会从您的账户扣费。",
        ),
        # shown on the model path alone before (the draft's own kind passed): the holder made a
        # relative, a plain no made a maybe, the branch widened (rg12, rg13, rg16)
        (
            "【嘉禾银行】您预约的大额存单提前支取业务需本人携带身份证到网点办理。详询400-886-5566。",
            "【嘉禾银行】您预约的大额存单提前支取业务需家属携带身份证到网点办理。详询400-886-5566。",
        ),
        (
            "【明德银行】6月8日0:00至6:00系统升级，期间不会影响信用卡正常刷卡消费。详询95588。",
            "【明德银行】6月8日0:00至6:00系统升级，期间不排除影响信用卡正常刷卡消费。详询95588。",
        ),
        (
            "【利川村镇银行】张师傅，您在我行柜面存的3年期定期存款2万元将于12月28日到期。如需转存，请带本人身份证到原开户网点办理。",
            "【利川村镇银行】张师傅，您在我行柜面存的3年期定期存款两万元将于12月28日到期。如需转存，请携带本人身份证到我行任一网点办理。",
        ),
        # the condition of an instruction dropped: every reader told to act (rg15)
        (
            "【快付通支付】您的账户于12月2日09:15在新设备上登录。如非本人操作，请立即修改登录密码。",
            "【快付通支付】您的账户于12月2日09:15在新设备上登录，请立即修改登录密码。",
        ),
        # a waiver added beside a figure that merely starts with 0 (rg13)
        (
            "【捷贷】捷贷随借随还，年化利率7.2%-18%（单利），提前还款违约金为0.5%。回T退订",
            "【捷贷】捷贷随借随还，年化利率7.2%-18%（单利），提前还款违约金为0.5%，首月内提前还款免违约金。回T退订",
        ),
    ],
)
def test_gate_rejects_parties_channels_and_covers(
    judge: Callable[..., bool], draft: str, variant: str
) -> None:
    assert judge(draft, variant) is False, variant


@pytest.mark.parametrize(
    ("draft", "variant", "profile"),
    [
        (
            "【青禾农商银行】5年期大额存单今日发行，20万元起存，年利率2.35%，到期一次还本付息。回T退订",
            "【青禾农商银行】今日发行5年期大额存单：20万元起存，年利率2.35%，到期一次性还本付息。回T退订",
            None,
        ),
        (
            "【明德银行】您尾号6612的信用卡4月账单金额2,310.50元，最低还款额231.05元，最后还款日5月8日。",
            "【明德银行】您尾号6612的信用卡4月账单金额2,310.50元，最低还款额贰佰叁拾壹元零角伍分，最后还款日5月8日。",
            "example-bank",
        ),
        (
            "【汇通支付】您的账户于4月2日20:15在新设备上登录，如非本人操作，请立即修改密码。",
            "【汇通支付】4月2日20:15，您的账户在新设备上登录。如不是您本人操作，请立即修改密码。",
            "example-payment",
        ),
        # the channel kept before the offer, however introduced; 各自有 is no 自有; a reordered pair (rg13)
        (
            "【汇通支付】使用汇通支付App扫码付款满50元立减3元，每人每周限1次。回T退订",
            "【汇通支付】打开汇通支付App扫码付款，满50元立减3元，每人每周限1次。回T退订",
            "example-payment",
        ),
        (
            "【汇通支付】您已成功开通家庭亲情账户，您与家人的账户分别拥有独立的支付密码。客服400-999-8866",
            "【汇通支付】您已成功开通家庭亲情账户，您与家人的账户各自有独立的支付密码。客服400-999-8866",
            "example-payment",
        ),
        # a price per year said before the figure; 起 after Chinese numerals (rg14)
        (
            "【嘉禾保险】嘉禾出行意外险，保费99元/年，航空意外身故保险金额100万元，具体以保险合同条款为准。回T退订",
            "【嘉禾保险】嘉禾出行意外险每年保费99元，航空意外身故保额100万元，具体以保险合同条款为准。回T退订",
            None,
        ),
        (
            "【瑞丰农商银行】瑞丰e贷额度3万元至30万元，年化利率（单利）3.85%起，具体以审批结果为准。回T退订",
            "【瑞丰农商银行】瑞丰e贷年化利率（单利）百分之三点八五起，额度3万元至30万元，具体以审批结果为准。回T退订",
            None,
        ),
        # a yearly excess said 年度; a car's policy in its long name (rg15)
        (
            "【安泰人寿】安泰长保医疗险一般医疗保险金年度限额200万元，年免赔额1万元，以保险合同条款为准。详情请访问https://www.antai-life.com/health。回T退订",
            "【安泰人寿】安泰长保医疗险一般医疗保险金每年限额200万元，年度免赔额1万元，以保险合同条款为准。详情请访问https://www.antai-life.com/health。回T退订",
            "example-insurer",
        ),
        (
            "【恒安保险经纪】您通过我司投保的车险将于2026年1月8日到期，续保报价已生成，请登录https://www.hengan-broker.com查看。",
            "【恒安保险经纪】您经我司投保的机动车保险将在2026年1月8日到期，续保报价已经生成，请登录https://www.hengan-broker.com查看。",
            "example-broker",
        ),
        (
            "【恒安保险经纪】您投保的意外险和医疗险已于9月1日生效。咨询400-880-7766。",
            "【恒安保险经纪】您投保的医疗险和意外险已于9月1日生效。咨询400-880-7766。",
            "example-broker",
        ),
    ],
)
def test_gate_accepts_the_same_facts(
    judge: Callable[..., bool], draft: str, variant: str, profile: str | None
) -> None:
    assert judge(draft, variant, profile) is True, variant


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("叁佰捌拾伍元陆角肆分", "385.64"),
        ("五元六角三分", "5.63"),
        ("叁佰捌拾伍元零肆分", "385.04"),
        ("壹仟贰佰元伍分", "1200.05"),
        ("12块5", "12.5"),
        ("三元五角", "3.5"),
    ],
)
def test_money_in_words_with_cents(text: str, value: str) -> None:
    money = [f for f in read_figures(text) if f.kind == "money"]
    assert money and money[0].value == value and money[0].text == text


def test_a_notice_rewrite_is_judged_as_marketing_only_where_it_added_marketing(
    checker_for: Callable[[str | None], Checker],
) -> None:
    """A restructured notice that rule evidence alone reads as uncertain keeps its notice kind
    (rg16); one that adds an offer is judged as marketing, as before."""
    from assistant.rewrite.gate import judge_variant

    checker = checker_for(None)
    draft = (
        "【恒安保险经纪】您委托我司协助申请的住院医疗理赔材料已于12月3日转交承保保险公司，目前处于保险公司"
        "审核阶段，审核结果及赔付金额以保险公司通知为准。理赔进度可致电400-880-7766查询。"
    )
    restructured = (
        "【恒安保险经纪】理赔进度提醒：12月3日，我司已将您委托协助申请的住院医疗理赔材料转交承保保险公司，"
        "现处于保险公司审核阶段；审核结果及赔付金额以保险公司通知为准。查询进度请致电400-880-7766。"
    )
    offered = restructured.replace(
        "查询进度请致电400-880-7766。", "现投保住院医疗险立享首月免费，查询进度请致电400-880-7766。"
    )
    assert judge_variant(draft, restructured, checker=checker, kind="service").variant_kind == "service"
    assert judge_variant(draft, offered, checker=checker, kind="service").variant_kind == "marketing"


def test_a_model_rewrite_of_a_draft_of_uncertain_kind_is_judged_not_crashed(
    llm_server: ScriptedLLMServer,
) -> None:
    """The model path passes the draft's inferred kind to the gate; ``uncertain`` used to raise
    ValueError there (the checker takes only a declared kind), so a model rewrite of a greeting or
    any draft the checker could not call crashed.  It is judged as marketing, the stricter
    reading: a variant that adds a claim is still refused."""
    from llm_server import llm_config, variants_reply

    from assistant.config import Settings
    from assistant.llm.client import LLMClient
    from assistant.rewrite.llm_engine import rewrite

    checker = Checker(Settings())
    draft = "【明德银行】七夕快乐！愿您与爱同行。"
    assert checker.check(draft).kind == "uncertain"
    client = LLMClient(llm_config(llm_server, max_retries=0))
    llm_server.default = variants_reply("【明德银行】七夕快乐！祝您与爱同行。回T退订")
    result = rewrite(draft, checker=checker, client=client, variants=1)
    assert [v.text for v in result.variants] == ["【明德银行】七夕快乐！祝您与爱同行。回T退订"]
    llm_server.reset()
    llm_server.default = variants_reply("【明德银行】七夕快乐！明德理财稳赚不赔，愿您与爱同行。回T退订")
    result = rewrite(draft, checker=checker, client=client, variants=1)
    assert all("稳赚不赔" not in v.text for v in result.variants)
