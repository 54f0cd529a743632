"""The copywriter's workspace in a real browser (Debian's Chromium), at 1366×768 and 390×844.

One test per item of the workspace issue, each at both sizes where the item has a layout:
what is visible without scrolling, Enter to send (and not during IME composition), input
kept while a check runs, the live re-check and its latency, cards linked to spans with
fixes and undo, versions with a plain-text copy, the needs-input form, approvals that
refuse a second decision, settings that survive a reload, answers first with citations
that open in place, out-of-scope questions, batch uploads (mapping, clean errors, a new
upload clearing old results, the Excel report, a consent list), a model that is down,
and no English anywhere.  The browser's locale is English on purpose.

Screenshots go to ``tests/e2e/artifacts/`` (git-ignored); latencies are printed and
appended to ``artifacts/timings.txt``.  The bounds asserted are generous (a loaded 2-core
machine); the targets are 300 ms (review visible after send) and 150 ms (live re-check
after the debounce), see the printed p90 and ``benchmarks/bench_ui.py``.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

import pytest
from e2e_support import (
    PHONE,
    VIEWPORT_IDS,
    VIEWPORTS,
    WIDE,
    browse,
    p90,
    pick,
    report,
    send,
    shot,
    upload,
    wait_review,
    wait_versions,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

DRAFT = "【明德银行】尊享理财，预期年化收益3%，稳赚不赔！回T退订"
LOAN = "【捷贷消费金融】借款3分钟到账，日息0.03%。回T退订"
PASSING = "【明德银行】您尾号1234的信用卡本期账单已出，请按时还款。"

Size = tuple[int, int]


def _in_view(page: Any, selector: str, height: int) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height + 1


# ------------------------------------------------------------------------------ 1. layout


@pytest.mark.parametrize("size", VIEWPORTS, ids=VIEWPORT_IDS)
def test_layout_keeps_the_input_and_the_draft_in_view(
    browser: Any, server_url: str, artifacts: Path, size: Size
) -> None:
    with browse(browser, server_url, size) as page:
        shot(page, artifacts, "01-start", size)
        for i in range(4):  # a conversation long enough to scroll the chat
            text = f"【明德银行】尊享理财{i}号，预期年化收益3%，稳赚不赔！回T退订"
            send(page, text)
            wait_review(page, text)
        wait_versions(page)
        if size == WIDE:
            for sel in (
                "#chat-input textarea",
                "#send-btn",
                "#draft-editor textarea",
                "#draft-view .sms-bubble",
            ):
                assert _in_view(page, sel, size[1]), f"{sel} is not visible without scrolling"
            assert page.evaluate("() => window.scrollY") == 0  # the chat scrolled itself, not the page
            chat = page.evaluate(
                "() => { const c = document.querySelector('#chat .bubble-wrap') || document.querySelector('#chat'); return [c.scrollHeight, c.clientHeight]; }"
            )
            assert chat[0] >= chat[1]
        else:
            chat_box = page.locator("#chat-pane").bounding_box()
            draft_box = page.locator("#draft-pane").bounding_box()
            assert draft_box["y"] >= chat_box["y"] + chat_box["height"] - 1  # stacked
            assert _in_view(page, "#chat-input textarea", size[1])
            page.locator("#draft-editor textarea").scroll_into_view_if_needed()
            assert _in_view(page, "#draft-editor textarea", size[1])
        shot(page, artifacts, "02-conversation", size)


# ------------------------------------------------------------------------------ 2/5. keyboard, latency


_ARM_SEND = """(text) => {
  window.__t0 = null; window.__t1 = null;
  // on window, capturing: it runs before the page's own Enter handler (which stops the event)
  window.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) window.__t0 = performance.now(); },
    {once: true, capture: true});
  const obs = new MutationObserver(() => {
    const b = document.querySelector('#draft-view .sms-bubble');
    if (window.__t1 === null && b && b.textContent.replaceAll('⁁', '') === text && document.querySelector('#cards .fcard')) {
      window.__t1 = performance.now(); obs.disconnect();
    }
  });
  obs.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
}"""


def test_enter_sends_and_the_review_is_visible_fast(
    browser: Any, server_url: str, artifacts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with browse(browser, server_url, WIDE) as page:
        assert "Enter 发送" in page.inner_text("#send-hint") and "Shift+Enter 换行" in page.inner_text(
            "#send-hint"
        )
        send(page, "【明德银行】预热，稳赚不赔")  # the first event of a session sets up its queue
        wait_review(page, "【明德银行】预热，稳赚不赔")
        samples = []
        for i in range(10):
            text = f"【明德银行】尊享理财{i}号，预期年化收益3%，稳赚不赔！回T退订"
            page.fill("#chat-input textarea", text)
            page.evaluate(_ARM_SEND, text)
            page.press("#chat-input textarea", "Enter")
            page.wait_for_function("() => window.__t1 !== null && window.__t0 !== null")
            samples.append(float(page.evaluate("() => window.__t1 - window.__t0")))
            wait_versions(page)
        report(
            capsys,
            artifacts,
            f"review visible after Enter: p90 {p90(samples):.0f} ms, median {sorted(samples)[len(samples) // 2]:.0f} ms "
            f"over {len(samples)} sends (target 300 ms)",
        )
        assert p90(samples) < 3000

        users = page.locator("#chat .message-row.user-row, #chat [data-testid='user']").count()
        page.fill("#chat-input textarea", "第一行")
        page.press("#chat-input textarea", "Shift+Enter")
        page.keyboard.type("第二行")
        assert page.input_value("#chat-input textarea") == "第一行\n第二行"
        # Enter while an input method composes confirms the candidate: it never sends
        page.evaluate(
            """() => { const t = document.querySelector('#chat-input textarea');
                       t.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', isComposing: true, keyCode: 229, bubbles: true})); }"""
        )
        time.sleep(0.5)
        assert page.locator("#chat .message-row.user-row, #chat [data-testid='user']").count() == users
        assert page.input_value("#chat-input textarea") == "第一行\n第二行"

        # what is typed while a check runs is kept
        page.fill("#chat-input textarea", LOAN)
        page.press("#chat-input textarea", "Enter")
        page.keyboard.type("下一条草稿")
        wait_review(page, LOAN)
        page.wait_for_selector("#needs-form", state="visible")  # the rewrite has finished too
        assert page.input_value("#chat-input textarea") == "下一条草稿"
        shot(page, artifacts, "03-keyboard", WIDE)


_ARM_LIVE = """(len) => {
  window.__liveSentAt = null; window.__liveDone = null;
  const obs = new MutationObserver(() => {
    const p = document.querySelector('#draft-view .phone');
    if (window.__liveSentAt !== null && window.__liveDone === null && p && p.getAttribute('data-len') === String(len)) {
      window.__liveDone = performance.now(); obs.disconnect();
    }
  });
  obs.observe(document.body, {subtree: true, childList: true, attributes: true});
}"""


@pytest.mark.parametrize("size", VIEWPORTS, ids=VIEWPORT_IDS)
def test_live_check_while_typing(
    browser: Any, server_url: str, artifacts: Path, capsys: pytest.CaptureFixture[str], size: Size
) -> None:
    with browse(browser, server_url, size) as page:
        page.evaluate(
            "() => { window.__liveClicks = 0; document.addEventListener('click', (e) => { "
            "if (e.target.closest && e.target.closest('#live-go')) window.__liveClicks++; }, true); }"
        )
        editor = page.locator("#draft-editor textarea")
        editor.click()
        page.keyboard.type("【明德银行】稳赚不赔", delay=30)  # ten keys, one check after the pause
        page.wait_for_selector("#cards .fcard")
        assert page.evaluate("() => window.__liveClicks") == 1
        assert "承诺保本保收益" in page.inner_text("#cards")
        base = "【明德银行】尊享理财月月盈，预期年化收益3%，适合稳健型客户，起购金额1万元。" * 8
        base = base[:298]
        samples = []
        for i in range(8):
            text = base + f"{i}号"
            editor.fill(text[:-1])  # fill fires one input event: the debounce starts
            page.wait_for_function(
                "(n) => { const p = document.querySelector('#draft-view .phone'); return p && p.getAttribute('data-len') === String(n); }",
                arg=len(text) - 1,
            )
            page.evaluate(_ARM_LIVE, len(text))
            editor.press("End")
            page.keyboard.type(text[-1])
            page.wait_for_function("() => window.__liveDone !== null")
            samples.append(float(page.evaluate("() => window.__liveDone - window.__liveSentAt")))
        report(
            capsys,
            artifacts,
            f"live re-check of a {len(base) + 2}-character draft at {size[0]} px: p90 {p90(samples):.0f} ms after the "
            f"300 ms debounce (target 150 ms)",
        )
        assert p90(samples) < 2000
        assert "条短信" in page.inner_text("#draft-view")
        shot(page, artifacts, "04-live-check", size)


# ------------------------------------------------------------------------------ 3. cards


@pytest.mark.parametrize("size", VIEWPORTS, ids=VIEWPORT_IDS)
def test_cards_link_to_spans_fix_undo_details_and_false_positive(
    browser: Any, server_url: str, artifacts: Path, size: Size
) -> None:
    with browse(browser, server_url, size) as page:
        send(page, DRAFT)
        wait_review(page, DRAFT)
        assert "提示 0" in page.inner_text("#draft-head")  # counts include 提示
        card = page.locator("#cards .fcard", has_text="承诺保本保收益")
        card.locator(".fcard-title").click()
        assert page.inner_text("#draft-view mark.active") == "稳赚不赔"
        sel = page.evaluate(
            "() => { const t = document.querySelector('#draft-editor textarea'); return [t.selectionStart, t.selectionEnd]; }"
        )
        assert DRAFT[sel[0] : sel[1]] == "稳赚不赔"
        page.locator("#draft-view mark", has_text="理财").first.click()
        assert "active" in (
            page.locator("#cards .fcard", has_text="投资类产品缺少风险提示").get_attribute("class") or ""
        )
        shot(page, artifacts, "05-card-linked", size)

        page.locator("#cards .fcard", has_text="承诺保本保收益").locator("details summary").click()
        detail = page.inner_text("#cards .fcard:has-text('承诺保本保收益') .rule-body")
        assert "法律依据与可信度" in detail and "可信度：" in detail and "广告法" in detail

        page.locator("#cards .fcard", has_text="投资类产品缺少风险提示").locator("[data-act=fix]").click()
        page.wait_for_function(
            "() => document.querySelector('#draft-editor textarea').value.includes('理财非存款')"
        )
        assert "已应用安全修复" in page.inner_text("#pane-note")
        page.click("#undo-btn")
        page.wait_for_function(
            "(t) => document.querySelector('#draft-editor textarea').value === t", arg=DRAFT
        )

        page.locator("#cards .fcard", has_text="承诺保本保收益").locator("[data-act=accept]").click()
        page.wait_for_function(
            "() => !document.querySelector('#draft-editor textarea').value.includes('稳赚不赔')"
        )
        page.wait_for_function("() => !document.querySelector('#cards').innerText.includes('承诺保本保收益')")

        page.locator("#cards .fcard", has_text="投资类产品缺少风险提示").locator("[data-act=fp]").click()
        page.wait_for_selector("#cards .done-note")
        assert "已记录误报" in page.inner_text("#cards")
        shot(page, artifacts, "06-fixed", size)


# ------------------------------------------------------------------------------ 4. versions


@pytest.mark.parametrize("size", VIEWPORTS, ids=VIEWPORT_IDS)
def test_version_copy_is_plain_text_and_use_puts_it_in_the_editor(
    browser: Any, server_url: str, artifacts: Path, size: Size
) -> None:
    with browse(browser, server_url, size) as page:
        send(page, DRAFT)
        wait_versions(page)
        version = page.inner_text("#version-1 .vtext")
        assert "稳赚不赔" not in version and "理财非存款" in version
        assert (
            page.locator("#version-1 .diff del").count() >= 1
            and page.locator("#version-1 .diff ins").count() >= 1
        )
        assert "字" in page.inner_text("#version-1 .vcard-head") and "条短信" in page.inner_text(
            "#version-1 .vcard-head"
        )
        page.click("#copy-1")
        page.wait_for_function("() => document.querySelector('#copy-1').textContent === '已复制'")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == version and "<" not in copied
        shot(page, artifacts, "07-versions", size)
        page.click("#version-1 [data-act=use]")
        page.wait_for_function(
            "(t) => document.querySelector('#draft-editor textarea').value === t", arg=version
        )
        page.wait_for_function("() => !document.querySelector('#draft-head .verdict.fail')")


@pytest.mark.parametrize("size", VIEWPORTS, ids=VIEWPORT_IDS)
def test_needs_input_form_stays_editable(browser: Any, server_url: str, artifacts: Path, size: Size) -> None:
    with browse(browser, server_url, size) as page:
        send(page, LOAN)
        page.wait_for_selector("#needs-form", state="visible")
        field = "#need-annualized_rate textarea, #need-annualized_rate input"
        page.fill(field, "7.2%-18%")
        page.click("#needs-submit")
        page.wait_for_function(
            "() => (document.querySelector('#version-1 .vtext') || {}).textContent?.includes('年化利率7.2%-18%')"
        )
        assert page.locator("#needs-form").first.is_visible() and page.input_value(field) == "7.2%-18%"
        page.fill(field, "8%-16%")
        page.click("#needs-submit")
        page.wait_for_function(
            "() => (document.querySelector('#version-1 .vtext') || {}).textContent?.includes('年化利率8%-16%')"
        )
        shot(page, artifacts, "08-needs-input", size)


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
