"""Login for ``assistant serve``: users in a TOML file, passwords as salted PBKDF2 hashes.

Why a file of hashes rather than passwords on the command line: a command line ends up
in shell history and ``ps`` output, and a plain-text password file is one leaked backup
away from every account.  PBKDF2-HMAC-SHA256 (stdlib, no new dependency) with a random
16-byte salt per user and 600,000 iterations (OWASP's current figure) makes a stolen
file expensive to attack; comparison is constant-time.

File format (create entries with ``assistant serve --add-user NAME --auth-file users.toml``)::

    [users."zhangsan"]
    password = "pbkdf2_sha256$600000$<salt, base64>$<hash, base64>"

Failed logins are throttled per client address and per user name (:class:`LoginThrottle`):
after a few free tries each further try must wait twice as long as the last (1 s, 2 s,
4 s … up to 5 minutes, a lockout); a try inside the wait is refused at once — HTTP 429
with a Chinese message — without spending PBKDF2 time, so guessing is slow and cannot
tie up the CPU either.  Gradio's ``auth`` callable receives no request, so the client
address comes from :class:`ClientAddress`, an ASGI middleware installed in front of the
app (``login_app_kwargs``).  Behind a reverse proxy every client shares the proxy's
address; the per-user limit still holds.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError
from assistant.tomlfile import read_toml

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000
_NAME_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")


def hash_password(password: str, *, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    """``pbkdf2_sha256$iterations$salt$hash`` for ``password`` (a fresh random salt each call)."""
    if not password:
        raise ValueError("密码不能为空")
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    b64 = base64.b64encode
    return f"{ALGORITHM}${iterations}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, encoded: str) -> bool:
    """True when ``password`` matches ``encoded``; malformed hashes never match."""
    try:
        algorithm, iterations, salt_b64, hash_b64 = encoded.split("$")
        if algorithm != ALGORITHM:
            return False
        salt = base64.b64decode(salt_b64, validate=True)
        expected = base64.b64decode(hash_b64, validate=True)
        rounds = int(iterations)
    except (ValueError, TypeError):
        return False
    if rounds < 1 or not expected:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, rounds)
    return hmac.compare_digest(digest, expected)


def load_users(path: Path | str) -> dict[str, str]:
    """``{user: encoded hash}`` from the auth file; a clear error names what is wrong."""
    p = Path(path)
    raw = read_toml(p, "登录用户文件")
    table = raw.get("users")
    if not isinstance(table, dict) or not table:
        raise ConfigError(f"登录用户文件 {p} 缺少 [users.<用户名>] 表")
    users: dict[str, str] = {}
    for name, entry in table.items():
        encoded = entry.get("password") if isinstance(entry, dict) else None
        if not isinstance(encoded, str) or not encoded.startswith(ALGORITHM + "$"):
            raise ConfigError(
                f"登录用户文件 {p} 中用户 {name} 的 password 应为 {ALGORITHM} 哈希"
                "（用 assistant serve --add-user 生成，不要写明文密码）"
            )
        users[str(name)] = encoded
    return users


#: The address of the client whose request is being handled (set by :class:`ClientAddress`).
client_address: ContextVar[str] = ContextVar("client_address", default="")


class ClientAddress:
    """ASGI middleware: the request's client address in :data:`client_address` while the
    request is handled (the login handler calls the ``auth`` callable in the same task)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        client = scope.get("client") if scope.get("type") == "http" else None
        token = client_address.set(str(client[0]) if client else "")
        try:
            await self.app(scope, receive, send)
        finally:
            client_address.reset(token)


def login_app_kwargs() -> dict[str, Any]:
    """``app_kwargs`` for Gradio's ``launch``: installs :class:`ClientAddress`."""
    from starlette.middleware import Middleware

    return {"middleware": [Middleware(ClientAddress)]}


class LoginLocked(Exception):
    """Too many failed logins: retry after :attr:`wait` seconds (``message`` in Chinese)."""

    def __init__(self, wait: float, failures: int, locked: bool) -> None:
        self.wait = wait
        seconds = max(1, round(wait))
        if locked:
            self.message = (
                f"登录失败次数过多（连续 {failures} 次），已暂时锁定，请 {_duration(seconds)}后再试，"
                "或联系管理员"
            )
        else:
            self.message = f"登录失败次数过多，请 {_duration(seconds)}后再试"
        super().__init__(self.message)


def _duration(seconds: int) -> str:
    return f"{seconds} 秒" if seconds < 120 else f"{round(seconds / 60)} 分钟"


class LoginThrottle:
    """Failed logins per key (``ip:…`` and ``user:…``), with an increasing wait.

    The first ``free`` tries are free; after that many failures the key waits
    ``base_delay`` seconds before its next try, and each further failure doubles the wait
    (capped at ``max_delay``, which is the lockout).  A success clears the keys of that try; failures are forgotten
    ``forget_after`` seconds after the last one.  At most ``max_keys`` keys are kept (the
    oldest dropped), so a flood of made-up names cannot grow memory without bound.
    """

    def __init__(
        self,
        *,
        free: int = 3,
        base_delay: float = 1.0,
        max_delay: float = 300.0,
        forget_after: float = 900.0,
        max_keys: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free, self.base_delay, self.max_delay = free, base_delay, max_delay
        self.forget_after, self.max_keys, self.clock = forget_after, max_keys, clock
        self._lock = threading.Lock()
        #: key -> (failures, time of the last failure)
        self._failures: OrderedDict[str, tuple[int, float]] = OrderedDict()

    @staticmethod
    def keys(address: str, user: str) -> list[str]:
        return [k for k in (f"ip:{address}" if address else "", f"user:{user}") if k]

    def _delay(self, failures: int) -> float:
        over = failures - self.free
        return 0.0 if over < 0 else min(self.max_delay, self.base_delay * 2**over)

    def check(self, address: str, user: str) -> None:
        """Raise :class:`LoginLocked` when this try must wait (the longest wait of its keys)."""
        now = self.clock()
        worst: tuple[float, int] = (0.0, 0)
        with self._lock:
            for key in self.keys(address, user):
                entry = self._failures.get(key)
                if entry is None:
                    continue  # no failure yet: never a wait
                failures, last = entry
                if now - last >= self.forget_after:
                    self._failures.pop(key, None)
                    continue
                wait = last + self._delay(failures) - now
                worst = max(worst, (wait, failures))
        if worst[0] > 0:
            raise LoginLocked(worst[0], worst[1], self._delay(worst[1]) >= self.max_delay)

    def failed(self, address: str, user: str) -> None:
        now = self.clock()
        with self._lock:
            for key in self.keys(address, user):
                failures, last = self._failures.pop(key, (0, now))
                if now - last >= self.forget_after:
                    failures = 0
                self._failures[key] = (failures + 1, now)
            while len(self._failures) > self.max_keys:
                self._failures.popitem(last=False)

    def succeeded(self, address: str, user: str) -> None:
        with self._lock:
            for key in self.keys(address, user):
                self._failures.pop(key, None)


def authenticator(users: dict[str, str], throttle: LoginThrottle | None = None) -> Callable[[str, str], bool]:
    """The ``auth`` callable for Gradio's ``launch``: unknown users cost the same as known
    ones; failures are throttled per client address and per user (HTTP 429 while waiting)."""
    dummy = hash_password("timing-equaliser", iterations=ITERATIONS)
    throttle = throttle if throttle is not None else LoginThrottle()

    def verify(username: str, password: str) -> bool:
        encoded = users.get(username)
        if encoded is None:
            verify_password(password, dummy)  # same work, so timing does not reveal user names
            return False
        return verify_password(password, encoded)

    def check(username: str, password: str) -> bool:
        address = client_address.get()
        try:
            throttle.check(address, username)
        except LoginLocked as exc:
            from fastapi import HTTPException

            raise HTTPException(
                status_code=429,
                detail=exc.message,
                headers={"Retry-After": str(max(1, round(exc.wait)))},
            ) from exc
        ok = verify(username, password)
        (throttle.succeeded if ok else throttle.failed)(address, username)
        return ok

    return check


def add_user(path: Path | str, name: str, password: str) -> None:
    """Add or replace ``name`` in the auth file, keeping the other users (file mode 0600)."""
    if not _NAME_RE.match(name):
        raise ConfigError("用户名只能包含字母、数字、点、下划线和连字符（最多 64 个字符）")
    p = Path(path)
    users = load_users(p) if p.is_file() else {}
    users[name] = hash_password(password)
    lines = ["# assistant serve 登录用户：密码为加盐 PBKDF2 哈希，用 assistant serve --add-user 生成", ""]
    for user, encoded in users.items():
        lines += [f'[users."{user}"]', f'password = "{encoded}"', ""]  # quoted: names may contain dots
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(p.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    os.replace(tmp, p)
