"""Normalisation folds evasions away and always maps back to the original text."""

from __future__ import annotations

import pytest

from assistant.text.normalize import fold, normalize, normalize_term
from assistant.text.numbers import parse_cn_number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("穩賺不賠", "稳赚不赔"),
        ("ＵＳＤＴ", "usdt"),
        ("９.８％", "9.8%"),
        ("比特幣", "比特币"),
        ("𝐁𝐓𝐂", "btc"),
    ],
)
def test_fold_is_length_preserving(raw: str, expected: str) -> None:
    assert fold(raw) == expected
    assert len(fold(raw)) == len(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "稳*赚*不*赔",
        "稳 赚 不 赔",
        "稳.赚.不.赔",
        "稳·赚·不·赔",
        "稳-赚_不~赔",
        "稳\u200b赚\u200d不\ufeff赔",
        "稳💰赚🚀不👍赔",
        "穩　賺　不　賠",
    ],
)
def test_inserted_separators_are_removed(raw: str) -> None:
    nt = normalize(raw)
    assert nt.compact == "稳赚不赔"
    start, end = nt.compact_span(0, len(nt.compact))
    assert (start, end) == (0, len(raw))


def test_compact_span_maps_inner_word_exactly() -> None:
    raw = "【明德银行】尊享 稳*赚*不*赔 理财"
    nt = normalize(raw)
    i = nt.compact.index("稳赚不赔")
    start, end = nt.compact_span(i, i + 4)
    assert raw[start:end] == "稳*赚*不*赔"


def test_nospace_keeps_decimals_and_maps_back() -> None:
    raw = "年化 9 . 8 %"
    nt = normalize(raw)
    assert nt.nospace == "年化9.8%"
    i = nt.nospace.index("9.8%")
    start, end = nt.nospace_span(i, len(nt.nospace))
    assert raw[start:end] == "9 . 8 %"


def test_terms_normalise_like_text() -> None:
    assert normalize_term("T+0") == normalize("ｔ＋０").compact
    assert normalize_term("回T退订") == normalize("回 Ｔ 退 訂").compact


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("十二", 12),
        ("八点五", 8.5),
        ("一百二十", 120),
        ("零点零三", 0.03),
        ("三", 3),
        ("两万", 20000),
        ("一二", 12),
    ],
)
def test_chinese_numerals(raw: str, value: float) -> None:
    assert parse_cn_number(raw) == pytest.approx(value)


def test_not_a_numeral() -> None:
    assert parse_cn_number("收益") is None
    assert parse_cn_number("") is None


@pytest.mark.parametrize(
    ("text", "code", "evidence"),
    [
        ("【明德银行】wen赚不赔的理财！回T退订", "ADV001", "wen赚不赔"),
        ("【明德银行】比te币投资！回T退订", "PRO003", "比te币"),
        ("【明德银行】bao本理财！回T退订", "ADV001", "bao本"),
        ("【明德银行】详情 т.сn/abc 回T退订", "LNK001", "т.сn/abc"),
        ("【明德银行】υѕdt 理财 回T退订", "PRO003", "υѕdt"),
    ],
)
def test_pinyin_and_lookalike_evasions(text: str, code: str, evidence: str) -> None:
    from assistant import check

    assert (code, evidence) in [(f.code, f.evidence) for f in check(text).findings]


def test_latin_words_in_chinese_are_not_read_as_pinyin_homophones() -> None:
    from assistant import check

    text = "【明德银行】App专享：ETF基金定投。基金有风险，投资须谨慎。回T退订"
    assert check(text).verdict == "pass"


def test_pinyin_matches_end_on_a_syllable_boundary() -> None:
    """A Latin run is read syllable by syllable: 包zhuang is 包装 (bao|zhuang), not 包赚
    plus a stray g; 包xia卡 is 包下卡, not 包息.  Whole syllables still match."""
    from assistant import check
    from assistant.text.pinyin import syllable_bounds

    assert syllable_bounds("baozhuang") == {0, 3, 9}
    assert 2 not in syllable_bounds("xiaka")
    stray = check("【恒信银行】资料可包zhuang，包xia卡。回T退订")
    assert "ADV001" not in {f.code for f in stray.findings}
    real = check("【恒信银行】这款理财包zhuan不亏，jiushi稳赚。回T退订")
    assert "ADV001" in {f.code for f in real.findings if f.severity == "error"}


def test_cached_fold_table_equals_a_fresh_build(tmp_path, monkeypatch) -> None:
    from assistant.text import normalize as n

    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path))
    first = n._cached_fold_table()  # builds and writes the cache
    assert list(tmp_path.glob("fold-*.pickle"))
    second = n._cached_fold_table()  # reads it back
    assert first == second == n._build_fold_table()


def test_nospace_view_follows_display_order_under_a_right_to_left_override() -> None:
    """A figure written backwards inside an RLO run (‮%21化年‬) is read as displayed (年化12%),
    and every position still maps back to the original text."""
    text = "收益\u202e%21化年\u202c，详询"
    nt = normalize(text)
    assert "年化12%" in nt.nospace
    i = nt.nospace.index("12%")
    start, end = nt.nospace_span(i, i + 3)
    assert sorted(text[start:end]) == sorted("%21")


def test_japanese_variant_characters_fold_to_simplified_but_everyday_characters_stay() -> None:
    """Shinjitai forms outside GB2312 fold (穏→稳, 徴→征, 険→险); characters that are ordinary
    simplified Chinese (芸, 余, 欠, 弁) keep their meaning."""
    assert fold("穏賺不賠") == "稳赚不赔"
    assert fold("不看徴信") == "不看征信"
    assert fold("保険") == "保险"
    assert fold("芸芸众生余欠弁") == "芸芸众生余欠弁"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("全国第Ⅰ", "全国第1"), ("第Ⅱ名", "第2名"), ("第❶", "第1"), ("⑶号", "3号"), ("➄星", "5星")],
)
def test_numerals_of_another_kind_read_as_digits(raw: str, expected: str) -> None:
    """Roman, circled, parenthesised and dingbat digits fold to the digit, one character each
    (返现力度全国第Ⅰ is 全国第一; NFKC alone read Ⅰ as the letter i and left Ⅱ as it was)."""
    assert fold(raw) == expected
