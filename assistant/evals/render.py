"""Report files: ``report.json``, ``report.md`` and a self-contained ``report.html``.

The HTML has no external assets (inline CSS and SVG, no script), so it can be attached to a
ticket or opened from a CI artefact offline.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

VERDICTS = ("pass", "review", "fail")
SEV_RANK = {"info": 0, "warning": 1, "error": 2}


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _short(text: str, n: int = 60) -> str:
    text = text.replace("\n", " ").replace("|", "｜")
    return text if len(text) <= n else text[: n - 1] + "…"


REWRITE_STATUSES = ("fixed", "needs_input", "refused", "failed")


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.1f}%"


def rewrite_lines(report: dict[str, Any]) -> list[str]:
    """The rewrite metrics in one or two lines (summary and markdown)."""
    rw = report.get("rewrite") or {}
    m = rw.get("metrics")
    if not m:
        return ["改写：没有改写评测集 / no rewrite dataset"]
    share = "，".join(f"{s} {_pct(m['status_share'][s])}" for s in REWRITE_STATUSES)
    return [
        f"改写（engine={rw.get('engine')}）：{m['cases']} 条用例，通过 {m['cases_passed']}；{share}；"
        f"状态准确率 {_fmt(m['status_accuracy'])}，needs 准确率 {_fmt(m['needs_accuracy'])}，"
        f"事实保留 {_fmt(m['fact_preservation'])}（{m['facts_kept']}/{m['facts_total']}），"
        f"禁用语违规 {m['must_not_contain_violations']}",
        f"改写成本：模型调用 {m['llm_calls_total']} 次（每条均值 {_fmt(m['llm_calls_mean'])}，p95 "
        f"{_fmt(m['llm_calls_p95'])}），tokens 每条均值 {_fmt(m['tokens_mean'])}（p95 {_fmt(m['tokens_p95'])}），"
        f"耗时每条均值 {_fmt(m['latency_mean_s'])} s（p95 {_fmt(m['latency_p95_s'])} s）",
    ]


def _rewrite_problems(c: dict[str, Any]) -> list[str]:
    probs = []
    if not c["status_ok"]:
        probs.append(f"status {c['expected_status']}→{c['actual_status']}")
    elif not c["needs_ok"]:
        probs.append(f"needs {','.join(c['expected_needs'])}→{','.join(c['actual_needs']) or '—'}")
    probs += [f"lost {k}" for k in c["lost"]] + [f"contains {m}" for m in c["violations"]]
    return probs


def write_reports(report: dict[str, Any], out: str | Path) -> dict[str, Path]:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "json": folder / "report.json",
        "md": folder / "report.md",
        "html": folder / "report.html",
    }
    paths["json"].write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    paths["md"].write_text(render_markdown(report), encoding="utf-8")
    paths["html"].write_text(render_html(report), encoding="utf-8")
    return paths


# --------------------------------------------------------------------------- text


def summary_text(report: dict[str, Any]) -> str:
    """The lines printed after a run."""
    lines = []
    d = report["drafts"]["metrics"]
    o = d["overall"]
    if o["cases"]:
        lines.append(
            f"检查器：{o['cases']} 条用例，通过 {o['cases_passed']}；总体 F1（micro）{_fmt(o['f1'])}，"
            f"macro-F1 {_fmt(o['macro_f1'])}，P {_fmt(o['precision'])}，R {_fmt(o['recall'])}；"
            f"结论准确率 {_fmt(o['verdict_accuracy'])}"
        )
        weak = [
            f"{c} {_fmt(r['f1'])}" for c, r in d["per_rule"].items() if r["f1"] is not None and r["f1"] < 0.9
        ]
        if weak:
            lines.append("F1 低于 0.9 的规则：" + "，".join(weak))
    qa = report["qa"]
    if qa["status"] == "ok" and qa["metrics"]:
        m = qa["metrics"]
        lines.append(
            f"检索：{m['cases']} 个问题，hit@1 {_fmt(m['hit@1'])}，hit@3 {_fmt(m['hit@3'])}，MRR {_fmt(m['mrr'])}"
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
        for r in cmp["regressions"][:20]:
            lines.append(f"  退步 {r['key']}：{r['detail']}")
        if len(cmp["regressions"]) > 20:
            lines.append(f"  …… 共 {len(cmp['regressions'])} 项，见 report.md")
    lines.append(
        f"模式：检查器为离线规则引擎；改写 engine={report['run']['engine']}，model={report['run']['model']}"
    )
    return "\n".join(lines)


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
            f"| micro P / R / F1 | {_fmt(o['precision'])} / {_fmt(o['recall'])} / **{_fmt(o['f1'])}** |",
            f"| macro F1 | {_fmt(o['macro_f1'])} |",
            f"| 结论准确率 verdict accuracy | {_fmt(o['verdict_accuracy'])}（{o['verdict_labelled']} 条有标注） |",
            "",
            "### 各规则 / Per rule",
            "",
            "| code | TP | FP | FN | precision | recall | F1 |",
            "|---|---|---|---|---|---|---|",
        ]
        out += [
            f"| {c} | {r['tp']} | {r['fp']} | {r['fn']} | {_fmt(r['precision'])} | {_fmt(r['recall'])} | {_fmt(r['f1'])} |"
            for c, r in d["per_rule"].items()
        ]
        out += ["", "### 结论混淆矩阵 / Verdict confusion (rows: expected, columns: actual)", ""]
        out += ["| expected \\ actual | " + " | ".join(VERDICTS) + " |", "|---" * 4 + "|"]
        for e in VERDICTS:
            out.append(f"| {e} | " + " | ".join(str(d["verdict_confusion"][e][a]) for a in VERDICTS) + " |")
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
            f"hit@1 **{_fmt(m['hit@1'])}**, hit@3 **{_fmt(m['hit@3'])}**, MRR **{_fmt(m['mrr'])}** ({m['cases']} questions)",
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
        out += ["| expected \\ actual | " + " | ".join(REWRITE_STATUSES) + " |", "|---" * 5 + "|"]
        for e, row in m["status_confusion"].items():
            out.append(f"| {e} | " + " | ".join(str(row[a]) for a in REWRITE_STATUSES) + " |")
        failing = [c for c in rw["cases"] if not c["passed"]]
        out += ["", f"### 未通过的改写用例 / Failing rewrite cases ({len(failing)})", ""]
        if failing:
            out += ["| id | draft | problems | variant / reason |", "|---|---|---|---|"]
            for c in failing:
                shown = c["variants"][0] if c["variants"] else c["reason"]
                out.append(
                    f"| {c['id']} | {_short(c['text'])} | {'; '.join(_rewrite_problems(c))} | {_short(shown, 80)} |"
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
            f"基线 {cmp['baseline']}（{cmp['baseline_timestamp']}）；总体 F1 {_fmt(cmp['overall_f1_before'])} → "
            f"{_fmt(cmp['overall_f1_after'])}" + ("；规则目录已变化" if cmp["rules_changed"] else ""),
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
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------- html

_CSS = """
body{font-family:-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:24px;color:#222;max-width:1400px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}h3{font-size:15px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f4f4f4}.num{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:22px}
mark{padding:0 1px;border-radius:2px}mark.error{background:#ffc9c9}mark.warning{background:#ffe8a3}mark.info{background:#d0ebff}
.pt{color:#c92a2a;font-weight:bold}.pt.warning{color:#e67700}.pt.info{color:#1971c2}
.ok{color:#2b8a3e;font-weight:bold}.bad{color:#c92a2a;font-weight:bold}.code{font-family:monospace}
.sev-error{color:#c92a2a}.sev-warning{color:#e67700}.sev-info{color:#1971c2}
#onlyfail:checked ~ table.cases tr.passed{display:none}
.muted{color:#777}\ndel{background:#ffc9c9}ins{background:#d3f9d8;text-decoration:none}
"""


def _e(x: Any) -> str:
    return html.escape(str(x), quote=True)


def highlight(text: str, findings: list[dict[str, Any]]) -> str:
    """The text with every finding's span marked (overlaps merged), insertion points as ⁁."""
    spans = [f for f in findings if f["end"] > f["start"]]
    points: dict[int, list[dict[str, Any]]] = {}
    for f in findings:
        if f["end"] <= f["start"]:
            points.setdefault(max(0, min(f["start"], len(text))), []).append(f)
    cuts = sorted({0, len(text), *points, *(f["start"] for f in spans), *(f["end"] for f in spans)})
    parts: list[str] = []
    for a, b in zip(cuts, [*cuts[1:], None], strict=False):
        for f in points.get(a, []):
            parts.append(
                f'<span class="pt {_e(f["severity"])}" title="{_e(f["code"])} {_e(f["message"])}">⁁</span>'
            )
        if b is None or a >= len(text):
            continue
        seg = _e(text[a:b])
        cover = [f for f in spans if f["start"] <= a and f["end"] >= b]
        if cover:
            worst = max(cover, key=lambda f: SEV_RANK.get(f["severity"], 0))["severity"]
            title = "; ".join(f"{f['code']} {f['message']}" for f in cover)
            parts.append(f'<mark class="{_e(worst)}" title="{_e(title)}">{seg}</mark>')
        else:
            parts.append(seg)
    return "".join(parts)


def svg_f1_bars(per_rule: dict[str, dict[str, Any]], overall: float | None) -> str:
    rows = [("ALL", overall)] + [(c, r["f1"]) for c, r in per_rule.items()]
    h, label_w, bar_w = 18, 70, 420
    height = h * len(rows) + 30
    out = [
        f'<svg class="chart f1" xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 60}" height="{height}" '
        f'role="img" aria-label="per-rule F1">'
    ]
    for x in (0.5, 0.9, 1.0):
        gx = label_w + x * bar_w
        out.append(
            f'<line x1="{gx}" y1="0" x2="{gx}" y2="{height - 20}" stroke="#ccc" stroke-dasharray="3,3"/>'
        )
        out.append(f'<text x="{gx}" y="{height - 6}" font-size="10" text-anchor="middle">{x}</text>')
    for i, (code, f1) in enumerate(rows):
        y = i * h
        out.append(f'<text x="0" y="{y + 13}" font-size="11" font-family="monospace">{_e(code)}</text>')
        if f1 is None:
            out.append(f'<text x="{label_w}" y="{y + 13}" font-size="11" fill="#999">n/a</text>')
            continue
        color = "#2b8a3e" if f1 >= 0.97 else "#74b816" if f1 >= 0.9 else "#f08c00" if f1 >= 0.7 else "#e03131"
        w = max(1.0, f1 * bar_w)
        out.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{h - 6}" fill="{color}"><title>{_e(code)} F1 {f1:.3f}</title></rect>'
        )
        out.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="11">{f1:.3f}</text>')
    out.append("</svg>")
    return "".join(out)


def svg_confusion(conf: dict[str, dict[str, int]]) -> str:
    cell, left, top = 64, 80, 40
    peak = max((v for row in conf.values() for v in row.values()), default=0) or 1
    out = [
        f'<svg class="chart confusion" xmlns="http://www.w3.org/2000/svg" width="{left + 3 * cell + 10}" '
        f'height="{top + 3 * cell + 10}" role="img" aria-label="verdict confusion matrix">',
        f'<text x="{left + 1.5 * cell}" y="12" font-size="11" text-anchor="middle">actual 实际</text>',
    ]
    for j, a in enumerate(VERDICTS):
        out.append(
            f'<text x="{left + j * cell + cell / 2}" y="{top - 8}" font-size="11" text-anchor="middle">{a}</text>'
        )
    for i, e in enumerate(VERDICTS):
        out.append(
            f'<text x="{left - 8}" y="{top + i * cell + cell / 2 + 4}" font-size="11" text-anchor="end">{e}</text>'
        )
        for j, a in enumerate(VERDICTS):
            v = conf[e][a]
            alpha = 0.08 + 0.85 * v / peak if v else 0.0
            rgb = "43,138,62" if i == j else "224,49,49"
            out.append(
                f'<rect x="{left + j * cell}" y="{top + i * cell}" width="{cell - 2}" height="{cell - 2}" '
                f'fill="rgba({rgb},{alpha:.2f})" stroke="#ccc"><title>expected {e}, actual {a}: {v}</title></rect>'
                f'<text x="{left + j * cell + cell / 2 - 1}" y="{top + i * cell + cell / 2 + 4}" font-size="13" '
                f'text-anchor="middle">{v}</text>'
            )
    mid = top + 1.5 * cell
    out.append(
        f'<text x="12" y="{mid}" font-size="11" text-anchor="middle" transform="rotate(-90 12 {mid})">'
        "expected 期望</text>"
    )
    out.append("</svg>")
    return "".join(out)


def _codes_html(codes: list[str], cls: str = "") -> str:
    return (
        " ".join(f'<span class="code {cls}">{_e(c)}</span>' for c in codes) or '<span class="muted">—</span>'
    )


def render_html(report: dict[str, Any]) -> str:
    run = report["run"]
    d = report["drafts"]["metrics"]
    o = d["overall"]
    body: list[str] = [
        "<h1>评测报告 / Evaluation report</h1>",
        '<table class="meta">',
        f"<tr><th>timestamp</th><td>{_e(run['timestamp'])}</td></tr>",
        f"<tr><th>engine / model</th><td>{_e(run['engine'])} (requested {_e(run['engine_requested'])}) / {_e(run['model'])}</td></tr>",
        f"<tr><th>git commit</th><td class=code>{_e(run['git_commit'] or '—')}</td></tr>",
        f"<tr><th>rule catalogue</th><td class=code>{_e(run['rule_catalogue_version'])}</td></tr>",
        f"<tr><th>prompts</th><td class=code>{_e(run['prompt_versions']['hash'])}</td></tr>",
        f"<tr><th>settings</th><td class=code>{_e(run['settings_hash'])}</td></tr>",
    ]
    for ds in run["datasets"]:
        body.append(
            f"<tr><th>dataset</th><td>{_e(ds['path'])} ({_e(ds['type'])}, {ds['cases']} cases) "
            f"<span class=code>sha256 {_e(ds['sha256'][:16])}…</span></td></tr>"
        )
    body.append("</table>")
    body.append("<h2>检查器 / Checker</h2>")
    if o["cases"]:
        body.append('<div class="cards">')
        for label, value in (
            ("micro F1", _fmt(o["f1"])),
            ("macro F1", _fmt(o["macro_f1"])),
            ("precision", _fmt(o["precision"])),
            ("recall", _fmt(o["recall"])),
            ("verdict accuracy", _fmt(o["verdict_accuracy"])),
            ("cases passed", f"{o['cases_passed']}/{o['cases']}"),
        ):
            body.append(f'<div class="card">{_e(label)}<b>{_e(value)}</b></div>')
        body.append("</div>")
        body.append("<h3>各规则 F1 / Per-rule F1</h3>")
        body.append(svg_f1_bars(d["per_rule"], o["f1"]))
        body.append(
            '<table class="rules"><tr><th>code</th><th>TP</th><th>FP</th><th>FN</th><th>precision</th><th>recall</th><th>F1</th></tr>'
        )
        for c, r in d["per_rule"].items():
            body.append(
                f"<tr><td class=code>{_e(c)}</td><td class=num>{r['tp']}</td><td class=num>{r['fp']}</td>"
                f"<td class=num>{r['fn']}</td><td class=num>{_fmt(r['precision'])}</td>"
                f"<td class=num>{_fmt(r['recall'])}</td><td class=num>{_fmt(r['f1'])}</td></tr>"
            )
        body.append("</table>")
        body.append("<h3>结论混淆矩阵 / Verdict confusion</h3>")
        body.append(svg_confusion(d["verdict_confusion"]))
        body.append(
            "<h3>各类别 / Per category</h3><table><tr><th>category</th><th>cases</th><th>passed</th></tr>"
        )
        body += [
            f"<tr><td>{_e(k)}</td><td class=num>{v['cases']}</td><td class=num>{v['passed']}</td></tr>"
            for k, v in d["per_category"].items()
        ]
        body.append("</table>")
    else:
        body.append("<p class=muted>没有草稿评测集。</p>")
    cmp = report.get("comparison")
    if cmp:
        body.append("<h2>基线对比 / Baseline comparison</h2>")
        body.append(
            f"<p>基线 {_e(cmp['baseline'])}（{_e(cmp['baseline_timestamp'])}）；总体 F1 "
            f"{_fmt(cmp['overall_f1_before'])} → {_fmt(cmp['overall_f1_after'])}"
            + ("；<b>规则目录已变化</b>" if cmp["rules_changed"] else "")
            + "</p>"
        )
        for title, items, cls in (
            ("退步 Regressions", cmp["regressions"], "bad"),
            ("改进 Improvements", cmp["improvements"], "ok"),
        ):
            body.append(f'<h3 class="{cls}">{title} ({len(items)})</h3><ul>')
            body += [f"<li><span class=code>{_e(i['key'])}</span> {_e(i['detail'])}</li>" for i in items]
            body.append("</ul>")
    if report["drafts"]["cases"]:
        body.append("<h2>用例 / Cases</h2>")
        body.append(
            '<input type="checkbox" id="onlyfail"><label for="onlyfail"> 只看未通过 / failing only</label>'
        )
        body.append(
            '<table class="cases"><tr><th>#</th><th>id</th><th>category</th><th>draft（标出问题片段）</th>'
            "<th>expected</th><th>actual</th><th>result</th></tr>"
        )
        for n, c in enumerate(report["drafts"]["cases"], start=1):
            fired = (
                " ".join(
                    f'<span class="code sev-{_e(sev)}">{_e(code)}</span>' for code, sev in c["fired"].items()
                )
                or '<span class="muted">—</span>'
            )
            problems = [f"FN {x}" for x in c["fn"]] + [f"FP {x}" for x in c["fp"]]
            if not c["verdict_ok"]:
                problems.append(f"verdict {c['expected_verdict']}→{c['actual_verdict']}")
            result = (
                '<span class="ok">✓ pass</span>'
                if c["passed"]
                else '<span class="bad">✗ fail</span><br>' + _e("; ".join(problems))
            )
            extra = f"<br><span class=muted>profile {_e(c['profile'])}</span>" if c["profile"] else ""
            if c["kind"]:
                extra += f"<br><span class=muted>kind {_e(c['kind'])}</span>"
            body.append(
                f'<tr class="{"passed" if c["passed"] else "failed"}"><td class=num>{n}</td><td class=code>{_e(c["id"])}</td>'
                f"<td>{_e(c['category'])}</td><td>{highlight(c['text'], c['findings'])}{extra}</td>"
                f"<td>must: {_codes_html(c['must_fire'])}<br>not: {_codes_html(c['must_not_fire'])}"
                f"<br>verdict: {_e(c['expected_verdict'])}</td>"
                f"<td>{fired}<br>verdict: {_e(c['actual_verdict'])}</td><td>{result}</td></tr>"
            )
        body.append("</table>")
    body.append("<h2>检索 / Retrieval</h2>")
    qa = report["qa"]
    if qa["status"] == "ok" and qa["metrics"]:
        m = qa["metrics"]
        body.append(
            f'<div class="cards"><div class="card">hit@1<b>{_fmt(m["hit@1"])}</b></div>'
            f'<div class="card">hit@3<b>{_fmt(m["hit@3"])}</b></div><div class="card">MRR<b>{_fmt(m["mrr"])}</b></div></div>'
        )
        body.append(
            "<table><tr><th>id</th><th>question</th><th>expected</th><th>rank</th><th>top 3</th></tr>"
        )
        body += [
            f'<tr class="{"passed" if q["passed"] else "failed"}"><td class=code>{_e(q["id"])}</td><td>{_e(q["question"])}</td>'
            f"<td>{_e(', '.join(map(str, q['expected'])))}</td><td class=num>{_e(q['rank'] or '—')}</td>"
            f"<td>{_e('; '.join(q['got']))}</td></tr>"
            for q in qa["cases"]
        ]
        body.append("</table>")
    else:
        body.append(
            f"<p class=muted>{_e(qa['note'] or ('skipped' if qa['status'] == 'skipped' else '没有检索评测集 / no qa dataset'))}</p>"
        )
    if qa.get("index"):
        body.append(f"<p class=muted>检索索引 / index: {_e(qa['index'])}</p>")
    body += render_rewrite_html(report)
    if report.get("input_errors"):
        body.append(f"<h2>评测集输入错误 / Input errors ({len(report['input_errors'])})</h2><ul>")
        body += [f"<li>{_e(e)}</li>" for e in report["input_errors"]]
        body.append("</ul>")
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        "<title>评测报告 / Evaluation report</title>"
        f"<style>{_CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def diff_html(before: str, after: str) -> str:
    """``after`` against ``before``: deletions struck through, insertions underlined."""
    import difflib

    parts = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(_e(before[a1:a2]))
            continue
        if a2 > a1:
            parts.append(f"<del>{_e(before[a1:a2])}</del>")
        if b2 > b1:
            parts.append(f"<ins>{_e(after[b1:b2])}</ins>")
    return "".join(parts)


def svg_status_confusion(conf: dict[str, dict[str, int]]) -> str:
    cell, left, top = 70, 90, 40
    rows, cols = list(conf), list(REWRITE_STATUSES)
    peak = max((v for row in conf.values() for v in row.values()), default=0) or 1
    out = [
        f'<svg class="chart rewrite-confusion" xmlns="http://www.w3.org/2000/svg" width="{left + len(cols) * cell + 10}" '
        f'height="{top + len(rows) * cell + 10}" role="img" aria-label="rewrite status confusion matrix">'
    ]
    for j, a in enumerate(cols):
        out.append(
            f'<text x="{left + j * cell + cell / 2}" y="{top - 8}" font-size="11" text-anchor="middle">{a}</text>'
        )
    for i, e in enumerate(rows):
        out.append(
            f'<text x="{left - 8}" y="{top + i * cell + cell / 2 + 4}" font-size="11" text-anchor="end">{e}</text>'
        )
        for j, a in enumerate(cols):
            v = conf[e][a]
            alpha = 0.08 + 0.85 * v / peak if v else 0.0
            rgb = "43,138,62" if e == a else "224,49,49"
            out.append(
                f'<rect x="{left + j * cell}" y="{top + i * cell}" width="{cell - 2}" height="{cell - 2}" '
                f'fill="rgba({rgb},{alpha:.2f})" stroke="#ccc"><title>expected {e}, actual {a}: {v}</title></rect>'
                f'<text x="{left + j * cell + cell / 2 - 1}" y="{top + i * cell + cell / 2 + 4}" font-size="13" '
                f'text-anchor="middle">{v}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def render_rewrite_html(report: dict[str, Any]) -> list[str]:
    body = ['<h2 id="rewrite">改写 / Rewrite</h2>']
    rw = report.get("rewrite") or {}
    m = rw.get("metrics")
    if not m:
        return [*body, "<p class=muted>没有改写评测集 / no rewrite dataset.</p>"]
    body.append('<div class="cards">')
    cards = [(f"{s}", _pct(m["status_share"][s])) for s in REWRITE_STATUSES] + [
        ("status accuracy", _fmt(m["status_accuracy"])),
        ("needs accuracy", _fmt(m["needs_accuracy"])),
        ("fact preservation", _fmt(m["fact_preservation"])),
        ("must_not_contain violations", str(m["must_not_contain_violations"])),
        ("model calls / rewrite", _fmt(m["llm_calls_mean"])),
        ("tokens / rewrite", _fmt(m["tokens_mean"])),
        ("latency mean / p95 (s)", f"{_fmt(m['latency_mean_s'])} / {_fmt(m['latency_p95_s'])}"),
    ]
    body += [f'<div class="card">{_e(k)}<b>{_e(v)}</b></div>' for k, v in cards]
    body.append("</div>")
    body.append(f"<p>engine {_e(rw.get('engine'))}; cases passed {m['cases_passed']}/{m['cases']}</p>")
    body.append("<h3>状态混淆矩阵 / Status confusion</h3>")
    body.append(svg_status_confusion(m["status_confusion"]))
    body.append(
        '<table class="rewrite-cases"><tr><th>id</th><th>draft</th><th>expected</th><th>actual</th>'
        "<th>variants (diff) / reason</th><th>result</th></tr>"
    )
    for c in rw["cases"]:
        shown = (
            "<br>".join(diff_html(c["text"], v) for v in c["variants"])
            if c["variants"]
            else f"<span class=muted>{_e(c['reason'])}</span>"
        )
        probs = _rewrite_problems(c)
        result = (
            '<span class="ok">✓ pass</span>'
            if c["passed"]
            else '<span class="bad">✗ fail</span><br>' + _e("; ".join(probs))
        )
        expected = _e(c["expected_status"]) + (
            f"<br>needs {_e(', '.join(c['expected_needs']))}" if c["expected_needs"] else ""
        )
        actual = _e(c["actual_status"]) + (
            f"<br>needs {_e(', '.join(c['actual_needs']))}" if c["actual_needs"] else ""
        )
        body.append(
            f'<tr class="{"passed" if c["passed"] else "failed"}"><td class=code>{_e(c["id"])}</td>'
            f"<td>{_e(c['text'])}</td><td>{expected}</td><td>{actual}</td><td>{shown}</td><td>{result}</td></tr>"
        )
    body.append("</table>")
    return body
