"""Classes a code-reading red team (rt100, redteam_session82) found at the start of the session,
tested here in other words: "not only" words that negate nothing (不光, 非但), a modal denied
before a negation (不可能不…), a negated claim asked and waved away (…不保本？多虑了), others'
denial dismissed (说…不保本的，都是外行), a plain refusal by the sender (…，我们不卖), a claim
said to be standard (是标配), 欢迎咨询 as a contact line, 先花后还 as credit.  (涨幅 as a return
was tried and withdrawn: three red teams showed its measures hiding returns and its cue firing on bills.)
"""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import load_settings
from tests.judgment_asserts import error_codes

WARN = "理财非存款，产品有风险，投资须谨慎。回T退订"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_settings())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"【汀兰理财】汀兰月月享不光保本保息，七日年化还有3.9%。{WARN}", "ADV001"),
        (f"【汀兰理财】汀兰月月享非但本金无忧，还有3.9%的年化。{WARN}", "ADV001"),
        (f"【汀兰理财】汀兰月月享不光有政府兜底，年化还有3.9%。{WARN}", "ADV005"),
        (f"【汀兰理财】汀兰月月享绝不可能不保本，年化3.9%。{WARN}", "ADV001"),
        (f"【汀兰理财】汀兰月月享不保本？没有的事，年化3.9%。{WARN}", "ADV001"),
        (f"【汀兰理财】汀兰月月享不保本？不可能。年化3.9%。{WARN}", "ADV001"),
        (f"【汀兰理财】怕汀兰月月享不保本？大可放心。年化3.9%。{WARN}", "ADV001"),
        (f"【汀兰理财】认为汀兰月月享不保本的，都是外行。年化3.9%。{WARN}", "ADV001"),
        (f"【汀兰理财】不保本的产品，本行就不卖。汀兰月月享年化3.9%。{WARN}", "ADV001"),
        (f"【汀兰理财】别家做不到的保本保息，在汀兰已是标配。年化3.9%。{WARN}", "ADV001"),
        ("【汀兰消费金融】汀兰“先花后付”来了，3万元额度，分12期慢慢还。回T退订", "DIS001"),
    ],
)
def test_claim_stands(checker: Checker, text: str, code: str) -> None:
    assert code in error_codes(checker, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"【汀兰理财】汀兰月月享不光不保本，还可能亏损本金，请谨慎选择。{WARN}", "ADV001"),
        (f"【汀兰理财】理财产品不可能保本，请理性投资。{WARN}", "ADV001"),
        (f"【汀兰理财】净值型理财不保本？是的，本产品为非保本浮动收益型。{WARN}", "ADV001"),
        (f"【汀兰理财】有人说银行理财不保本，这是事实，请按风险承受能力购买。{WARN}", "ADV001"),
        ("【汀兰证券】科创板新股上市前五日不设涨跌幅限制，之后涨幅限制为20%，请理性交易。", "PRO007"),
        ("【汀兰银行】您的借记卡已补办完成，请携带身份证到网点领取，欢迎咨询95521。", "OPT001"),
        ("【汀兰银行】您的经营贷已放款50万元，欢迎咨询95521。", "DIS001"),
    ],
)
def test_no_false_error(checker: Checker, text: str, code: str) -> None:
    assert code not in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # instalments suggested after a bill, the other way round or as a suggestion
        "【汀兰银行】您尾号6612的信用卡本期账单2,480.00元，最后还款日6月8日。手头紧张可办理消费分期，详询95521。",
        "【汀兰银行】您尾号6612的信用卡本期账单2,480.00元，最后还款日6月8日。压力大？不妨试试账单分期。",
        # a lender's brand named before the contact line, after a receipt
        "【汀兰银行】您尾号6612的信用卡已还款成功。汀兰快贷详询95521。",
        # 不便 (inconvenient) negates nothing after it
        "【汀兰银行】您的账单已出，如周转不便可申请账单分期，详询95521。",
    ],
)
def test_credit_pitched_after_a_notice_is_not_silently_a_notice(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind != "service", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【汀兰银行】您的借款已逾期5天，如还款困难，可申请分期还款，详询95521。",
        "【汀兰银行】系统维护期间给您带来不便，敬请谅解。",
    ],
)
def test_restructuring_and_apologies_stay_notices(checker: Checker, text: str) -> None:
    result = checker.check(text)
    assert result.kind == "service", result.kind_reason


def test_bare_welcome_after_a_pitch_is_still_a_call(checker: Checker) -> None:
    """欢迎咨询 is a contact line only with its contact point; after a pitch with none it is a
    call, and a verification code does not make the message a notice."""
    result = checker.check("【汀兰银行】验证码517302，5分钟内有效。本行理财产品收益稳健，欢迎咨询。")
    assert result.kind != "service", result.kind_reason


@pytest.mark.parametrize(
    "text",
    [
        "【汀兰借】借款年化利率（单利）17%，另收管理费日费率0.025%。回T退订",
        "【汀兰借】借款年化利率（单利）17%，另需按月交纳服务费，为借款本金的0.7%。回T退订",
    ],
)
def test_fee_with_its_period_elsewhere_is_added(checker: Checker, text: str) -> None:
    assert "DIS004" in error_codes(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "【汀兰借】借款年化利率（单利）22%，每月收取的管理费0.3%均已计入上述年化利率。回T退订",
        "【汀兰借】借款综合年化成本（单利）22%，由年利率18.4%与每月管理费0.3%共同构成。回T退订",
        "【汀兰借】借款年化利率（单利）12%，放款时一次性收取服务费1%。回T退订",
    ],
)
def test_fee_inside_the_stated_cost_or_one_off_is_not_added(checker: Checker, text: str) -> None:
    assert "DIS004" not in error_codes(checker, text)


def test_fee_said_not_inside_the_rate_is_added(checker: Checker) -> None:
    assert "DIS004" in error_codes(
        checker, "【汀兰借】借款年化利率（单利）18%，每月另收服务费0.8%，未计入年化利率。回T退订"
    )


@pytest.mark.parametrize(
    "text",
    [
        "【汀兰银行】用得好就告诉身边的朋友，她们开户您也能领30元。回T退订",
        "【汀兰银行】把活动截屏发进家庭群，就能领5元话费。回T退订",
    ],
)
def test_referral_said_plainly_is_forwarding_inducement(checker: Checker, text: str) -> None:
    assert "LNK003" in error_codes(checker, text)


def test_family_errand_is_no_referral(checker: Checker) -> None:
    assert "LNK003" not in error_codes(
        checker, "【汀兰银行】您的父母已在网点开户成功，您也可在App为他们设置提醒。"
    )


def test_threat_on_the_debtors_case_is_an_error(checker: Checker) -> None:
    assert "COL001" in error_codes(checker, "【汀兰资产】您的案件已移交公安机关，请于今日内联系我们。")


def test_visit_the_customer_may_book_is_no_threat(checker: Checker) -> None:
    text = "【汀兰银行】您的贷款已逾期，如对金额有异议，可到网点核对，也可预约上门核实。"
    assert "COL001" not in error_codes(checker, text)


def test_boost_stacked_on_a_rate_is_summed(checker: Checker) -> None:
    assert "PRO007" in error_codes(checker, f"【汀兰理财】汀兰季季享年化5%，叠加加息券3.5%。{WARN}")
    assert "PRO007" not in error_codes(checker, f"【汀兰理财】汀兰季季享年化3%，叠加加息券0.8%。{WARN}")
