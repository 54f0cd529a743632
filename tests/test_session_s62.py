"""Session of 2026-12-07 from 13:32: faithful polishings the gate refused (gate sets rg14–rg16,
development halves) and the notice wordings behind them, fixed by mechanism.

Each class is tested with its twin: the faithful form that must pass beside the changed fact
that must still be refused, so a later widening or narrowing shows here first.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.checker.engine import Checker
from assistant.facts import extract_facts
from assistant.rewrite.gate import is_acceptable, validate_variant


@pytest.fixture
def judge(checker_for: Callable[[str | None], Checker]) -> Callable[..., list]:
    """The gate as the model path calls it (the draft's own kind); the findings it gives."""

    def run(draft: str, variant: str, profile: str | None = None) -> list:
        checker = checker_for(profile)
        kind = checker.check(draft).kind
        return validate_variant(draft, variant, checker=checker, kind=kind)

    return run


def _errors(findings: list, code: str | None = None) -> list:
    return [f for f in findings if f.severity == "error" and (code is None or f.code == code)]


# ----------------------------------------------------------------------------- date ranges
@pytest.mark.parametrize(
    ("draft", "variant", "ok"),
    [
        # the end of a range written without its month is a date of the start's month
        (
            "【青川银行】3月1日至31日，用青川银行信用卡在指定便利店单笔消费满50元立减5元，活动期间限享3次。回T退订",
            "【青川银行】3月1日至3月31日，用青川银行信用卡在指定便利店单笔消费满50元立减5元，活动期间限享3次。回T退订",
            True,
        ),
        (
            "【青川银行】6月1日-30日期间，手机银行缴纳燃气费满100元随机立减1-10元，名额有限。回T退订",
            "【青川银行】6月1日至6月30日期间，手机银行缴纳燃气费满100元随机立减1-10元，名额有限。回T退订",
            True,
        ),
        # …but never of another month
        (
            "【青川银行】3月1日至31日，用青川银行信用卡在指定便利店单笔消费满50元立减5元，活动期间限享3次。回T退订",
            "【青川银行】3月1日至4月30日，用青川银行信用卡在指定便利店单笔消费满50元立减5元，活动期间限享3次。回T退订",
            False,
        ),
        (
            "【青川银行】3月1日至31日，用青川银行信用卡在指定便利店单笔消费满50元立减5元，活动期间限享3次。回T退订",
            "【青川银行】3月1日至4月31日，用青川银行信用卡在指定便利店单笔消费满50元立减5元，活动期间限享3次。回T退订",
            False,
        ),
    ],
)
def test_a_range_end_keeps_its_month(judge: Callable[..., list], draft: str, variant: str, ok: bool) -> None:
    assert (not _errors(judge(draft, variant), "REW002")) is ok, [f.message for f in judge(draft, variant)]


# ----------------------------------------------------------------------------- tails
_POLICY_DRAFT = (
    "【安泰人寿】您尾号1290的保单续期保费4,800.00元将于3月8日从您尾号6631的银行卡扣缴，请保持余额充足。"
)


@pytest.mark.parametrize(
    ("draft", "variant", "ok"),
    [
        # each tail still names its own thing, in the other order
        (
            _POLICY_DRAFT,
            "【安泰人寿】3月8日将从您尾号6631的银行卡扣缴尾号1290保单的续期保费4,800.00元，请保持余额充足。",
            True,
        ),
        (
            "【安泰人寿】您作为投保人的保单（尾号7702）项下的满期金3,000.00元已于5月6日支付至尾号5521的银行账户。",
            "【安泰人寿】满期金3,000.00元已于5月6日支付至尾号5521的银行账户，该款项为您作为投保人的保单（尾号7702）项下的满期金。",
            True,
        ),
        # the tails traded between the things they name
        (
            _POLICY_DRAFT,
            "【安泰人寿】您尾号6631的保单续期保费4,800.00元将于3月8日从您尾号1290的银行卡扣缴，请保持余额充足。",
            False,
        ),
        # two accounts: the order is the direction of the money
        (
            "【青川银行】您已从尾号1111的账户向尾号2222的账户转账500.00元。",
            "【青川银行】您已从尾号2222的账户向尾号1111的账户转账500.00元。",
            False,
        ),
    ],
)
def test_tails_in_another_order(judge: Callable[..., list], draft: str, variant: str, ok: bool) -> None:
    assert (not _errors(judge(draft, variant, "example-insurer"), "REW001")) is ok, [
        f.message for f in judge(draft, variant, "example-insurer")
    ]


# ----------------------------------------------------------------------------- facts
@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("持卡在指定便利店单笔消费满50元", "指定便利店"),
        ("在华联超市使用青川信用卡消费满100元", "华联超市"),
        ("在持牌机构通过扫码支付", "持牌机构"),
        ("您在永辉超市消费88.00元", "永辉超市"),
    ],
)
def test_a_counterparty_without_the_amount_or_means(text: str, party: str) -> None:
    assert [f.value for f in extract_facts(text) if f.role == "counterparty"] == [party]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("您于3月2日申购的安心2号理财已确认", ["安心2号理财"]),
        ("您3月2日申购安心2号理财已确认", ["安心2号理财"]),
        ("通过手机银行办理24期账单分期", []),
        ("登录App办理十二期账单分期", []),
        ("尊享明德稳盈1号", ["明德稳盈1号"]),
    ],
)
def test_a_product_name_without_the_sentence_before_it(text: str, names: list[str]) -> None:
    assert [f.value for f in extract_facts(text) if f.role == "product"] == names


# ----------------------------------------------------------------------------- wording
@pytest.mark.parametrize(
    ("added", "ok"),
    [
        ("祝您早日康复。", True),
        ("祝您及家人身体健康。", True),
        ("祝您收益多多。", False),
        ("祝您早日获得高额回报。", False),
    ],
)
def test_a_courtesy_wish(judge: Callable[..., list], added: str, ok: bool) -> None:
    draft = "【安泰人寿】您于3月2日提交的住院医疗理赔申请已审核通过，赔付金额2,300.00元将于3个工作日内转入尾号8812的账户。"
    assert is_acceptable(judge(draft, draft + added, "example-insurer")) is ok, [
        f.message for f in judge(draft, draft + added, "example-insurer")
    ]


# ----------------------------------------------------------------------------- kind
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the bank's posted rates under a change heading
        (
            "【青川银行】利率调整通知：自1月1日起，本行人民币定期存款挂牌利率（年利率）为一年期1.20%、二年期1.40%。",
            "service",
        ),
        ("【青川银行】新春特惠：本行三年期大额存单年利率2.60%，20万元起存，名额有限。", "marketing"),
        # the recipient's own dated purchase, confirmed
        ("【青川银行】认购确认：您3月2日认购青川月月享理财1万元，已确认成功，3月4日起息。", "service"),
        ("【青川银行】您3月2日申购青川月月享理财1万元已确认，份额将于3月4日起计算收益。", "service"),
        # a date named to promise a reward for buying is a pitch
        ("【青川银行】您3月12日认购青川月月享理财可享加息0.5%，名额有限，速抢！", "marketing"),
        ("【青川银行】认购确认：青川月月享理财火热认购中，年化4%，1万元起购。", "marketing"),
    ],
)
def test_notice_shapes_and_their_pitches(checker: Checker, text: str, kind: str) -> None:
    assert checker.check(text).kind == kind, text


# ----------------------------------------------------------------------------- channels
_CHANNEL_DRAFT = "【青川银行】即日起通过手机银行申购青川月月享享申购费率5折，1元起购。理财非存款，产品有风险，投资须谨慎。回T退订"
_INSTALMENT_DRAFT = (
    "【青川银行】3月1日至31日，通过青川银行手机银行办理6期账单分期，每期手续费率0.6%，折合年化利率约11.2%，"
    "以办理页面为准。回T退订"
)


@pytest.mark.parametrize(
    ("draft", "variant", "ok"),
    [
        # the same channel, said otherwise or without 通过
        (_CHANNEL_DRAFT, _CHANNEL_DRAFT.replace("通过手机银行申购", "在青川银行App申购"), True),
        (
            _CHANNEL_DRAFT,
            _CHANNEL_DRAFT.replace(
                "即日起通过手机银行申购青川月月享享申购费率5折", "即日起手机银行申购青川月月享，申购费率享5折"
            ),
            True,
        ),
        (
            _INSTALMENT_DRAFT,
            _INSTALMENT_DRAFT.replace("通过青川银行手机银行办理", "登录青川银行手机银行App办理"),
            True,
        ),
        # another channel for the offer, though the draft names it elsewhere or not at all
        (_CHANNEL_DRAFT, _CHANNEL_DRAFT.replace("通过手机银行申购", "通过官网申购"), False),
        (_CHANNEL_DRAFT, _CHANNEL_DRAFT.replace("通过手机银行申购", "通过网点柜台申购"), False),
        # a channel added to the draft's
        (_INSTALMENT_DRAFT, _INSTALMENT_DRAFT.replace("手机银行办理", "手机银行或客服热线办理"), False),
        (_INSTALMENT_DRAFT, _INSTALMENT_DRAFT.replace("手机银行办理", "手机银行、营业网点办理"), False),
    ],
)
def test_a_channel_is_kept_as_named(judge: Callable[..., list], draft: str, variant: str, ok: bool) -> None:
    assert (not _errors(judge(draft, variant), "REW001")) is ok, [f.message for f in judge(draft, variant)]


# ----------------------------------------------------------------------------- dates as words
_DUE_DRAFT = (
    "【青川银行】您尾号3301的信用卡本期应还2,180.00元，还款日为2026年3月15日，请在当日20:00前存足款项。"
)


@pytest.mark.parametrize(
    ("variant", "ok"),
    [
        # a date written another way drops its 年/月/日: no period word changed
        (
            "【青川银行】您尾号3301的信用卡本期应还2,180.00元，还款日2026-03-15，请于当天20:00前存足款项。",
            True,
        ),
        (
            "【青川银行】您尾号3301的信用卡本期应还2,180.00元，还款日为2026/3/15，请在当日20:00前存足款项。",
            True,
        ),
    ],
)
def test_a_date_in_another_form_is_no_period_word(judge: Callable[..., list], variant: str, ok: bool) -> None:
    assert is_acceptable(judge(_DUE_DRAFT, variant)) is ok, [f.message for f in judge(_DUE_DRAFT, variant)]


def test_a_period_word_changed_beside_a_date_is_still_seen(judge: Callable[..., list]) -> None:
    draft = "【青川银行】2026年3月1日起，青川借记卡每月可享跨行取款免手续费1次。回T退订"
    variant = "【青川银行】2026年3月1日起，青川借记卡每年可享跨行取款免手续费1次。回T退订"
    assert _errors(judge(draft, variant), "REW001"), [f.message for f in judge(draft, variant)]


# ----------------------------------------------------------------------------- red team of the diff (rt236)
_OFFER = "【青川银行】6月1日至30日，在永辉超市使用青川信用卡消费满100元立减10元，每户限享2次。回T退订"


@pytest.mark.parametrize(
    ("variant", "ok"),
    [
        # the card an offer must be paid with is a condition: kept, not widened or dropped
        (_OFFER.replace("在永辉超市使用青川信用卡消费", "使用青川信用卡在永辉超市消费"), True),
        (_OFFER.replace("使用青川信用卡", "使用青川银行卡"), False),
        (_OFFER.replace("使用青川信用卡", "使用银行卡"), False),
        (_OFFER.replace("使用青川信用卡", ""), False),
        (_OFFER.replace("使用青川信用卡", "使用任意信用卡"), False),
    ],
)
def test_the_means_of_payment_is_kept(judge: Callable[..., list], variant: str, ok: bool) -> None:
    assert is_acceptable(judge(_OFFER, variant)) is ok, [f.message for f in judge(_OFFER, variant)]


@pytest.mark.parametrize(
    ("draft", "variant", "ok"),
    [
        # a range end restated with its month only as a range end, with clock times or weekdays between
        (
            "【青川银行】活动时间：6月1日00:00至30日23:59，青川信用卡在指定便利店单笔消费满50元立减5元。回T退订",
            "【青川银行】活动时间：6月1日00:00至6月30日23:59，青川信用卡在指定便利店单笔消费满50元立减5元。回T退订",
            True,
        ),
        # …never as a date in another role
        (
            "【青川银行】活动时间6月1日至30日，奖励积分将于活动结束后统一发放。回T退订",
            "【青川银行】活动时间6月1日至30日，奖励积分将于6月30日统一发放。回T退订",
            False,
        ),
        # tails kept by their objects but moved across a transfer
        (
            "【青川银行】您于6月5日从尾号4410的账户转出2,000.00元至尾号8835的银行卡。",
            "【青川银行】您于6月5日从尾号8835的银行卡转出2,000.00元至尾号4410的账户。",
            False,
        ),
        # a name whose own word looks like a verb (持有期)
        (
            "【青川银行】您持有的青川稳享持有期3号将于6月30日到期，到期资金将返还至您尾号1234的账户。",
            "【青川银行】您持有的青川安享持有期3号将于6月30日到期，到期资金将返还至您尾号1234的账户。",
            False,
        ),
        # both documents made either
        (
            "【青川银行】您的贷款申请需补充工作证明和近6个月银行流水，请于6月15日前登录手机银行上传。",
            "【青川银行】您的贷款申请需补充工作证明或者近6个月银行流水，请于6月15日前登录手机银行上传。",
            False,
        ),
        # a usual time made a promise
        (
            "【青川银行】您申请的信用卡已寄出，一般3-5个工作日送达，请注意查收。",
            "【青川银行】您申请的信用卡已寄出，确保3-5个工作日送达，请注意查收。",
            False,
        ),
        # a phone channel added by its number
        (
            "【青川银行】您尾号1234的信用卡本期账单可通过手机银行申请分期，每期手续费率0.6%，折合年化利率约11.2%。回T退订",
            "【青川银行】您尾号1234的信用卡本期账单可申请分期，每期手续费率0.6%，折合年化利率约11.2%，手机银行、95588均可申请。回T退订",
            False,
        ),
        # the same channel with the instalments named as the act
        (
            "【青川银行】6月1日至30日，通过手机银行办理账单分期，分6期每期手续费率0.6%，折合年化利率约11.2%。回T退订",
            "【青川银行】6月1日至30日，您可以在手机银行上把账单分6期，每期手续费率0.6%，折合年化利率约11.2%。回T退订",
            True,
        ),
        # a festival greeting
        (
            "【青川银行】您尾号1234的信用卡本期应还3,286.50元，最后还款日6月25日，请按时还款。",
            "【青川银行】您尾号1234的信用卡本期应还3,286.50元，最后还款日6月25日，请按时还款。祝您端午安康！",
            True,
        ),
    ],
)
def test_the_red_team_of_the_diff(judge: Callable[..., list], draft: str, variant: str, ok: bool) -> None:
    assert is_acceptable(judge(draft, variant)) is ok, [f.message for f in judge(draft, variant)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a posted rate urged on the reader under a change heading, or with no date it changes on
        (
            "【青川银行】利率调整通知：自7月1日起本行三年期定期存款年利率2.6%，即将下调，存款趁早。",
            "not service",
        ),
        (
            "【青川银行】利率调整通知：本行一年期定期存款年利率2.0%，高于同业平均水平，欢迎存入。",
            "not service",
        ),
        # a product's own distribution reported by brand and number, and a date written with 号
        (
            "【青川银行】青川稳盈2号收益分配公告：青川稳盈2号，年化收益率3.05%，收益已于6月5日分配至持有人账户。",
            "service",
        ),
        (
            "【青川银行】尊敬的青川月月享持有人：本月20号收益结转，近七日年化2.05%，收益已计入份额。",
            "service",
        ),
        # …but offered by brand and number to a reader who does not hold it
        (
            "【青川银行】您尾号4417账户活期余额超过5万元，可了解青川稳盈2号，业绩比较基准3.0%（不代表实际收益）。",
            "uncertain",
        ),
    ],
)
def test_headings_and_numbered_products(checker: Checker, text: str, kind: str) -> None:
    """A pitch is never silently a notice (its opt-out and warning would pass unchecked)."""
    got = checker.check(text).kind
    assert (got != "service") if kind == "not service" else (got == kind), (text, got)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "【青川银行】青川月月享1元起购，推荐为亲朋好友转发本活动，一起享受稳健理财。理财非存款，产品有风险，投资须谨慎。回T退订",
            True,
        ),
        ("【青川银行】新春开门红，建议帮忙分享到家族群，让家人一起参与存款加息活动。回T退订", True),
        (
            "【安泰人寿】您的保单续期保费已扣款成功。推荐为家人投保安泰安心医疗险，详见https://www.antai-life.com/health 回T退订",
            False,
        ),
    ],
)
def test_advice_to_the_reader_is_no_forwarding_unless_something_is_passed_on(
    checker: Checker, text: str, fires: bool
) -> None:
    assert ("LNK003" in _codes_of(checker, text)) is fires, text


def _codes_of(checker: Checker, text: str) -> set[str]:
    return {f.code for f in checker.check(text).findings if f.severity in ("error", "warning")}


# ----------------------------------------------------------------------------- second red team (rt237)
@pytest.mark.parametrize(
    ("draft", "variant", "ok"),
    [
        # a payee lengthened into another name
        (
            "【青川银行】您尾号6621的账户于6月5日向李强转账5,000.00元，如非本人操作请致电95588。",
            "【青川银行】您尾号6621的账户于6月5日向李强国转账5,000.00元，如非本人操作请致电95588。",
            False,
        ),
        # the payee's label dropped, a particle added: the same party
        (
            "【青川银行】您于6月5日向收款方杭州云栖餐饮有限公司付款268.00元，如有疑问请致电95588。",
            "【青川银行】您于6月5日向杭州云栖餐饮有限公司付款268.00元，如有疑问请致电95588。",
            True,
        ),
        # another instrument beside the draft's, or the draft's made an option
        (_OFFER, _OFFER.replace("使用青川信用卡", "使用青川信用卡或借记卡"), False),
        (
            _OFFER,
            _OFFER.replace("在永辉超市使用青川信用卡消费", "在永辉超市消费") + "可用青川信用卡。",
            False,
        ),
        # the same instrument in other words, or still required after the offer
        (_OFFER, _OFFER.replace("在永辉超市使用青川信用卡消费", "在永辉超市刷青川信用卡消费"), True),
        (
            "【青川银行】6月1日至30日，在全家便利店线上支付满20元立减3元，每日限1次。回T退订",
            "【青川银行】6月1日至30日，在全家便利店在线支付满20元立减3元，每日限1次。回T退订",
            True,
        ),
        (
            "【青川银行】6月1日至30日，使用青川银行付款码在全家便利店单笔支付满20元立减3元，每日限1次。回T退订",
            "【青川银行】6月1日至30日，在全家便利店单笔支付满20元立减3元（需使用青川银行付款码），每日限1次。回T退订",
            True,
        ),
        # tails that trade the things they name, in the same order
        (
            "【青川银行】您尾号1234的信用卡本期应还3,286.50元，将于6月25日从您尾号5678的借记卡自动扣款。",
            "【青川银行】6月25日，系统将从您尾号1234的借记卡自动扣款，偿还您尾号5678的信用卡本期应还款3,286.50元。",
            False,
        ),
        (
            "【青川银行】您尾号1234的信用卡本期应还3,286.50元，将于6月25日从您尾号5678的借记卡自动扣款。",
            "【青川银行】6月25日，系统将从您尾号5678的借记卡自动扣款，偿还您尾号1234的信用卡本期应还款3,286.50元。",
            True,
        ),
        # two accounts: labelled sides reordered, or the movement reversed
        (
            "【青川银行】您于6月5日转账2,000.00元，转出账户尾号4410，转入账户尾号8835。",
            "【青川银行】您于6月5日转账2,000.00元，转入账户尾号8835，转出账户尾号4410。",
            True,
        ),
        (
            "【青川银行】您尾号8821的账户于3月5日向张三尾号6612的账户转出5,000.00元。",
            "【青川银行】3月5日，张三尾号6612的账户向您尾号8821的账户转账5,000.00元。",
            False,
        ),
        # a date's bound given or dropped
        (
            "【青川银行】您的续期保费已于3月8日扣缴成功。",
            "【青川银行】您的续期保费已于3月8日前扣缴成功。",
            False,
        ),
        (
            "【青川银行】请于6月25日前登录手机银行完成激活。",
            "【青川银行】请于6月25日登录手机银行完成激活。",
            False,
        ),
        # …not a range said with 自…起…止, nor a due date said as a deadline
        (
            "【青川银行】您的家财险电子保单已生成，保险期间2026年3月1日至2027年2月28日。",
            "【青川银行】您的家财险电子保单已生成，保险期间自2026年3月1日起至2027年2月28日止。",
            True,
        ),
        # a start made a deadline
        (
            "【青川银行】青川稳盈2号将于6月30日起开放申购，业绩比较基准3.0%（不代表实际收益）。理财非存款，产品有风险，投资须谨慎。回T退订",
            "【青川银行】青川稳盈2号申购截止日期为6月30日，业绩比较基准3.0%（不代表实际收益）。理财非存款，产品有风险，投资须谨慎。回T退订",
            False,
        ),
        # a list of requirements made alternatives; a list of channels is alternatives either way
        (
            "【青川银行】您的贷款申请需补充工作证明、近6个月银行流水，请于6月15日前上传。",
            "【青川银行】您的贷款申请需补充工作证明或近6个月银行流水，请于6月15日前上传。",
            False,
        ),
        (
            "【青川银行】您可通过手机银行和网上银行查询本期账单明细，如有疑问请致电95588。",
            "【青川银行】您可通过手机银行或网上银行查询本期账单明细，如有疑问请致电95588。",
            True,
        ),
        # a channel added to the offer's
        (
            "【青川银行】6月1日至30日，通过手机银行缴纳话费满50元享9.5折，每户限1次，详情可登录网上银行查看。回T退订",
            "【青川银行】6月1日至30日，通过手机银行、网上银行缴纳话费满50元均享9.5折，每户限1次。回T退订",
            False,
        ),
        # 险 written out, the kind word after a registered name dropped, the balance instruction reworded
        (
            "【安泰人寿】您投保的安泰鑫享年金险将于6月30日进入续期缴费期，续期保费12,000.00元将从尾号6631的银行卡扣缴，请保持余额充足。",
            "【安泰人寿】您投保的安泰鑫享年金保险将于6月30日进入续期缴费期，续期保费12,000.00元将从尾号6631的银行卡扣缴，请确保卡内余额充足。",
            True,
        ),
    ],
)
def test_the_second_red_team_of_the_diff(
    judge: Callable[..., list], draft: str, variant: str, ok: bool
) -> None:
    profile = "example-insurer" if draft.startswith("【安泰") else None
    assert is_acceptable(judge(draft, variant, profile)) is ok, [
        f.message for f in judge(draft, variant, profile)
    ]
