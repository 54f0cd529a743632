"""The model path of ``assistant ask``, called from the knowledge command once sources are found.

The knowledge command owns retrieval and the offline answer; this module decides whether
a model answers, streams its tokens to the terminal (text format), checks citations,
falls back to the offline answer when the model fails, and writes the audit record.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.llm.config import LLMConfig, choose_engine, load_llm_config

if TYPE_CHECKING:
    from assistant.audit import AuditStore


def resolve_ask_engine(engine: str, config: Path | None) -> tuple[LLMConfig | None, str]:
    """The model config when the model answers, else ``None``; plus the fallback notice."""
    cfg, _ = load_llm_config(config)
    chosen, notice = choose_engine(engine, cfg)
    return (cfg if chosen == "llm" else None), notice


def record_answer(
    config: Path | None,
    result: dict[str, Any],
    *,
    event_id: str | None = None,
    secrets: tuple[str | None, ...] = (),
    store: AuditStore | None = None,
) -> None:
    """Audit one answer (offline or model); a failure warns and never fails the command.

    ``store``: an open store to write to (left open); without one the configured store is
    opened for this one event.
    """
    from assistant.audit import open_audit

    owned = store is None
    store = open_audit(config, secrets=secrets) if owned else store
    if store is None:
        return
    try:
        store.record_event(
            "answer",
            input={"question": result.get("question", "")},
            output={k: v for k, v in result.items() if k != "sources"}
            | {
                "sources": [
                    {"id": s.get("id"), "title": s.get("title"), "chunk_id": s.get("chunk_id")}
                    for s in result.get("sources", [])
                ]
            },
            engine=str(result.get("engine", "")),
            status="ok",
            model=str(result.get("model", "")),
            llm_calls=int(result.get("llm_calls", 0)),
            event_id=event_id,
        )
    finally:
        if owned:
            store.close()


def render_sources(sources: list[dict[str, Any]]) -> list[str]:
    lines = ["来源 / Sources:"]
    for src in sources:
        where = " · ".join(x for x in (src.get("title"), src.get("section")) if x)
        conf = f"（可信度 {src['confidence']}）" if src.get("confidence") else ""
        lines.append(f"[{src['id']}] {where}{conf}")
    return lines


def run_llm_ask(
    *,
    question: str,
    sources: list[dict[str, Any]],
    cfg: LLMConfig,
    fmt: str,
    config: Path | None,
    offline_answer: Callable[[], str],
) -> int:
    """Answer with the model (streamed in text format); exit code 0."""
    from assistant.answer.llm_answer import answer_with_llm
    from assistant.audit import new_event_id, open_audit
    from assistant.llm.client import LLMClient, LLMError
    from assistant.llm.redact import config_secrets

    event_id = new_event_id()
    secrets = tuple(config_secrets(cfg))
    audit = open_audit(config, secrets=secrets)  # None (with one warning) when it cannot be opened
    client = LLMClient(cfg, audit=audit)
    result: dict[str, Any] = {
        "question": question,
        "answer": "",
        "engine": "llm",
        "sources": sources,
        "mode": "llm",
    }
    streamed: list[str] = []

    def on_token(piece: str) -> None:
        streamed.append(piece)
        sys.stdout.write(piece)
        sys.stdout.flush()

    try:
        if not sources:
            raise LLMError("empty", "没有检索到资料，未调用大模型")
        got = answer_with_llm(
            question, sources, client=client, on_token=on_token if fmt == "text" else None, event_id=event_id
        )
        result.update(got)
    except LLMError as exc:
        if streamed:
            print()
        result.update(
            answer=offline_answer(),
            engine="offline",
            mode="retrieval",
            llm_calls=0 if exc.kind == "empty" else 1,
            llm_error=str(exc),
            notice=f"大模型未给出回答（{exc}），以下为离线检索答案",
        )
        if fmt == "text":
            print(f"警告：{result['notice']}", file=sys.stderr)
            print(result["answer"], end="")
    if fmt == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    else:
        print()
        if result.get("removed_citations"):
            nums = "、".join(f"[{n}]" for n in result["removed_citations"])
            print(f"（已移除引用了未检索到的来源的标注：{nums}）")
        print()
        print("\n".join(render_sources(sources)))
        print()
        if result["engine"] == "llm":
            print(f"模式：大模型 {result.get('model', '')} 作答，调用 1 次 / mode: llm answer")
        else:
            print("模式：离线检索，未使用大模型 / mode: offline retrieval (no LLM)")
    if audit is not None:  # None: auditing off, or the store broken (already warned once)
        with audit:
            record_answer(config, result, event_id=event_id, store=audit)
    return 0
