"""The eval report's files (``report.json``, ``report.md``, ``report.html``) and terminal summary.

The Markdown and HTML renderers live in :mod:`assistant.evals.render_md` and
:mod:`assistant.evals.render_html`; the HTML has no external assets (inline CSS and SVG,
no script), so it can be attached to a ticket or opened from a CI artefact offline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.evals.render_common import fmt, kind_line, not_compared_line, rewrite_lines
from assistant.evals.render_html import render_html
from assistant.evals.render_md import render_markdown
from assistant.labels import config_line


def report_paths(out: str | Path) -> dict[str, Path]:
    """The report files a run writes into ``out``: one place for their names (the CLI checks
    them before a run, so a report never replaces the baseline it is compared with)."""
    folder = Path(out)
    return {"json": folder / "report.json", "md": folder / "report.md", "html": folder / "report.html"}


def write_reports(report: dict[str, Any], out: str | Path) -> dict[str, Path]:
    """Write the three report files into ``out`` (created if missing); returns their paths."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    paths = report_paths(folder)
    paths["json"].write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    paths["md"].write_text(render_markdown(report), encoding="utf-8")
    paths["html"].write_text(render_html(report), encoding="utf-8")
    return paths


def summary_text(report: dict[str, Any]) -> str:
    """The lines printed after a run."""
    lines = []
    d = report["drafts"]["metrics"]
    o = d["overall"]
    if o["cases"]:
        lines.append(
            f"检查器：{o['cases']} 条用例，通过 {o['cases_passed']}；总体 F1（micro）{fmt(o['f1'])}，"
            f"macro-F1 {fmt(o['macro_f1'])}，P {fmt(o['precision'])}，R {fmt(o['recall'])}；"
            f"结论准确率 {fmt(o['verdict_accuracy'])}；{kind_line(o)}"
        )
        weak = [
            f"{c} {fmt(r['f1'])}" for c, r in d["per_rule"].items() if r["f1"] is not None and r["f1"] < 0.9
        ]
        if weak:
            lines.append("F1 低于 0.9 的规则：" + "，".join(weak))
    qa = report["qa"]
    if qa["status"] == "ok" and qa["metrics"]:
        m = qa["metrics"]
        lines.append(
            f"检索：{m['cases']} 个问题，hit@1 {fmt(m['hit@1'])}，hit@3 {fmt(m['hit@3'])}，MRR {fmt(m['mrr'])}"
        )
    elif qa["status"] == "skipped":
        lines.append(qa["note"] or "检索评测已跳过")
    lines += rewrite_lines(report)
    if report.get("input_errors"):
        lines.append(f"评测集输入错误 {len(report['input_errors'])} 行（这些行未参与评测）")
    cmp = report.get("comparison")
    if cmp:
        lines.append(
            f"对比基线：退步 {len(cmp['regressions'])} 项，改进 {len(cmp['improvements'])} 项，"
            f"新增用例 {len(cmp['new_cases'])} 个" + ("（规则目录已变化）" if cmp["rules_changed"] else "")
        )
        skipped = not_compared_line(cmp)
        if skipped:
            lines.append(skipped)
        for r in cmp["regressions"][:20]:
            lines.append(f"  退步 {r['key']}：{r['detail']}")
        if len(cmp["regressions"]) > 20:
            lines.append(f"  …… 共 {len(cmp['regressions'])} 项，见 report.md")
    lines.append(
        f"模式：检查器为离线规则引擎；改写 engine={report['run']['engine']}，model={report['run']['model']}"
    )
    if report["run"].get("config"):
        lines.append(config_line(report["run"]["config"]))
    return "\n".join(lines)
