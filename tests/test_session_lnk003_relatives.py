"""LNK003 gaps from the development thirds of earlier red teams (rt100, rt102), tested in
other words: relatives named otherwise (亲戚, 长辈, 家里老人) as the audience of a recommendation
or as the ones whose account opening pays the recipient, and a referral made by having the
new customer enter the recipient's phone number or code, with a reward to the recipient.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import load_settings
from tests.judgment_asserts import error_codes


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_settings())


@pytest.mark.parametrize(
    "text",
    [
        "【沅江银行】推荐长辈来沅江银行办卡，成功后您的奖励为30元。回T退订",
        "【沅江银行】家里老人来开户，您就得20元话费。回T退订",
        "【沅江银行】新客户开户时填写您的手机号作为推荐人，您即可获得40元奖励。回T退订",
    ],
)
def test_relatives_and_codes_for_a_reward(checker: Checker, text: str) -> None:
    assert "LNK003" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【沅江银行】开户时请填写您的手机号，用于接收交易提醒。",
        "【沅江银行】家里老人办理业务请本人携带身份证到网点。",
        "【沅江银行】请勿将您的推荐码、验证码告诉他人。",
    ],
)
def test_no_reward_no_inducement(checker: Checker, text: str) -> None:
    assert "LNK003" not in error_codes(checker, text)
