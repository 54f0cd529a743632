"""Tests for scripts/clean_guide.py and the committed knowledge/guide.md.

The seed is found through ``ASSISTANT_GUIDE_SEED`` or, by default, at
``<repo>/../shared/seeds/guide-financial-sms-compliance.txt``.  Tests that need the seed
are skipped only when that file is absent; the checks on the committed guide.md run
regardless.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
SCRIPT = REPO_ROOT / "scripts" / "clean_guide.py"
GUIDE_MD = REPO_ROOT / "knowledge" / "guide.md"
DEFAULT_SEED = REPO_ROOT.parent / "shared" / "seeds" / "guide-financial-sms-compliance.txt"


def _seed_path() -> Path:
    env = os.environ.get("ASSISTANT_GUIDE_SEED")
    return Path(env) if env else DEFAULT_SEED


def _load_script():
    spec = importlib.util.spec_from_file_location("clean_guide", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def clean_guide():
    return _load_script()


@pytest.fixture(scope="module")
def cleaned(clean_guide) -> str:
    seed = _seed_path()
    if not seed.is_file():
        pytest.skip(f"guide seed not found at {seed} (set ASSISTANT_GUIDE_SEED)")
    return clean_guide.clean_guide(seed.read_text(encoding="utf-8"))


def _split_front_matter(text: str) -> tuple[dict, str]:
    lines = text.split("\n")
    assert lines[0] == "---", "guide.md must start with YAML front matter"
    end = lines.index("---", 1)
    return yaml.safe_load("\n".join(lines[1:end])), "\n".join(lines[end + 1 :])


# Key content sentences of the guide, as they must read after conversion to simplified
# characters.  The script turns the page's ASCII punctuation inside Chinese text into
# full-width punctuation (, → ， : → ： (…) → （…） "…" → “…”), so these use full width.
KEY_SENTENCES = [
    "在移动互联网时代，短信服务依然是金融机构触达客户的重要桥梁。",
    "根据《通信短信息服务管理规定》，金融类短信被细分为三大合规领域：",
    "贷款还款提醒（需持牌机构资质）",
    "车险续费提醒（需保险经纪资质备案）",
    "健康险产品说明（必须附官方链接）",
    "个税申报提醒（需与税务部门系统对接）",
    "企业年报通知（需工商资质认证）",
    "必须采用“单位全称+【】”的固定签名格式",
    "从业者需特别注意7类禁止发送内容：",
    "股票推荐类信息（荐股、内幕消息等）",
    "贵金属交易信息（伦敦金、现货交易等）",
    "虚拟货币相关宣传",
    "外汇保证金交易",
    "非法集资项目",
    "未经批准的金融产品",
    "高收益理财承诺（如年化收益超过8%）",
    "某第三方支付平台曾因发送“外汇套利”短信被处以120万元罚款",
    "需提供金融许可证+增值电信业务许可证",
    "完整标注年化利率区间，投诉率下降42%",
    "附带的短链接需跳转至ICP备案官网，且不得设置诱导转发机制",
    "建立三重确认机制（短信+电话+书面）",
    "同一用户月接收不超过3条营销信息",
    "严格执行“回T退订”规范",
    "保存原始发送记录至少6个月",
    "每季度开展内容合规性自查",
    "唯有坚守合规底线，才能在数字经济浪潮中行稳致远。",
]

REQUIRED_SECTION_IDS = (
    ["GUIDE-1", "GUIDE-1.1", "GUIDE-1.2", "GUIDE-1.3", "GUIDE-2"]
    + [f"GUIDE-2.{i}" for i in range(1, 8)]
    + ["GUIDE-3", "GUIDE-4", "GUIDE-4.1", "GUIDE-4.2", "GUIDE-4.3", "GUIDE-5"]
    + [f"GUIDE-5.{i}" for i in range(1, 7)]
    + ["GUIDE-6"]
)


def test_pinyin_debris_helper(clean_guide):
    assert clean_guide.strip_pinyin("發(fā)布 業(yè)務 聯(lián)系 合規(guī)") == "發布 業務 聯系 合規"
    # ordinary parentheses survive
    assert clean_guide.strip_pinyin("收益(如年化8%) 利率(IRR)") == "收益(如年化8%) 利率(IRR)"


def test_no_traditional_characters(cleaned):
    for char in "發業聯計貸險規監續統執區創穩節戰態務關網":
        assert char not in cleaned, f"traditional character {char} left in guide"


def test_no_pinyin_debris(cleaned):
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", cleaned)
    for debris in ("(fā)", "(yè)", "(lián)", "(guī)"):
        assert debris not in cleaned


def test_no_site_chrome(cleaned):
    for junk in (
        "影院",
        "字幕",
        "010-82028588",
        "82028378",
        "扫一扫",
        "您的位置",
        "发布时间",
        "延伸阅读",
        "无条件退款",
        "版权所有",
        "增值电信许可证编号",
        "京B2-20060060",
        "complaintb",
        "短信群发",
        "平台介绍",
    ):
        assert junk not in cleaned, f"site chrome {junk!r} left in guide"


def test_key_sentences_present(cleaned):
    assert len(KEY_SENTENCES) >= 15
    missing = [s for s in KEY_SENTENCES if s not in cleaned]
    assert not missing, f"content sentences missing from guide: {missing}"


def test_punctuation_is_full_width_in_body(cleaned):
    _, body = _split_front_matter(cleaned)
    assert not re.search(r'[,:"]', body)
    assert "（" in body and "“" in body


def test_structure(cleaned):
    _, body = _split_front_matter(cleaned)
    lines = body.split("\n")
    assert "# 金融行业短信服务的合规指南与实操手册" in lines
    assert sum(1 for line in lines if line.startswith("# ")) == 1
    h2 = [line for line in lines if line.startswith("## ")]
    assert h2 == [
        "## 一、政策框架下的业务空间",
        "## 二、高压线警示清单",
        "## 三、通道资源的正确打开方式",
        "## 四、内容创作的黄金法则",
        "## 五、风险防控的六个关键点",
        "## 六、行业发展的三大趋势",
    ]
    assert "### 1. 信贷服务类" in lines
    assert "### 2. 保险服务类" in lines
    assert "### 3. 财税服务类" in lines
    assert "- ⑦ 高收益理财承诺（如年化收益超过8%）" in lines
    assert "2. 发送频率控制：同一用户月接收不超过3条营销信息" in lines


def test_front_matter(cleaned):
    meta, body = _split_front_matter(cleaned)
    assert meta["id"] == "guide"
    assert meta["title"] == "金融行业短信服务的合规指南与实操手册"
    assert meta["source"] == "九天企信王（网页，2025-08-03，作者：望春风）"
    assert meta["confidence"] == "guide"
    ids = [s["id"] for s in meta["sections"]]
    assert len(ids) == len(set(ids))
    assert set(REQUIRED_SECTION_IDS) <= set(ids)
    body_lines = body.split("\n")
    for section in meta["sections"]:
        assert set(section) == {"id", "heading", "summary"}
        assert section["summary"].strip()
        heading = section["heading"]
        # The heading is a whole heading or list item, or the label of a "label：text" item.
        texts = [re.sub(r"^(#{1,3} |- )", "", line) for line in body_lines]
        assert any(t == heading or t.startswith(heading + "：") for t in texts), (
            f"heading of {section['id']} not found in guide body: {heading!r}"
        )
    by_id = {s["id"]: s["heading"] for s in meta["sections"]}
    assert by_id["GUIDE-1.1"] == "1. 信贷服务类"
    assert by_id["GUIDE-2"] == "二、高压线警示清单"
    assert by_id["GUIDE-5.2"] == "2. 发送频率控制"


def test_deterministic(clean_guide, cleaned):
    raw = _seed_path().read_text(encoding="utf-8")
    assert clean_guide.clean_guide(raw) == cleaned


def test_committed_guide_matches_generated(cleaned):
    assert GUIDE_MD.is_file(), "knowledge/guide.md missing: run scripts/clean_guide.py"
    committed = GUIDE_MD.read_text(encoding="utf-8")
    assert committed == cleaned, "knowledge/guide.md is stale: rerun scripts/clean_guide.py"


def test_script_cli_writes_same_output(clean_guide, cleaned, tmp_path):
    out = tmp_path / "guide.md"
    assert clean_guide.main(["--seed", str(_seed_path()), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == cleaned


def test_committed_guide_is_clean_without_seed():
    """Runs even where the seed is absent: the shipped file itself must be clean."""
    text = GUIDE_MD.read_text(encoding="utf-8")
    meta, _ = _split_front_matter(text)
    assert set(REQUIRED_SECTION_IDS) <= {s["id"] for s in meta["sections"]}
    assert not re.search(r"[發業聯計貸險規]|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", text)
    for junk in ("影院", "字幕", "010-82028588", "版权所有", "增值电信许可证编号"):
        assert junk not in text
    assert "同一用户月接收不超过3条营销信息" in text
