"""The gate: nothing a rewrite engine produces reaches a user without passing it.

A candidate is checked with every text/profile rule *and* compared with its original
(REW001 facts kept, REW002 no invented figures).  A candidate is acceptable only when no
finding is an error: that is the one definition of "compliant" the product uses.
"""

from __future__ import annotations

from assistant.checker.engine import Checker
from assistant.checker.models import Finding, Kind
from assistant.checker.rulespec import rule_spec
from assistant.rewrite.facts import FACT_LABELS, extract_facts, figure_values, numbers_in
from assistant.text.normalize import fold, normalize, normalize_term


def rewrite_findings(
    original: str,
    variant: str,
    *,
    checker: Checker,
    facts: dict[str, str] | None = None,
    original_findings: list[Finding] | None = None,
) -> list[Finding]:
    """REW001/REW002 findings of ``variant`` (spans index the variant)."""
    profile = checker.profile
    products = list(profile.products or []) if profile else []
    if original_findings is None:
        original_findings = checker.check(original).findings
    to_change = [
        (f.start, f.end)
        for f in original_findings
        if f.severity == "error" and rule_spec(f.code).rewrite.facts_may_change
    ]
    supplied = " ".join((facts or {}).values())
    out: list[Finding] = []

    if checker.settings.selects("REW001"):
        kept = {(f.kind, f.value) for f in extract_facts(variant, products)}
        kept |= {(f.kind, f.value) for f in extract_facts(supplied, products)}
        seen: set[tuple[str, str]] = set()
        folded_variant = fold(variant)
        for fact in extract_facts(original, products):
            if (fact.kind, fact.value) in kept or (fact.kind, fact.value) in seen:
                continue
            if fact.kind == "product" and fact.value[-5:] in folded_variant:
                continue  # the name kept, with or without the words before it
            if any(s < fact.end and fact.start < e for s, e in to_change):
                continue
            if fact.kind == "url" and profile is not None and profile.official_domains:
                host = fact.value.split("/")[0]
                if not profile.is_official_host(host):
                    continue  # only official links are facts to keep
            seen.add((fact.kind, fact.value))
            label = FACT_LABELS.get(fact.kind, fact.kind)
            out.append(
                rule_spec("REW001").finding(
                    variant,
                    0,
                    0,
                    message=f"改写遗漏或改动了原文的{label}“{fact.text}”",
                    note=f"原文位置 {fact.start}–{fact.end}",
                )
            )

    if checker.settings.selects("REW002"):
        allowed = figure_values(original) | figure_values(supplied)
        if profile is not None:
            allowed |= figure_values(
                " ".join([*profile.signatures, *(profile.products or []), profile.full_name])
            )
        allowed |= figure_values(" ".join(checker.settings.optout_phrases))
        for value, start, end in numbers_in(variant):
            if value in allowed:
                continue
            out.append(
                rule_spec("REW002").finding(
                    variant, start, end, message=f"改写中的数字“{variant[start:end]}”在原文和已知事实中都没有"
                )
            )
    return out


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


def validate_variant(
    original: str,
    variant: str,
    *,
    checker: Checker,
    facts: dict[str, str] | None = None,
    original_findings: list[Finding] | None = None,
    kind: Kind | None = None,
) -> list[Finding]:
    """All findings of a candidate rewrite: text/profile rules, REW001/REW002, lingering wording.

    The candidate is judged as the *draft's* kind (a marketing draft rewritten to read like a
    notice is still marketing and still needs its opt-out) and strictly (fraud-warning
    wording does not soften an error in text a model wrote).
    """
    if original_findings is None or kind is None:
        before = checker.check(original)
        original_findings = before.findings if original_findings is None else original_findings
        kind = kind or before.kind
    findings = list(checker.check(variant, kind=kind, strict=True).findings)
    findings += rewrite_findings(
        original, variant, checker=checker, facts=facts, original_findings=original_findings
    )
    seen = {(f.code, f.start, f.end) for f in findings}
    findings += [
        f for f in lingering_findings(variant, original_findings) if (f.code, f.start, f.end) not in seen
    ]
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return findings


def is_acceptable(findings: list[Finding]) -> bool:
    return not any(f.severity == "error" for f in findings)
