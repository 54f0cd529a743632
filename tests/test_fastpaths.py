"""The fast paths give exactly the answers of the plain ones they replace.

Each speed-up in the checker is a shortcut with a slow, obvious twin: a list-indexed
translate table (``str.translate`` with a dict), a run index (one position per
character), a literal gate (the regex search itself), a reading without index
(``to_pinyin``), orjson lines (the standard library's encoder), a cached YAML parse (the
parse).  These tests hold each pair equal on generated input.
"""

from __future__ import annotations

import bisect
import io
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.checker import context as checker_context
from assistant.checker.context import event_pattern_entries
from assistant.checker.detectors import disclosures, returns
from assistant.checker.engine import Checker
from assistant.checker.kind import KindRules
from assistant.checker.rulespec import load_context_lexicon
from assistant.io.jsonlout import JsonlWriter, dumps_compact
from assistant.text import figures
from assistant.text.chartable import CharTable
from assistant.text.normalize import _KEEP_RUN_RE, _SEPARATOR_RE, fold, normalize
from assistant.text.pinyin import pinyin_text, to_pinyin
from assistant.text.regexgate import PartialAlternation, gated_finditer, literal_gate, start_gate

# Characters that exercise every path: CJK (simplified and traditional), full-width,
# separators, digits, Latin, marks, a zero-width joiner, astral letters and emoji.
ALPHABET = "稳賺不赔保本收益年化%％百分之万千元月息个点厘已成功您于12３.·-_ *ab　，。！【】\u200d𝐁💰"
texts = st.text(alphabet=ALPHABET, max_size=24)


def _old_index(folded: str) -> list[int] | None:
    if _SEPARATOR_RE.search(folded) is None:
        return None
    index: list[int] = []
    for m in _KEEP_RUN_RE.finditer(folded):
        index.extend(range(m.start(), m.end()))
    return index


def _old_span(index: list[int] | None, start: int, end: int) -> tuple[int, int]:
    if index is None:
        return start, end
    if end <= start:
        pos = index[start] if start < len(index) else (index[-1] + 1 if index else 0)
        return pos, pos
    return index[start], index[end - 1] + 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_compact_run_index_maps_like_a_per_character_index(text: str) -> None:
    nt = normalize(text)
    index = _old_index(nt.folded)
    n = len(nt.compact)
    for start in range(n + 1):
        for end in range(start, n + 1):
            assert nt.compact_span(start, end) == _old_span(index, start, end)
    for pos in range(-1, len(text) + 2):
        expected = pos if index is None else bisect.bisect_left(index, pos)
        assert nt.compact_pos(pos) == expected


MAPPING = {ord("賺"): "赚", ord("％"): "%", ord("𝐁"): "b", ord("，"): ",", ord("a"): "xy", ord("·"): None}
KEEPING = CharTable(MAPPING)
DROPPING = CharTable(MAPPING, keep_others=False)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_char_table_translates_like_a_dict(text: str) -> None:
    assert KEEPING.translate(text) == text.translate(MAPPING)
    assert DROPPING.translate(text) == "".join(MAPPING.get(ord(ch)) or "" for ch in text)


def test_fold_of_astral_letters_uses_the_full_table() -> None:
    assert fold("𝐁𝐓𝐂 穩賺") == "btc 稳赚"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="稳赚不赔wenzhuanbaoben保本abx比特币，。1", max_size=20))
def test_pinyin_reading_without_index_is_the_same_reading(text: str) -> None:
    assert pinyin_text(text) == to_pinyin(text)[0]


def _patterns() -> list[re.Pattern[str]]:
    context = load_context_lexicon()
    return [
        figures.RATE_PATTERN,
        returns._PRINCIPAL_RE,
        disclosures._ANNUAL_RATE_RE,
        *(re.compile(p) for p, _ in event_pattern_entries(context)),
        *(re.compile(o["pattern"]) for o in context.get("kind_offer_patterns") or ()),
    ]


#: Texts made of the characters the gated patterns are written with (offer, rate and
#: figure words, numerals, separators), so the gates are tried where they could go wrong.
_PATTERN_TEXTS = st.text(
    alphabet=ALPHABET
    + "满返享折免借回复起待可预审通过欢迎购买理财到账日:：成厘分利息倍翻基点‰每万天二三半双~至",
    max_size=30,
)


@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: p.pattern[:24])
def test_literal_gates_never_rule_out_a_match(pattern: re.Pattern[str]) -> None:
    gate = literal_gate(pattern)
    assert gate is not None, "every pattern here has characters a match must contain"

    @settings(max_examples=400, deadline=None)
    @given(_PATTERN_TEXTS)
    def check(text: str) -> None:
        if not gate(text):
            assert pattern.search(text) is None

    check()


def test_literal_gate_reads_alternatives_and_refuses_what_it_cannot_read() -> None:
    gate = literal_gate(re.compile(r"\d+%|百分之\d+"))
    assert gate is not None
    assert gate("年化12%") and gate("百分之十") and not gate("余额1,200元")
    assert literal_gate(re.compile(r"\d+|[a-z]+")) is None  # an alternative with no literal
    assert literal_gate(re.compile("abc", re.IGNORECASE)) is None


def test_literal_gate_reads_the_first_and_the_last_requirement_of_each_branch() -> None:
    """Any one requirement of each branch, joined, is one of the alternation's: the first of
    each (日, 月) and the last of each (息, 率).  A date (12月3日) passes the first alone."""
    pattern = re.compile(r"(?:日息|月息|日利率|月利率)\d")
    gate = literal_gate(pattern)
    assert gate is not None
    assert gate("月息2") and gate("日利率0") and not gate("12月3日到账") and not gate("利息")
    for text in ("12月3日到账", "利息", "日息", "月利率5", "每日利息"):
        assert bool(gate(text)) or pattern.search(text) is None


@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: p.pattern[:24])
def test_start_gated_finditer_finds_what_finditer_finds(pattern: re.Pattern[str]) -> None:
    gate = start_gate(pattern)
    alternation = PartialAlternation(pattern)

    @settings(max_examples=400, deadline=None)
    @given(_PATTERN_TEXTS)
    def check(text: str) -> None:
        expected = [(m.span(), m.group()) for m in pattern.finditer(text)]
        assert [(m.span(), m.group()) for m in gated_finditer(pattern, gate, text)] == expected
        named = [(m.span(), m.group(), m.groupdict()) for m in pattern.finditer(text)]
        unset = dict.fromkeys(pattern.groupindex)
        found = [(m.span(), m.group(), unset | m.groupdict()) for m in alternation.finditer(text)]
        assert found == named

    check()


def test_start_gate_reads_first_characters_and_refuses_what_it_cannot_read() -> None:
    gate = start_gate(re.compile(r"(?<=息)万\d|(?:\d+)?%|每?天"))
    assert gate is not None and gate.pattern == r"[万\d%每天]"
    assert start_gate(re.compile(r"\d*")) is None  # may match the empty string
    assert start_gate(re.compile(r"[^a]b")) is None  # any character may start it
    assert start_gate(re.compile(r".b")) is None
    figures._RATE_ALTERNATION.finditer("")
    assert figures._RATE_ALTERNATION._alternatives is not None  # the rate pattern is read


def test_partial_alternation_splits_only_at_top_level_bars() -> None:
    alternation = PartialAlternation(re.compile(r"a(?:b|c)%|[|x]y|\|z|每(?P<n>\d)天"))
    alternation.finditer("")
    assert alternation._alternatives == [r"a(?:b|c)%", "[|x]y", r"\|z", r"每(?P<n>\d)天"]
    assert [m.group() for m in alternation.finditer("每3天 ab% |z xy")] == ["每3天", "ab%", "|z", "xy"]
    assert alternation.finditer("ab 3天") == []
    backref = PartialAlternation(re.compile(r"(a)|\1b"))
    assert backref.finditer("aa") and backref._alternatives is None  # a back reference


def test_kind_rules_gate_every_event_pattern() -> None:
    rules = KindRules.from_lexicon(load_context_lexicon())
    assert len(rules.event_gates) == len(rules.event_patterns)
    assert len(rules.offer_gates) == len(rules.offer_patterns)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789,:，。！!？?；;：\n a中", max_size=16))
def test_clause_and_sentence_ends_match_the_plain_alternation(text: str) -> None:
    """The one-class delimiter patterns find what the readable alternation finds: a comma
    or colon ends a clause unless it stands between two digits (1,000, 9:00)."""
    clause = re.compile(
        "["
        + re.escape("".join(sorted(checker_context.CLAUSE_DELIMITERS - {",", ":"})))
        + "]|(?<![0-9])[,:]|[,:](?![0-9])"
    )
    sentence = re.compile(
        "["
        + re.escape("".join(sorted(checker_context.SENTENCE_DELIMITERS - {":"})))
        + "]|(?<![0-9]):|:(?![0-9])"
    )
    for plain, fast in (
        (clause, checker_context._CLAUSE_DELIMITER_RE),
        (sentence, checker_context._SENTENCE_DELIMITER_RE),
    ):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_kind_gate_index_keeps_every_pattern_its_gate_passes() -> None:
    """One class search picks the gated kind patterns a text may match: it never leaves
    out a pattern whose own gate passes (the full test still runs on each candidate)."""
    rules = KindRules.from_lexicon(load_context_lexicon())
    compact_gates = rules.event_gates + rules.own_gates

    @settings(max_examples=400, deadline=None)
    @given(_PATTERN_TEXTS | st.sampled_from(["您的账户尾号1234已于3月5日到账", "预审通过，最高可借20万"]))
    def check(text: str) -> None:
        offers = set(rules.offer_index.candidates(text))
        for i, gate in enumerate(rules.offer_gates):
            if gate is None or gate.search(text) is not None:
                assert i in offers
        compact = set(rules.compact_index.candidates(text))
        for i, may_match in enumerate(compact_gates):
            if may_match is None or may_match(text):
                assert i in compact

    check()


def test_scan_tags_the_offer_needs_the_kind_index_finds() -> None:
    """The dictionary scan reports the kind's offer needs (tags on its own automaton): the
    candidates read from those tags are the ones the needs' own automaton finds in the view,
    on text made of the needs themselves (overlapping, beside digits, inside other words)."""
    checker = Checker()
    rules = checker._kind_rules
    needs = sorted({n for ns in rules.offer_index.needs for n in ns if n})
    pieces = st.sampled_from(needs) | st.text(
        alphabet=ALPHABET + "".join(sorted({c for n in needs for c in n})), max_size=4
    )

    @settings(max_examples=400, deadline=None)
    @given(st.lists(pieces, max_size=8).map("".join))
    def check(text: str) -> None:
        compact = normalize(text).compact
        scan = checker.lexicon.scan(compact)
        if scan.view:
            assert rules.offer_index.scanned(scan.needs) == rules.offer_index.candidates(scan.view)

    check()


class _Stream(io.TextIOWrapper):
    def __init__(self, encoding: str = "utf-8") -> None:
        super().__init__(io.BytesIO(), encoding=encoding, newline="")

    def text(self) -> str:
        self.flush()
        return self.buffer.getvalue().decode(self.encoding)  # type: ignore[attr-defined]


OBJECTS = [
    {"text": "稳赚不赔\n\u2028", "n": 12, "x": 12.5, "ok": True, "none": None, "list": [1, "二"]},
    {"big": 2**70, "text": "超出 64 位的整数由标准库编码"},
    {1: "非字符串键"},
    {"nested": {"a": [{"b": "c"}]}, "float": 1e-7},
]


def test_jsonl_lines_parse_to_the_objects_written_in_order() -> None:
    stream = _Stream()
    stream.write("前面已打印的内容\n")
    writer = JsonlWriter(stream)
    for obj in OBJECTS * 3:
        writer.write(obj)
    writer.close()
    lines = stream.text().split("\n")[:-1]  # not splitlines(): U+2028 stays inside a line
    assert lines[0] == "前面已打印的内容"
    parsed = [json.loads(line) for line in lines[1:]]
    expected = [json.loads(dumps_compact(obj)) for obj in OBJECTS * 3]
    assert parsed == expected
    assert all(", " not in line.replace("非字符串键", "") for line in lines[1:] if '"text"' not in line)


def test_jsonl_writer_through_a_non_utf8_stream_writes_text() -> None:
    stream = _Stream("gb18030")
    writer = JsonlWriter(stream)
    writer.write({"text": "稳赚不赔"})
    writer.close()
    assert json.loads(stream.text()) == {"text": "稳赚不赔"}


def test_jsonl_writer_flushes_in_chunks_and_on_close() -> None:
    stream = _Stream()
    writer = JsonlWriter(stream)
    big = {"text": "字" * 1000}
    for _ in range(40):  # ~120 KB: at least one chunk is handed over before close
        writer.write(big)
    assert stream.buffer.getvalue()  # type: ignore[attr-defined]
    writer.close()
    assert stream.text().count("\n") == 40


def test_yaml_parses_are_cached_and_errors_are_not(tmp_path, monkeypatch) -> None:
    import yaml

    from assistant.text import yamlload

    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path))
    text = "a: 1\nb: [x, 二]\nc: 2024-01-02\n"
    first = yamlload.load_yaml(text)
    calls = []
    monkeypatch.setattr(yaml, "load", lambda *a, **k: calls.append(1) or {"parsed": "again"})
    assert yamlload.load_yaml(text) == first  # from the cache: yaml.load not called
    assert not calls
    first["a"] = 99
    assert yamlload.load_yaml(text)["a"] == 1  # every load is a fresh copy
    monkeypatch.undo()
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path))
    for _ in range(2):  # a duplicate key is an error every time, never a cached success
        with pytest.raises(yaml.constructor.ConstructorError):
            yamlload.load_yaml("a: 1\na: 2\n")


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def test_stages_compose_to_check(checker: Checker) -> None:
    for text in (
        "【明德银行】稳赚不赔，年化收益12%。回T退订",
        "【汇通支付】您的验证码为1234，请勿告知他人。",
    ):
        msg = checker.read(normalize(text))
        judged = checker.judge_kind(msg, None)
        staged = checker.finish(text, msg, checker.detect(msg), *judged)
        assert staged.to_dict() == checker.check(text).to_dict()


def test_parallel_results_keep_input_order_with_a_forked_checker(checker: Checker) -> None:
    texts = [f"【明德银行】稳赚不赔，年化收益{i % 30}%。回T退订" for i in range(300)]
    serial = [r.to_dict() for r in checker.check_many(texts)]
    parallel = [r.to_dict() for r in checker.check_many(texts, workers=2, chunksize=7)]
    assert parallel == serial


ORIGINAL_MIXED = re.compile(r"[a-z]{2,}(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[a-z]{2,}")
ORIGINAL_INITIALS = re.compile(
    r"(?<![a-z0-9])[a-z]{1,2}(?![a-z0-9])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[a-z]{1,2}(?![a-z0-9])"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab1中文x2 z。", max_size=14))
def test_letter_first_patterns_match_what_the_look_behind_forms_match(text: str) -> None:
    from assistant.text.pinyin import INITIALS_RE, MIXED_RE

    for fast, plain in ((MIXED_RE, ORIGINAL_MIXED), (INITIALS_RE, ORIGINAL_INITIALS)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_lexicon_from_the_cache_scans_like_a_fresh_build(tmp_path) -> None:
    import pickle
    import shutil

    from assistant.checker import engine
    from assistant.checker.context import Lexicon
    from assistant.checker.rulespec import load_boundaries, load_rule_specs
    from assistant.paths import rules_dir

    lexicon = Checker().lexicon
    copy = pickle.loads(pickle.dumps(lexicon))
    assert isinstance(copy, Lexicon)
    for text in ("稳赚不赔，年化收益12%", "您尾号1234的信用卡本期账单3,280.00元，回T退订", "保本wen赚", ""):
        compact = normalize(text).compact
        fresh, cached = lexicon.scan(compact), copy.scan(compact)
        assert (fresh.triggers, fresh.exempts, fresh.contexts, fresh.kind_hits, fresh.cues, fresh.view) == (
            cached.triggers,
            cached.exempts,
            cached.contexts,
            cached.kind_hits,
            cached.cues,
            cached.view,
        )
    # The key follows every rule file's text: an edited rule is never served from the cache.
    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    context = load_context_lexicon(str(rules))
    key = engine._lexicon_cache_key(
        list(load_rule_specs(str(rules))), context, (), load_boundaries(str(rules))
    )
    first = sorted(rules.glob("[A-Z]*[0-9].yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    load_rule_specs.cache_clear()
    edited = engine._lexicon_cache_key(
        list(load_rule_specs(str(rules))), context, (), load_boundaries(str(rules))
    )
    assert key is not None and edited is not None and key != edited


def test_cache_pruning_keeps_only_the_newest_entries_of_one_kind(tmp_path) -> None:
    """Every rule or code change makes a new cache key; the entries it replaces are removed,
    other kinds of entry beside them are not."""
    import os

    from assistant.text import picklecache

    for i in range(5):
        f = tmp_path / f"fold-v{i}.pickle"
        f.write_bytes(b"x")
        os.utime(f, (1_000_000 + i, 1_000_000 + i))
    (tmp_path / "pinyin-v1.pickle").write_bytes(b"x")
    picklecache.prune(tmp_path / "fold-v4.pickle", "fold-", keep=2)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["fold-v3.pickle", "fold-v4.pickle", "pinyin-v1.pickle"]


def test_checkers_over_the_same_rules_share_the_compiled_kind_rules() -> None:
    """Compiling the kind decision's patterns was most of a checker's construction; every
    checker over the same rules (other settings, profiles) reuses one compiled copy."""
    from assistant.checker.engine import Checker
    from assistant.config import Settings

    a, b = Checker(), Checker(Settings(ignore=["LEN001"]))
    assert a._kind_rules is b._kind_rules
