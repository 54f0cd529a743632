"""Helpers for the browser tests (kept out of ``conftest.py``: ``import conftest`` is ambiguous here)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

WIDE = (1366, 768)
PHONE = (390, 844)
VIEWPORTS = [WIDE, PHONE]
VIEWPORT_IDS = ["1366x768", "390x844"]

#: Sample drafts the tests type: a risky wealth offer, a loan offer, a compliant bill notice.
DRAFT = "【明德银行】尊享理财，预期年化收益3%，稳赚不赔！回T退订"
LOAN = "【捷贷消费金融】借款3分钟到账，日息0.03%。回T退订"
PASSING = "【明德银行】您尾号1234的信用卡本期账单已出，请按时还款。"

#: Latin words that may be visible: rule codes, units, file formats, encodings, key names, the
#: sample drafts' own letters.  Anything else visible in Latin letters is an untranslated string.
ALLOWED_LATIN = {
    "SMS",
    "CSV",
    "Excel",
    "HTML",
    "TOML",
    "JSON",
    "JSONL",
    "UTF",
    "GBK",
    "GB",
    "GB18030",
    "B",
    "KB",
    "MB",
    "Big5",
    "BOM",
    "LE",
    "BE",
    "SHA",
    "SHA-256",
    "Enter",
    "Shift",
    "App",
    "APP",
    "T",
    "R",
    "txt",
    "csv",
    "xlsx",
    "jsonl",
    "toml",
}
_CODE_RE = re.compile(r"^[A-Z]{3}\d{3}$")
_HEX_RE = re.compile(r"^(?=.*\d)[0-9a-f]{8,}$")  # hashes and record ids are hex digits


def open_page(
    browser: Any, url: str, width: int, height: int, *, locale: str = "en-US", storage: Any = None
) -> tuple[Any, Any, list[str]]:
    """A fresh context (own Gradio session) and page; records any request that leaves 127.0.0.1.

    The browser's locale is English on purpose: the page must still be all Chinese.
    """
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale=locale,
        accept_downloads=True,
        permissions=["clipboard-read", "clipboard-write"],
        storage_state=storage,
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    outside: list[str] = []

    def watch(request: Any) -> None:
        u = request.url
        if not u.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            outside.append(u)

    page.on("request", watch)
    page.goto(url)
    page.wait_for_selector("#chat-input textarea")
    page.wait_for_function("() => window.__smsWorkspace === true")
    return context, page, outside


def label(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def shot(page: Any, artifacts: Path, name: str, size: tuple[int, int], *, full: bool = False) -> None:
    page.screenshot(path=str(artifacts / f"{name}-{label(size)}.png"), full_page=full)


def send(page: Any, text: str) -> None:
    """Type into the chat input and press Enter (the keyboard path a user takes).

    The send handler empties the input in the browser at once, so an input that still holds the
    text after a few seconds means the key press reached the page before Gradio wired its
    events (seen once on a loaded CI machine, never locally): the test then presses Enter once
    more, as a user would, and prints a line saying so instead of timing out.
    """
    box = "#chat-input textarea"
    page.fill(box, text)
    page.press(box, "Enter")
    try:
        page.wait_for_function("(s) => document.querySelector(s).value === ''", arg=box, timeout=10_000)
    except Exception:
        if page.input_value(box) != text:
            raise
        print("[e2e] Enter did not send within 10 s; pressed again")
        page.press(box, "Enter")


def _page_state(page: Any) -> str:
    """What the page shows now, for a timeout's message (the cause, not only 'timed out')."""
    try:
        return str(
            page.evaluate(
                """() => ({
                  input: document.querySelector('#chat-input textarea')?.value,
                  bubble: document.querySelector('#draft-view .sms-bubble')?.textContent,
                  cards: !!document.querySelector('#cards .cards'),
                  chat: (document.querySelector('#chat')?.innerText || '').slice(-300),
                  errors: [...document.querySelectorAll('.toast-body, .error')].map((e) => e.innerText).slice(0, 3),
                })"""
            )
        )
    except Exception as exc:  # the page itself is gone
        return f"(page unreadable: {exc})"


def wait_review(page: Any, text: str, timeout: float = 60_000) -> None:
    """Until the editor's preview shows ``text`` and its cards are drawn."""
    try:
        page.wait_for_function(
            """(t) => { const b = document.querySelector('#draft-view .sms-bubble');
                        return b && b.textContent.replaceAll('⁁', '') === t && document.querySelector('#cards .cards'); }""",
            arg=text,
            timeout=timeout,
        )
    except Exception as exc:
        raise AssertionError(f"review of {text!r} not shown: {_page_state(page)}") from exc


def wait_versions(page: Any, timeout: float = 30_000) -> None:
    page.wait_for_selector("#versions .vcard", timeout=timeout)


def pick(page: Any, dropdown: str, option: str) -> None:
    """Choose ``option`` in a Gradio dropdown (``dropdown`` is its elem_id selector)."""
    page.click(f"{dropdown} input")
    page.locator(f"{dropdown} [role=option]", has_text=option).first.click()


#: Quoted content, not interface text: drafts, versions, source passages, uploaded cells.
QUOTED = (
    ".cite-body, .rv-text, .sms-bubble, .vtext, .approve-text, .diff, .fcard-ev, .fcard-preview,"
    " #batch-preview th, .tbl td, .sms-banner"  # the banner names the configured model and endpoint
)


def english_words(page: Any) -> list[str]:
    """Latin-letter words of the interface (quoted content aside) not on the allow-list."""
    text = page.evaluate(
        """(quoted) => {
             const hidden = [];
             document.querySelectorAll(quoted).forEach((n) => { hidden.push([n, n.style.visibility]); n.style.visibility = 'hidden'; });
             const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
             const parts = [];
             let node;
             while ((node = walker.nextNode())) {
               const el = node.parentElement;
               if (!el || el.closest(quoted) || el.closest('script, style, noscript')) continue;
               if (el.closest('details:not([open])') && !el.closest('summary')) continue;
               if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
               parts.push(node.nodeValue);
             }
             hidden.forEach(([n, v]) => { n.style.visibility = v; });
             return parts.join(' ');
           }""",
        QUOTED,
    )
    words = re.findall(r"[A-Za-z][A-Za-z0-9_\-]*", text)
    return sorted(
        {
            w
            for w in words
            if w not in ALLOWED_LATIN
            and not _CODE_RE.match(w)
            and not _HEX_RE.match(w)
            and not w.startswith("UTF")
        }
    )


def p90(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def report(capsys: Any, artifacts: Path, line: str) -> None:
    with capsys.disabled():
        print(f"\n[e2e] {line}")
    with (artifacts / "timings.txt").open("a", encoding="utf-8") as fh:
        fh.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {line}\n")


def no_sideways_scroll(page: Any, width: int) -> None:
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= width + 1, f"page scrolls sideways at {width} px ({scroll} px wide)"


def upload(page: Any, component: str, path: Path) -> None:
    """Put ``path`` into a Gradio file component, clearing the file already there (the ✕)."""
    clear = page.locator(f"{component} button[aria-label='清除']")
    if clear.count():
        clear.first.click()
        page.wait_for_selector(f"{component} input[type=file]", state="attached")
    page.set_input_files(f"{component} input[type=file]", str(path))


@contextmanager
def browse(browser: Any, url: str, size: tuple[int, int]) -> Iterator[Any]:
    """A page of its own; when the test's steps are done, what every flow must leave true:
    no sideways scroll, no English in the interface, no request outside 127.0.0.1."""
    context, page, outside = open_page(browser, url, *size)
    try:
        yield page
        no_sideways_scroll(page, size[0])
        words = english_words(page)
        assert words == [], f"visible English words: {words}"
        assert outside == [], f"requests outside the server: {outside}"
    finally:
        context.close()
