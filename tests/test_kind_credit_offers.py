"""Credit put in front of the recipient unasked is an offer, phrased as an account fact or
not; the same words answering the recipient's own application, or a document generated for
their own loan, are a notice."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker

CASES = [
    ("【明禾银行】温馨提示：您名下的个人信用贷款预审批额度为20万元，有效期至12月31日。", True),
    ("【明禾银行】您好，您的账户状态良好，系统已为您生成专属借款额度8万元。", True),
    (
        "【明禾银行】您的个人住房贷款已于12月1日全部结清。我行已为您生成贷款结清证明，可登录手机银行下载。",
        False,
    ),
    (
        "【明禾银行】根据您提交的资料，您的个人经营贷预授信额度为50万元，有效期30天，请在App完成后续申请。",
        False,
    ),
]


@pytest.mark.parametrize(("text", "offer"), CASES)
def test_credit_offered_unasked_is_marketing(text: str, offer: bool) -> None:
    r = Checker().check(text)
    errors = {f.code for f in r.findings if f.severity == "error"}
    if offer:  # its missing opt-out and APR are errors
        assert r.kind == "marketing"
        assert {"OPT001", "DIS001"} <= errors
    else:  # the recipient's own loan: nothing to report as an error
        assert r.kind != "marketing"
        assert not errors


def test_a_service_condition_asks_for_a_service_act_unless_the_call_names_a_product() -> None:
    """如需临时额度可登录App申请 after the card's own limit changed asks for a service act of the
    holder's; 如需还款，可申请新客专享快贷 names a product after the call: a sale."""
    checker = Checker()
    notice = checker.check("【明德银行】您的信用卡额度已调整为5万元，如需临时额度可登录App申请。")
    assert notice.kind == "service", notice.kind_reason
    assert notice.verdict == "pass", notice.findings
    sale = checker.check("【明德银行】您的借款本期已还清。如需还款周转，可申请明德新客专享快贷，最高30万。")
    assert sale.kind != "service", sale.kind_reason


def test_a_product_named_with_its_price_beside_a_notice_is_not_plainly_a_notice() -> None:
    """您的工资卡已升级，享专属理财产品购买资格，业绩比较基准4%: a product the recipient does not
    hold, with its price, rides on the notice (uncertain, so the marketing rules warn).  Not the
    recipient's own figure, a change notice, a quoted figure or a warning."""
    checker = Checker()
    ride = checker.check("【明德银行】您的工资卡已升级，享专属理财产品购买资格，业绩比较基准4%。")
    assert ride.kind != "service", ride.kind_reason
    for text in (
        "【沧澜银行】跨境理财通额度提示：您本年度剩余投资额度为126万元。理财产品有风险，投资须谨慎。",
        "【知润理财】尊敬的投资者，知润稳享30天持有期理财自12月10日起业绩比较基准调整为2.40%-2.90%，详见APP公告。",
        "【明德银行】反诈提醒：不法分子冒充本行推销年化12%的理财，本行理财均在官方APP销售，请勿轻信。",
    ):
        assert checker.check(text).kind == "service", text


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        # announced ready, then pitched for drawing: never a silent notice
        (
            "【闪借宝】额度到账通知：您的备用金额度30,000元已激活，今日领取享30天免息，逾期作废。",
            {"marketing"},
        ),
        (
            "【快易借】您的备用金额度50,000元已生效，可随时提现，按日计息，打开快易借App即可使用。",
            {"marketing", "uncertain"},
        ),
        (
            "【安和消费金融】您的专属授信额度8万元已开通，随借随还，登录App即可提现。",
            {"marketing", "uncertain"},
        ),
        # the holder's own card limit, own loan contract, own line restored after repayment
        ("【明德银行】您的信用卡临时额度已生效，有效期至12月31日，可随时使用。", {"service"}),
        ("【明德银行】您的贷款合同已生效，额度30万元，合同期内可随时支用，年化利率3.6%。", {"service"}),
        (
            "【鼎诚银行】您已将母亲（尾号0372）添加为“亲情账户”，每月可代付额度2,000元，可随时在APP调整。",
            {"service", "uncertain"},
        ),
    ],
)
def test_credit_made_drawable_is_an_offer_unless_the_line_is_the_recipients_own(
    text: str, allowed: set[str]
) -> None:
    assert Checker().check(text).kind in allowed


@pytest.mark.parametrize(
    "text",
    [
        # a thousands separator is not a clause end: the event covers the activity it credits
        "【明德银行】您在“双11刷卡赢积分”活动中获得的1,500积分已于11月20日入账，活动已结束，积分有效期至2027年12月31日。",
        # 已 … where it happened … a completed act: the discount is reported, not offered
        "【汇通支付】您参与的“周末乘车立减”活动已于11月30日结束，11月累计优惠18元已在对应订单中抵扣，12月起恢复原价。",
    ],
)
def test_offer_words_inside_a_reported_event_make_no_offer(text: str) -> None:
    r = Checker().check(text)
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass"
