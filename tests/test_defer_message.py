"""``defers_to_message``: when a message already fails for selling something unlawful (crypto,
spot metal, forex margin, stock tips, fund-raising), ADV003's missing risk warning is a
warning for review, not a second error; alone, it is still an error."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import Settings


@pytest.mark.parametrize(
    ("text", "banned"),
    [
        ("【链盈】以太坊质押理财，年化收益18%，小额起投。回T退订", "PRO003"),
        ("【福禄合作社】合作社内部认购原始股权，年分红15%，名额有限。回T退订", "PRO005"),
    ],
)
def test_a_banned_product_makes_the_missing_warning_a_review(
    checker: Checker, text: str, banned: str
) -> None:
    result = checker.check(text)
    by_code = {f.code: f for f in result.findings}
    assert by_code[banned].severity == "error", result.findings
    adv = [f for f in result.findings if f.code == "ADV003"]
    assert adv, result.findings
    assert all(f.severity == "warning" for f in adv)
    assert any(e.effect == "downgraded" and banned in e.reason for f in adv for e in f.context)
    assert result.verdict == "fail"


def test_alone_the_missing_warning_is_still_an_error(checker: Checker) -> None:
    result = checker.check("【明德基金】明德稳健债券A今日开放申购，近一年业绩稳健，1000元起购。回T退订")
    assert [f.severity for f in result.findings if f.code == "ADV003"] == ["error"]


def test_a_rule_switched_off_defers_nothing() -> None:
    checker = Checker(Settings(ignore=["PRO003"]))
    result = checker.check("【链盈】以太坊质押理财，年化收益18%，小额起投。回T退订")
    assert "error" in {f.severity for f in result.findings if f.code == "ADV003"}


def test_a_cash_out_agent_fails_for_what_it_sells_not_for_a_missing_apr(checker: Checker) -> None:
    """DIS001 defers to PRO008 (an illegal credit intermediary) in the same message: the APR of
    a cash-out scheme is a question for review, the scheme itself the failure."""
    result = checker.check(
        "【卡友之家】卡里额度用不出来？T+0帮您把额度变成现金，费率0.6起，全国可做。回T退订"
    )
    by_code = {f.code: f.severity for f in result.findings}
    assert by_code.get("PRO008") == "error", result.findings
    assert by_code.get("DIS001") == "warning", result.findings
    assert result.verdict == "fail"
    # a loan offer without APR and without an intermediary is still an error
    alone = checker.check("【捷贷】额度最高20万，当天放款，随借随还。回T退订")
    assert [f.severity for f in alone.findings if f.code == "DIS001"] == ["error"]
