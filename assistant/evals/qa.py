"""Retrieval metrics on question datasets, through a small adapter.

The retrieval stack (chromadb, e5 embeddings) is heavy and optional for the checker, so it
is imported only here, only when a qa dataset is evaluated; when it cannot be imported or
built the metrics are *skipped with a note* — never estimated.  Tests pass their own
adapter.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Protocol

from assistant.evals.datasets import QACase

TOP_K = 5


class RetrievalAdapter(Protocol):
    """What the harness needs from a retriever: top-k hits, and whether a hit answers."""

    def search(self, question: str, k: int) -> list[Any]: ...

    def matches(self, hit: Any, locator: Any) -> bool: ...

    def describe(self, hit: Any) -> str: ...


class KnowledgeRetrievalAdapter:
    """Adapter over ``assistant.knowledge.retrieval.HybridRetriever``."""

    def __init__(self, retriever: Any, matcher: Any) -> None:
        self.retriever = retriever
        self._matches = matcher
        self.index_note = ""

    def search(self, question: str, k: int) -> list[Any]:
        return list(self.retriever.search(question, k))

    def matches(self, hit: Any, locator: Any) -> bool:
        return bool(self._matches(hit.chunk, locator))

    def describe(self, hit: Any) -> str:
        meta = getattr(hit, "metadata", {}) or {}
        return f"{meta.get('citation_id') or meta.get('section') or hit.id} ({meta.get('file', '')})"


def _citation_match(chunk: Any, locator: Any) -> bool:
    ids = getattr(chunk, "citation_ids", []) or []
    if isinstance(locator, str):
        return locator in ids
    meta = getattr(chunk, "metadata", {}) or {}
    return all(str(meta.get(k, "")) == str(v) for k, v in locator.items())


def eval_index_dir() -> Path:
    """The dedicated index of the shipped knowledge: ``<user cache>/eval-index``.

    Never the user's own index: files a user ingested would change (and could inflate)
    the retrieval metrics, and two machines' runs would not be comparable.
    """
    import platformdirs

    return Path(platformdirs.user_cache_dir("sms-compliance-assistant")) / "eval-index"


def default_adapter(data_dir: Path | None = None) -> tuple[RetrievalAdapter | None, str]:
    """The knowledge retriever over an index of the shipped knowledge only (built in
    :func:`eval_index_dir` on first use, then reused), else ``None`` and why."""
    try:
        from assistant.knowledge.index import KnowledgeIndex, KnowledgeSettings
        from assistant.knowledge.retrieval import HybridRetriever
    except Exception as exc:  # ImportError, or a missing optional dependency inside it
        return None, f"检索评测已跳过：assistant.knowledge.retrieval 不可用（{type(exc).__name__}: {exc}）"
    try:
        from assistant.knowledge.evaluation import matches
    except Exception:
        matches = _citation_match
    try:
        from assistant.knowledge.index import StderrProgress

        folder = data_dir or eval_index_dir()
        index = KnowledgeIndex(KnowledgeSettings(data_dir=folder, chroma_url=None))
        index.ensure(progress=StderrProgress() if sys.stderr.isatty() else None)
        retriever = HybridRetriever(index)
        retriever.warm_up()
    except Exception as exc:  # no model, no index folder, chromadb error …
        return None, f"检索评测已跳过：无法建立知识库索引（{type(exc).__name__}: {exc}）"
    adapter = KnowledgeRetrievalAdapter(retriever, matches)
    adapter.index_note = f"仅含随附知识（knowledge/）的专用评测索引 {folder}，不含用户导入的文件"
    return adapter, ""


def run_qa_case(adapter: RetrievalAdapter, case: QACase, dataset: str, k: int = TOP_K) -> dict[str, Any]:
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
