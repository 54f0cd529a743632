"""The copywriter's workspace in a real browser (Debian's Chromium), at 1366×768 and 390×844: drafting.

One test per item of the workspace issue, each at both sizes where the item has a layout:
what is visible without scrolling, Enter to send (and not during IME composition), input
kept while a check runs, the live re-check and its latency, cards linked to spans with
fixes and undo, versions with a plain-text copy and the needs-input form.  Approvals,
settings, answers, batch, campaign, a model that is down and Gradio's own strings are in
``test_ui_e2e_flows.py`` (two files so that two test workers share the browser tests).
The browser's locale is English on purpose.

Screenshots go to ``tests/e2e/artifacts/`` (git-ignored); latencies are printed and
appended to ``artifacts/timings.txt``.  The bounds asserted are generous (a loaded 2-core
machine); the targets are 300 ms (review visible after send) and 150 ms (live re-check
after the debounce), see the printed p90 and ``benchmarks/bench_ui.py``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from e2e_support import (
    DRAFT,
    LOAN,
    VIEWPORT_IDS,
    VIEWPORTS,
    WIDE,
    browse,
    p90,
    report,
    send,
    shot,
    wait_review,
    wait_versions,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


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
        for i in range(4):  # a bound, not a measurement: benchmarks/bench_ui.py measures
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
        # a bound, not a measurement (benchmarks/bench_ui.py measures): more samples where the
        # layout is wide, a few at phone size where only the layout differs
        for i in range(5 if size == WIDE else 2):
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
