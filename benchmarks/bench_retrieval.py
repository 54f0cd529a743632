"""Knowledge index: full ingest time and hybrid query latency (targets: < 60 s, p50 < 50 ms).

Run: .venv/bin/python benchmarks/bench_retrieval.py [--repeats 3] [--cli]

- ingest: ``KnowledgeIndex.sync()`` of the shipped knowledge into a fresh temp dir, e5
  model load included (reported separately too);
- query: ``HybridRetriever.search(q, 5)`` over every question of evals/qa.jsonl, after
  warm-up, ``--repeats`` times; with the split into embedding / Chroma / BM25 costs;
- ``--cli``: one end-to-end ``python -m assistant ask`` on the built index (interpreter,
  imports, model and jieba load included), which is what a shell user waits for.

The last line, ``BENCH_JSON {...}``, carries the figures for scripts.  Figures depend on
the machine and its load; compare runs made on the same machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.evals.datasets import load_dataset  # noqa: E402
from assistant.evals.qa import KnowledgeRetrievalAdapter, evaluate_retrieval  # noqa: E402
from assistant.knowledge.embeddings import embed_query  # noqa: E402
from assistant.knowledge.index import KnowledgeIndex, KnowledgeSettings  # noqa: E402
from assistant.knowledge.retrieval import HybridRetriever  # noqa: E402


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cli", action="store_true", help="also time one `assistant ask` end to end")
    args = parser.parse_args(argv)

    dataset = load_dataset(ROOT / "evals" / "qa.jsonl")
    questions = [c.question for c in dataset.qa]
    figures: dict[str, object] = {"python": platform.python_version(), "cpus": os.cpu_count()}

    with tempfile.TemporaryDirectory(prefix="bench-retrieval-") as tmp:
        index = KnowledgeIndex(KnowledgeSettings(data_dir=Path(tmp), chroma_url=None))
        t0 = time.perf_counter()
        embed_query("加载模型")
        model_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        report = index.sync()
        ingest_s = time.perf_counter() - t1
        chunks = index.count()
        figures.update(
            ingest_s=round(model_s + ingest_s, 2),
            model_load_s=round(model_s, 2),
            files=len(report.added),
            chunks=chunks,
            chunks_per_s=round(chunks / ingest_s, 1),
        )
        print(
            f"ingest  {len(report.added)} files, {chunks} chunks: {model_s + ingest_s:.1f} s "
            f"(model load {model_s:.2f} s, {chunks / ingest_s:.1f} chunks/s)  target < 60 s"
        )

        t2 = time.perf_counter()
        resync = index.sync()
        figures["resync_unchanged_ms"] = round((time.perf_counter() - t2) * 1000, 1)
        print(f"re-sync {len(resync.unchanged)} unchanged files: {figures['resync_unchanged_ms']} ms")

        retriever = HybridRetriever(index)
        t3 = time.perf_counter()
        retriever.warm_up()
        figures["warm_up_s"] = round(time.perf_counter() - t3, 2)
        for q in questions[:5]:
            retriever.search(q, 5)

        latencies: list[float] = []
        embed_ms: list[float] = []
        chroma_ms: list[float] = []
        bm25_ms: list[float] = []
        for _ in range(args.repeats):
            for q in questions:
                t = time.perf_counter()
                retriever.search(q, 5)
                latencies.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                vec = embed_query(q)
                embed_ms.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                index.collection.query(query_embeddings=[vec.tolist()], n_results=30, include=["distances"])
                chroma_ms.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                retriever.bm25.top(retriever.tokenizer.tokens(q), 30)
                bm25_ms.append((time.perf_counter() - t) * 1000)
        p50, p95 = statistics.median(latencies), pct(latencies, 0.95)
        figures.update(
            queries=len(latencies),
            p50_ms=round(p50, 1),
            p95_ms=round(p95, 1),
            mean_ms=round(statistics.fmean(latencies), 1),
            embed_p50_ms=round(statistics.median(embed_ms), 1),
            chroma_p50_ms=round(statistics.median(chroma_ms), 1),
            bm25_p50_ms=round(statistics.median(bm25_ms), 2),
        )
        print(
            f"query   {len(latencies)} searches (k=5): p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
            f"mean {figures['mean_ms']} ms  target p50 < 50 ms"
        )
        print(
            f"        parts p50: embed {figures['embed_p50_ms']} ms, Chroma {figures['chroma_p50_ms']} ms, "
            f"BM25 {figures['bm25_p50_ms']} ms"
        )

        _, result = evaluate_retrieval(KnowledgeRetrievalAdapter(retriever), dataset.qa, dataset.name)
        figures.update({f"eval_{k}": v for k, v in result.items()})
        print(
            f"eval    {result['cases']} questions: hit@1 {result['hit@1']}, hit@3 {result['hit@3']}, MRR {result['mrr']}"
        )

        if args.cli:
            env = {**os.environ, "ASSISTANT_DATA_DIR": tmp}
            t4 = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "assistant", "ask", questions[0], "--format", "json"],
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
            )
            figures["cli_ask_s"] = round(time.perf_counter() - t4, 2)
            print(f"cli     assistant ask end to end: {figures['cli_ask_s']} s (rc {proc.returncode})")

    print("BENCH_JSON " + json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
