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
