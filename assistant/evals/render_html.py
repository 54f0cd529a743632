"""``report.html``: the eval report as one self-contained page (inline CSS and SVG, no script).

Drafts are shown with their findings highlighted and rewrites as diffs against their
drafts, with the same markup as the web UI (:mod:`assistant.htmlrender`); the charts are
hand-drawn SVG, a few rectangles each, so the page needs nothing from the network.
"""

from __future__ import annotations

from typing import Any

from assistant.evals.render_common import (
    KINDS,
    REWRITE_STATUSES,
    VERDICTS,
    fmt,
    not_compared_line,
    pct,
    rewrite_problems,
)
from assistant.htmlrender import Mark, diff, document, escape, highlight

_CSS = """
body{font-family:-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:24px;color:#222;max-width:1400px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}h3{font-size:15px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f4f4f4}.num{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:22px}
mark{padding:0 1px;border-radius:2px}mark.sev-error{background:#ffc9c9;color:#000}
mark.sev-warning{background:#ffe8a3;color:#000}mark.sev-info{background:#d0ebff;color:#000}.ins-point{font-weight:bold}
.ok{color:#2b8a3e;font-weight:bold}.bad{color:#c92a2a;font-weight:bold}.code{font-family:monospace}
.sev-error{color:#c92a2a}.sev-warning{color:#e67700}.sev-info{color:#1971c2}
#onlyfail:checked ~ table.cases tr.passed{display:none}
.muted{color:#777}
del{background:#ffc9c9}ins{background:#d3f9d8;text-decoration:none}
"""


def svg_f1_bars(per_rule: dict[str, dict[str, Any]], overall: float | None) -> str:
    """Per-rule F1 as horizontal bars (ALL first), with guides at 0.5, 0.9 and 1.0."""
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
        out.append(f'<text x="0" y="{y + 13}" font-size="11" font-family="monospace">{escape(code)}</text>')
        if f1 is None:
            out.append(f'<text x="{label_w}" y="{y + 13}" font-size="11" fill="#999">n/a</text>')
            continue
        color = "#2b8a3e" if f1 >= 0.97 else "#74b816" if f1 >= 0.9 else "#f08c00" if f1 >= 0.7 else "#e03131"
        w = max(1.0, f1 * bar_w)
        out.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{h - 6}" fill="{color}"><title>{escape(code)} F1 {f1:.3f}</title></rect>'
        )
        out.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="11">{f1:.3f}</text>')
    out.append("</svg>")
    return "".join(out)


def svg_confusion(conf: dict[str, dict[str, int]]) -> str:
    """The verdict confusion matrix (rows expected, columns actual), axes titled."""
    return _svg_matrix(
        conf, list(VERDICTS), list(VERDICTS), cell=64, left=80, name="confusion", label="verdict", titles=True
    )


def svg_kind_confusion(conf: dict[str, dict[str, int]]) -> str:
    """The kind confusion matrix (rows expected_kind, columns the kind the checker inferred)."""
    return _svg_matrix(
        conf, list(KINDS), list(KINDS), cell=70, left=90, name="kind-confusion", label="kind", titles=True
    )


def svg_status_confusion(conf: dict[str, dict[str, int]]) -> str:
    """The rewrite status confusion matrix (rows: the expected statuses present)."""
    return _svg_matrix(
        conf,
        list(conf),
        list(REWRITE_STATUSES),
        cell=70,
        left=90,
        name="rewrite-confusion",
        label="rewrite status",
    )


def _svg_matrix(
    conf: dict[str, dict[str, int]],
    rows: list[str],
    cols: list[str],
    *,
    cell: int,
    left: int,
    name: str,
    label: str,
    titles: bool = False,
) -> str:
    """A confusion matrix: green diagonal, red elsewhere, shade by count, the count in each cell."""
    top = 40
    peak = max((v for row in conf.values() for v in row.values()), default=0) or 1
    out = [
        f'<svg class="chart {name}" xmlns="http://www.w3.org/2000/svg" width="{left + len(cols) * cell + 10}" '
        f'height="{top + len(rows) * cell + 10}" role="img" aria-label="{label} confusion matrix">'
    ]
    if titles:
        out.append(
            f'<text x="{left + len(cols) / 2 * cell}" y="12" font-size="11" text-anchor="middle">actual 实际</text>'
        )
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
    if titles:
        mid = top + len(rows) / 2 * cell
        out.append(
            f'<text x="12" y="{mid}" font-size="11" text-anchor="middle" transform="rotate(-90 12 {mid})">'
            "expected 期望</text>"
        )
    out.append("</svg>")
    return "".join(out)


def _cards(items: list[tuple[str, str]]) -> list[str]:
    """Headline figures as a row of cards: the label, then the value in large type."""
    cards = [f'<div class="card">{escape(label)}<b>{escape(value)}</b></div>' for label, value in items]
    return ['<div class="cards">', *cards, "</div>"]


def _result(passed: bool, problems: list[str]) -> str:
    """A case's result cell: a tick, or a cross with what went wrong."""
    if passed:
        return '<span class="ok">✓ pass</span>'
    return '<span class="bad">✗ fail</span><br>' + escape("; ".join(problems))


def _codes_html(codes: list[str], cls: str = "") -> str:
    return (
        " ".join(f'<span class="code {cls}">{escape(c)}</span>' for c in codes)
        or '<span class="muted">—</span>'
    )


def render_html(report: dict[str, Any]) -> str:
    run = report["run"]
    d = report["drafts"]["metrics"]
    o = d["overall"]
    body: list[str] = [
        "<h1>评测报告 / Evaluation report</h1>",
        '<table class="meta">',
        f"<tr><th>timestamp</th><td>{escape(run['timestamp'])}</td></tr>",
        f"<tr><th>engine / model</th><td>{escape(run['engine'])} (requested {escape(run['engine_requested'])}) / {escape(run['model'])}</td></tr>",
        f"<tr><th>git commit</th><td class=code>{escape(run['git_commit'] or '—')}</td></tr>",
        f"<tr><th>rule catalogue</th><td class=code>{escape(run['rule_catalogue_version'])}</td></tr>",
        f"<tr><th>prompts</th><td class=code>{escape(run['prompt_versions']['hash'])}</td></tr>",
        f"<tr><th>settings</th><td class=code>{escape(run['settings_hash'])}</td></tr>",
    ]
    if run.get("config"):
        body.append(f"<tr><th>config</th><td>{escape(run['config'])}</td></tr>")
    body += [f"<tr><th>warning</th><td>{escape(w)}</td></tr>" for w in run.get("merge_warnings") or []]
    for ds in run["datasets"]:
        body.append(
            f"<tr><th>dataset</th><td>{escape(ds['path'])} ({escape(ds['type'])}, {ds['cases']} cases) "
            f"<span class=code>sha256 {escape(ds['sha256'][:16])}…</span></td></tr>"
        )
    body.append("</table>")
    body.append("<h2>检查器 / Checker</h2>")
    if o["cases"]:
        body += _cards(
            [
                ("micro F1", fmt(o["f1"])),
                ("macro F1", fmt(o["macro_f1"])),
                ("precision", fmt(o["precision"])),
                ("recall", fmt(o["recall"])),
                ("verdict accuracy", fmt(o["verdict_accuracy"])),
                ("kind accuracy", fmt(o.get("kind_accuracy"))),
                ("cases passed", f"{o['cases_passed']}/{o['cases']}"),
            ]
        )
        body.append("<h3>各规则 F1 / Per-rule F1</h3>")
        body.append(svg_f1_bars(d["per_rule"], o["f1"]))
        body.append(
            '<table class="rules"><tr><th>code</th><th>TP</th><th>FP</th><th>FN</th><th>precision</th><th>recall</th><th>F1</th></tr>'
        )
        for c, r in d["per_rule"].items():
            body.append(
                f"<tr><td class=code>{escape(c)}</td><td class=num>{r['tp']}</td><td class=num>{r['fp']}</td>"
                f"<td class=num>{r['fn']}</td><td class=num>{fmt(r['precision'])}</td>"
                f"<td class=num>{fmt(r['recall'])}</td><td class=num>{fmt(r['f1'])}</td></tr>"
            )
        body.append("</table>")
        body.append("<h3>结论混淆矩阵 / Verdict confusion</h3>")
        body.append(svg_confusion(d["verdict_confusion"]))
        if o.get("kind_labelled"):
            body.append("<h3>短信类型混淆矩阵 / Kind confusion</h3>")
            body.append(svg_kind_confusion(d["kind_confusion"]))
        body.append(
            "<h3>各类别 / Per category</h3><table><tr><th>category</th><th>cases</th><th>passed</th></tr>"
        )
        body += [
            f"<tr><td>{escape(k)}</td><td class=num>{v['cases']}</td><td class=num>{v['passed']}</td></tr>"
            for k, v in d["per_category"].items()
        ]
        body.append("</table>")
    else:
        body.append("<p class=muted>没有草稿评测集。</p>")
    cmp = report.get("comparison")
    if cmp:
        body.append("<h2>基线对比 / Baseline comparison</h2>")
        body.append(
            f"<p>基线 {escape(cmp['baseline'])}（{escape(cmp['baseline_timestamp'])}）；总体 F1 "
            f"{fmt(cmp['overall_f1_before'])} → {fmt(cmp['overall_f1_after'])}"
            + ("；<b>规则目录已变化</b>" if cmp["rules_changed"] else "")
            + "</p>"
        )
        skipped = not_compared_line(cmp)
        if skipped:
            body.append(f"<p class=muted>{escape(skipped)}</p>")
        for title, items, cls in (
            ("退步 Regressions", cmp["regressions"], "bad"),
            ("改进 Improvements", cmp["improvements"], "ok"),
        ):
            body.append(f'<h3 class="{cls}">{title} ({len(items)})</h3><ul>')
            body += [
                f"<li><span class=code>{escape(i['key'])}</span> {escape(i['detail'])}</li>" for i in items
            ]
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
                    f'<span class="code sev-{escape(sev)}">{escape(code)}</span>'
                    for code, sev in c["fired"].items()
                )
                or '<span class="muted">—</span>'
            )
            problems = [f"FN {x}" for x in c["fn"]] + [f"FP {x}" for x in c["fp"]]
            if not c["verdict_ok"]:
                problems.append(f"verdict {c['expected_verdict']}→{c['actual_verdict']}")
            extra = f"<br><span class=muted>profile {escape(c['profile'])}</span>" if c["profile"] else ""
            if c["kind"]:
                extra += f"<br><span class=muted>kind {escape(c['kind'])}</span>"
            body.append(
                f'<tr class="{"passed" if c["passed"] else "failed"}"><td class=num>{n}</td><td class=code>{escape(c["id"])}</td>'
                f"<td>{escape(c['category'])}</td><td>{highlight(c['text'], [Mark.from_dict(f) for f in c['findings']], codes=False)}{extra}</td>"
                f"<td>must: {_codes_html(c['must_fire'])}<br>not: {_codes_html(c['must_not_fire'])}"
                f"<br>verdict: {escape(c['expected_verdict'])}</td>"
                f"<td>{fired}<br>verdict: {escape(c['actual_verdict'])}</td><td>{_result(c['passed'], problems)}</td></tr>"
            )
        body.append("</table>")
    body.append("<h2>检索 / Retrieval</h2>")
    qa = report["qa"]
    if qa["status"] == "ok" and qa["metrics"]:
        m = qa["metrics"]
        body += _cards([("hit@1", fmt(m["hit@1"])), ("hit@3", fmt(m["hit@3"])), ("MRR", fmt(m["mrr"]))])
        body.append(
            "<table><tr><th>id</th><th>question</th><th>expected</th><th>rank</th><th>top 3</th></tr>"
        )
        body += [
            f'<tr class="{"passed" if q["passed"] else "failed"}"><td class=code>{escape(q["id"])}</td><td>{escape(q["question"])}</td>'
            f"<td>{escape(', '.join(map(str, q['expected'])))}</td><td class=num>{escape(q['rank'] or '—')}</td>"
            f"<td>{escape('; '.join(q['got']))}</td></tr>"
            for q in qa["cases"]
        ]
        body.append("</table>")
    else:
        body.append(
            f"<p class=muted>{escape(qa['note'] or ('skipped' if qa['status'] == 'skipped' else '没有检索评测集 / no qa dataset'))}</p>"
        )
    if qa.get("index"):
        body.append(f"<p class=muted>检索索引 / index: {escape(qa['index'])}</p>")
    body += render_rewrite_html(report)
    if report.get("input_errors"):
        body.append(f"<h2>评测集输入错误 / Input errors ({len(report['input_errors'])})</h2><ul>")
        body += [f"<li>{escape(e)}</li>" for e in report["input_errors"]]
        body.append("</ul>")
    return document("评测报告 / Evaluation report", _CSS, "\n".join(body))


def render_rewrite_html(report: dict[str, Any]) -> list[str]:
    body = ['<h2 id="rewrite">改写 / Rewrite</h2>']
    rw = report.get("rewrite") or {}
    m = rw.get("metrics")
    if not m:
        return [*body, "<p class=muted>没有改写评测集 / no rewrite dataset.</p>"]
    cards = [(f"{s}", pct(m["status_share"][s])) for s in REWRITE_STATUSES] + [
        ("status accuracy", fmt(m["status_accuracy"])),
        ("needs accuracy", fmt(m["needs_accuracy"])),
        ("fact preservation", fmt(m["fact_preservation"])),
        ("must_not_contain violations", str(m["must_not_contain_violations"])),
        ("content retention", fmt(m.get("content_retention"))),
        ("readability", fmt(m.get("readability"))),
        ("must_contain kept", fmt(m.get("must_contain_rate"))),
        ("unsafe versions", str(m.get("unsafe_versions", 0))),
        ("model calls / rewrite", fmt(m["llm_calls_mean"])),
        ("tokens / rewrite", fmt(m["tokens_mean"])),
        ("latency mean / p95 (s)", f"{fmt(m['latency_mean_s'])} / {fmt(m['latency_p95_s'])}"),
    ]
    body += _cards(cards)
    body.append(f"<p>engine {escape(rw.get('engine'))}; cases passed {m['cases_passed']}/{m['cases']}</p>")
    body.append("<h3>状态混淆矩阵 / Status confusion</h3>")
    body.append(svg_status_confusion(m["status_confusion"]))
    body.append(
        '<table class="rewrite-cases"><tr><th>id</th><th>draft</th><th>expected</th><th>actual</th>'
        "<th>variants (diff) / reason</th><th>result</th></tr>"
    )
    for c in rw["cases"]:
        shown = (
            "<br>".join(diff(c["text"], v) for v in c["variants"])
            if c["variants"]
            else f"<span class=muted>{escape(c['reason'])}</span>"
        )
        expected = escape(c["expected_status"]) + (
            f"<br>needs {escape(', '.join(c['expected_needs']))}" if c["expected_needs"] else ""
        )
        actual = escape(c["actual_status"]) + (
            f"<br>needs {escape(', '.join(c['actual_needs']))}" if c["actual_needs"] else ""
        )
        body.append(
            f'<tr class="{"passed" if c["passed"] else "failed"}"><td class=code>{escape(c["id"])}</td>'
            f"<td>{escape(c['text'])}</td><td>{expected}</td><td>{actual}</td><td>{shown}</td><td>{_result(c['passed'], rewrite_problems(c))}</td></tr>"
        )
    body.append("</table>")
    return body
