"""A fraud actor named in one sentence and their words reported in the next, opened by a pronoun
(近期有人冒充我行员工…。他们承诺保本保息…): the claim is the actor's, reported, in that clause
only; the sender's own claim after it (…，稳盈1号确实保本保息) still fails."""

from __future__ import annotations

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes


def test_the_actors_words_reported_in_the_next_sentence(checker: Checker) -> None:
    warning = "【滨川银行】近期有不法分子冒充我行客户经理添加客户微信。他们承诺保本保息、年化12%。请勿相信。"
    assert "ADV001" not in error_codes(checker, warning)
    pitched = "【滨川银行】近期有人冒充我行员工。他们说的没错，滨川稳盈确实保本保息，欢迎购买。回T退订"
    assert "ADV001" in error_codes(checker, pitched)
