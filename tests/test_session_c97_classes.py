"""Classes from an independent writer's development third (drafts_fresh42, c97: securities,
funds and wealth management in a volatile market), each tested here in other words:

* a figure said to come steadily (稳稳/妥妥 + 个点) is a guaranteed return;
* a gain over a sum said with 多拿/赚 (1万块一年多赚1800) is a stated return;
* a wager on not losing across a comma (要是亏了，我请大家喝奶茶);
* KOL endorsements (财经KOL纷纷力挺);
* kind: a product wound up (提前终止…清算) and a regulator's warning naming a breach (不得承诺…涉嫌违规)
  are notices.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


def test_figure_said_to_come_steadily(checker: Checker) -> None:
    text = "【嘉恒财富】嘉恒月月盈，每个月稳稳1.5个点到手，5万起投。投资有风险。回T退订"
    assert "ADV001" in error_codes(checker, text)


def test_gain_over_a_sum_said_with_more(checker: Checker) -> None:
    text = "【嘉恒宝】嘉恒宝新客专享，2万块一年多赚3000，随存随取。理财有风险，投资须谨慎。回T退订"
    assert "PRO007" in error_codes(checker, text)


def test_wager_across_a_comma(checker: Checker) -> None:
    text = "【嘉恒财富】嘉恒优选走稳健路线，要是亏了，我请大家喝奶茶！年化5%。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "ADV001" in error_codes(checker, text)


def test_kol_endorsement(checker: Checker) -> None:
    text = "【嘉恒基金】财经KOL纷纷力挺的嘉恒科技先锋今日发售。基金有风险，投资须谨慎。回T退订"
    assert "ADV004" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【嘉恒理财】嘉恒稳健2号因规模持续低于下限，管理人决定于1月15日提前终止，终止后按说明书清算分配。",
        "【证券业协会】提示：证券公司员工不得承诺收益，凡承诺“稳赚”的荐股行为均涉嫌违规，可向监管部门投诉。",
    ],
)
def test_notices_of_winding_up_and_breaches(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind == "service", r.kind_reason
    assert r.verdict == "pass", [(f.code, f.severity) for f in r.findings]


def test_gain_over_a_sum_asked_and_answered(checker: Checker) -> None:
    """c96: 十万块放一年能赚多少？一万二 — the answer states the return; half a year is a term."""
    text = "【嘉恒财富】嘉恒优选，二十万放一年能赚多少？两万四，到期一次结清。投资有风险。回T退订"
    assert "PRO007" in error_codes(checker, text)
    text = "【嘉恒财富】嘉恒优选，五万块放半年能赚多少？答：三千。投资有风险。回T退订"
    assert "PRO007" in error_codes(checker, text)
