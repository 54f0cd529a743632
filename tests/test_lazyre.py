"""assistant/text/lazyre.py: a pattern compiled on first use behaves as re.compile's."""

from __future__ import annotations

import pickle
import re

from assistant.text import lazyre

TEXT = "年化收益12%，月息2分，年化3.5%"


def test_not_compiled_until_used_then_same_results() -> None:
    lazy = lazyre.compile(r"(?P<n>\d+(?:\.\d+)?)%")
    eager = re.compile(r"(?P<n>\d+(?:\.\d+)?)%")
    assert lazy._compiled is None and lazy.pattern == eager.pattern
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in eager.finditer(TEXT)]
    assert lazy._compiled is not None
    assert lazy.search(TEXT).group("n") == "12"  # type: ignore[union-attr]
    assert lazy.match(TEXT) is None and lazy.match(TEXT, 4).span() == (4, 7)  # type: ignore[union-attr]
    assert lazy.findall(TEXT) == eager.findall(TEXT)
    assert lazy.sub("X", TEXT) == eager.sub("X", TEXT)
    assert lazy.groupindex == eager.groupindex and lazy.groups == 1


def test_other_attributes_compile_too() -> None:
    lazy = lazyre.compile("a(b)")
    assert lazy.groups == 1 and lazy._compiled is not None


def test_bad_pattern_fails_on_first_use() -> None:
    lazy = lazyre.compile("(")
    try:
        lazy.search("x")
    except re.error:
        pass
    else:  # pragma: no cover - the assertion is the point
        raise AssertionError("a bad pattern must raise when used")


def test_pickles_as_its_source() -> None:
    lazy = lazyre.compile("保本|保息", re.IGNORECASE)
    lazy.search("保本")
    back = pickle.loads(pickle.dumps(lazy))
    assert (back.pattern, back.flags, back._compiled) == ("保本|保息", re.IGNORECASE, None)
    assert back.search("稳赚保息").group() == "保息"  # type: ignore[union-attr]


def test_compile_now_matches_as_re_compile_does_from_the_stored_code(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The code cache: a pattern made from stored code matches exactly as re.compile's."""
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(lazyre, "_CODES", None)
    monkeypatch.setattr(lazyre, "_NEW", {})
    source = r"(?P<n>\d+(?:\.\d+)?)(?P<unit>%|‰)|(?i:abc)[\u4e00-\u9fff]{1,3}"
    first = lazyre.compile_now(source)
    lazyre._store_new_codes()  # what the exit handler does
    monkeypatch.setattr(lazyre, "_CODES", None)  # a new process: codes read from the cache
    again = lazyre.compile_now(source)
    assert lazyre._CODES and (source, 0) in lazyre._CODES
    eager = re.compile(source)
    for p in (first, again):
        assert (p.pattern, p.flags, p.groups, p.groupindex) == (
            eager.pattern,
            eager.flags,
            eager.groups,
            eager.groupindex,
        )
        assert [m.groupdict() for m in p.finditer(TEXT + "ABC保本x")] == [
            m.groupdict() for m in eager.finditer(TEXT + "ABC保本x")
        ]
    try:
        lazyre.compile_now("(")
    except re.error:
        pass
    else:  # pragma: no cover - the assertion is the point
        raise AssertionError("a bad pattern must raise re.error")


#: Patterns whose first item gives ``re`` no search start, each beside texts where a match
#: starts after a character the look-around or the optional head rejects.
_WIDENED = (
    r"(?<![为给向帮替])您(?:的|名下)",
    r"(?<![您本该])[¥￥]?\d+(?:\.\d+)?元?(?:/|每)(?:年|月)",
    r"(?<![在于从向])(?:我司|本公司|我行|本行)(?:的|旗下)",
    r"[一-鿿]+",
    r"(?:(?<=息|率)|(?<=每天))(?:收益|能赚)?\d+",
    r"(?P<p1>每个月|每月)?(?:仅需|只需)?(?:另收|加收)\d+元",
    r"(?:有人|大家)(?:都|常)?说|[^，。]{1,6}?(?:之外|以外)的",
    r"^\s*【([^【】\n]*)】",
    r"[^ab]+c|(?:x|y)?z",
    r"(?<!x)abc",
    r"(?=[a-z])\w+\d",
    r"(?i:保)本|abc",
)
_WIDENED_TEXTS = (
    "为您的账户，给您名下，您的余额，您名下的卡",
    "本行¥20元/年，您100元每月，该5元每年，年费¥12.5/月",
    "在我司的，我行旗下理财，从本公司的，本公司的产品",
    "abc保本12%理财，ABC稳赚",
    "月息2分，利率3，每天收益50元，年化息5",
    "每月仅需另收10元，只需加收5元，每个月另收3元",
    "有人说，大家都说，本行之外的，境外的",
    "  【明德银行】您好",
    "【明德银行】您好",
    "xabc abc aac zz yz c",
    "Aa1 ab2 3",
)


def test_widened_search_start_finds_what_re_compile_finds(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The search start read past look-arounds, repeats and optional heads (see ``_code``):
    the same matches, at every start position, as ``re.compile``'s pattern; and the start is
    set (the search skips the positions where no match can start)."""
    from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(lazyre, "_CODES", None)
    monkeypatch.setattr(lazyre, "_NEW", {})
    for source in _WIDENED:
        ours, eager = lazyre.compile_now(source), re.compile(source)
        for text in _WIDENED_TEXTS:
            for pos in range(len(text)):
                assert [(m.span(), m.groups()) for m in ours.finditer(text, pos)] == [
                    (m.span(), m.groups()) for m in eager.finditer(text, pos)
                ], (source, text, pos)
                found, expected = ours.search(text, pos), eager.search(text, pos)
                assert (found and found.span()) == (expected and expected.span()), (source, text, pos)
                found, expected = ours.match(text, pos), eager.match(text, pos)
                assert (found and found.span()) == (expected and expected.span()), (source, text, pos)
    code = lazyre._code(_parser.parse(_WIDENED[0], 0), 0)
    assert code[0] == _constants.INFO and code[2] == _constants.SRE_INFO_PREFIX and code[6] == 0
    code = lazyre._code(_parser.parse(_WIDENED[1], 0), 0)
    assert code[2] == _constants.SRE_INFO_CHARSET
    # what may match empty, or starts with any character, keeps re's own code
    for source in (r"(?<=x)\d*", r".+x", r"(?:[^a]|b)c"):
        assert lazyre._code(_parser.parse(source, 0), 0) == _compiler._code(_parser.parse(source, 0), 0)


#: Repeats of one character made possessive (``_possessive``) or left alone, each beside texts
#: where backtracking into the repeat would matter if the rule were wrong.
_POSSESSIVE = (
    r"(?<![您本该])[¥￥]?\d+(?:\.\d+)?元?(?:/|每)(?:年|月)",
    r"[^，,。]{0,6}?，",
    r"(\d+)\.\d+%",
    r"\d+(?!%)",  # nothing after it in the pattern: left alone (12% still matches 1)
    r"(?:\d+(?!%))元",
    r"\d+\d",  # what follows can be a digit: left alone
    r"[a-z]+(?:\d|x)?[^a-z]",
    r"(?:ab+)+c",
    r"(?=\d+元)\d",
    r"\d{2,3}?[^\d]|x*y",
)
_POSSESSIVE_TEXTS = (
    "12%元",
    "本行¥20元/年，您100元每月，5.5元/月",
    "12.5%，3.%",
    "abbbabc ab1z abx! 12元3 1234a",
)


def test_possessive_repeats_find_what_re_compile_finds(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A repeat of one character made possessive where what follows cannot start with one of
    its characters: the same matches and groups, at every start position, as ``re.compile``'s
    pattern; and the repeat is possessive in the code."""
    from re import _constants, _parser  # type: ignore[attr-defined]

    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(lazyre, "_CODES", None)
    monkeypatch.setattr(lazyre, "_NEW", {})
    for source in _POSSESSIVE:
        ours, eager = lazyre.compile_now(source), re.compile(source)
        for text in _POSSESSIVE_TEXTS:
            for pos in range(len(text)):
                assert [(m.span(), m.groups()) for m in ours.finditer(text, pos)] == [
                    (m.span(), m.groups()) for m in eager.finditer(text, pos)
                ], (source, text, pos)
                for method in ("match", "fullmatch", "search"):
                    found, expected = getattr(ours, method)(text, pos), getattr(eager, method)(text, pos)
                    assert (found and found.span()) == (expected and expected.span()), (source, text, pos)
    assert _constants.POSSESSIVE_REPEAT_ONE in lazyre._code(_parser.parse(r"\d+元", 0), 0)
    for source in (r"\d+(?!%)", r"\d+\d", r"(?i)a+b"):
        assert _constants.POSSESSIVE_REPEAT_ONE not in lazyre._code(_parser.parse(source, 0), 0), source
