"""Formatting shared by the eval report's text summary, ``report.md`` and ``report.html``.

One place for how a metric, a share and a rewrite case's problems are written, so the
three outputs of one run never disagree on a figure.
"""

from __future__ import annotations

from typing import Any

from assistant.evals.metrics import REWRITE_STATUSES

VERDICTS = ("pass", "review", "fail")
KINDS = ("marketing", "service", "uncertain")


def fmt(x: float | None) -> str:
    """A metric to three decimals; an undefined ratio is "—", never 0 or 1."""
    return "—" if x is None else f"{x:.3f}"


def pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.1f}%"


def rewrite_lines(report: dict[str, Any]) -> list[str]:
    """The rewrite metrics in one or two lines (terminal summary and Markdown)."""
    rw = report.get("rewrite") or {}
    m = rw.get("metrics")
    if not m:
        return ["改写：没有改写评测集 / no rewrite dataset"]
    share = "，".join(f"{s} {pct(m['status_share'][s])}" for s in REWRITE_STATUSES)
    return [
        f"改写（engine={rw.get('engine')}）：{m['cases']} 条用例，通过 {m['cases_passed']}；{share}；"
        f"状态准确率 {fmt(m['status_accuracy'])}，needs 准确率 {fmt(m['needs_accuracy'])}，"
        f"事实保留 {fmt(m['fact_preservation'])}（{m['facts_kept']}/{m['facts_total']}），"
        f"禁用语违规 {m['must_not_contain_violations']}；内容保留 {fmt(m.get('content_retention'))}，"
        f"可读性 {fmt(m.get('readability'))}，要点保留 {fmt(m.get('must_contain_rate'))}，"
        f"标为合规却有错误或无效事实的版本 {m.get('unsafe_versions', 0)}",
        f"改写成本：模型调用 {m['llm_calls_total']} 次（每条均值 {fmt(m['llm_calls_mean'])}，p95 "
        f"{fmt(m['llm_calls_p95'])}），tokens 每条均值 {fmt(m['tokens_mean'])}（p95 {fmt(m['tokens_p95'])}），"
        f"耗时每条均值 {fmt(m['latency_mean_s'])} s（p95 {fmt(m['latency_p95_s'])} s）",
    ]


def rewrite_problems(c: dict[str, Any]) -> list[str]:
    """Why a rewrite case failed: wrong status or needs, lost facts, forbidden wording."""
    probs = []
    if not c["status_ok"]:
        probs.append(f"status {c['expected_status']}→{c['actual_status']}")
    elif not c["needs_ok"]:
        probs.append(f"needs {','.join(c['expected_needs'])}→{','.join(c['actual_needs']) or '—'}")
    probs += [f"lost {k}" for k in c["lost"]] + [f"contains {m}" for m in c["violations"]]
    probs += [f"missing {m}" for m in c.get("missing", [])] + [f"quality {q}" for q in c.get("quality", [])]
    if c.get("unsafe_versions"):
        probs.append(f"unsafe {c['unsafe_versions']}")
    return probs


def kind_line(overall: dict[str, Any]) -> str:
    """Kind accuracy in one phrase (cases with ``expected_kind`` and no declared ``kind``)."""
    labelled = overall.get("kind_labelled") or 0
    if not labelled:
        return "短信类型准确率 —（没有 expected_kind 标注）"
    return f"短信类型准确率 {fmt(overall.get('kind_accuracy'))}（{labelled} 条有 expected_kind 标注）"


def not_compared_line(cmp: dict[str, Any]) -> str | None:
    """Which baseline cases a comparison left out (datasets or shards this run did not cover)."""
    skipped = cmp.get("not_compared") or {}
    if not skipped:
        return None
    parts = "，".join(f"{name or '—'} {n} 条" for name, n in skipped.items())
    return f"未对比的基线用例（本次未运行其评测集或分片）：{parts}"
