"""Session of 2026-12-04 from 20:19: an exemption's voiding context as rule data
(``exempt_void``, no longer dispatched on the exemption word's shape in shared code), and a nil
figure (违约率0) that is only nil when no other digit but 0 follows it (违约率0.5% is a rate)."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import WEALTH, error_codes

_BASE = {
    "code": "ZZZ001",
    "name": "x",
    "title": "x",
    "severity": "error",
    "scope": "text",
    "message": "x",
    "citations": [],
    "fix": {"kind": "none", "description": "x"},
    "terms": ["甲乙"],
    "exempt": ["自行承担", "您购买的"],
}


def test_exempt_void_names_only_the_rules_own_exemptions() -> None:
    """A voiding context for a word the rule does not exempt would never apply: refused."""
    from assistant.checker.rulespec import RuleSpec

    ok = RuleSpec.model_validate({**_BASE, "exempt_void": [{"words": ["自行承担"], "before": "平台"}]})
    assert set(ok.exempt_voids) == {"自行承担"}
    with pytest.raises(ValueError, match="由您承担"):
        RuleSpec.model_validate({**_BASE, "exempt_void": [{"words": ["由您承担"], "before": "平台"}]})
    with pytest.raises(ValueError, match="before 或 after"):
        RuleSpec.model_validate({**_BASE, "exempt_void": [{"words": ["自行承担"]}]})
    with pytest.raises(ValueError, match="无法编译"):
        RuleSpec.model_validate({**_BASE, "exempt_void": [{"words": ["自行承担"], "after": "(不"}]})
    with pytest.raises(ValueError, match="typo"):
        RuleSpec.model_validate({**_BASE, "exempt_void": [{"words": ["自行承担"], "after": "x", "typo": 1}]})


def test_a_rule_without_exempt_void_voids_nothing() -> None:
    """The voiding lives on the rule: another rule's 自行承担 or 您购买的 is not voided by the
    words ADV001 names (before, the shared code voided every rule's 自行… and 您…的 alike)."""
    from assistant.checker.rulespec import RuleSpec

    spec = RuleSpec.model_validate(_BASE)
    assert spec.exempt_voids == {}


def test_adv001_exempt_void_in_data() -> None:
    """ADV001 names both of its voiding contexts in its YAML (the doc page shows them)."""
    from assistant.checker.rulespec import load_rule_specs

    spec = next(s for s in load_rule_specs() if s.code == "ADV001")
    assert {"自行承担", "您购买的", "您认购的", "您申购的"} <= set(spec.exempt_voids)


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # the seller bears the loss: a guarantee (by role, by name, with 来/负责 between)
        (f"【澄浦财富】澄浦安享2号年化5.1%，若有亏损由我司来自行承担。{WEALTH}", "ADV001", True),
        (f"【澄浦财富】澄浦安享2号年化5.1%，亏了由澄浦信托自行承担。{WEALTH}", "ADV001", True),
        # the investor bears it: the disclosure it was written for
        (f"【澄浦财富】澄浦安享2号业绩比较基准5.1%，投资风险由投资人自行承担。{WEALTH}", "ADV001", False),
        # a promise right after the recipient's own subscription
        (f"【澄浦财富】您申购的澄浦安享2号保证不亏，年化5.1%。{WEALTH}", "ADV001", True),
        ("【澄浦银行】您申购的澄浦安享2号已确认份额，可登录手机银行查看。", "ADV001", False),
        # a nil loss or default rate, and a small one written with decimals
        (f"【澄浦财富】澄浦安享2号，违约率0.00%，业绩比较基准5.1%。{WEALTH}", "ADV001", True),
        (f"【澄浦财富】澄浦安享2号，逾期率为0，业绩比较基准5.1%。{WEALTH}", "ADV001", True),
        (f"【澄浦财富】澄浦安享2号，历史违约率0.5%，业绩比较基准5.1%。{WEALTH}", "ADV001", False),
        (f"【澄浦财富】澄浦安享2号，底层资产违约率为0.02%，业绩比较基准5.1%。{WEALTH}", "ADV001", False),
        (f"【澄浦财富】澄浦安享2号，亏损概率：0.3%，业绩比较基准5.1%。{WEALTH}", "ADV001", False),
    ],
)
def test_voided_exemptions_and_nil_figures(checker: Checker, text: str, code: str, fires: bool) -> None:
    assert (code in error_codes(checker, text)) is fires
