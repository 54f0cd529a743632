"""Assertions the judgment tests share: a notice that must read as a passing service notice,
and the codes of a check at error, or at error or warning (so each red-team file states cases,
not the same checks)."""

from __future__ import annotations

from assistant.checker.engine import Checker

#: The risk warnings and opt-out a promotion in a judgment case carries when its defect is
#: elsewhere (a wealth product's and a fund's), so each case names only what it tests.
WEALTH = "理财非存款，产品有风险，投资须谨慎。回T退订"
FUND = "基金有风险，投资须谨慎。回T退订"
#: The fields every rule spec needs, with placeholder values: a test of rule-data validation adds
#: only the fields it is about (terms, term_context, exempt …).
MINIMAL_RULE: dict[str, object] = {
    "code": "ZZZ001",
    "name": "x",
    "title": "x",
    "severity": "error",
    "scope": "text",
    "message": "x",
    "citations": [],
    "fix": {"kind": "none", "description": "x"},
}


def assert_service_pass(checker: Checker, text: str) -> None:
    """``text`` reads as a service notice and passes, with the kind reason shown on failure."""
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass", [(f.code, f.severity, f.evidence) for f in r.findings]


def found_codes(checker: Checker, text: str) -> dict[str, str]:
    """Every code reported for ``text`` with its severity, each finding's evidence checked to be
    the text at its span."""
    result = checker.check(text)
    for f in result.findings:
        assert f.evidence == text[f.start : f.end]
    return {f.code: f.severity for f in result.findings}


def error_codes(checker: Checker, text: str, **kwargs: object) -> set[str]:
    """The codes reported at error severity for ``text``."""
    return {f.code for f in checker.check(text, **kwargs).findings if f.severity == "error"}  # type: ignore[arg-type]


def flagged_codes(checker: Checker, text: str) -> set[str]:
    """The codes reported at error or warning severity for ``text``: a must-not case fails on
    either (a false review costs a reviewer's time as a false error costs the sender)."""
    return {f.code for f in checker.check(text).findings if f.severity in ("error", "warning")}
