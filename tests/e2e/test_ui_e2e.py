"""The web UI in a real browser: review → variant → approve → history; ask; batch download.

Screenshots of every step go to ``tests/e2e/artifacts/`` (git-ignored) at 1280×800 and at
a phone's 390×844.  The time from clicking 发送 to the first highlighted finding is
measured inside the page (``performance.now()`` at the click and when the ``<mark>``
appears) and printed, not asserted tightly: the target is 300 ms, a loaded CI machine
may be slower.  Every test also checks the page made no request outside 127.0.0.1.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

import pytest
from e2e_support import open_page

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

DRAFT = "【明德银行】尊享理财，预期年化收益3%，稳赚不赔！回T退订"
QUESTION = "营销短信每月最多发几条？"
WIDE = (1280, 800)
PHONE = (390, 844)

_ARM_TIMER = """() => {
  window.__t0 = null; window.__t1 = null;
  document.querySelector('#send-btn').addEventListener('click', () => { window.__t0 = performance.now(); },
    {once: true, capture: true});
  const obs = new MutationObserver(() => {
    if (window.__t1 === null && document.querySelector('#chat mark.sev-error')) {
      window.__t1 = performance.now(); obs.disconnect();
    }
  });
  obs.observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def _submit_draft(page: Any, text: str) -> float:
    """Paste ``text``, click 发送, wait for the highlighted findings; returns ms measured in the page."""
    page.fill("#draft-input textarea", text)
    page.evaluate(_ARM_TIMER)
    page.click("#send-btn")
    page.wait_for_selector("#chat mark.sev-error")
    page.wait_for_function("() => window.__t1 !== null && window.__t0 !== null")
    return float(page.evaluate("() => window.__t1 - window.__t0"))


def _report(capsys: pytest.CaptureFixture[str], artifacts: Path, line: str) -> None:
    with capsys.disabled():
        print(f"\n[e2e] {line}")
    with (artifacts / "timings.txt").open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def test_draft_review_variant_approve_history(
    browser: Any, server_url: str, artifacts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    context, page, outside = open_page(browser, server_url, *WIDE)
    try:
        # warm the session once (first event of a session sets up the queue), then measure
        _submit_draft(page, "【明德银行】预热消息，稳赚不赔")
        page.click("#clear-btn")
        page.wait_for_function("() => !document.querySelector('#chat mark')")
        ms = _submit_draft(page, DRAFT)
        _report(capsys, artifacts, f"findings visible {ms:.0f} ms after clicking 发送 (target 300 ms)")
        assert ms < 5000

        marks = page.locator("#chat mark.sev-error")
        assert marks.count() >= 2
        assert "稳赚不赔" in [marks.nth(i).inner_text() for i in range(marks.count())]
        chat = page.inner_text("#chat")
        assert "ADV001" in chat and "中华人民共和国广告法" in chat and "29 字" in chat

        box = page.locator("#variant-1-text textarea")
        page.wait_for_function(
            "() => { const t = document.querySelector('#variant-1-text textarea'); return t && t.value.length > 0; }"
        )
        variant = box.input_value()
        assert "稳赚不赔" not in variant and "理财非存款" in variant
        assert page.locator("#variant-1-diff del").count() >= 1
        assert (
            page.locator("#variant-1 button[aria-label*='opy'], #variant-1 button[title*='opy']").count() >= 1
        )
        page.screenshot(path=str(artifacts / "01-review-rewrite-1280.png"), full_page=True)

        page.fill("#reviewer textarea, #reviewer input", "测试审核员")
        page.fill("#approve-reason textarea, #approve-reason input", "风险提示已补充，同意发送")
        page.click("#approve-btn")
        page.wait_for_selector("#approve-msg :text('已批准')")
        page.screenshot(path=str(artifacts / "02-approved-1280.png"), full_page=True)

        page.click("#tab-history-button")
        page.wait_for_function(
            "() => document.querySelector('#history-table').innerText.includes('测试审核员')"
        )
        table = page.inner_text("#history-table")
        assert "批准" in table and "改写版本 1" in table
        page.screenshot(path=str(artifacts / "03-history-1280.png"), full_page=True)
        assert outside == []
    finally:
        context.close()


def test_question_gets_an_answer_with_sources(browser: Any, server_url: str, artifacts: Path) -> None:
    context, page, outside = open_page(browser, server_url, *WIDE)
    try:
        page.fill("#draft-input textarea", QUESTION)
        page.click("#send-btn")
        # first use may still be loading the index and the e5 model: be patient
        page.wait_for_selector("#chat :text('离线检索答案')", timeout=180_000)
        page.wait_for_selector("#chat :text('来源 [1]')")
        chat = page.inner_text("#chat")
        assert "[1]" in chat and "识别为合规问题" in chat
        page.locator("#chat :text('来源 [1]')").first.click()  # sources expand to their full text
        expanded = page.locator("#chat .thought-group .content").first
        expanded.wait_for(state="visible")
        assert "相关度" in expanded.inner_text()
        expanded.scroll_into_view_if_needed()
        time.sleep(0.3)
        page.screenshot(path=str(artifacts / "04-answer-sources-1280.png"), full_page=True)
        assert outside == []
    finally:
        context.close()


def test_batch_upload_downloads_a_report_with_every_row(
    browser: Any, server_url: str, artifacts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = [f"【明德银行】尊享理财{i}号，预期年化收益3%，稳赚不赔！回T退订" for i in range(999)]
    texts += ["【明德银行】您尾号1234的信用卡本期账单已出，请按时还款。"]
    src = tmp_path / "批量草稿.csv"
    with src.open("w", encoding="gbk", newline="") as fh:  # GBK, as exported by many office tools
        writer = csv.writer(fh)
        writer.writerow(["短信内容", "编号"])
        writer.writerows([t, str(i)] for i, t in enumerate(texts))

    context, page, outside = open_page(browser, server_url, *WIDE)
    try:
        page.click("#tab-batch-button")
        page.set_input_files("#batch-file input[type=file]", str(src))
        page.wait_for_selector("#batch-file :text('批量草稿.csv')")
        started = time.perf_counter()
        page.click("#batch-run")
        page.wait_for_selector("#dl-csv", state="visible", timeout=120_000)
        elapsed = time.perf_counter() - started
        _report(
            capsys,
            artifacts,
            f"1,000-row batch: table and downloads ready {elapsed:.1f} s after clicking 开始检查",
        )
        assert "共 1000 行" in page.inner_text("#batch-summary")
        page.screenshot(path=str(artifacts / "05-batch-1280.png"), full_page=True)
        with page.expect_download() as info:
            page.click("#dl-csv")
        download = info.value
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        with saved.open(encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
        assert [r["短信内容"] for r in rows] == texts
        assert [r["判定"] for r in rows] == ["不通过"] * 999 + ["通过"]
        with page.expect_download() as info:
            page.click("#dl-html")
        html = Path(info.value.path()).read_text(encoding="utf-8")
        assert html.count("<tr class=") == 1000
        assert outside == []
    finally:
        context.close()


def test_phone_width_layout(browser: Any, server_url: str, artifacts: Path) -> None:
    context, page, outside = open_page(browser, server_url, *PHONE)
    try:
        page.screenshot(path=str(artifacts / "06-start-390.png"), full_page=True)
        _submit_draft(page, "【捷贷消费金融】借款3分钟到账，日息0.03%。回T退订")
        page.wait_for_selector("#needs-form", state="visible")
        page.fill("#need-annualized_rate textarea, #need-annualized_rate input", "7.2%-18%")
        page.click("#needs-submit")
        page.wait_for_function(
            "() => { const t = document.querySelector('#variant-1-text textarea');"
            " return t && t.value.includes('年化利率7.2%-18%'); }"
        )
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE[0] + 1, f"page scrolls sideways at {PHONE[0]} px ({width} px wide)"
        page.screenshot(path=str(artifacts / "07-needs-input-390.png"), full_page=True)
        assert outside == []
    finally:
        context.close()
