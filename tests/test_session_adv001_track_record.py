"""ADV001: a track record said to be certain (往期产品均足额兑付，请放心) is a guarantee in the past
tense; a sum paid in said to come back to the cent (到期5万一分不少返还) is a principal promise;
a cooling-off refund (犹豫期内退保全额退还) and a product range described without a record are not."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import WEALTH, error_codes


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (f"【滨川银行】滨川稳享系列往期产品均足额兑付，请放心认购。{WEALTH}", True),
        (f"【滨川银行】滨川稳享过往产品全部达到业绩比较基准，欢迎认购。{WEALTH}", True),
        ("【滨川康养】康养会员一次存5万，每季度领红包，到期5万一分不少返还。回T退订", True),
        ("【滨川人寿】犹豫期内退保，保费全额退还。", False),
        (f"【滨川银行】滨川稳享系列为净值型产品，业绩比较基准3.0%，欢迎认购。{WEALTH}", False),
    ],
)
def test_track_record_and_sum_back(checker: Checker, text: str, fires: bool) -> None:
    assert ("ADV001" in error_codes(checker, text)) is fires, text
