"""The HTML shared by the web UI and the eval report (:mod:`assistant.htmlrender`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.htmlrender import Mark, diff, document, escape, highlight
from assistant.ui import render

ROOT = Path(__file__).resolve().parent.parent


def test_overlapping_spans_merge_and_the_worst_severity_wins() -> None:
    text = "稳赚不赔高收益"
    spans = [Mark("ADV001", "warning", 0, 4, "保本"), Mark("PRO007", "error", 2, 7, "高收益")]
    out = highlight(text, spans)
    assert out == (
        '<mark class="sev-warning" title="ADV001 保本">稳赚</mark>'
        '<mark class="sev-error" title="ADV001 保本；PRO007 高收益">不赔</mark>'
        '<sup class="fcode">ADV001</sup>'
        '<mark class="sev-error" title="PRO007 高收益">高收益</mark><sup class="fcode">PRO007</sup>'
    )
    bare = highlight(text, spans, codes=False)
    assert "fcode" not in bare and bare.count("<mark") == 3


def test_insertion_points_are_clamped_and_text_is_escaped() -> None:
    out = highlight('<a href="x">', [Mark("OPT001", "info", 99, 99, "缺少退订")])
    assert out == (
        "&lt;a href=&quot;x&quot;&gt;"
        '<span class="ins-point sev-info" title="OPT001 缺少退订">⁁</span><sup class="fcode">OPT001</sup>'
    )
    assert highlight("", []) == "" and highlight("无发现", []) == "无发现"


def test_report_findings_read_from_json_objects() -> None:
    mark = Mark.from_dict({"code": "ADV001", "severity": "error", "start": "1", "end": 3, "evidence": "x"})
    assert mark == Mark("ADV001", "error", 1, 3, "")


def test_diff_marks_deletions_and_insertions_escaped() -> None:
    assert diff("稳赚不赔<b>", "理财有风险<b>") == "<del>稳赚不赔</del><ins>理财有风险</ins>&lt;b&gt;"
    assert diff("同样", "同样") == "同样"


def test_word_diff_works_on_jieba_words() -> None:
    """A copywriter reads whole words struck out and added, not scattered characters."""
    before = "【明德银行】尊享理财，预期年化收益3%，稳赚不赔！回T退订"
    after = "【明德银行】尊享理财，预期年化收益3%，收益稳健！回T退订"
    by_char = diff(before, after)
    by_word = diff(before, after, words=True)
    assert "<del>赚不赔</del>" in by_char  # characters: 稳 kept, half a word struck
    assert "<del>稳赚不赔</del><ins>收益稳健</ins>" in by_word
    assert diff("<b>稳赚</b>", "<b>稳健</b>", words=True).count("&lt;b&gt;") == 1


def test_highlight_tags_marks_with_their_findings() -> None:
    spans = [Mark("A", "error", 1, 3), Mark("B", "info", 2, 4), Mark("C", "warning", 6, 6)]
    out = highlight("abcdef", spans, codes=False, tag=True)
    assert 'data-f="0"' in out and 'data-f="0 1"' in out and 'data-f="1"' in out and 'data-f="2"' in out
    assert "data-f" not in highlight("abcdef", spans)


def test_text_html_neutralises_html_and_markdown() -> None:
    out = render.text_html("![图](http://a.cn/x.png) [点我](www.evil.cn) **粗** `代码` $x$ <i>\n")
    for raw in ("![", "](", "http://", "www.", "**", "`", "$", "<i>"):
        assert raw not in out
    assert out.count("&#91;") == 2 and "&#60;i&#62;" in out


def test_cli_hints_are_removed_from_messages_for_the_page() -> None:
    assert render.cli_free("需要补充年化利率（可用 --fact KEY=VALUE 提供）。") == "需要补充年化利率。"
    assert render.cli_free("可稍后重试，或使用 --engine offline。") == "可稍后重试。"
    assert "--" not in render.cli_free("请用 --encoding gbk 指定")


def test_document_is_self_contained() -> None:
    page = document("报告 <1>", "body{margin:0}", "<p>x</p>")
    assert page.startswith("<!DOCTYPE html>") and "<title>报告 &lt;1&gt;</title>" in page
    assert "<style>body{margin:0}</style>" in page and "<p>x</p>" in page and "<script" not in page
    assert escape("'\"&") == "&#x27;&quot;&amp;"


@pytest.mark.slow
def test_eval_rendering_does_not_load_the_ui_stack() -> None:
    probe = (
        "import sys\nimport assistant.evals.render\n"
        "print(sorted(m for m in ('gradio', 'assistant.ui') if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert proc.stdout.strip() == "[]", proc.stderr
