"""The copywriter's workspace in a real browser (Debian's Chromium), at 1366×768 and 390×844: flows.

Approvals that refuse a second decision, settings that survive a reload, answers first
with citations that open in place, out-of-scope questions, batch uploads (mapping, clean
errors, a new upload clearing old results, the Excel report, a consent list), a model that
is down, and no English anywhere (the browser's locale is English on purpose).  Drafting
and review are in ``test_ui_e2e_review.py``; screenshots go to ``tests/e2e/artifacts/``.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

import pytest
from e2e_support import (
    DRAFT,
    PASSING,
    PHONE,
    VIEWPORT_IDS,
    VIEWPORTS,
    WIDE,
    browse,
    pick,
    report,
    send,
    shot,
    upload,
    wait_review,
    wait_versions,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


Size = tuple[int, int]


# ------------------------------------------------------------------------------ 6. approval


@pytest.mark.parametrize("size", VIEWPORTS, ids=VIEWPORT_IDS)
def test_approval_is_tied_to_the_text_and_refuses_a_second_decision(
    browser: Any, server_url: str, artifacts: Path, size: Size
) -> None:
    with browse(browser, server_url, size) as page:
        assert not page.locator("#approve-panel").first.is_visible()  # nothing to approve yet
        text = (
            f"【明德银行】尊享理财{time.time_ns() % 10**8}号，预期年化收益3%，稳赚不赔！回T退订"  # a new text
        )
        send(page, text)
        wait_versions(page)
        page.wait_for_selector("#approve-panel", state="visible")
        pick(page, "#approve-target", "版本 1")
        page.wait_for_function(
            "() => document.querySelector('#approve-preview').innerText.includes('理财非存款')"
        )
        preview = page.inner_text("#approve-preview")
        version = page.inner_text("#version-1 .vtext")
        assert version in preview and "SHA-256" in preview
        page.fill("#reviewer textarea, #reviewer input", "测试审核员")
        page.click("#approve-btn")
        page.wait_for_function("() => document.querySelector('#approve-msg').innerText.includes('已批准')")
        assert "北京时间" in page.inner_text("#approve-msg")
        page.click("#approve-btn")
        page.wait_for_function(
            "() => document.querySelector('#approve-msg').innerText.includes('不重复记录')"
        )
        page.fill("#approve-reason textarea, #approve-reason input", "口径变化，改为驳回")
        page.click("#reject-btn")
        page.wait_for_function(
            "() => document.querySelector('#approve-msg').innerText.includes('推翻先前决定')"
        )
        page.check("#supersede input")
        page.click("#reject-btn")
        page.wait_for_function(
            "() => document.querySelector('#approve-msg').innerText.includes('推翻了编号')"
        )
        assert page.locator("#approve-preview .prior").count() == 2
        shot(page, artifacts, "09-approval", size)

        page.click("#tab-history-button")
        page.wait_for_function(
            "() => document.querySelector('#history-table').innerText.includes('测试审核员')"
        )
        table = page.inner_text("#history-table")
        assert "北京时间" in table or size == PHONE  # the header; on a phone each cell is labelled
        assert "批准" in table and "驳回" in table and "改写版本 1" in table
        shot(page, artifacts, "10-history", size, full=True)


# ------------------------------------------------------------------------------ 7. settings


@pytest.mark.parametrize("size", VIEWPORTS, ids=VIEWPORT_IDS)
def test_settings_survive_a_reload(browser: Any, server_url: str, artifacts: Path, size: Size) -> None:
    with browse(browser, server_url, size) as page:
        page.click("#tab-settings-button")
        pick(page, "#profile-select", "明德银行")
        page.wait_for_function("() => document.querySelector('#profile-chip').innerText.includes('明德银行')")
        pick(page, "#rules-ignore", "ADV001")
        page.wait_for_function(
            "() => document.querySelector('#settings-summary').innerText.includes('忽略规则：ADV001')"
        )
        page.reload()
        page.wait_for_selector("#chat-input textarea")
        page.wait_for_function("() => document.querySelector('#profile-chip').innerText.includes('明德银行')")
        page.click("#tab-settings-button")
        page.wait_for_function(
            "() => document.querySelector('#settings-summary').innerText.includes('忽略规则：ADV001')"
        )
        assert "明德银行" in page.input_value("#profile-select input")
        shot(page, artifacts, "11-settings-restored", size)
        page.click("#tab-workspace-button")
        send(page, DRAFT)
        wait_review(page, DRAFT)
        assert "已忽略 ADV001" in page.inner_text("#draft-head")
        assert "承诺保本保收益" not in page.inner_text("#cards")


# ------------------------------------------------------------------------------ 8. questions


@pytest.mark.parametrize("size", VIEWPORTS, ids=VIEWPORT_IDS)
def test_question_without_question_mark_answer_first_and_citations_open(
    browser: Any, server_url: str, artifacts: Path, size: Size
) -> None:
    with browse(browser, server_url, size) as page:
        send(page, "营销短信能不能在晚上九点以后发")
        # first use may still be loading the index and the e5 model: be patient
        page.wait_for_selector("#chat .answer .lead", timeout=180_000)
        chat = page.inner_text("#chat")
        assert "识别为合规问题" in chat and "离线检索答案" in chat
        cite = page.locator("#chat .answer .lead details.cite").first
        cite.locator("summary").click()
        assert cite.evaluate("(d) => d.open") is True
        assert len(cite.locator(".cite-body").inner_text()) > 10  # the passage, in place
        shot(page, artifacts, "12-answer", size)
        switch = page.locator("#intent-switch")
        assert switch.is_visible() and "改为按草稿审核" in switch.inner_text()
        switch.click()
        page.wait_for_function(
            "() => document.querySelector('#draft-editor textarea').value.includes('晚上九点')"
        )


@pytest.mark.parametrize("size", VIEWPORTS, ids=VIEWPORT_IDS)
def test_out_of_scope_question(browser: Any, server_url: str, artifacts: Path, size: Size) -> None:
    with browse(browser, server_url, size) as page:
        send(page, "今天北京天气怎么样？")
        page.wait_for_function(
            "() => document.querySelector('#chat').innerText.includes('知识库中没有相关内容')",
            timeout=180_000,
        )
        last = page.locator("#chat .answer").last
        assert last.locator("details.cite").count() == 0 and "来源" not in last.inner_text()
        shot(page, artifacts, "13-out-of-scope", size)


# ------------------------------------------------------------------------------ 9. batch


def _write_csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.mark.parametrize("size", VIEWPORTS, ids=VIEWPORT_IDS)
def test_batch_mapping_results_reupload_and_errors(
    browser: Any,
    server_url: str,
    artifacts: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    size: Size,
) -> None:
    texts = [f"【明德银行】尊享理财{i}号，预期年化收益3%，稳赚不赔！回T退订" for i in range(199)] + [PASSING]
    plan = _write_csv(
        tmp_path / "批量草稿.csv", [["正文", "编号"], *[[t, str(i)] for i, t in enumerate(texts)]], "gbk"
    )
    header_only = _write_csv(tmp_path / "只有表头.csv", [["text", "kind"]], "utf-8")
    utf16 = _write_csv(tmp_path / "宽字符.csv", [["text"], [DRAFT]], "utf-16")
    with browse(browser, server_url, size) as page:
        page.click("#tab-batch-button")
        upload(page, "#batch-file", plan)
        page.wait_for_selector("#batch-preview table")
        assert "GBK" in page.inner_text("#batch-upload-msg") and "批量草稿.csv" in page.inner_text(
            "#batch-preview"
        )
        pick(page, "#map-text", "正文")
        started = time.perf_counter()
        page.click("#batch-run")
        page.wait_for_selector("#dl-csv", state="visible", timeout=120_000)
        report(
            capsys,
            artifacts,
            f"200-row batch at {size[0]} px: results {time.perf_counter() - started:.1f} s after 开始检查",
        )
        assert "共 200 行" in page.inner_text("#batch-summary")
        assert (
            page.locator("#batch-table td.v-fail").count() == 199
            and page.locator("#batch-table td.v-pass").count() == 1
        )
        pick(page, "#rule-filter", "ADV001")
        page.wait_for_function(
            "() => document.querySelector('#batch-table').innerText.includes('含 ADV001 的行 199 行')"
        )
        shot(page, artifacts, "14-batch", size)
        with page.expect_download() as info:
            page.click("#dl-xlsx")
        from openpyxl import load_workbook

        saved = tmp_path / f"report-{size[0]}.xlsx"
        info.value.save_as(saved)
        wb = load_workbook(saved)
        assert (
            wb["审核结果"].freeze_panes == "A2" and wb["审核结果"].auto_filter.ref and "汇总" in wb.sheetnames
        )

        upload(page, "#batch-file", header_only)
        page.wait_for_function(
            "() => document.querySelector('#batch-upload-msg').innerText.includes('只有表头')"
        )
        msg = page.inner_text("#batch-upload-msg")
        assert "只有表头.csv" in msg and "/tmp" not in msg and "--" not in msg
        # the previous file's results are gone: table, downloads, filter
        assert not page.locator("#dl-csv").is_visible() and not page.locator("#batch-table").is_visible()
        assert not page.locator("#rule-filter").is_visible()
        shot(page, artifacts, "15-batch-error", size)

        upload(page, "#batch-file", utf16)
        page.wait_for_function(
            "() => document.querySelector('#batch-upload-msg').innerText.includes('UTF-16')"
        )


def test_campaign_with_a_consent_file(browser: Any, server_url: str, artifacts: Path, tmp_path: Path) -> None:
    text = "【明德银行】尊享理财，预期年化收益3%。理财非存款，产品有风险，投资须谨慎。回T退订"
    plan = _write_csv(
        tmp_path / "发送计划.csv",
        [
            ["手机号", "发送时间", "短信内容"],
            ["13812345678", "2026-11-28 10:00", text],
            ["13912345678", "2026-11-28 10:00", text],
        ],
        "utf-8",
    )
    consent = _write_csv(
        tmp_path / "同意名单.csv",
        [["recipient", "status", "consented_at"], ["13812345678", "consent", "2026-01-01"]],
        "utf-8",
    )
    with browse(browser, server_url, WIDE) as page:
        page.click("#tab-batch-button")
        upload(page, "#batch-file", plan)
        page.wait_for_function(
            "() => document.querySelector('#batch-upload-msg').innerText.includes('发送计划')"
        )
        upload(page, "#consent-file", consent)
        page.wait_for_selector("#consent-file button[aria-label='清除']")
        page.click("#batch-run")
        page.wait_for_selector("#dl-csv", state="visible", timeout=60_000)
        summary = page.inner_text("#batch-summary")
        assert "同意名单「同意名单.csv」：1 条记录" in summary and "--consent" not in summary
        assert "CMP003" in page.inner_text("#batch-table") and "138****5678" in page.inner_text(
            "#batch-table"
        )
        shot(page, artifacts, "16-campaign", WIDE)


# ------------------------------------------------------------------------------ 10. model down


def test_model_down_falls_back_to_offline_within_the_timeout(
    browser: Any, model_down_url: str, artifacts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with browse(browser, model_down_url, WIDE) as page:
        started = time.perf_counter()
        send(page, DRAFT)
        wait_versions(page, timeout=60_000)
        rewrite_s = time.perf_counter() - started
        notice = page.inner_text("#versions .notice")
        # unreachable: refused connections and retries, or the 2 s deadline, whichever comes first
        assert notice in (
            "大模型调用失败（无法连接模型服务），已改用离线规则引擎",
            "大模型在 2 秒内未完成改写，已改用离线规则引擎",
        )
        started = time.perf_counter()
        send(page, "营销短信每月最多发几条？")
        page.wait_for_selector("#chat .answer .lead", timeout=180_000)
        page.wait_for_function(
            "() => document.querySelector('#chat').innerText.includes('离线检索答案')", timeout=60_000
        )
        ask_s = time.perf_counter() - started
        report(
            capsys,
            artifacts,
            f"model down: versions after {rewrite_s:.1f} s, answer after {ask_s:.1f} s (timeout 2 s)",
        )
        assert rewrite_s < 20
        shot(page, artifacts, "17-model-down", WIDE)


# ------------------------------------------------------------------------------ 11. Gradio's own strings


def test_gradios_own_toasts_are_chinese(browser: Any, server_url: str, artifacts: Path) -> None:
    with browse(browser, server_url, WIDE) as page:
        send(page, PASSING)
        wait_review(page, PASSING)
        page.locator("#chat button[aria-label='赞'], #chat button[title='赞']").last.click()
        page.wait_for_selector("[data-testid='toast-body']")
        toast = page.inner_text("[data-testid='toast-body']")
        assert "提示" in toast and "已记录" in toast and "Info" not in toast
        assert page.evaluate("() => navigator.language") == "zh-CN"
        shot(page, artifacts, "18-toast", WIDE)
