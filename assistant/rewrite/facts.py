"""Facts a rewrite must keep, and figures it must not invent (REW001 / REW002).

A copywriter's draft carries facts the customer relies on: the amount due, the due date,
the card tail, the hotline, the official link, the product's name.  A rewrite that
changes any of them is wrong however compliant it reads, so facts are extracted from
both texts and compared by *value* (1,200.00元 == 1200元, 12月3日 == 2026年12月3日).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.checker.recognizers import (
    PRODUCT_RE,
    SIGNATURE_HEAD_RE,
    SIGNATURE_TAIL_RE,
    find_urls,
    plausible_product_name,
    signature_name_ok,
    strip_leading_noise,
)
from assistant.text.normalize import fold, normalize
from assistant.text.numbers import parse_cn_number

FACT_LABELS = {
    "amount": "金额",
    "date": "日期",
    "time": "时间",
    "tail": "尾号",
    "phone": "电话",
    "url": "链接",
    "product": "产品名称",
    "rate": "利率/比例",
    "signature": "签名",
}

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_AMOUNT_RE = re.compile(
    rf"(?:[¥￥]\s*(?P<a1>{_NUM})|(?P<a2>{_NUM})\s*(?P<unit>亿元|亿|万元|万|千元|千|元|块))"
)
_UNITS = {"亿元": 1e8, "亿": 1e8, "万元": 1e4, "万": 1e4, "千元": 1e3, "千": 1e3, "元": 1, "块": 1, "": 1}
_DATE_RE = re.compile(
    r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    r"|(?P<y2>\d{4})[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})"
)
_TIME_RE = re.compile(
    r"(?<!\d)(?P<h>[01]?\d|2[0-4])\s*[:：]\s*(?P<mi>[0-5]\d)(?!\d)|(?P<h2>\d{1,2})\s*[点时](?:(?P<mi2>\d{1,2})分|(?P<half>半))?"
)
_TAIL_RE = re.compile(r"尾号\s*[为是:：]?\s*(?P<t>\d{3,4})")
_PHONE_RE = re.compile(
    r"(?<!\d)(?P<p>1[3-9]\d{9}|400[- ]?\d{3}[- ]?\d{4}|800[- ]?\d{3}[- ]?\d{4}|95\d{3,4}|0\d{2,3}[- ]?\d{7,8})(?!\d)"
)
_RATE_RE = re.compile(rf"(?P<r>{_NUM})\s*[%％]")
_QUOTED_RE = re.compile(r"[《“\"「](?P<q>[^》”\"」]{2,24})[》”\"」]")
_NUMBER_RE = re.compile(r"(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?")
# Figures written in Chinese numerals next to a money, percent or multiple unit
# (百分之二十, 两千元, 三倍): an invented 两千元罚息 is as invented as 2000元.
_CN = "零〇一二两三四五六七八九十百千万亿点"
_CN_FIGURE_RE = re.compile(
    rf"百分之(?P<p>[{_CN}]+)|(?<![\d.{_CN}])(?P<n>[零〇一二两三四五六七八九十][{_CN}]*)(?=[元块倍折]|个点)"
)


@dataclass(frozen=True, slots=True)
class Fact:
    kind: str
    value: str  # normalised for comparison
    text: str  # as written
    start: int
    end: int

    @property
    def label(self) -> str:
        return FACT_LABELS.get(self.kind, self.kind)


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def _fmt(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def extract_facts(text: str, products: list[str] | None = None) -> list[Fact]:
    """Facts in ``text`` (spans index ``text``).  Folding first: ９月３日 is a date too."""
    folded = fold(text)
    facts: list[Fact] = []

    def add(kind: str, value: str, start: int, end: int) -> None:
        facts.append(Fact(kind, value, text[start:end], start, end))

    urls = find_urls(normalize(text))
    for start, end, _host, url in urls:
        add("url", url.lower().removeprefix("https://").removeprefix("http://").rstrip("/"), start, end)
    url_spans = [(s, e) for s, e, _, _ in urls]

    def in_url(pos: int) -> bool:
        return any(s <= pos < e for s, e in url_spans)

    for m in _AMOUNT_RE.finditer(folded):
        if in_url(m.start()):
            continue
        raw = m.group("a1") or m.group("a2")
        add("amount", _fmt(_num(raw) * _UNITS[m.group("unit") or ""]), m.start(), m.end())
    for m in _DATE_RE.finditer(folded):
        month, day = (m.group("m"), m.group("d")) if m.group("m") else (m.group("m2"), m.group("d2"))
        add("date", f"{int(month)}-{int(day)}", m.start(), m.end())
    for m in _TIME_RE.finditer(folded):
        if in_url(m.start()):
            continue
        if m.group("h") is not None:
            hour, minute = int(m.group("h")), int(m.group("mi"))
        else:
            hour = int(m.group("h2"))
            minute = 30 if m.group("half") else int(m.group("mi2") or 0)
        if hour > 24:
            continue
        add("time", f"{hour}:{minute:02d}", m.start(), m.end())
    for m in _TAIL_RE.finditer(folded):
        add("tail", m.group("t"), m.start("t"), m.end("t"))
    for m in _PHONE_RE.finditer(folded):
        if in_url(m.start()):
            continue
        add("phone", re.sub(r"\D", "", m.group("p")), m.start(), m.end())
    for m in _RATE_RE.finditer(folded):
        if not in_url(m.start()):
            add("rate", _fmt(_num(m.group("r"))), m.start(), m.end())
    for sig in (SIGNATURE_HEAD_RE.match(folded), SIGNATURE_TAIL_RE.search(folded)):
        if sig and signature_name_ok(sig.group(1)):
            add("signature", sig.group(1), sig.start(1), sig.end(1))
            break
    for m in PRODUCT_RE.finditer(folded):
        name, start = strip_leading_noise(m.group(), m.start())
        if plausible_product_name(name):
            add("product", name, start, m.end())
    for name in products or []:
        for m in re.finditer(re.escape(fold(name)), folded):
            add("product", fold(name), m.start(), m.end())
    for m in _QUOTED_RE.finditer(folded):
        add("product", m.group("q"), m.start("q"), m.end("q"))
    return facts


def numbers_in(text: str) -> list[tuple[str, int, int]]:
    """Every figure written with digits (value normalised, span), outside links."""
    folded = fold(text)
    url_spans = [(s, e) for s, e, _, _ in find_urls(normalize(text))]
    out = []
    for m in _NUMBER_RE.finditer(folded):
        if any(s <= m.start() < e for s, e in url_spans):
            continue
        out.append((_fmt(_num(m.group())), m.start(), m.end()))
    for m in _CN_FIGURE_RE.finditer(folded):
        value = parse_cn_number(m.group("p") or m.group("n"))
        if value is not None:
            out.append((_fmt(value), m.start(), m.end()))
    return out


def figure_values(text: str) -> set[str]:
    """All values a figure in ``text`` may legitimately be written as in a rewrite.

    A rewrite may restate 1.2万元 as 12000元, so amounts contribute their scaled value
    as well as their digits.
    """
    values = {v for v, _, _ in numbers_in(text)}
    # Masking a card or ID number keeps its last digits (尾号6783): not an invented figure.
    for digits in re.findall(r"\d[\d \-]{7,}[\dxX]", fold(text)):
        tail = re.sub(r"[ \-]", "", digits)[-4:]
        if tail.isdigit():
            values.update({tail, _fmt(float(tail))})
    for fact in extract_facts(text):
        if fact.kind == "amount":
            values.add(fact.value)
            for unit in (1e4, 1e3):
                values.add(_fmt(float(fact.value) / unit))
        if fact.kind == "date":
            values.update(fact.value.split("-"))
        if fact.kind == "time":
            hour, minute = fact.value.split(":")
            values.update({hour, str(int(minute)), minute})
        if fact.kind in ("phone", "tail"):
            values.add(fact.value)
    return values
