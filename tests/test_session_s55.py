"""Session of 2026-12-06 from 23:48: judgment classes from the development thirds of the sets
written this session (writers f105–f108; red teams rt201, rt202), each written here in words of
its own with the wording beside it that must stay as it is.

- a violation read where it was missed: a Cantonese guarantee (只升唔跌, 冇得蝕), a reward for
  opening an account appended to a notice (现开通…可领20元: the notice is marketing);
- everyday wording the start code flagged: a need denied of two acts at once (不需要您先转账或提供
  验证码), quoted lures judged by a verdict after the quote list (“…，…”等均为骗局), 说法 read as
  a critic's saying, a card named 康养卡, an investment's daily accrual read as a loan's.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, found_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】岚桥积存金只升唔跌，买咗冇得蝕！1克起存。黄金投资有风险。回T退订", "ADV001"),
        ("【岚桥银行】岚桥积存金保证冇蝕本，1克起存。黄金投资有风险。回T退订", "ADV001"),
        ("【岚桥财富】岚桥金宝买了就没得亏，1000元起投。投资有风险。回T退订", "ADV001"),
    ],
)
def test_cantonese_guarantees_are_read(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_a_reward_for_opening_after_a_notice_makes_it_marketing(checker: Checker) -> None:
    text = "【岚桥银行】您尾号5521的账户于3月15日入账工资8,200.00元。现开通手机银行可领10元立减金，详询95566。"
    result = checker.check(text)
    assert result.kind == "marketing", result.kind_reason
    assert "OPT001" in error_codes(checker, text)


def test_a_reward_already_earned_is_not_an_offer_shape(checker: Checker) -> None:
    text = "【岚桥银行】您已开通手机银行，按活动规则可领10元话费券，已充值至您的手机。"
    assert checker.check(text).kind != "marketing"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚桥银行】防骗提醒：正规退款不需要您先转账或提供验证码，请直接挂断。", "PRV003"),
        ("【岚桥银行】温馨提示：办理业务不需要向本行工作人员提供短信验证码。", "PRV003"),
        ("【岚桥银行】投资者提示：“政府扶持项目原始股”“上市前内部认购，包翻倍”等均为骗局，请勿相信。", "PRO005"),
        ("【岚桥银行】投资者提示：“内部认购原始股，稳赚不赔”等说法均为骗局。", "ADV001"),
        ("【岚桥康养】您的“岚桥康养卡”已激活，可在合作机构享体检服务。", "PRO008"),
        ("【岚桥财富】岚桥金宝每日收益万分之一，按日计息，随时可取，100元起投。投资有风险。回T退订", "DIS001"),
    ],
)
def test_everyday_wording_is_not_an_error(checker: Checker, text: str, code: str) -> None:
    assert code not in found_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # another receiver named after the denied one: the code is asked for
        ("【岚桥银行】本次升级无需向网点仅向来电专员提供短信验证码即可完成。", "PRV003"),
        ("【岚桥银行】退款不用等，您先转账或提供验证码即可。", "PRV003"),
        ("【岚桥财富】岚桥1号稳赚不赔，说会亏钱的都是骗子。回T退订", "ADV001"),
        # a credit line's daily accrual beside a wealth product's 起购 in another sentence
        (
            "【岚桥银行】闲钱选“天天盈”，1元起购；用钱选“随心借”，额度可达20万元，按日计息。"
            "理财非存款，产品有风险，投资须谨慎。回T退订",
            "DIS001",
        ),
        ("【岚桥小贷】备用金随借随还，按日计息，日息万分之三。回T退订", "DIS001"),
        ("【岚桥中介】专业帮您养卡提额，详询微信。回T退订", "PRO008"),
    ],
)
def test_violations_beside_the_new_readings_still_fire(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


def test_a_verdict_on_a_new_subject_after_a_quote_does_not_cancel_it(checker: Checker) -> None:
    # no class word (等, 这类) ties the verdict to the quote: reviewed, never cancelled
    text = "【岚桥财富】“内部认购原始股，稳赚不赔”，外面那些平台都是骗局。回T退订"
    assert "ADV001" in found_codes(checker, text)
