"""Words that each name another fact than the others of their set (上旬/中旬/下旬, 本行/他行,
每户/每卡, 年费/管理费, 申购/赎回, 中止/终止) and qualifiers a figure or a notice depends on
(日均, 境外, 仅抵扣…, 逾期将产生…, 恢复为原额度, 宽限期): a rewrite that swaps one for
another or drops it keeps every number and still changes the fact (red team rg6).  The same
rewrites that keep the words, reworded around them, are faithful."""

from __future__ import annotations

from functools import cache

import pytest

from assistant.checker.engine import Checker
from assistant.profile import load_profile
from assistant.rewrite.gate import is_acceptable, validate_variant

BILL = "【汇通支付】您的账单将于12月上旬出账，本月他行卡转账免手续费，每户限3次。回T退订"
FEE = "【明德银行】您尾号3307的信用卡年费200元将于12月15日扣收，如有疑问请致电95588。"
FUND = "【明德银行】您于12月1日申购的稳健债券A已确认，份额1,000.00份。"
POLICY = "【安泰人寿】您的保单因未交保费已进入宽限期，宽限期内发生保险事故仍可理赔，逾期保单效力中止。"
PROMO = "【明德银行】12月境外消费日均余额满5万元，可获赠3张仅抵扣利息的优惠券。回T退订"
LIMIT = "【明德银行】您的信用卡临时额度已调整为20,000元，有效期至12月31日，到期后恢复为原额度。"
LATE = "【捷贷】您的借款本期应还1,200.00元，还款日为12月5日，逾期将产生违约金并可能影响个人征信。"
PROFILES = {BILL: "example-payment", FEE: "example-bank", FUND: "example-bank", POLICY: "example-insurer"}
PROFILES |= {PROMO: "example-bank", LIMIT: "example-bank", LATE: "example-lender"}


@cache
def _checker(profile: str) -> Checker:
    return Checker(profile=load_profile(profile))


def _accepted(draft: str, variant: str) -> bool:
    return is_acceptable(validate_variant(draft, variant, checker=_checker(PROFILES[draft])))


@pytest.mark.parametrize(
    ("draft", "old", "new"),
    [
        (BILL, "上旬", "中旬"),
        (BILL, "他行卡", "本行卡"),
        (BILL, "每户", "每卡"),
        (FEE, "年费", "管理费"),
        (FEE, "扣收", "返还"),
        (FUND, "申购", "赎回"),
        (POLICY, "效力中止", "效力终止"),
        (PROMO, "境外消费日均余额", "消费余额"),
        (PROMO, "仅抵扣利息的", ""),
        (LIMIT, "，到期后恢复为原额度", ""),
        (LATE, "，逾期将产生违约金并可能影响个人征信", ""),
        (POLICY, "宽限期内发生保险事故仍可理赔，", ""),
    ],
)
def test_a_word_swapped_or_a_qualifier_dropped_is_rejected(draft: str, old: str, new: str) -> None:
    assert old in draft
    assert not _accepted(draft, draft.replace(old, new))


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        (BILL, "【汇通支付】您的账单将在12月上旬出账；本月使用他行卡转账免收手续费，每户限3次。回T退订"),
        (FEE, "【明德银行】您尾号3307信用卡的年费200元将在12月15日扣收，如有疑问请致电95588。"),
        (LIMIT, "【明德银行】您信用卡的临时额度已调整为20,000元，有效期到12月31日，到期后将恢复为原额度。"),
    ],
)
def test_the_same_words_reworded_around_are_faithful(draft: str, variant: str) -> None:
    assert _accepted(draft, variant)


LOAN = "【明德银行】个人消费贷款，额度最高可达30万元，年化利率（单利）3.6%起，最长期限5年，具体以审批结果为准。回T退订"
COUPON = "【捷贷】新用户首笔借款享7天免息券（仅抵扣利息），年化利率（单利）10.8%起，借款需审核，请理性借贷。回T退订"
PROFILES |= {LOAN: "example-bank", COUPON: "example-lender"}


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        # the same length of time, the same day, the same caveat cut differently
        (COUPON, COUPON.replace("7天", "一周")),
        (LIMIT, LIMIT.replace("12月31日", "12月底")),
        (
            LOAN,
            "【明德银行】个人消费贷款：额度最高30万元，最长可贷5年，年化利率（单利）3.6%起，具体以审批结果为准。回T退订",
        ),
    ],
    ids=["7-days-a-week", "month-end", "caveat-restated"],
)
def test_equivalent_restatements_are_faithful(draft: str, variant: str) -> None:
    assert _accepted(draft, variant)


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        (COUPON, COUPON.replace("7天", "两周")),
        (LIMIT, LIMIT.replace("12月31日", "11月底")),
    ],
    ids=["7-days-two-weeks", "another-month-end"],
)
def test_other_durations_and_days_are_rejected(draft: str, variant: str) -> None:
    assert not _accepted(draft, variant)


INSTALMENT = "【明德银行】信用卡账单分12期，每期手续费率0.6%，折合年化利率约13.0%，详询95588。回T退订"
LAPSE = "【安泰人寿】您的保单已进入宽限期，请于2月8日前补交保费，逾期保单效力中止。"
PROFILES |= {INSTALMENT: "example-bank", LAPSE: "example-insurer"}


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        (LATE, LATE.replace("逾期将产生违约金并可能影响个人征信", "逾期请尽快还款")),
        (BILL, BILL.replace("每户限3次", "累计限3次")),
        (FEE, FEE.replace("年费200元", "年费200元（复利计算）")),
    ],
    ids=["consequence-dropped-keeping-the-word", "per-customer-made-total", "compounding-added"],
)
def test_more_changes_are_rejected(draft: str, variant: str) -> None:
    assert not _accepted(draft, variant)


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        (INSTALMENT, INSTALMENT.replace("分12期", "分十二期")),
        (LAPSE, LAPSE.replace("逾期保单效力中止", "否则保单效力中止")),
    ],
    ids=["instalments-in-words", "otherwise-for-overdue"],
)
def test_more_restatements_are_faithful(draft: str, variant: str) -> None:
    assert _accepted(draft, variant)


REFUND = "【汇通支付】您的订单已取消，扣款128.00元将于3个工作日内退还至原支付账户。"
PROMO2 = "【明德银行】周末在指定商户单笔消费满100元立减10元，每户每日限1次，名额有限。回T退订"
PROFILES |= {REFUND: "example-payment", PROMO2: "example-bank"}


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        # a scope dropped, a reversal hidden in a duration, a stronger warning of the same rule,
        # one of two consequences dropped
        (PROMO2, PROMO2.replace("每户每日限1次", "限1次")),
        (COUPON, COUPON.replace("7天免息券", "一周后免息券")),
        (PROMO2, PROMO2.replace("名额有限", "即将下架")),
        (LATE, LATE.replace("违约金并可能影响个人征信", "违约金")),
    ],
    ids=["scope-dropped", "within-made-after", "stronger-pressure", "one-consequence-dropped"],
)
def test_the_red_teams_changes_are_rejected(draft: str, variant: str) -> None:
    assert not _accepted(draft, variant)


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        # synonyms inside a set, a year's end, a consequence restated
        (REFUND, REFUND.replace("退还至", "退回至")),
        (
            LIMIT,
            LIMIT.replace("2025年12月31日", "2025年底")
            if "2025年12月31日" in LIMIT
            else LIMIT.replace("12月31日", "年底"),
        ),
        (LATE, LATE.replace("个人征信", "个人信用报告")),
    ],
    ids=["refund-synonym", "year-end", "credit-report"],
)
def test_the_red_teams_restatements_are_faithful(draft: str, variant: str) -> None:
    assert _accepted(draft, variant)
