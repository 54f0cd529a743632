"""Property tests: nothing raises on any Unicode, and every span is exact."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.checker.engine import Checker
from assistant.text.normalize import normalize

# Fragments that make rules fire, mixed with arbitrary Unicode, so spans are exercised.
FRAGMENTS = st.sampled_from(
    [
        "【明德银行】",
        "稳赚不赔",
        "穩賺不賠",
        "保本",
        "非保本",
        "年化收益12%",
        "百分之十",
        "万分之三",
        "月息1分",
        "ＵＳＤＴ",
        "比.特.币",
        "t.cn/ab",
        "ｕｒｌ．ｃｎ／x",
        "回T退订",
        "6225 8801 2345 6783",
        "110105199003071239",
        "${x}",
        "XX%",
        "最高",
        "最低还款额",
        "请回复验证码",
        "通知您的家人",
        "借款",
        "年化利率7%",
        "医疗险",
        "理财",
        "https://mingde-bank.com.login.top/a",
        "【】",
        "【",
        "】",
        "\u200b",
        "👍",
        " ",
        "*",
        "。",
        "，",
    ]
)
MESSAGES = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=12).map("".join)


def _assert_valid(text: str, checker: Checker) -> None:
    result = checker.check(text, fix=True)
    assert result.verdict in ("pass", "review", "fail")
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.evidence == text[f.start : f.end]
        if f.fix.at is not None:
            assert 0 <= f.fix.at[0] <= f.fix.at[1] <= len(text)
    assert isinstance(result.fixed_text, str)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_normalize_never_raises_and_maps_into_text(text: str) -> None:
    nt = normalize(text)
    assert len(nt.folded) == len(text)
    if nt.compact:
        start, end = nt.compact_span(0, len(nt.compact))
        assert 0 <= start <= end <= len(text)
    assert len(nt.nospace) <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_check_never_raises_on_any_unicode(checker: Checker, text: str) -> None:
    _assert_valid(text, checker)


@pytest.mark.slow  # 400 examples, two checkers
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MESSAGES)
def test_spans_exact_on_rule_heavy_text(
    checker: Checker, checker_for: Callable[[str | None], Checker], text: str
) -> None:
    _assert_valid(text, checker)
    _assert_valid(text, checker_for("example-bank"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MESSAGES)
def test_safe_fixes_never_add_errors_they_fix(checker: Checker, text: str) -> None:
    """Applying safe fixes removes the findings they fix (they are idempotent)."""
    result = checker.check(text, fix=True)
    assert result.fixed_text is not None
    again = checker.check(result.fixed_text)
    masked = {"PRV001", "PRV002"}  # masking can never leave a full number behind
    assert not {f.code for f in again.findings} & masked & {f.code for f in result.findings}
