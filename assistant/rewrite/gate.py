"""The gate: nothing a rewrite engine produces reaches a user without passing it.

A candidate is checked with every text/profile rule *and* compared with its original
(REW001 facts kept, REW002 no invented figures).  A candidate is acceptable only when no
finding is an error: that is the one definition of "compliant" the product uses.
"""

from __future__ import annotations

from functools import cache

from assistant.checker.engine import Checker
from assistant.checker.models import Citation, Finding, Fix
from assistant.checker.rulespec import RuleSpec, load_rule_specs
from assistant.knowledge.citations import resolve_all
from assistant.rewrite.facts import FACT_LABELS, extract_facts, figure_values, numbers_in

# Facts inside these findings of the original are what the rewrite must change.
_REPLACEABLE = {
    "PRO007",
    "LNK001",
    "LNK002",
    "PRV001",
    "PRV002",
    "FMT001",
    "ADV001",
    "ADV002",
    "ADV004",
    "ADV005",
}


@cache
def _spec(code: str) -> tuple[RuleSpec, tuple[Citation, ...]]:
    for spec in load_rule_specs():
        if spec.code == code:
            return spec, resolve_all(spec.citations)
    raise KeyError(code)


def _finding(code: str, text: str, start: int, end: int, message: str, note: str = "") -> Finding:
    spec, citations = _spec(code)
    return Finding(
        code=code,
        name=spec.name,
        severity=spec.severity,
        message=message,
        start=start,
        end=end,
        evidence=text[start:end],
        fix=Fix(spec.fix.kind, None, spec.fix.description),
        citations=citations,
        note=note,
    )


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
        (f.start, f.end) for f in original_findings if f.code in _REPLACEABLE and f.severity == "error"
    ]
    supplied = " ".join((facts or {}).values())
    out: list[Finding] = []

    if checker.settings.selects("REW001"):
        kept = {(f.kind, f.value) for f in extract_facts(variant, products)}
        kept |= {(f.kind, f.value) for f in extract_facts(supplied, products)}
        seen: set[tuple[str, str]] = set()
        for fact in extract_facts(original, products):
            if (fact.kind, fact.value) in kept or (fact.kind, fact.value) in seen:
                continue
            if any(s < fact.end and fact.start < e for s, e in to_change):
                continue
            if fact.kind == "url" and profile is not None and profile.official_domains:
                host = fact.value.split("/")[0]
                if not profile.is_official_host(host):
                    continue  # only official links are facts to keep
            seen.add((fact.kind, fact.value))
            label = FACT_LABELS.get(fact.kind, fact.kind)
            out.append(
                _finding(
                    "REW001",
                    variant,
                    0,
                    0,
                    f"改写遗漏或改动了原文的{label}“{fact.text}”",
                    note=f"原文位置 {fact.start}–{fact.end}",
                )
            )

    if checker.settings.selects("REW002"):
        allowed = figure_values(original) | figure_values(supplied)
        if profile is not None:
            allowed |= figure_values(" ".join([*profile.signatures, *(profile.products or []), profile.full_name]))
        allowed |= figure_values(" ".join(checker.settings.optout_phrases))
        for value, start, end in numbers_in(variant):
            if value in allowed:
                continue
            out.append(
                _finding(
                    "REW002",
                    variant,
                    start,
                    end,
                    f"改写中的数字“{variant[start:end]}”在原文和已知事实中都没有",
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
) -> list[Finding]:
    """All findings of a candidate rewrite: text/profile rules plus REW001/REW002."""
    findings = list(checker.check(variant).findings)
    findings += rewrite_findings(
        original, variant, checker=checker, facts=facts, original_findings=original_findings
    )
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return findings


def is_acceptable(findings: list[Finding]) -> bool:
    return not any(f.severity == "error" for f in findings)
