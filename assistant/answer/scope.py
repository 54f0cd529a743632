"""Whether a question is inside the knowledge base's scope, from how well it was retrieved.

Why: retrieval always returns *something*, and the rank-based fused score is high for the
best hit of any query, so a question about the weather got a confident answer with five
sources.  What separates a compliance question from an off-topic one is how close the best
passages really are: the e5 cosine of the best hit (off-topic questions stay below ~0.86,
in-scope ones above) plus a small share of lexical evidence (the best BM25 score over the
question's total IDF: in-scope questions share their rare words with a passage).

The threshold lives in the config (``[knowledge] min_relevance``); it was calibrated on
``evals/qa.jsonl`` (in scope) against ``evals/qa_offtopic.jsonl`` (off-topic questions
written for this purpose), with a third of each set held out — see ``tests/test_answer_scope.py``.
"""

from __future__ import annotations

from typing import Any, Protocol

from assistant.text.normalize import fold

__all__ = ["LEXICAL_WEIGHT", "OUT_OF_SCOPE", "relevance"]

#: What the user reads when the question is outside the knowledge base.
OUT_OF_SCOPE = "知识库中没有相关内容"
#: How much the lexical evidence (0..1) adds to the dense cosine.
LEXICAL_WEIGHT = 0.1


class _Scorer(Protocol):
    """What :func:`relevance` needs of the retriever: its tokenizer and BM25 statistics."""

    @property
    def tokenizer(self) -> Any: ...
    @property
    def bm25(self) -> Any: ...


def relevance(question: str, sources: list[dict[str, Any]], retriever: _Scorer) -> float:
    """The relevance of the retrieved ``sources`` to ``question`` (about 0.8–1.0; 0 when none)."""
    if not sources:
        return 0.0
    dense = max(float(s.get("dense_score") or 0.0) for s in sources)
    best_bm25 = max(float(s.get("bm25_score") or 0.0) for s in sources)
    tokens = set(retriever.tokenizer.tokens(fold(question)))
    weight = sum(retriever.bm25.idf(t) for t in tokens)
    lexical = min(best_bm25 / weight, 1.0) if weight > 0 else 0.0
    return round(dense + LEXICAL_WEIGHT * lexical, 4)
