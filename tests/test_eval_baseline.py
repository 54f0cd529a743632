"""Regression gate: the shipped drafts dataset against the committed baseline report.

``evals/baseline/report.json`` records, per case, what the offline checker got right and
wrong on ``evals/drafts.jsonl`` (the development drafts), ``evals/drafts_v2codes.jsonl``
and ``evals/rewrites.jsonl``.  The held-out sets (``*_holdout.jsonl``) are not in it: they are
measured in aggregate only (README), never tuned on.  This test fails when a case gets worse (a code missed, a
false alarm, a wrong verdict), when a baseline case disappears, or when a rule's F1 drops.

The baseline is regenerated DELIBERATELY, never to make this test pass blindly: after the
rules or the labels have improved, review the improvements listed by

    .venv/bin/assistant eval --dataset evals/drafts.jsonl --dataset evals/drafts_v2codes.jsonl \
        --dataset evals/rewrites.jsonl --engine offline --baseline evals/baseline/report.json --out /tmp/eval

and then commit the new baseline:

    .venv/bin/assistant eval --dataset evals/drafts.jsonl --dataset evals/drafts_v2codes.jsonl \
        --dataset evals/rewrites.jsonl --engine offline --out evals/baseline
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evals import build_report, compare, load_dataset, load_report

REPO = Path(__file__).resolve().parents[1]
DRAFTS = REPO / "evals" / "drafts.jsonl"
V2CODES = REPO / "evals" / "drafts_v2codes.jsonl"
REWRITES = REPO / "evals" / "rewrites.jsonl"
BASELINE = REPO / "evals" / "baseline" / "report.json"


@pytest.fixture(scope="module")
def current() -> dict:
    return build_report(
        [load_dataset(DRAFTS), load_dataset(V2CODES), load_dataset(REWRITES)], engine="offline"
    )


@pytest.mark.slow
def test_no_regression_against_the_committed_baseline(current: dict) -> None:
    assert BASELINE.is_file(), "missing evals/baseline/report.json: see this module's docstring"
    cmp = compare(current, load_report(BASELINE), str(BASELINE))
    listed = "\n".join(f"  {r['key']}: {r['detail']}" for r in cmp["regressions"])
    assert not cmp["regressions"], (
        f"{len(cmp['regressions'])} regression(s) against the committed baseline:\n{listed}\n"
        "Fix the checker or the labels; regenerate the baseline only deliberately (see docstring)."
    )


def test_baseline_was_made_from_the_shipped_dataset() -> None:
    baseline = load_report(BASELINE)
    names = [d["name"] for d in baseline["run"]["datasets"]]
    assert "drafts.jsonl" in names and "rewrites.jsonl" in names
    assert baseline["run"]["engine"] == "offline" and baseline["run"]["model"] is None
    assert baseline["drafts"]["cases"], "the baseline holds per-case records"
