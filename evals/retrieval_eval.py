"""Retrieval quality on evals/qa.jsonl: prints hit@1, hit@3, hit@5 and MRR.

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

from assistant.knowledge.evaluation import evaluate, load_cases  # noqa: E402
from assistant.knowledge.index import KnowledgeIndex, KnowledgeSettings, StderrProgress  # noqa: E402
from assistant.knowledge.retrieval import HybridRetriever  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default=str(ROOT / "evals" / "qa.jsonl"))
    parser.add_argument("--data-dir", help="index folder to use (default: a fresh temporary one)")
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list questions missed in the top 3")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="assistant-eval-") as tmp:
        data_dir = Path(args.data_dir) if args.data_dir else Path(tmp)
        index = KnowledgeIndex(KnowledgeSettings.load(data_dir=data_dir, chroma_url=""))
        index.ensure(progress=StderrProgress())
        retriever = HybridRetriever(index)
        retriever.warm_up()
        result = evaluate(retriever, load_cases(args.dataset), k=args.k)
    summary = result.summary()
    if args.json:
        print(json.dumps({**summary, "misses": result.misses if args.verbose else None}, ensure_ascii=False))
    else:
        print(
            f"cases {summary['n']}  hit@1 {summary['hit@1']:.3f}  hit@3 {summary['hit@3']:.3f}  "
            f"hit@5 {summary['hit@5']:.3f}  MRR {summary['mrr']:.3f}"
        )
        if args.verbose:
            for miss in result.misses:
                print(f"  miss {miss['id']} rank={miss['rank']} {miss['question']}")
                print(f"       expected {miss['expected']}")
                print(f"       got      {miss['got']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
