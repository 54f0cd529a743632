"""Session of 2026-12-04 from 22:27: rule-data semantics that silently did less than the data
says, found by reading the code, each tested where the data would otherwise be dead."""

from __future__ import annotations

from assistant.checker.engine import Checker
from tests.judgment_asserts import MINIMAL_RULE


def test_default_unless_is_added_to_a_terms_own_unless() -> None:
    """``default_unless`` speaks for every term: a term with its own ``unless`` keeps both."""
    from assistant.checker.rulespec import RuleSpec

    spec = RuleSpec.model_validate(
        {
            **MINIMAL_RULE,
            "terms": ["甲乙", {"term": "丙丁", "unless": "own"}, {"term": "戊己", "unless": "tip"}],
            "term_context": {"tip": ["如遇"], "own": ["本人"]},
            "default_unless": "tip",
        }
    )
    groups = {t.term: t.unless_groups for t in spec.terms}
    assert groups == {"甲乙": ("tip",), "丙丁": ("own", "tip"), "戊己": ("tip",)}


def test_a_threat_quoted_in_a_complaint_tip_is_not_one_whatever_its_term() -> None:
    """COL001's complaint tip cancels a relative named in the threat it quotes (你父亲 has an
    ``unless`` of its own: the recipient a party to the debt), in its own clause only."""
    checker = Checker()
    tip = "【速借宝】您的借款已逾期。如遇催收人员说要通知你父亲，请保留证据并拨打95588投诉。"
    assert "COL001" not in {f.code for f in checker.check(tip).findings}
    threat = "【速借宝】您的借款已逾期，今天再不还款，明天就通知你父亲。"
    assert "COL001" in {f.code for f in checker.check(threat).findings}
    # the tip speaks for its clause, not for a threat in the next sentence
    both = "【速借宝】如遇催收人员威胁，请投诉。您的借款已逾期，明天就通知你父亲。"
    assert "COL001" in {f.code for f in checker.check(both).findings}
