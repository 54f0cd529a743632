"""FMT003: an SMS is plain text — no markup, control characters or hidden characters.

A phone shows markup verbatim and hides what control characters do: an ANSI escape, a
NUL, a right-to-left override that displays 赔不赚稳 as 稳赚不赔, a zero-width space
that splits a word.  What the reader sees must be what was reviewed, so every such
span is an error with a safe fix: remove it (an override run is replaced by its display
order, a markdown link by its text and address).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from assistant.checker.detectors.base import Detector
from assistant.checker.models import Finding, Fix
from assistant.text import lazyre
from assistant.text.bidi import BIDI_CONTROLS, PDF, PDI, RLO, to_display
from assistant.text.homophones import is_cjk

if TYPE_CHECKING:
    from assistant.checker.message import Message

_HTML_TAGS = (
    "a|abbr|b|big|blink|blockquote|body|br|button|center|code|del|div|em|embed|font|form|h[1-6]|head|hr|html|"
    "i|iframe|img|input|ins|label|li|link|mark|marquee|meta|nav|object|ol|option|p|pre|q|s|script|section|"
    "select|small|source|span|strike|strong|style|sub|sup|svg|table|td|textarea|th|title|tr|u|ul|video|audio"
)
_ESCAPE_RE = lazyre.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])?")
_CONTROL_RE = lazyre.compile(r"(?:\r(?!\n)|[\x00-\x09\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f])+")
# Invisible characters: every format character (Unicode category Cf) but the bidi controls
# handled above, the line and paragraph separators, and the grapheme joiner.
_ZERO_WIDTH = (
    "\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u2028\u2029\u2060-\u2064"
    "\u206a-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_ZERO_WIDTH_RE = lazyre.compile(f"[{_ZERO_WIDTH}]+")
_BIDI_RE = lazyre.compile(f"[{BIDI_CONTROLS}]")
HTML_TAG_RE = lazyre.compile(
    rf"<\s*/?\s*(?:{_HTML_TAGS})\b[^<>]{{0,300}}>|<!--.*?-->|<!doctype[^>]*>", re.I | re.S
)
_ENTITY_RE = lazyre.compile(r"&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});", re.I)
_MD_IMAGE_RE = lazyre.compile(r"!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)")
#: (the target reads as an address or a path, Latin letters or a dot of any width: not [动账提醒](尾号3307),
#: a heading then a bracketed note — rt159; jinchengbank。com is one — rt161, and so is the word for a
#: link standing in for one, [立即申请](链接) — rt162)
_MD_LINK_RE = lazyre.compile(
    r"\[(?P<label>[^\]\n]{1,200})\]\((?P<url>(?=[^)\s]*(?:[/.:#?=。．]|[a-zA-Z]{2}|链接|网址|地址))[^)\s]{1,500})(?:\s+\"[^\"\n]*\")?\)"
)
#: A reference-style Markdown link ([账单][1]) and its definition line ([1]: https://…).
_MD_REF_RE = lazyre.compile(r"\[(?P<label>[^\]\n]{1,200})\]\[(?P<ref>[^\]\n]{1,20})\]")
_MD_REF_DEF_RE = lazyre.compile(r"(?m)^[ \t]{0,3}\[[^\]\n]{1,20}\]:[ \t]*(?P<url>\S{1,500})[ \t]*$")
_AUTOLINK_RE = lazyre.compile(r"<(?P<url>(?:https?|ftp)://[^<>\s]{1,500})>", re.I)
#: Markdown emphasis and code (**明德月月盈**, __x__, `x`), a heading or a rule line (---):
#: a model's formatting, shown on the phone as the raw characters.
_MD_EMPHASIS_RE = lazyre.compile(
    # (not the asterisks of masked numbers, 6222****1234 … 138****5678, nor a ___ blank)
    r"(?<![*\d])\*\*(?P<bold>[^*\n\d][^*\n]{0,199})\*\*(?![*\d])"
    r"|(?<!_)__(?P<under>[^_\n]{1,200})__(?!_)|`(?P<code>[^`\n]{1,200})`"
)
#: What follows a masked name (刘**的, 陈**尾号, 聂**，您为…): a word of the sentence, not bold text
#: (**可借20万** starts with its own words — rt175).
_AFTER_MASK = frozenset("的，,、。；;：:！!？? （(向为于在尾先女您已与和及投欠")
#: …or the masked person's title (张**经理, 李**老师 — rt208): two characters, since a bold phrase may
#: open with one of them (**经典款**, **老客户专享**).
_TITLE_AFTER_MASK = frozenset(
    {"经理", "先生", "女士", "老师", "主任", "行长", "专员", "顾问", "总监", "同志"}
)


def _masked_names(text: str, m: re.Match[str]) -> bool:
    """Whether an emphasis match is two masked names (刘**…陈**, 欧阳**…邝**): each pair right after a
    Chinese character, the first followed by the sentence's own words (a surname list misses 聂, 邝 and
    compound surnames — rt175)."""
    if m.group("bold") is None or m.start() == 0:
        return False
    if not (is_cjk(text[m.start() - 1]) and is_cjk(text[m.end() - 3])):
        return False
    second_titled = text[m.end() : m.end() + 2] in _TITLE_AFTER_MASK
    if text[m.start() + 2 : m.start() + 4] in _TITLE_AFTER_MASK:
        # 张**经理…李**经理: a title after the first mask only with one after the second too (a bold
        # phrase opening with 顾问 ends on its own words: **顾问团队一对一服务**， — rt209)
        return second_titled
    return text[m.start() + 2] in _AFTER_MASK and (
        m.end() >= len(text)
        or text[m.end()] in _AFTER_MASK
        or not is_cjk(text[m.end()])
        or text[m.end()] == "号"
    )


_MD_LINE_RE = lazyre.compile(r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]+|(?:[-*_][ \t]*){3,}$)")
_QUICK_RE = lazyre.compile(rf"[\x00-\x09\x0b-\x1f\x7f-\x9f{_ZERO_WIDTH}{BIDI_CONTROLS}<>&\[\]\r]")
#: Characters any Markdown emphasis, code, heading or rule line contains (a cheap test).
_MD_MARKS = ("**", "__", "`", "#", "---", "***", "___", "][")
#: Whether a text holds any of them: one search in C, not a generator step per mark on every
#: message (nearly all hold none).
_MD_MARK_RE = lazyre.compile("|".join(map(re.escape, _MD_MARKS)))
_EMOJI_RE = lazyre.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]")


def _emoji_joiner(text: str, start: int, end: int) -> bool:
    """A zero-width joiner (or variation selector) inside an emoji sequence: 👨‍👩‍👧."""
    if text[start:end].strip("\u200d") != "":
        return False
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return bool(_EMOJI_RE.match(before) and _EMOJI_RE.match(after))


def _override_runs(text: str) -> list[tuple[int, int]]:
    """Each right-to-left override with everything it reorders (to its PDF/PDI/line end)."""
    runs = []
    pos = text.find(RLO)
    while pos >= 0:
        ends = [i for i in (text.find(PDF, pos), text.find(PDI, pos), text.find("\n", pos)) if i >= 0]
        end = min(ends) + (1 if ends and text[min(ends)] != "\n" else 0) if ends else len(text)
        runs.append((pos, end))
        pos = text.find(RLO, end)
    return runs


def _may_hold_markup(msg: Message) -> bool:
    """A character every control, bidi, zero-width, HTML or Markdown finding holds."""
    text = msg.text
    return _QUICK_RE.search(text) is not None or _MD_MARK_RE.search(text) is not None


class PlainText(Detector):
    """Markup, control characters, bidi controls and stray zero-width characters."""

    def gate(self) -> Callable[[Message], object] | None:
        """Detect's own first test (:func:`_may_hold_markup`)."""
        return _may_hold_markup

    def detect(self, msg: Message) -> Iterable[Finding]:
        text = msg.text
        if not _may_hold_markup(msg):
            return
        spans: list[tuple[int, int, str, str]] = []  # start, end, replacement, what

        def add(start: int, end: int, replacement: str, what: str) -> None:
            if end > start and all(end <= s or start >= e for s, e, _, _ in spans):
                spans.append((start, end, replacement, what))

        for start, end in _override_runs(text):
            add(start, end, to_display(text[start:end]), "文字方向覆盖控制符（显示顺序与文字顺序相反）")
        for m in _ESCAPE_RE.finditer(text):
            add(m.start(), m.end(), "", "终端转义序列")
        for m in _CONTROL_RE.finditer(text):
            add(m.start(), m.end(), "", "控制字符")
        for m in _BIDI_RE.finditer(text):
            add(m.start(), m.end(), "", "文字方向控制符")
        for m in _ZERO_WIDTH_RE.finditer(text):
            if m.start() == 0 and m.group() == "\ufeff":
                continue  # a byte-order mark at the very start is file encoding, not content
            if not _emoji_joiner(text, m.start(), m.end()):
                add(m.start(), m.end(), "", "零宽字符")
        for m in _MD_IMAGE_RE.finditer(text):
            add(m.start(), m.end(), "", "Markdown 图片")
        for m in _MD_LINK_RE.finditer(text):
            add(m.start(), m.end(), f"{m.group('label')} {m.group('url')}", "Markdown 链接")
        for m in _MD_REF_RE.finditer(text):
            add(m.start(), m.end(), m.group("label"), "Markdown 引用式链接")
        for m in _MD_REF_DEF_RE.finditer(text):
            add(m.start(), m.end(), m.group("url"), "Markdown 链接定义")
        for m in _AUTOLINK_RE.finditer(text):
            add(m.start(), m.end(), m.group("url"), "尖括号链接")
        for m in _MD_EMPHASIS_RE.finditer(text):
            if _masked_names(text, m):
                continue
            add(
                m.start(),
                m.end(),
                m.group("bold") or m.group("under") or m.group("code") or "",
                "Markdown 强调标记",
            )
        for m in _MD_LINE_RE.finditer(text):
            add(m.start(), m.end(), "", "Markdown 标题或分隔线")
        for m in HTML_TAG_RE.finditer(text):
            add(m.start(), m.end(), "", "HTML 标签")
        for m in _ENTITY_RE.finditer(text):
            add(m.start(), m.end(), "", "HTML 实体")
        for start, end, replacement, what in sorted(spans):
            yield self.finding(
                msg,
                start,
                end,
                message=f"短信含有{what}：手机上会原样显示或改变显示内容，短信应为纯文本",
                fix=Fix("safe", replacement, "删除标记与隐藏字符" if not replacement else "改为纯文本"),
            )
