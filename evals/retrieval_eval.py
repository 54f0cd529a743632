"""Retrieval quality on evals/qa.jsonl: prints hit@1, hit@3 and MRR.

A thin wrapper over :func:`assistant.evals.qa.evaluate_retrieval` — the same code and
figures as ``assistant eval --dataset evals/qa.jsonl``, without writing report files.

.venv/bin/python evals/retrieval_eval.py              # fresh index in a temp dir
.venv/bin/python evals/retrieval_eval.py --data-dir D # reuse (and update) an index
.venv/bin/python evals/retrieval_eval.py --json -v    # machine-readable, list misses
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.evals.datasets import load_dataset  # noqa: E402
from assistant.evals.qa import TOP_K, default_adapter, evaluate_retrieval  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default=str(ROOT / "evals" / "qa.jsonl"))
    parser.add_argument("--data-dir", help="index folder to use (default: a fresh temporary one)")
    parser.add_argument("--k", type=int, default=TOP_K)
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list questions missed in the top 3")
    args = parser.parse_args(argv)

    dataset = load_dataset(args.dataset)
    for err in dataset.errors:
        print(f"错误：{err}", file=sys.stderr)
    if not dataset.qa:
        print(f"错误：{args.dataset} 中没有可评测的检索问题（id、question、expected）", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="assistant-eval-") as tmp:
        adapter, why = default_adapter(Path(args.data_dir) if args.data_dir else Path(tmp))
        if adapter is None:
            print(why, file=sys.stderr)
            return 2
        records, metrics = evaluate_retrieval(adapter, dataset.qa, dataset.name, k=args.k)
    misses = [r for r in records if not r["passed"]]
    if args.json:
        print(json.dumps({**metrics, "misses": misses if args.verbose else None}, ensure_ascii=False))
    else:
        print(
            f"cases {metrics['cases']}  hit@1 {metrics['hit@1']}  hit@3 {metrics['hit@3']}  MRR {metrics['mrr']}"
        )
        if args.verbose:
            for miss in misses:
                print(f"  miss {miss['id']} rank={miss['rank']} {miss['question']}")
                print(f"       expected {miss['expected']}")
                print(f"       got      {miss['got']}")
    return 2 if dataset.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
