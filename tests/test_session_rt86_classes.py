"""Classes a code-reading red team (rt86, redteam_session68) found in this session's first
commit, and an independent writer's (c96, drafts_fresh41) development classes, each tested
here in other words:

* scopes: a tip joined to a threat by a comma lifts nothing outside its clause
  (``term_context_clause``); a pledge of something else does not spare the family's threat;
  the holder's own use of a password at a counter is voided by someone else taking it
  (``term_context_void``); an operation word beside a market-proof promise excuses nothing;
* an exempt phrase inside a context word (保险 of 存款保险) does not hide the word;
* a "not me" line with a handing-over verb or a taker still asks for the code, while a reply
  code (回复1冻结) does not;
* a warning affirmed then turned into a pitch, scorned in other words, or waved off as a
  formality warns of nothing; a warning shape is voided like a listed wording;
* yes/no answers in idioms (把心放肚子里, 怎么可能); a deposit's own principal and safety
  FAQs are no guarantee; a channel's security FAQ is no product claim;
* c96: an old price said to end, any hospital stay paid, peers' ranking said as 排头一位, the
  state said to pay a loss.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.checker.rulespec import RuleSpec
from tests.judgment_asserts import MINIMAL_RULE, error_codes, flagged_codes


# ----------------------------------------------------------------------------- scopes
def test_tip_joined_by_a_comma_lifts_no_threat(checker: Checker) -> None:
    text = "【快借宝】您的借款已逾期45天，我司已申请公安机关介入，如遇冒名催收请报警。"
    assert "COL001" in error_codes(checker, text)


def test_pledge_of_something_else_spares_no_threat(checker: Checker) -> None:
    text = "【快借宝】您的借款已逾期9天，我司承诺不上门，但为了不连累您的同事，请今天还清。"
    assert "COL001" in error_codes(checker, text)
    text = "【快借宝】您的借款已逾期9天，我司承诺不打扰您的同事，请尽快还款。"
    assert "COL001" not in flagged_codes(checker, text)


def test_password_taken_by_someone_else_voids_the_counter(checker: Checker) -> None:
    text = "【宏远银行】您的账户已被限制，请准备好交易密码，我行专员将上门陪同您到网点办理。"
    assert "PRV003" in error_codes(checker, text)
    text = "【宏远银行】您已预约明日到城东网点办理密码重置。届时请准备好取款密码及身份证原件。"
    assert "PRV003" not in flagged_codes(checker, text)


def test_operation_word_excuses_no_market_proof_promise(checker: Checker) -> None:
    text = "【宏远基金】宏远稳健A已完成系统升级，不管行情怎么走，本金都不会受到任何影响，追加申购享优惠！基金有风险，投资须谨慎。回T退订"
    assert "ADV001" in error_codes(checker, text)


def test_unknown_scope_group_is_rejected() -> None:
    base = {
        **MINIMAL_RULE,
        "terms": ["甲乙"],
        "term_context": {"known": ["丙"]},
    }
    for key in ("term_context_clause", "term_context_void"):
        RuleSpec.model_validate({**base, key: {"known": ["丁"]}})
        with pytest.raises(ValueError, match=key):
            RuleSpec.model_validate({**base, key: {"misspelt": ["丁"]}})


def test_exempt_phrase_inside_a_context_word_does_not_hide_it(checker: Checker) -> None:
    text = "【宏远银行】“季季存”两年期年利率2.1%，高于同期定期存款，存满两年利息至少2.1%，受存款保险保护。回T退订"
    assert "ADV001" not in error_codes(checker, text)


# ----------------------------------------------------------------------------- secrets
@pytest.mark.parametrize(
    "text",
    [
        "【宏远银行】您的网银正在异地登录，动态码已发送，若非本人操作，请回复给我们以便冻结。",
        "【宏远银行】您的卡片正在申请挂失，验证码已发送，如非本人操作，请把它报给客服专员。",
    ],
)
def test_not_me_line_that_hands_the_code_over(checker: Checker, text: str) -> None:
    assert "PRV003" in error_codes(checker, text)


def test_not_me_line_with_a_reply_code(checker: Checker) -> None:
    text = "【宏远银行】您的支付密码已修改成功，如非本人操作，请回复1冻结账户。"
    assert "PRV003" not in flagged_codes(checker, text)


# ----------------------------------------------------------------------------- warnings
@pytest.mark.parametrize(
    "text",
    [
        "【宏远基金】宏远优选混合火热认购中。投资有风险？是的，所以更要挑去年涨得多的。回T退订",
        "【宏远基金】宏远优选混合今日发售，别被“基金有风险”这四个字吓跑，越跌越要买。回T退订",
        "【宏远基金】宏远优选混合今日发售，“基金有风险，投资须谨慎”不过是走个过场，10元起购。回T退订",
    ],
)
def test_warning_turned_scorned_or_waved_off(checker: Checker, text: str) -> None:
    assert "ADV003" in error_codes(checker, text)


def test_warning_affirmed_with_caution_stands(checker: Checker) -> None:
    text = "【宏远基金】宏远优选混合今日发售。投资有风险？是的，但请根据风险承受能力理性选择。回T退订"
    assert "ADV003" not in error_codes(checker, text)


# ----------------------------------------------------------------------------- answers
@pytest.mark.parametrize(
    "text",
    [
        "【宏远财富】宏远安享理财稳不稳？您把心放肚子里，5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【宏远财富】问：宏远安享理财会不保本吗？答：哪能呢。5万元起购。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_idiomatic_answers_assert_safety(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【宏远银行】大额存单提前支取，本金能拿回吗？能，利息按活期计。详询网点。回T退订",
        "【宏远银行】定期存款到期自动转存，需要担心亏损吗？不需要，存款受《存款保险条例》保护。",
        "【宏远银行】财富卡客户：手机银行转账安全吗？放心，大额转账均需人脸识别。回T退订",
    ],
)
def test_deposit_and_channel_faqs_are_no_guarantee(checker: Checker, text: str) -> None:
    assert "ADV001" not in error_codes(checker, text)


# ----------------------------------------------------------------------------- c96
def test_old_price_said_to_end(checker: Checker) -> None:
    text = "【宏远人寿】宏远安心重疾险老费率月底就没了，想按现价投保请抓紧，条款见 https://www.hongyuan-life.com 回T退订"
    assert "ADV007" in error_codes(checker, text)


def test_any_hospital_stay_paid(checker: Checker) -> None:
    text = (
        "【宏远保险】只要住院，不管什么病，宏远百万医疗统统给报，条款见 https://www.hongyuan-ins.com 回T退订"
    )
    assert "ADV009" in error_codes(checker, text)


def test_ranking_said_as_first_place(checker: Checker) -> None:
    text = "【宏远银行】同期限的大额存单里，我行利率在全市排头一位，20万起存。回T退订"
    assert "ADV002" in error_codes(checker, text)
    text = "【宏远基金】本基金近一年收益率在同类200只中排名第12位。基金有风险，投资须谨慎。回T退订"
    assert "ADV002" not in error_codes(checker, text)


def test_state_said_to_pay_a_loss(checker: Checker) -> None:
    text = "【宏远财富】宏远尊享理财跟存款一样有保障，出了问题由国家赔付。理财有风险。回T退订"
    assert "ADV005" in error_codes(checker, text)
