"""Answering a question, for every caller: the CLI's ``ask`` and the UI's chat.

:func:`answer_question` runs the chain (:mod:`assistant.answer.chain`) over the knowledge
retriever and writes the audit record, so both front ends retrieve, answer, fall back and
audit the same way and only differ in how they show the result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from assistant.answer.chain import answer_chain
from assistant.answer.extractive import extractive_answer
from assistant.answer.models import Answer
from assistant.audit import AuditStore, new_event_id
from assistant.knowledge.retrieval import HybridRetriever, KnowledgeRetriever
from assistant.llm.chain import invoke_local
from assistant.llm.client import LLMClient

__all__ = ["answer_question", "record_answer"]


def answer_question(
    question: str,
    *,
    retriever: HybridRetriever,
    client: LLMClient | None = None,
    k: int = 5,
    on_token: Callable[[str], None] | None = None,
    on_sources: Callable[[list[dict[str, Any]]], None] | None = None,
    notice: str = "",
    config: Path | None = None,
    secrets: Iterable[str | None] = (),
    store: AuditStore | None = None,
) -> Answer:
    """Retrieve ``k`` sources, answer with the model (``client``) or extractively, audit.

    The model's answer streams to ``on_token`` with its citations checked; when the model
    fails the extractive answer is returned with a notice (``Answer.fell_back``).  The
    audit record goes to ``store`` when one is open, else to the store ``config`` names;
    ``secrets`` (and the client's key) are scrubbed from it.
    """
    event_id = new_event_id()
    chain = answer_chain(
        KnowledgeRetriever(hybrid=retriever, k=k),
        partial(extractive_answer, retriever=retriever),
        client,
        on_token=on_token,
        on_sources=on_sources,
        notice=notice,
        event_id=event_id,
    )
    answer: Answer = invoke_local(chain, question)
    keys = (*secrets, client.config.key if client is not None else None)
    record_answer(config, answer.to_dict(), event_id=event_id, secrets=keys, store=store)
    return answer


def record_answer(
    config: Path | None,
    result: dict[str, Any],
    *,
    event_id: str | None = None,
    secrets: tuple[str | None, ...] = (),
    store: AuditStore | None = None,
) -> None:
    """Audit one answer (offline or model); a failure warns and never fails the command.

    ``store``: an open store to write to (left open); without one the configured store is
    opened for this one event.
    """
    from assistant.audit import open_audit

    owned = store is None
    store = open_audit(config, secrets=secrets) if owned else store
    if store is None:
        return
    try:
        store.record_event(
            "answer",
            input={"question": result.get("question", "")},
            output={k: v for k, v in result.items() if k != "sources"}
            | {
                "sources": [
                    {"id": s.get("id"), "title": s.get("title"), "chunk_id": s.get("chunk_id")}
                    for s in result.get("sources", [])
                ]
            },
            engine=str(result.get("engine", "")),
            status="ok",
            model=str(result.get("model", "")),
            llm_calls=int(result.get("llm_calls", 0)),
            event_id=event_id,
        )
    finally:
        if owned:
            store.close()
