"""Command-line entry point (``assistant`` / ``python -m assistant``).

Each command's module is imported only when that command runs, so ``assistant check``
never loads the retrieval or UI stacks.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from assistant.errors import AssistantError

app = typer.Typer(
    name="assistant",
    help="金融营销短信合规助手 / Compliance assistant for financial marketing SMS.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

FORMAT_HELP = "输出格式 text|json|jsonl / output format"


@app.command(
    help="检查短信草稿是否合规（离线规则引擎）。Check SMS drafts against the rules (offline engine)."
)
def check(
    texts: Annotated[
        list[str] | None,
        typer.Argument(help="短信文本；'-' 表示从标准输入逐行读取 / messages, '-' for stdin"),
    ] = None,
    input_path: Annotated[
        Path | None,
        typer.Option("-i", "--input", help="输入文件 .txt/.csv/.jsonl/.xlsx，或 - 表示标准输入 / input file"),
    ] = None,
    profile: Annotated[str | None, typer.Option("--profile", help="发送方档案 TOML / sender profile")] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="marketing|service：指定短信类型 / declare the kind")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "text",
    select: Annotated[
        str | None, typer.Option("--select", help="只启用这些规则（代码或前缀，逗号分隔）/ rules to enable")
    ] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="忽略这些规则 / rules to ignore")] = None,
    fix: Annotated[
        bool, typer.Option("--fix", help="输出应用安全修复后的 fixed_text / apply safe fixes")
    ] = False,
    config: Annotated[
        Path | None, typer.Option("--config", help="项目配置 assistant.toml / project config")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", help="并行进程数（大文件批量检查）/ worker processes for big batches")
    ] = 1,
) -> None:
    from assistant.cli.check_cmd import run_check

    code = _guard(
        lambda: run_check(
            texts=texts or [],
            input_path=str(input_path) if input_path is not None else None,
            profile=profile,
            kind=kind,
            fmt=fmt,
            select=select,
            ignore=ignore,
            fix=fix,
            config=config,
            workers=workers,
        )
    )
    raise typer.Exit(code)


@app.command(help="列出全部规则。List every rule (code, name, severity, scope, fix kind).")
def rules(fmt: Annotated[str, typer.Option("--format", "-f", help="text|json")] = "text") -> None:
    from assistant.cli.rules_cmd import run_rules

    raise typer.Exit(_guard(lambda: run_rules(fmt)))


@app.command(help="显示一条规则的说明文档。Print a rule's documentation page.")
def rule(code: Annotated[str, typer.Argument(help="规则代码，如 ADV001 / rule code")]) -> None:
    from assistant.cli.rules_cmd import run_rule

    raise typer.Exit(_guard(lambda: run_rule(code)))


def _guard(fn: object) -> int:
    """Turn user-facing errors into exit code 2 with the message on stderr."""
    try:
        return int(fn())  # type: ignore[operator]
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def main() -> None:
    app()


if __name__ == "__main__":
    main()
