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
