"""Issue 10, item 5 for the checker: the work one message may cause is bounded.

* A message over ``max_check_length`` (default 2,000) gets LEN001 at error naming the
  limit and nothing else is scanned — whatever the rule selection, so an unchecked
  message never reads as a pass.
* Identical findings (same rule, evidence and severity) are listed at most
  ``MAX_REPEATS`` times; the last one listed carries the total.
* Context questions look up cues by position: the number of cues examined per question
  does not grow with the message (timing-free; ``benchmarks/bench_hostile.py`` times it).
"""

from __future__ import annotations

import json

import pytest
from safe_cli import make_cli

from assistant.checker import context as context_module
from assistant.checker.engine import MAX_REPEATS, Checker
from assistant.config import Settings
from assistant.errors import ConfigError

CLAIM = "稳赚不赔！"
SIG = "【明德银行】"


@pytest.fixture
def cli(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """``cli(*args, input=None, env=None, cwd=None) -> Result`` (see tests/safe_cli.py)."""
    return make_cli(tmp_path, monkeypatch)


def wall(n: int, unit: str = CLAIM) -> str:
    return SIG + (unit * (n // len(unit) + 1))[: n - len(SIG)]


def test_a_message_over_the_limit_gets_len001_and_nothing_else() -> None:
    checker = Checker()
    assert checker.settings.max_check_length == 2000
    text = wall(64_000)
    result = checker.check(text)
    assert [(f.code, f.severity) for f in result.findings] == [("LEN001", "error")]
    (f,) = result.findings
    assert "64000" in f.message and "2000" in f.message and "max_check_length" in f.message
    assert f.evidence == text[f.start : f.end] and f.start == 2000
    assert result.verdict == "fail" and result.kind == "uncertain"
    assert checker.check(text, kind="marketing").kind == "marketing"


def test_the_limit_is_exclusive_and_configurable() -> None:
    at_limit = wall(2000)
    codes = {f.code for f in Checker().check(at_limit).findings}
    assert "ADV001" in codes  # exactly at the limit: scanned as usual
    over = wall(3000)
    assert {f.code for f in Checker().check(over).findings} == {"LEN001"}
    assert "ADV001" in {f.code for f in Checker(Settings(max_check_length=5000)).check(over).findings}


@pytest.mark.parametrize("selection", [{"ignore": ["LEN001"]}, {"select": ["ADV"]}])
def test_the_limit_holds_whatever_the_selection(selection: dict) -> None:
    result = Checker(Settings(**selection)).check(wall(5000))
    assert [f.code for f in result.findings] == ["LEN001"] and result.verdict == "fail"


@pytest.mark.parametrize("value", [0, 499, 20_001])
def test_the_limit_is_range_checked(value: int) -> None:
    with pytest.raises(ConfigError, match="max_check_length"):
        Settings().with_overrides(max_check_length=value)


def test_identical_findings_are_capped_with_the_total() -> None:
    text = wall(20_000)
    total = text.count("稳赚不赔")
    assert total > 10 * MAX_REPEATS
    result = Checker(Settings(max_check_length=20_000)).check(text)
    groups: dict[tuple[str, str, str], list] = {}
    for f in result.findings:
        groups.setdefault((f.code, f.evidence, f.severity), []).append(f)
    assert groups and all(len(v) <= MAX_REPEATS for v in groups.values())
    adv = groups[("ADV001", "稳赚不赔", "error")]
    assert len(adv) == MAX_REPEATS
    assert f"共 {total} 处" in adv[-1].message and f"前 {MAX_REPEATS} 处" in adv[-1].message
    assert all("共" not in f.message for f in adv[:-1])
    assert [f.start for f in adv] == sorted(f.start for f in adv)  # the first ones, in order
    assert result.verdict == "fail"


def test_the_cap_never_changes_the_verdict_nor_hides_a_kind_of_finding() -> None:
    text = wall(6_000) + "预期年化收益15%，理财非存款。"
    full = Checker(Settings(max_check_length=20_000))
    result = full.check(text)
    assert {f.code for f in result.findings} >= {"ADV001", "LEN001"}
    # A few repeats stay untouched (no count added below the cap).
    small = full.check(SIG + CLAIM * 3)
    assert all("共" not in f.message for f in small.findings)


class _CountingList(list):
    """A cue list that counts how many of its items are read (iteration or indexing)."""

    reads = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            _CountingList.reads += 1
            yield item

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        _CountingList.reads += 1
        return super().__getitem__(i)


def test_context_questions_read_only_nearby_cues(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count the cues the context pass reads, per claim: the same for a message of 50
    claims and of 400.  A loop over every cue of a kind for every trigger (quadratic:
    seconds on a long message) reads 8 times as many per claim at 400."""
    original = context_module.Lexicon.scan

    def scan(self, compact):  # type: ignore[no-untyped-def]
        result = original(self, compact)
        result.cues = {k: _CountingList(v) for k, v in result.cues.items()}
        return result

    monkeypatch.setattr(context_module.Lexicon, "scan", scan)
    checker = Checker(Settings(max_check_length=20_000))
    unit = "稳赚不赔，保本保息！不是不保本，谨防诈骗“稳赚”。"
    per_claim = []
    for n in (50, 400):
        _CountingList.reads = 0
        checker.check(SIG + unit * n)
        per_claim.append(_CountingList.reads / n)
    assert per_claim[0] > 0
    assert per_claim[1] <= per_claim[0] * 1.5, per_claim


def test_a_64k_message_in_a_file_next_to_good_rows(cli, tmp_path) -> None:
    src = tmp_path / "work" / "in.txt"
    src.write_text(
        SIG + "您尾号3307的账单已出。\n" + wall(64_000) + "\n" + SIG + CLAIM + "\n", encoding="utf-8"
    )
    r = cli("check", "-i", src, "--format", "json")
    assert r.code == 1
    rows = json.loads(r.stdout)
    assert [row["line"] for row in rows] == [1, 2, 3]
    assert [f["code"] for f in rows[1]["findings"]] == ["LEN001"] and rows[1]["verdict"] == "fail"
    assert "ADV001" in {f["code"] for f in rows[2]["findings"]}
