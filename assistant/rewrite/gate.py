"""The gate: nothing a rewrite engine produces reaches a user without passing it.

A candidate is judged, whatever model wrote it and whatever the user's settings:

* with **every rule** (:func:`gate_checker`): select/ignore change what a *check*
  reports, never what the gate lets through;
* as the draft's kind **and** as its own inferred kind (marketing wins: a bill reminder
  with a promotion appended needs an opt-out like any promotion), strictly — in text the
  model added, no negation, warning or event context softens a finding;
* against its draft: facts kept by role (REW001), no new figure in any numeral form
  (REW002), no new contact point (REW003), no added claim, offer, product, deadline or
  pressure and no new warning (REW004), none of the draft's banned wording back.

A candidate is acceptable only when no finding is an error: that is the one definition
of "compliant" the product uses.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.checker.code_models import is_second_opinion
from assistant.checker.context import NEGATION_WORDS
from assistant.checker.engine import Checker, ignored_rules
from assistant.checker.models import SEVERITY_RANK, CheckResult, Finding, InferredKind, Kind
from assistant.checker.rulespec import RuleSpec, rule_spec
from assistant.facts import Contact, Fact, Figure, extract_facts, find_contacts, read_figures, same_value
from assistant.rewrite.frames import reframed_figures
from assistant.rewrite.wording import (
    CLAUSE_END_RE,
    DIFF_LIMIT,
    NEGATORS,
    affirmed,
    all_at,
    changed_attributions,
    changed_ranks,
    critical_edits,
    dropped_conditions,
    fix_texts,
    reversed_or_dropped,
    supply_texts,
)
from assistant.text.normalize import fold, normalize, normalize_term
from assistant.text.numbers import format_number, parse_number

#: Roles whose dropping is not a changed fact (2026年12月3日 → 12月3日).
_OPTIONAL_ROLES = frozenset({"year", "im"})
_GATE_LOCK = threading.Lock()


# ----------------------------------------------------------------------------- the checker
def gate_checker(checker: Checker) -> Checker:
    """``checker`` with every rule selected (same profile and thresholds) and kinds
    inferred from rule evidence alone, built once.

    The user's select/ignore settings decide what a check of *their* draft reports; a
    model's output is judged by every rule, or ignoring ADV001 in the UI would let
    稳赚不赔 through the gate.
    """
    cached = getattr(checker, "_gate_checker", None)
    if cached is not None:
        return cached
    settings = checker.settings
    if settings.select == ["ALL"] and not settings.ignore and not checker.uses_kind_model:
        full = checker
    else:
        # The fitted kind model is not consulted: a model that imitates a notice's style
        # must not make its output read as a notice (kind_model.py).  Same rules directory.
        full = Checker(
            settings.model_copy(update={"select": ["ALL"], "ignore": []}),
            checker.profile,
            rules_dir=checker.rules_dir,
            kind_model=False,
        )
    with _GATE_LOCK:
        checker._gate_checker = full  # type: ignore[attr-defined]
    return full


@lru_cache(maxsize=512)
def _draft_check(full: Checker, text: str, kind: Kind | None, product_type: str | None) -> CheckResult:
    return full.check(text, kind=kind, product_type=product_type)


def declared_product_type(draft: CheckResult) -> str | None:
    """The product type the user declared for ``draft`` (``None`` when it was inferred).

    Why: a declared type changes what a rule reports (ADV007 is an error for insurance), so
    every re-check of a rewrite must use it, or a version could pass on a milder reading
    than the draft's own check.  Only a declared type is carried: an inferred one is the
    checker's to infer again from each version.
    """
    return draft.product_type if draft.product_type_source == "declared" else None


def added_spans(original: str, variant: str) -> list[tuple[int, int]]:
    """Spans of ``variant`` that are not in ``original`` (a character diff of the folded texts).

    A huge variant is all "added": no model reply gets context softening by being long.
    """
    return [(a, b) for a, b, _ in _added_not_replacing(original, variant, [])]


def _added_not_replacing(
    original: str, variant: str, faulted: list[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """:func:`added_spans` with, for each stretch, how many characters of the draft faulted
    with an error it replaces (an insertion next to a faulted span replaces none)."""
    if len(variant) > DIFF_LIMIT or len(original) > DIFF_LIMIT:
        return [(0, len(variant), 0)]
    matcher = difflib.SequenceMatcher(None, fold(original), fold(variant), autojunk=False)
    spans: list[tuple[int, int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op not in ("replace", "insert") or j2 <= j1:
            continue
        # stands in for what the draft was faulted for: the fix, allowed as many new
        # characters as the text it replaces (稳赚不赔 → 零钱也能打理, not a new return claim)
        replaced = i2 - i1 if op == "replace" and any(s < i2 and i1 < e for s, e in faulted) else 0
        if spans and spans[-1][1] >= j1 - 1:  # a lone shared character does not split an insertion
            spans[-1] = (spans[-1][0], j2, spans[-1][2] + replaced)
        else:
            spans.append((j1, j2, replaced))
    return spans


# ----------------------------------------------------------------------------- the verdict
@dataclass
class GateReport:
    """The gate's verdict on one candidate, with what the UI and the approval record need."""

    findings: list[Finding]
    draft_kind: str
    variant_kind: str
    ignored: list[str] = field(default_factory=list)  # rules the user's settings switch off

    @property
    def acceptable(self) -> bool:
        return is_acceptable(self.findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def judge_variant(
    original: str,
    variant: str,
    *,
    checker: Checker,
    facts: dict[str, str] | None = None,
    original_findings: list[Finding] | None = None,
    kind: Kind | InferredKind | None = None,
    strict: bool = True,
    product_type: str | None = None,
) -> GateReport:
    """Every finding of a candidate rewrite, with the kinds it was judged as.

    ``strict`` (the default) is for model output: context never softens added text and
    REW004 is an error.  ``strict=False`` (the offline engine's mechanical edits) reports
    REW004 as a warning.  ``product_type``: the draft's declared product type (see
    :func:`declared_product_type`); every check of the draft and the candidate uses it.
    """
    full = gate_checker(checker)
    if kind == "uncertain":
        # The user's own check could not tell (七夕快乐！愿您与爱同行): the model path passes that
        # kind on, and the stricter reading judges it, as below — not a ValueError from the
        # checker, which takes only a declared kind (a model rewrite of such a draft crashed).
        kind = "marketing"
    draft = _draft_check(full, original, kind, product_type)
    draft_kind = kind or draft.kind
    # A draft of uncertain kind is judged as marketing, the stricter reading: the gate must
    # not show a promotion without its opt-out because the draft's kind was unclear.
    if draft_kind not in ("marketing", "service"):
        draft_kind = "marketing"
    before = _merge(draft.findings, original_findings or [])
    added = added_spans(original, variant) if strict else None
    as_draft = full.check(variant, kind=draft_kind, strict=strict, added=added, product_type=product_type)
    own_kind = full.check(variant, product_type=product_type).kind
    findings = list(as_draft.findings)
    variant_kind = draft_kind
    # A variant that reads as marketing, or as uncertain where its draft read as a notice
    # (the rewrite added marketing evidence the draft did not have), is judged as marketing
    # too: an "uncertain" variant must not turn the marketing rules into warnings.
    if (own_kind == "marketing" and draft_kind != "marketing") or (
        own_kind == "uncertain" and draft_kind == "service" and _adds_marketing(full, original, variant)
    ):
        as_marketing = full.check(
            variant, kind="marketing", strict=strict, added=added, product_type=product_type
        )
        findings = _merge(findings, as_marketing.findings)
        variant_kind = "marketing"
    findings = _merge(
        findings, rewrite_findings(original, variant, checker=checker, facts=facts, original_findings=before)
    )
    findings = _merge(
        findings,
        added_content_findings(
            original,
            variant,
            checker=checker,
            draft_findings=before,
            variant_findings=findings,
            draft_kind=draft_kind,
            variant_kind=own_kind,
            strict=strict,
            facts=facts,
        ),
    )
    findings = _merge(findings, lingering_findings(variant, before))
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return GateReport(findings, draft_kind, variant_kind, ignored_rules(checker))


def _adds_marketing(full: Checker, original: str, variant: str) -> bool:
    """Whether a rewrite of a notice that reads as uncertain got there by adding marketing
    evidence (a score, an offer, a call, an offer shape or an opt-out the draft did not have),
    not by losing notice evidence in a restructured sentence (利率调整通知：…, 续保提醒：… of the
    same facts — gate sets rg14–rg16, where such polishings were judged as marketing and failed
    OPT001).  A rewrite that adds any of these is still judged as marketing."""
    before, after = full.kind_evidence(original), full.kind_evidence(variant)
    return (
        # (a contact line is no offer: 咨询 for 问问 — its weight is set aside)
        after.scores["marketing"] - after.contact > before.scores["marketing"] - before.contact
        or bool(set(after.offers) - set(before.offers))
        or bool(set(after.calls) - set(before.calls))
        or bool(set(after.shapes) - set(before.shapes))
        or (after.optout and not before.optout)
    )


def validate_variant(
    original: str,
    variant: str,
    *,
    checker: Checker,
    facts: dict[str, str] | None = None,
    original_findings: list[Finding] | None = None,
    kind: Kind | InferredKind | None = None,
    strict: bool = True,
    product_type: str | None = None,
) -> list[Finding]:
    """All findings of a candidate rewrite (see :func:`judge_variant`)."""
    return judge_variant(
        original,
        variant,
        checker=checker,
        facts=facts,
        original_findings=original_findings,
        kind=kind,
        strict=strict,
        product_type=product_type,
    ).findings


def is_acceptable(findings: list[Finding]) -> bool:
    return not any(f.severity == "error" for f in findings)


def _merge(first: Iterable[Finding], second: Iterable[Finding]) -> list[Finding]:
    """Findings of both lists, one per (code, span), the more severe kept."""
    out: dict[tuple[str, int, int], Finding] = {}
    for f in [*first, *second]:
        key = (f.code, f.start, f.end)
        had = out.get(key)
        if had is None or SEVERITY_RANK[f.severity] > SEVERITY_RANK[had.severity]:
            out[key] = f
    return list(out.values())


# ----------------------------------------------------------------------------- REW001 – REW003
def _profile_text(checker: Checker) -> str:
    profile = checker.profile
    if profile is None:
        return ""
    return " ".join(
        [*profile.signatures, *(profile.products or []), profile.full_name, *profile.service_numbers]
    )


def _kept(fact: Fact, variant: list[Fact], folded_variant: str) -> bool:
    family = fact.kind
    same = [v for v in variant if v.kind == family and same_value(v.value, fact.value, fact.role)]
    if any(v.role == fact.role for v in same):
        return True
    if fact.generic and same:
        return True
    if any(v.generic for v in same):
        # a generic restatement keeps the fact unless the variant gives its role another value
        return not any(
            v.role == fact.role and not same_value(v.value, fact.value, fact.role) for v in variant
        )
    if fact.role == "counterparty":
        return _party_kept(fact, variant, folded_variant)
    if fact.role == "means":
        return _means_kept(fact, variant, folded_variant)
    # a product name kept, with or without the words before it — not under another name
    # (明德安心医疗险 → 安泰安心医疗险 is another insurer's product); 险 written out as 保险, the
    # kind word after a registered name dropped (明德稳盈1号理财产品 → 明德稳盈1号 — rg18)
    return fact.role == "product" and _tail_kept(
        _KIND_AFTER_NAME_RE.sub("", _short_insurance(fact.value)), _short_insurance(folded_variant)
    )


_PARTY_LABEL_RE = re.compile(r"^(?:收款方|付款方|收款人|商户)")
_KIND_AFTER_NAME_RE = re.compile(r"(?:理财产品|理财|产品)$")


def _short_insurance(text: str) -> str:
    return text.replace("保险", "险")  # 安泰鑫享年金保险 is 安泰鑫享年金险


def _party_name(value: str) -> str:
    return _PARTY_LABEL_RE.sub("", value).replace("的", "")


def _party_kept(fact: Fact, variant: list[Fact], folded_variant: str) -> bool:
    """The merchant or payee kept, however introduced (收款方X → X, 指定商超 → 指定的商超), and not
    turned into a longer name (向李明转账 → 向李明华转账 — rg18)."""
    name = _party_name(fact.value)
    parties = [_party_name(v.value) for v in variant if v.role == "counterparty"]
    if name in parties:
        return True
    return name in folded_variant.replace("的", "") and not any(name in p and p != name for p in parties)


#: Instruments of payment by group (手机银行 and App are one, 线上 and 在线 one): a means kept is the
#: same instruments, no other added (明德信用卡 → 明德信用卡或借记卡 widens who qualifies — rg18).
_INSTRUMENTS = (
    ("信用卡",),
    ("借记卡", "储蓄卡"),
    ("银行卡",),
    ("app", "手机银行", "客户端"),
    ("线上", "在线", "网上"),
    ("线下", "到店"),
    ("付款码", "二维码", "收款码"),
    ("微信",),
    ("支付宝",),
    ("云闪付",),
    ("数字人民币",),
    ("钱包",),
    ("账户",),
)


def _instruments(value: str) -> tuple[set[int], str]:
    """The instrument groups a means names, and what is left of it (the brand, 白金, 本人名下)."""
    groups: set[int] = set()
    rest = value
    for i, words in enumerate(_INSTRUMENTS):
        for w in words:
            if w in rest:
                groups.add(i)
                rest = rest.replace(w, "")
    return groups, re.sub(r"[的了]", "", rest)


def _means_kept(fact: Fact, variant: list[Fact], folded_variant: str) -> bool:
    """The card or app an offer must be paid with, kept: the variant's means name the same
    instruments and no other, with the draft's qualifiers (明德白金信用卡 → 明德信用卡白金卡; not →
    明德信用卡, nor 任意信用卡, nor 银行卡)."""
    said = [v.value for v in variant if v.role == "means"]
    if fact.value.replace("的", "") in (v.replace("的", "") for v in said):
        return True
    groups, rest = _instruments(fact.value)
    named: set[int] = set()
    for v in said:
        named |= _instruments(v)[0]
    if named <= groups and _required_in(fact.value, folded_variant):
        return True  # 使用X在…支付 → 在…支付（需使用X）, 出示X，…支付: the same instrument, still required
    pool = "".join(said)
    return bool(said) and groups == named and all(ch in pool for ch in rest)


#: What makes a means one option among others (可用明德信用卡, 也可使用…): no longer the condition.
_OPTIONAL_BEFORE_RE = re.compile(r"(?:可|也可|亦可|或|或者)(?:以)?(?:使用|用)?$")


def _required_in(value: str, folded_variant: str) -> bool:
    """Whether ``value`` stands in the variant as written (的 aside), not as an option
    (…，可用明德信用卡)."""
    value, folded_variant = value.replace("的", ""), folded_variant.replace("的", "")
    at = folded_variant.find(value)
    while at >= 0:
        if _OPTIONAL_BEFORE_RE.search(folded_variant, max(0, at - 5), at) is None:
            return True
        at = folded_variant.find(value, at + 1)
    return False


_NAME_CHAR_RE = re.compile(r"[\u4e00-\u9fffa-z0-9]")


def _tail_kept(name: str, folded_variant: str) -> bool:
    """``name``'s last five characters are in the variant, preceded by nothing of a name or by
    the start of ``name`` itself (明德安心医疗险 → 安心医疗险, or 德安心医疗险)."""
    tail, head = name[-5:], name[:-5]
    at = folded_variant.find(tail)
    while at >= 0:
        before = ""
        i = at
        while i > 0 and _NAME_CHAR_RE.match(folded_variant[i - 1]) and len(before) < 4:
            before = folded_variant[i - 1] + before
            i -= 1
        # nothing of another name before it, or the name's own start (明德|安心医疗险; 了解明德|…)
        if not before or head.endswith(before) or before.endswith(head[-len(before) :] if head else "\0"):
            return True
        at = folded_variant.find(tail, at + 1)
    return False


def rewrite_findings(
    original: str,
    variant: str,
    *,
    checker: Checker,
    facts: dict[str, str] | None = None,
    original_findings: list[Finding] | None = None,
) -> list[Finding]:
    """REW001–REW003 findings of ``variant`` (spans index the variant).

    Always run, whatever the checker's selection: they are the gate's, not a check's.
    """
    profile = checker.profile
    products = list(profile.products or []) if profile else []
    if original_findings is None:
        original_findings = gate_checker(checker).check(original).findings
    to_change = [
        (f.start, f.end)
        for f in original_findings
        if f.severity == "error" and rule_spec(f.code).rewrite.facts_may_change
    ]
    supplied = " ".join((facts or {}).values())
    draft_facts = extract_facts(original, products)
    variant_facts = extract_facts(variant, products)
    supplied_facts = extract_facts(supplied, products) if supplied else []
    out = _changed_facts(original, variant, draft_facts, variant_facts + supplied_facts, to_change, checker)
    out += _moved_conditions(original, variant, draft_facts, variant_facts, to_change)
    # a condition inside a violation the rewrite removes (限时投保, 限量抢购) is not kept
    violations = [(f.start, f.end) for f in original_findings if f.severity == "error"]
    if not out:  # one REW001 per change: a figure already missing is said once
        out += reframed_figures(original, variant, draft_facts, variant_facts, to_change, violations)
    out += _new_figures(original, variant, draft_facts, variant_facts, supplied, checker)
    out += _new_contacts(original, variant, supplied, checker)
    out += _new_replies(original, variant, supplied, checker)
    out += reversed_or_dropped(original, variant, supplied)
    out += _partly_supplied(variant, facts or {})
    out += dropped_conditions(original, variant, supplied, violations)
    out += changed_ranks(original, variant, violations)
    out += changed_attributions(original, variant, violations)
    out += critical_edits(original, variant, supplied, violations, checker)
    return out


def _partly_supplied(variant: str, facts: dict[str, str]) -> list[Finding]:
    """REW001 for a fact the user supplied that the variant uses only in part (年化利率
    7.2%-18% given, 年化利率7.2% shown): a range's ends are one fact."""
    spec = rule_spec("REW001")
    figures = read_figures(variant)
    shown = {f.value for f in figures} | {format_number(n) for f in figures for n in f.numbers}
    out: list[Finding] = []
    for key, value in facts.items():
        figures = read_figures(value)
        wanted = {f.value for f in figures}
        if not wanted or wanted <= shown:
            continue
        ends = {format_number(n) for f in figures for n in f.numbers}
        if ends & shown:  # used, but not whole
            out.append(
                spec.finding(
                    variant, 0, 0, message=f"改写只用了用户提供的{key}“{value}”的一部分：提供的事实须完整保留"
                )
            )
    return out


def _changed_facts(
    original: str,
    variant: str,
    draft: list[Fact],
    kept_in: list[Fact],
    to_change: list[tuple[int, int]],
    checker: Checker,
) -> list[Finding]:
    """REW001: a fact of the draft whose role lost its value (changed, dropped, moved)."""
    profile = checker.profile
    folded_variant = fold(variant)
    out: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for fact in draft:
        if fact.role in _OPTIONAL_ROLES or (fact.role, fact.value) in seen:
            continue
        if any(s < fact.end and fact.start < e for s, e in to_change):
            continue  # the draft was faulted for it: it is what the rewrite must change
        official = profile is not None and bool(profile.official_domains)
        if fact.role == "url" and official and not profile.is_official_host(fact.value.split("/")[0]):  # type: ignore[union-attr]
            continue  # only official links are facts to keep
        if _kept(fact, kept_in, folded_variant):
            continue
        seen.add((fact.role, fact.value))
        moved = [v for v in kept_in if v.kind == fact.kind and same_value(v.value, fact.value, fact.role)]
        how = f"，改写中它成了{moved[0].label}" if moved and not fact.generic else ""
        out.append(
            rule_spec("REW001").finding(
                variant,
                0,
                0,
                message=f"改写遗漏或改动了原文的{fact.label}“{fact.text}”{how}",
                note=f"原文位置 {fact.start}–{fact.end}",
            )
        )
    if not out:
        out += _swapped_facts(draft, kept_in, to_change, variant, original)
    return out


#: A condition's reach: its sentence (新客户首笔消费满200元减60元；老客户…: one offer each; a comma
#: or brackets inside one offer are a rewrite's to move: 新户首次绑定…，满100元立减20元).
_CONDITION_CLAUSE_RE = re.compile(r"[^。；;！!？?\n]+")


def _sentence_conditions(text: str, words: tuple[str, ...]) -> list[tuple[int, int, frozenset[str]]]:
    """Each sentence of ``text`` (start, end) with the condition words (新客户, 首笔 …) it names:
    read once per text, asked per fact."""
    return [
        (m.start(), m.end(), frozenset(w for w in words if w in fold(m.group())))
        for m in _CONDITION_CLAUSE_RE.finditer(text)
    ]


def _conditions_at(sentences: list[tuple[int, int, frozenset[str]]], pos: int) -> frozenset[str] | None:
    """The condition words of the sentence holding ``pos`` (None on a sentence end)."""
    return next((named for start, end, named in sentences if start <= pos < end), None)


def _conditions_of(text: str, facts: list[Fact], words: tuple[str, ...]) -> dict[tuple[str, str], set[str]]:
    """Per fact (family, value), the condition words (新客户, 首笔 …) of the sentences it stands in."""
    sentences = _sentence_conditions(text, words)
    out: dict[tuple[str, str], set[str]] = {}
    for f in facts:
        if f.kind in _CONDITIONED_KINDS and (named := _conditions_at(sentences, f.start)) is not None:
            out.setdefault((f.kind, f.value), set()).update(named)
    return out


def _each_keeps_its_condition(
    original: str, variant: str, facts: list[Fact], kept_in: list[Fact], words: tuple[str, ...]
) -> bool:
    """Whether every fact has a condition set of its own in the draft, and the variant has
    the same value under the same conditions: then the order says nothing."""
    in_draft, in_variant = _sentence_conditions(original, words), _sentence_conditions(variant, words)
    conds = [_conditions_at(in_draft, f.start) or frozenset() for f in facts]
    if not all(conds) or len(set(conds)) < len(conds):
        return False
    return all(
        any(
            v.role == f.role
            and v.value == f.value
            and (_conditions_at(in_variant, v.start) or frozenset()) == c
            for v in kept_in
        )
        for f, c in zip(facts, conds, strict=True)
    )


#: Facts a condition word scopes (an amount, a rate, a count; not a date, which a rewrite may
#: shorten: 12月1日至12月31日 → 12月1日至31日).
_CONDITIONED_KINDS = frozenset({"amount", "rate", "count"})


def _condition_words() -> tuple[str, ...]:
    return tuple(str(w) for w in rule_spec("REW001").options.get("scoping_words", []))


def _moved_conditions(
    original: str,
    variant: str,
    draft: list[Fact],
    variant_facts: list[Fact],
    to_change: list[tuple[int, int]],
) -> list[Finding]:
    """REW001: a figure that had conditions or an audience (新客户, 首笔) in the draft and has
    another in the rewrite (the two offers' audiences swapped; 首笔 copied onto another offer).
    Every figure is still there, so only the sentence each condition names tells the change.
    A figure with no condition in the draft may gain one (two sentences merged); a condition
    the rewrite drops is the dropped-condition check's."""
    words = _condition_words()
    if not words:
        return []
    kept = [f for f in draft if not any(s < f.end and f.start < e for s, e in to_change)]
    before = _conditions_of(original, kept, words)
    after = _conditions_of(variant, variant_facts, words)
    out: list[Finding] = []
    for key, had in before.items():
        # a figure that had conditions and now has one it did not (减60元 moved from 新客户 to
        # 老客户; 首笔 copied onto 老客户's 减15元).  A figure with none gaining one (two sentences
        # merged) or losing one (split) is no move.
        gained = after.get(key, set()) - had
        if not had or not gained:
            continue
        word = sorted(gained)[0]
        out.append(
            _rew001(
                variant,
                f"改写把条件或适用对象“{word}”加到了原文并不受它限定的“{key[1]}”上（金额、比例或次数换了对象）",
                "同一句中的条件与事实须保持对应，如新老客户的优惠不能互换、首笔条件不能套用到其他优惠",
            )
        )
    return out


def _restatements(fact: Fact, kept_in: list[Fact]) -> list[Fact]:
    """The variant's facts that restate ``fact``: its role, its value."""
    return [v for v in kept_in if v.role == fact.role and same_value(v.value, fact.value, fact.role)]


def _rew001(variant: str, message: str, note: str) -> Finding:
    """A REW001 finding on the whole variant: a fact of the draft that no span of the
    rewrite still carries (moved, swapped), said by its message."""
    return rule_spec("REW001").finding(variant, 0, 0, message=message, note=note)


def _swapped_facts(
    draft: list[Fact], kept_in: list[Fact], to_change: list[tuple[int, int]], variant: str, original: str = ""
) -> list[Finding]:
    """REW001: two values of one role kept but in the other order (由3万元调整为5万元 →
    由5万元调整为3万元): each value is there, the fact is not.  Not when each value keeps a
    condition of its own (新客户…减60元；老客户…减15元, reordered): the conditions say which is which."""
    out: list[Finding] = []
    roles: dict[str, list[Fact]] = {}
    for fact in sorted(draft, key=lambda f: f.start):
        if fact.role in _OPTIONAL_ROLES or fact.generic:
            continue
        if any(s < fact.end and fact.start < e for s, e in to_change):
            continue
        values = roles.setdefault(fact.role, [])
        if all(v.value != fact.value for v in values):
            values.append(fact)
    words = _condition_words()
    for role, facts in roles.items():
        if len(facts) < 2:
            continue
        if role == "tail" and original and (traded := _traded_tails(original, variant, facts, kept_in)):
            out.append(
                _rew001(
                    variant,
                    f"改写调换了原文尾号“{traded[0].text}”与“{traded[1].text}”所指的卡、账户或保单",
                    "尾号与它所指的对象（信用卡、借记卡、保单、账户）须保持对应",
                )
            )
            continue
        if words and original and _each_keeps_its_condition(original, variant, facts, kept_in, words):
            continue  # 老客户…减15元；新客户…减60元: reordered, each with its own condition
        if role == "tail" and original and _each_keeps_its_object(original, variant, facts, kept_in):
            continue  # 从尾号4410的账户扣划尾号8835保单的保费: reordered, each names its own thing
        order = []
        for fact in facts:
            hits = _restatements(fact, kept_in)
            if not hits:
                break
            order.append(min(v.start for v in hits))
        else:
            if order != sorted(order):
                first, second = facts[0], facts[1]
                out.append(
                    _rew001(
                        variant,
                        f"改写调换了原文{first.label}的先后（“{first.text}”与“{second.text}”）",
                        "同一类事实的数值顺序被颠倒，含义可能已改变（如调整前后的额度）",
                    )
                )
    return out


#: What a card or account tail names (尾号8835的保单, 保单（尾号6621）).
_TAIL_OBJECT_RE = re.compile(
    r"保单|账户|账号|银行卡|信用卡|借记卡|储蓄卡|还款卡|存折|合同|借据|借款|贷款|手机号?|车辆|车牌"
)


#: The side of a movement a tail stands on (从尾号4410的账户 … 至尾号8835的银行卡).
_TAIL_FROM_RE = re.compile(r"从|由(?!于)|转出|付款")
_TAIL_TO_RE = re.compile(r"[至到向入给]|偿还|归还|还款|收款")
#: Tail objects by what they are (借记卡 and 银行卡 one card, 账户 and 账号 one account).
_TAIL_OBJECT_GROUPS = {
    "借记卡": "debit",
    "储蓄卡": "debit",
    "银行卡": "debit",
    "还款卡": "debit",
    "存折": "debit",
    "账户": "account",
    "账号": "account",
    "借款": "loan",
    "贷款": "loan",
    "合同": "loan",
    "借据": "loan",
    "手机": "phone",
    "手机号": "phone",
    "车辆": "car",
    "车牌": "car",
}


def _tail_side(folded: str, start: int) -> str:
    """``from``, ``to`` or ``""``: the direction word nearest before the tail's cue (尾号), in
    its clause."""
    window = folded[max(0, start - 8) : start]
    window = re.split(r"[，,。；;！!？?]", window)[-1]
    best, side = -1, ""
    for name, pattern in (("from", _TAIL_FROM_RE), ("to", _TAIL_TO_RE)):
        for m in pattern.finditer(window):
            if m.start() > best:
                best, side = m.start(), name
    return side


def _tail_object(folded: str, start: int, end: int) -> str | None:
    """The thing a tail at ``start:end`` names: the first object word just after it
    (尾号4410的银行账户, 尾号1290的重大疾病保险保单), else the last one just before it
    (保单（尾号6621）)."""
    after = _TAIL_OBJECT_RE.search(folded, end, min(len(folded), end + 12))
    if after is not None and not re.search(r"[，,。；;！!？?]", folded[end : after.start()]):
        return _TAIL_OBJECT_GROUPS.get(after.group(), after.group())
    before = list(_TAIL_OBJECT_RE.finditer(folded, max(0, start - 9), start))
    if before and not re.search(r"[，,。；;！!？?]", folded[before[-1].end() : start]):
        return _TAIL_OBJECT_GROUPS.get(before[-1].group(), before[-1].group())
    return None


def _traded_tails(
    original: str, variant: str, facts: list[Fact], kept_in: list[Fact]
) -> tuple[Fact, Fact] | None:
    """Two tails that traded the things they name, in any order (尾号1234的信用卡…尾号5678的借记卡 →
    尾号1234的借记卡…尾号5678的信用卡 — rg18): each tail now names what the other one did."""
    fo, fv = fold(original), fold(variant)
    was = {f.value: _tail_object(fo, f.start, f.end) for f in facts}
    for fact in facts:
        hits = _restatements(fact, kept_in)
        for v in hits:
            now = _tail_object(fv, v.start, v.end)
            if now is None or now == was[fact.value]:
                continue
            other = next((f for f in facts if f is not fact and was[f.value] == now), None)
            if other is not None:
                return fact, other
    return None


def _each_keeps_its_object(original: str, variant: str, facts: list[Fact], kept_in: list[Fact]) -> bool:
    """Whether tails in another order each still name the thing they named in the draft, on
    the same side of any movement (从…至…), and the draft's tails name different things (a
    policy and the account paying it): then the order says nothing.  Two accounts
    (从尾号1111转入尾号2222) keep their order; so do a card and an account money moves between
    (从尾号4410的账户转出至尾号8835的银行卡 → 从尾号8835的银行卡转出至尾号4410的账户 — rg17)."""
    fo, fv = fold(original), fold(variant)
    objects = [_tail_object(fo, f.start, f.end) for f in facts]
    # (tails of one kind — two accounts — are told apart by their sides alone, which must then
    # stay exactly as they were: 您尾号8821的账户向张三尾号6612的账户转出 → 张三尾号6612的账户向
    # 您尾号8821的账户转账 reverses the money — rg10)
    exact = len(set(objects)) < len(objects)
    identities = []
    for fact, was in zip(facts, objects, strict=True):
        side = _tail_side(fo, fact.start)
        hits = _restatements(fact, kept_in)
        if was is None or not hits:
            return False
        for v in hits:
            now_side = _tail_side(fv, v.start)
            # (a side named on one side only is the sentence restructured: 您尾号1234的信用卡 →
            # 偿还您尾号1234的信用卡; both named and different is a movement reversed)
            moved = now_side != side if exact else bool(side and now_side and now_side != side)
            if _tail_object(fv, v.start, v.end) != was or moved:
                return False
        identities.append((was, side))
    return len(set(identities)) == len(identities)


#: A Chinese numeral with a place or a decimal word (一千, 三十万, 五点八, 二十).
_CN_NUMBER_RE = re.compile(
    r"[零〇一二两三四五六七八九]?(?:[十百千万亿点][零〇一二两三四五六七八九十百千万亿点]*)+|[一二两三四五六七八九]十"
)
#: Words written with numeral characters that are no figure.
_CN_WORDS = frozenset(
    {"千万", "万万", "百万", "十分", "百分", "一点", "万一", "亿万", "十足", "百倍", "千千万万", "点"}
)
_TAIL_WORD_RE = re.compile(r"(?:末|后|尾)(?:四|4|六|6|三|3)位")
#: What joins the two ends of a range (12月1日至31日, 12月1日00:00至31日, 12月1日（周一）至31日).
_RANGE_JOIN_RE = re.compile(
    r"(?:\s*\d{1,2}[:：]\d{2})?(?:\s*[（(][^）)]{1,4}[）)])?\s*(?:至|到|-|—|–|~|～|－)\s*"
)
_TAIL_CUE_RE = re.compile(r"(?:尾号|末四位|后四位|末4位|后4位|尾数)[为是:：]?\s*$")


def _ends_range(folded: str, start: Figure | None, fig: Figure) -> bool:
    """Whether ``fig`` is the end of a range that opens at the date ``start`` (12月1日至31日)."""
    return start is not None and _RANGE_JOIN_RE.fullmatch(folded[start.end : fig.start]) is not None


@dataclass
class _Allowed:
    """Every value a figure of the variant may have: the draft's, the user's, the profile's."""

    numbers: set[str] = field(default_factory=set)
    rates: set[str] = field(default_factory=set)
    multiples: set[str] = field(default_factory=set)
    discounts: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    days: set[str] = field(default_factory=set)
    years: set[str] = field(default_factory=set)
    times: set[str] = field(default_factory=set)
    durations: set[str] = field(default_factory=set)
    #: Money and counts by kind: a card tail is no amount (3307元), a price no count (前20名).
    money: set[str] = field(default_factory=set)
    counts: set[str] = field(default_factory=set)
    rate_periods: dict[str, set[str | None]] = field(default_factory=dict)
    months: set[str] = field(default_factory=set)
    #: Range ends written without their month (12月1日至31日 → 12-31): the same date only as the
    #: end of a range in the rewrite too, never in another role (积分将于12月31日发放).
    range_ends: set[str] = field(default_factory=set)

    def add_text(self, text: str) -> None:
        if not text:
            return
        folded = fold(text)
        last_date: Figure | None = None
        for fig in read_figures(text):
            # a card tail (尾号3307) is a bare number that no amount or count may reuse
            tail = fig.kind == "number" and _TAIL_CUE_RE.search(folded[max(0, fig.start - 6) : fig.start])
            self.add(fig, bare=not tail)
            self._range_end(folded, last_date, fig)
            if fig.kind == "date":
                last_date = fig
        # A masked card or ID number keeps its last digits (尾号6783): not an invented figure.
        for digits in re.findall(r"\d[\d \-]{7,}[\dxX]", folded):
            tail = re.sub(r"[ \-]", "", digits)[-4:]
            if tail.isdigit():
                self.numbers.update({tail, format_number(float(tail))})
        for c in find_contacts(text):
            if c.kind == "phone":
                self.numbers.add(c.value)

    def _range_end(self, folded: str, start: Figure | None, fig: Figure) -> None:
        """The end of a date range written without its month (12月1日至31日, 9月1日-30日)
        is a date of the start's month: 12月31日 restates it (gate set rg16)."""
        if start is None or not _ends_range(folded, start, fig):
            return
        month = start.value.split("-")[0]
        if month == "?":
            return
        if fig.kind == "date" and fig.value.startswith("?-"):
            day = fig.value[2:]
        elif fig.kind == "number" and folded[fig.end : fig.end + 1] in ("日", "号"):
            day = fig.value
        else:
            return
        self.range_ends.add(f"{month}-{day}")

    def add(self, fig: Figure, *, bare: bool = True) -> None:
        values = {format_number(n) for n in fig.numbers}
        if fig.kind == "rate":
            self.rates |= values
            for v in values:  # 日利率0.05% is not 年利率0.05%: the period is part of the rate
                self.rate_periods.setdefault(v, set()).add(fig.period)
        elif fig.kind == "multiple":
            self.multiples |= values
        elif fig.kind == "discount":
            self.discounts |= values
        elif fig.kind == "date":
            self.dates.add(fig.value)
            month, day = fig.value.split("-")
            self.days.add(day)
            self.months.add(month)
            self.numbers.update({day} | ({month} if month != "?" else set()))
            if fig.year is not None:
                self.years.add(str(fig.year))
        elif fig.kind == "year":
            self.years.add(fig.value)
        elif fig.kind == "month":
            self.months.add(fig.value)
        elif fig.kind == "duration":
            self.durations.add(fig.value)
        elif fig.kind == "time":
            self.times.add(fig.value)
            hour, minute = fig.value.split(":")
            self.numbers.update({hour, str(int(minute)), minute})
        if fig.kind in ("money", "count", "duration", "number", "month", "year"):
            for n in fig.numbers:
                self.numbers.add(format_number(n))
                if fig.kind == "money":
                    self.money.add(format_number(n))
                    for unit in (1e4, 1e3):
                        self.numbers.add(format_number(n / unit))
                        self.money.add(format_number(n / unit))
                elif fig.kind == "count":
                    self.counts.add(format_number(n))
                elif fig.kind == "number" and bare:  # a bare figure may be restated with its unit
                    self.money.add(format_number(n))
                    self.counts.add(format_number(n))

    def allows(self, fig: Figure) -> bool:
        values = [format_number(n) for n in fig.numbers]
        if fig.kind == "rate":
            return all(
                v in self.rates
                and (fig.period is None or bool(self.rate_periods.get(v, set()) & {None, fig.period}))
                for v in values
            )
        if fig.kind == "multiple":
            return all(v in self.multiples for v in values)
        if fig.kind == "discount":
            return all(v in self.discounts for v in values)
        if fig.kind == "date":
            # a date may drop its month (12月3日 → 3日), never gain one (本月18日 → 4月18日)
            month, day = fig.value.split("-")
            ok = fig.value in self.dates or (month == "?" and day in self.days)
            return ok and (fig.year is None or str(fig.year) in self.years | self.numbers)
        if fig.kind == "year":
            return fig.value in self.years or fig.value in self.numbers
        if fig.kind == "month":
            return fig.value in self.months  # 11月账单 → 12月账单 is another bill
        if fig.kind == "duration":
            return fig.value in self.durations  # 3个工作日 is not 3小时
        if fig.kind == "time":
            # 3点 → 3:00, but not the month of a date as a deadline's hour (12月3日 → 12:00)
            hour, minute = fig.value.split(":")
            hours = {t.split(":")[0] for t in self.times}
            return fig.value in self.times or (hour in hours and minute == "00")
        if fig.kind == "money":
            return all(v in self.money for v in values)
        if fig.kind == "count":
            return all(v in self.counts for v in values)
        return all(v in self.numbers for v in values)


def _new_figures(
    original: str,
    variant: str,
    draft: list[Fact],
    variant_facts: list[Fact],
    supplied: str,
    checker: Checker,
) -> list[Finding]:
    """REW002: a figure in no source (any numeral form), or a draft figure in a new role."""
    allowed = _Allowed()
    for text in (original, supplied, _profile_text(checker), " ".join(checker.settings.optout_phrases)):
        allowed.add_text(text)
    # contact points are REW003's (a spaced hotline 400 600 1234 is one number, not three),
    # and a tail's own cue is no count (末四位为3307)
    skip = [(c.start, c.end) for c in find_contacts(variant) if c.kind in ("url", "im", "phone")]
    folded = fold(variant)
    skip += [(m.start(), m.end()) for m in _TAIL_WORD_RE.finditer(folded)]
    out: list[Finding] = []
    figures = read_figures(variant)
    last_date: Figure | None = None
    for fig in figures:
        range_end = (
            fig.kind == "date" and fig.value in allowed.range_ends and _ends_range(folded, last_date, fig)
        )
        if fig.kind == "date":
            last_date = fig
        if any(s <= fig.start < e for s, e in skip) or allowed.allows(fig) or range_end:
            continue
        out.append(
            rule_spec("REW002").finding(
                variant,
                fig.start,
                fig.end,
                message=f"改写中的数字“{fig.text}”在原文、已知事实和发送方档案中都没有",
            )
        )
    # Chinese numerals with no unit (满一千返二十, 额度可达三十万, 年化低至五点八): the figure
    # reader needs a unit to tell them from words; the gate reads any run with a place word.
    read = [(f.start, f.end) for f in figures]
    pools = allowed.numbers | allowed.money | allowed.counts | allowed.rates
    sources = fold("\n".join((original, supplied, _profile_text(checker))))
    for m in _CN_NUMBER_RE.finditer(folded):
        if m.group() in _CN_WORDS or any(
            s <= m.start() < e or m.start() <= s < m.end() for s, e in read + skip
        ):
            continue
        if m.group() in sources:
            continue  # written so in the draft too (双十一)
        value = parse_number(m.group())
        if value is None or format_number(value) in pools:
            continue
        out.append(
            rule_spec("REW002").finding(
                variant,
                m.start(),
                m.end(),
                message=f"改写中的数字“{variant[m.start() : m.end()]}”在原文、已知事实和发送方档案中都没有",
            )
        )
    # The draft's figure in a role it did not have (the old due date as the statement date).
    reported = {(f.start, f.end) for f in out}
    supplied_facts = extract_facts(supplied) if supplied else []
    sources = draft + supplied_facts
    for v in variant_facts:
        if v.generic or v.kind not in ("amount", "date", "rate", "tail") or (v.start, v.end) in reported:
            continue
        sources_of_v = [d for d in sources if d.kind == v.kind and same_value(d.value, v.value, v.role)]
        if not sources_of_v or any(d.role == v.role or d.generic for d in sources_of_v):
            continue
        was = sources_of_v[0]
        out.append(
            rule_spec("REW002").finding(
                variant,
                v.start,
                v.end,
                message=f"原文中作为{was.label}的“{was.text}”在改写中被用作{v.label}",
            )
        )
    return out


def _allowed_contacts(texts: list[str], checker: Checker) -> tuple[set[str], set[str], set[str]]:
    values: set[str] = set()
    hosts: set[str] = set()
    im_families: set[str] = set()
    for text in texts:
        for c in find_contacts(text):
            values.add(f"{c.kind}:{c.value}")
            if c.kind == "url":
                hosts.add(c.host)
            if c.kind == "im":
                im_families.add(c.value.split(":")[0])
    profile = checker.profile
    if profile is not None:
        for number in profile.service_numbers:
            values.add("phone:" + re.sub(r"\D", "", number))
        for name in [*profile.signatures, profile.full_name]:
            if name:
                values.add("signature:" + fold(name))
    return values, hosts, im_families


def _contact_allowed(
    c: Contact, values: set[str], hosts: set[str], families: set[str], checker: Checker
) -> bool:
    if f"{c.kind}:{c.value}" in values:
        return True
    if c.kind == "url":
        host = c.host
        profile = checker.profile
        return host in hosts or (profile is not None and profile.is_official_host(host))
    if c.kind == "im" and c.value.endswith(":"):
        return c.value[:-1] in families  # an invitation to a family the draft already names
    return False


_NAME_PREFIX_RE = re.compile(r"^\s*([\u4e00-\u9fffa-z0-9]{2,16})\s*[:：]")
_CONTACT_LABELS = {"url": "网址", "phone": "电话号码", "im": "社交账号", "signature": "签名"}


def _new_contacts(original: str, variant: str, supplied: str, checker: Checker) -> list[Finding]:
    """REW003: a link, phone number, IM handle or signature in neither the draft nor the profile."""
    values, hosts, families = _allowed_contacts([original, supplied], checker)
    # 明德银行：… → 【明德银行】…: the name a draft signs with, bracketed; or one the user supplied
    named = {m.group(1) for m in _NAME_PREFIX_RE.finditer(fold(original))}
    named |= {fold(v).strip().strip("【】") for v in (supplied.split() if supplied else [])}
    out = []
    for c in find_contacts(variant):
        if _contact_allowed(c, values, hosts, families, checker):
            continue
        if c.kind == "signature" and c.value in named:
            continue
        out.append(
            rule_spec("REW003").finding(
                variant,
                c.start,
                c.end,
                message=f"改写中出现了原文和发送方档案都没有的{_CONTACT_LABELS[c.kind]}“{c.text.strip()}”",
            )
        )
    return out


#: A reply command (回Y报名, 回复1确认): a short code right after 回 or 回复 and before the word
#: it answers; not 回 inside a word (赎回10,000份, 退回, 返回).
_REPLY_RE = re.compile(
    r"(?<![赎退返收寄召挽撤追找取送带拿发转来])回复?([a-z]{1,4}|[0-9]{1,4})(?=[\u4e00-\u9fff])"
)


def _new_replies(original: str, variant: str, supplied: str, checker: Checker) -> list[Finding]:
    """REW003: a reply command (回Y报名, 回复1确认) that neither the draft, the facts supplied,
    the profile nor a text the engines add themselves holds.  Why: a reply code is a contact
    point like a number — the recipient's answer goes where the sender may not have set up
    anything (gate red team rg1: 回Y报名 beside the draft's 回T退订 passed, its words all known).
    An opt-out in any wording is the opt-out rule's."""
    spec = rule_spec("REW003")
    licensed = "\n".join(
        normalize(t).compact
        for t in (original, supplied, _profile_text(checker), *fix_texts(checker), *supply_texts())
        if t
    )
    known = {m.group(1) for m in _REPLY_RE.finditer(licensed)}
    optouts = [normalize_term(p) for p in checker.settings.optout_phrases]
    nt = normalize(variant)
    compact = nt.compact
    out: list[Finding] = []
    for m in _REPLY_RE.finditer(compact):
        if m.group(1) in known or any(compact.startswith(p, m.start()) for p in optouts):
            continue
        if compact.startswith("退", m.end()) or compact.startswith("拒收", m.end()):
            continue
        start, end = nt.compact_span(m.start(), m.end())
        out.append(
            spec.finding(
                variant,
                start,
                end,
                message=f"改写新增了原文没有的短信回复指令“{variant[start:end]}”：回复渠道只能来自原文或发送方档案",
            )
        )
    return out


# ----------------------------------------------------------------------------- REW004
@lru_cache(maxsize=2)
def _rew004_terms(service: bool = False) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(normalised word, family, words that license it) of REW004's rule data, longest first.

    A family word is licensed only by itself; a product word by any word of its group.
    ``service``: with the words a rewrite of a service notice may not add on top.
    """
    options = rule_spec("REW004").options
    terms: dict[str, tuple[str, tuple[str, ...]]] = {}
    families = dict(options.get("families", {}))
    if service:
        families.update(options.get("service_families", {}))
    for family, words in families.items():
        for w in words:
            key = normalize_term(str(w))
            if len(key) >= 2:
                terms[key] = (family, (key,))
    # a word licensed by the draft's own wording of the same thing (赠送 by 送, 马上 by 立即,
    # 保障 by an insurance word)
    for word, by in options.get("licensed_by", {}).items():
        key = normalize_term(str(word))
        if key in terms:
            family, lic = terms[key]
            terms[key] = (family, (*lic, *(normalize_term(str(w)) for w in by)))
    # a waiver licensed by the draft's own waiver of the same thing in other words (不收手续费 by 免收
    # 手续费 or 手续费全免, 免违约金 by 不收取违约金 — gate red team rg12)
    waivers = tuple(normalize_term(str(w)) for w in options.get("waiver_prefixes", []))
    longest_first = sorted(waivers, key=len, reverse=True)
    for key, (family, lic) in list(terms.items()):
        prefix = next((p for p in longest_first if key.startswith(p)), None)
        thing = key[len(prefix) :] if prefix else ""
        if len(thing) >= 2:
            said = [f"{p}{thing}" for p in waivers] + [
                # (not 违约金为0.5%: a figure that starts with 0 is no waiver — gate red team rg13)
                f"{thing}{tail}"
                for tail in ("全免", "为零")
            ]
            terms[key] = (family, (*lic, *said))
    for group, words in options.get("product_groups", {}).items():
        keys = tuple(k for k in (normalize_term(str(w)) for w in words) if len(k) >= 2)
        for key in keys:
            terms.setdefault(key, (f"{group}产品或业务", keys))
    return tuple(sorted(((k, f, lic) for k, (f, lic) in terms.items()), key=lambda t: (-len(t[0]), t[0])))


_PRODUCT_SUFFIX_RE = re.compile(r"(?:理财|基金|产品|计划|保险)+$")


def _adds_words(original: str, variant: str, f: Finding) -> bool:
    """Whether the variant added a letter or digit inside ``f``'s span (punctuation and glue
    left by a removal do not count)."""
    return any(
        any(ch.isalnum() for ch in variant[max(a, f.start) : min(b, f.end)])
        for a, b in added_spans(original, variant)
    )


def added_content_findings(
    original: str,
    variant: str,
    *,
    checker: Checker,
    draft_findings: list[Finding],
    variant_findings: list[Finding],
    draft_kind: str,
    variant_kind: str,
    strict: bool = True,
    facts: dict[str, str] | None = None,
) -> list[Finding]:
    """REW004: what the variant adds — a marketing turn of a notice, a new warning, a claim,
    offer, product, deadline or pressure word, a condition on the opt-out.  Words the user
    supplied as facts (a disclosure, a source) are not added by the model."""
    spec = rule_spec("REW004")
    source = "\n".join([original, *(facts or {}).values()])
    severity = "error" if strict else "warning"
    out: list[Finding] = []
    if draft_kind == "service" and variant_kind == "marketing":
        out.append(
            spec.finding(
                variant,
                0,
                0,
                severity=severity,
                message="服务通知被改写成了营销短信：改写不得在通知中加入推广内容",
            )
        )
    elif draft_kind == "service":
        out += _offers_added_to_a_notice(original, variant, checker, spec, severity)
    had = {(f.code, normalize_term(f.evidence)) for f in draft_findings}
    had_codes = {f.code for f in draft_findings}
    # A caveat restated in other words (额度最高可达30万 → 额度最高30万: the evidence is cut
    # differently) is the draft's own: only warnings of a code beyond the draft's count are new.
    draft_warnings = Counter(f.code for f in draft_findings if f.severity == "warning")
    variant_warnings = Counter(f.code for f in variant_findings if f.severity == "warning")
    for f in variant_findings:
        if f.code.startswith("REW") or f.severity != "warning":
            continue  # errors reject on their own; info never does
        if (f.code, normalize_term(f.evidence)) in had or (not f.evidence and f.code in had_codes):
            continue
        if is_second_opinion(f) and f.code in had_codes and not _adds_words(original, variant, f):
            # a fitted model reading the draft's own kept words (安泰安心医疗险) as the claim
            # the variant removed: not something the variant adds.  A clause it wrote in new
            # words (百病全保 → 什么病基本都管) is not in the draft and stays a problem.
            continue
        if (
            f.evidence
            and variant_warnings[f.code] <= draft_warnings[f.code]
            and any(_restates(f.evidence, d.evidence) for d in draft_findings if d.code == f.code)
        ):
            continue
        out.append(
            spec.finding(
                variant,
                f.start,
                f.end,
                severity=severity,
                message=f"改写出现了原稿没有的问题（{f.code} {f.name}）：{f.message}",
            )
        )
    profile = checker.profile
    products = list(profile.products or []) if profile else []
    folded_draft = fold(source)
    for fact in extract_facts(variant, products):
        core = _PRODUCT_SUFFIX_RE.sub("", fact.value)
        if fact.role == "product" and core not in folded_draft and not _tail_kept(core, folded_draft):
            out.append(
                spec.finding(
                    variant,
                    fact.start,
                    fact.end,
                    severity=severity,
                    message=f"改写新增了原稿没有的产品或名称“{fact.text}”",
                )
            )
    nt = normalize(variant)
    compact = nt.compact
    rew001 = rule_spec("REW001").options
    protective = [*rew001.get("disclosures", []), *rew001.get("safety_instructions", [])]
    # the fixed shapes first: they read the words around them (为保障您的资金安全 before 请勿…),
    # which the phrases blanked below would hide
    for pattern in spec.options.get("fixed_patterns", []):
        compact = re.sub(str(pattern), lambda m: "\0" * len(m.group()), compact)
    for phrase in [*fix_texts(checker), *spec.options.get("fixed_terms", []), *protective]:
        key = normalize_term(str(phrase))
        if len(key) >= 2:
            compact = compact.replace(key, "\0" * len(key))
    folded, folded_original = fold(variant), fold(source)
    pattern_licenses = spec.options.get("pattern_licensed_by", {})
    for family, patterns in spec.options.get("patterns", {}).items():
        for pattern in patterns:
            for m in re.finditer(pattern, folded):
                # a shape with a ``new`` group is licensed by the draft naming that part anywhere (意外险和
                # 医疗险 reordered names no new cover — gate red team rg13)
                said = m.group("new") if "new" in m.re.groupindex and m.group("new") else m.group()
                licensed_by = [said, *(str(w) for w in pattern_licenses.get(m.group(), []))]
                if any(fold(w) in folded_original for w in licensed_by):
                    continue
                out.append(
                    spec.finding(
                        variant,
                        m.start(),
                        m.end(),
                        severity=severity,
                        message=f"改写新增了原稿没有的{family}“{variant[m.start() : m.end()]}”",
                    )
                )
    if strict:
        faulted = [(f.start, f.end) for f in draft_findings if f.severity == "error" and f.end > f.start]
        fixes = [f.fix.replacement for f in draft_findings if f.fix.replacement]
        out += _novel_content(original, variant, source, checker, spec, faulted, fixes, draft_kind)
    # what licenses a word is what the draft affirms: 理财非存款 names no deposit
    raw_compact = normalize(source).compact
    draft_compact = affirmed(raw_compact)
    licensed = normalize(source + "\n" + _profile_text(checker)).compact
    # (compact start, compact end, what it is): other institutions, then claim and product words
    hits = [(at, end, "机构") for at, end in _other_institutions(compact, licensed)]
    taken: list[tuple[int, int]] = []
    for term, family, licensed_by in _rew004_terms(draft_kind == "service"):
        at = compact.find(term)
        # a term right after a negation is a disclosure, not a claim (不保证本金和收益)
        while at > 0 and compact[at - 1] in NEGATION_WORDS:
            at = compact.find(term, at + 1)
        # a product is licensed only by what the draft affirms (理财非存款 licenses no 存款);
        # a claim word by the draft's own words, negations included (无门槛, 不限次数)
        lic_source = draft_compact if family.endswith("产品或业务") else raw_compact
        if at < 0 or any(word in lic_source for word in licensed_by):
            continue
        if any(s < at + len(term) and at < e for s, e in taken):
            continue  # inside a longer word already reported (闭眼买 over 买)
        taken.append((at, at + len(term)))
        hits.append((at, at + len(term), family))
    for at, end_at, what in hits:
        start, end = nt.compact_span(at, end_at)
        message = (
            f"改写新增了原稿没有提到的机构“{variant[start:end]}”：不得借用其他机构的名义"
            if what == "机构"
            else f"改写新增了原稿没有的{what}用语“{variant[start:end]}”"
        )
        out.append(spec.finding(variant, start, end, severity=severity, message=message))
    return out


_CONTENT_CHAR_RE = re.compile(r"[\u4e00-\u9fffa-z]")


def _restates(new: str, old: str) -> bool:
    """Whether a warning's evidence restates the draft's (额度最高3 of 额度最高可达3): two
    characters in a row in common.  名额有限 → 即将下架 is another warning of the same rule."""
    a, b = normalize_term(new), normalize_term(old)
    return any(a[i : i + 2] in b for i in range(len(a) - 1))


def _novel_content(
    original: str,
    variant: str,
    source: str,
    checker: Checker,
    spec: RuleSpec,
    faulted: list[tuple[int, int]],
    fixes: list[str],
    draft_kind: str,
) -> list[Finding]:
    """REW004 for a stretch the variant adds that says something new in plain words (当天到账,
    可随时转让, 与工商银行联合发行): it holds ``min_chars`` characters that are in none of the
    texts the rewrite may draw on.  Why by characters, not words: no list of claim words
    names every benefit a model can invent, while a rewording reuses the draft's own
    characters and adds only glue, numerals and the neutral phrases of REW004's data.

    A character is known when a pair of characters it stands in is in the draft, the
    user's facts or the profile (one shared character proves nothing: 回 of 回T退订 is not
    赎回).  Not counted: the words that replace what the draft was faulted for with an error
    (``faulted``: replacing 稳赚不赔 takes new words, and those are judged by every rule of the
    checker and REW004's word families), the fix texts the draft's findings propose
    (``fixes``: 产品详情见官网 with the profile's link), and the guide's value wording in a
    rewrite of a marketing draft only (a notice gets no pitch in any words)."""
    opts = rule_spec("REW004").options.get("novel_content") or {}
    if not opts:
        return []
    minimum = int(opts.get("min_chars", 3))
    glue = set(str(opts.get("glue", "")))
    profile = checker.profile
    # the fix texts are masked where the variant adds them whole, never lent out by character
    known_texts = [source, _profile_text(checker)]
    if profile is not None:
        known_texts += [*profile.official_urls.values(), *profile.official_domains]
    known_text = _fold_numerals(fold("\n".join(known_texts)))
    known = {known_text[i : i + 2] for i in range(len(known_text) - 1)}
    folded = _fold_numerals(fold(variant))  # 满二百 meets the draft's 满200
    masked = bytearray(len(folded))

    def mask(key: str, *, unless_negated: bool = False) -> None:
        for at in all_at(folded, key):
            # a disclosure negated is a claim (不可能损失本金), not the disclosure
            if not (unless_negated and at > 0 and folded[at - 1] in NEGATORS):
                masked[at : at + len(key)] = b"\x01" * len(key)

    # what a rewrite may add whole: the fix texts, the neutral phrases, and disclosures and
    # safety instructions (REW001's data: they only ever warn)
    rew001 = rule_spec("REW001").options
    neutral = [
        *opts.get("neutral", []),
        *(opts.get("neutral_marketing", []) if draft_kind == "marketing" else []),
    ]
    for phrase in [*fix_texts(checker), *supply_texts(), *fixes, *(str(p) for p in neutral)]:
        if len(key := _fold_numerals(fold(phrase))) >= 2:
            mask(key)
    for phrase in [
        *rew001.get("disclosures", []),
        *rew001.get("safety_instructions", []),
        *rew001.get("safety_no_ask", []),
    ]:
        if len(key := _fold_numerals(fold(str(phrase)))) >= 2:
            mask(key, unless_negated=True)
    for pattern in opts.get("neutral_patterns", []):
        for m in re.finditer(str(pattern), folded):
            masked[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    out: list[Finding] = []
    for a, b, replaced in _added_not_replacing(original, variant, faulted):
        new = [
            ch
            for j, ch in enumerate(folded[a:b], a)
            if not masked[j]
            and ch not in glue
            and ch != "#"
            and _CONTENT_CHAR_RE.match(ch)
            and folded[max(0, j - 1) : j + 1] not in known
            and folded[j : j + 2] not in known
        ]
        if len(new) >= max(minimum, replaced + 1):  # a fix no wordier than what it replaces
            out.append(
                spec.finding(
                    variant,
                    a,
                    b,
                    severity="error",
                    message=f"改写新增了原稿没有的内容“{variant[a:b]}”（“{''.join(new)}”在原稿、用户提供的事实和发送方资料中都没有）：改写只能改变表述，新内容须由发送方确认",
                )
            )
    return out


def _other_institutions(compact: str, licensed: str) -> list[tuple[int, int]]:
    """Compact spans of institutions the variant names and the draft, facts and profile
    (``licensed``) do not: REW004's list of names, and names of an institution's shape
    (两字 + 银行/证券/支行 …) unless the two characters are no name (本人银行卡, 手机银行,
    具体以银行入账为准)."""
    opts = rule_spec("REW004").options
    spans: list[tuple[int, int]] = []
    shape = opts.get("institution_shape")
    not_names = set(opts.get("institution_shape_not_names", []))
    for m in re.finditer(shape, compact) if shape else ():
        if m.group(1) in not_names or m.group() in licensed or m.group(1) in licensed:
            continue
        if not any(ch in _NOT_IN_NAMES for ch in m.group(1)):
            spans.append((m.start(), m.end()))
    for name in opts.get("institutions", []):
        key = normalize_term(str(name))
        at = compact.find(key)
        if at >= 0 and key not in licensed and not any(s <= at < e for s, e in spans):
            spans.append((at, at + len(key)))
    return spans


_NOT_IN_NAMES = frozenset("以在向从由经至到给和与及或的了为是将被把对按请您")
_CN_DIGIT = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
#: Numerals as numbers, not as the characters of words (一定, 一本万利, 零利息, 分分钟): digits,
#: runs of two or more numeral characters, one numeral character before a unit or counter,
#: and 百分之/万分之 before a numeral.
_NUMERAL_RE = re.compile(
    rf"[0-9]+(?:\.[0-9]+)?"
    rf"|(?:[百千万]分之)?[{_CN_DIGIT}][{_CN_DIGIT}点]*[{_CN_DIGIT}]"
    rf"|(?:[百千万]分之)?[{_CN_DIGIT}](?=[元次张个位笔期天日月年号%％折倍人户份岁周小分秒块角])"
)


def _fold_numerals(text: str) -> str:
    """``text`` with every numeral read as a number, written ``#`` (same length)."""
    return _NUMERAL_RE.sub(lambda m: "#" * len(m.group()), text)


def _offers_added_to_a_notice(
    original: str, variant: str, checker: Checker, spec: RuleSpec, severity: str
) -> list[Finding]:
    """REW004 for a clause the rewrite added to a notice that offers something on its own
    (您的信用卡已开通周五超市满额减权益; 您的循环额度已同步恢复，打开App即可再次提取):
    wrapped in the recipient's own-account words, the whole variant may still read as a
    notice, so each added clause is judged alone, under the draft's signature: an offer word
    or an offer's shape in it (a pointer such as 请登录官网查看 offers nothing)."""
    full = gate_checker(checker)
    sig = re.match(r"\s*【[^】]{1,20}】", variant)
    prefix = sig.group() if sig else ""
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for a, b in added_spans(original, variant):
        start = max((m.end() for m in CLAUSE_END_RE.finditer(variant, 0, a)), default=0)
        end_m = CLAUSE_END_RE.search(variant, b)
        end = end_m.start() if end_m else len(variant)
        # the clause and the one after it (an offer and its call to action: …恢复，打开App即可提取)
        nxt = CLAUSE_END_RE.search(variant, end + 1) if end < len(variant) else None
        end2 = nxt.start() if nxt else len(variant)
        if (start, end) in seen or end - start < 4:
            continue
        seen.add((start, end))
        clause = variant[start:end2].strip()
        if prefix and clause.startswith(prefix):
            clause = clause[len(prefix) :]
        ev = full.kind_evidence(prefix + clause)
        if ev.offers or ev.shapes:
            out.append(
                spec.finding(
                    variant,
                    start + (len(prefix) if variant[start:].startswith(prefix) and prefix else 0),
                    end,
                    severity=severity,
                    message="改写在服务通知中加入了推广内容（该句单独看是营销内容）",
                )
            )
    return out


# ----------------------------------------------------------------------------- lingering
def lingering_findings(variant: str, original_findings: list[Finding]) -> list[Finding]:
    """The draft's banned wording, still in the candidate, reported under its own rule.

    Whatever context a rewrite wraps around "稳赚不赔" (a disclaimer, a fraud warning), the
    words the draft was faulted for may not come back.
    """
    nt = normalize(variant)
    out: list[Finding] = []
    for f in original_findings:
        if f.severity != "error" or f.fix.kind not in ("unsafe", "none") or not f.evidence.strip():
            continue
        key = normalize_term(f.evidence)
        if len(key) < 2:
            continue
        at = nt.compact.find(key)
        if at < 0:
            continue
        start, end = nt.compact_span(at, at + len(key))
        out.append(
            rule_spec(f.code).finding(
                variant,
                start,
                end,
                severity="error",
                message=f"改写仍保留了原稿中违规的表述“{f.evidence}”：{f.message}",
                fix=f.fix,
                note="原稿已因此被判定违规",
            )
        )
    return out
