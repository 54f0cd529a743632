"""A product launched or put on sale is the institution's offer, never the recipient's own
event (`product-launch` in knowledge/rules/_context.yaml).  Before it, 已于…起售 made its
clause an event and hid the offer: a red team (rt74) sent launches through as silent notices.
The texts are our own, written for these tests."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


@pytest.fixture(scope="module")
def rules_only() -> Checker:
    """The rules' own decision (the fitted kind model is a second opinion on top of it)."""
    return Checker(kind_model=False)


@pytest.mark.parametrize(
    "text",
    [
        "【岭川银行】岭川季季丰理财第3期已于今日起售，请登录手机银行查看，如有疑问请致电客服。",
        "【澄江消费金融】澄江随心贷已于12月2日上线，请通过官方App申请，谨防诈骗。",
        "【汇远基金】汇远红利优选混合基金今日发行，可登录App查看。",
        "【岭川银行】您尾号4410的借记卡12月1日代发工资7,300.00元。岭川经营快贷已开放申请，请到网点咨询。",
        # on sale now, in the progressive (a black-box red team, rt75, after a receipt)
        "【岭川银行】您尾号4410的信用卡本期账单已还清。岭川安享养老理财持续发行中，详询网点。",
        "【岭川人寿】您的保单第3期保费已扣缴成功。岭川少儿重疾险正在销售，请登录App查看。",
        "【澄江消费金融】您的借款已结清。澄江闪借持续受理中，详询客服。",
        # English
        "【岭川银行】Your salary has been credited to account ending 4410. Our 6M wealth plan is now open for subscription.",
        "【岭川银行】Payment to your card ending 4410 has been received. Instalment plans are available in the app.",
        # credit switched on for the recipient unasked
        "【澄江支付】已为您开通澄江月付，可用额度3,000元，付款时可选择使用。",
    ],
)
def test_a_launch_is_never_a_silent_notice(rules_only: Checker, text: str) -> None:
    r = rules_only.check(text)
    assert r.kind != "service", r.kind_reason
    assert r.verdict != "pass"
    assert Checker().check(text).kind != "service"


@pytest.mark.parametrize(
    "text",
    [
        "【岭川银行】您的新版手机银行已于12月1日上线，请更新后登录。",
        "【岭川银行】近期有不法分子冒充我行推出高息理财，我行从未发行此类产品，谨防诈骗。",
        "【汇远基金】您认购的汇远鑫享债券基金募集已结束，份额已确认，可登录App查看。",
        "【岭川银行】本行手机银行转账功能已于12月1日升级完成，请放心使用。",
        "【岭川银行】您的理赔申请正在受理中，预计3个工作日内完成审核。",
        "【汇远基金】汇远中证500指数基金暂停申购期间，赎回业务正常受理中。",
        "【岭川银行】系统升级期间，转账业务照常受理中，请放心使用。",
    ],
)
def test_the_recipients_own_pauses_and_fraud_warnings_are_no_launch(rules_only: Checker, text: str) -> None:
    r = rules_only.check(text)
    assert r.kind == "service" and r.verdict == "pass", r.kind_reason


def test_an_english_document_made_available_is_no_launch(rules_only: Checker) -> None:
    """A product is what a launch makes available, not the recipient's statement."""
    r = rules_only.check("【岭川银行】Your e-statement for May is now available in the app.")
    assert "available" not in r.kind_reason
