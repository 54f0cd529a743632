"""A product the recipient does not hold, pitched in plain words after a genuine notice (a
premium per period, a deposit or term product by its kind or its brand and term, with its
price), makes the kind uncertain: the marketing-only rules warn, the message is reviewed,
never silently passed as a notice (red team rt96's class, tested in other words).  And the
recipient's own application approved, named with its object (您的经营贷申请审核通过), is read
like 您申请的…: the line it opens is theirs, not offered.
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import load_settings


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_settings())


@pytest.mark.parametrize(
    "text",
    [
        # an insurer's plan pitched with its premium after a premium receipt
        "【青溪人寿】您尾号0817的保单本期保费2,400.00元已于5月6日扣款成功。青溪福寿年金每月交500元，60岁起按月领取。",
        "【青溪人寿】您的保单已于5月6日生效。老人的保障也别落下，青溪长辈重疾每年交1,200元。",
        # a deposit product by its kind, its rate in the next clause
        "【青溪银行】您尾号5520的账户于5月6日09:15转入30,000.00元。闲钱可存青溪五年期存单，利率2.4%。",
        # a product named by its brand and term, its yield right after
        "【青溪银行】您的借记卡已于5月6日换发完成。活期收益太低，青溪安盈180天年化2.7%，手机银行就能买。",
    ],
)
def test_plain_pitch_after_a_notice_is_never_a_silent_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason
    assert result.verdict != "pass"


@pytest.mark.parametrize(
    "text",
    [
        # the recipient's own products and premiums, reported
        "【青溪人寿】您的青溪福寿年金每月交费500元，本期保费已于5月6日扣款成功。",
        "【青溪银行】您持有的五年期存单将于6月1日到期，到期本息将自动转入活期。",
        "【青溪银行】您购买的青溪安盈180天已于5月6日到期，本金及收益已到账。",
        # an institution's changed rate (a change notice)
        "【青溪银行】根据人民银行要求，本行五年期存单利率自6月1日起调整为2.2%。",
    ],
)
def test_own_products_and_changed_rates_stay_notices(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【青溪消费金融】您的经营贷申请审核通过，额度20万元已开通，年化利率9.6%（单利），随借随还。",
        "【青溪消费金融】您的借款申请已审核通过，授信额度3万元，年化利率14.4%（单利），额度内随借随还。",
    ],
)
def test_own_application_named_with_its_object_is_a_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason
    assert "OPT001" not in {f.code for f in result.findings}


def test_unsolicited_line_still_offered(checker: Checker) -> None:
    """Without the recipient's application the same line is on offer."""
    result = checker.check(
        "【青溪消费金融】尊敬的客户，您有一笔额度20万元已开通，年化利率9.6%（单利），随借随还。"
    )
    assert result.kind != "service", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【青溪基金】青溪纯债债券基金2026年中期报告已于8月30日在本公司官网披露，欢迎致电400-820-1234了解详情。",
        "【青溪基金】青溪红利混合基金第3次分红已于9月2日实施，每10份派0.30元，欢迎来电95521了解详情。",
    ],
)
def test_contact_line_ending_a_disclosure_is_no_pitch(checker: Checker, text: str) -> None:
    """欢迎 inside 欢迎致电 is the contact word, not a product word that turns 了解详情 into a
    call to act: a disclosure ending with its contact line is not marketing."""
    result = checker.check(text)
    assert result.kind != "marketing", result.kind_reason
    assert "OPT001" not in {f.code for f in result.findings if f.severity == "error"}


def test_a_product_before_the_contact_line_still_pitches(checker: Checker) -> None:
    result = checker.check("【青溪理财】青溪稳健理财业绩比较基准3.8%，欢迎致电95521了解详情。")
    assert result.kind == "marketing", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【青溪银行】温馨提示：请勿向任何人透露短信验证码。手头紧的话青溪快贷在App里就能借，额度随用随取。",
        "【青溪银行】防诈提醒：陌生来电索要密码的都是骗子。青溪白金信用卡现已可以在手机银行直接申请，审批快。",
    ],
)
def test_warning_with_a_plain_call_to_borrow_is_not_only_a_warning(checker: Checker, text: str) -> None:
    """A security warning followed by the sender's own credit, called for in plain words and
    with no figure, is not only a warning (it was a silent notice)."""
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason
    assert result.verdict != "pass"


@pytest.mark.parametrize(
    "text",
    [
        "【青溪银行】反诈提醒：凡是自称“不看征信、直接申请、秒到账”的贷款都是诈骗，请勿轻信。",
        "【青溪银行】您的信用卡额度已恢复，手机银行里就能借，如非本人操作请致电95521。",
    ],
)
def test_scam_quoted_or_own_line_stays_a_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【青溪银行】您的借记卡本年度享受异地取款免手续费6次，已使用4次，剩余2次。",
        "【青溪银行】您本年度已享受机场贵宾厅服务3次，剩余3次，有效期至12月31日。",
        "【青溪支付】您本月转账已享受免费额度2,000元，剩余免费额度500元，超出部分按0.1%收费。",
    ],
)
def test_allowance_used_and_left_is_a_notice(checker: Checker, text: str) -> None:
    """An allowance stated with what is used and left is the recipient's own: the offer shapes
    inside it (免手续费, 享受…) describe it."""
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason


def test_allowance_then_an_upsell_still_offers(checker: Checker) -> None:
    result = checker.check(
        "【青溪银行】您本年度已享受机场贵宾厅服务3次，剩余0次。升级青溪钻石卡每年可享不限次，详询95521。"
    )
    assert result.kind != "service", result.kind_reason
