"""``assistant check``: stream messages through the checker and report."""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.cli.render import render_result, render_summary
from assistant.errors import InputError
from assistant.io.encoding import TextEncoding, resolve_encoding
from assistant.io.records import Record, RowError

if TYPE_CHECKING:
    from assistant.cli.jsonout import JsonArray
    from assistant.io.jsonlout import JsonlWriter

# The file readers and the JSON writers are imported where a run uses them: a message
# given on the command line, shown as text, needs none of them (csv, zip, orjson and what
# they import are ~10 ms of a cold ``assistant check "…"``).

FORMATS = ("text", "json", "jsonl")
AUDIT_DETAIL = 50


#: More worker processes than this only fork and wait (--workers 100000 forked thousands).
MAX_WORKERS = 64


def validate_workers(workers: int) -> None:
    """``--workers`` is a positive number of processes, at most MAX_WORKERS."""
    if workers < 1:
        raise InputError(f"--workers 应为正整数，而不是 {workers}")
    if workers > MAX_WORKERS:
        raise InputError(f"--workers 最多为 {MAX_WORKERS}（本机 CPU 数的几倍以上只会更慢），而不是 {workers}")


def notify(message: str) -> None:
    """An input notice (e.g. the encoding a file was read in) on stderr."""
    print(f"提示：{message}", file=sys.stderr)


def notify_narrowed(ignored: list[str], scopes: tuple[str, ...]) -> None:
    """Name on stderr the rules a select/ignore left out of this run.

    Why: ADV01 is a valid prefix (ADV010 alone), and a 通过 under it read like an all-rules
    pass.  Only rules of ``scopes`` are named: the ones this command could have run.
    """
    from assistant.checker.rulespec import rule_spec

    skipped = [c for c in ignored if rule_spec(c).scope in scopes]
    if not skipped:
        return
    shown = "、".join(skipped[:8]) + ("等" if len(skipped) > 8 else "")
    kind = "文本规则" if "campaign" not in scopes else "规则"
    notify(
        f"按规则选择（select/ignore），本次未检查 {len(skipped)} 条{kind}（{shown}）；"
        "“通过”只表示所选规则未发现问题"
    )


def read_records(path: str, **kwargs: Any) -> Iterator[Record | RowError]:
    """:func:`assistant.io.readers.read_records`, imported on first use (see the imports)."""
    from assistant.io.readers import read_records as read

    return read(path, **kwargs)


def _inputs(
    texts: list[str], input_path: str | None, encoding: TextEncoding | None = None
) -> Iterator[Record | RowError]:
    # Open the input file now: a missing or unsupported file is reported before any
    # message is checked, not after the TEXT arguments have been printed.
    file_records = (
        read_records(input_path, encoding=encoding, on_notice=notify) if input_path is not None else None
    )
    return _chain(texts, file_records, encoding)


def _chain(
    texts: list[str], file_records: Iterator[Record | RowError] | None, encoding: TextEncoding | None = None
) -> Iterator[Record | RowError]:
    for i, text in enumerate(texts, start=1):
        if text == "-":
            yield from read_records("-", encoding=encoding)
        else:
            yield Record(i, text)
    if file_records is not None:
        yield from file_records


def run_check(
    *,
    texts: list[str],
    input_path: str | None,
    profile: str | None,
    kind: str | None,
    fmt: str,
    select: str | None,
    ignore: str | None,
    fix: bool,
    config: Path | None,
    workers: int = 1,
    encoding: str | None = None,
    product_type: str | None = None,
    ready: Callable[[], None] | None = None,
) -> int:
    """Check the messages and report; the exit code.  ``ready`` is called once the checker is
    built, before the first message is read (the plain command line's fast path resumes the
    cycle collector there: see :func:`assistant.cli.fast.fast_check`)."""
    declared = resolve_encoding(encoding)  # an unknown name is a usage error, before any input
    if fmt not in FORMATS:
        raise InputError(f"--format 的值 {fmt!r} 无效，应为 {'|'.join(FORMATS)}")
    if kind not in (None, "marketing", "service"):
        raise InputError(f"--kind 的值 {kind!r} 无效，应为 marketing 或 service")
    from assistant.checker.product_type import parse_product_type

    try:
        ptype = parse_product_type(product_type)
    except ValueError as exc:
        raise InputError(f"--product-type 的值无效：{exc}") from exc
    if not texts and input_path is None:
        if sys.stdin.isatty():
            raise InputError("没有输入：请提供短信文本、-i 文件或 - （标准输入）")
        texts = ["-"]
    for i, text in enumerate(texts, start=1):
        if text != "-" and not text.strip():
            raise InputError(f"第{i}个短信文本参数为空")
    if texts.count("-") + (input_path is not None and str(input_path) == "-") > 1:
        raise InputError("标准输入（-）只能使用一次")
    validate_workers(workers)
    from assistant.service import Assistant, BatchStats

    assistant = Assistant.open(config, profile=profile, select=select, ignore=ignore)
    if not assistant.checker.specs:
        # --select CMP: campaign rules only, which `check` never runs — every message would pass
        raise InputError(
            "规则选择后没有任何可用于检查短信文本的规则（所选规则只在 campaign 或改写比对中检查）；"
            "请调整 --select/--ignore 或配置中的 select/ignore"
        )
    notify_narrowed(assistant.ignored_rules, ("text", "profile"))
    if ready is not None:
        ready()
    config_source = assistant.config_source
    out = sys.stdout
    lines: JsonlWriter | None = None
    if fmt == "jsonl":
        from assistant.io.jsonlout import JsonlWriter

        lines = JsonlWriter(out)
    stats = BatchStats()
    index = 0
    file_input = input_path is not None or "-" in texts
    # One message on the command line is one JSON object; anything else an array,
    # streamed element by element (memory stays flat on a file of any length).
    single: list[dict] = []
    array: JsonArray | None = None
    if fmt == "json" and (file_input or len(texts) != 1):
        from assistant.cli.jsonout import JsonArray

        array = JsonArray(out)
    records: deque[Record] = deque()
    source = _inputs(texts, input_path, declared)

    said = False  # whether a row's own declaration differing from the flag was said

    def feed() -> Iterator[tuple[str, str | None, str | None]]:
        """Good rows go to the checker; bad rows are reported at once and skipped."""
        nonlocal said
        for item in source:
            if isinstance(item, RowError):
                stats.row_errors += 1
                print(f"错误：{item}", file=sys.stderr)
                continue
            records.append(item)
            # A row's own declaration wins over the batch-wide flag, as in Checker.check_many;
            # a conflict is said once, never silently resolved
            differs = (kind and item.kind and item.kind != kind) or (
                ptype and item.product_type and item.product_type != ptype
            )
            if differs and not said:  # once: a file of such rows says it once
                notify(
                    f"第{item.line}行（及之后同类各行）自带的 kind/product_type 与命令行的 "
                    "--kind/--product-type 不同：按各行自己的声明检查"
                )
                said = True
            yield item.text, item.kind or kind, item.product_type or ptype

    where = input_path or ("标准输入" if "-" in texts else "命令行参数")
    results = assistant.check_many(feed(), workers=workers, fix=fix, stats=stats, source=where)  # type: ignore[arg-type]
    try:
        for result in results:
            item = records.popleft()
            result.meta = dict(item.meta)
            index += 1
            if fmt == "text":
                print(render_result(result, index), file=out)
                print(file=out)
                continue
            obj = result.to_dict()
            obj["config"] = config_source
            if file_input:
                obj["line"] = item.line
            if lines is not None:
                lines.write(obj)
            elif array is not None:
                array.add(obj)
            else:
                single.append(obj)
    finally:
        if lines is not None:
            lines.close()  # what was checked is written, even if a later row stops the run
    if array is not None:
        array.close()
    elif fmt == "json":
        from assistant.cli.jsonout import dumps

        out.write(dumps(single[0] if single else []) + "\n")
    summary = render_summary(stats.verdicts, stats.errors, stats.warnings, stats.row_errors, config_source)
    if fmt == "text":
        print(summary, file=out)
    elif stats.row_errors or index > 1:
        print(summary, file=sys.stderr)
    out.flush()
    assistant.close()
    if stats.row_errors:
        return 2
    if index == 0:
        # an empty file (or a header alone) checked nothing: not an all-clear for a CI job
        print(f"错误：{where} 中没有可检查的短信（0 条）", file=sys.stderr)
        return 2
    return 1 if stats.verdicts["fail"] else 0
