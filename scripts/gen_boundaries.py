"""Generate ``knowledge/rules/_boundaries.yaml``: word boundaries for two-character triggers,
for the two-character words a claim family's hit starts with, and for the kind decision's
two-character cue words.

A two-character trigger such as 保本 must not fire where its characters belong to two
different words: 投保|本产品, 确保|本人, 参保|本期.  Segmenting every message with jieba
would decide that correctly but costs a dictionary load (~0.7 s) and a DP per clause; the
checker must stay fast.  So the decision is precomputed from jieba's own dictionary:

* ``left``: frequent two-character words that end with the trigger's first character
  (投保, 确保, 担保 for 保本);
* ``right``: frequent words that start with the trigger's second character
  (本人, 本期, 本产品 for 保本).

At check time a hit is a straddle — not the word — when the character before it forms a
``left`` word with the trigger's first character AND the text from the trigger's second
character on starts a ``right`` word.  Requiring both keeps real uses firing
(承诺保本收益: 诺保 is no word).  Reproducible: ``python scripts/gen_boundaries.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402
import yaml  # noqa: E402

from assistant.checker.rulespec import load_rule_specs  # noqa: E402
from assistant.text.homophones import is_cjk  # noqa: E402
from assistant.text.normalize import normalize_term  # noqa: E402

MIN_FREQ = 100  # jieba's frequency scale: keeps common words, drops rare compounds
#: Words of financial SMS that jieba's general dictionary lacks or ranks low.
DOMAIN_WORDS = {
    "投保",
    "参保",
    "续保",
    "承保",
    "退保",
    "医保",
    "社保",
    "车保",
    "理赔",
    "本行",
    "大额",
    "大额存单",
    "本产品",
    "本公司",
    "本账户",
    "本单",
    "本保单",
    "本卡",
    "本金额",
    "本网点",
    "本平台",
    "本活动",
    "本短信",
    "本通知",
    "本页",
    "本合同",
    "本业务",
    # the determiner 本 before a count or a period (确保|本笔交易, 社保|本年度 — rt181; not 本计划: 确保本计划
    # 每季收益按时分配 is a guarantee the boundary must not hide — rt184)
    "本笔",
    "本年度",
    "本号码",
    # (three characters: the table reads a right word of two or three — 确保|本手机号 — rt186)
    "本手机",
    # each period's benefits, a coupon's code (每期|权益 is no 期权, 验证|券码 no 证券 — rt201)
    "每期",
    "券码",
    "券包",
    # a city health plan's name ends in this (惠民保|本月开放 — rt201; not 惠保: 特惠|保本金 — rt203)
    "民保",
    # the insured vehicle (续保|本车车险, 承保|本车 — rt195)
    "本车",
    "本车辆",
    # a new number, card or password announced in a notice (拨打|新号码 is no 打新)
    "新号码",
    "新卡",
    "新密码",
    "新手机",
    "新地址",
    "新版",
    "新热线",
}
OUT = ROOT / "knowledge" / "rules" / "_boundaries.yaml"


def _two_chinese(key: str) -> bool:
    """A key this table can hold: two Chinese characters (a trigger, a family's slot word or a
    kind cue word; longer words do not straddle two words the way the check reads)."""
    return len(key) == 2 and all(is_cjk(c) for c in key)


def main() -> int:
    words: dict[str, int] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                words[parts[0]] = int(parts[1])
    frequent = {w for w, f in words.items() if f >= MIN_FREQ and all("\u4e00" <= c <= "\u9fff" for c in w)}
    frequent |= DOMAIN_WORDS
    triggers: set[str] = set()
    family_keys: set[str] = set()
    all_terms: set[str] = set()
    for spec in load_rule_specs():
        for term in spec.terms:
            if term.family is not None:
                continue
            key = normalize_term(term.term)
            all_terms.add(key)
            if _two_chinese(key):
                triggers.add(key)
        # a claim family's hit starts at a word of its first slot (of either slot when it may be
        # reversed): 个人|大额 is no 人大, 家人|行车 no 人行, 中国|家庭 no 国家 (rt177)
        for family in spec.families:
            slots = [family.slots[0]] + ([family.slots[-1]] if family.reverse_gap is not None else [])
            for slot in slots:
                for word in slot:
                    key = normalize_term(str(word))
                    if _two_chinese(key):
                        family_keys.add(key)
    # the kind decision's two-character cue words too (重新|发起 is no 新发, 灵活|动用 no 活动): the
    # kind evidence skips a straddling cue as the detectors skip a straddling trigger
    context = yaml.safe_load((ROOT / "knowledge" / "rules" / "_context.yaml").read_text(encoding="utf-8"))
    for families in (context.get("kind_evidence") or {}).values():
        for family in families.values():
            for word in family.get("words") or []:
                key = normalize_term(str(word))
                if _two_chinese(key):
                    triggers.add(key)
    out: dict[str, dict[str, list[str]]] = {}
    for t in sorted(triggers | family_keys):
        # (a family's slot word: the word after it may be a trigger of its own, 个人|大额 — the
        # family's other slots, not its neighbours, make the claim)
        terms = all_terms if t in triggers else set()
        left = sorted(w for w in frequent if len(w) == 2 and w[1] == t[0] and w != t and w not in terms)
        right = sorted(w for w in frequent if 2 <= len(w) <= 3 and w[0] == t[1] and w != t and w not in terms)
        if left and right:
            out[t] = {"left": left, "right": right}
    header = (
        "# GENERATED by scripts/gen_boundaries.py from jieba's dictionary; do not edit by hand.\n"
        "# Two-character triggers and the words their characters can belong to instead\n"
        "# (see the script's docstring): a hit is skipped when it straddles a left and a right word.\n"
    )
    OUT.write_text(
        header + yaml.safe_dump(out, allow_unicode=True, width=120, sort_keys=True), encoding="utf-8"
    )
    print(f"wrote {len(out)} triggers to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
