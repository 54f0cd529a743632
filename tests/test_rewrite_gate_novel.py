"""REW004's novel-content test and the count-based REW001 checks of 2026-12-01.

The rule examples beside REW001/REW004 say what must fire and what must not; these tests
pin the mechanism: where the finding points, what it is exempt from, and that it is the
gate's strict (model output) reading only.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.checker.engine import Checker
from assistant.rewrite.gate import is_acceptable, validate_variant

PAY = "【汇通支付】您尾号8812的账户于11月2日转出3,000.00元至尾号6610银行卡。如非本人操作请致电400-999-8866。"


def _novel(findings: list) -> list:
    return [f for f in findings if f.code == "REW004" and "原稿没有的内容" in f.message]


def test_the_finding_names_the_added_stretch_and_its_new_characters(
    checker_for: Callable[[str | None], Checker],
) -> None:
    variant = PAY.replace("银行卡。", "银行卡，资金当天可原路退回。")
    found = _novel(validate_variant(PAY, variant, checker=checker_for("example-payment")))
    assert len(found) == 1
    f = found[0]
    assert f.severity == "error" and f.evidence == variant[f.start : f.end]
    assert "当天可原路退回" in f.evidence and "原路" in f.message


def test_an_addition_split_by_draft_words_is_still_counted_per_stretch(
    checker_for: Callable[[str | None], Checker],
) -> None:
    """Two short additions of two new characters each stay below the threshold: the test
    is per added stretch, and that is its known limit (the word families catch 免息 etc.)."""
    variant = PAY.replace("转出", "极速转出").replace("银行卡。", "银行卡秒达。")
    assert not _novel(validate_variant(PAY, variant, checker=checker_for("example-payment")))


def test_words_that_replace_a_faulted_claim_are_not_counted(
    checker_for: Callable[[str | None], Checker],
) -> None:
    draft = "【明德银行】明德月月盈，稳赚不赔，1元起购。理财非存款，产品有风险，投资须谨慎。回T退订"
    fixed = draft.replace("稳赚不赔", "零钱也能打理")
    assert is_acceptable(validate_variant(draft, fixed, checker=checker_for("example-bank")))
    # …allowed as many new characters as it replaces: a new return claim in its place is not
    wordy = draft.replace("稳赚不赔", "成立以来每月都有正收益")
    assert _novel(validate_variant(draft, wordy, checker=checker_for("example-bank")))
    # the same words added where nothing was faulted are new content
    compliant = draft.replace("稳赚不赔，", "")
    added = compliant.replace("1元起购", "1元起购，周末申购享专属通道")
    assert _novel(validate_variant(compliant, added, checker=checker_for("example-bank")))


def test_numerals_in_words_meet_the_drafts_digits(checker_for: Callable[[str | None], Checker]) -> None:
    draft = "【明德银行】明德信用卡周三加油满200元减15元，每卡每月限3次。回T退订"
    variant = "【明德银行】每周三用明德信用卡加油，满二百元减十五元，每卡每月限三次。回T退订"
    assert is_acceptable(validate_variant(draft, variant, checker=checker_for("example-bank")))


def test_the_offline_engines_reading_does_not_run_it(checker_for: Callable[[str | None], Checker]) -> None:
    """Non-strict (mechanical edits of the offline engine): its additions are the checker's own
    fix texts, and REW004 there is a warning, never this test."""
    variant = PAY.replace("银行卡。", "银行卡，资金当天可原路退回。")
    assert not _novel(validate_variant(PAY, variant, checker=checker_for("example-payment"), strict=False))


def test_an_institution_the_profile_names_is_not_another_institution(
    checker_for: Callable[[str | None], Checker],
) -> None:
    draft = "【捷贷】捷贷随借随还，年化利率7.2%-18%（单利），详询400-600-1234。回T退订"
    other = draft.replace("详询", "资金由招商银行提供，详询")
    found = [
        f
        for f in validate_variant(draft, other, checker=checker_for("example-lender"))
        if "机构" in f.message
    ]
    assert found and found[0].evidence == "招商银行"
    own = draft.replace("捷贷随借随还", "捷贷随借随还（捷贷消费金融）")
    assert not [
        f for f in validate_variant(draft, own, checker=checker_for("example-lender")) if "机构" in f.message
    ]


def test_a_pair_is_compared_by_count_not_presence(checker_for: Callable[[str | None], Checker]) -> None:
    draft = "【明德银行】每周二明德信用卡外卖满40元减8元，每卡每月限1次。回T退订"
    turned = draft.replace("每月限", "每周限")
    found = [
        f for f in validate_variant(draft, turned, checker=checker_for("example-bank")) if f.code == "REW001"
    ]
    turned_words = [f for f in found if f.evidence == "每周"]
    assert turned_words
    assert turned_words[0].start == turned.index("每周限")  # the turned word, not the draft's own 每周二
    reordered = "【明德银行】明德信用卡每周二外卖满40元减8元，每卡每月限1次。回T退订"
    assert is_acceptable(validate_variant(draft, reordered, checker=checker_for("example-bank")))


def test_the_gate_rule_data_has_the_shape_the_gate_reads() -> None:
    """A mapping written into the wrong block of the YAML once turned two pattern families
    into licences and silently switched them off: every option the gate reads is checked."""
    import re

    from assistant.checker.rulespec import rule_spec

    rew004 = rule_spec("REW004").options
    assert set(rew004) <= {
        "families",
        "service_families",
        "licensed_by",
        "fixed_terms",
        "fixed_patterns",
        "institutions",
        "institution_shape",
        "institution_shape_not_names",
        "patterns",
        "pattern_licensed_by",
        "product_groups",
        "novel_content",
        "boilerplate",
        "waiver_prefixes",
    }, sorted(rew004)
    assert all(isinstance(w, str) and w for w in rew004.get("waiver_prefixes", []))
    for family, patterns in rew004["patterns"].items():
        assert isinstance(patterns, list) and patterns, family
        for p in patterns:
            re.compile(p)
    every_pattern = [p for ps in rew004["patterns"].values() for p in ps]
    for word, licences in rew004["pattern_licensed_by"].items():
        assert isinstance(licences, list) and licences, word
        assert any(re.fullmatch(p, word) for p in every_pattern), f"{word}: no pattern reads it"
    family_words = {w for ws in rew004["families"].values() for w in ws}
    for word, licences in rew004["licensed_by"].items():
        assert word in family_words and isinstance(licences, list) and licences, word
    assert set(rew004["novel_content"]) <= {
        "min_chars",
        "glue",
        "neutral",
        "neutral_marketing",
        "neutral_patterns",
    }
    for p in rew004["novel_content"].get("neutral_patterns", []):
        re.compile(p)

    rew001 = rule_spec("REW001").options
    assert all(isinstance(pair, list) and len(pair) == 2 for pair in rew001["opposites"])
    # parties as groups of synonyms: two groups at least, no word in two groups of one set
    for groups in rew001.get("exclusive_groups", []):
        words = [w for g in groups for w in g]
        assert (
            len(groups) >= 2
            and all(isinstance(g, list) and g for g in groups)
            and len(words) == len(set(words))
        )
    for group in rew001.get("negation_equivalents", []):
        assert isinstance(group, list) and len(group) >= 2 and len(group) == len(set(group))
    assert all(isinstance(w, str) and w for w in rew001.get("negation_hedges", []))
    for cond in rew001["conditions"]:
        assert set(cond) <= {
            "name",
            "draft",
            "keep_any",
            "keep_inner",
            "modifiers",
            "keep_pattern",
            "keep_each",
            "waivable",
            "keep_same",
            "keep_only",
        } and {
            "name",
            "draft",
            "keep_any",
        } <= set(cond)
        compiled = re.compile(cond["draft"])
        assert not cond.get("keep_inner") or compiled.groups >= 1, cond["name"]
        # the same named things are read in the variant's statements of the condition
        assert not cond.get("keep_same") or cond.get("keep_pattern"), cond["name"]
        assert not cond.get("keep_only") or cond.get("keep_same"), cond["name"]


def test_weekdays_are_compared_as_days(checker_for: Callable[[str | None], Checker]) -> None:
    draft = "【汇通支付】周末用汇通支付在指定便利店付款满30元随机立减1-5元，每人每天限1次，活动至11月30日。回T退订"
    same = "【汇通支付】活动至11月30日：周六、周日用汇通支付在指定便利店付款满30元，随机立减1-5元，每人每天限1次。回T退订"
    assert is_acceptable(validate_variant(draft, same, checker=checker_for("example-payment")))
    friday = "【明德银行】明德信用卡周五超市满100元减10元，每卡每月限2次。回T退订"
    for wider in (friday.replace("周五", "周五至周日"), friday.replace("周五", "周三")):
        found = [
            f
            for f in validate_variant(friday, wider, checker=checker_for("example-bank"))
            if f.code == "REW001"
        ]
        assert found and "星期" in found[0].message, wider


def test_small_insertions_that_widen_or_bound_a_fact_are_changed_facts(
    checker_for: Callable[[str | None], Checker],
) -> None:
    bank = "【明德银行】明德信用卡超市单笔满100元减10元，每户限1次，每月5日结算。回T退订"
    for variant in (
        bank.replace("每户限1次", "每户每月限1次"),  # once becomes once a month
        bank.replace("单笔满", "单笔或累计满"),  # the other reading added beside the draft's
        bank.replace("每月5日结算", "每月5日前结算"),  # on the day becomes by the day
    ):
        found = [
            f
            for f in validate_variant(bank, variant, checker=checker_for("example-bank"))
            if f.code == "REW001"
        ]
        assert found, variant
    pay = "【汇通支付】您的提现300.00元已受理，预计次日到账。"
    certain = pay.replace("预计次日到账", "次日到账")
    assert [
        f
        for f in validate_variant(pay, certain, checker=checker_for("example-payment"))
        if f.code == "REW001"
    ]
    code = "【明德银行】验证码836201，请勿告知他人。"
    weaker = code.replace("请勿告知他人", "请勿告知工作人员以外的他人")
    assert not is_acceptable(validate_variant(code, weaker, checker=checker_for("example-bank")))
