"""PRO007: a boost named after its figure (新客再享4%加息) is added to the rate before it — the
pattern that reads the boost word after the figure was anchored with ``^`` and matched at the
figure's end, where ``^`` never holds, so the form was never read; money held or put in (持有5万元,
放一万) with a payout per period implies a rate; lending (放款) is no principal."""

from __future__ import annotations

import pytest

from assistant.checker.detectors import returns
from assistant.checker.engine import Checker
from tests.judgment_asserts import WEALTH, error_codes


def test_the_boost_word_is_read_at_the_figures_end() -> None:
    view = "年化5.2%,新客再享4%加息"
    assert returns._BOOST_AFTER_RE.match(view, view.index("加息")) is not None


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (f"【滨川理财】滨川周周享年化5.0%，新客再享3.5%加息。{WEALTH}", True),
        (f"【滨川理财】滨川周周享年化3.0%，新客再享1%加息。{WEALTH}", False),
        (f"【滨川理财】滨川月享2号，持有10万元，每月稳定派发800元。{WEALTH}", True),
        (f"【滨川理财】滨川稳盈，放两万，一年拿两千。{WEALTH}", True),
        ("【滨川消金】放款5万元，分12期，每月还款4600元，年化利率（单利）19%。回T退订", False),
        ("【滨川基金】您持有5万元滨川货币基金，本月收益110元已到账。", False),
    ],
)
def test_rates(checker: Checker, text: str, fires: bool) -> None:
    assert ("PRO007" in error_codes(checker, text)) is fires, text
