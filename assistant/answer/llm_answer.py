"""``ask`` with a model: retrieved sources in, a Chinese answer citing [n] out.

Sources are numbered exactly as the ``sources`` list of the ``ask`` contract, trimmed to
the token budget (best first), and delimited as data.  Citations to numbers the model was
not given are stripped and reported; when streaming, the same filter runs on the tokens
so what the user watched appear is what the JSON would say.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from assistant.answer.citations import CitationFilter, strip_citations
from assistant.llm.client import LLMClient
from assistant.llm.promptdata import fence
from assistant.llm.prompts import load_prompt
from assistant.llm.tokens import count_tokens, truncate_to_tokens


def _source_block(src: dict[str, Any]) -> str:
    where = " · ".join(str(x) for x in (src.get("title"), src.get("section")) if x)
    conf = f"（可信度 {src['confidence']}）" if src.get("confidence") else ""
    return f"[{src['id']}] {where}{conf}\n{str(src.get('text', '')).strip()}"


def format_sources(sources: list[dict[str, Any]], budget: int, model: str | None) -> tuple[str, list[int]]:
    """The numbered sources block within ``budget`` tokens, and the numbers it contains."""
    blocks: list[str] = []
    given: list[int] = []
    left = budget
    for src in sources:
        block = fence(_source_block(src))
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


def answer_with_llm(
    question: str,
    sources: list[dict[str, Any]],
    *,
    client: LLMClient,
    on_token: Callable[[str], None] | None = None,
    event_id: str | None = None,
) -> dict[str, Any]:
    """The model's answer with checked citations; ``on_token`` streams it as it arrives."""
    prompt = load_prompt("answer")
    block, given = format_sources(sources, client.config.context_tokens, client.model)
    messages = prompt.messages(question=fence(question), sources=block)
    if on_token is not None:
        filt = CitationFilter(given, on_token)
        reply = client.stream(
            messages, purpose="answer", on_token=filt.feed, event_id=event_id, prompt_version=prompt.id
        )
        filt.close()
    else:
        reply = client.chat(messages, purpose="answer", event_id=event_id, prompt_version=prompt.id)
    answer, removed = strip_citations(reply.text, given)
    return {
        "answer": answer.strip(),
        "removed_citations": removed,
        "cited": sorted({int(n) for n in re.findall(r"\[(\d+)\]", answer)}),
        "llm_calls": 1,
        "model": reply.model,
        "prompt_version": prompt.id,
        "sources_in_prompt": given,
        "usage": {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "source": reply.usage_source,
        },
    }
