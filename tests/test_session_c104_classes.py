"""Classes from the development third of an independent writer's set (c104, drafts_fresh47:
card centres, consumer finance and payment traffic), tested here in other words: a quoted
product name after the sender's brand is checked against the profile's list (and a listed
one in quotes is the listed one), and agents' offers quoted and called a trick are no offer.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import load_settings
from assistant.profile import load_profile
from tests.judgment_asserts import error_codes, flagged_codes

WARN = "理财非存款，产品有风险，投资须谨慎。回T退订"


@pytest.fixture(scope="module")
def bank() -> Checker:
    return Checker(load_settings(), load_profile("knowledge/profiles/example-bank.toml"))


def test_quoted_name_after_the_brand_is_checked(bank: Checker) -> None:
    text = f"【明德银行】明德“锦程稳享”理财，业绩比较基准2.9%（业绩比较基准不代表未来表现和实际收益）。{WARN}"
    assert "PRO006" in error_codes(bank, text)


@pytest.mark.parametrize(
    "text",
    [
        f"【明德银行】明德“月月盈”理财本周开放申购，业绩比较基准2.6%（业绩比较基准不代表未来表现和实际收益）。{WARN}",
        "【明德银行】明德“金秋有礼”活动火热进行中，详询95588。回T退订",
    ],
)
def test_listed_name_in_quotes_or_a_campaign_is_not_unlisted(bank: Checker, text: str) -> None:
    assert "PRO006" not in error_codes(bank, text)


def test_agents_offers_called_a_trick_are_no_offer() -> None:
    checker = Checker(load_settings())
    text = "【青岚银行】提醒：“代办大额信用卡”“包装流水包下款”都是贷款套路，本行从未委托任何中介。"
    assert "PRO008" not in flagged_codes(checker, text)
