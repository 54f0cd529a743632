"""Session of 2026-12-06 from 02:04: judgment classes from the development thirds of the drafts
and red teams, each written here in words of its own with the wording beside it that must stay
quiet (or stay an error).

- a claim put as a question and then judged by the next words that point back at it (银行理财稳赚不
  赔？这种说法是错误的; 很多人以为…都保本，但这种观念早已过时) is corrected, not made: cancelled in
  a message that sells nothing, a warning in one that sells; a judgement asked, denied or
  followed by the claim restated retracts nothing.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, found_codes


# ------------------------------------------------- a claim asked, then judged
@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】投教时间：银行理财稳赚不赔？这种说法是错误的，净值型理财会有波动。",
        "【禾川基金】基金定投一定保本？这个观点并不正确，定投同样可能亏损。",
        "【禾川银行】不少人以为买理财都保本保息，但这种观念早已过时，理财已全面净值化。",
        "【禾川证券】炒股稳赚？这样的说法不靠谱，请理性看待市场波动。",
    ],
)
def test_a_claim_asked_then_judged_is_corrected(checker: Checker, text: str) -> None:
    assert "ADV001" not in found_codes(checker, text)


def test_a_claim_asked_then_judged_in_a_promotion_is_reviewed(checker: Checker) -> None:
    text = (
        "【禾川银行】银行理财稳赚不赔？这种说法是错误的。禾川安盈为净值型产品，1万元起购。"
        "理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    result = checker.check(text)
    adv = [f for f in result.findings if f.code == "ADV001"]
    assert adv and all(f.severity == "warning" for f in adv)


@pytest.mark.parametrize(
    "text",
    [
        # the judgement asked, or denied: nothing retracted
        "【禾川财富】理财稳赚不赔？这种说法是错误的吗？当然不是，禾川1号做到了。回T退订",
        "【禾川财富】理财稳赚不赔？这种说法没有任何错误，禾川1号就是。回T退订",
        # the claim said again after the judgement
        "【禾川财富】理财稳赚不赔？这种说法不准确，准确地说是稳赚大赚。回T退订",
        # endorsed, not judged
        "【禾川财富】理财稳赚不赔？这种说法一点没错，选禾川1号。回T退订",
    ],
)
def test_a_claim_asked_and_kept_stays_an_error(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


# ------------------------------------------------- a secret entered while someone watches the screen
@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】请在App内输入验证码，客服将远程协助您完成解冻。",
        "【禾川银行】请下载会议软件并开启屏幕共享，按客服指引输入验证码完成退款。",
        "【禾川银行】为核实身份，请开启共享屏幕，客服将指导您输入银行卡密码。",
        "【禾川支付】客服将通过远程控制帮您操作，请保持手机解锁并输入收到的验证码。",
        "【禾川银行】请打开视频会议的屏幕共享功能。然后进入手机银行输入支付密码确认退款。",
    ],
)
def test_a_secret_entered_under_a_shared_screen_is_handed_over(checker: Checker, text: str) -> None:
    assert "PRV003" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【禾川银行】本行工作人员不会要求您开启屏幕共享或远程协助，请勿向他人透露验证码。",
        "【禾川银行】如需远程协助，请拨打95555，我行不会索要您的密码。",
        "【禾川银行】反诈提醒：凡是要求您共享屏幕后输入验证码的都是诈骗，请立即挂断。",
        "【禾川银行】网银助手支持远程协助安装证书，协助过程中请勿输入任何密码。",
        # a remote session and a code in unrelated sentences
        "【禾川银行】您的验证码为482913，5分钟内有效。如需远程协助安装网银助手，请致电95555预约。",
    ],
)
def test_a_shared_screen_named_in_a_warning_stays_quiet(checker: Checker, text: str) -> None:
    assert "PRV003" not in error_codes(checker, text)


# ------------------------------------------------- the family as the subject of the debt's consequence
@pytest.mark.parametrize(
    "text",
    [
        "【禾川小贷】您的借款已逾期，再不处理，您的家人也会受牵连。",
        "【禾川小贷】逾期款项至今未还，家里老小都要跟着遭殃。",
        "【禾川小贷】您已逾期30天，担保人也脱不了干系，请立即还款。",
        # sparing the family made the price of paying
        "【禾川小贷】您已逾期，只要今天还清，就不会让您的家人受牵连。",
    ],
)
def test_the_family_said_to_be_dragged_in_is_a_collection_threat(checker: Checker, text: str) -> None:
    assert "COL001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【禾川小贷】您的借款已逾期，请尽快还款。逾期仅影响您本人的征信，您的家人不会受牵连。",
        "【禾川人寿】一份重疾险，让家人不因一场大病受拖累，详询95500。回T退订",
        "【禾川小贷】您已逾期，我们保证不会让您的家人被牵扯进来，请放心协商。",
    ],
)
def test_the_family_spared_or_insured_is_no_threat(checker: Checker, text: str) -> None:
    assert "COL001" not in error_codes(checker, text)


# ------------------------------------------------- the recipient's product entering its next term
def test_the_readers_product_entering_its_next_term_is_a_notice(checker: Checker) -> None:
    text = (
        "【禾川理财】您持有的禾川月享30天（PR2）于12月1日进入新一期投资周期，本期业绩比较基准1.90%-2.60%，"
        "业绩比较基准不代表产品未来表现和实际收益。"
    )
    assert checker.check(text).kind == "service"


@pytest.mark.parametrize(
    "text",
    [
        "【禾川理财】禾川月享30天于12月1日进入新一期，本期业绩比较基准2.60%，欢迎认购。",
        "【禾川理财】您持有的禾川月享30天即将到期，到期后可转入新一期，业绩比较基准2.6%，欢迎续投。",
    ],
)
def test_a_next_term_offered_is_not_a_notice(checker: Checker, text: str) -> None:
    assert checker.check(text).kind != "service"
