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
    ],
)
def test_the_recipients_own_and_fraud_warnings_are_no_launch(rules_only: Checker, text: str) -> None:
    r = rules_only.check(text)
    assert r.kind == "service" and r.verdict == "pass", r.kind_reason
