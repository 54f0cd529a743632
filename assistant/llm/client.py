"""One client for every OpenAI-compatible chat endpoint, with the retries done here.

The ``openai`` package's own retries are switched off (``max_retries=0``) because the
assistant needs what they hide: every attempt in the audit log with its latency and
error, ``Retry-After`` honoured within a configured cap, jittered back-off tuned by the
project's config, and a semaphore that bounds the calls a batch has in flight (released
while a call sleeps, so waiting threads do not hold slots).

Servers differ in what they accept: a ``400`` that names ``response_format`` or
``stream_options`` is retried once without that parameter and the client remembers; JSON
is then requested in the prompt alone (the schema is always spelled out there anyway).

Some gateways want a query string on every request (``?api-version=…``, a key in
``?subscription-key=…``).  The ``openai`` client joins paths onto ``base_url`` and would
lose it, so it is split off and sent as ``default_query``; it never reaches what is shown
or stored (the endpoint is recorded without it, and every error text is scrubbed).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from assistant.llm.config import LLMConfig
from assistant.llm.retry import RETRYABLE_STATUS, backoff_delay, parse_retry_after
from assistant.llm.tokens import count_message_tokens, count_tokens
from assistant.redact import Scrubber, config_secrets

if TYPE_CHECKING:
    from assistant.audit import AuditStore

DEFAULT_BASE_URL = "https://api.openai.com/v1"

_KIND_TEXT = {
    "timeout": "模型服务响应超时",
    "rate_limited": "模型服务限流（HTTP 429）",
    "server_error": "模型服务内部错误",
    "connection": "无法连接模型服务",
    "auth": "模型服务拒绝了 API 密钥（请检查 OPENAI_API_KEY）",
    "not_found": "模型服务找不到该模型或接口（请检查 ASSISTANT_MODEL 与 OPENAI_BASE_URL）",
    "bad_request": "模型服务拒绝了请求",
    "empty": "模型回复为空",
    "not_configured": "未配置大模型",
}


class LLMError(Exception):
    """A failure of the model service (never of the user's draft)."""

    def __init__(self, kind: str, detail: str = "", *, status: int | None = None, attempts: int = 0):
        self.kind = kind
        self.status = status
        self.attempts = attempts
        # Error bodies may echo the key or the request URL: never pass them on.
        detail = Scrubber(every_query=True)(detail)
        self.detail = detail
        text = _KIND_TEXT.get(kind, kind)
        if status is not None and f"{status}" not in text:
            text += f"（HTTP {status}）"
        if attempts > 1:
            text += f"，已尝试 {attempts} 次"
        super().__init__(text + (f"：{detail}" if detail else ""))


@dataclass
class ChatReply:
    """The text of one completed call and what it cost."""

    text: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    usage_source: str  # "server" or "tiktoken" (estimated here when the server sends none)
    latency_ms: int
    attempts: int
    finish_reason: str | None = None


def _kind_for_status(status: int) -> str:
    if status == 429:
        return "rate_limited"
    if status in (401, 403):
        return "auth"
    if status == 404:
        return "not_found"
    if status >= 500 or status in RETRYABLE_STATUS:
        return "server_error"
    return "bad_request"


def split_base_url(url: str) -> tuple[str, dict[str, str]]:
    """``base_url`` without its query string, and that query as ``default_query``."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", parts.fragment)), query


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "…"


class LLMClient:
    """Chat completions (plain, JSON mode, streamed) against ``config``'s endpoint."""

    def __init__(
        self,
        config: LLMConfig,
        *,
        audit: AuditStore | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        import openai

        self.config = config
        self.audit = audit
        #: Every error text this client produces goes through this (shown and audited alike).
        self.scrub = Scrubber(config_secrets(config), every_query=True)
        self._sleep = sleep
        self._rng = rng or random.Random()
        base_url, query = split_base_url(config.base_url or DEFAULT_BASE_URL)
        self._openai = openai.OpenAI(
            # Local servers (vLLM, Ollama) need no key, but the client insists on one.
            api_key=config.key or "not-needed",
            base_url=base_url,
            default_query=query or None,
            timeout=config.timeout,
            max_retries=0,
        )
        self._sem = threading.BoundedSemaphore(config.concurrency)
        self._lock = threading.Lock()
        self._json_mode_ok = config.json_mode
        self._stream_usage_ok = True
        self.calls = 0  # completed logical calls
        self.requests = 0  # HTTP attempts
        self.waits: list[float] = []  # back-off waits taken (seconds), for tests and doctor

    @property
    def model(self) -> str:
        return self.config.model or ""

    # ------------------------------------------------------------------ public
    def chat(
        self,
        messages: list[dict[str, str]],
        *,
        purpose: str,
        json_mode: bool = False,
        event_id: str | None = None,
        prompt_version: str = "",
        max_tokens: int | None = None,
        temperature: float | None = None,
    ) -> ChatReply:
        """One completion; retried on 429/5xx/timeouts/connection errors."""
        return self._call(
            messages,
            purpose=purpose,
            json_mode=json_mode,
            event_id=event_id,
            prompt_version=prompt_version,
            max_tokens=max_tokens,
            temperature=temperature,
            on_token=None,
        )

    def stream(
        self,
        messages: list[dict[str, str]],
        *,
        purpose: str,
        on_token: Callable[[str], None],
        event_id: str | None = None,
        prompt_version: str = "",
        max_tokens: int | None = None,
    ) -> ChatReply:
        """A streamed completion: ``on_token`` gets each piece as it arrives.

        Retried only while nothing has been emitted: text already shown cannot be taken back.
        """
        return self._call(
            messages,
            purpose=purpose,
            json_mode=False,
            event_id=event_id,
            prompt_version=prompt_version,
            max_tokens=max_tokens,
            temperature=None,
            on_token=on_token,
        )

    def list_models(self, timeout: float | None = None) -> list[str]:
        """Model ids the endpoint offers (a cheap reachability check; no retries)."""
        client = self._openai.with_options(timeout=timeout or self.config.doctor_timeout, max_retries=0)
        return [m.id for m in client.models.list()]

    def ping(self, timeout: float | None = None) -> ChatReply:
        """A one-token chat: proves the model name and key work, not only the server."""
        client = self._openai.with_options(timeout=timeout or self.config.doctor_timeout, max_retries=0)
        t0 = time.monotonic()
        resp = client.chat.completions.create(
            model=self.model, messages=[{"role": "user", "content": "ping"}], max_tokens=1
        )
        text = (resp.choices[0].message.content or "") if resp.choices else ""
        return ChatReply(
            text=text,
            model=resp.model or self.model,
            prompt_tokens=getattr(resp.usage, "prompt_tokens", 0) or 0,
            completion_tokens=getattr(resp.usage, "completion_tokens", 0) or 0,
            usage_source="server" if resp.usage else "none",
            latency_ms=int((time.monotonic() - t0) * 1000),
            attempts=1,
        )

    # ------------------------------------------------------------------ internals
    def _request(
        self,
        messages: list[dict[str, str]],
        json_mode: bool,
        stream: bool,
        max_tokens: int | None,
        temperature: float | None,
    ) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": self.config.temperature if temperature is None else temperature,
            "max_tokens": max_tokens or self.config.max_tokens,
        }
        if json_mode and self._json_mode_ok:
            kwargs["response_format"] = {"type": "json_object"}
        if stream:
            kwargs["stream"] = True
            if self._stream_usage_ok:
                kwargs["stream_options"] = {"include_usage": True}
        return kwargs

    def _once(
        self, kwargs: dict[str, Any], on_token: Callable[[str], None] | None, emitted: list[bool]
    ) -> tuple[str, Any, str | None, str]:
        """One HTTP request; returns (text, usage or None, finish_reason, model)."""
        if on_token is None:
            resp = self._openai.chat.completions.create(**kwargs)
            choice = resp.choices[0] if resp.choices else None
            text = (choice.message.content or "") if choice is not None else ""
            return text, resp.usage, (choice.finish_reason if choice else None), resp.model or self.model
        parts: list[str] = []
        usage = None
        finish = None
        model = self.model
        stream = self._openai.chat.completions.create(**kwargs)
        try:
            for chunk in stream:
                if getattr(chunk, "usage", None):
                    usage = chunk.usage
                model = getattr(chunk, "model", None) or model
                for choice in chunk.choices or []:
                    piece = getattr(choice.delta, "content", None) if choice.delta else None
                    if piece:
                        parts.append(piece)
                        emitted[0] = True
                        on_token(piece)
                    if choice.finish_reason:
                        finish = choice.finish_reason
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()
        return "".join(parts), usage, finish, model

    def _record(self, **fields: Any) -> None:
        if self.audit is not None:  # never raises: a failed write is logged by the store
            self.audit.record_call(endpoint=self.config.endpoint(), **fields)

    def _call(
        self,
        messages: list[dict[str, str]],
        *,
        purpose: str,
        json_mode: bool,
        event_id: str | None,
        prompt_version: str,
        max_tokens: int | None,
        temperature: float | None,
        on_token: Callable[[str], None] | None,
    ) -> ChatReply:
        import openai

        if not self.config.configured:
            raise LLMError("not_configured", "、".join(self.config.missing()))
        retries = 0
        attempt = 0
        emitted = [False]
        while True:
            attempt += 1
            kwargs = self._request(messages, json_mode, on_token is not None, max_tokens, temperature)
            t0 = time.monotonic()
            retry_after: float | None = None
            error: LLMError
            retryable = False
            with self._sem:
                with self._lock:
                    self.requests += 1
                try:
                    t0 = time.monotonic()
                    text, usage, finish, model = self._once(kwargs, on_token, emitted)
                except openai.APIStatusError as exc:
                    status = exc.status_code
                    body = self.scrub(_short(getattr(exc, "message", "") or str(exc)))
                    dropped = self._drop_unsupported(status, body, kwargs)
                    if dropped:
                        self._record_attempt(
                            purpose,
                            prompt_version,
                            event_id,
                            attempt,
                            messages,
                            t0,
                            "retry",
                            f"HTTP {status}: {body}（已去掉 {dropped} 重试）",
                        )
                        continue
                    retry_after = parse_retry_after(getattr(exc.response, "headers", None))
                    retryable = status in RETRYABLE_STATUS
                    error = LLMError(_kind_for_status(status), body, status=status, attempts=attempt)
                except openai.APITimeoutError:
                    retryable = True
                    error = LLMError("timeout", f"超过 {self.config.timeout:g} 秒", attempts=attempt)
                except openai.APIConnectionError as exc:
                    retryable = True
                    error = LLMError(
                        "connection", self.scrub(_short(str(exc.__cause__ or exc))), attempts=attempt
                    )
                else:
                    latency = int((time.monotonic() - t0) * 1000)
                    if usage is not None and getattr(usage, "prompt_tokens", None) is not None:
                        p_tok = int(usage.prompt_tokens or 0)
                        c_tok = int(getattr(usage, "completion_tokens", 0) or 0)
                        source = "server"
                    else:
                        p_tok = count_message_tokens(messages, self.model)
                        c_tok = count_tokens(text, self.model)
                        source = "tiktoken"
                    self._record(
                        event_id=event_id,
                        purpose=purpose,
                        prompt_version=prompt_version,
                        model=model,
                        attempt=attempt,
                        prompt=messages,
                        reply=text,
                        prompt_tokens=p_tok,
                        completion_tokens=c_tok,
                        usage_source=source,
                        latency_ms=latency,
                        outcome="ok",
                    )
                    with self._lock:
                        self.calls += 1
                    return ChatReply(text, model, p_tok, c_tok, source, latency, attempt, finish)
            will_retry = retryable and retries < self.config.max_retries and not emitted[0]
            self._record_attempt(
                purpose,
                prompt_version,
                event_id,
                attempt,
                messages,
                t0,
                "retry" if will_retry else "error",
                str(error),
            )
            if not will_retry:
                raise error
            delay = backoff_delay(
                retries,
                base=self.config.retry_base_delay,
                cap=self.config.retry_max_delay,
                retry_after=retry_after,
                rng=self._rng,
            )
            retries += 1
            with self._lock:
                self.waits.append(delay)
            self._sleep(delay)

    def _drop_unsupported(self, status: int, body: str, kwargs: dict[str, Any]) -> str:
        """On a 400 naming an optional parameter, stop sending it; return its name."""
        if status not in (400, 422):
            return ""
        lowered = body.lower()
        if "response_format" in kwargs and ("response_format" in lowered or "json" in lowered):
            self._json_mode_ok = False
            return "response_format"
        if "stream_options" in kwargs and ("stream_options" in lowered or "include_usage" in lowered):
            self._stream_usage_ok = False
            return "stream_options"
        return ""

    def _record_attempt(
        self,
        purpose: str,
        prompt_version: str,
        event_id: str | None,
        attempt: int,
        messages: list[dict[str, str]],
        t0: float,
        outcome: str,
        error: str,
    ) -> None:
        self._record(
            event_id=event_id,
            purpose=purpose,
            prompt_version=prompt_version,
            model=self.model,
            attempt=attempt,
            prompt=messages,
            reply=None,
            prompt_tokens=None,
            completion_tokens=None,
            usage_source="",
            latency_ms=int((time.monotonic() - t0) * 1000),
            outcome=outcome,
            error=error,
        )
