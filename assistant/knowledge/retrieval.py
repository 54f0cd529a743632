"""Hybrid retrieval: dense (Chroma, e5) + lexical (BM25 over jieba tokens), fused by RRF.

Why both: e5 understands paraphrase (每月最多发几条 ≈ 发送频率控制) but ranks exact terms
and article numbers poorly; BM25 is the reverse.  Reciprocal rank fusion combines the
two rankings without calibrating their incomparable scores (e5 cosines cluster in
0.8–0.9, BM25 scores are unbounded).

The query is folded like the checker's input, so 營銷短信 / ｔ．ｃｎ find the same chunks
as 营销短信 / t.cn.  BM25 state lives in memory, built from the chunks stored in Chroma,
and is rebuilt whenever the index reports a write.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.knowledge.embeddings import embed_query
from assistant.knowledge.index import KnowledgeIndex, StoredChunk
from assistant.knowledge.lexical import BM25, Tokenizer, get_tokenizer
from assistant.text.normalize import fold

__all__ = ["HybridRetriever", "KnowledgeRetriever", "SearchHit"]


@dataclass(frozen=True)
class SearchHit:
    """One retrieved chunk with its fused score and the two rankings behind it."""

    chunk: StoredChunk
    score: float  # fused RRF score scaled to 0..1 (1 = first in both rankings)
    dense_rank: int | None
    dense_score: float | None  # cosine similarity
    bm25_rank: int | None
    bm25_score: float | None

    @property
    def id(self) -> str:
        return self.chunk.id

    @property
    def text(self) -> str:
        return self.chunk.text

    @property
    def metadata(self) -> dict[str, Any]:
        return self.chunk.metadata


class HybridRetriever:
    """Dense + BM25 retrieval over a :class:`KnowledgeIndex`.

    ``rrf_k`` is small (the corpus is a few hundred chunks, so ranks past 20 carry
    little signal and the top of each list should dominate).
    """

    def __init__(
        self,
        index: KnowledgeIndex,
        *,
        candidates: int = 30,
        rrf_k: int = 10,
        dense_weight: float = 1.0,
        bm25_weight: float = 1.0,
    ) -> None:
        self.index = index
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.dense_weight = dense_weight
        self.bm25_weight = bm25_weight
        self._lock = threading.Lock()
        self._generation = -1
        self._chunks: list[StoredChunk] = []
        self._by_id: dict[str, int] = {}
        self._bm25: BM25 | None = None

    @property
    def tokenizer(self) -> Tokenizer:
        return get_tokenizer(self.index.settings.knowledge_dir)

    @property
    def bm25(self) -> BM25:
        self._refresh_lexical()
        assert self._bm25 is not None
        return self._bm25

    def _refresh_lexical(self) -> None:
        with self._lock:
            if self._bm25 is not None and self._generation == self.index.generation:
                return
            generation = self.index.generation
            chunks = self.index.chunks()
            tok = self.tokenizer
            self._bm25 = BM25([tok.tokens(c.text) for c in chunks])
            self._chunks = chunks
            self._by_id = {c.id: i for i, c in enumerate(chunks)}
            self._generation = generation

    def warm_up(self) -> None:
        """Load jieba, the e5 model and BM25 now rather than on the first question."""
        self._refresh_lexical()
        embed_query("预热")

    def chunk(self, chunk_id: str) -> StoredChunk | None:
        self._refresh_lexical()
        i = self._by_id.get(chunk_id)
        return self._chunks[i] if i is not None else None

    def query_vector(self, query: str) -> np.ndarray:
        """The e5 query vector (folded inside), reusable for sentence scoring."""
        return embed_query(query)

    def search(self, query: str, k: int = 5, *, query_vector: np.ndarray | None = None) -> list[SearchHit]:
        """The ``k`` best chunks for ``query``, best first."""
        self._refresh_lexical()
        if not self._chunks or k <= 0:
            return []
        folded = fold(query)
        n = min(max(self.candidates, k), len(self._chunks))

        vec = query_vector if query_vector is not None else embed_query(query)
        got = self.index.collection.query(query_embeddings=[vec.tolist()], n_results=n, include=["distances"])
        dense = [
            (cid, 1.0 - float(dist))
            for cid, dist in zip(got["ids"][0], (got["distances"] or [[]])[0], strict=False)
            if cid in self._by_id
        ]
        assert self._bm25 is not None
        lexical = [(self._chunks[i].id, s) for i, s in self._bm25.top(self.tokenizer.tokens(folded), n)]

        fused: dict[str, float] = {}
        info: dict[str, list[Any]] = {}
        for rank, (cid, score) in enumerate(dense, start=1):
            fused[cid] = fused.get(cid, 0.0) + self.dense_weight / (self.rrf_k + rank)
            info.setdefault(cid, [None, None, None, None])[0:2] = [rank, score]
        for rank, (cid, score) in enumerate(lexical, start=1):
            fused[cid] = fused.get(cid, 0.0) + self.bm25_weight / (self.rrf_k + rank)
            info.setdefault(cid, [None, None, None, None])[2:4] = [rank, score]
        best = (self.dense_weight + self.bm25_weight) / (self.rrf_k + 1)
        order = sorted(fused, key=lambda c: (-fused[c], info[c][0] or 10**6))[:k]
        return [
            SearchHit(
                chunk=self._chunks[self._by_id[cid]],
                score=round(fused[cid] / best, 4),
                dense_rank=info[cid][0],
                dense_score=None if info[cid][1] is None else round(info[cid][1], 4),
                bm25_rank=info[cid][2],
                bm25_score=None if info[cid][3] is None else round(info[cid][3], 4),
            )
            for cid in order
        ]


class KnowledgeRetriever(BaseRetriever):
    """LangChain retriever over :class:`HybridRetriever`, for the chat chain.

    Each ``Document`` carries the chunk text and its citation metadata plus ``id`` and
    ``score``, so a chain can number sources and cite them like ``assistant ask``.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    hybrid: HybridRetriever
    k: int = 5

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [
            Document(
                page_content=hit.text,
                id=hit.id,
                metadata={
                    **hit.metadata,
                    "id": hit.id,
                    "score": hit.score,
                    "dense_rank": hit.dense_rank,
                    "bm25_rank": hit.bm25_rank,
                    "dense_score": hit.dense_score,
                    "bm25_score": hit.bm25_score,
                },
            )
            for hit in self.hybrid.search(query, self.k)
        ]
