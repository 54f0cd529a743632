"""Answering a question, for every caller: the CLI's ``ask`` and the UI's chat.

:func:`answer_question` runs the chain (:mod:`assistant.answer.chain`) over the knowledge
retriever, so both front ends (through :class:`assistant.service.Assistant`, which also
records the audit event) retrieve, answer and fall back the same way and only differ in
how they show the result.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from assistant.answer.chain import answer_chain
from assistant.answer.extractive import extractive_answer
from assistant.answer.models import Answer
from assistant.answer.scope import relevance
from assistant.knowledge.retrieval import HybridRetriever, KnowledgeRetriever
from assistant.llm.chain import invoke_local
from assistant.llm.client import LLMClient

__all__ = ["answer_event", "answer_question"]


def answer_question(
    question: str,
    *,
    retriever: HybridRetriever,
    client: LLMClient | None = None,
    k: int = 5,
    on_token: Callable[[str], None] | None = None,
    on_sources: Callable[[list[dict[str, Any]]], None] | None = None,
    notice: str = "",
    event_id: str | None = None,
    min_relevance: float | None = None,
) -> Answer:
    """Retrieve ``k`` sources, answer with the model (``client``) or extractively.

    The model's answer streams to ``on_token`` with its citations checked; when the model
    fails the extractive answer is returned with a notice (``Answer.fell_back``).  Model
    calls are linked to ``event_id``; the service layer records the answer's audit event.
    With ``min_relevance`` a question whose sources score below it is out of scope
    (:mod:`assistant.answer.scope`): "知识库中没有相关内容", no sources, no model call.
    """
    chain = answer_chain(
        KnowledgeRetriever(hybrid=retriever, k=k),
        partial(extractive_answer, retriever=retriever),
        client,
        on_token=on_token,
        on_sources=on_sources,
        notice=notice,
        event_id=event_id,
        relevance=None if min_relevance is None else partial(relevance, retriever=retriever),
        min_relevance=min_relevance or 0.0,
    )
    return invoke_local(chain, question)


def answer_event(answer: Answer) -> dict[str, Any]:
    """What the audit store keeps of an answer: everything but the sources' full text."""
    result = answer.to_dict()
    return {k: v for k, v in result.items() if k != "sources"} | {
        "sources": [
            {"id": s.get("id"), "title": s.get("title"), "chunk_id": s.get("chunk_id")}
            for s in result.get("sources", [])
        ]
    }
