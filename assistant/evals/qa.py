"""Retrieval quality on question datasets: the one place hit@1, hit@3 and MRR come from.

Each case lists the chunks that answer it, as citation IDs (``GUIDE-5.2``, ``ADV-25``) or
``{"file": ..., "section": ...}`` locators, so a dataset stays valid when chunk IDs change.
A case's rank is the position of the first retrieved chunk matching any locator; the
metrics (:func:`assistant.evals.metrics.qa_metrics`) are computed from the ranks.

``assistant eval --dataset evals/qa.jsonl``, ``evals/retrieval_eval.py`` and
``benchmarks/bench_retrieval.py`` all go through :func:`evaluate_retrieval`, on a dataset
read by :func:`~assistant.evals.datasets.load_dataset` (bad lines reported with file and
line, the rest kept), so their figures cannot drift apart.

The retrieval stack (chromadb, e5 embeddings) is heavy and optional for the checker, so it
is imported only here, only when a qa dataset is evaluated; when it cannot be imported or
built the metrics are *skipped with a note* — never estimated.  Tests pass their own
adapter.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from assistant.evals.datasets import QACase
from assistant.evals.metrics import qa_metrics

TOP_K = 5

#: A citation ID, or ``{"file": …, "section": …, "citation_id": …}`` (any subset).
Locator = str | dict[str, str]


class RetrievalAdapter(Protocol):
    """What the harness needs from a retriever: top-k hits, and whether a hit answers."""

    def search(self, question: str, k: int) -> list[Any]: ...

    def matches(self, hit: Any, locator: Any) -> bool: ...

    def describe(self, hit: Any) -> str: ...


def matches(chunk: Any, locator: Locator) -> bool:
    """Whether a retrieved chunk (``citation_ids`` and ``metadata``) is one the case expects.

    A section locator also matches the same heading under its parent (``… › 2. 保险服务类``).
    """
    if isinstance(locator, str):
        return locator in chunk.citation_ids
    meta = chunk.metadata
    if "file" in locator and locator["file"] != meta.get("file"):
        return False
    if "section" in locator:
        section = str(meta.get("section", ""))
        want = locator["section"]
        if section != want and not section.endswith(" › " + want):
            return False
    return not ("citation_id" in locator and locator["citation_id"] not in chunk.citation_ids)


class KnowledgeRetrievalAdapter:
    """Adapter over ``assistant.knowledge.retrieval.HybridRetriever``."""

    def __init__(self, retriever: Any) -> None:
        self.retriever = retriever
        self.index_note = ""

    def search(self, question: str, k: int) -> list[Any]:
        return list(self.retriever.search(question, k))

    def matches(self, hit: Any, locator: Any) -> bool:
        return matches(hit.chunk, locator)

    def describe(self, hit: Any) -> str:
        meta = getattr(hit, "metadata", {}) or {}
        return f"{meta.get('citation_id') or meta.get('section') or hit.id} ({meta.get('file', '')})"


def eval_index_dir() -> Path:
    """The dedicated index of the shipped knowledge: ``<user cache>/eval-index``.

    Never the user's own index: files a user ingested would change (and could inflate)
    the retrieval metrics, and two machines' runs would not be comparable.
    """
    from assistant.paths import user_cache_dir

    return user_cache_dir() / "eval-index"


def default_adapter(data_dir: Path | None = None) -> tuple[KnowledgeRetrievalAdapter | None, str]:
    """The knowledge retriever over an index of the shipped knowledge only (built in
    ``data_dir``, by default :func:`eval_index_dir`, on first use, then reused), else
    ``None`` and why."""
    try:
        from assistant.knowledge.index import KnowledgeIndex, KnowledgeSettings, StderrProgress
        from assistant.knowledge.retrieval import HybridRetriever
    except Exception as exc:  # ImportError, or a missing optional dependency inside it
        return None, f"检索评测已跳过：assistant.knowledge.retrieval 不可用（{type(exc).__name__}: {exc}）"
    try:
        folder = data_dir or eval_index_dir()
        index = KnowledgeIndex(KnowledgeSettings(data_dir=folder, chroma_url=None))
        index.ensure(progress=StderrProgress() if sys.stderr.isatty() else None)
        retriever = HybridRetriever(index)
        retriever.warm_up()
    except Exception as exc:  # no model, no index folder, chromadb error …
        return None, f"检索评测已跳过：无法建立知识库索引（{type(exc).__name__}: {exc}）"
    adapter = KnowledgeRetrievalAdapter(retriever)
    adapter.index_note = f"仅含随附知识（knowledge/）的专用评测索引 {folder}，不含用户导入的文件"
    return adapter, ""


def run_qa_case(adapter: RetrievalAdapter, case: QACase, dataset: str, k: int = TOP_K) -> dict[str, Any]:
    """One case's record: the rank of the first matching hit (``None`` if not in the top ``k``)."""
    hits = adapter.search(case.question, k)
    rank = next(
        (r for r, hit in enumerate(hits, start=1) if any(adapter.matches(hit, loc) for loc in case.expected)),
        None,
    )
    return {
        "key": f"{dataset}:{case.id}",
        "dataset": dataset,
        "id": case.id,
        "index": case.index,
        "question": case.question,
        "expected": list(case.expected),
        "note": case.note,
        "rank": rank,
        "got": [adapter.describe(h) for h in hits[:3]],
        "passed": rank is not None and rank <= 3,
    }


def evaluate_retrieval(
    adapter: RetrievalAdapter, cases: Iterable[QACase], dataset: str = "qa", k: int = TOP_K
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every case's record (:func:`run_qa_case`) and the metrics over them."""
    records = [run_qa_case(adapter, case, dataset, k) for case in cases]
    return records, qa_metrics(records)
