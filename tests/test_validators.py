"""Fact validators: every kind refuses nonsense and contradictions with a Chinese message."""

from __future__ import annotations

import pytest

from assistant.profile import load_profile
from assistant.rewrite.validators import (
    FactError,
    ValidatedFact,
    accepted_fact_keys,
    parse_rate,
    validate_fact,
    validate_facts,
)

LOAN = "【捷贷】捷贷随借随还，借款额度可达5万元，详询400-600-1234。回T退订"
BANK = load_profile("example-bank")


def ok(key: str, value: str, draft: str = LOAN, **kw: object) -> ValidatedFact:
    out = validate_fact(key, value, draft=draft, **kw)  # type: ignore[arg-type]
    assert isinstance(out, ValidatedFact), out
    return out


def refused(key: str, value: str, draft: str = LOAN, **kw: object) -> str:
    out = validate_fact(key, value, draft=draft, **kw)  # type: ignore[arg-type]
    assert isinstance(out, FactError), out
    assert out.key == key and out.given == value
    return out.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7.2%", (7.2, 7.2)),
        ("7.2%-18%", (7.2, 18.0)),
        ("7.2-18%", (7.2, 18.0)),
        ("7.2%～18%", (7.2, 18.0)),
        ("年化7.2%至18%", (7.2, 18.0)),
        ("１８％", (18.0, 18.0)),
        ("百分之七点二", (7.2, 7.2)),
        ("很低", None),
        ("7.2%左右", None),
        ("", None),
    ],
)
def test_rates_parse_single_values_and_ranges(value: str, expected: tuple[float, float] | None) -> None:
    assert parse_rate(value) == expected


def test_annual_rate_accepted_and_normalised() -> None:
    fact = ok("annualized_rate", "7.2%～18%")
    assert fact.value == "7.2%-18%" and fact.kind == "rate"


@pytest.mark.parametrize("value", ["不知道", "待定", "xxx", "很低", "以合同为准", "？？", "同上", "N/A"])
def test_nonsense_is_refused_for_every_key(value: str) -> None:
    for key in ("annualized_rate", "official_url", "signature", "compliant_return_figure"):
        msg = refused(key, value)
        assert (key in msg and value.strip() in msg) or "无法识别" in msg


def test_rate_above_the_ceiling_is_refused_with_the_ceiling() -> None:
    assert "24%" in refused("annualized_rate", "36%")
    assert "24%" in refused("annualized_rate", "18%-36%")
    ok("annualized_rate", "10%-24%")  # the ceiling itself is allowed


def test_configured_ceiling_is_used() -> None:
    class S:
        borrowing_cost_ceiling_percent = 18.0
        yield_threshold_percent = 8.0

    assert "18%" in refused("annualized_rate", "20%", settings=S())


@pytest.mark.parametrize(
    ("draft", "value", "shown"),
    [
        ("【捷贷】捷贷随借随还日息0.03%，详询400-600-1234。回T退订", "5%", "日息0.03% ≈ 年化10.95%（单利）"),
        ("【捷贷】捷贷随借随还月息1%，详询400-600-1234。回T退订", "8%", "月息1% ≈ 年化12.00%（单利）"),
        ("【明德银行】明德信用贷日息低至万分之二点五，详询95588。回T退订", "3.65%", "年化9.13%（单利）"),
        (
            "【捷贷】捷贷随借随还日息0.03%，详询400-600-1234。回T退订",
            "5%-9%",
            "日息0.03% ≈ 年化10.95%（单利）",
        ),
    ],
)
def test_rate_below_the_drafts_own_rate_is_refused_with_both_numbers(
    draft: str, value: str, shown: str
) -> None:
    msg = refused("annualized_rate", value, draft=draft)
    assert shown in msg and value in msg and "矛盾" in msg


@pytest.mark.parametrize(
    ("draft", "value"),
    [
        ("【明德银行】明德信用贷日息0.02%起，详询95588。回T退订", "7.3%"),
        ("【捷贷】捷贷随借随还月息0.6%起，详询400-600-1234。回T退订", "7.2%"),
        ("【捷贷】捷贷随借随还日息0.03%，详询400-600-1234。回T退订", "10.95%-18%"),
    ],
)
def test_rate_consistent_with_the_draft_is_accepted_and_shows_the_conversion(draft: str, value: str) -> None:
    fact = ok("annualized_rate", value, draft=draft)
    assert "≈ 年化" in fact.note and "（单利）" in fact.note


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ("不知道", "不是有效信息"),
        ("www", "不是有效"),
        ("ftp://x", "https://"),
        ("官网", "不是有效信息"),
        ("t.cn/Ab12", "短链接"),
        ("https://bit.ly/4mDe", "短链接"),
        ("https://www.mingde bank.com", "空格"),
        ("javascript:alert(1)", "https://"),
        ("https://user:pw@www.mingde-bank.com", "不是有效的网址"),
    ],
)
def test_bad_urls_are_refused(value: str, needle: str) -> None:
    assert needle in refused("official_url", value)


def test_url_must_be_on_an_official_domain_with_a_profile() -> None:
    msg = refused("official_url", "https://www.mingdebank.cn", profile=BANK)
    assert "mingde-bank.com" in msg and "官方域名" in msg
    assert "官方域名" in refused("official_url", "https://mingde-bank.com.login.top", profile=BANK)
    assert ok("official_url", "https://www.mingde-bank.com/points", profile=BANK).value == (
        "https://www.mingde-bank.com/points"
    )
    assert ok("official_url", "www.hengyuan-ins.com/health").kind == "url"  # no profile: any real host


def test_return_figure_above_the_threshold_is_refused() -> None:
    assert "8%" in refused("compliant_return_figure", "9%")
    assert ok("compliant_return_figure", "3.2%").value == "3.2%"
    assert ok("compliant_return_figure", "业绩比较基准2.8%-3.5%").value == "2.8%-3.5%"


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ("银", "2–16"),
        ("明德银行股份有限公司上海分行营业部信用卡中心", "2–16"),
        ("12345", "2–16"),
        ("明 德", "2–16"),
    ],
)
def test_bad_signatures_are_refused(value: str, needle: str) -> None:
    assert needle in refused("signature", value)


def test_signature_must_be_registered_with_a_profile() -> None:
    assert ok("signature", "【明德银行】").value == "明德银行"
    assert "报备" in refused("signature", "明德理财", profile=BANK)
    assert ok("signature", "明德银行", profile=BANK).value == "明德银行"


def test_past_performance_disclosure_needs_source_and_period() -> None:
    draft = "【鼎盛基金】鼎盛成长精选混合近一年收益率45%，今日起开放申购。"
    assert "来源" in refused("past_performance_disclosure", "近一年", draft="【鼎盛基金】本基金收益率45%")
    assert "期间" in refused(
        "past_performance_disclosure", "数据来源：基金定期报告", draft="【鼎盛基金】收益率45%"
    )
    fact = ok("past_performance_disclosure", "数据来源：基金2025年年度报告", draft=draft)
    assert fact.value == "数据来源：基金2025年年度报告"


def test_placeholder_values_are_checked_by_their_name() -> None:
    draft = "【明德银行】尊敬的{name}，您本期应还${amount}，最后还款日${due_date}，详询${hotline}。"
    keys = accepted_fact_keys(draft)
    assert {"name", "amount", "due_date", "hotline"} <= set(keys) and "annualized_rate" in keys
    assert ok("amount", "2,460.00元", draft=draft).kind == "amount"
    assert "金额" in refused("amount", "两千多", draft=draft)
    assert ok("due_date", "12月3日", draft=draft).kind == "date"
    assert "日期" in refused("due_date", "13月40日", draft=draft)
    assert ok("hotline", "95588", draft=draft).kind == "phone"
    assert "电话" in refused("hotline", "12345", draft=draft)
    assert ok("name", "王女士", draft=draft).value == "王女士"


def test_unknown_keys_are_refused_naming_the_accepted_ones() -> None:
    for key in ("apr", "url", "interest_rate", "date"):
        msg = refused(key, "7.2%")
        assert f"未知的信息项 {key}" in msg and "annualized_rate" in msg


def test_a_value_that_is_itself_a_placeholder_is_refused() -> None:
    assert "占位" in refused("official_url", "【请填写：官方网站链接】") or "不是有效信息" in refused(
        "official_url", "【请填写：官方网站链接】"
    )
    assert "模板变量" in refused("placeholder_value", "${amount}", draft="应还${amount}")


def test_validate_facts_splits_good_and_bad() -> None:
    good, bad = validate_facts(
        {"annualized_rate": "7.2%-18%", "official_url": "不知道", "apr": "5%"}, draft=LOAN
    )
    assert list(good) == ["annualized_rate"]
    assert sorted(e.key for e in bad) == ["apr", "official_url"]
