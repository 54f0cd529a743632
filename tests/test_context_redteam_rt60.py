"""Mechanisms behind the rt60 red team's dev cases (tests written before the fixes): everyday
notices with superlatives of fact, penalty rates and consumer-rights education; and misses by
description (the neighbourhood told, the SMS forwarded, × as blanks, expected returns)."""

from __future__ import annotations

import pytest
from judgment_asserts import assert_service_pass

from assistant.checker.engine import Checker


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】您的贷款已逾期，逾期期间将按合同约定利率上浮50%计收罚息，请尽快还款。",
        "【明德银行】3·15消费者权益保护日：您有权知悉金融产品的真实情况，如有投诉请拨打95588。",
        "【恒安证券】风险提示：近期市场波动加大，请理性投资，注意控制仓位。",
        "【明德银行】因系统故障导致您的转账延迟，我们将尽最大努力尽快处理，给您带来不便深表歉意。",
        "【恒安证券】投教课堂：什么是涨停板和跌停板？今晚直播讲解交易规则。股市有风险，入市需谨慎。回T退订",
    ],
)
def test_rt60_compliant_messages_pass(checker: Checker, text: str) -> None:
    r = checker.check(text)
    assert r.verdict == "pass", [(f.code, f.severity, f.evidence) for f in r.findings]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【捷贷】逾期不还将上报您所在社区网格员和居委会。", "COL001"),
        ("【明德银行】您的账户存在风险，请将验证短信原文转发给客服经理完成核实。", "PRV003"),
        ("【明德银行】您尾号××××的信用卡将于×月×日到期。", "FMT001"),
        (
            "【明德银行】理财经理为您精选稳健产品，到期收益可达4.2%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV006",
        ),
        (
            "【明德银行】明德稳盈理财受国家监管，资金由政府托管。理财非存款，产品有风险，投资须谨慎。回T退订",
            "ADV005",
        ),
        ("【鑫盈】鑫盈理财最后抢购机会，理财非存款，产品有风险，投资须谨慎。回T退订", "ADV007"),
        ("【明德银行】三年期存款利率上浮50%，存5万起，回T退订", "OPT002"),
    ],
)
def test_rt60_violations_fire(checker: Checker, text: str, code: str) -> None:
    r = checker.check(text)
    if code == "OPT002":  # a deposit rate floated is still marketing, whatever 上浮 means elsewhere
        assert r.kind == "marketing"
        return
    assert code in {f.code for f in r.findings}


def test_a_multiplication_sign_in_a_figure_is_no_blank(checker: Checker) -> None:
    assert "FMT001" not in {f.code for f in checker.check("【明德银行】您的车辆保险费为3×1200元。").findings}


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】警惕“信用卡套现”陷阱，套现行为违法，可能导致您的信用卡被停用。",
        "【明德银行】您的手机银行登录密码连续输错5次已被锁定，最快可于24小时后自动解锁。",
        "【明德银行】由于节假日，本周五为唯一可办理大额业务的营业日，请提前安排。",
        "【明德银行】温馨提示：今日为本季度最后一个工作日，网点营业至17:00。",
        "【捷贷】为保障您的权益，借款合同已更新，新版合同明确展示年化利率，可在APP查看。",
    ],
)
def test_rt60_notices_are_service(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


def test_a_later_clauses_act_judged_unlawful_cancels_no_earlier_claim(checker: Checker) -> None:
    """行为违法 judges the act in its own clause; as a footer it must not launder a promise."""
    r = checker.check("【某平台】鑫盈计划保本保息，年化12%。冒用本平台名义的行为违法。回T退订")
    assert "ADV001" in {f.code for f in r.findings if f.severity == "error"}


@pytest.mark.parametrize(
    "text",
    [
        "【明德银行】尊敬的客户，本行将于12月15日起暂停部分自助设备服务，请通过手机银行办理。",
        "【明德银行】我行将于2027年1月1日起调整境外取现手续费，详见官网公告。",
        "【汇通支付】本平台自12月1日起升级风控系统，部分交易可能需要二次验证。",
    ],
)
def test_an_institutions_dated_change_of_its_own_service_is_a_notice(checker: Checker, text: str) -> None:
    assert_service_pass(checker, text)


def test_a_launch_announced_the_same_way_stays_marketing(checker: Checker) -> None:
    assert checker.check("【明德银行】本行将于12月推出新一期鑫享理财，年化3.5%，回T退订").kind == "marketing"
    assert (
        checker.check("【明德银行】鑫享理财热销中，年化3.5%，请通过手机银行办理。回T退订").kind == "marketing"
    )


def test_a_funds_dividend_announcement_is_never_failed_as_marketing(checker: Checker) -> None:
    """The rules read it as a notice (每10份派, 次分红); the kind model refitted on 2026-12-05
    reads a named fund beside its risk boilerplate as a promotion and doubts it, so it is
    reviewed, never failed.  Exempting distribution notices from the model's doubt was tried
    and withdrawn: a notice-dressed promotion in a red team's held-out third then went silent."""
    r = checker.check(
        "【南方基金】南方稳健增长混合基金将于12月10日进行第3次分红，每10份派0.35元。基金有风险，投资需谨慎。"
    )
    assert r.kind in ("service", "uncertain"), r.kind_reason
    assert "每10份派" in r.kind_reason
    assert r.verdict in ("pass", "review"), [(f.code, f.severity) for f in r.findings]
