"""``assistant rewrite``: compliant versions of a draft, from the model or the offline engine.

Imported only when the command runs (it pulls in ``openai`` and LangChain's prompt
templates; with retrieval on, the knowledge index too).
"""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from assistant.cli.jsonout import JsonArray, dumps
from assistant.cli.render import SEVERITY_ZH, config_line, terminal_safe
from assistant.errors import InputError
from assistant.io.records import Record, RowError
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
        if key in facts and facts[key] != value:  # the last one would win without a word
            raise InputError(
                f"--fact 的信息项 {key} 给了两个不同的值：{facts[key]!r} 和 {value!r}，只能给一个"
            )
        facts[key] = value
    return facts


def check_fact_keys(facts: dict[str, str], texts: Iterable[str]) -> None:
    """An unknown ``--fact`` key is a usage error naming the keys that are accepted.

    Accepted: the fixed keys and the template variables of the inputs (``${amount}`` →
    ``amount``).  A misspelt key silently ignored would leave the fact out of the message.
    ``texts`` is read only when a key is not a fixed one, and only as far as needed.
    """
    from assistant.rewrite.validators import accepted_fact_keys

    accepted = accepted_fact_keys("")
    if all(k in accepted for k in facts):
        return
    for text in texts:
        accepted += [k for k in accepted_fact_keys(text) if k not in accepted]
        if all(k in accepted for k in facts):
            return
    unknown = [k for k in facts if k not in accepted]
    raise InputError(f"--fact 的信息项 {'、'.join(unknown)} 未知；可用的信息项：{'、'.join(accepted)}")


def _file_texts(input_path: str, encoding: str | None) -> Iterator[str]:
    """The readable texts of a file, without notices or errors (the main pass reports them)."""
    from assistant.io.readers import read_records

    for item in read_records(input_path, encoding=encoding):
        if not isinstance(item, RowError):
            yield item.text


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
) -> Iterator[Record | RowError]:
    """The drafts to rewrite, as the readers give them: each good row with its declared
    kind and product type (a row declaring marketing is rewritten as marketing), each bad
    row as its error.  ``-`` as the text reads standard input, one draft a line, as
    ``check -`` does."""
    from assistant.cli.check_cmd import notify
    from assistant.io.readers import read_records

    if text == "-":
        yield from read_records("-", encoding=encoding)
    elif text is not None:
        yield Record(0, text)
    if input_path is not None:
        yield from read_records(input_path, encoding=encoding, on_notice=notify)


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
    if text == "-" and input_path == "-":
        raise InputError("标准输入（-）只能使用一次")
    from_stdin = "-" in (text, input_path)
    fact_map = parse_facts(facts)
    if input_path is None and not from_stdin:
        check_fact_keys(fact_map, [text or ""])  # before anything is opened or read
    from assistant.service import Assistant

    assistant = Assistant.open(config, profile=profile)
    cfg = assistant.llm
    assistant.engine(engine)  # --engine llm without a model is a usage error, before any input
    # What is printed goes through the audit store's scrubber: an error body echoing the
    # key or the base URL's credentials must not reach the terminal either.
    scrub = Scrubber(config_secrets(cfg))

    records: Iterable[Record | RowError] = _records(text, input_path, encoding)
    if fact_map and (input_path is not None or from_stdin):
        if from_stdin:  # standard input can be read once: hold it for the key check
            records = list(records)
            texts: Iterable[str] = (r.text for r in records if isinstance(r, Record))
        else:  # a quiet first pass, only when a key is not a fixed one (a template variable)
            texts = chain([text] if text is not None else [], _file_texts(input_path, encoding))
        try:
            check_fact_keys(fact_map, texts)
        except InputError:
            assistant.close()
            raise
    row_errors = 0
    pending: deque[Record] = deque()

    def drafts() -> Iterator[tuple[str, Any, str | None]]:
        """Good rows go to the rewriter as they are read, each with its declared kind and
        product type; bad rows are reported on stderr and counted.  Nothing is held but
        the rows in flight."""
        nonlocal row_errors
        for item in records:
            if isinstance(item, RowError):
                print(f"错误：{item}", file=sys.stderr)
                row_errors += 1
                continue
            pending.append(item)
            yield item.text, item.kind, item.product_type

    results = assistant.rewrite_many(
        drafts(), engine=engine, facts=fact_map, variants=variants, retrieval=retrieval
    )
    # Standard input is a file of drafts: every result is written, each with its line.
    file_input = input_path is not None or from_stdin
    array = JsonArray(sys.stdout) if fmt == "json" and file_input else None
    single: list[dict[str, Any]] = []
    all_fixed = True
    done = 0
    for result in results:
        item = pending.popleft()
        done += 1
        all_fixed &= result.status in ("fixed", "unchanged")
        obj = scrub(result.to_dict())
        obj["config"] = assistant.config_source
        if file_input:
            obj["line"], obj["meta"] = item.line, dict(item.meta)
        if fmt == "text":
            print(terminal_safe(scrub(render_rewrite(result))))
            print()
        elif fmt == "jsonl":
            print(json.dumps(obj, ensure_ascii=False, default=str), flush=True)
        elif array is not None:
            array.add(obj)
        else:
            single.append(obj)
    if array is not None:
        array.close()
    elif fmt == "json":
        print(dumps(single[0] if single else []))
    if fmt == "text":
        print(config_line(assistant.config_source))
    assistant.close()
    if row_errors:
        return 2
    if done == 0:  # an empty file or empty standard input rewrote nothing: no all-clear
        where = input_path if input_path not in (None, "-") else "标准输入"
        print(f"错误：{where} 中没有可改写的短信（0 条）", file=sys.stderr)
        return 2
    return 0 if all_fixed else 1
