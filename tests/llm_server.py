"""A scripted OpenAI-compatible server for tests: real HTTP on 127.0.0.1, no model.

Why a real server instead of mocking the client: the assistant's retries, timeouts,
JSON-mode fallbacks and streaming go through the real ``openai`` package and its HTTP
stack; only a socket exercises them honestly.

Each test queues behaviours (:func:`reply`, :func:`json_reply`, :func:`error`, and the
misbehaving ones: :func:`trickle`, :func:`non_json`, :func:`truncated`,
:func:`surrogate_reply`, :func:`invalid_utf8_reply`, a ``Behaviour(trickle=…)`` stream
that drips) that the server plays back in order, or installs a ``responder`` that decides
per request (for property tests and the 429-on-a-third batch).  Every request is recorded.
Tests get a started server from the ``llm_server`` fixture (``shared_llm_server`` for a
whole module), both in ``tests/conftest.py``:

    def test_retry(llm_server: ScriptedLLMServer) -> None:
        llm_server.script(json_reply({"variants": [...]}), error(429, retry_after=0))
        cfg = llm_config(llm_server)
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "test-model"
#: A key-shaped secret for tests: it must never show up in output, logs or the audit store.
FAKE_KEY = "sk-test-FAKEKEY0123456789abcdefSECRET42"


def llm_config(server: ScriptedLLMServer, **overrides: Any) -> Any:
    """An ``LLMConfig`` for ``server`` with tiny back-off, so retry tests stay fast."""
    from assistant.llm.config import LLMConfig

    values: dict[str, Any] = {
        "api_key": FAKE_KEY,
        "base_url": server.base_url,
        "model": MODEL,
        "timeout": 5.0,
        "max_retries": 2,
        "retry_base_delay": 0.001,
        "retry_max_delay": 0.01,
        "concurrency": 4,
    }
    values.update(overrides)
    return LLMConfig(**values)


def llm_env(server: ScriptedLLMServer, data_dir: Any, **extra: str) -> dict[str, str]:
    """Environment for a CLI run (the ``cli`` fixture's ``env``) that talks to ``server`` and audits
    into ``data_dir``."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    env.update(
        {
            "OPENAI_API_KEY": FAKE_KEY,
            "OPENAI_BASE_URL": server.base_url,
            "ASSISTANT_MODEL": MODEL,
            "ASSISTANT_DATA_DIR": str(data_dir),
            "ASSISTANT_LLM_TIMEOUT": "5",
        }
    )
    env.update(extra)
    return env


@dataclass
class Behaviour:
    """What the server does with one chat request."""

    status: int = 200
    content: str = ""
    usage: bool | dict[str, int] | None = True  # True: computed; None/False: omitted
    delay: float = 0.0  # seconds before answering (beyond the client's timeout = a timeout)
    headers: dict[str, str] = field(default_factory=dict)
    message: str = ""  # error message for status >= 400
    drop: bool = False  # close the connection without answering
    finish_reason: str = "stop"
    raw: bytes | None = None  # the exact HTTP 200 body (not a chat completion), e.g. HTML
    raw_type: str = "application/json"
    trickle: float = 0.0  # seconds between body chunks, or between stream events (a drip)
    chunk: int = 8  # bytes per trickled chunk
    truncate: bool = False  # stop half way (body shorter than its Content-Length; stream without end)
    ascii_json: bool = False  # \uXXXX escapes in the JSON (how a lone surrogate travels)


def reply(content: str, *, usage: bool | dict[str, int] | None = True, delay: float = 0.0) -> Behaviour:
    return Behaviour(content=content, usage=usage, delay=delay)


def json_reply(obj: Any, *, usage: bool | dict[str, int] | None = True, delay: float = 0.0) -> Behaviour:
    return reply(json.dumps(obj, ensure_ascii=False), usage=usage, delay=delay)


def variants_reply(*texts: str, changes: list[str] | None = None) -> Behaviour:
    return json_reply({"variants": [{"text": t, "changes": list(changes or ["改写"])} for t in texts]})


def trickle(content: str, *, every: float = 0.05, chunk: int = 4) -> Behaviour:
    """A reply sent a few bytes at a time (each read is quick; the whole is not)."""
    return Behaviour(content=content, trickle=every, chunk=chunk)


def non_json(body: str = "<html><body>502 Bad Gateway</body></html>") -> Behaviour:
    """HTTP 200 whose body is not a chat completion (a gateway's error page)."""
    return Behaviour(raw=body.encode("utf-8"), raw_type="text/html")


def truncated(content: str) -> Behaviour:
    """A reply cut off half way: a short body for its Content-Length, or a stream with no end."""
    return Behaviour(content=content, truncate=True)


def surrogate_reply() -> Behaviour:
    """A completion whose content holds a lone surrogate (valid JSON, invalid Unicode)."""
    return Behaviour(content='{"variants": [{"text": "【明德银行】\ud800理财上线"}]}', ascii_json=True)


def invalid_utf8_reply() -> Behaviour:
    """A completion body with bytes that are not UTF-8."""
    return Behaviour(raw=b'{"choices": [{"message": {"content": "\xff\xfe"}, "finish_reason": "stop"}]}')


def error(
    status: int, *, retry_after: float | None = None, message: str = "", delay: float = 0.0
) -> Behaviour:
    headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
    return Behaviour(
        status=status, headers=headers, message=message or f"scripted error {status}", delay=delay
    )


@dataclass
class Recorded:
    method: str
    path: str  # as requested, query string included
    headers: dict[str, str]
    body: dict[str, Any] | None
    at: float

    @property
    def route(self) -> str:
        """The path without its query string (gateways may require one on every request)."""
        return self.path.split("?", 1)[0].rstrip("/")


Responder = Callable[[dict[str, Any], int], Behaviour]


class ScriptedLLMServer:
    """Serves ``/v1/chat/completions`` (plain and ``stream: true`` SSE) and ``/v1/models``."""

    def __init__(self, *, responder: Responder | None = None, default: Behaviour | None = None) -> None:
        self.responder = responder
        self.default = default
        self.serve_models = True  # False: /v1/models answers 404, like some gateways
        self.requests: list[Recorded] = []
        self._queue: deque[Behaviour] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._chat_count = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ control
    def script(self, *behaviours: Behaviour) -> ScriptedLLMServer:
        with self._lock:
            self._queue.extend(behaviours)
        return self

    def reset(self) -> None:
        """Forget the script, the responder's count and the recorded requests."""
        with self._lock:
            self._queue.clear()
            self.requests.clear()
            self._chat_count = 0

    @property
    def pending(self) -> int:
        return len(self._queue)

    @property
    def chat_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.route.endswith("/chat/completions")]

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> ScriptedLLMServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                server._handle(self, None)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw.decode("utf-8")) if raw else {}
                except ValueError:
                    body = {"_raw": raw.decode("utf-8", "replace")}
                server._handle(self, body)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def __enter__(self) -> ScriptedLLMServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ serving
    def _next(self, body: dict[str, Any]) -> Behaviour:
        with self._lock:
            self._chat_count += 1
            n = self._chat_count
            if self._queue:
                return self._queue.popleft()
        if self.responder is not None:
            return self.responder(body, n)
        if self.default is not None:
            return self.default
        return Behaviour(status=500, message="no scripted reply left")

    def _handle(self, h: BaseHTTPRequestHandler, body: dict[str, Any] | None) -> None:
        recorded = Recorded(h.command, h.path, dict(h.headers.items()), body, time.time())
        with self._lock:
            self.requests.append(recorded)
        if recorded.route.endswith("/models") and h.command == "GET" and self.serve_models:
            self._send_json(
                h,
                200,
                {
                    "object": "list",
                    "data": [{"id": MODEL, "object": "model", "created": 0, "owned_by": "test"}],
                },
            )
            return
        if not recorded.route.endswith("/chat/completions") or body is None:
            self._send_json(h, 404, {"error": {"message": f"no route {h.path}", "type": "not_found"}})
            return
        b = self._next(body)
        if b.delay and self._stop.wait(b.delay):
            return
        if b.drop:
            h.close_connection = True
            return
        try:
            if b.raw is not None:
                self._send_bytes(h, 200, b.raw, b.raw_type, b)
            elif b.status >= 400:
                self._send_json(
                    h,
                    b.status,
                    {"error": {"message": b.message, "type": "scripted", "code": b.status}},
                    b.headers,
                )
            elif body.get("stream"):
                self._send_stream(h, body, b)
            else:
                data = json.dumps(self._completion(body, b), ensure_ascii=b.ascii_json).encode("utf-8")
                self._send_bytes(h, 200, data, "application/json", b)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # the client gave up (timeout): nothing to do

    @staticmethod
    def _usage(body: dict[str, Any], b: Behaviour) -> dict[str, int] | None:
        if isinstance(b.usage, dict):
            return b.usage
        if not b.usage:
            return None
        prompt = sum(len(str(m.get("content", ""))) for m in body.get("messages", []))
        return {
            "prompt_tokens": prompt,
            "completion_tokens": len(b.content),
            "total_tokens": prompt + len(b.content),
        }

    def _completion(self, body: dict[str, Any], b: Behaviour) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": "chatcmpl-scripted",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", MODEL),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": b.content},
                    "finish_reason": b.finish_reason,
                }
            ],
        }
        usage = self._usage(body, b)
        if usage is not None:
            out["usage"] = usage
        return out

    def _send_json(
        self, h: BaseHTTPRequestHandler, status: int, obj: Any, headers: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(data)

    def _send_bytes(
        self, h: BaseHTTPRequestHandler, status: int, data: bytes, ctype: str, b: Behaviour
    ) -> None:
        """A body sent whole, trickled, or cut short (Content-Length promising more)."""
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(data)))
        for k, v in b.headers.items():
            h.send_header(k, v)
        h.end_headers()
        if b.truncate:
            data = data[: len(data) // 2]
            h.close_connection = True
        if not b.trickle:
            h.wfile.write(data)
            h.wfile.flush()
            return
        for i in range(0, len(data), max(1, b.chunk)):
            if self._stop.wait(b.trickle):
                return
            h.wfile.write(data[i : i + b.chunk])
            h.wfile.flush()

    def _send_stream(self, h: BaseHTTPRequestHandler, body: dict[str, Any], b: Behaviour) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.send_header("Cache-Control", "no-cache")
        h.end_headers()
        model = body.get("model", MODEL)

        def event(obj: Any) -> None:
            if b.trickle and self._stop.wait(b.trickle):
                raise BrokenPipeError  # the server is stopping: end the drip
            h.wfile.write(f"data: {json.dumps(obj, ensure_ascii=b.ascii_json)}\n\n".encode())
            h.wfile.flush()

        base = {
            "id": "chatcmpl-scripted",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
        }
        pieces = [b.content[i : i + 3] for i in range(0, len(b.content), 3)] or [""]
        if b.truncate:
            pieces = pieces[: max(1, len(pieces) // 2)]
        for piece in pieces:
            event({**base, "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]})
        if b.truncate:
            h.close_connection = True
            return  # no finish reason, no [DONE]: the connection just ends
        event({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": b.finish_reason}]})
        usage = self._usage(body, b)
        if usage is not None and (body.get("stream_options") or {}).get("include_usage"):
            event({**base, "choices": [], "usage": usage})
        h.wfile.write(b"data: [DONE]\n\n")
        h.wfile.flush()
        h.close_connection = True
