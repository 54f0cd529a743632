"""A contact line that names the details it answers (收益明细详询客户经理, 保全服务详询95519) points
the recipient to their own matter: no pitch, so a maturity or policy notice ending with one stays a
notice; a product named before a bare 详询 is still pitched."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("【滨川银行】您认购的滨川金选60天已于5月8日到期，本息已到账，收益明细详询客户经理。", "service"),
        ("【滨川人寿】您的保单已于4月1日生效，退保、减保等保全服务请详询95519。", "service"),
        (
            "【滨川银行】滨川稳享3号理财产品详询客户经理。理财非存款，产品有风险，投资须谨慎。回T退订",
            "marketing",
        ),
    ],
)
def test_details_before_a_contact_word(checker: Checker, text: str, kind: str) -> None:
    assert checker.check(text).kind == kind, text


def test_a_contact_line_after_a_question_is_no_promotion(checker: Checker) -> None:
    """有问题可随时联系 tells where to ask; it is no call to buy (an FE of OPT001 in rt62's dev third)."""
    r = checker.check("【滨川银行】您好，您的客户经理赵经理将为您服务，有问题可随时联系。")
    assert r.kind != "marketing"
    pitch = checker.check(
        "【滨川银行】滨川稳享年化3.2%，欢迎随时联系客户经理。理财非存款，产品有风险，投资须谨慎。"
    )
    assert pitch.kind == "marketing"
