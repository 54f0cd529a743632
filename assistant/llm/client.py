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

Every request is bounded, because a model server is not trusted to behave:

* an overall **deadline** per request (``timeout``: connect and the whole reply, not each
  read) — the reply is read by a worker thread while the caller waits at most until the
  deadline, so a server that trickles bytes or drips a stream is cut off on time;
* a **size limit** on the reply (:data:`MAX_REPLY_BYTES`);
* a reply that is not what was asked for is a *model error*, audited like any other and
  never passed on as a complete answer: an HTTP 200 whose body is not a chat completion
  (not JSON, invalid UTF-8, lone surrogates), a stream that ends without a finish reason
  or carries no content at all.
"""

from __future__ import annotations

import importlib
import json
import os
import queue
import random
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace
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
    "bad_reply": "模型服务返回的内容不是有效的回复",
    "truncated": "模型回复不完整（连接中断）",
    "too_large": "模型回复超过大小上限",
}
#: Model errors worth another attempt (nothing shown yet): the next reply may be fine.
RETRYABLE_KINDS = frozenset({"timeout", "connection", "server_error", "bad_reply", "truncated"})
#: Largest reply accepted, in bytes of text: a few SMS variants take a few kilobytes.
MAX_REPLY_BYTES = 512 * 1024


def _ssl_env() -> tuple[str | None, str | None]:
    return os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR")


@cache
def _ssl_context(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    """One verified TLS context per certificate setting, shared by every client: loading the
    CA bundle takes about 25 ms, and the UI and batch runs build a client per request.  Built
    the way httpx builds its default (certifi, or SSL_CERT_FILE / SSL_CERT_DIR)."""
    import httpx

    return httpx.create_ssl_context(trust_env=True)


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
        #: The failure in Chinese without the library's own (often English) detail: what a
        #: user-facing notice shows; ``str(exc)`` keeps the detail for logs and JSON.
        self.summary = text
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


def _valid_text(text: str) -> None:
    """Reject text a phone could not show: lone surrogates, invalid Unicode."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise LLMError("bad_reply", f"回复含有无效的 Unicode 字符（位置 {exc.start}）") from None


def _completion(body: bytes, default_model: str) -> tuple[str, Any, str | None, str]:
    """(text, usage, finish_reason, model) of a chat completion body, or a model error."""
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise LLMError("bad_reply", f"回复不是有效的 UTF-8 文本：{exc.reason}") from None
    except ValueError:
        raise LLMError(
            "bad_reply", f"HTTP 200 的回复不是 JSON：{_short(body[:200].decode('utf-8', 'replace'))}"
        ) from None
    choices = data.get("choices") if isinstance(data, dict) else None
    if not isinstance(choices, list):
        raise LLMError("bad_reply", "HTTP 200 的回复不是对话补全（缺少 choices）")
    choice = choices[0] if choices and isinstance(choices[0], dict) else {}
    message = choice.get("message") if isinstance(choice.get("message"), dict) else {}
    text = message.get("content") or ""
    if not isinstance(text, str):
        raise LLMError("bad_reply", "回复的 content 不是文本")
    _valid_text(text)
    raw_usage = data.get("usage")
    usage = None
    if isinstance(raw_usage, dict) and raw_usage.get("prompt_tokens") is not None:
        usage = SimpleNamespace(
            prompt_tokens=raw_usage.get("prompt_tokens"), completion_tokens=raw_usage.get("completion_tokens")
        )
    model = data.get("model") if isinstance(data.get("model"), str) else None
    return text, usage, choice.get("finish_reason"), model or default_model


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
        max_reply_bytes: int = MAX_REPLY_BYTES,
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
            http_client=openai.DefaultHttpxClient(verify=_ssl_context(*_ssl_env())),
        )
        # The HTTP library under ``openai`` (httpx, or its successor): its errors mean a reply
        # cut off, timed out or unreadable.
        base = next(c for c in type(self._openai._client).__mro__ if not c.__module__.startswith("openai"))
        self._http_errors = importlib.import_module(base.__module__.split(".")[0])
        self._sem = threading.BoundedSemaphore(config.concurrency)
        self._lock = threading.Lock()
        self._json_mode_ok = config.json_mode
        self._stream_usage_ok = True
        self.calls = 0  # completed logical calls
        self.requests = 0  # HTTP attempts
        self.waits: list[float] = []  # back-off waits taken (seconds), for tests and doctor
        self.max_reply_bytes = max_reply_bytes

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
        """One HTTP request within the deadline; returns (text, usage or None, finish_reason, model).

        The request runs in a worker thread that hands over what it reads; this thread
        waits for it at most until the deadline (``timeout`` after the start), so no
        server can hold a call longer by sending slowly.  Stream pieces are passed to
        ``on_token`` here, in the caller's thread.
        """
        deadline = time.monotonic() + float(self.config.timeout)
        events: queue.Queue[tuple[str, Any]] = queue.Queue()
        cancel = threading.Event()
        worker = threading.Thread(
            target=self._read_reply, args=(kwargs, on_token is not None, events, cancel), daemon=True
        )
        worker.start()
        parts: list[str] = []
        size = 0
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise LLMError("timeout", f"超过 {self.config.timeout:g} 秒（整体时限）")
                try:
                    kind, value = events.get(timeout=remaining)
                except queue.Empty:
                    raise LLMError("timeout", f"超过 {self.config.timeout:g} 秒（整体时限）") from None
                if kind == "error":
                    raise value
                if kind == "piece":
                    _valid_text(value)
                    size += len(value.encode("utf-8"))
                    if size > self.max_reply_bytes:
                        raise LLMError("too_large", f"超过 {self.max_reply_bytes} 字节")
                    parts.append(value)
                    emitted[0] = True
                    assert on_token is not None
                    on_token(value)
                    continue
                if kind == "done":
                    if on_token is None:
                        return _completion(value, self.model)
                    usage, finish, model = value
                    text = "".join(parts)
                    if finish is None:
                        raise LLMError("truncated" if text else "empty", "流式回复在结束标记之前中断")
                    if not text.strip():
                        raise LLMError("empty", "流式回复没有任何内容")
                    return text, usage, finish, model or self.model
        finally:
            cancel.set()  # the worker stops at its next read; nothing here waits for it

    def _read_reply(
        self,
        kwargs: dict[str, Any],
        streaming: bool,
        events: queue.Queue[tuple[str, Any]],
        cancel: threading.Event,
    ) -> None:
        """The worker: read the reply (bytes, or stream chunks) and hand it over.

        When the caller has given up (``cancel``), the worker stops at its next read and
        the ``with`` block closes the response; the caller never waits for that.
        """
        http = self._http_errors
        try:
            if streaming:
                stream = self._openai.chat.completions.create(**kwargs)
                usage = finish = None
                model = self.model
                for chunk in stream:
                    if cancel.is_set():
                        stream.close()
                        return
                    if getattr(chunk, "usage", None):
                        usage = chunk.usage
                    model = getattr(chunk, "model", None) or model
                    for choice in chunk.choices or []:
                        piece = getattr(choice.delta, "content", None) if choice.delta else None
                        if piece:
                            events.put(("piece", piece))
                        if choice.finish_reason:
                            finish = choice.finish_reason
                events.put(("done", (usage, finish, model)))
                return
            with self._openai.chat.completions.with_streaming_response.create(**kwargs) as response:
                body = bytearray()
                for block in response.iter_bytes():
                    if cancel.is_set():
                        return
                    body += block
                    if len(body) > self.max_reply_bytes + 64 * 1024:  # the JSON envelope around the text
                        raise LLMError("too_large", f"超过 {self.max_reply_bytes} 字节")
                events.put(("done", bytes(body)))
        except http.RemoteProtocolError as exc:
            events.put(("error", LLMError("truncated", self.scrub(_short(str(exc))))))
        except http.TimeoutException:
            events.put(("error", LLMError("timeout", f"超过 {self.config.timeout:g} 秒")))
        except http.HTTPError as exc:
            events.put(("error", LLMError("connection", self.scrub(_short(str(exc))))))
        except UnicodeError as exc:
            events.put(("error", LLMError("bad_reply", f"回复不是有效的 UTF-8 文本：{exc.reason}")))
        except ValueError as exc:  # the SSE decoder met something that is not JSON
            events.put(("error", LLMError("bad_reply", self.scrub(_short(str(exc))))))
        except BaseException as exc:  # handed to the caller's thread, re-raised there
            events.put(("error", exc))

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
                except LLMError as exc:  # the reply itself was not acceptable (see _once)
                    retryable = exc.kind in RETRYABLE_KINDS
                    error = LLMError(exc.kind, exc.detail, status=exc.status, attempts=attempt)
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
