"""A collection threat presses the recipient's own debt: evidence for a service notice
(COL001's ``service_evidence``), however it is worded — a collector writes no account
number or due date.  It never outweighs an offer, and a threat that context cancels
(a denial, a warning quoting it) is no evidence."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.config import Settings


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize(
    "text",
    [
        "【安信达】今晚12点前不处理，你通讯录里的亲戚朋友明天都会知道你欠钱不还。",
        "【速易借】再不还钱，你就等着zuo牢吧，我们已经联系了你老婆单位",
        "【速融小额贷款】再不处理，我们将联系您通讯录中的所有联系人说明情况。",
    ],
)
def test_a_threat_over_a_debt_is_a_service_notice(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.verdict == "fail"
    assert "COL001" in {f.code for f in r.findings}
    assert r.kind == "service", r.kind_reason
    assert "催收" in r.kind_reason


def test_an_offer_with_a_threat_stays_marketing(checker: Checker) -> None:
    r = checker.check("【米多借】急用钱？秒批秒到，逾期不还就通知家人。回T退订")
    assert r.kind == "marketing"
    assert {"COL001", "DIS001"} <= {f.code for f in r.findings}


def test_a_denied_threat_is_no_evidence(checker: Checker) -> None:
    ev = checker.kind_evidence("【米多借】不看征信，不爆通讯录，当天放款！")
    assert "collection" not in ev.service_families
    assert checker.check("【米多借】不看征信，不爆通讯录，当天放款！").kind == "marketing"


def test_the_evidence_does_not_depend_on_the_selected_rules() -> None:
    """With COL001 switched off the threat still tells what the message is."""
    text = "【安信达】今晚12点前不处理，你通讯录里的亲戚朋友明天都会知道你欠钱不还。"
    only = Checker(Settings(select=["SIG001", "OPT001"]))
    r = only.check(text)
    assert r.kind == "service", r.kind_reason
    assert not r.findings


@pytest.mark.parametrize(
    "text",
    [
        # a loan's terms with a threat for later: no debt owed now (rt52)
        "【速金花】速金花借钱，额度5000-50000元，按日计息。逾期就爆通讯录，别拿信用开玩笑。",
        # a lawyer's ad quoting collectors' threats, with an opt-out (rt53)
        "【律和法务】被催收爆通讯录？被威胁通知家人单位？专业律师团队帮您依法维权。咨询4001234567。回T退订",
    ],
)
def test_a_threat_in_an_ad_is_no_evidence_of_a_notice(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.kind != "service", r.kind_reason


def test_a_hardship_instalment_offered_to_a_debtor_is_a_notice(checker: Checker) -> None:
    """如有还款困难，可申请个性化分期: the condition names the recipient's own repayment, so what
    it asks for is a service act, also when said as an offer shape; an offer after a
    condition that names no service act (如有资金需求，可申请…快贷) is still marketing."""
    notice = checker.check(
        "【禾信消费金融】您的借款已逾期，如有还款困难，可申请个性化分期，详询400-818-2288。"
    )
    assert notice.kind == "service", notice.kind_reason
    assert notice.verdict == "pass", notice.findings
    sale = checker.check("【禾信消费金融】如有资金需求，可申请禾信快贷，最高20万，详询400-818-2288。")
    assert sale.kind == "marketing"
