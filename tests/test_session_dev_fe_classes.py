"""False errors on compliant development drafts, fixed by mechanism and tested in other words:

* a payout ratio with its scope in its own clause is the contract's term (社保范围内100%报销),
  but inside and outside the list alike is no scope;
* the thing claimed said to be gone (保本理财已成为历史) retracts the claim;
* a claim described as what some product or group says, with a warning against it
  (宣称保本的产品请勿购买), is a warning — never in a promotion, which such a line may front.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


def test_payout_ratio_with_its_scope(checker: Checker) -> None:
    text = "【瑞安人寿】瑞安意外险：意外医疗限医保目录内100%报销，单次限额1万元，保险期间1年。回T退订"
    assert "ADV009" not in error_codes(checker, text)
    text = "【瑞安人寿】瑞安百万医疗，医保目录内外都100%报销，详见www.ruian-life.com。回T退订"
    assert "ADV009" in error_codes(checker, text)


def test_claim_said_to_be_gone(checker: Checker) -> None:
    text = "【瑞安银行】投资者教育：资管新规实施后，刚性兑付的理财已成为历史，请根据风险承受能力选择产品。"
    assert "ADV001" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【瑞安银行】防骗提醒：请远离朋友圈里各种号称稳赚不赔、月收益10%的荐股群。",
        "【瑞安银行】投资者教育：打破刚兑后，宣称保本保收益的理财产品请勿购买。",
    ],
)
def test_claims_attributed_to_what_is_warned_against(checker: Checker, text: str) -> None:
    assert not {"ADV001", "PRO007"} & error_codes(checker, text)


def test_attributed_claim_fronting_a_pitch_still_fails(checker: Checker) -> None:
    text = "【瑞安财富】别信那些号称保本的理财产品，我们的瑞安稳享才是真保本，年化6%，1万起购。回T退订"
    assert "ADV001" in error_codes(checker, text)
