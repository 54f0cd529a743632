"""Three mechanisms from development failures (session of 2026-12-03 from 23:18), tests in new
words: a bound on a fee, a cover or a benefit is a fact, not a superlative (a bound on credit
stays for review); a credit product named by its shape, the car named in other words and
money borrowed said plainly reach the licence rules; a product said to be on sale after a
notice makes it marketing even when the sentence names "your" adviser."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.checker.engine import Checker


def _codes(checker: Checker, text: str) -> dict[str, str]:
    return {f.code: f.severity for f in checker.check(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        "【联付支付】周末在指定便利店扫码付款满30元随机立减，最高8元，详见App。回T退订",
        "【禾丰银行】公告：自2027年1月1日起，境外取现手续费为取现金额的1%，最低12元。",
        "【禾丰银行】个人养老金每年缴存最高12,000元，可按规定税前扣除。",
    ],
)
def test_a_bound_on_a_fee_or_benefit_is_a_fact(checker: Checker, text: str) -> None:
    assert "ADV002" not in _codes(checker, text)


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("【惠贷通】新春备用金，额度最高30万元，年化利率(单利)7.2%起。回T退订", "warning"),
        ("【联付支付】收款手续费最低0.3%，全城最低。回T退订", "error"),
    ],
)
def test_a_bound_on_credit_is_reviewed_and_a_comparison_fails(
    checker: Checker, text: str, severity: str
) -> None:
    assert _codes(checker, text).get("ADV002") == severity


@pytest.mark.parametrize(
    ("profile", "text", "code"),
    [
        (
            "example-payment",
            "【汇通支付】个体商户“周转贷”上线，按收款流水核定额度，年化利率8%起。回T退订",
            "QUA001",
        ),
        ("example-payment", "【汇通支付】您在汇通借的款下周一到期，共计3,120元，请保持余额充足。", "QUA001"),
        ("example-bank", "【明德银行】您的私家车保险将于1月15日到期，请及时续保。", "QUA002"),
    ],
)
def test_licence_rules_read_credit_and_cars_in_other_words(
    checker_for: Callable[[str | None], Checker], profile: str, text: str, code: str
) -> None:
    assert _codes(checker_for(profile), text).get(code) == "error"


def test_a_debit_card_is_no_loan_for_the_licence_rule(checker_for: Callable[[str | None], Checker]) -> None:
    text = "【汇通支付】您绑定的尾号4410借记卡额度已恢复，可正常付款。"
    assert "QUA001" not in _codes(checker_for("example-payment"), text)


def test_a_product_on_sale_after_a_notice_is_marketing(checker: Checker) -> None:
    text = "【禾丰财险】您的车险已续保成功，电子保单已发送。禾丰家财险火热销售中，详询您的客户经理。"
    r = checker.check(text)
    assert r.kind == "marketing"
    assert _codes(checker, text).get("OPT001") == "error"
    own = "【禾丰银行】您的贷款申请正在受理中，请保持电话畅通。"
    assert checker.check(own).kind == "service"


def test_a_pay_later_product_offered_after_a_receipt_is_marketing(checker: Checker) -> None:
    text = "【联付支付】您尾号3381的银行卡于12月1日支付成功，金额56.00元。联付先享后付可在APP申请。"
    r = checker.check(text)
    assert r.kind in ("marketing", "uncertain")  # never a silent notice
    assert any(f.code == "OPT001" for f in r.findings)
    own = "【联付支付】您的联付月付额度可在APP查看，本期账单已出。"
    assert checker.check(own).kind != "marketing"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【禾丰银行】丰利3号理财在本市银行里排头名，业绩比较基准3.6%，理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        ("【惠借】全网费率洼地，借款就选惠借，年化利率7.9%起。回T退订", "ADV002"),
        ("【禾丰银行】禾丰白金卡，再也找不到比这更划算的卡。回T退订", "ADV002"),
        ("【禾丰银行】您的账户存在风险，请点这里办理解除。", "FMT002"),
        (
            "【禾丰基金】禾丰稳健债基，近3年每年正收益，铁定跑赢定期。基金有风险，投资需谨慎。回T退订",
            "ADV001",
        ),
    ],
)
def test_ranks_links_and_certain_wins_in_other_words(checker: Checker, text: str, code: str) -> None:
    assert _codes(checker, text).get(code) == "error"


def test_a_denied_requirement_then_what_one_can_do_anyway_asserts_it(checker: Checker) -> None:
    text = "【禾丰财富】我们不要求您实名开户就能用USDT购买比特币理财。回T退订"
    assert _codes(checker, text).get("PRO003") == "error"
    denied = "【禾丰银行】本行不会要求您转账，也不会推荐比特币等虚拟货币投资。"
    assert "PRO003" not in _codes(checker, denied)


def test_the_next_issue_announced_after_a_maturity_notice_is_marketing(checker: Checker) -> None:
    text = "【禾丰财富】您持有的丰利1号已到期兑付，本金及收益已返还至尾号2231账户。新一期丰利2号下周一开放申购，请关注。"
    assert checker.check(text).kind == "marketing"


def test_a_treasury_bond_backed_by_the_states_credit_is_a_fact(checker: Checker) -> None:
    bond = "【禾丰银行】电子式储蓄国债今日发售，以国家信用为担保，五年期票面利率2.1%。回T退订"
    assert _codes(checker, bond).get("ADV005") != "error"
    scheme = "【禾丰财富】禾丰养老计划由国家信用担保，年化7%。回T退订"
    assert _codes(checker, scheme).get("ADV005") == "error"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【禾丰人寿】禾丰意外险：意外门急诊0免赔，单次限额5000元，条款见官网。回T退订", None),
        ("【禾丰人寿】禾丰百万医疗，0免赔，住院就能报！回T退订", "error"),
    ],
)
def test_a_zero_deductible_with_its_scope_is_the_contracts_term(
    checker: Checker, text: str, expected: str | None
) -> None:
    assert _codes(checker, text).get("ADV009") == expected
