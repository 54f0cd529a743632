"""Classes from a red team of this session's whole diff (rt88, redteam_session70) and an
independent writer's development third (c98, drafts_fresh43: consumer credit, collection and
personal data), each tested here in other words:

* a risk warning asked with 吗 and turned into a pitch; a caution must advise the reader
  (请/建议…), not borrow its words for the pitch; regulator-required wording is no dismissal;
* scoffing "no" answers (不存在的, 绝无可能, 怎么可能呢) to a negative question, A-not-A
  included, but never an A-not-A whose own middle is the negation (有没有稳赚不赔的？没有);
* 拿回 a share of the amount invested is a return; only a share of a cost got back is not;
* a denial that hangs on a condition before or after it (只要今晚还清，我们保证不去您单位);
* a yes answer to the asked claim asserts it (都能报？答：对);
* void words: sentence-scoped for a counter's own use, never when left out or an aside;
  exceptions left out (基金投资不在保障范围内) void nothing;
* c98: a debtor's relatives told or to be visited, police threats recast as 骗贷/经侦,
  someone else's request warned of is no request.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, flagged_codes


@pytest.mark.parametrize(
    "text",
    [
        "【安和基金】安和成长混合，基金有风险吗？有，但长期持有就能熬过去，现在上车正当时。回T退订",
        "【安和基金】安和成长混合今日开售。投资有风险吗？当然，不过只要理性投资跟着经理走，收益不用愁。回T退订",
    ],
)
def test_warning_asked_with_ma_and_turned(checker: Checker, text: str) -> None:
    assert "ADV003" in error_codes(checker, text)


def test_regulator_required_wording_is_no_dismissal(checker: Checker) -> None:
    text = "【安和基金】安和稳健债券今日发售。基金有风险，投资须谨慎（监管要求必须向您提示）。回T退订"
    assert "ADV003" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【安和财富】安和安盈宝到期会不保本吗？绝无可能！年化4%，5万起投。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【安和财富】安和安盈宝会不会不保本？不存在的。年化4%。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_scoffing_no_to_a_negative_question(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


def test_a_not_a_that_is_the_negation_still_denies(checker: Checker) -> None:
    text = "【安和银行】投资者教育：有没有稳赚不赔的理财？没有！凡是承诺稳赚不赔的都是骗局。"
    assert "ADV001" not in error_codes(checker, text)


def test_share_of_the_amount_invested_is_a_return(checker: Checker) -> None:
    text = "【安和财富】安和月月盈，每月可拿回本金的1.2%作为收益。理财非存款，产品有风险，投资须谨慎。回T退订"
    assert "PRO007" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【快借宝】您已逾期36天。只要明早前还清，我们保证不联系您的同事。",
        "【快借宝】您的借款已逾期22天，我司可以不上门，但必须今晚还清。",
    ],
)
def test_denial_hanging_on_a_condition(checker: Checker, text: str) -> None:
    assert "COL001" in error_codes(checker, text)


def test_yes_to_the_asked_claim(checker: Checker) -> None:
    text = (
        "【安和保险】只要住院都能报？答：对，安和百万医疗一年只要199元。详见 https://www.anhe-ins.com 回T退订"
    )
    assert "ADV009" in error_codes(checker, text)


def test_void_words_left_out_or_aside(checker: Checker) -> None:
    text = "【安和钱包】您已开通账户安全保障，如因被盗刷产生损失，由平台全额赔付。注：基金等投资产品的亏损不属于保障范围。"
    assert "ADV001" not in error_codes(checker, text)
    text = (
        "【安和银行】您预约的大额取现请明日到网点柜台办理，请准备好取款密码，如需改约可与您的客户经理联系。"
    )
    assert "PRV003" not in flagged_codes(checker, text)


def test_code_sent_back_with_a_reply_code(checker: Checker) -> None:
    text = "【安和银行】您的验证码为551902。若非本人操作，请回复1，并把刚收到的数字也回过来，以便冻结。"
    assert "PRV003" in error_codes(checker, text)


# ----------------------------------------------------------------------------- c98
@pytest.mark.parametrize(
    "text",
    [
        "【信达资产】你的事我们已经跟你爸妈说过了，自己看着办。",
        "【速借达】你这属于骗贷，经侦的人过几天就去找你。",
    ],
)
def test_relatives_told_and_police_recast(checker: Checker, text: str) -> None:
    assert "COL001" in error_codes(checker, text)


def test_someone_elses_request_warned_of(checker: Checker) -> None:
    text = "【安和消费金融】提醒：若有人要求您提供银行卡密码或短信验证码，请立即挂断并报警。"
    assert "PRV003" not in error_codes(checker, text)


def test_digital_yuan_is_no_digits_of_a_code(checker: Checker) -> None:
    """数字 in 数字人民币 is no secret: the bare 将数字/把数字 were tried and removed."""
    text = "【安和银行】数字人民币红包来了，请将数字人民币红包发给好友一起领。回T退订"
    assert "PRV003" not in flagged_codes(checker, text)
