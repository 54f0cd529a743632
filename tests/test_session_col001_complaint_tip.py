"""A collection threat quoted in a complaint tip (如遇催收人员威胁…请投诉) tells the recipient what to
report; it threatens nobody.  COL001 reads it through a rule-wide ``default_unless`` group, clause-
scoped, so a collector's own threat beside it, or anywhere else, still fails."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.checker.rulespec import load_rule_specs
from tests.judgment_asserts import error_codes


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("【滨川银行】如遇催收人员威胁通知您的单位，请保留录音并拨打95577投诉。", False),
        ("【滨川消金】我司严禁辱骂客户，若催收员说您是老赖、骗子，请拨打400-800-1234举报。", False),
        ("【滨川消金】您已逾期45天，再不还款我们将上门并通知您的单位。", True),
        ("【滨川消金】您已逾期，如遇催收人员上门请核实身份。催收员明天将通知您的家人。", True),
    ],
)
def test_complaint_tip(checker: Checker, text: str, fires: bool) -> None:
    assert ("COL001" in error_codes(checker, text)) is fires, text


def test_default_unless_fills_only_terms_without_their_own() -> None:
    spec = next(s for s in load_rule_specs() if s.code == "COL001")
    assert spec.default_unless == "complaint_tip"
    groups = {t.unless for t in spec.terms}
    assert "complaint_tip" in groups and "not_against_debtor" in groups
