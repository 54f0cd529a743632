"""Our model client as a LangChain ``Runnable``, so that chains read ``prompt | model | …``.

LangChain composes; it does not talk to the model.  The HTTP side stays in
:class:`~assistant.llm.client.LLMClient` (not ``langchain-openai``) because the product
depends on what it does there: retries with every attempt audited, ``Retry-After``
honoured, a semaphore bounding calls in flight, token counts when the server sends none,
and secrets scrubbed from every error.  :class:`ChatModel` is the thin adapter between the
two: a prompt in (a ``ChatPromptTemplate``'s output, or a conversation as OpenAI
messages), a :class:`ChatTurn` out.

Chains run with LangSmith tracing switched off (:func:`invoke_local`): drafts and
questions may hold personal data and must not leave the machine because a
``LANGSMITH_TRACING`` variable happens to be set for some other tool.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from langchain_core.runnables import Runnable, RunnableConfig
from langsmith.run_helpers import tracing_context

from assistant.llm.client import ChatReply, LLMClient, LLMError
from assistant.llm.prompts import chat_messages

__all__ = ["CallTally", "ChatModel", "ChatTurn", "invoke_local"]


@dataclass
class CallTally:
    """Model calls and what they cost, across the calls of one job (a rewrite's budget)."""

    budget: int = 1
    calls: int = 0  # logical calls started, failed ones included
    requests: int = 0  # HTTP attempts, retries included
    prompt_tokens: int = 0
    completion_tokens: int = 0
    model: str = ""

    @property
    def spent(self) -> bool:
        return self.calls >= self.budget


@dataclass(frozen=True)
class ChatTurn:
    """One model call: what was sent and what came back."""

    messages: list[dict[str, str]]
    reply: ChatReply

    @property
    def text(self) -> str:
        return self.reply.text

    def conversation(self, limit: int | None = None) -> list[dict[str, str]]:
        """The messages plus the reply (cut to ``limit`` characters), to continue the dialogue."""
        return [*self.messages, {"role": "assistant", "content": self.reply.text[:limit]}]


class ChatModel(Runnable[Any, ChatTurn]):
    """:class:`LLMClient` as a ``Runnable``: ``chat`` (or ``stream`` when ``on_token`` is given).

    ``on_token`` may also be passed per call (``model.invoke(prompt, on_token=…)``), for a
    chain whose stream handler depends on what an earlier step found.
    """

    def __init__(
        self,
        client: LLMClient,
        *,
        purpose: str,
        prompt_version: str = "",
        json_mode: bool = False,
        event_id: str | None = None,
        tally: CallTally | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> None:
        self.client = client
        self.purpose = purpose
        self.prompt_version = prompt_version
        self.json_mode = json_mode
        self.event_id = event_id
        self.tally = tally
        self.on_token = on_token

    def invoke(self, input: Any, config: RunnableConfig | None = None, **kwargs: Any) -> ChatTurn:
        on_token = kwargs.get("on_token", self.on_token)
        return self._call_with_config(
            lambda prompt: self._call(prompt, on_token), input, config, run_type="llm"
        )

    def _call(self, prompt: Any, on_token: Callable[[str], None] | None) -> ChatTurn:
        messages = chat_messages(prompt)
        tally = self.tally
        if tally is not None:
            tally.calls += 1
        try:
            if on_token is not None:
                reply = self.client.stream(
                    messages,
                    purpose=self.purpose,
                    on_token=on_token,
                    event_id=self.event_id,
                    prompt_version=self.prompt_version,
                )
            else:
                reply = self.client.chat(
                    messages,
                    purpose=self.purpose,
                    json_mode=self.json_mode,
                    event_id=self.event_id,
                    prompt_version=self.prompt_version,
                )
        except LLMError as exc:
            if tally is not None:
                tally.requests += max(exc.attempts, 1)
            raise
        if tally is not None:
            tally.requests += reply.attempts
            tally.prompt_tokens += reply.prompt_tokens
            tally.completion_tokens += reply.completion_tokens
            tally.model = reply.model
        return ChatTurn(messages, reply)


def invoke_local(chain: Runnable[Any, Any], value: Any) -> Any:
    """``chain.invoke(value)`` with LangSmith tracing off, whatever the environment says."""
    with tracing_context(enabled=False):
        return chain.invoke(value)
