"""A notice inferred as service that carries a working opt-out: its sender filed it as
marketing, so the marketing-only rules also run, as warnings naming the condition."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker

OFFER = "【捷贷】您的借款额度已提升至5万元，立即查看 https://jiedai-loan.cn/up 回T退订"


@pytest.fixture(scope="module")
def checker() -> Checker:
    """The rules' own decision: the fitted kind model doubts OFFER (see the last test)."""
    return Checker(kind_model=False)


def test_marketing_rules_warn_on_a_notice_with_an_opt_out(checker: Checker) -> None:
    r = checker.check(OFFER)
    assert r.kind == "service"
    assert "退订语" in r.kind_reason
    by_code = {f.code: f for f in r.findings}
    assert by_code["OPT002"].severity == "warning"  # the notice is still a notice
    dis = by_code["DIS001"]
    assert dis.severity == "warning"
    assert dis.message.startswith("服务通知带有退订语：若为营销短信，")
    assert any(e.effect == "downgraded" and e.cue == "退订语" for e in dis.context)
    assert r.verdict == "review"


def test_without_the_opt_out_the_notice_is_plain_service(checker: Checker) -> None:
    r = checker.check(OFFER.replace(" 回T退订", ""))
    assert r.kind == "service"
    assert "退订语" not in r.kind_reason
    assert "DIS001" not in {f.code for f in r.findings}


def test_a_declared_kind_wins(checker: Checker) -> None:
    r = checker.check(OFFER, kind="service")
    assert {f.code for f in r.findings} == {"OPT002"}


def test_only_triggered_marketing_rules_warn(checker: Checker) -> None:
    """A salary notice with an opt-out gets OPT002 and nothing about loans."""
    text = "【明德银行】您尾号1234账户12月1日入账工资8,000.00元。"
    assert checker.check(text).kind == "service"
    assert "DIS001" not in {f.code for f in checker.check(text + "回T退订").findings}


def test_the_kind_model_doubts_the_notice_and_the_marketing_rules_still_apply() -> None:
    """With the fitted model, OFFER reads as a promotion, all but surely (model_overrule_service):
    marketing, not a notice, and the marketing-only rules fail it; never a silent pass.  Below
    that certainty the kind is uncertain and they warn (tests/test_kind_model.py)."""
    r = Checker().check(OFFER)
    assert r.kind == "marketing" and "文本模型" in r.kind_reason
    by_code = {f.code: f for f in r.findings}
    assert by_code["DIS001"].severity == "error"
    assert r.verdict == "fail"
