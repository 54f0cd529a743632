"""The retrievers a model rewrite can be given: LangChain ``BaseRetriever``s, nothing else.

The rewrite chain's first step asks one of these for the passages behind the findings
(``retriever.invoke(query)``) and reads each ``Document`` back as a
:class:`~assistant.llm.promptdata.Passage`.  In the product that is the knowledge
retriever over the hybrid (dense + BM25) search, the one ``ask`` uses; in tests a fixed
list.  Imported only on the model path: it loads LangChain and the knowledge stack.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from assistant.knowledge.retrieval import KnowledgeRetriever
from assistant.llm.promptdata import Passage

log = logging.getLogger(__name__)

#: Passages per rewrite prompt: the token budget holds about this many.
REWRITE_PASSAGES = 4


class HybridPassages(KnowledgeRetriever):
    """The knowledge retriever at the depth a rewrite prompt uses."""

    def __init__(self, hybrid: Any, k: int = REWRITE_PASSAGES) -> None:
        super().__init__(hybrid=hybrid, k=k)


class StaticPassages(BaseRetriever):
    """A fixed list, whatever the query (tests, or a caller that retrieved already).

    The queries it was asked are kept in :attr:`queries`.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    items: list[Passage]
    queries: list[str] = Field(default_factory=list)

    def __init__(self, passages: list[Passage]) -> None:
        super().__init__(items=list(passages))

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        self.queries.append(query)
        return [p.to_document() for p in self.items]


def knowledge_passages(config: Path | str | None = None) -> tuple[BaseRetriever | None, str]:
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
