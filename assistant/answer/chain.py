"""``ask`` as a LangChain chain: retrieve → prompt → model (streaming) → citation check.

LangChain supplies the parts it is good at: the retriever interface (a ``BaseRetriever``
over the hybrid dense + BM25 search), the prompt (a ``ChatPromptTemplate`` loaded from
``prompts/answer.v1.md``), and composition with ``|``, a branch and a fallback.  The
model is our own client as a ``Runnable`` (:class:`~assistant.llm.chain.ChatModel`), and
the last step removes citations to sources the model was never given — on the token
stream too, so what the user watched appear is exactly the final answer.

The extractive answer stands in whenever the model does not answer: no model configured,
nothing retrieved (the model is not called), or the model failed (with a notice saying so).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import (
    Runnable,
    RunnableBranch,
    RunnableLambda,
    RunnableParallel,
    RunnablePassthrough,
)

from assistant.answer.citations import CitationFilter, cited_numbers, strip_citations
from assistant.answer.models import Answer, source_entry, source_where
from assistant.answer.scope import OUT_OF_SCOPE
from assistant.llm.chain import ChatModel
from assistant.llm.client import LLMClient, LLMError
from assistant.llm.promptdata import fence
from assistant.llm.prompts import load_prompt
from assistant.llm.tokens import count_tokens, truncate_to_tokens

__all__ = ["NO_SOURCES", "answer_chain", "format_sources", "number_sources"]

NO_SOURCES = "没有检索到资料，未调用大模型"

#: Writes the extractive answer for (question, sources).
Extractive = Callable[[str, list[dict[str, Any]]], str]
#: Measures how relevant the retrieved sources are to the question (:mod:`assistant.answer.scope`).
Relevance = Callable[[str, list[dict[str, Any]]], float]
State = dict[str, Any]


def number_sources(docs: list[Any]) -> list[dict[str, Any]]:
    """Retrieved documents as the ``sources`` of the ``ask`` contract, numbered from 1."""
    return [source_entry(n, doc) for n, doc in enumerate(docs, start=1)]


def format_sources(sources: list[dict[str, Any]], budget: int, model: str | None) -> tuple[str, list[int]]:
    """The numbered sources block within ``budget`` tokens, and the numbers it contains."""
    blocks: list[str] = []
    given: list[int] = []
    left = budget
    for src in sources:
        conf = f"（可信度 {src['confidence']}）" if src.get("confidence") else ""
        block = fence(f"[{src['id']}] {source_where(src)}{conf}\n{str(src.get('text', '')).strip()}")
        n = count_tokens(block, model)
        if n > left:
            if left < 60:
                break
            block = truncate_to_tokens(block, left, model)
            n = left
        blocks.append(block)
        given.append(int(src["id"]))
        left -= n
        if left <= 0:
            break
    return "\n\n".join(blocks) or "（没有检索到相关资料）", given


def answer_chain(
    retriever: BaseRetriever,
    extractive: Extractive,
    client: LLMClient | None = None,
    *,
    on_token: Callable[[str], None] | None = None,
    on_sources: Callable[[list[dict[str, Any]]], None] | None = None,
    notice: str = "",
    event_id: str | None = None,
    relevance: Relevance | None = None,
    min_relevance: float = 0.0,
) -> Runnable[str, Answer]:
    """question → :class:`Answer`.

    ``on_token`` receives the model's text as it streams (citations already checked);
    ``on_sources`` the numbered sources as soon as they are retrieved; ``notice`` goes on
    an extractive answer given because no model is configured.  With ``relevance``, a
    question whose sources score below ``min_relevance`` is out of scope: it gets
    :data:`~assistant.answer.scope.OUT_OF_SCOPE`, no sources and no model call.
    """

    def offline(state: State, why: str = notice, calls: int | None = None) -> Answer:
        text = extractive(state["question"], state["sources"])
        answer = Answer(state["question"], text, "offline", state["sources"], notice=why, llm_calls=calls)
        answer.relevance = state.get("relevance")
        return answer

    def assess(state: State) -> State:
        if relevance is None:
            return state
        score = relevance(state["question"], state["sources"])
        out = {**state, "relevance": score, "out_of_scope": score < min_relevance}
        if out["out_of_scope"]:
            out["retrieved"], out["sources"] = state["sources"], []
        return out

    def announce(state: State) -> State:
        if on_sources is not None:
            on_sources(state["sources"])
        return state

    def out_of_scope(state: State) -> Answer:
        answer = Answer(
            state["question"],
            OUT_OF_SCOPE,
            "offline",
            [],
            notice=f"检索到的资料与问题不相关（相关度 {state['relevance']:.3f}，低于阈值 {min_relevance:g}）",
            llm_calls=None if client is None else 0,
        )
        answer.relevance, answer.out_of_scope = state["relevance"], True
        return answer

    retrieve = (
        RunnableParallel(question=RunnablePassthrough(), sources=retriever | RunnableLambda(number_sources))
        | RunnableLambda(assess)
        | RunnableLambda(announce)
    )
    outside = (lambda state: bool(state.get("out_of_scope")), RunnableLambda(out_of_scope))
    if client is None:
        return retrieve | RunnableBranch(outside, RunnableLambda(offline))

    def after_failure(state: State) -> Answer:
        exc = state["error"]
        summary = getattr(exc, "summary", None) or str(exc)
        answer = offline(state, f"大模型未给出回答（{summary}），以下为离线检索答案", calls=1)
        answer.llm_error = str(exc)
        return answer

    model_answer = _model_answer(client, on_token=on_token, event_id=event_id).with_fallbacks(
        [RunnableLambda(after_failure)], exceptions_to_handle=(LLMError,), exception_key="error"
    )
    return retrieve | RunnableBranch(
        outside,
        (lambda state: not state["sources"], RunnableLambda(lambda state: offline(state, NO_SOURCES, 0))),
        model_answer,
    )


def _model_answer(
    client: LLMClient, *, on_token: Callable[[str], None] | None, event_id: str | None
) -> Runnable[State, Answer]:
    """{question, sources} → prompt → model (streaming) → citation check."""
    prompt = load_prompt("answer")
    model = ChatModel(client, purpose="answer", prompt_version=prompt.id, event_id=event_id)

    def fit(state: State) -> State:  # the sources the token budget allows, and their numbers
        block, given = format_sources(state["sources"], client.config.context_tokens, client.model)
        return {**state, "block": block, "given": given}

    def values(state: State) -> dict[str, str]:
        return prompt.values(question=fence(state["question"]), sources=state["block"])

    def generate(state: State) -> State:  # the model, streamed through the citation filter
        if on_token is None:
            return {**state, "turn": model.invoke(state["prompt"])}
        stream = CitationFilter(state["given"], on_token)
        turn = model.invoke(state["prompt"], on_token=stream.feed)
        stream.close()
        return {**state, "turn": turn}

    def check(state: State) -> Answer:  # citations to sources not in the prompt are removed
        reply = state["turn"].reply
        text, removed = strip_citations(reply.text, state["given"])
        return Answer(
            state["question"],
            text.strip(),
            "llm",
            state["sources"],
            llm_calls=1,
            model=reply.model,
            prompt_version=prompt.id,
            removed_citations=removed,
            cited=cited_numbers(text),
            sources_in_prompt=state["given"],
            usage={
                "prompt_tokens": reply.prompt_tokens,
                "completion_tokens": reply.completion_tokens,
                "source": reply.usage_source,
            },
            relevance=state.get("relevance"),
        )

    return (
        RunnableLambda(fit)
        | RunnablePassthrough.assign(prompt=RunnableLambda(values) | prompt.template)
        | RunnableLambda(generate)
        | RunnableLambda(check)
    )
