"""The engine's per-detector gates (``Detector.gate``) skip only detectors that find nothing.

A gate is a necessary condition read from the detector's own words and patterns; the engine
runs a detector only where its gate holds.  Soundness is checked here the hard way: every
gated detector is run anyway on every text its gate turns away — each rule example (with its
profile), the drafts and, in the slow test, every eval set — with the kind inferred and
declared either way, and must find nothing there.  A gate that turned away a text the detector
fires on fails these tests; so does a detector that was expected to be gated and lost its gate.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from assistant.checker.engine import Checker
from assistant.config import Settings
from assistant.profile import load_profile
from assistant.text.normalize import normalize
from assistant.text.yamlload import load_yaml

ROOT = Path(__file__).resolve().parents[1]


def _rule_examples() -> Iterator[tuple[str, str | None, str | None]]:
    for path in sorted((ROOT / "knowledge" / "rules").glob("*.examples.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        for key in ("fire", "ok"):
            for item in data.get(key) or []:
                case = {"text": item} if isinstance(item, str) else dict(item or {})
                if case.get("text"):
                    yield case["text"], case.get("profile", data.get("profile")), case.get("kind")


def _jsonl_texts(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str) and text:
                    yield text


@cache
def _checker(profile: str | None) -> Checker:
    return Checker(Settings(), load_profile(profile) if profile else None)


def _gated(checker: Checker) -> dict[str, tuple[object, object]]:
    """Every gated detector of any plan, by code, with its gate."""
    return {d.code: (d, g) for plan in checker._gated.values() for d, g in plan if g is not None}


def _turned_away_but_fired(checker: Checker, text: str, kinds: tuple[str | None, ...]) -> list[str]:
    """Each (kind, code) where the gate says no and the detector, run anyway, finds something."""
    bad = []
    gated = _gated(checker)
    max_len = checker.settings.max_check_length
    if len(text) > max_len:
        return bad
    for kind in kinds:
        msg = checker.read(normalize(text))
        checker.judge_kind(msg, kind)
        for code, (det, gate) in gated.items():
            if not gate(msg):  # type: ignore[operator]
                found = list(det.detect(msg))  # type: ignore[attr-defined]
                if found:
                    bad.append(f"{kind}:{code}: {text[:60]!r}")
    return bad


def test_every_always_run_detector_is_gated() -> None:
    """Each detector the plans run on every message has a gate today but FMT001 (its own first
    test is one search that fails on nine messages in ten; as a gate it was a second search
    on the tenth, +0.2% instructions): one losing its gate (a pattern the gate reader can no
    longer read) is a slowdown to notice, not a wrong result."""
    checker = _checker(None)
    ungated = {d.code for plan in checker._gated.values() for d, g in plan if g is None}
    assert ungated == {"FMT001"}
    assert len(_gated(checker)) >= 17


def test_a_gate_turns_away_a_plain_greeting_and_lets_a_violation_through() -> None:
    """The gates do something (a greeting runs only the detectors of what it lacks) and let
    through what the detectors fire on."""
    checker = _checker(None)
    gated = _gated(checker)
    msg = checker.read(normalize("您好"))
    checker.judge_kind(msg, None)
    # (only the rules that fire on an absence let it through: no signature, no opt-out)
    assert {code for code, (_, gate) in gated.items() if gate(msg)} == {"OPT001", "SIG001", "SIG003"}  # type: ignore[operator]
    msg = checker.read(normalize("客户张三身份证号110101199003071234，手机13812345678，日息0.1%，借1000元"))
    checker.judge_kind(msg, "marketing")
    passed = {code for code, (_, gate) in gated.items() if gate(msg)}  # type: ignore[operator]
    assert {"PRV001", "PRV004", "DIS001", "DIS004", "PRO007"} <= passed


def test_gates_sound_on_rule_examples_and_drafts() -> None:
    bad: list[str] = []
    for text, profile, kind in _rule_examples():
        bad += _turned_away_but_fired(_checker(profile), text, (kind, "marketing", "service"))
        bad += _turned_away_but_fired(_checker(None), text, (None,))
    drafts = ROOT / "evals" / "drafts.jsonl"
    for text in _jsonl_texts(drafts):
        bad += _turned_away_but_fired(_checker(None), text, (None, "marketing", "service"))
    assert not bad, bad[:20]


@pytest.mark.slow
def test_gates_sound_on_every_eval_set() -> None:
    bad: list[str] = []
    for path in sorted((ROOT / "evals").glob("*.jsonl")):
        for text in _jsonl_texts(path):
            bad += _turned_away_but_fired(_checker(None), text, (None, "marketing", "service"))
            bad += _turned_away_but_fired(_checker("example-bank"), text, (None,))
    assert not bad, bad[:20]
