"""Classes from c106's development third (drafts_fresh48), tested in other words: the
principal promised back "in full" said with any adverb of completeness and any verb of
return (如数退还, 足额归还, 悉数返还 …), and a fixed payout per period on a lump sum put in
(预交5万元入会，每月固定返还500元) read as the return it is.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


@pytest.mark.parametrize(
    "text",
    [
        "【安禾财富】安禾月享计划1万元起投，两年后本金如数退还。回T退订",
        "【安禾财富】安禾月享计划1万元起投，期满本息悉数返还。回T退订",
        "【安禾财富】安禾月享计划1万元起投，到期本金足额退还。回T退订",
    ],
)
def test_principal_back_in_full(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【安禾康养】存入10万元成为康养会员，每季度固定派发3000元。回T退订",
        "【安禾康养】一次性投入20万元，每年稳定领取2.4万元。回T退订",
    ],
)
def test_payout_per_period_on_a_lump_sum(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a loan's repayment, a pension plan's periodic premium, a deposit's own figure reported
        "【安禾银行】借款5万元，每月还款4400元，年化利率（单利）10.5%。回T退订",
        "【安禾人寿】每年交1万元，交满10年，60岁起每月领取2000元养老金。保险产品非存款。回T退订",
        "【安禾银行】您的理财产品已到期，本金及收益已足额返还至您尾号3307的账户。",
        "【安禾消金】您的借款将于12月20日到期，届时本金须足额偿还，请提前存入。",
        "【安禾康养】存入1万元成为会员，每月可领取价值50元的体检券。回T退订",
    ],
)
def test_no_false_error(checker: Checker, text: str) -> None:
    codes = error_codes(checker, text)
    assert "PRO007" not in codes and "ADV001" not in codes
