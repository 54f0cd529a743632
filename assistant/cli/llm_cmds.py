"""``assistant doctor``, ``assistant critique`` and ``assistant audit export|purge|reset``.

``doctor`` exists because "why is it running offline?" and "is my DeepSeek key picked
up?" are the first two questions anyone configuring a model asks; it answers them
without ever printing the key — nor the base URL beyond its host (gateways put keys in
its path and query).  A broken audit store is one of its findings, with the fix.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.llm.config import (
    LLMConfig,
    choose_engine,
    describe_key,
    load_audit_config,
    load_llm_config,
)
from assistant.redact import Scrubber, config_secrets, url_host

# ---------------------------------------------------------------------- doctor

STORE_TEXT_LABELS = {"masked": "个人信息打码保存", "full": "原文保存", "hash": "只存摘要"}


def _scrub(value: Any, cfg: LLMConfig) -> Any:
    """The key, URL credentials, key-shaped text and every URL query value hidden."""
    return Scrubber(config_secrets(cfg), every_query=True)(value)


def _probe(cfg: LLMConfig) -> dict[str, Any]:
    """Does the endpoint answer?  ``models.list`` first (free), then a 1-token chat."""
    out: dict[str, Any] = {
        "checked": False,
        "ok": False,
        "method": "",
        "latency_ms": None,
        "models": [],
        "error": "",
    }
    if not (cfg.key or cfg.base_url):
        out["error"] = "未配置端点，未检查"
        return out
    from assistant.llm.client import LLMClient

    client = LLMClient(cfg.with_overrides(model=cfg.model or "unset"))
    out["checked"] = True
    t0 = time.monotonic()
    try:
        out["models"] = client.list_models()
        out.update(ok=True, method="models.list", latency_ms=int((time.monotonic() - t0) * 1000))
        if not cfg.model or not out["models"] or cfg.model in out["models"]:
            return out
    except Exception as exc:
        out["error"] = f"models.list 失败：{type(exc).__name__}: {exc}"
    if not cfg.model:
        return out
    t0 = time.monotonic()
    try:
        client.ping()
        out.update(ok=True, method="chat (1 token)", latency_ms=int((time.monotonic() - t0) * 1000), error="")
    except Exception as exc:
        out.update(
            ok=False,
            error=(out["error"] + "；" if out["error"] else "")
            + f"1-token 对话失败：{type(exc).__name__}: {exc}",
        )
    return out


def _tiktoken_status() -> dict[str, Any]:
    try:
        import os

        from assistant.llm.tokens import count_tokens, encoding_for

        encoding_for(None)
        return {
            "ok": True,
            "cache_dir": os.environ.get("TIKTOKEN_CACHE_DIR", ""),
            "sample": count_tokens("稳赚不赔"),
        }
    except Exception as exc:
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}


def _audit_status(config: Path | None) -> dict[str, Any]:
    """Where the store is, what it holds, and — when it is broken — what to do about it."""
    from assistant.audit import TABLES, AuditStore, AuditStoreError, CorruptAuditStore

    try:
        cfg = load_audit_config(config)
    except Exception as exc:
        return {"ok": False, "error": str(exc)}
    out: dict[str, Any] = {
        "path": str(cfg.path),
        "enabled": cfg.enabled,
        "retention_months": cfg.retention_months,
        "store_text": cfg.store_text,
        "counts": dict.fromkeys(TABLES, 0),
    }
    if cfg.path.is_file():
        try:
            with AuditStore(cfg.path, retention_months=cfg.retention_months) as store:
                store.verify()
                out["counts"] = store.counts()
        except AuditStoreError as exc:
            out.update(ok=False, error=str(exc), corrupt=isinstance(exc, CorruptAuditStore))
            if isinstance(exc, CorruptAuditStore):
                out["fix"] = "assistant audit reset"
            return out
    out["ok"] = True
    return out


def doctor_report(config: Path | None, *, probe: bool = True) -> dict[str, Any]:
    cfg, origin = load_llm_config(config)
    chosen, _ = choose_engine("auto", cfg)
    endpoint = _probe(cfg) if probe else {"checked": False, "ok": False, "error": "已跳过（--no-probe）"}
    if chosen == "llm":
        mode = f"大模型模式：{cfg.model} @ {url_host(cfg.endpoint())}"
        if endpoint["checked"] and not endpoint["ok"]:
            mode += "（但端点没有正常响应：改写与问答会报告模型错误；可用 --engine offline）"
    else:
        mode = "离线模式：未配置大模型（缺少 " + "；".join(cfg.missing()) + "），所有命令使用离线引擎"
    report = {
        "llm": {
            "api_key": describe_key(cfg.key),
            # Only the host: a path or query may carry a key, whatever its name.
            "base_url": url_host(cfg.endpoint()) if cfg.base_url else f"{url_host(cfg.endpoint())}（默认）",
            "model": cfg.model or "未设置",
            "timeout": cfg.timeout,
            "max_retries": cfg.max_retries,
            "concurrency": cfg.concurrency,
            "temperature": cfg.temperature,
            "context_tokens": cfg.context_tokens,
            "origin": origin,
            "configured": cfg.configured,
        },
        "endpoint": endpoint,
        "tiktoken": _tiktoken_status(),
        "audit": _audit_status(config),
        "mode": chosen,
        "mode_text": mode,
    }
    return _scrub(report, cfg)


def render_doctor(r: dict[str, Any]) -> str:
    llm = r["llm"]
    origin = llm["origin"]

    def src(key: str) -> str:
        return f"  [{origin[key]}]" if key in origin else ""

    ep = r["endpoint"]
    if not ep["checked"]:
        ep_text = ep.get("error") or "未检查"
    elif ep["ok"]:
        models = ep.get("models") or []
        listed = f"，提供 {len(models)} 个模型" if models else ""
        ep_text = f"正常（{ep['method']}，{ep['latency_ms']} ms{listed}）"
    else:
        ep_text = f"无响应：{ep['error']}"
    tk = r["tiktoken"]
    au = r["audit"]
    if au.get("ok"):
        c = au["counts"]
        audit_text = (
            f"{au['path']}（事件 {c['events']} 条，模型调用 {c['model_calls']} 条，"
            f"审核 {c['reviews']} 条，反馈 {c['feedback']} 条；保留 {au['retention_months']} 个月；"
            f"文本{STORE_TEXT_LABELS.get(au['store_text'], au['store_text'])}"
            f"{'' if au['enabled'] else '；已停用'}）"
        )
    else:
        audit_text = f"不可用：{au.get('error')}"
    lines = [
        "大模型配置 / LLM configuration",
        f"  API 密钥     {llm['api_key']}{src('api_key')}",
        f"  base_url     {llm['base_url']}{src('base_url')}",
        f"  模型         {llm['model']}{src('model')}",
        f"  超时 {llm['timeout']:g} 秒 · 重试 {llm['max_retries']} 次 · 并发 {llm['concurrency']} · 温度 {llm['temperature']:g}"
        f" · 资料预算 {llm['context_tokens']} tokens",
        f"端点 / endpoint：{ep_text}",
        f"tiktoken：{'离线可用，缓存 ' + tk['cache_dir'] if tk.get('ok') else '不可用（用估算计数）：' + tk.get('error', '')}",
        f"审计库 / audit：{audit_text}",
        f"运行模式 / mode：{r['mode_text']}",
    ]
    return "\n".join(lines)


def run_doctor(*, config: Path | None, fmt: str, probe: bool = True) -> int:
    if fmt not in ("text", "json"):
        raise InputError(f"--format 的值 {fmt!r} 无效，应为 text|json")
    report = doctor_report(config, probe=probe)
    if fmt == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render_doctor(report))
    configured_but_down = (
        report["llm"]["configured"] and report["endpoint"]["checked"] and not report["endpoint"]["ok"]
    )
    return 1 if configured_but_down else 0


# ---------------------------------------------------------------------- critique


def run_critique(*, text: str, profile: str | None, engine: str, fmt: str, config: Path | None) -> int:
    if fmt not in ("text", "json"):
        raise InputError(f"--format 的值 {fmt!r} 无效，应为 text|json")
    if not text.strip():
        raise InputError("短信文本为空")
    from assistant.service import Assistant

    assistant = Assistant.open(config, profile=profile)
    cfg = assistant.llm
    _, notice = assistant.engine(engine)
    checked = assistant.checker.check(text)
    result = assistant.critique(checked, engine=engine)
    assistant.close()
    scrub = Scrubber(config_secrets(cfg))
    if "advisory_error" in result.extra:
        result.extra["advisory_error"] = scrub(str(result.extra["advisory_error"]))
    if fmt == "json":
        print(
            json.dumps(
                {**scrub(result.to_dict()), "config": assistant.config_source}, ensure_ascii=False, indent=2
            )
        )
    else:
        from assistant.cli.render import config_line, render_result, terminal_safe

        print("规则检查（确定性结论）/ rule findings:")
        print(render_result(checked))
        print()
        print("参考意见（大模型，仅供人工复核，不影响结论）/ advisory notes:")
        if result.engine != "llm":
            print(f"  （{notice or '离线模式'}：无参考意见）")
        elif result.extra.get("advisory_error"):
            print(f"  （{result.extra['advisory_error']}）")
        elif not result.advisory:
            print("  （无）")
        for a in result.advisory:
            d = a.to_dict()
            quote = f"「{a.quote}」" if a.quote else ""
            print(
                terminal_safe(
                    scrub(
                        f"  - [{d['category_label']}] {quote}{a.note}"
                        + (f" 建议：{a.suggestion}" if a.suggestion else "")
                    )
                )
            )
        calls = (
            f"大模型 {result.extra.get('model', '')}，调用 {result.llm_calls} 次"
            if result.engine == "llm"
            else "离线规则引擎"
        )
        print(f"引擎 / engine：{calls}")
        print(config_line(assistant.config_source))
    return 1 if result.verdict == "fail" else 0


# ---------------------------------------------------------------------- audit


def _existing_store(config: Path | None, *, missing: str | None) -> Any:
    """The configured store for export/purge, or ``None`` when the file does not exist.

    A broken file is an :class:`~assistant.audit.AuditStoreError` (exit 2, naming the file
    and ``assistant audit reset``), never a traceback.  ``missing``: the error to raise
    when there is no file (``None``: return ``None``).
    """
    from assistant.audit import AuditStore

    cfg = load_audit_config(config)
    if not cfg.path.is_file():
        if missing is not None:
            raise InputError(missing.format(path=cfg.path))
        return None
    return AuditStore(cfg.path, retention_months=cfg.retention_months, store_text=cfg.store_text)


#: Export formats by the --out file's extension.
EXPORT_EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def export_format(fmt: str | None, out: str) -> str:
    """The export format: ``--format``, else the ``--out`` extension, else JSON lines.

    Why: ``--out audit.csv`` without ``--format`` wrote JSON lines into a .csv file, which a
    spreadsheet opened as one garbled column.  A ``--format`` that contradicts the
    extension is refused rather than guessed.
    """
    by_extension = EXPORT_EXTENSIONS.get(Path(out).suffix.lower()) if out != "-" else None
    if fmt is None:
        return by_extension or "jsonl"
    if fmt not in ("csv", "jsonl"):
        raise InputError(f"--format 的值 {fmt!r} 无效，应为 csv|jsonl")
    if by_extension is not None and by_extension != fmt:
        raise InputError(
            f"--format {fmt} 与 --out {out} 的扩展名不符（{Path(out).suffix} 是 {by_extension}）："
            f"请改用 --format {by_extension}，或把文件名改为 .{fmt} 结尾"
        )
    return fmt


def run_audit_export(*, fmt: str | None, out: str, since: str | None, config: Path | None) -> int:
    from assistant.audit import parse_since

    fmt = export_format(fmt, out)
    try:
        since_iso = parse_since(since)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    with _existing_store(config, missing="审计库不存在：{path}（还没有记录过任何操作）") as store:
        if out == "-":
            n = store.export(sys.stdout, fmt=fmt, since=since_iso)
        else:
            target = Path(out)
            try:
                # utf-8-sig for CSV so that Excel shows Chinese correctly.
                with target.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as fh:
                    n = store.export(fh, fmt=fmt, since=since_iso)
            except OSError as exc:
                raise InputError(f"无法写入导出文件 {target}：{exc}") from exc
    print(f"已导出 {n} 行{'（自 ' + since + ' 起）' if since else ''} → {out}", file=sys.stderr)
    return 0


def run_audit_purge(*, config: Path | None, dry_run: bool, fmt: str) -> int:
    from assistant.audit import TABLES

    if fmt not in ("text", "json"):
        raise InputError(f"--format 的值 {fmt!r} 无效，应为 text|json")
    cfg = load_audit_config(config)
    store = _existing_store(config, missing=None)
    if store is None:
        counts: dict[str, Any] = {**dict.fromkeys(TABLES, 0), "cutoff": ""}
    else:
        with store:
            counts = store.purge(dry_run=dry_run)
    counts.update({"dry_run": dry_run, "retention_months": cfg.retention_months, "path": str(cfg.path)})
    if fmt == "json":
        print(json.dumps(counts, ensure_ascii=False, indent=2))
    else:
        verb = "将删除" if dry_run else "已删除"
        print(
            f"{verb} {counts['cutoff'] or '—'} 之前的记录：事件 {counts['events']} 条，模型调用 {counts['model_calls']} 条，"
            f"审核 {counts['reviews']} 条，反馈 {counts['feedback']} 条"
            f"（保留期 {cfg.retention_months} 个月；更新的记录不受影响）· {cfg.path}"
        )
    return 0


def run_audit_reset(*, config: Path | None, force: bool) -> int:
    """Move a broken store aside and start a new one; a sound store needs ``--force``."""
    from assistant.audit import AuditStore, diagnose, reset_store

    cfg = load_audit_config(config)
    if not cfg.path.exists():
        AuditStore(cfg.path).close()
        print(f"审计库不存在，已新建：{cfg.path}")
        return 0
    problem = diagnose(cfg.path)
    if not problem and not force:
        raise InputError(
            f"审计库完好，无需重置：{cfg.path}。如确要另起新库，请加 --force（旧文件会被移到一旁，不会删除）"
        )
    outcome = reset_store(cfg.path)
    if problem:
        print(f"审计库已损坏（{problem}）", file=sys.stderr)
    for old, new in outcome.moved:
        print(f"已将 {old} 移到 {new}")
    print(f"已新建空的审计库：{cfg.path}（旧文件保留，可交给数据恢复工具或人工核查）")
    return 0
