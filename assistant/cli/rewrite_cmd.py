"""``assistant rewrite``: compliant versions of a draft, from the model or the offline engine.

Imported only when the command runs (it pulls in ``openai`` and LangChain's prompt
templates; with retrieval on, the knowledge index too).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.cli.render import SEVERITY_ZH, terminal_safe
from assistant.errors import InputError
from assistant.labels import NEEDS_ZH, STATUS_ZH
from assistant.redact import Scrubber, config_secrets
from assistant.rewrite.models import RewriteResult, Variant

FORMATS = ("text", "json", "jsonl")


def parse_facts(items: list[str]) -> dict[str, str]:
    """``--fact annualized_rate=7.2%-18%`` → ``{"annualized_rate": "7.2%-18%"}``."""
    facts: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            raise InputError(f"--fact 的值 {item!r} 格式应为 KEY=VALUE，例如 annualized_rate=7.2%-18%")
        facts[key] = value
    return facts


def check_fact_keys(facts: dict[str, str], texts: list[str]) -> None:
    """An unknown ``--fact`` key is a usage error naming the keys that are accepted.

    Accepted: the fixed keys and the template variables of the inputs (``${amount}`` →
    ``amount``).  A misspelt key silently ignored would leave the fact out of the message.
    """
    from assistant.rewrite.validators import accepted_fact_keys

    accepted: list[str] = []
    for text in texts or [""]:
        accepted += [k for k in accepted_fact_keys(text) if k not in accepted]
    unknown = [k for k in facts if k not in accepted]
    if unknown:
        raise InputError(f"--fact 的信息项 {'、'.join(unknown)} 未知；可用的信息项：{'、'.join(accepted)}")


def engine_line(result: RewriteResult | dict[str, Any]) -> str:
    data = result.to_dict() if isinstance(result, RewriteResult) else result
    if data["engine"] == "llm":
        return f"引擎：大模型 {data.get('model', '')}，调用 {data['llm_calls']} 次 / engine: llm, {data['llm_calls']} call(s)"
    why = f" · {data['notice']}" if data.get("notice") else ""
    return f"引擎：离线规则引擎，未调用大模型{why} / engine: offline, 0 LLM calls"


def render_rewrite(result: RewriteResult) -> str:
    data = result.to_dict()
    lines = [f"原稿：{result.original}"]
    errs = [f for f in result.findings_before if f.severity != "info"]
    if errs:
        lines.append(
            "问题：" + "；".join(f"{f.code}「{f.evidence}」[{SEVERITY_ZH[f.severity]}]" for f in errs)
        )
    lines.append(f"结果：{STATUS_ZH[result.status]}（{result.status}）")
    for i, v in enumerate(result.variants, start=1):
        lines += _version_lines(f"版本 {i}", v)
    if result.partial is not None:
        lines += _version_lines("待补充版（未合规，勿直接发送）", result.partial)
    for v in result.alternatives:
        lines += _version_lines("替代方案", v)
    for f in result.facts_used:
        if f.note:
            lines.append(f"已核对：{f.note}")
    if result.needs:
        lines.append(
            "需要补充："
            + "、".join(f"{NEEDS_ZH.get(n, n)}（{n}）" for n in result.needs)
            + "（用 --fact KEY=VALUE 提供）"
        )
    if result.reason:
        lines.append(f"说明：{result.reason}")
    lines.append(engine_line(data))
    return "\n".join(lines)


def _version_lines(title: str, v: Variant) -> list[str]:
    """One version: its text, then style, length and segments, changes and what to review."""
    from assistant.labels import STYLE_ZH

    style = STYLE_ZH.get(v.style, v.style)
    lines = [f"{title}：{v.text}", f"    {v.label or style} · {v.length} 字 · {v.segments} 条"]
    if v.changes:
        lines.append("    修改：" + "；".join(v.changes))
    warn = [f for f in v.findings if f.severity == "warning"]
    if warn and v.compliant:
        lines.append("    需复核：" + "；".join(f"{f.code} {f.message}" for f in warn))
    return lines


def _records(
    text: str | None, input_path: str | None, encoding: str | None = None
) -> Iterator[tuple[int, str, dict[str, Any]]]:
    from assistant.cli.check_cmd import notify
    from assistant.io.readers import RowError, read_records

    if text is not None:
        yield 0, text, {}
    if input_path is not None:
        for item in read_records(input_path, encoding=encoding, on_notice=notify):
            if isinstance(item, RowError):
                print(f"错误：{item}", file=sys.stderr)
                yield item.line, "", {"_row_error": str(item)}
                continue
            yield item.line, item.text, dict(item.meta)


def run_rewrite(
    *,
    text: str | None,
    input_path: str | None,
    profile: str | None,
    variants: int,
    engine: str,
    fmt: str,
    facts: list[str],
    config: Path | None,
    retrieval: bool | None = None,
    encoding: str | None = None,
) -> int:
    from assistant.io.encoding import resolve_encoding

    resolve_encoding(encoding)  # an unknown name is a usage error, before any input
    if fmt not in FORMATS:
        raise InputError(f"--format 的值 {fmt!r} 无效，应为 {'|'.join(FORMATS)}")
    if not 1 <= variants <= 5:
        raise InputError("--variants 应在 1 到 5 之间")
    if text is None and input_path is None:
        raise InputError("没有输入：请提供短信文本或 -i 文件")
    if text is not None and not text.strip():
        raise InputError("短信文本为空")
    fact_map = parse_facts(facts)
    if input_path is None:
        check_fact_keys(fact_map, [text or ""])  # before anything is opened or read
    from assistant.service import Assistant

    assistant = Assistant.open(config, profile=profile)
    cfg = assistant.llm
    assistant.engine(engine)  # --engine llm without a model is a usage error, before any input
    # What is printed goes through the audit store's scrubber: an error body echoing the
    # key or the base URL's credentials must not reach the terminal either.
    scrub = Scrubber(config_secrets(cfg))

    rows = list(_records(text, input_path, encoding))
    good = [(line, t, meta) for line, t, meta in rows if "_row_error" not in meta]
    try:
        check_fact_keys(fact_map, [t for _, t, _ in good])
    except InputError:
        assistant.close()
        raise
    row_errors = len(rows) - len(good)
    results = assistant.rewrite_many(
        (t for _, t, _ in good), engine=engine, facts=fact_map, variants=variants, retrieval=retrieval
    )
    collected: list[dict[str, Any]] = []
    all_fixed = True
    for (line, _t, meta), result in zip(good, results, strict=True):
        all_fixed &= result.status in ("fixed", "unchanged")
        obj = scrub(result.to_dict())
        if input_path is not None:
            obj["line"], obj["meta"] = line, meta
        if fmt == "text":
            print(terminal_safe(scrub(render_rewrite(result))))
            print()
        elif fmt == "jsonl":
            print(json.dumps(obj, ensure_ascii=False, default=str), flush=True)
        else:
            collected.append(obj)
    if fmt == "json":
        payload: Any = collected[0] if input_path is None and len(collected) == 1 else collected
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
    assistant.close()
    if row_errors:
        return 2
    return 0 if all_fixed else 1
