"""Adapters from the knowledge retrievers to the one call the LLM chain needs.

The chain only asks "the k passages for this query".  The knowledge package offers a
:class:`~assistant.knowledge.retrieval.HybridRetriever` (``search``) and a LangChain
``BaseRetriever`` (``invoke``); either is wrapped here, so the rewrite engine does not
depend on the index's internals and tests can hand it a fixed list.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

from assistant.llm.promptdata import Passage

log = logging.getLogger(__name__)


class PassageRetriever(Protocol):
    def passages(self, query: str, k: int) -> list[Passage]: ...


class HybridPassages:
    """Over ``HybridRetriever.search`` (dense + BM25, the same ranking ``ask`` uses)."""

    def __init__(self, hybrid: Any) -> None:
        self.hybrid = hybrid

    def passages(self, query: str, k: int) -> list[Passage]:
        out = []
        for hit in self.hybrid.search(query, k):
            meta = hit.metadata
            out.append(
                Passage(
                    title=str(meta.get("title", "")),
                    section=str(meta.get("section", "")),
                    text=hit.text,
                    source=str(meta.get("source", "")),
                    id=str(hit.id),
                    confidence=str(meta.get("confidence", "")),
                )
            )
        return out


class LangChainPassages:
    """Over any LangChain ``BaseRetriever`` (e.g. ``KnowledgeRetriever``)."""

    def __init__(self, retriever: Any, k_attr: str = "k") -> None:
        self.retriever = retriever
        self.k_attr = k_attr

    def passages(self, query: str, k: int) -> list[Passage]:
        docs = self.retriever.invoke(query)[:k]
        return [
            Passage(
                title=str(d.metadata.get("title", "")),
                section=str(d.metadata.get("section", "")),
                text=d.page_content,
                source=str(d.metadata.get("source", "")),
                id=str(d.metadata.get("id", d.id or "")),
                confidence=str(d.metadata.get("confidence", "")),
            )
            for d in docs
        ]


class StaticPassages:
    """A fixed list, whatever the query (tests, or a caller that retrieved already)."""

    def __init__(self, passages: list[Passage]) -> None:
        self._passages = list(passages)
        self.queries: list[str] = []

    def passages(self, query: str, k: int) -> list[Passage]:
        self.queries.append(query)
        return self._passages[:k]


def knowledge_passages(config: Path | str | None = None) -> tuple[PassageRetriever | None, str]:
    """The knowledge index's retriever (built on first use), or ``None`` and why not.

    A rewrite without passages is still gated and still useful, so an index that cannot
    be opened degrades the prompt rather than failing the command.
    """
    try:
        from assistant.knowledge.index import KnowledgeIndex, KnowledgeSettings, StderrProgress
        from assistant.knowledge.retrieval import HybridRetriever

        index = KnowledgeIndex(KnowledgeSettings.load(config))
        index.ensure(progress=StderrProgress())
        return HybridPassages(HybridRetriever(index)), "ok"
    except Exception as exc:  # any failure of the optional stack: say so, carry on
        log.warning("知识库检索不可用，改写时不附资料：%s", exc)
        return None, f"unavailable: {exc}"
