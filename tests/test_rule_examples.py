"""semgrep-style rule tests: every rule's own examples must fire / must not fire."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.checker.citations import citation_index
from assistant.checker.engine import Checker
from assistant.checker.models import SEVERITY_RANK
from assistant.checker.rulespec import load_examples, load_rule_specs

SPECS = [s for s in load_rule_specs() if s.scope in ("text", "profile")]
MINIMUM = {"PRO007": 15, "ADV001": 15, "ADV002": 15, "OPT001": 15, "DIS001": 15}


def _cases():
    for spec in SPECS:
        examples = load_examples(spec.code)
        default_profile = examples.get("profile")
        for expect in ("fire", "ok"):
            for i, item in enumerate(examples.get(expect) or []):
                case = {"text": item} if isinstance(item, str) else dict(item)
                profile = case.get("profile", default_profile)
                yield pytest.param(spec.code, expect, case, profile, id=f"{spec.code}-{expect}-{i}")


@pytest.mark.parametrize(("code", "expect", "case", "profile"), list(_cases()))
def test_rule_example(
    checker_for: Callable[[str | None], Checker], code: str, expect: str, case: dict, profile: str | None
) -> None:
    result = checker_for(profile).check(case["text"], kind=case.get("kind"))
    mine = [f for f in result.findings if f.code == code]
    for f in result.findings:
        assert f.evidence == case["text"][f.start : f.end]
    if expect == "fire":
        assert mine, (
            f"{code} should fire on {case['text']!r}; got {[(f.code, f.evidence) for f in result.findings]}"
        )
        if "severity" in case:
            assert any(f.severity == case["severity"] for f in mine), [(f.severity, f.evidence) for f in mine]
    else:
        below = case.get("severity_below")
        bad = [f for f in mine if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[below]] if below else mine
        assert not bad, (
            f"{code} should not fire on {case['text']!r}: {[(f.severity, f.evidence, f.note) for f in bad]}"
        )


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.code)
def test_every_rule_has_examples(spec) -> None:
    examples = load_examples(spec.code)
    need = MINIMUM.get(spec.code, 5)
    assert len(examples.get("fire") or []) >= need, f"{spec.code}: at least {need} must-fire examples"
    assert len(examples.get("ok") or []) >= need, f"{spec.code}: at least {need} must-not-fire examples"


@pytest.mark.parametrize("spec", load_rule_specs(), ids=lambda s: s.code)
def test_every_citation_resolves(spec) -> None:
    index = citation_index()
    assert spec.citations, f"{spec.code} has no citation"
    missing = [c for c in spec.citations if c not in index]
    assert not missing, f"{spec.code} cites unknown IDs {missing}"
    assert spec.doc.what and spec.doc.why and spec.doc.fix, f"{spec.code} needs what/why/fix documentation"


def test_catalogue_codes_are_all_implemented() -> None:
    expected = [
        "SIG001",
        "SIG002",
        "SIG003",
        "OPT001",
        "OPT002",
        "FMT001",
        "FMT003",
        "LEN001",
        "PRO001",
        "PRO002",
        "PRO003",
        "PRO004",
        "PRO005",
        "PRO006",
        "PRO007",
        "PRV001",
        "PRV002",
        "PRV003",
        "COL001",
        "ADV001",
        "ADV002",
        "ADV003",
        "ADV004",
        "ADV005",
        "DIS001",
        "DIS002",
        "LNK001",
        "LNK002",
        "LNK003",
        "QUA001",
        "QUA002",
        "QUA003",
        "QUA004",
        # Addendum (v2)
        "ADV006",
        "ADV007",
        "ADV008",
        "ADV009",
        "ADV010",
        "DIS003",
        "DIS004",
        "PRO008",
        "PRV004",
        "FMT002",
    ]
    assert sorted(expected) == sorted(s.code for s in SPECS)


#: The keys an examples file and its cases may use (read by this file and by the campaign and
#: rewrite rule tests).  A misspelt key (``severity_blow``) would silently drop a check.
_EXAMPLE_FILE_KEYS = {"fire", "ok", "profile", "texts"}
_EXAMPLE_CASE_KEYS = {
    "text", "note", "kind", "original", "profile", "severity", "severity_below", "plan",
    "fires_on", "consent", "history", "facts",
}  # fmt: skip


def test_examples_use_only_known_keys() -> None:
    problems = []
    for spec in load_rule_specs():
        examples = load_examples(spec.code)
        problems += [f"{spec.code}: {k}" for k in examples if k not in _EXAMPLE_FILE_KEYS]
        for expect in ("fire", "ok"):
            for item in examples.get(expect) or []:
                if isinstance(item, dict):
                    problems += [f"{spec.code} {expect}: {k}" for k in item if k not in _EXAMPLE_CASE_KEYS]
    assert not problems, problems
