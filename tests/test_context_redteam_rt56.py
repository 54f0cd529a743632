"""Red team rt56 of the retraction, answered-no, 将/把 and complaint mechanisms: the classes
it found, in new words.  Each pair shows the mechanism's line: what it clears and what it
must not clear."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _severity(checker: Checker, text: str, code: str) -> str | None:
    return {f.code: f.severity for f in checker.check(text).findings}.get(code)


def test_a_correction_that_betters_the_claim_restates_it(checker: Checker) -> None:
    upward = "【松岩财富】关于您反映的问题：客户经理称松岩1号“年化收益9.5%”，该说法不准确。实际上，松岩1号的收益远不止这个数。"
    assert _severity(checker, upward, "PRO007") == "error"
    denied = "【松岩财富】关于您反映的问题：客户经理称松岩1号“年化收益9.5%”，该说法不准确。实际上，理财产品不承诺收益。"
    assert _severity(checker, denied, "PRO007") is None


def test_a_rhetorical_word_counts_only_in_the_questions_own_clause(checker: Checker) -> None:
    """只有…才 in an earlier clause does not make the later question rhetorical: never an
    error.  In an education message that offers nothing, the A-not-A answered "no" is a
    denial (rt82); a sale after the "no" makes it a foil."""
    text = "【松岩理财】投资者教育：只有高风险才可能有高收益，有没有保本的理财？没有。"
    assert _severity(checker, text, "ADV001") is None
    offered = "【松岩理财】只有高风险才可能有高收益，有没有保本的理财？没有。松岩稳盈1万起投。"
    assert _severity(checker, offered, "ADV001") == "error"


def test_a_loss_asked_and_answered_no_is_the_no_loss_claim(checker: Checker) -> None:
    text = "【松岩基金】松岩成长基金成立以来有没有亏过？没有。基金有风险，投资须谨慎。回T退订"
    assert _severity(checker, text, "ADV001") == "error"


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("【松岩银行】请勿将验证码告诉他人，我行专员上门核实时可以告诉专员。", True),
        ("【松岩银行】账户升级：验证码到了以后，麻烦发到专员的企业微信上完成核验。", True),
        ("【松岩银行】请勿将验证码告诉任何人，告诉我们的工作人员也不行。", False),
        ("【松岩银行】请勿将短信验证码转发给他人，如需挂失，回复GS就可以。", False),
    ],
)
def test_a_secret_asked_for_again_or_not(checker: Checker, text: str, asked: bool) -> None:
    assert (_severity(checker, text, "PRV003") == "error") is asked


@pytest.mark.parametrize(
    "text",
    [
        "【松岩银行】您好，我行“保本保息”的鑫享1号本周仍有额度，可联系客户经理办理。",
        "【松岩银行】您认购的“稳赚不赔”鑫享1号已于今日起息。",
    ],
)
def test_a_quote_the_sender_or_the_recipients_own_act_owns_is_the_claim(checker: Checker, text: str) -> None:
    assert _severity(checker, text, "ADV001") == "error"


def test_a_quote_in_a_complaint_reply_stays_a_review(checker: Checker) -> None:
    text = "【松岩银行】您反映的“保本保息”宣传问题，我行已核实并对相关人员问责。"
    assert _severity(checker, text, "ADV001") != "error"


def test_a_believed_object_said_as_taken_for_is_warned_off(checker: Checker) -> None:
    text = "【松岩银行】千万不要把陌生人推荐的年化30%的养老投资项目当成靠谱机会，谨防养老诈骗。"
    assert not {f.code for f in checker.check(text).findings if f.severity == "error"}


def test_a_denied_call_to_act_is_no_marketing_evidence(checker: Checker) -> None:
    text = "【松岩人寿】关于您反映的问题深表歉意：代理人曾称福满堂年金险“月底停售”，该说法错误，该产品无停售计划，您无需尽快投保。"
    r = checker.check(text)
    assert r.kind != "marketing", r.kind_reason
    assert r.verdict != "fail"


def test_erasure_of_a_named_own_record_is_no_offer_but_an_agents_is(checker: Checker) -> None:
    own = "【松岩银行】经核实系我行系统差错，我行将帮您删除该笔逾期记录，并报送征信更正。"
    assert _severity(checker, own, "PRO008") is None
    agent = "【信用帮】专业团队帮您消除逾期记录的影响，3天见效，详询微信xy1234。回T退订"
    assert _severity(checker, agent, "PRO008") == "error"


@pytest.mark.parametrize(
    "text",
    [
        "【宜贷】您的借款已逾期45天，今日未还款，系统将自动向您的家人、同事发送代付链接。",
        "【宜贷】你的欠款已逾期60天，律师明天会去你单位当面沟通。",
    ],
)
def test_collection_pressure_in_new_words(checker: Checker, text: str) -> None:
    assert _severity(checker, text, "COL001") == "error"


def test_a_denial_asked_then_made_good_is_the_claim(checker: Checker) -> None:
    """别家不保证稳赚不赔？我们保证！: the negation ends a question the next words answer by
    affirming the denied verb, so it denies nothing."""
    text = "【松岩财富】别家不保证稳赚不赔？我们保证！松岩稳享1号。回T退订"
    assert _severity(checker, text, "ADV001") == "error"
    plain = "【松岩银行】理财产品不承诺稳赚不赔，请理性投资。"
    assert _severity(checker, plain, "ADV001") is None


def test_an_exempt_denial_asked_then_made_good_no_longer_exempts(checker: Checker) -> None:
    """不承诺保本？我们承诺！: the rule's exempt phrase (不承诺保本) is a foil here, so the claim
    is found; 理财不承诺保本？是的，…均不承诺保本 keeps the exemption."""
    assert _severity(checker, "【松岩财富】不承诺保本？我们承诺！松岩稳享1号。回T退订", "ADV001") == "error"
    assert _severity(checker, "【松岩银行】理财不承诺保本？是的，理财产品均不承诺保本。", "ADV001") is None
