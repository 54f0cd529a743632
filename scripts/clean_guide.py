#!/usr/bin/env python3
"""Turn the scraped compliance guide into ``knowledge/guide.md``.

The seed (``shared/seeds/guide-financial-sms-compliance.txt``) is a web page saved as
text: traditional characters, site chrome (spam line, site name, navigation, phone
numbers, "扫一扫", breadcrumb, publish line, "延伸阅读", footer, copyright and licence
number) and pinyin debris left by the page's ruby markup (``發(fā)``, ``業(yè)``).

This script is the only way ``knowledge/guide.md`` is produced, so the file can always
be regenerated and reviewed against the seed::

    .venv/bin/python scripts/clean_guide.py [--seed PATH] [--out PATH]

Steps, in order:

1. drop the pinyin debris (a parenthesised run of lower-case pinyin right after a CJK
   character);
2. convert traditional to simplified characters with OpenCC ``t2s.json``;
3. drop the site chrome line by line, and everything from "延伸阅读" on;
4. normalise punctuation inside Chinese text to full width (the page uses ASCII ``,``
   ``:`` ``(`` ``)`` and ``"``): ``,`` → ``，``, ``:`` → ``：`` (not between digits),
   ``(…)`` → ``（…）`` when the brackets hold Chinese, ``"…"`` → ``“…”``;
5. give the article Markdown structure: the title as ``# ``, the sections 一、… as
   ``## ``, short numbered items without a colon (``1. 信贷服务类``) as ``### ``, other
   numbered items as ordered list items, ①…⑩ items and short label lines as ``- `` items,
   everything else as paragraphs;
6. write YAML front matter with one entry per section and numbered sub-point
   (``GUIDE-1``, ``GUIDE-1.1``, ``GUIDE-2.1`` …) so that rules can cite them.

The output depends only on the seed and this file (no dates, no environment), so running
the script twice gives byte-identical output.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = REPO_ROOT.parent / "shared" / "seeds" / "guide-financial-sms-compliance.txt"
DEFAULT_OUT = REPO_ROOT / "knowledge" / "guide.md"

GUIDE_ID = "guide"
SITE_NAME = "九天企信王"

# --------------------------------------------------------------------------- step 1: pinyin

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
PINYIN_DEBRIS_RE = re.compile(rf"(?<=[{_CJK}])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def strip_pinyin(text: str) -> str:
    """``發(fā)布`` → ``發布``: remove ruby pinyin left after a character."""
    return PINYIN_DEBRIS_RE.sub("", text)


# --------------------------------------------------------------------------- step 2: t2s

_CONVERTER = None


def to_simplified(text: str) -> str:
    global _CONVERTER
    if _CONVERTER is None:
        import opencc

        _CONVERTER = opencc.OpenCC("t2s.json")
    return _CONVERTER.convert(text)


# --------------------------------------------------------------------------- step 3: chrome

# Each pattern is matched (re.search) against a stripped, simplified line; a match drops
# the whole line.  Named so that a reviewer can see why a line went.
NOISE_PATTERNS: dict[str, re.Pattern[str]] = {
    # SEO spam injected at the top of the page (adult-video keywords).
    "spam": re.compile(r"影院|字幕|成人|高潮|精品|免费视频|在线播放"),
    # Site name / page title of the vendor site.
    "site_name": re.compile(rf"^(短信群发-)?{SITE_NAME}$"),
    # Phone numbers (the 电话 line also carries the vendor's slogan).
    "phone": re.compile(r"^电话[:：]|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)"),
    # Top and bottom navigation bars.
    "nav": re.compile(r"^首\s*页"),
    # "Scan the QR code" widgets.
    "scan": re.compile(r"扫一扫"),
    # Vendor tagline.
    "tagline": re.compile(rf"^{SITE_NAME}.*平台"),
    # Breadcrumb.
    "breadcrumb": re.compile(r"^您的位置[:：]"),
    # Publish line (date, source, author go into the front matter instead).
    "publish": re.compile(r"^发布时间[:：]"),
    # Footer advert and legal lines.
    "footer_ad": re.compile(r"无条件退款"),
    "copyright": re.compile(r"版权所有"),
    "licence": re.compile(r"许可证编号"),
}

# Everything from this line on is related links and footer.
FOOTER_START_RE = re.compile(r"^延伸阅读$")
PUBLISH_RE = re.compile(
    r"发布时间[:：]\s*(?P<date>\d{4}-\d{2}-\d{2})\s*来源[:：]\s*(?P<source>.+?)\s*作者[:：]\s*(?P<author>\S+)"
)
TITLE_LINE_RE = re.compile(r"^【(?P<title>[^【】]+)】$")


def noise_reason(line: str) -> str | None:
    for name, pattern in NOISE_PATTERNS.items():
        if pattern.search(line):
            return name
    return None


# --------------------------------------------------------------------------- step 4: punctuation

_QUOTE_RE = re.compile(r'"([^"\n]*)"')
_PAREN_RE = re.compile(rf"\(([^()\n]*[{_CJK}][^()\n]*)\)")
_COMMA_RE = re.compile(r"(?<!\d),|,(?!\d)")
_COLON_RE = re.compile(r"(?<!\d):|:(?!\d)")


def normalise_punctuation(text: str) -> str:
    text = _QUOTE_RE.sub(r"“\1”", text)
    text = _PAREN_RE.sub(r"（\1）", text)
    text = _COMMA_RE.sub("，", text)
    text = _COLON_RE.sub("：", text)
    text = re.sub(r"(?<=[^\x00-\x7f]);|;(?=[^\x00-\x7f])", "；", text)
    text = re.sub(r"(?<=[^\x00-\x7f])!", "！", text)
    text = re.sub(r"(?<=[^\x00-\x7f])\?", "？", text)
    return text


# --------------------------------------------------------------------------- step 5: structure

SECTION_RE = re.compile(r"^(?P<num>[一二三四五六七八九十]+)、\s*(?P<text>.+)$")
NUMBERED_RE = re.compile(r"^(?P<num>\d{1,2})\s*[.)．）]\s*(?P<text>.+)$")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
CIRCLED_RE = re.compile(rf"^(?P<num>[{CIRCLED}])\s*(?P<text>.+)$")
# Lines introducing a case or a tip stay paragraphs, even when short.
NOTE_LABEL_RE = re.compile(r"^(重点案例|实操建议|技术要点)：")
SENTENCE_END = "。！？：…"
SHORT_LINE_MAX = 30  # a line this short without sentence-final punctuation is a list item
SUBHEADING_MAX = 12  # a numbered item this short without a colon is a sub-heading

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_numeral(num: str) -> int:
    if num == "十":
        return 10
    if num.startswith("十"):
        return 10 + _CN_DIGITS[num[1]]
    if "十" in num:
        tens, _, ones = num.partition("十")
        return _CN_DIGITS[tens] * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[num]


@dataclass(frozen=True)
class Block:
    kind: str  # title | h2 | h3 | ol | ul | p
    text: str  # rendered Markdown line (without trailing newline)
    anchor: str  # the text a section entry points at ("" when none)
    section_id: str = ""  # GUIDE-n / GUIDE-n.m when this block is a citable point


def build_blocks(lines: list[str], title: str) -> list[Block]:
    blocks: list[Block] = [Block("title", f"# {title}", title)]
    section = 0
    for line in lines:
        if (m := SECTION_RE.match(line)) is not None:
            section = chinese_numeral(m["num"])
            heading = f"{m['num']}、{m['text'].strip()}"
            blocks.append(Block("h2", f"## {heading}", heading, f"GUIDE-{section}"))
            continue
        if (m := NUMBERED_RE.match(line)) is not None:
            num, body = int(m["num"]), m["text"].strip()
            sid = f"GUIDE-{section}.{num}" if section else ""
            if "：" not in body and len(body) <= SUBHEADING_MAX:
                heading = f"{num}. {body}"
                blocks.append(Block("h3", f"### {heading}", heading, sid))
            else:
                label = body.split("：", 1)[0] if "：" in body else body
                blocks.append(Block("ol", f"{num}. {body}", f"{num}. {label}", sid))
            continue
        if (m := CIRCLED_RE.match(line)) is not None:
            num = CIRCLED.index(m["num"]) + 1
            item = f"{m['num']} {m['text'].strip()}"
            sid = f"GUIDE-{section}.{num}" if section else ""
            blocks.append(Block("ul", f"- {item}", item, sid))
            continue
        if (
            not NOTE_LABEL_RE.match(line)
            and len(line) <= SHORT_LINE_MAX
            and not line.endswith(tuple(SENTENCE_END))
        ):
            blocks.append(Block("ul", f"- {line}", ""))
            continue
        blocks.append(Block("p", line, ""))
    return blocks


def render_blocks(blocks: list[Block]) -> str:
    out: list[str] = []
    prev: str | None = None
    for block in blocks:
        is_list = block.kind in ("ol", "ul")
        same_list = is_list and prev == block.kind
        if out and not same_list:
            out.append("")
        out.append(block.text)
        prev = block.kind
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- front matter

# One short line per citable point.  Keys must match the structure found in the seed;
# a missing or unused key is an error, so a changed seed cannot silently drop a point.
SUMMARIES: dict[str, str] = {
    "GUIDE-1": "金融短信按《通信短信息服务管理规定》分为信贷、保险、财税三类合规业务领域。",
    "GUIDE-1.1": "信用卡账单与贷款还款提醒；贷款提醒需持牌机构资质。",
    "GUIDE-1.2": "车险续费提醒需保险经纪资质备案；健康险产品说明须附官方链接。",
    "GUIDE-1.3": "个税申报提醒需对接税务系统，企业年报通知需工商资质；签名采用“单位全称+【】”。",
    "GUIDE-2": "七类禁止发送的内容（高压线清单）。",
    "GUIDE-2.1": "禁止股票推荐类信息（荐股、内幕消息等）。",
    "GUIDE-2.2": "禁止贵金属交易信息（伦敦金、现货交易等）。",
    "GUIDE-2.3": "禁止虚拟货币相关宣传。",
    "GUIDE-2.4": "禁止外汇保证金交易信息。",
    "GUIDE-2.5": "禁止非法集资项目宣传。",
    "GUIDE-2.6": "禁止宣传未经批准的金融产品。",
    "GUIDE-2.7": "禁止高收益理财承诺，指南以年化收益超过8%为例（指南自身的经验标准，非法律）。",
    "GUIDE-3": "合规通道需金融许可证与增值电信业务许可证、AI+人工审核，并采用“三三制”运营。",
    "GUIDE-3.1": "建立3套不同版本的话术库。",
    "GUIDE-3.2": "分3个时间段测试用户响应。",
    "GUIDE-3.3": "准备3种合规内容替换预案。",
    "GUIDE-4": "内容创作的三条法则：信息透明、价值传递、交互设计。",
    "GUIDE-4.1": "贷款产品短信完整标注年化利率区间。",
    "GUIDE-4.2": "把产品特征转化为用户可感知的收益表述。",
    "GUIDE-4.3": "短链接须跳转至ICP备案官网，不得设置诱导转发机制。",
    "GUIDE-5": "风险防控的六个关键点。",
    "GUIDE-5.1": "用户授权采用短信、电话、书面三重确认。",
    "GUIDE-5.2": "同一用户每月接收营销信息不超过3条。",
    "GUIDE-5.3": "严格执行“回T退订”退订规范。",
    "GUIDE-5.4": "原始发送记录至少保存6个月。",
    "GUIDE-5.5": "建立负面舆情应急响应机制。",
    "GUIDE-5.6": "每季度开展内容合规性自查。",
    "GUIDE-6": "行业趋势：精准画像、场景融合、智能交互。",
    "GUIDE-6.1": "结合用户金融行为数据做定制化推送。",
    "GUIDE-6.2": "在支付场景中嵌入即时提醒服务（如大额交易验证）。",
    "GUIDE-6.3": "应用自然语言处理实现双向沟通。",
}


def section_sort_key(section_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in section_id.removeprefix("GUIDE-").split("."))


def build_front_matter(blocks: list[Block], title: str, source: str) -> str:
    sections = [b for b in blocks if b.section_id]
    ids = [b.section_id for b in sections]
    if len(ids) != len(set(ids)):
        raise ValueError(f"duplicate guide section ids: {ids}")
    missing = sorted(set(ids) - set(SUMMARIES), key=section_sort_key)
    unused = sorted(set(SUMMARIES) - set(ids), key=section_sort_key)
    if missing or unused:
        raise ValueError(f"guide sections and summaries disagree: missing={missing} unused={unused}")
    data = {
        "id": GUIDE_ID,
        "title": title,
        "source": source,
        "confidence": "guide",
        "sections": [
            {"id": b.section_id, "heading": b.anchor, "summary": SUMMARIES[b.section_id]}
            for b in sorted(sections, key=lambda b: section_sort_key(b.section_id))
        ],
    }
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    return f"---\n{dumped}---\n"


# --------------------------------------------------------------------------- driver


def clean_guide(raw: str) -> str:
    """Return the full text of ``knowledge/guide.md`` for the raw seed text."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = to_simplified(strip_pinyin(text))

    meta = PUBLISH_RE.search(text)
    if meta is None:
        raise ValueError("publish line (发布时间/来源/作者) not found in the seed")
    source = f"{meta['source']}（网页，{meta['date']}，作者：{meta['author']}）"

    title: str | None = None
    body: list[str] = []
    for raw_line in text.split("\n"):
        line = re.sub(r"[ \t\u3000\u00a0]+", " ", raw_line).strip()
        if not line:
            continue
        if FOOTER_START_RE.match(line):
            break
        if noise_reason(line) is not None:
            continue
        if (m := TITLE_LINE_RE.match(line)) is not None:
            if title is None:
                title = m["title"].strip()
            continue  # repeated title lines
        body.append(normalise_punctuation(line))
    if title is None:
        raise ValueError("article title (a line 【…】) not found in the seed")

    blocks = build_blocks(body, title)
    return build_front_matter(blocks, title, source) + "\n" + render_blocks(blocks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="scraped page (default: %(default)s)")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output Markdown (default: %(default)s)"
    )
    args = parser.parse_args(argv)

    raw = args.seed.read_text(encoding="utf-8")
    result = clean_guide(raw)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(result, encoding="utf-8", newline="\n")
    print(f"wrote {args.out} ({len(result)} characters)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
