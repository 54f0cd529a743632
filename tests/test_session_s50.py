"""Session of 2026-12-06 from 16:18: judgment classes from the development thirds of the sets
written this session, each written here in words of its own with the wording beside it that must
stay as it is.

- a determined sender's near variants of last session's words (named by red team rt180, written
  here before any run): a rank in slang after the peers (领头羊, 独一档), late payments waved off
  in other verbs (迟交过…不碍事), a message copied back word for word (一字不差抄下来回复).
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


# ------------------------------------------------- a determined sender's near variants (rt180)
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【青禾消费金融】青禾易贷年化利率（单利）7.2%-15.4%，在本地同行里绝对是领头羊。回T退订", "ADV002"),
        ("【青禾银行】青禾大额存单年利率2.15%，在全市银行里独一档。回T退订", "ADV002"),
        ("【青禾消费金融】青禾贷年化利率（单利）7.2%-18%，以前迟交过几回也不碍事。回T退订", "DIS003"),
        ("【青禾银行】稍后会发您一条核对短信，请把这条短信一字不差抄下来回复给专员小刘。", "PRV003"),
    ],
)
def test_near_variants_of_a_determined_senders_words_are_read(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【青禾基金】上周市场回顾：新能源板块领头羊本周领涨，科技板块有所回调。基金有风险，投资须谨慎。回T退订",
            "ADV002",
        ),
        ("【青禾银行】您上月迟交过一次，已产生逾期记录，请按时还款，以免影响征信。", "DIS003"),
        ("【青禾银行】开户时请一字不差抄写风险揭示书中的确认语句，并本人签名。", "PRV003"),
        ("【青禾保险】投保时请一字不差地填写被保险人姓名，与身份证件一致。", "PRV003"),
        ("【青禾银行】收到可疑短信，可将诈骗短信一字不差转发至12321举报。", "PRV003"),
    ],
)
def test_their_everyday_neighbours_stay_clear(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


# ------------------------------------------------- a parenthesis inside the reader's own object
# A notice names who provides the reader's service in an aside before saying what is due
# (您通过…使用的“月付”服务（由…消费金融提供资金）本期账单…将于…到期): the aside is part of the
# reader's own object, not a gap that breaks it (drafts_fresh89's development third).
@pytest.mark.parametrize(
    "text",
    [
        "【青禾支付】您通过青禾钱包开通的“先享后付”服务（由青禾消费金融提供资金）本期账单320.50元将于8月10日到期，可在App一键还款。",
        "【青禾银行】您尾号2231（工资卡）的借记卡将于9月30日到期，请携带身份证到网点换领新卡。",
    ],
)
def test_an_aside_inside_the_readers_own_object_keeps_it_a_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert not [f for f in result.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize(
    "text",
    [
        "【青禾支付】您的“月付”服务（新客首月免息，立即开通）最高可用额度5000元，点击开通。",
        "【青禾消费金融】您的专属（限时）借款额度已备好，日利率低至0.02%，立即申请。",
    ],
)
def test_an_offer_in_the_aside_is_still_an_offer(checker: Checker, text: str) -> None:
    assert checker.check(text).kind != "service"
