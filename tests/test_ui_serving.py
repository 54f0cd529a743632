"""``assistant serve``: login users as salted hashes, option parsing, render helpers."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import Cli

from assistant.errors import ConfigError, InputError
from assistant.htmlrender import diff, highlight
from assistant.ui.auth import add_user, authenticator, hash_password, load_users, verify_password

ROOT = Path(__file__).resolve().parent.parent


def test_password_hashes_are_salted_and_verified() -> None:
    a, b = hash_password("correct horse", iterations=1000), hash_password("correct horse", iterations=1000)
    assert a != b and a.startswith("pbkdf2_sha256$1000$")  # a fresh salt each time
    assert verify_password("correct horse", a) and not verify_password("wrong", a)
    assert not verify_password("x", "not-a-hash") and not verify_password("x", "md5$1$a$b")


@pytest.mark.slow  # real password hashes: 600,000 PBKDF2 iterations each
def test_auth_file_round_trip_and_errors(tmp_path: Path) -> None:
    users = tmp_path / "users.toml"
    add_user(users, "zhang.san", "s3cret-pass")
    add_user(users, "li_si", "another-pass")
    assert "s3cret-pass" not in users.read_text(encoding="utf-8")
    loaded = load_users(users)
    assert set(loaded) == {"zhang.san", "li_si"}  # a dotted name stays one user, not a nested table
    check = authenticator(loaded)
    assert check("zhang.san", "s3cret-pass") and not check("zhang.san", "nope")
    assert not check("nobody", "s3cret-pass") and check("li_si", "another-pass")
    assert oct(users.stat().st_mode & 0o777) == "0o600"
    plain = tmp_path / "plain.toml"
    plain.write_text('[users.a]\npassword = "hunter2"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="哈希"):
        load_users(plain)
    with pytest.raises(ConfigError, match="不存在"):
        load_users(tmp_path / "missing.toml")
    with pytest.raises(ConfigError):
        add_user(users, "bad name!", "x" * 8)


def test_max_file_size_parsing() -> None:
    from assistant.cli.serve_cmd import parse_size

    assert parse_size("10mb") == "10mb" and parse_size("500KB") == "500kb" and parse_size("2048") == "2048b"
    for bad in ("", "ten", "0mb", "-1mb", "5tb"):
        with pytest.raises(InputError):
            parse_size(bad)


def test_serve_help_and_add_user_via_cli(cli: Cli, tmp_path: Path) -> None:
    proc = cli("serve", "--help", cwd=ROOT)
    assert proc.code == 0
    for opt in ("--host", "--port", "--auth-file", "--max-file-size", "--add-user"):
        assert opt in proc.stdout
    users = tmp_path / "users.toml"
    proc = cli(
        "serve", "--add-user", "reviewer1", "--auth-file", str(users), input="long-enough-pw\n", cwd=ROOT
    )
    assert proc.code == 0, proc.stderr
    assert verify_password("long-enough-pw", load_users(users)["reviewer1"])
    short = cli("serve", "--add-user", "x", "--auth-file", str(users), input="short\n", cwd=ROOT)
    assert short.code == 2 and "8" in short.stderr
    missing = cli("serve", "--add-user", "x", input="long-enough-pw\n", cwd=ROOT)
    assert missing.code == 2 and "--auth-file" in missing.stderr
    bad_size = cli("serve", "--max-file-size", "lots", cwd=ROOT)
    assert bad_size.code == 2 and "--max-file-size" in bad_size.stderr


def test_highlight_marks_spans_points_and_escapes() -> None:
    from assistant.checker.models import Finding, Fix

    text = "【银行】<b>稳赚不赔</b>"
    at = text.index("稳赚不赔")
    spans = [
        Finding("ADV001", "g", "error", "保本", at, at + 4, "稳赚不赔", Fix("unsafe")),
        Finding("OPT001", "o", "error", "退订", len(text), len(text), "", Fix("safe", "回T退订")),
    ]
    out = highlight(text, spans)
    assert '<mark class="sev-error" title="ADV001 保本">稳赚不赔</mark>' in out
    assert "&lt;b&gt;" in out and "<b>" not in out
    assert out.endswith('<sup class="fcode">OPT001</sup>')  # the missing opt-out, at the end
    assert 'class="ins-point sev-error"' in out


def test_diff_marks_insertions_and_deletions() -> None:
    out = diff("稳赚不赔！回T退订", "理财有风险。回T退订", words=True)
    assert "<del>" in out and "<ins>" in out and out.count("回T退订") == 1


@pytest.mark.slow
def test_login_upload_limit_and_no_analytics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The served app: login required, uploads over the limit refused, analytics off."""
    import socket

    import httpx

    from assistant.ui.app import build_app, close_quietly, launch
    from assistant.ui.handlers import AssistantServices

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    services = AssistantServices()
    demo = build_app(services)
    users = {"alice": hash_password("pw-12345678", iterations=1000)}
    launch(
        demo, port=port, auth=authenticator(users), max_file_size="1kb", prevent_thread_lock=True, quiet=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=10) as client:
            assert client.get("/gradio_api/login_check").status_code == 401
            assert client.post("/login", data={"username": "alice", "password": "nope"}).status_code == 400
            ok = client.post("/login", data={"username": "alice", "password": "pw-12345678"})
            assert ok.status_code == 200 and ok.json() == {"success": True}
            assert client.get("/gradio_api/login_check").status_code == 200
            config = client.get("/config").json()
            assert config["analytics_enabled"] is False
            big = client.post("/gradio_api/upload", files={"files": ("big.csv", b"x" * 4096)})
            assert big.status_code == 413
            small = client.post("/gradio_api/upload", files={"files": ("small.csv", b"text\n1\n")})
            assert small.status_code == 200
        assert demo.server_name == "127.0.0.1"
    finally:
        close_quietly(demo)
        services.close()
