"""``assistant serve``: start the web UI, or add a login user to an auth file.

Imported only when ``serve`` runs, so no other command pays for gradio.  Defaults are the
safe ones: bound to 127.0.0.1, no share link, analytics off, uploads capped.  Binding to
another address without ``--auth-file`` is allowed (an intranet behind a proxy that does
its own login) but warned about.
"""

from __future__ import annotations

import getpass
import os
import re
import sys
from pathlib import Path

from assistant.errors import InputError

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$", re.IGNORECASE)
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def parse_size(value: str) -> str:
    """Validate ``--max-file-size`` (``10mb``, ``500kb``, ``1gb``, bytes) in Gradio's format."""
    m = _SIZE_RE.match(value or "")
    if not m or float(m.group(1)) <= 0:
        raise InputError(f"--max-file-size 的值 {value!r} 无效，应如 10mb、500kb")
    return f"{m.group(1)}{(m.group(2) or 'b').lower()}"


def run_add_user(auth_file: Path | None, name: str) -> int:
    """Prompt for a password (twice on a terminal; one line on stdin otherwise) and store its hash."""
    from assistant.ui.auth import add_user

    if auth_file is None:
        raise InputError("--add-user 需要同时给出 --auth-file（要写入的用户文件）")
    if sys.stdin.isatty():
        password = getpass.getpass(f"为用户 {name} 设置密码：")
        if password != getpass.getpass("再次输入密码："):
            raise InputError("两次输入的密码不一致")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < 8:
        raise InputError("密码至少 8 个字符")
    add_user(auth_file, name, password)
    print(f"已写入用户 {name}（密码以加盐 PBKDF2 哈希保存）：{auth_file}")
    return 0


def run_serve(
    *,
    host: str,
    port: int,
    auth_file: Path | None,
    max_file_size: str,
    config: Path | None,
    warm_up: bool = True,
) -> int:
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported, whoever imports it
    size = parse_size(max_file_size)
    if not 0 < port < 65536:
        raise InputError(f"--port 的值 {port} 无效")
    auth = None
    app_kwargs = None
    if auth_file is not None:
        from assistant.ui.auth import authenticator, load_users, login_app_kwargs

        users = load_users(auth_file)
        auth = authenticator(users)  # failed logins throttled per client address and per user
        app_kwargs = login_app_kwargs()
        print(f"已启用登录：{len(users)} 个用户（{auth_file}）", file=sys.stderr)
    elif host not in _LOCAL_HOSTS:
        print(
            f"警告：服务绑定在 {host} 且未启用登录（--auth-file），同一网络中的任何人都能访问。",
            file=sys.stderr,
        )

    from assistant.ui.app import build_app, launch
    from assistant.ui.handlers import AssistantServices

    services = AssistantServices(config)
    if warm_up:
        services.warm_up()
    print(f"运行模式：{services.mode_label}", file=sys.stderr)
    demo = build_app(services)
    # Gradio's own start-up lines are English; say it in Chinese instead.
    print(f"服务地址：http://{host}:{port}（按 Ctrl+C 停止）", file=sys.stderr)
    try:
        launch(demo, host=host, port=port, auth=auth, max_file_size=size, quiet=True, app_kwargs=app_kwargs)
    finally:
        services.close()
    return 0
