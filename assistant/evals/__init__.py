"""Evaluation harness: checker metrics on labelled drafts, rewrite metrics on
labelled rewrites, retrieval metrics on questions.

``assistant eval`` and tests share it::

    from assistant.evals import load_dataset, build_report, compare, merge_reports, write_reports
    report = build_report([load_dataset("evals/drafts.jsonl")])
    write_reports(report, "eval-report")

Scoring rules are documented in :mod:`assistant.evals.metrics`; the report format and
merging in :mod:`assistant.evals.report`.
"""

from __future__ import annotations

from assistant.evals.datasets import Dataset, DraftCase, QACase, RewriteCase, load_dataset
from assistant.evals.metrics import draft_metrics, prf, qa_metrics, rewrite_metrics, score_draft
from assistant.evals.qa import RetrievalAdapter, default_adapter
from assistant.evals.render import summary_text, write_reports
from assistant.evals.render_html import render_html
from assistant.evals.render_md import render_markdown
from assistant.evals.report import (
    build_report,
    compare,
    finalize,
    load_report,
    merge_reports,
)

__all__ = [
    "Dataset",
    "DraftCase",
    "QACase",
    "RetrievalAdapter",
    "RewriteCase",
    "build_report",
    "compare",
    "default_adapter",
    "draft_metrics",
    "finalize",
    "load_dataset",
    "load_report",
    "merge_reports",
    "prf",
    "qa_metrics",
    "render_html",
    "render_markdown",
    "rewrite_metrics",
    "score_draft",
    "summary_text",
    "write_reports",
]
