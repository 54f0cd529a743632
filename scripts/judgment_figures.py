"""Print the checker's judgment figures for labelled draft sets, as the README reports them.

Why a script and not ``assistant eval``: the README compares many sets side by side, with
one line each (recall of required codes, compliant drafts with a false error per 100
compliant drafts, verdict accuracy, kind accuracy, marketing read as service); ``-c`` adds
per-code counts of false errors and misses, the only detail the held-out sets may be read
at.  Drafts are checked exactly as ``assistant eval`` checks them (``run_drafts``).

    .venv/bin/python scripts/judgment_figures.py evals/drafts_holdout.jsonl [-c] [more.jsonl …]
"""

from __future__ import annotations

import sys
from collections import Counter

from assistant.config import load_settings
from assistant.evals.datasets import load_dataset
from assistant.evals.report import run_drafts


def figures(path: str, per_code: bool = False) -> str:
    recs = run_drafts(load_dataset(path), load_settings())
    tp = sum(len(r["tp"]) for r in recs)
    fn = sum(len(r["fn"]) for r in recs)
    compliant = [r for r in recs if r["expected_verdict"] in ("pass", "review")]
    false_error = sum(1 for r in compliant if any(r["fired"].get(c) == "error" for c in r["fp"]))
    verdicts = [r for r in recs if r["expected_verdict"] is not None]
    kinds = [r for r in recs if r["kind_ok"] is not None]
    silent = sum(1 for r in recs if r["expected_kind"] == "marketing" and r["actual_kind"] == "service")

    def ratio(num: int, den: int) -> str:
        return f"{num / den:.3f}" if den else "—"

    line = (
        f"{path.rsplit('/', 1)[-1]:32s} n={len(recs):4d} recall={ratio(tp, tp + fn)} "
        f"FE/100c={100 * false_error / max(1, len(compliant)):.1f} "
        f"verdict={ratio(sum(r['verdict_ok'] for r in verdicts), len(verdicts))} "
        f"kind={ratio(sum(bool(r['kind_ok']) for r in kinds), len(kinds))} mkt->svc={silent}"
    )
    if per_code:
        errors = Counter(c for r in recs for c in r["fp"] if r["fired"].get(c) == "error")
        misses = Counter(c for r in recs for c in r["fn"])
        line += f"\n   FE: {dict(errors.most_common())}\n   MISS: {dict(misses.most_common())}"
    return line


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("-")]
    if not paths:
        print(__doc__)
        return 2
    for path in paths:
        print(figures(path, per_code="-c" in argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
