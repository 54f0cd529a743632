"""Issue 10, item 5: login to ``assistant serve`` is throttled per client address and per
user — an increasing wait, then a lockout, each refused try answered with HTTP 429 and a
Chinese message, without spending PBKDF2 time on it.

The handler (Gradio's ``auth`` callable) is driven directly with a fake clock; one test
goes through the served app over HTTP to prove the client address reaches it.
"""

from __future__ import annotations

import pytest
from fastapi import HTTPException

from assistant.ui.auth import (
    ClientAddress,
    LoginLocked,
    LoginThrottle,
    authenticator,
    client_address,
    hash_password,
)

USERS = {
    "alice": hash_password("pw-12345678", iterations=1000),
    "bob": hash_password("pw-bob-0000", iterations=1000),
}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def login(check, user: str, password: str, ip: str = "10.0.0.1") -> bool | int:  # type: ignore[no-untyped-def]
    """True/False from the handler, or the HTTP status it refused with."""
    token = client_address.set(ip)
    try:
        return check(user, password)
    except HTTPException as exc:
        assert exc.status_code == 429
        assert "登录失败次数过多" in exc.detail and "后再试" in exc.detail
        assert int(exc.headers["Retry-After"]) >= 1
        return 429
    finally:
        client_address.reset(token)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def test_failures_make_each_next_try_wait_longer(clock: Clock) -> None:
    throttle = LoginThrottle(free=3, base_delay=1.0, max_delay=300.0, clock=clock)
    check = authenticator(USERS, throttle)
    assert [login(check, "alice", "wrong") for _ in range(3)] == [False, False, False]  # free tries
    waited = []
    for _ in range(11):
        assert login(check, "alice", "pw-12345678") == 429  # even the right password, while waiting
        start = clock.now
        while _waiting(throttle):
            clock.now += 1.0
        waited.append(clock.now - start)
        assert login(check, "alice", "wrong") is False  # allowed again: another failure
    assert waited == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]  # doubling, then the lockout
    clock.now += 300
    assert login(check, "alice", "pw-12345678") is True  # after the wait; success clears it
    assert [login(check, "alice", "wrong") for _ in range(3)] == [False, False, False]


def _waiting(throttle: LoginThrottle) -> bool:
    try:
        throttle.check("10.0.0.1", "alice")
    except LoginLocked:
        return True
    return False


def test_lockout_message_and_recovery(clock: Clock) -> None:
    throttle = LoginThrottle(free=1, base_delay=60.0, max_delay=300.0, forget_after=900.0, clock=clock)
    check = authenticator(USERS, throttle)
    assert login(check, "alice", "wrong") is False
    for _ in range(3):  # waits of 60, 120, 240 s, then the 300 s cap: the lockout
        clock.now += 301
        assert login(check, "alice", "wrong") is False
    with pytest.raises(LoginLocked) as exc:
        throttle.check("10.0.0.1", "alice")
    assert "已暂时锁定" in exc.value.message and "5 分钟" in exc.value.message
    clock.now += 901  # quiet long enough: forgotten
    assert login(check, "alice", "pw-12345678") is True


def test_throttled_per_user_across_addresses_and_per_address_across_users(clock: Clock) -> None:
    check = authenticator(USERS, LoginThrottle(free=2, base_delay=30.0, clock=clock))
    for i in range(2):  # one user guessed from several addresses
        assert login(check, "alice", "wrong", ip=f"10.0.1.{i}") is False
    assert login(check, "alice", "pw-12345678", ip="10.0.9.9") == 429
    assert login(check, "bob", "pw-bob-0000", ip="10.0.9.9") is True  # another user is not locked

    check = authenticator(USERS, LoginThrottle(free=2, base_delay=30.0, clock=clock))
    for name in ("carol", "dave"):  # one address trying several names
        assert login(check, name, "x", ip="10.0.2.1") is False
    assert login(check, "bob", "pw-bob-0000", ip="10.0.2.1") == 429
    assert login(check, "bob", "pw-bob-0000", ip="10.0.2.2") is True


def test_refused_tries_cost_no_password_hashing(clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.ui import auth

    check = authenticator(USERS, LoginThrottle(free=0, base_delay=60.0, clock=clock))
    calls = []
    real = auth.verify_password
    monkeypatch.setattr(auth, "verify_password", lambda p, e: calls.append(1) or real(p, e))
    assert login(check, "alice", "wrong") is False
    assert [login(check, "alice", "wrong") for _ in range(50)] == [429] * 50
    assert len(calls) == 1


def test_the_throttle_keeps_a_bounded_number_of_keys(clock: Clock) -> None:
    throttle = LoginThrottle(max_keys=100, clock=clock)
    for i in range(5000):
        throttle.failed(f"10.1.{i // 256}.{i % 256}", f"user{i}")
    assert len(throttle._failures) <= 100


def test_the_middleware_gives_the_handler_the_client_address() -> None:
    seen = []

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        seen.append(client_address.get())

    def run(coro) -> None:  # type: ignore[no-untyped-def]
        """Drive a coroutine that never suspends (no event loop: one may be running here)."""
        with pytest.raises(StopIteration):
            coro.send(None)

    middleware = ClientAddress(app)
    run(middleware({"type": "http", "client": ("192.0.2.7", 5555)}, None, None))
    run(middleware({"type": "http", "client": None}, None, None))
    assert seen == ["192.0.2.7", ""] and client_address.get() == ""


def test_served_login_answers_429_in_chinese(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import socket

    import httpx

    from assistant.ui.app import build_app, close_quietly, launch
    from assistant.ui.auth import login_app_kwargs
    from assistant.ui.handlers import AssistantServices

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    services = AssistantServices()
    demo = build_app(services)
    auth = authenticator(USERS, LoginThrottle(free=2, base_delay=60.0))
    launch(demo, port=port, auth=auth, prevent_thread_lock=True, quiet=True, app_kwargs=login_app_kwargs())
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            codes = [
                client.post("/login", data={"username": "alice", "password": "no"}).status_code
                for _ in range(3)
            ]
            assert codes == [400, 400, 429]
            refused = client.post("/login", data={"username": "bob", "password": "pw-bob-0000"})
            assert refused.status_code == 429  # the same address, another user: the address waits
            assert "登录失败次数过多" in refused.json()["detail"] and refused.headers["retry-after"] == "60"
    finally:
        close_quietly(demo)
        services.close()
