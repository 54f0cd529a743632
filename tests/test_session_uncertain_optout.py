"""A message of doubtful kind that carries an opt-out is reviewed, never passed silently as the
notice it may be: under ``uncertain`` the service-only rule OPT002 runs too, its message said as a
condition (若为服务通知…) and the doubt recorded on the finding."""

from __future__ import annotations

from assistant.checker.engine import Checker


def test_a_doubtful_notice_with_an_opt_out_is_reviewed(checker: Checker) -> None:
    r = checker.check("【滨川银行】您尾号2231的房贷本月应还4,862.10元，剩余期数118期。回T退订")
    assert r.kind == "uncertain"
    [f] = [f for f in r.findings if f.code == "OPT002"]
    assert f.severity == "warning" and f.message.startswith("短信类型无法确定：若为服务通知，")
    assert [e.cue for e in f.context] == ["uncertain"]
    assert r.verdict == "review"


def test_a_completed_event_on_the_recipients_loan_is_a_notice_still_reviewed(checker: Checker) -> None:
    """The loan named as the subject of a completed event (已扣款) is the recipient's own, not a
    product on offer (session s38): the notice is a service notice, and its opt-out is OPT002's
    warning, so it is reviewed all the same."""
    r = checker.check("【滨川银行】您尾号2231的房贷本月已扣款4,862.10元，剩余期数118期。回T退订")
    assert r.kind == "service", r.kind_reason
    assert {f.code: f.severity for f in r.findings}.get("OPT002") == "warning"
    assert r.verdict == "review"


def test_a_plain_notice_and_a_plain_promotion_are_unchanged(checker: Checker) -> None:
    notice = checker.check("【滨川银行】您尾号2231的账户12月1日入账工资8,000.00元。回T退订")
    assert notice.kind == "service" and "OPT002" in {f.code for f in notice.findings}
    promo = checker.check("【滨川银行】滨川白金卡新客首刷送100元。回T退订")
    assert promo.kind == "marketing" and "OPT002" not in {f.code for f in promo.findings}
