"""Session of 2026-12-07 from 14:50: judgment classes found on the development halves of two new
independent sets (drafts_fresh143/144) and on the English notices of the development sets.

Each class is tested with its twin: what must now be read one way beside what must still be read
the other, so a later widening or narrowing shows here first.  The sentences are written for these
tests, not taken from the eval sets.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.checker.engine import Checker

BANK = "example-bank"
PAYMENT = "example-payment"


def _codes(checker: Checker, text: str, severity: str | None = None) -> set[str]:
    return {f.code for f in checker.check(text).findings if severity is None or f.severity == severity}


# ----------------------------------------------------------------------------- English pitches
@pytest.mark.parametrize(
    "text",
    [
        # more credit offered on a loan the reader holds is a pitch, never a silent notice
        "【明德银行】Good news for loan ending 3307: you can now draw an extra CNY 30,000 on top of your current loan.",
        "【明德银行】Your loan limit has been raised to CNY 80,000! Draw it now in the app and enjoy 30 days interest-free.",
        # English phrases of the reader's own things are no notice evidence on their own: a pitch can wear
        # them (a red team, rt238, made 38 pitches silent when they counted)
        "【明德银行】Turn your salary into more: Mingde Monthly Plus wealth plan, subscribe in the app today.",
        "【明德银行】Take the stress out of your due date: Mingde Cash Line lets you borrow CNY 50,000 any time.",
        # more credit pushed in English after a Chinese repayment notice (rt240)
        "【明德银行】您尾号3307的贷款本月已按时还款。Need more? Borrow another CNY 50,000 in the app in minutes.",
        "【明德银行】您尾号3307的贷款本月已按时还款。You can draw more on your loan, approved in minutes.",
    ],
)
def test_english_pitch_is_not_service(checker_for: Callable[[str | None], Checker], text: str) -> None:
    result = checker_for(BANK).check(text)
    assert result.kind != "service", result.kind_reason
    assert "OPT001" in {f.code for f in result.findings}


# ----------------------------------------------------------------------------- English rates
@pytest.mark.parametrize(
    "text",
    [
        # a rate spelt "percent" is a rate (the figure gates knew only the % sign)
        "【明德银行】Mingde Income Note: 10 percent interest p.a., paid quarterly, minimum CNY 50,000. 回T退订",
        "【明德银行】Mingde Plus Note pays 1 percent a month, minimum CNY 50,000. Investment involves risk. 回T退订",
        "【明德银行】Mingde Growth Fund returned 18% a year since 2021. Funds involve risk. 回T退订",
        "【明德银行】Earn 10% of your investment every year with Mingde Plus Note. 回T退订",
        # spellings and periods (per cent, pct, p.m., weekly, a quarter, a target, up to)
        "【明德银行】Mingde Gold pays 12 per cent a year to investors. 回T退订",
        "【明德银行】Mingde Gold pays 12pct a year to investors. 回T退订",
        "【明德银行】Mingde Gold pays 1.5% p.m. to investors. 回T退订",
        "【明德银行】Mingde Gold pays 1%/mth to investors. 回T退订",
        "【明德银行】Mingde Gold pays 1% weekly to every investor. 回T退订",
        "【明德银行】Mingde Gold pays 3 percent a quarter. 回T退订",
        "【明德银行】Mingde Gold target return: 15 percent. Invest in the app. 回T退订",
        "【明德银行】Mingde Gold returns up to 12% to investors. 回T退订",
    ],
)
def test_english_high_return_fires(checker: Checker, text: str) -> None:
    assert "PRO007" in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a share or a comparison, not a rate earned
        "【明德银行】Mingde World Card holders earn 20% more reward points on overseas spend this month. 回T退订",
        "【明德银行】Mingde Critical Illness Plus pays 100% of the sum assured on first diagnosis. 回T退订",
        "【明德银行】Mingde World Card holders earn 20 percent more reward points on overseas spend. 回T退订",
        # something else grew
        "【明德银行】Notice to shareholders: net profit grew 12% a year from 2022 to 2026.",
        "【明德银行】Health tip: hospital bills have grown about 10 percent a year; keep an emergency fund.",
        # warned against, before the figure in its clause or by a verdict after it
        "【明德银行】Security tip: be wary of anyone promising returns of 20% a year.",
        "【明德银行】Fraud alert: schemes offering 15 percent a year on crypto deposits are scams.",
        # a reward's share with its period
        "【明德银行】Earn 1% monthly cashback on groceries with the Mingde card. 回T退订",
        "【明德银行】Earn 2% everyday cashback at supermarkets with the Mingde card. 回T退订",
        "【明德银行】Mingde card: 0.5% weekly cashback on fuel. 回T退订",
        "【明德银行】Your card statement: interest 1.5% p.m. on the unpaid balance.",
    ],
)
def test_english_rate_of_something_else_is_quiet(checker: Checker, text: str) -> None:
    assert "PRO007" not in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a warning or growth word elsewhere is no warning of this figure (rt238)
        "【明德银行】Fraud-free and fully licensed: Mingde Gold pays 15% a year. 回T退订",
        "【明德银行】No scams, no hidden fees: earn 15% a year with Mingde Gold. 回T退订",
        "【明德银行】Be wary of low-rate deposits: Mingde Gold pays 15% a year. 回T退订",
        "【明德银行】Beat inflation and earn 12% a year with Mingde Gold. 回T退订",
        "【明德银行】Mingde Gold pays 10% extra interest a year. 回T退订",
    ],
)
def test_english_return_beside_a_warning_word_fires(checker: Checker, text: str) -> None:
    assert "PRO007" in _codes(checker, text)


def test_english_floor_claim_still_fires(checker: Checker) -> None:
    """ "never" is no warning: a floor is a promise (never lower than a target return of 8.5%)."""
    text = "【明德财富】Never lower than a target return of 9.5%, Mingde Steady from CNY 50,000. 回T退订"
    assert "PRO007" in _codes(checker, text)


# ----------------------------------------------------------------------------- app editions, listed names
@pytest.mark.parametrize(
    "text",
    [
        "【汇通支付】汇通支付App新版上线，账单分类更清晰，更新并登录可领2元支付券。回T退订",
        "【汇通支付】汇通支付商户版新功能上线：收款实时提醒，下载地址https://www.huitongpay.com/app 回T退订",
        "【汇通支付】通过汇通支付App还信用卡免手续费，绑定本人信用卡即可使用。回T退订",
    ],
)
def test_app_edition_is_no_product(checker_for: Callable[[str | None], Checker], text: str) -> None:
    assert "PRO006" not in _codes(checker_for(PAYMENT), text)


@pytest.mark.parametrize(
    "text",
    [
        "【汇通支付】汇通月月宝尊享版今日开售，七日年化2.1%。回T退订",
        "【汇通支付】汇通鑫享体验版正式发售，七日年化2.1%。回T退订",
    ],
)
def test_product_edition_is_still_a_product(checker_for: Callable[[str | None], Checker], text: str) -> None:
    assert "PRO006" in _codes(checker_for(PAYMENT), text)


def test_listed_name_without_brand(checker_for: Callable[[str | None], Checker]) -> None:
    checker = checker_for(BANK)
    listed = "【明德银行】稳盈1号新客体验：业绩比较基准3.0%。理财非存款，产品有风险，投资须谨慎。回T退订"
    other = "【明德银行】稳盈2号新客体验：业绩比较基准3.0%。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "PRO006" not in _codes(checker, listed)
    assert "PRO006" in _codes(checker, other)
    # …but not the tail of a longer name (rt238)
    assert "PRO006" in _codes(checker, listed.replace("稳盈1号", "添利稳盈1号"))


def test_renewal_word_in_a_name_is_still_a_name(checker_for: Callable[[str | None], Checker]) -> None:
    text = "【明德银行】明德创新2号基金正式发售，欢迎选购。基金有风险，投资须谨慎。回T退订"
    assert "PRO006" in _codes(checker_for(BANK), text)


def test_next_issue_is_no_name(checker_for: Callable[[str | None], Checker]) -> None:
    text = "【明德银行】您持有的明德稳盈1号将于3月28日到期，到期资金可一键续投新一期，详询95588。"
    assert "PRO006" not in _codes(checker_for(BANK), text)


def test_listed_wealth_product_promoted_without_figure(checker_for: Callable[[str | None], Checker]) -> None:
    checker = checker_for(BANK)
    pitched = "【明德银行】明德月月盈新客体验金已发放至您的账户，12月31日前在APP搜索月月盈使用。回T退订"
    warned = pitched.replace("回T退订", "理财非存款，产品有风险，投资须谨慎。回T退订")
    notice = "【明德银行】您的明德月月盈本月收益已到账，可登录手机银行查看。"
    thanks = "【明德银行】感谢您对明德月月盈的支持！本周六网点举办亲子手工活动，欢迎到场。回T退订"
    assert "ADV003" in _codes(checker, pitched, "error")
    assert "ADV003" not in _codes(checker, warned)
    assert "ADV003" not in _codes(checker, notice)
    assert "ADV003" not in _codes(checker, thanks)


# ----------------------------------------------------------------------------- a quota is not credit
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("【明德银行】王姐，这批三年期大额存单20万元起存，要留额度的话今天给我回个电话。回T退订", False),
        (
            "【明德银行】明德月月盈新一期额度即将告罄，仅剩最后3天！理财非存款，产品有风险，投资须谨慎。回T退订",
            False,
        ),
        # credit offered to deposit and wealth customers is credit
        ("【明德银行】存单客户专享最高30万元额度，急用钱也不愁。回T退订", True),
        ("【明德银行】持有明德理财满3个月，即可开通20万元额度。回T退订", True),
        ("【明德银行】您的理财经理已为您预留30万元额度，今日激活即可到账。回T退订", True),
        ("【明德银行】存单客户福利：凭存单即可激活20万元装修额度，资金直达商户。回T退订", True),
    ],
)
def test_product_quota(checker: Checker, text: str, fires: bool) -> None:
    assert ("DIS001" in _codes(checker, text)) is fires


# ----------------------------------------------------------------------------- a cross-sell after the notice
@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】您尾号4417的账户代发工资6,500.00元已到账。到账资金可一键申购明德稳健增长基金，长期持有更省心。",
        "【明德银行】您的意外险保单（尾号0921）已于3月1日续保成功。出行较多的客户可通过手机银行加配驾乘意外险。",
        "【明德银行】您尾号2208的信用卡年费300元将于12月20日计入账单。本行白金卡含机场贵宾厅每年8次，可在App申请换卡。",
        "【明德银行】您尾号3307的账户12月1日入账6,000.00元。到账资金也可用于购买大额存单。",
    ],
)
def test_cross_sell_after_a_notice_is_not_service(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason
    assert "OPT001" in {f.code for f in result.findings}


@pytest.mark.parametrize(
    "text",
    [
        # the notice's own errands in a later sentence
        "【明德银行】您的保单（尾号0652）已恢复效力。为避免再次中止，可在App中开通续期保费自动扣款。",
        "【明德银行】您尾号6610的信用卡已开通临时额度8,000元。临时额度部分需全额还款，不可办理分期。",
        "【明德银行】您的基金账户已开立。如需修改交易密码，可在App中办理。",
    ],
)
def test_a_notice_errand_stays_service(checker: Checker, text: str) -> None:
    assert checker.check(text).kind == "service"


# ----------------------------------------------------------------------------- the second red team's families (rt239)
@pytest.mark.parametrize(
    "text",
    [
        # a share of the money put in is the return
        "【明德银行】Mingde Plus pays 1.5% of your initial deposit every month. 回T退订",
        # the grown thing is the reader's or the clients' money
        "【明德银行】Our clients' savings grew 15% a year with Mingde Wealth Plus. Join them today. 回T退订",
        # a warning word that warns of nothing suspicious, a verdict in others' mouths or asked
        "【明德银行】Beware of missing out on returns of 15% a year with Mingde Plus. 回T退订",
        "【明德银行】Think returns of 15% a year are fake? Our investors cash out every month. 回T退订",
        "【明德银行】Earn 18% a year with Mingde Plus; friends thought it was a scam until they cashed out. 回T退订",
        # rewards an investment pays are its return
        "【明德银行】Mingde Plus pays 1.5% daily rewards on your investment. 回T退订",
    ],
)
def test_english_return_is_not_skipped(checker: Checker, text: str) -> None:
    assert "PRO007" in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】Mingde Debit Card: earn 2% a month in loyalty points on your spending. 回T退订",
        "【明德银行】Savings tip: set aside 20% each month and invest it in Mingde funds. 基金有风险，投资须谨慎。回T退订",
    ],
)
def test_english_share_of_spending_is_quiet(checker: Checker, text: str) -> None:
    assert "PRO007" not in _codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a teaser is no warning: watch out for our new …
        ("【明德银行】Watch out for guaranteed returns in our new plan next week! 回T退订", "ADV001"),
        ("【明德银行】Watch out for 原始股 offering next week! 回T退订", "PRO005"),
    ],
)
def test_teaser_is_no_warning(checker: Checker, text: str, code: str) -> None:
    assert code in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】明德鑫享App专享版今日开售，业绩比较基准3.2%，5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】华夏基金「稳盈1号」今日开售，业绩比较基准4.2%，1万元起购。基金有风险，投资须谨慎。回T退订",
        "【明德银行】恒丰理财·稳盈1号今日开售，业绩比较基准4.2%，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】Hengfeng 稳盈1号今日开售，业绩比较基准4.2%，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】稳盈1号增强型今日开售，业绩比较基准4.2%，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】恒丰鑫利新一期今日开售，业绩比较基准3.2%，5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_other_issuers_and_variants_stay_unlisted(
    checker_for: Callable[[str | None], Checker], text: str
) -> None:
    assert "PRO006" in _codes(checker_for(BANK), text)


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】感谢您对明德月月盈的支持，本周六网点开放日欢迎您携家人参加，现场有礼。回T退订",
        "【明德银行】明德月月盈持有客户可预约本周六网点的免费体检，名额以预约为准。回T退订",
    ],
)
def test_holders_invited_need_no_risk_warning(
    checker_for: Callable[[str | None], Checker], text: str
) -> None:
    assert "ADV003" not in _codes(checker_for(BANK), text)


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】大额存单客户专享50万元额度，月费率0.3%，今日即可提款。回T退订",
        "【明德银行】大额存单客户专享50万元额度，手机银行即可申请。回T退订",
    ],
)
def test_credit_for_deposit_holders_is_credit(checker: Checker, text: str) -> None:
    assert "DIS001" in _codes(checker, text)


def test_english_disbursement_notice_is_no_pitch(checker: Checker) -> None:
    text = "【明德银行】您尾号3307的贷款已审批通过，10万元已放款至您的账户。You can now draw the funds in the app."
    assert "OPT001" not in _codes(checker, text)


# ----------------------------------------------------------------------------- the third red team's families (rt240)
@pytest.mark.parametrize(
    "text",
    [
        # a perk said after the rate is no reward's share
        "【明德银行】Mingde Wealth Plus pays 12% a year plus welcome points for new investors. 回T退订",
        # a product's share of the reader's balance is its return; only the reader's own payment is a share
        "【明德银行】Mingde Wealth Plus pays 12% of your balance every year. 回T退订",
        # a dash ends the warning's clause; the sender's own offer after a warning is no warning
        "【明德银行】Watch out for fake apps — Mingde Wealth Plus pays 15% a year in our official app. 回T退订",
        "【明德银行】Beware of fake apps and download our app to earn 15% a year with Mingde Wealth Plus. 回T退订",
        # customers' money that rose is a return
        "【明德银行】Mingde Wealth Plus since 2020: customers' money rose 15% a year. 回T退订",
        # a verdict on something else in another clause
        "【明德银行】Mingde Wealth Plus pays 12% a year — inflation is a scam, beat it. 回T退订",
    ],
)
def test_english_return_survives_rt240(checker: Checker, text: str) -> None:
    assert "PRO007" in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】Minimum option: pay 10% of the balance by the due date.",
        "【明德银行】Mingde Care Plus pays 100 percent upon diagnosis of a covered illness. 回T退订",
        "【明德银行】Mingde World Card: earn 10 pct back at supermarkets this month. 回T退订",
        "【明德银行】Mingde Travel Cover pays 100 percent of your ambulance fares. 回T退订",
        "【明德银行】Mingde Wealth Plus: 90% past investors renewed. 回T退订",
    ],
)
def test_english_share_without_return_is_quiet(checker: Checker, text: str) -> None:
    assert "PRO007" not in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】明德极速版今日开售，业绩比较基准3.2%，5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】稳盈1号增强今日开售，业绩比较基准4.2%，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【明德银行】华夏基金的稳盈1号今日开售，业绩比较基准4.2%，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_unlisted_names_rt240(checker_for: Callable[[str | None], Checker], text: str) -> None:
    assert "PRO006" in _codes(checker_for(BANK), text)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # credit for deposit holders in other words stays credit
        ("【明德银行】大额存单客户专享30万元额度，手机银行一键申领，买车、旅游都能安排。回T退订", True),
        ("【明德银行】这期活动老客户专享5万元额度，手机银行一键提取，次日就能用上。回T退订", True),
        # a quota said to be scarce or kept is no credit
        (
            "【明德银行】明德月月盈新一期额度充足，手机银行即可购买，1万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
            False,
        ),
    ],
)
def test_quota_needs_its_scarcity(checker: Checker, text: str, fires: bool) -> None:
    assert ("DIS001" in _codes(checker, text)) is fires


def test_english_warning_verb_is_no_chinese_negation(checker: Checker) -> None:
    text = "【明德银行】Beware of 保本高息 envy: your neighbours already joined. 回T退订"
    assert "ADV001" in _codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】您的白金卡年费800元已于12月1日扣收。如不再需要，可在App办理换卡为普通金卡。",
        "【明德银行】您的车险已于12月1日续保成功。出险后可在App办理意外险理赔报案。",
    ],
)
def test_notice_errand_after_a_notice_is_no_cross_sell(checker: Checker, text: str) -> None:
    assert "OPT001" not in _codes(checker, text)


# ----------------------------------------------------------------------------- points for cash, credit to draw (s64)
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("【明德银行】您有9,600积分将于12月31日到期，现在用6,000积分加19元就能换定制水杯。", "uncertain"),
        (
            "【明德银行】您有9,600积分将于12月31日到期。积分商城上新，积分不足的部分可用现金支付。",
            "uncertain",
        ),
        ("【明德银行】您的积分兑换订单（6,000积分+19元）已发货，订单号55120。", "service"),
        ("【明德银行】您有9,600积分将于12月31日到期，请及时登录App兑换。", "service"),
        (
            "【明德银行】您尾号6621的信用卡固定额度为5万元，其中取现额度为1.5万元，可在ATM办理取现。",
            "service",
        ),
    ],
)
def test_points_for_cash_and_credit_to_draw(checker: Checker, text: str, kind: str) -> None:
    assert checker.check(text).kind == kind


def test_cash_credit_pointed_out_is_not_a_silent_notice(checker: Checker) -> None:
    text = "【明德银行】您尾号6621的信用卡已激活，卡内另有预借现金额度2万元，随时能转到储蓄卡。"
    result = checker.check(text)
    assert result.kind in ("uncertain", "marketing"), result.kind_reason
    assert "OPT001" in {f.code for f in result.findings}


def test_listed_product_promoted_after_thanks(checker_for: Callable[[str | None], Checker]) -> None:
    """Every mention of the listed product is read, not the first only (rt240)."""
    text = "【明德银行】感谢您对明德月月盈的支持！明德月月盈新客体验金已发放，App搜索即可领取。回T退订"
    findings = [f for f in checker_for(BANK).check(text).findings if f.code == "ADV003"]
    assert findings and findings[0].start == text.index("明德月月盈", text.index("！"))
