"""A warning with a 将/把-object (请勿将…转发给他人, 不要把…告诉任何人) governs the whole
object, however long its list, when the act hands the object over; a 将/把-object that is
missed or kept (别把…的机会错过, 别把…留到明天买) is a push, and the claim in it is made.
Hard negatives from reviewer set c70 (anti-fraud notices) and the pushes a sender would
write in reply."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _errors(checker: Checker, text: str) -> set[str]:
    return {f.code for f in checker.check(text).findings if f.severity == "error"}


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("【翎付支付】请勿将付款码截图、收款链接或验证码转发给他人。", "请勿"),
        ("【翎付支付】不要将短信验证码、登录密码提供给陌生人。", "不要"),
        ("【翎付支付】别把验证码、登录密码和支付密码告诉任何人，包括自称客服的人。", "别"),
        ("【澄湖银行】切勿把银行卡号、有效期、CVV码和动态验证码透露给来电人员。", "切勿"),
    ],
)
def test_a_handed_over_object_is_warned_off(checker: Checker, text: str, warning: str) -> None:
    assert "PRV003" not in _errors(checker, text)
    # the same words asked for, without the warning, are a request for the secret
    asked = text.replace(warning, "请", 1)
    assert "PRV003" in _errors(checker, asked), asked


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【岚山银行】请勿将这次稳赚不赔、保本保息的机会错过，1万起购。回T退订", "ADV001"),
        ("【岚山银行】千万不要把稳赚不赔的好机会让给别人，1万起购。回T退订", "ADV001"),
        ("【岚山银行】别把稳赚不赔的鑫享1号留到明天买，1万起购。回T退订", "ADV001"),
        ("【翎付支付】请将收到的验证码转发给客服专员完成核验。", "PRV003"),
        ("【岚山银行】别把钱放在银行吃利息了，保本保息年化6%！回T退订", "ADV001"),
        # an offer kept scarce is no secret of the recipient's (rt52)
        ("【松岩银行】千万别把稳赚不赔的内部理财名额告诉别人，仅限老客户。回T退订", "ADV001"),
        ("【松岩财经】别把明天必涨停的那只股票代码告诉别人，自己悄悄建仓。回T退订", "PRO001"),
        # who should get the code instead, named (rt52)
        ("【翎付支付】为保障资金安全，请不要将验证码透露给除本专员以外的任何人。", "PRV003"),
        ("【翎付支付】请勿将验证码提供给除我司客服以外的人，客服将致电核实。", "PRV003"),
        ("【翎付支付】不要把验证码告诉陌生人，告诉我们的认证专员就可以。", "PRV003"),
    ],
)
def test_a_pushed_or_requested_object_still_fires(checker: Checker, text: str, code: str) -> None:
    assert code in _errors(checker, text)


def test_a_warning_whose_object_is_believed_and_wasted_is_still_a_warning(checker: Checker) -> None:
    """当真 hands the object over to belief before 浪费 (rt53): not a push."""
    r = checker.check("【岚山银行】提示：请勿将承诺保本高收益的宣传单页当真而浪费血汗钱。")
    assert not {f.code for f in r.findings if f.severity == "error"}, r.findings


@pytest.mark.parametrize(
    "text",
    [
        # asked for again later in the sentence, unnegated, with "that is enough" or "only"
        "【翎付支付】请勿将验证码透露给他人，我司专员来电时报给专员即可。",
        "【翎付支付】不要把动态密码告诉别人，理赔专员致电时请如实告知。",
        "【翎付支付】千万别把短信验证码告诉陌生人，直接回给我就行，我是退款专员。",
        "【翎付支付】请勿把支付密码发给任何人，只需提供给来电的客服专员。",
        "【翎付支付】请勿将验证码告诉他人，告诉我们的专员。",
    ],
)
def test_a_secret_asked_for_again_after_the_warning_fires(checker: Checker, text: str) -> None:
    """A request dressed as a warning (rt54): the later verb asks for the same secret."""
    assert "PRV003" in _errors(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # a later verb that hands something else: a question, a suspicious call, a report
        "【翎付支付】请不要将验证码告诉他人，如有疑问请回复客服或致电95188。",
        "【翎付支付】请勿将验证码透露给他人，如有问题请告知客服。",
        "【翎付支付】切勿将密码告诉他人，如遇可疑来电请告知我司客服。",
        "【翎付支付】千万不要把验证码转发给他人，可疑情况请告诉家人或报警。",
        "【翎付支付】不要把验证码告诉任何人，我司工作人员不会向您索要。",
    ],
)
def test_a_later_verb_that_hands_something_else_asks_for_nothing(checker: Checker, text: str) -> None:
    """Security notices that also say where to report (the named recipient in another
    clause, with its own object) are not requests: no false error on them."""
    assert "PRV003" not in _errors(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a banned service named before the credential: the warning keeps a secret from a
        # rival, not from fraud, and the service is sold (rt54)
        (
            "【易卡通】千万别把信用卡套现用的卡号和密码交给路边小广告，易卡通正规POS，当天到账。回T退订",
            "PRO008",
        ),
        ("【易卡通】不要把代还信用卡用的卡号、有效期告诉陌生人，易卡通专业团队一对一服务。回T退订", "PRO008"),
    ],
)
def test_a_banned_service_before_the_credential_is_not_warned_off(
    checker: Checker, text: str, code: str
) -> None:
    assert code in _errors(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【松岩证券】提醒：不要把陌生人拉您进群后说的内幕消息、涨停牛股当真。", "PRO001"),
        ("【松岩银行】请不要把陌生人推荐的外汇保证金交易平台当真，谨防投资诈骗。", "PRO004"),
    ],
)
def test_a_believed_object_is_warned_off_whatever_it_holds(checker: Checker, text: str, code: str) -> None:
    """不要把…当真: believing the object is the act warned off, secret or not (rt55)."""
    assert code not in _errors(checker, text)
