"""The answer to one question, and the numbered sources it cites.

One :class:`Answer` whatever wrote it (the model, or the extractive answer when there is
no model or it failed), so the CLI, the UI and the audit log all read the same fields;
:meth:`Answer.to_dict` is the ``assistant ask --format json`` contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.knowledge.index import StoredChunk

__all__ = ["Answer", "source_entry", "source_where"]


@dataclass
class Answer:
    """A question, its answer text, the sources it was given, and who wrote it."""

    question: str
    answer: str
    engine: str  # "llm": the model wrote it; "offline": the extractive answer
    sources: list[dict[str, Any]]
    notice: str = ""  # why the answer is not what was asked for (no model, model failed, …)
    #: Model calls made: ``None`` when no model was configured (the key is then omitted).
    llm_calls: int | None = None
    llm_error: str = ""
    model: str = ""
    prompt_version: str = ""
    removed_citations: list[int] = field(default_factory=list)  # cited but not given to the model
    cited: list[int] = field(default_factory=list)
    sources_in_prompt: list[int] = field(default_factory=list)  # what fitted the token budget
    usage: dict[str, Any] = field(default_factory=dict)
    #: How relevant the best source is (:func:`assistant.answer.scope.relevance`); ``None``
    #: when not measured.  Below the configured threshold the question is out of scope.
    relevance: float | None = None
    out_of_scope: bool = False

    @property
    def mode(self) -> str:
        return "llm" if self.engine == "llm" else "retrieval"

    @property
    def fell_back(self) -> bool:
        """A model was configured but the answer is the extractive one."""
        return self.llm_calls is not None and self.engine != "llm"

    def to_dict(self) -> dict[str, Any]:
        """``{"question", "answer", "engine", "sources": [{"id", "title", "source", "section",
        "text", "score", …}], "mode", …}``: the contract, then what only some answers have."""
        out: dict[str, Any] = {
            "question": self.question,
            "answer": self.answer,
            "engine": self.engine,
            "sources": self.sources,
            "mode": self.mode,
        }
        if self.engine == "llm":
            out.update(
                removed_citations=self.removed_citations,
                cited=self.cited,
                llm_calls=self.llm_calls,
                model=self.model,
                prompt_version=self.prompt_version,
                sources_in_prompt=self.sources_in_prompt,
                usage=self.usage,
            )
        elif self.llm_calls is not None:
            out["llm_calls"] = self.llm_calls
            if self.llm_error:
                out["llm_error"] = self.llm_error
        if self.notice:
            out["notice"] = self.notice
        if self.relevance is not None:
            out["relevance"] = self.relevance
        if self.out_of_scope:
            out["out_of_scope"] = True
        return out


def source_entry(n: int, doc: Any) -> dict[str, Any]:
    """Source ``n`` of the ``ask`` contract, from a retrieved LangChain ``Document``.

    The contract's fields first, then the citation details (article, confidence, status,
    citation IDs) and how the hybrid search ranked it.
    """
    meta = doc.metadata
    chunk_id = str(meta.get("id") or doc.id)
    entry: dict[str, Any] = {
        "id": n,
        "title": str(meta.get("title", "")),
        "source": str(meta.get("source", "")),
        "section": str(meta.get("section", "")),
        "text": doc.page_content,
        "score": meta.get("score"),
        "article": str(meta.get("article", "")),
        "confidence": str(meta.get("confidence", "")),
        "status": str(meta.get("status", "")),
        "file": str(meta.get("file", "")),
        "citation_ids": StoredChunk(chunk_id, doc.page_content, meta).citation_ids,
        "chunk_id": chunk_id,
        "dense_rank": meta.get("dense_rank"),
        "bm25_rank": meta.get("bm25_rank"),
        "dense_score": meta.get("dense_score"),
        "bm25_score": meta.get("bm25_score"),
    }
    if meta.get("page") is not None:
        entry["page"] = meta["page"]
    return entry


def source_where(src: dict[str, Any]) -> str:
    """``title · section``: how a source is named to the model and in the CLI."""
    return " · ".join(str(x) for x in (src.get("title"), src.get("section")) if x)
