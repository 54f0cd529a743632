"""Secrets by shape, not by name: what the scrubber hides, what it keeps, and how fast.

The base URL's query string must reach the endpoint (gateways require it) while its
values never reach the terminal, an error message, ``doctor`` or the audit store — also
when the server echoes the URL back in an error body.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from audit_helpers import db_bytes
from cli_runner import Cli
from llm_server import FAKE_KEY, ScriptedLLMServer, error, llm_config, llm_env, variants_reply

from assistant.config import redact_url
from assistant.llm.config import LLMConfig
from assistant.redact import REDACTED, Scrubber, looks_like_credential, url_host, url_secrets

DRAFT = "【明德银行】尊享理财，业绩比较基准3%，稳赚不赔！回T退订"
GOOD = "【明德银行】尊享理财，业绩比较基准3%，让闲钱也动起来。理财非存款，产品有风险，投资须谨慎。回T退订"
SECRET = "QsecretVALUE-subscription-42"  # a gateway key under a name no list had


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("https://gw.example.com/v1?api_token=tok123&x=1", "tok123"),
        ("GET /v1/chat?subscription-key=abcdef&api-version=2024", "abcdef"),
        ("https://s3.example.com/b?X-Amz-Signature=deadbeef00&X-Amz-Date=20250101", "deadbeef00"),
        ("https://h.example.com/x?access_token=zzzzzz", "zzzzzz"),
        ("https://h.example.com/x?uid=Ab12Cd34Ef56Gh78Ij90Kl", "Ab12Cd34Ef56Gh78Ij90Kl"),  # value shape
        ("https://hooks.example.com/services/Ab12Cd34Ef56Gh78Ij90Kl12/send", "Ab12Cd34Ef56Gh78Ij90Kl12"),
        (
            "https://h.example.com/v1/0123456789abcdef0123456789abcdef/chat",
            "0123456789abcdef0123456789abcdef",
        ),
        (
            "https://h.example.com/k/3f2a9c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
            "3f2a9c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
        ),
        ("https://bob:hunter2pw@gw.example.com/v1", "hunter2pw"),
        ("key: sk-proj-ABCDEFGH12345678", "sk-proj-ABCDEFGH12345678"),
    ],
)
def test_credentials_are_hidden_by_shape(text: str, hidden: str) -> None:
    out = Scrubber().text(text)
    assert hidden not in out and REDACTED in out


@pytest.mark.parametrize(
    "text",
    [
        "详情见 https://m.mdbank.cn/a?c=sms&from=spring 回T退订",  # an SMS link the user wrote
        "https://h.example.com/openai/deployments/gpt-4o-mini-2024-07-18/chat",  # dated names are not keys
        "https://verylongsubdomainname12345abcdefg.example.com/v1",  # the host is not a path segment
        "业绩比较基准3%，回T退订",
    ],
)
def test_ordinary_text_and_links_are_kept(text: str) -> None:
    assert Scrubber().text(text) == text


def test_diagnostic_text_hides_every_query_value() -> None:
    text = "404 no route /v1/chat/completions?foo=plain&api-version=2024-02-01 for https://h/x?c=sms"
    out = Scrubber(every_query=True).text(text)
    for value in ("plain", "2024-02-01", "sms"):
        assert f"={value}" not in out
    assert out.count(REDACTED) == 3 and "/v1/chat/completions?foo=" in out


def test_a_chinese_sentence_after_a_link_is_not_swallowed() -> None:
    out = Scrubber(every_query=True).text("链接 https://h/x?token=abc123，请查收")
    assert out == f"链接 https://h/x?token={REDACTED}，请查收"


def test_looks_like_credential() -> None:
    assert looks_like_credential("a1" * 10) and looks_like_credential("f" * 32)
    assert not looks_like_credential("gpt-4o-mini-2024-07-18")
    assert not looks_like_credential("abcdefghijklmnopqrstuvwxyz")  # letters only
    assert not looks_like_credential("1234567890123456789012")  # digits only, not 32 hex


def test_url_secrets_take_every_distinctive_query_value() -> None:
    url = f"https://u:p4ssword@gw.example.com/v1/Ab12Cd34Ef56Gh78Ij90?subscription-key={SECRET}&foo=PlainValue&api-version=2024-02-01&k=abc"
    found = url_secrets(url)
    assert (
        SECRET in found and "PlainValue" in found and "p4ssword" in found and "Ab12Cd34Ef56Gh78Ij90" in found
    )
    assert "2024-02-01" not in found and "abc" not in found  # would corrupt drafts if replaced everywhere


def test_redact_url_and_host() -> None:
    url = f"https://u:pw@gw.example.com:8443/v1/Ab12Cd34Ef56Gh78Ij90/chat?subscription-key={SECRET}"
    assert redact_url(url) == f"https://gw.example.com:8443/v1/{REDACTED}/chat"
    assert url_host(url) == "gw.example.com:8443"
    assert LLMConfig(base_url=url, model="m").endpoint() == redact_url(url)


@pytest.mark.parametrize(
    "hostile",
    [
        "a." * 20_000,
        "://" * 13_400,
        "://a" * 10_000 + "@",
        "?a=" * 13_400,
        "?" + "a" * 40_000,
        "/" + "a1" * 20_000,
        "/a1" * 13_400,
        "sk-" * 13_400,
        "&" * 40_000,
        "a=" * 20_000,
    ],
)
def test_scrubbing_is_linear(hostile: str) -> None:
    t0 = time.perf_counter()
    for every_query in (False, True):
        Scrubber([FAKE_KEY], every_query=every_query).text(hostile)
    assert time.perf_counter() - t0 < 0.5  # ~ms in practice; a quadratic pattern takes minutes


def test_base_url_query_reaches_the_endpoint(llm_server: ScriptedLLMServer, tmp_path: Path) -> None:
    from assistant.llm.client import LLMClient

    llm_server.script(variants_reply(GOOD))
    base = llm_server.base_url + f"?subscription-key={SECRET}&api-version=2024-02-01"
    client = LLMClient(llm_config(llm_server, base_url=base))
    assert client.list_models() == ["test-model"]
    client.chat([{"role": "user", "content": "x"}], purpose="test")
    paths = [r.path for r in llm_server.requests]
    assert len(paths) == 2
    assert all(f"subscription-key={SECRET}" in p and "api-version=2024-02-01" in p for p in paths)
    assert paths[1].split("?")[0] == "/v1/chat/completions"


def test_base_url_query_value_is_never_shown_or_stored(
    cli: Cli, llm_server: ScriptedLLMServer, tmp_path: Path
) -> None:
    base = llm_server.base_url + f"?subscription-key={SECRET}"
    env = llm_env(llm_server, tmp_path, OPENAI_BASE_URL=base)
    echoed = f"{base}/chat/completions"
    # A good rewrite, then errors that echo the URL (and the bare value) in their bodies.
    llm_server.script(
        variants_reply(GOOD),
        error(400, message=f"bad request to {echoed}"),
        error(401, message=f"invalid subscription key {SECRET}"),
    )
    outputs = []
    for args in (
        ["rewrite", DRAFT, "-n", "1", "--format", "json", "--no-retrieval"],
        ["rewrite", DRAFT, "-n", "1", "--no-retrieval"],
        ["critique", DRAFT, "--format", "json"],
        ["doctor"],
        ["doctor", "--format", "json"],
    ):
        proc = cli(*args, env=env, cwd=tmp_path)
        assert "Traceback" not in proc.stderr, proc.stderr
        outputs.append(proc.stdout + proc.stderr)
    first = json.loads(outputs[0])
    requests = list(llm_server.requests)
    assert first["status"] == "fixed"  # the query string did not break the endpoint
    assert requests and all(f"subscription-key={SECRET}" in r.path for r in requests)
    for out in outputs:
        assert SECRET not in out and FAKE_KEY not in out
    assert "HTTP 400" in outputs[1] and f"subscription-key={REDACTED}" in outputs[1]  # shown, scrubbed
    assert f"invalid subscription key {REDACTED}" in outputs[2]
    db = tmp_path / "audit.sqlite3"
    blob = db_bytes(db)
    assert b"model_calls" in blob and SECRET.encode() not in blob and FAKE_KEY.encode() not in blob
    from assistant.audit import AuditStore

    with AuditStore(db) as store:
        calls = list(store.rows("model_calls"))
    assert any("400" in (c["error"] or "") for c in calls)
    assert all(c["endpoint"] == llm_server.base_url for c in calls)
