"""Command-line entry point (``assistant`` / ``python -m assistant``).

Each command's module is imported only when that command runs, so ``assistant check``
never loads the retrieval or UI stacks.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from assistant.cli.guard import guard as _guard
from assistant.cli.guard import skip_pydantic_plugin_scan as _skip_pydantic_plugin_scan


def _repeated_option(args: list[str], command: Any) -> str | None:
    """The first single-valued option given twice in ``args`` (``--ignore A --ignore B``).

    Why: click keeps the last value without a word, so ``--ignore ADV001 --ignore PRO``
    switched ADV001 back on and ``--kind marketing --kind service`` ran as service — a
    silent wrong result.  Options that take many values (``--fact``, ``--dataset``) and
    flags may repeat."""
    names: dict[str, str] = {}
    for param in command.params:
        # typer ships its own click: parameters are told apart by their kind, not their class
        option = getattr(param, "param_type_name", "") == "option"
        if option and not param.multiple and not param.is_flag and not param.count:
            for opt in (*param.opts, *param.secondary_opts):
                names[opt] = max(param.opts, key=len)
    seen: set[str] = set()
    for arg in args:
        if arg == "--":
            break
        name = names.get(arg.split("=", 1)[0] if arg.startswith("--") else arg)
        if name is None:
            continue
        if name in seen:
            return name
        seen.add(name)
    return None


class _Group(TyperGroup):
    """The command group, refusing a single-valued option given twice (see _repeated_option)."""

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None and (repeated := _repeated_option(rest, command)) is not None:
            hint = (
                "（多个规则代码用逗号分隔，如 --select ADV,PRO）"
                if repeated in ("--select", "--ignore")
                else ""
            )
            print(f"错误：选项 {repeated} 指定了不止一次，只能指定一次{hint}", file=sys.stderr)
            ctx.exit(2)
        return name, command, rest


app = typer.Typer(
    cls=_Group,
    name="assistant",
    help="金融营销短信合规助手 / Compliance assistant for financial marketing SMS.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        from assistant import __version__

        print(f"assistant {__version__}（sms-compliance-assistant）")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_print_version,
            help="显示版本后退出 / show the version and exit",
        ),
    ] = False,
) -> None:
    # Options of the program itself (before any command); the help text is the app's.
    pass


FORMAT_HELP = "输出格式 text|json|jsonl / output format"
ENCODING_HELP = (
    "输入文件编码，默认自动识别（utf-8|gbk|gb18030|big5|utf-16 …）/ input file encoding, detected by default"
)


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
    encoding: Annotated[str | None, typer.Option("--encoding", help=ENCODING_HELP)] = None,
    product_type: Annotated[
        str | None,
        typer.Option(
            "--product-type",
            help="wealth|fund|insurance|loan|card|deposit|payment：指定产品类型（影响 ADV007 等）/ declare the product type",
        ),
    ] = None,
) -> None:
    _skip_pydantic_plugin_scan()
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
            encoding=encoding,
            product_type=product_type,
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


@app.command(
    help="导入知识库（内置指南与法规，以及 .md/.txt/.pdf/.docx 文件），增量更新索引。"
    "Build or update the knowledge index from knowledge/ and your own files (incremental)."
)
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="要导入的文件或目录 .md/.txt/.pdf/.docx / files or folders to add"),
    ] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="清空并重建整个索引 / drop and rebuild the whole index")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text|json")] = "text",
    config: Annotated[
        Path | None, typer.Option("--config", help="项目配置 assistant.toml / project config")
    ] = None,
) -> None:
    from assistant.cli.knowledge_cmd import run_ingest

    raise typer.Exit(_guard(lambda: run_ingest(paths=paths or [], rebuild=rebuild, fmt=fmt, config=config)))


@app.command(
    help="就合规问题检索知识库并作答（附编号来源）。Ask a compliance question; answers cite numbered sources."
)
def ask(
    question: Annotated[str, typer.Argument(help="问题 / the question")],
    k: Annotated[int, typer.Option("--k", help="返回的来源段落数 / number of sources")] = 5,
    engine: Annotated[
        str,
        typer.Option("--engine", help="auto|llm|offline：auto 在未配置大模型时离线检索 / answer engine"),
    ] = "auto",
    fmt: Annotated[str, typer.Option("--format", "-f", help="text|json")] = "text",
    config: Annotated[
        Path | None, typer.Option("--config", help="项目配置 assistant.toml / project config")
    ] = None,
) -> None:
    from assistant.cli.knowledge_cmd import run_ask

    raise typer.Exit(_guard(lambda: run_ask(question=question, k=k, engine=engine, fmt=fmt, config=config)))


@app.command(
    help="检查发送计划：逐条检查短信，并检查发送频率、时段、同意与重复发送（CMP001–CMP004）。"
    "Check a send plan (CSV/XLSX/JSONL: recipient, send_time, text, optional kind): every message "
    "plus the campaign rules. Phone numbers are masked in all output."
)
def campaign(
    plan: Annotated[Path, typer.Argument(help="发送计划 .csv/.xlsx/.jsonl / send plan")],
    profile: Annotated[str | None, typer.Option("--profile", help="发送方档案 TOML / sender profile")] = None,
    history: Annotated[
        Path | None,
        typer.Option("--history", help="已发送记录（同样的列），计入频率与重复检查 / earlier sends"),
    ] = None,
    consent: Annotated[
        Path | None,
        typer.Option(
            "--consent", help="同意/退订名单 CSV（recipient, status=consent|opt_out）/ consent list"
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "text",
    config: Annotated[
        Path | None, typer.Option("--config", help="项目配置 assistant.toml / project config")
    ] = None,
    tz: Annotated[
        str, typer.Option("--tz", help="不带时区的时间所在时区，也用于划分自然月 / time zone")
    ] = "Asia/Shanghai",
    workers: Annotated[int, typer.Option("--workers", help="检查新文本的并行进程数 / worker processes")] = 2,
    select: Annotated[
        str | None, typer.Option("--select", help="只启用这些规则（代码或前缀）/ rules to enable")
    ] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="忽略这些规则 / rules to ignore")] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help=ENCODING_HELP)] = None,
) -> None:
    from assistant.cli.campaign_cmd import run_campaign

    code = _guard(
        lambda: run_campaign(
            plan=str(plan),
            profile=profile,
            history=str(history) if history is not None else None,
            consent=str(consent) if consent is not None else None,
            fmt=fmt,
            config=config,
            tz=tz,
            workers=workers,
            select=select,
            ignore=ignore,
            encoding=encoding,
        )
    )
    raise typer.Exit(code)


@app.command(
    name="eval",
    help="评测检查器（以及检索）：按规则计算精确率/召回率/F1，生成 report.json/md/html；"
    "--baseline 对比基线，有退步时退出码为 1。Evaluate the checker (and retrieval) on labelled "
    "datasets; compare with a baseline; merge reports of split runs with --merge.",
)
def eval_command(
    reports: Annotated[
        list[Path] | None,
        typer.Argument(help="与 --merge 一起使用：要合并的 report.json / reports to merge (with --merge)"),
    ] = None,
    dataset: Annotated[
        list[Path] | None,
        typer.Option("--dataset", "-d", help="评测集 .jsonl（可多次指定）/ dataset, repeatable"),
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="基线 report.json / baseline report")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="报告输出目录，默认新建临时目录 / output dir (default: a new temp dir)"
        ),
    ] = None,
    engine: Annotated[
        str, typer.Option("--engine", help="auto|offline|llm（检查器始终为离线规则引擎）/ engine")
    ] = "auto",
    merge: Annotated[
        bool,
        typer.Option("--merge", help="合并分片运行的 report.json（作为参数）/ merge split-run reports"),
    ] = False,
    shard: Annotated[
        str | None, typer.Option("--shard", help="只运行第 K 片（共 N 片），如 1/2 / run one shard K/N")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="项目配置 assistant.toml / project config")
    ] = None,
) -> None:
    from assistant.cli.eval_cmd import run_eval_command

    code = _guard(
        lambda: run_eval_command(
            datasets=[str(d) for d in dataset or []],
            baseline=str(baseline) if baseline is not None else None,
            out=str(out) if out is not None else None,
            engine=engine,
            merge=merge,
            reports=[str(r) for r in reports or []],
            shard=shard,
            config=config,
        )
    )
    raise typer.Exit(code)


@app.command(
    help="改写短信草稿为合规版本（配置了大模型时用大模型，否则离线引擎），每个版本都经规则复检。"
    "Rewrite a draft into compliant versions (LLM when configured, else offline); every version is re-checked."
)
def rewrite(
    text: Annotated[str | None, typer.Argument(help="短信草稿 / the draft")] = None,
    input_path: Annotated[
        Path | None,
        typer.Option("-i", "--input", help="批量改写：.txt/.csv/.jsonl/.xlsx 文件 / batch input file"),
    ] = None,
    profile: Annotated[str | None, typer.Option("--profile", help="发送方档案 TOML / sender profile")] = None,
    variants: Annotated[int, typer.Option("--variants", "-n", help="版本数 1–5 / number of versions")] = 3,
    engine: Annotated[
        str, typer.Option("--engine", help="auto|llm|offline：auto 在未配置大模型时用离线引擎 / engine")
    ] = "auto",
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "text",
    fact: Annotated[
        list[str] | None,
        typer.Option("--fact", help="补充事实 KEY=VALUE，可多次，如 annualized_rate=7.2%-18% / a fact"),
    ] = None,
    retrieval: Annotated[
        bool | None,
        typer.Option("--retrieval/--no-retrieval", help="是否附知识库资料给大模型 / give the model passages"),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="项目配置 assistant.toml / project config")
    ] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help=ENCODING_HELP)] = None,
) -> None:
    from assistant.cli.rewrite_cmd import run_rewrite

    code = _guard(
        lambda: run_rewrite(
            text=text,
            input_path=str(input_path) if input_path is not None else None,
            profile=profile,
            variants=variants,
            engine=engine,
            fmt=fmt,
            facts=fact or [],
            config=config,
            retrieval=retrieval,
            encoding=encoding,
        )
    )
    raise typer.Exit(code)


@app.command(
    help="规则检查结论 + 大模型参考意见（误导、语气、清晰度；分开列出，不改变结论）。"
    "Rule findings plus the model's advisory notes, kept separate (notes never change the verdict)."
)
def critique(
    text: Annotated[str, typer.Argument(help="短信文本 / the message")],
    profile: Annotated[str | None, typer.Option("--profile", help="发送方档案 TOML / sender profile")] = None,
    engine: Annotated[str, typer.Option("--engine", help="auto|llm|offline / engine")] = "auto",
    fmt: Annotated[str, typer.Option("--format", "-f", help="text|json")] = "text",
    config: Annotated[
        Path | None, typer.Option("--config", help="项目配置 assistant.toml / project config")
    ] = None,
) -> None:
    from assistant.cli.llm_cmds import run_critique

    raise typer.Exit(
        _guard(lambda: run_critique(text=text, profile=profile, engine=engine, fmt=fmt, config=config))
    )


@app.command(
    help="诊断大模型配置（密钥只显示末 4 位）、端点连通性与运行模式。"
    "Show the model configuration (key masked), whether the endpoint answers, and the mode."
)
def doctor(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text|json")] = "text",
    probe: Annotated[
        bool, typer.Option("--probe/--no-probe", help="是否实际请求端点 / contact the endpoint")
    ] = True,
    config: Annotated[
        Path | None, typer.Option("--config", help="项目配置 assistant.toml / project config")
    ] = None,
) -> None:
    from assistant.cli.llm_cmds import run_doctor

    raise typer.Exit(_guard(lambda: run_doctor(config=config, fmt=fmt, probe=probe)))


@app.command(
    help="启动网页界面（对话审核、改写、问答、批量、审核历史），默认只监听本机 127.0.0.1。"
    "Start the web UI (Gradio); binds to 127.0.0.1 by default. "
    "--add-user NAME --auth-file users.toml adds a login user (password prompted, stored hashed)."
)
def serve(
    host: Annotated[str, typer.Option("--host", help="监听地址 / bind address")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口 / port")] = 7860,
    auth_file: Annotated[
        Path | None,
        typer.Option("--auth-file", help="登录用户文件 TOML（密码为加盐哈希）/ users file for login"),
    ] = None,
    max_file_size: Annotated[
        str, typer.Option("--max-file-size", help="上传文件大小上限，如 10mb / upload size limit")
    ] = "10mb",
    add_user: Annotated[
        str | None,
        typer.Option(
            "--add-user", help="向 --auth-file 添加用户（提示输入密码）后退出 / add a user and exit"
        ),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="项目配置 assistant.toml / project config")
    ] = None,
) -> None:
    from assistant.cli.serve_cmd import run_add_user, run_serve

    if add_user is not None:
        raise typer.Exit(_guard(lambda: run_add_user(auth_file, add_user)))
    raise typer.Exit(
        _guard(
            lambda: run_serve(
                host=host, port=port, auth_file=auth_file, max_file_size=max_file_size, config=config
            )
        )
    )


audit_app = typer.Typer(
    name="audit",
    help="审计记录（检查/改写/问答与每次模型调用）：导出、按保留期清理、损坏时重置。Audit log: export, purge, reset.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(audit_app, name="audit")


@audit_app.command("export", help="导出审计记录为 CSV 或 JSONL。Export the audit log as CSV or JSONL.")
def audit_export(
    out: Annotated[str, typer.Option("--out", "-o", help="输出文件，- 为标准输出 / output file")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="csv|jsonl；不指定时按 --out 的扩展名，否则 jsonl / format"),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="只导出此日期（含）之后的记录，如 2025-01-31 / from date")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="项目配置 assistant.toml / project config")
    ] = None,
) -> None:
    from assistant.cli.llm_cmds import run_audit_export

    raise typer.Exit(_guard(lambda: run_audit_export(fmt=fmt, out=out, since=since, config=config)))


@audit_app.command(
    "purge",
    help="删除超过保留期（默认 6 个月）的审计记录，较新的记录不动。Delete rows older than the retention period.",
)
def audit_purge(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只统计不删除 / count only")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text|json")] = "text",
    config: Annotated[
        Path | None, typer.Option("--config", help="项目配置 assistant.toml / project config")
    ] = None,
) -> None:
    from assistant.cli.llm_cmds import run_audit_purge

    raise typer.Exit(_guard(lambda: run_audit_purge(config=config, dry_run=dry_run, fmt=fmt)))


@audit_app.command(
    "reset",
    help="审计库损坏时：把损坏的文件（连同 -wal/-shm）改名移到一旁并新建空库。"
    "Move a corrupt audit database aside and start a new one.",
)
def audit_reset(
    force: Annotated[
        bool, typer.Option("--force", help="审计库完好也重置（旧文件保留）/ reset a sound store too")
    ] = False,
    config: Annotated[
        Path | None, typer.Option("--config", help="项目配置 assistant.toml / project config")
    ] = None,
) -> None:
    from assistant.cli.llm_cmds import run_audit_reset

    raise typer.Exit(_guard(lambda: run_audit_reset(config=config, force=force)))


def main() -> None:
    from assistant.cli.fast import fast_check
    from assistant.cli.log import configure_logging

    configure_logging()  # library warnings (audit, index, retrieval) as 警告：… on stderr
    code = fast_check(sys.argv[1:])  # a plain `check` runs without building the typer app
    if code is not None:
        sys.exit(code)
    app()


if __name__ == "__main__":
    main()
