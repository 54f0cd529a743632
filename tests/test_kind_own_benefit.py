"""The recipient's own benefit reported in a notice (积分已获赠, 体检权益 in their policy, a coupon
they hold about to lapse, an event's refund credited) is a service notice; the same openings
followed by an invitation, something new or a benefit that hangs on a future act still sell.
Also the bancassurance disclosure (是保险产品，不是存款) in other words is a risk warning.

Cases written before the change (kind_own_benefit in _context.yaml, kind._own_benefit)."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.checker.rulespec import context_lexicon_problems, load_context_lexicon
from tests.judgment_asserts import assert_service_pass, error_codes

OWN_BENEFITS = [
    "【安康保险】您的守护医疗险已续保成功，保单内含的免费体检权益可在App“我的权益”中预约使用。",
    "【青松银行】您尾号6621的账户本季度已获赠积分800分，积分有效期至2027年12月31日。",
    "【汇泉支付】您参与的周末满减活动已返还优惠金额6.50元至余额，可在账单中查看。",
    "【禾丰人寿】您的保单已完成年度续期，因连续三年无理赔，本期已享受保费优惠10%，实扣3,150元。",
    "【橙付支付】您账户中的1张“满50减5元”话费券将于12月31日24:00到期，到期后自动失效。",
]

#: The same openings, then an invitation, something new, or a benefit on a future act.
STILL_OFFERS = [
    "【东岭银行】您的借记卡已升级为金卡，现推出金卡专享理财，年化4.2%，立即抢购！",
    "【汇泉支付】您的账户已获得新客专享礼包，可享理财加息0.5%，点击领取。",
    "【青松银行】您尾号6621的信用卡已获得分期优惠资格，分期手续费享8折，回复1办理。",
    "【速借宝】您的账户已开通备用金额度50,000元，日息低至0.02%，随借随还。",
    "【安康保险】您的医疗险已续保成功，另有全新升级的百万医疗险可享首月1元，欢迎投保。",
    "【禾丰银行】您的理财已到期兑付，新一期理财产品年化3.8%，可享优惠认购费，详询客户经理。",
    # a benefit that hangs on spending to come (返现 on each purchase, 满…减 on the next payment)
    "【青松银行】您尾号3307的信用卡返现权益已于12月1日生效，12月内每笔消费返现3%，次月计入账单。",
    "【东岭银行】您的借记卡已绑定汇通支付，绑卡用户本月话费充值满50元减5元。",
    "【悦付支付】您的红包8.88元已到账，下单满20元即可抵扣，快去使用吧。",
    # a discount program opened on the recipient's card is a discount on spending to come
    "【青松银行】您尾号5512的借记卡已开通周末超市优惠，满二百减三十。",
    # a benefit on credit nudges borrowing (a coupon on a loan's interest about to lapse)
    "【速借宝】您账户中的1张“利息7折券”将于本月底到期，可在App“卡券”查看。",
]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize("text", OWN_BENEFITS)
def test_own_benefit_reported_is_a_notice(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


@pytest.mark.parametrize("text", STILL_OFFERS)
def test_own_opening_then_an_offer_is_never_a_passing_notice(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind != "service", r.kind_reason
    assert r.verdict != "pass"


def test_marketing_kind_keeps_its_opt_out_error(checker: Checker) -> None:
    assert "OPT001" in error_codes(checker, STILL_OFFERS[0])


def test_unknown_own_benefit_shape_is_named() -> None:
    data = dict(load_context_lexicon())
    data["kind_own_benefit"] = {**data["kind_own_benefit"], "shapes": {"discount": "", "no-such-shape": ""}}
    problems = context_lexicon_problems(data)
    assert any("no-such-shape" in p for p in problems), problems
    data["kind_own_benefit"] = {"words": [], "invite": "x"}
    assert any("invite" in p for p in context_lexicon_problems(data))


BANCASSURANCE_DISCLOSED = [
    "【安泰人寿】安泰鑫享年金险是保险产品，不是存款，也不是银行理财，保单利益以保险合同为准，详询400-818-6666。退订回T",
    "【同舟人寿】同舟增额终身寿险：有效保额按合同约定逐年递增，现金价值以合同为准。本产品为保险产品，非存款，退保可能有损失。回T退订",
    "【长岭人寿】长岭年金险：交费期满后每年领取生存金，以合同为准。本产品属于保险，不属于银行储蓄。回T退订",
]


@pytest.mark.parametrize("text", BANCASSURANCE_DISCLOSED)
def test_bancassurance_disclosure_in_other_words_is_a_warning(checker: Checker, text: str) -> None:
    assert "ADV003" not in {f.code for f in checker.check(text).findings}


def test_a_product_that_says_it_is_insurance_but_no_disclosure_still_warns(checker: Checker) -> None:
    r = checker.check(
        "【长岭人寿】长岭年金险是一款保险产品，投保后第5年起每年领取生存金，以合同为准。回T退订"
    )
    assert "ADV003" in {f.code for f in r.findings}
    # an investment product is not made safe by the words: 保险 must be what the product is
    r = checker.check("【鼎盛财富】鼎盛1号私募基金，年化8%，不是存款，比存款强。回T退订")
    assert "ADV003" in error_codes(checker, r.text)
