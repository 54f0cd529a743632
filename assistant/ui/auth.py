"""Login for ``assistant serve``: users in a TOML file, passwords as salted PBKDF2 hashes.

Why a file of hashes rather than passwords on the command line: a command line ends up
in shell history and ``ps`` output, and a plain-text password file is one leaked backup
away from every account.  PBKDF2-HMAC-SHA256 (stdlib, no new dependency) with a random
16-byte salt per user and 600,000 iterations (OWASP's current figure) makes a stolen
file expensive to attack; comparison is constant-time.

File format (create entries with ``assistant serve --add-user NAME --auth-file users.toml``)::

    [users."zhangsan"]
    password = "pbkdf2_sha256$600000$<salt, base64>$<hash, base64>"
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from collections.abc import Callable
from pathlib import Path

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


def authenticator(users: dict[str, str]) -> Callable[[str, str], bool]:
    """The ``auth`` callable for Gradio's ``launch``: unknown users cost the same as known ones."""
    dummy = hash_password("timing-equaliser", iterations=ITERATIONS)

    def check(username: str, password: str) -> bool:
        encoded = users.get(username)
        if encoded is None:
            verify_password(password, dummy)  # same work, so timing does not reveal user names
            return False
        return verify_password(password, encoded)

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
