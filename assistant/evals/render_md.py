"""``report.md``: the eval report as Markdown tables, for a pull request or a wiki page."""

from __future__ import annotations

from typing import Any

from assistant.evals.render_common import (
    KINDS,
    REWRITE_STATUSES,
    VERDICTS,
    fmt,
    not_compared_line,
    rewrite_lines,
    rewrite_problems,
)


def _short(text: str, n: int = 60) -> str:
    """One table cell: no newline, no ``|`` (it would split the cell), at most ``n`` characters."""
    text = text.replace("\n", " ").replace("|", "｜")
    return text if len(text) <= n else text[: n - 1] + "…"


def render_markdown(report: dict[str, Any]) -> str:
    run = report["run"]
    d = report["drafts"]["metrics"]
    o = d["overall"]
    out = [
        "# 评测报告 / Evaluation report",
        "",
        f"- 时间 timestamp: {run['timestamp']}",
        f"- 引擎 engine: {run['engine']} (requested {run['engine_requested']}), model: {run['model']}",
        f"- git commit: {run['git_commit'] or '—'}",
        f"- 规则目录版本 rule catalogue: `{run['rule_catalogue_version']}`",
        f"- 提示词版本 prompts: `{run['prompt_versions']['hash']}`",
        f"- 配置 settings: `{run['settings_hash']}`",
    ]
    if run.get("config"):
        out.append(f"- 配置文件 config: {run['config']}")
    out += [f"- 警告 warning: {w}" for w in run.get("merge_warnings") or []]
    if run.get("shard"):
        out.append(f"- 分片 shard: {run['shard']}")
    if run.get("merged_from"):
        out.append(f"- 合并自 merged from: {len(run['merged_from'])} 个报告")
    out += ["", "| 评测集 dataset | 类型 | 用例 | sha256 |", "|---|---|---|---|"]
    out += [f"| {x['path']} | {x['type']} | {x['cases']} | `{x['sha256'][:16]}` |" for x in run["datasets"]]
    out += ["", "## 检查器 / Checker", ""]
    if o["cases"]:
        out += [
            "| 指标 | 值 |",
            "|---|---|",
            f"| 用例 cases | {o['cases']}（通过 {o['cases_passed']}） |",
            f"| micro P / R / F1 | {fmt(o['precision'])} / {fmt(o['recall'])} / **{fmt(o['f1'])}** |",
            f"| macro F1 | {fmt(o['macro_f1'])} |",
            f"| 结论准确率 verdict accuracy | {fmt(o['verdict_accuracy'])}（{o['verdict_labelled']} 条有标注） |",
            f"| 短信类型准确率 kind accuracy | {fmt(o.get('kind_accuracy'))}（{o.get('kind_labelled', 0)} 条有标注） |",
            "",
            "### 各规则 / Per rule",
            "",
            "| code | TP | FP | FN | precision | recall | F1 |",
            "|---|---|---|---|---|---|---|",
        ]
        out += [
            f"| {c} | {r['tp']} | {r['fp']} | {r['fn']} | {fmt(r['precision'])} | {fmt(r['recall'])} | {fmt(r['f1'])} |"
            for c, r in d["per_rule"].items()
        ]
        out += ["", "### 结论混淆矩阵 / Verdict confusion (rows: expected, columns: actual)", ""]
        out += ["| expected \\ actual | " + " | ".join(VERDICTS) + " |", "|---" * 4 + "|"]
        for e in VERDICTS:
            out.append(f"| {e} | " + " | ".join(str(d["verdict_confusion"][e][a]) for a in VERDICTS) + " |")
        if o.get("kind_labelled"):
            out += ["", "### 短信类型混淆矩阵 / Kind confusion (rows: expected_kind, columns: inferred)", ""]
            out += ["| expected \\ actual | " + " | ".join(KINDS) + " |", "|---" * 4 + "|"]
            for e in KINDS:
                out.append(f"| {e} | " + " | ".join(str(d["kind_confusion"][e][a]) for a in KINDS) + " |")
            misses = [c for c in report["drafts"]["cases"] if c.get("kind_ok") is False]
            if misses:
                out += ["", f"短信类型不符 / kind misses ({len(misses)})：", ""]
                out += [
                    f"- {c['id']} kind {c['expected_kind']}→{c['actual_kind']}：{_short(c['text'])}"
                    for c in misses
                ]
        out += ["", "### 各类别 / Per category", "", "| category | cases | passed |", "|---|---|---|"]
        out += [f"| {k} | {v['cases']} | {v['passed']} |" for k, v in d["per_category"].items()]
        failing = [c for c in report["drafts"]["cases"] if not c["passed"]]
        out += ["", f"### 未通过的用例 / Failing cases ({len(failing)})", ""]
        if failing:
            out += ["| id | text | expected | actual | problems |", "|---|---|---|---|---|"]
            for c in failing:
                expected = f"{','.join(c['must_fire']) or '—'} → {c['expected_verdict']}"
                actual = ",".join(f"{k}:{v[0]}" for k, v in c["fired"].items()) or "—"
                probs = [f"FN {x}" for x in c["fn"]] + [f"FP {x}" for x in c["fp"]]
                if not c["verdict_ok"]:
                    probs.append(f"verdict {c['actual_verdict']}")
                if c.get("kind_ok") is False:
                    probs.append(f"kind {c['expected_kind']}→{c['actual_kind']}")
                out.append(
                    f"| {c['id']} | {_short(c['text'])} | {expected} | {actual} → {c['actual_verdict']} | "
                    f"{'; '.join(probs)} |"
                )
    else:
        out.append("没有草稿评测集。")
    out += ["", "## 检索 / Retrieval", ""]
    qa = report["qa"]
    if qa["status"] == "ok" and qa["metrics"]:
        m = qa["metrics"]
        out += [
            f"hit@1 **{fmt(m['hit@1'])}**, hit@3 **{fmt(m['hit@3'])}**, MRR **{fmt(m['mrr'])}** ({m['cases']} questions)",
            "",
        ]
        misses = [c for c in qa["cases"] if not c["passed"]]
        if misses:
            out += ["| id | question | expected | rank | got (top 3) |", "|---|---|---|---|---|"]
            out += [
                f"| {c['id']} | {_short(c['question'], 40)} | {', '.join(map(str, c['expected']))} | "
                f"{c['rank'] or '—'} | {'; '.join(c['got'])} |"
                for c in misses
            ]
    elif qa["status"] == "skipped":
        out.append(qa["note"] or "skipped")
    else:
        out.append("没有检索评测集 / no qa dataset.")
    if qa.get("index"):
        out += ["", f"检索索引 / index: {qa['index']}"]
    out += ["", "## 改写 / Rewrite", ""]
    rw = report.get("rewrite") or {}
    m = rw.get("metrics")
    if m:
        out += rewrite_lines(report)
        out += ["", "### 状态混淆矩阵 / Status confusion (rows: expected, columns: actual)", ""]
        out += [
            "| expected \\ actual | " + " | ".join(REWRITE_STATUSES) + " |",
            "|---" * (len(REWRITE_STATUSES) + 1) + "|",
        ]
        for e, row in m["status_confusion"].items():
            out.append(f"| {e} | " + " | ".join(str(row[a]) for a in REWRITE_STATUSES) + " |")
        failing = [c for c in rw["cases"] if not c["passed"]]
        out += ["", f"### 未通过的改写用例 / Failing rewrite cases ({len(failing)})", ""]
        if failing:
            out += ["| id | draft | problems | variant / reason |", "|---|---|---|---|"]
            for c in failing:
                shown = c["variants"][0] if c["variants"] else c["reason"]
                out.append(
                    f"| {c['id']} | {_short(c['text'])} | {'; '.join(rewrite_problems(c))} | {_short(shown, 80)} |"
                )
    else:
        out.append("没有改写评测集 / no rewrite dataset.")
    if report.get("input_errors"):
        out += ["", f"## 评测集输入错误 / Input errors ({len(report['input_errors'])})", ""]
        out += [f"- {e}" for e in report["input_errors"]]
    out.append("")
    cmp = report.get("comparison")
    if cmp:
        out += [
            "## 基线对比 / Baseline comparison",
            "",
            f"基线 {cmp['baseline']}（{cmp['baseline_timestamp']}）；总体 F1 {fmt(cmp['overall_f1_before'])} → "
            f"{fmt(cmp['overall_f1_after'])}" + ("；规则目录已变化" if cmp["rules_changed"] else ""),
            "",
        ]
        for title, items in (
            ("退步 Regressions", cmp["regressions"]),
            ("改进 Improvements", cmp["improvements"]),
        ):
            out.append(f"### {title} ({len(items)})")
            out += [f"- `{i['key']}` {i['detail']}" for i in items] or ["- 无"]
            out.append("")
        if cmp["new_cases"]:
            out.append(f"新增用例 {len(cmp['new_cases'])} 个。")
        skipped = not_compared_line(cmp)
        if skipped:
            out.append(skipped)
    return "\n".join(out).rstrip() + "\n"
