"""Classes a code-reading red team (rt87, redteam_session69) found in this session's second to
fourth commits, each tested here in other words:

* an exemption's exception (``term_context_void``) that is itself denied voids nothing
  (工作人员不会致电您); a pledge made the price of paying pledges nothing; a wealth product's
  deposit words and a theft word beside an investment loss excuse nothing;
* a reply code that carries the code asks for it; a channel word outside the question's clause
  is no channel FAQ;
* a yes turned with 因此/正因如此, praise of "rational investors", a warning called boilerplate
  or not to be taken seriously; a yes followed by real caution (闲钱, 可能损失) still warns;
* 拿回 with a bare rate is a return; 一天通知 outside a deposit's name is a period;
* credit set up besides the application; 您最好的… is still a superlative;
* false errors: the recipient's own standing orders, expired coupons, research digests,
  holders' letters asking questions, a myth corrected, the deposit-insurance scheme.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from tests.judgment_asserts import error_codes, flagged_codes


def test_denied_void_word_voids_nothing(checker: Checker) -> None:
    text = "【恒瑞银行】您预约的挂失补卡请于周五前到网点办理，请准备好取款密码，本行从不上门索要密码。"
    assert "PRV003" not in flagged_codes(checker, text)
    text = "【恒瑞银行】您的账户异常，请准备好银行卡密码，网点工作人员会打电话和您核对后办理。"
    assert "PRV003" in error_codes(checker, text)


def test_pledge_as_the_price_of_paying(checker: Checker) -> None:
    text = "【快借宝】您的借款已逾期40天，我们承诺不联系您的同事，前提是今天还清。"
    assert "COL001" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【恒瑞财富】恒瑞季季盈10万起存，会亏吗？不会的，您放心。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【恒瑞财富】恒瑞季季盈防盗刷、防亏损，出了问题平台全额赔付。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【恒瑞财富】恒瑞季季盈手机银行登录即可购买，安不安全？当然安全！理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_exemption_words_beside_a_wealth_product(checker: Checker, text: str) -> None:
    assert "ADV001" in error_codes(checker, text)


def test_reply_code_that_carries_the_code(checker: Checker) -> None:
    text = "【恒瑞银行】您的动态码为772913，如非本人操作，请回复3，并连同本条动态码一起发送，以便止付。"
    assert "PRV003" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【恒瑞基金】恒瑞成长混合火热认购中，基金有风险？对，因此更要选去年涨了35%的恒瑞成长。回T退订",
        "【恒瑞基金】恒瑞成长混合今日发售，“基金有风险”是格式条款，不用管它，跟着买就对了。回T退订",
        "【恒瑞基金】恒瑞成长混合今日发售，别把“投资有风险”放在心上，机会难得。回T退订",
    ],
)
def test_warning_turned_or_dismissed(checker: Checker, text: str) -> None:
    assert "ADV003" in error_codes(checker, text)


def test_yes_with_real_caution_warns(checker: Checker) -> None:
    text = "【恒瑞基金】恒瑞成长混合今日发售。基金有风险？是的，可能损失本金，所以请只用闲钱投资。回T退订"
    assert "ADV003" not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【恒瑞财富】恒瑞月月盈，每月能拿回1.1%，按月到账。理财非存款，产品有风险，投资须谨慎。回T退订",
        "【恒瑞财富】恒瑞天天盈，一天通知就能赚0.04%，随取随用。理财非存款，产品有风险，投资须谨慎。回T退订",
    ],
)
def test_rates_behind_the_exclusions(checker: Checker, text: str) -> None:
    assert "PRO007" in error_codes(checker, text)


def test_credit_set_up_besides_the_application(checker: Checker) -> None:
    r = checker.check("【恒瑞银行】您申请的信用卡已审批通过，另外已为您预留3万元备用金额度，随借随还。")
    assert r.kind in ("marketing", "uncertain") and r.verdict != "pass", r.kind_reason


def test_your_best_is_still_a_superlative(checker: Checker) -> None:
    text = (
        "【恒瑞银行】恒瑞稳盈理财，是您最好的理财选择，年化3.2%。理财非存款，产品有风险，投资须谨慎。回T退订"
    )
    assert "ADV002" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【恒瑞银行】您的理财已到期，根据您设置的到期自动续投，本金及收益将自动转入“恒瑞稳盈3期”，详询95588。",
        "【恒瑞银行】您的账单分期免息券已过期，本期分期将按正常费率收取手续费，详询95588。",
    ],
)
def test_own_standing_orders_and_expired_coupons_are_notices(checker: Checker, text: str) -> None:
    assert "OPT001" not in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【恒瑞证券】晨报：首席经济学家看多明年出口，完整研报请登录App查看。", "ADV004"),
        ("【恒瑞基金】持有人来信：基金分红何时到账？答：预计12月20日到账，请留意。", "ADV004"),
        (
            "【恒瑞保险】理赔小贴士：不少客户误以为只要住院都能报，其实需扣除免赔额。详见 https://www.hengrui-ins.com",
            "ADV009",
        ),
        ("【恒瑞银行】您的定期存款已到期转存。存款受国家存款保险制度保护，50万元以内全额赔付。", "ADV005"),
    ],
)
def test_digests_letters_myths_and_the_scheme(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)
