"""``assistant eval``: run the evaluation datasets, write reports, compare with a baseline.

Exit codes: 0 done (no regression), 1 a regression against ``--baseline``, 2 usage or
input error.  Reports go to ``--out``, else to a new temporary folder (named on stdout).  Bad dataset lines (malformed JSON, unknown rule codes …) are reported with
their file and line on stderr, the rest is evaluated and the report written, then exit 2.  Metrics below a target are reported, not failed: the baseline is the gate.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from assistant.errors import InputError
from assistant.evals.datasets import load_dataset
from assistant.evals.render import report_paths, summary_text, write_reports
from assistant.evals.report import ENGINES, compare, load_report, merge_reports

DEFAULT_DATASETS = ("drafts.jsonl", "rewrites.jsonl", "qa.jsonl")


def default_datasets() -> list[str]:
    """``evals/drafts.jsonl``, ``rewrites.jsonl`` and ``qa.jsonl`` of the current folder, else of the checkout."""
    for base in (Path("evals"), Path(__file__).resolve().parents[2] / "evals"):
        found = [str(base / name) for name in DEFAULT_DATASETS if (base / name).is_file()]
        if found:
            return found
    return []


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _check_out(out: Path, inputs: dict[str, list[str]] | None = None) -> list[Path]:
    """``--out`` must be a folder, or a path one can be made at, and none of the reports it
    would write may be one of ``inputs`` (option → report paths read: ``--baseline``, the
    reports of ``--merge``): checked before the run.  Returns the reports already there,
    which the run will replace.

    Why: ``--out`` holding the baseline overwrote it with the new report, so the next run
    compared with itself and every regression vanished."""
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} 已存在且不是文件夹：报告要写入一个文件夹")
    targets = report_paths(out).values()
    for option, paths in (inputs or {}).items():
        for given in paths:
            hit = next((t for t in targets if _same_file(Path(given), t)), None)
            if hit is not None:
                raise InputError(
                    f"--out {out} 会覆盖 {option} 给出的报告 {given}（即 {hit.name}）："
                    "请把新报告写到另一个文件夹（--out），基线和输入报告不能被覆盖"
                )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"--out {out} 无法创建：{exc.strerror or exc}") from exc
    if not os.access(out, os.W_OK):
        raise InputError(f"--out {out} 不可写")
    return [t for t in targets if t.exists()]


def run_eval_command(
    *,
    datasets: list[str],
    baseline: str | None,
    out: str | None,
    engine: str,
    merge: bool,
    reports: list[str],
    shard: str | None,
    config: Path | None,
) -> int:
    if engine not in ENGINES:
        raise InputError(f"--engine 的值 {engine!r} 无效，应为 {'|'.join(ENGINES)}")
    if reports and not merge:
        raise InputError(
            "多余的参数：要合并报告请加 --merge，例如 assistant eval --merge a.json b.json --out DIR"
        )
    replaced: list[Path] = []
    if out is not None:  # before a run of minutes, not after it
        inputs = {"--baseline": [baseline] if baseline else [], "--merge": reports if merge else []}
        replaced = _check_out(Path(out), inputs)
    if merge:
        if not reports:
            raise InputError("--merge 需要要合并的 report.json 路径")
        if datasets or shard:
            raise InputError("--merge 不能与 --dataset 或 --shard 同时使用")
        report = merge_reports([load_report(p) for p in reports])
    else:
        paths = datasets or default_datasets()
        if not paths:
            raise InputError("没有评测集：请用 --dataset 指定 evals/drafts.jsonl 等文件")
        loaded = [load_dataset(p) for p in paths]
        first: dict[str, str] = {}
        for ds in loaded:  # the same file twice would count every case and metric twice
            if ds.sha256 in first:
                raise InputError(
                    f"评测集 {ds.path} 与 {first[ds.sha256]} 内容相同（重复给出），每个评测集只能给一次"
                )
            first[ds.sha256] = ds.path
        adapter, note = None, ""
        if any(d.type == "qa" for d in loaded):
            from assistant.evals.qa import default_adapter

            adapter, note = default_adapter()
        for ds in loaded:
            for err in ds.errors:
                print(f"错误：{err}", file=sys.stderr)
        from assistant.service import Assistant

        with Assistant.open(config) as assistant:
            from assistant.cli.check_cmd import notify_narrowed

            # a config's select/ignore narrows the run: missed codes would read as misses
            notify_narrowed(assistant.ignored_rules, ("text", "profile"))
            report = assistant.evaluate(
                loaded, engine=engine, shard=shard, retrieval=adapter, retrieval_note=note
            )
    for warning in report["run"].get("merge_warnings") or []:
        print(f"警告：{warning}", file=sys.stderr)
    if baseline:
        report["comparison"] = compare(report, load_report(baseline), baseline)
    # Never into the working tree unless asked: a default ./eval-report would end up in commits.
    written = write_reports(report, out or tempfile.mkdtemp(prefix="assistant-eval-"))
    if replaced:
        names = "、".join(p.name for p in replaced)
        print(f"提示：已覆盖 --out {out} 中原有的报告 {names}", file=sys.stderr)
    print(summary_text(report))
    print("报告：" + "，".join(str(p) for p in written.values()))
    sys.stdout.flush()
    if report.get("input_errors"):
        print(
            f"评测集有 {len(report['input_errors'])} 行输入错误（见上方），这些行未参与评测",
            file=sys.stderr,
        )
        return 2
    cmp = report.get("comparison")
    return 1 if cmp and cmp["regressions"] else 0
