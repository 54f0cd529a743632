"""The gate and the offline rewrite engine."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.checker.engine import Checker
from assistant.checker.rulespec import load_examples
from assistant.rewrite.gate import is_acceptable, validate_variant
from assistant.rewrite.offline import offline_rewrite


def _cases():
    for code in ("REW001", "REW002", "REW003", "REW004"):
        examples = load_examples(code)
        for expect in ("fire", "ok"):
            for i, case in enumerate(examples[expect]):
                yield pytest.param(code, expect, case, id=f"{code}-{expect}-{i}")


@pytest.mark.parametrize(("code", "expect", "case"), list(_cases()))
def test_rewrite_rule_examples(
    checker_for: Callable[[str | None], Checker], code: str, expect: str, case: dict
) -> None:
    findings = validate_variant(
        case["original"], case["text"], checker=checker_for(case.get("profile")), facts=case.get("facts")
    )
    mine = [f for f in findings if f.code == code]
    for f in findings:
        assert f.evidence == case["text"][f.start : f.end]
    if expect == "fire":
        assert mine, f"{code} should fire: {case}"
    else:
        assert not mine, f"{code} should not fire: {[(f.message) for f in mine]}"


def test_every_rewrite_rule_has_examples() -> None:
    for code in ("REW001", "REW002", "REW003", "REW004"):
        ex = load_examples(code)
        assert len(ex["fire"]) >= 5 and len(ex["ok"]) >= 5


def test_offline_fixes_claims_and_keeps_facts(checker: Checker) -> None:
    text = "【明德银行】尊享理财，业绩比较基准3%，保本无忧！回T退订"
    result = offline_rewrite(text, checker=checker)
    assert result.status == "fixed" and result.engine == "offline" and result.llm_calls == 0
    variant = result.variants[0]
    assert "保本" not in variant.text and "3%" in variant.text
    assert "理财非存款，产品有风险，投资须谨慎。" in variant.text
    assert is_acceptable(variant.findings)
    assert any("ADV001" in c for c in variant.changes)


def test_offline_refuses_forbidden_content_with_basis(checker: Checker) -> None:
    result = offline_rewrite("【捷贷】注册送以太坊，币圈暴富机会。回T退订", checker=checker)
    assert result.status == "refused"
    assert not result.variants
    assert "PRO003" in result.reason and "依据" in result.reason


def test_offline_needs_input_then_fixed_with_supplied_fact(checker: Checker) -> None:
    text = "【捷贷消费金融】3分钟到账，最高借20万，日息0.03%。回T退订"
    first = offline_rewrite(text, checker=checker)
    assert first.status == "needs_input" and first.needs == ["annualized_rate"]
    assert not first.variants
    second = offline_rewrite(text, checker=checker, facts={"annualized_rate": "7.2%-18%"})
    assert second.status == "fixed"
    assert "年化利率7.2%-18%" in second.variants[0].text
    assert "20万" in second.variants[0].text and "0.03%" in second.variants[0].text


def test_offline_short_link_replaced_from_profile(checker_for: Callable[[str | None], Checker]) -> None:
    result = offline_rewrite("明德银行：活动详情 t.cn/A6xYz9", checker=checker_for("example-bank"))
    assert result.status == "fixed"
    text = result.variants[0].text
    assert text.startswith("【明德银行】") and "t.cn" not in text and "https://www.mingde-bank.com" in text


def test_gate_rejects_changed_due_date_and_invented_apr(checker: Checker) -> None:
    original = "【明德银行】您尾号3307的信用卡本期应还1,200.00元，最后还款日12月3日。"
    changed = "【明德银行】您尾号3307的信用卡本期应还1,200.00元，最后还款日12月5日。"
    assert not is_acceptable(validate_variant(original, changed, checker=checker))
    ad = "【明德银行】信用卡分期享优惠。回T退订"
    invented = "【明德银行】信用卡分期享优惠，年化利率7.2%起。回T退订"
    findings = validate_variant(ad, invented, checker=checker)
    assert "REW002" in {f.code for f in findings}
    assert not is_acceptable(findings)


def test_compliant_draft_is_returned_unchanged(checker: Checker) -> None:
    text = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"
    result = offline_rewrite(text, checker=checker)
    assert result.status == "unchanged" and result.variants[0].text == text


@pytest.mark.parametrize(
    ("original", "variant", "codes"),
    [
        # anti-fraud wording appended to launder a banned claim
        (
            "【明德银行】明德稳盈1号理财，稳赚不赔！回T退订",
            "【明德银行】明德稳盈1号理财，稳赚不赔，谨防电信诈骗。回T退订",
            {"ADV001"},
        ),
        # a marketing draft rewritten to read like a notice still needs its opt-out
        (
            "【明德银行】明德稳盈1号理财已上线，稳赚不赔，欢迎选购！回T退订",
            "【明德银行】明德稳盈1号理财已上线，详询网点。本行不会索要验证码，谨防诈骗。",
            {"OPT001"},
        ),
        # figures invented in Chinese numerals
        (
            "【明德银行】新客理财上线。回T退订",
            "【明德银行】新客理财上线，另有百分之二十返现。理财非存款，产品有风险，投资须谨慎。回T退订",
            {"REW002"},
        ),
        (
            "【明德银行】您的贷款本期应还1,200元。",
            "【明德银行】您的贷款本期应还1,200元，逾期将产生两千元罚息。",
            {"REW002"},
        ),
        # identity facts kept even without a profile
        (
            "【明德银行】明德稳盈1号理财上线。理财非存款，产品有风险，投资须谨慎。回T退订",
            "【招商银行】明德稳盈1号理财上线。理财非存款，产品有风险，投资须谨慎。回T退订",
            {"REW001"},
        ),
        (
            "【明德银行】尊享明德稳盈1号理财上线。理财非存款，产品有风险，投资须谨慎。回T退订",
            "【明德银行】安心宝理财上线。理财非存款，产品有风险，投资须谨慎。回T退订",
            {"REW001"},
        ),
        # the draft's banned words wrapped in a disclaimer
        (
            "【明德银行】理财稳赚不赔！回T退订",
            "【明德银行】理财产品并非“稳赚不赔”。理财非存款，产品有风险，投资须谨慎。回T退订",
            {"ADV001"},
        ),
    ],
)
def test_gate_bypasses_are_closed(checker: Checker, original: str, variant: str, codes: set[str]) -> None:
    findings = validate_variant(original, variant, checker=checker)
    assert not is_acceptable(findings)
    assert codes <= {f.code for f in findings if f.severity == "error"}


def test_gate_accepts_a_faithful_rewrite_of_the_product_name(checker: Checker) -> None:
    original = "【明德银行】尊享明德稳盈1号理财上线。理财非存款，产品有风险，投资须谨慎。回T退订"
    variant = "【明德银行】明德稳盈1号理财已上线。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert is_acceptable(validate_variant(original, variant, checker=checker))


def test_strict_check_does_not_soften_errors_for_anti_fraud_wording(checker: Checker) -> None:
    # Anti-fraud wording in the claim's own clause softens a user's check to a warning for
    # review; model output is judged strictly, so a model cannot launder a claim this way.
    text = "【明德银行】明德稳盈1号理财稳赚不赔谨防电信诈骗。回T退订"
    assert checker.check(text).verdict == "review"
    strict = checker.check(text, strict=True)
    assert strict.verdict == "fail" and "ADV001" in {f.code for f in strict.errors}
    # in another clause it launders nothing, even for a user's check
    apart = "【明德银行】明德稳盈1号理财，稳赚不赔，谨防电信诈骗。回T退订"
    assert checker.check(apart).verdict == "fail"


def test_gate_rejects_two_values_of_one_role_swapped(checker: Checker) -> None:
    draft = "【明德银行】您尾号3307的信用卡额度已由30,000元调整为50,000元。"
    swapped = "【明德银行】您尾号3307的信用卡额度已由50,000元调整为30,000元。"
    kept = "【明德银行】您尾号3307信用卡额度由30,000元调为50,000元。"
    findings = validate_variant(draft, swapped, checker=checker)
    assert not is_acceptable(findings) and "REW001" in {f.code for f in findings if f.severity == "error"}
    assert is_acceptable(validate_variant(draft, kept, checker=checker))


def test_a_draft_of_uncertain_kind_is_judged_as_marketing(checker: Checker) -> None:
    draft = "【明德银行】您的账单已出，应还1,200.00元，本期账单可申请分期。"
    assert checker.check(draft).kind == "uncertain"
    # no crash, and a variant without an opt-out is not shown
    variant = "【明德银行】您的账单已出，应还1,200.00元，本期账单可申请分期，详询95588。"
    findings = validate_variant(draft, variant, checker=checker)
    assert not is_acceptable(findings) and "OPT001" in {f.code for f in findings if f.severity == "error"}


def test_gate_reads_chinese_numerals_before_any_counter(checker: Checker) -> None:
    draft = "【安泰人寿】您的年金险可领取至85岁，详见保单。"
    variant = "【安泰人寿】您的年金险可领取至八十八岁，详见保单。"
    assert not is_acceptable(validate_variant(draft, variant, checker=checker))


def test_gate_keeps_the_other_side_of_a_transaction(checker: Checker) -> None:
    draft = "【汇通支付】您于11月28日10:15在华联超市付款86.50元，支付账户尾号1188。"
    swapped = "【汇通支付】您于11月28日10:15在联华超市付款86.50元，支付账户尾号1188。"
    kept = "【汇通支付】11月28日10:15，您的支付账户（尾号1188）向华联超市付款86.50元。"
    findings = validate_variant(draft, swapped, checker=checker)
    assert not is_acceptable(findings) and "REW001" in {f.code for f in findings if f.severity == "error"}
    assert is_acceptable(validate_variant(draft, kept, checker=checker))


def test_gate_rejects_a_limit_turned_into_unlimited(checker: Checker) -> None:
    draft = "【明德银行】每周五用明德信用卡消费满100元立减10元，每户限3次。回T退订"
    variant = "【明德银行】每周五用明德信用卡消费满100元立减10元，不限次数。回T退订"
    assert not is_acceptable(validate_variant(draft, variant, checker=checker))
