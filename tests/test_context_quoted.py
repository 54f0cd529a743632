"""A claim in quotation marks, in a message that sells nothing (its kind is not marketing and
it has no opt-out), is most likely someone else's words mentioned: a warning for review,
never a silent pass and never an error.  A sale anywhere makes it the sender's own claim;
so do a title won (荣获“…”), a rumour confirmed (…经核实属实) and strict checks of model
output.  (Reviewer set c70: lawful complaint replies, rumour denials and corrections quoting
claims were errors.)"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _severity(checker: Checker, text: str, code: str, **kw: object) -> str | None:
    found = [f.severity for f in checker.check(text, **kw).findings if f.code == code]  # type: ignore[arg-type]
    return found[0] if found else None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "【岚山银行】近日有客户反映，网点外有人散发“岚山银行理财保本保息”传单，请以本行官方渠道信息为准。",
            "ADV001",
        ),
        (
            "【岚山基金】您反映的问题已收到：有人转发“某知名经济学家力荐岚山新能源”的视频，请以本公司官网公告为准。",
            "ADV004",
        ),
    ],
)
def test_a_quoted_claim_in_a_message_that_sells_nothing_is_reviewed(
    checker: Checker, text: str, code: str
) -> None:
    r = checker.check(text)
    assert r.kind != "marketing", r.kind_reason
    assert _severity(checker, text, code) == "warning", r.findings
    f = next(f for f in r.findings if f.code == code)
    assert any(e.cue == "引号" and e.effect == "downgraded" for e in f.context)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a sale in the message: the quoted words are its own
        ("【岚山银行】岚山鑫享1号“保本保息”，1万起购，年化4.5%。回T退订", "ADV001"),
        # a title won, a rumour confirmed
        ("【岚山银行】岚山银行荣获“2026年度最佳零售银行”，感谢您一路相伴！", "ADV002"),
        ("【岚山投资】网传“明日涨停代码免费领”一事，经核实属实。", "PRO001"),
    ],
)
def test_a_quoted_claim_the_sender_owns_is_still_an_error(checker: Checker, text: str, code: str) -> None:
    assert _severity(checker, text, code) == "error", checker.check(text).findings


def test_model_output_gets_no_benefit_of_the_doubt(checker: Checker) -> None:
    text = "【岚山银行】近日有客户反映，网点外有人散发“岚山银行理财保本保息”传单，请以本行官方渠道信息为准。"
    assert _severity(checker, text, "ADV001", strict=True) == "error"


def test_a_saying_named_as_a_topic_is_reviewed_not_counted_as_a_sale() -> None:
    """关于“稳赚不赔”的说法，投资者需理性看待: the saying is discussed, so it is no evidence that the
    message sells and, in a message that sells nothing, a warning; the sender's own sale after the
    same opening is still an error."""
    checker = Checker()
    edu = checker.check("【明德银行】关于“稳赚不赔”的说法，投资者需理性看待：任何投资都有风险。")
    assert edu.kind != "marketing", edu.kind_reason
    assert {f.code: f.severity for f in edu.findings}.get("ADV001") == "warning"
    sale = checker.check("【明德银行】关于“稳赚不赔”的说法，我们用实力证明：明德稳盈1号，1万起购。回T退订")
    assert {f.code: f.severity for f in sale.findings}.get("ADV001") == "error"
