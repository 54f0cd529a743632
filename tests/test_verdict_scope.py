"""A verdict after a claim (…都是诈骗, 均为非法) refutes the claim only when it
judges the claim: when the sentence names the sender's critics in between (说我们是骗局的都不
可信), the verdict judges them and the claim stands.  A sender could otherwise append such a
sentence to any promise and pass silently.

The cases are written for the mechanism, in wording that is not in any rule's examples.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【聚丰宝】本金零损失，收益天天有，说我们是骗子的都不可信。回T退订", "ADV001"),
        ("【聚丰宝】稳稳的保本保息，网上那些说我们跑路的都是骗子。回T退订", "ADV001"),
        ("【聚丰宝】年化16%，稳赚不亏，谁说这是骗局的都是骗子。回T退订", "PRO007"),
        ("【聚丰宝】保本保息，网传我司暴雷的说法都不可信。回T退订", "ADV001"),
        ("【聚丰宝】只赚不赔，说会亏本的人都是同行在抹黑，请勿相信。回T退订", "ADV001"),
        ("【聚丰宝】国家兜底，本息无忧，质疑我们的都是骗子。回T退订", "ADV005"),
    ],
)
def test_a_verdict_on_the_critics_leaves_the_claim(checker: Checker, text: str, code: str) -> None:
    result = checker.check(text)
    errors = {f.code for f in result.findings if f.severity == "error"}
    assert code in errors, [(f.code, f.severity, f.evidence) for f in result.findings]
    assert result.verdict == "fail"


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】反诈提醒：凡是承诺“保本保息”的理财都是诈骗，请勿相信。",
        "【明德银行】近期有人宣称“国家兜底、稳赚不赔”，都是骗局，请勿轻信。",
        "【明德银行】提醒：凡是说“投资没有风险”“稳赚不赔”的都是诈骗。",
    ],
)
def test_a_verdict_on_the_claim_still_refutes_it(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert not [f for f in result.findings if f.severity == "error"], [
        (f.code, f.evidence) for f in result.findings
    ]
