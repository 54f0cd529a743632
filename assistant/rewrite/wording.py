"""The gate's word-level fact checks (REW001): what a rewrite may not turn around, drop or
narrow while every figure stays in place.

* opposite words where the draft had the other, found by aligning the changed stretches
  (每月限 → 每周限, 将于 → 已于), and one-character flips in small edits (内 → 后, 已 → 将,
  且 → 或, a negation added or dropped, a weekday, a period added);
* statuses negated (已扣款 → 不会…扣款), conditions kept (新客, 首次, 指定, 需…报名, 以…为准,
  the risk rating), disclosures and safety instructions kept in other words of the same shape.

Split from :mod:`assistant.rewrite.gate`, which runs these with REW002–REW004; the word lists
are REW001's rule data (``knowledge/rules/REW001.yaml``).
"""

from __future__ import annotations

import difflib
import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.checker.rulespec import load_rule_specs, rule_spec
from assistant.text.figures import read_figures
from assistant.text.normalize import fold, normalize
from assistant.text.numbers import parse_number

if TYPE_CHECKING:
    from assistant.checker.engine import Checker
    from assistant.checker.models import Finding


#: Longest variant the character diff runs on; beyond it, all of a variant counts as added.
DIFF_LIMIT = 4000


def _bounds(text: str, at: int, ends: re.Pattern[str]) -> tuple[int, int]:
    """Where the stretch of ``text`` around ``at`` between two ``ends`` marks starts and ends."""
    start = max((m.end() for m in ends.finditer(text, 0, at)), default=0)
    end_m = ends.search(text, at)
    return start, end_m.start() if end_m else len(text)


def clause_at(text: str, at: int) -> str:
    """The clause of ``text`` around position ``at`` (between clause punctuation)."""
    start, end = _bounds(text, at, CLAUSE_END_RE)
    return text[start:end]


#: A period (每月, 每周): not 每周三, a weekday (REW001 reads weekdays as days).
_PERIOD_RE = re.compile(r"每[日月年天季]|每周(?![一二三四五六日天1-7])")


_PERIOD_CHARS = frozenset("日月周年天季")


_WEEKDAY_RE = re.compile(
    r"(?:周|星期|礼拜)([一二三四五六日天1-7])((?:[、和及与至到~-](?:周|星期|礼拜)?[一二三四五六日天1-7])*)"
)


def _weekdays(text: str) -> set[int]:
    """The weekdays ``text`` names (周六、日 → {6, 7}; 周五至周日 → {5, 6, 7}; 周末 → {6, 7};
    工作日 → {1 … 5})."""
    days: set[int] = set()
    for m in _WEEKDAY_RE.finditer(text):
        named = [_WEEKDAY[m.group(1)], *(_WEEKDAY[ch] for ch in m.group(2) if ch in _WEEKDAY)]
        if any(sep in m.group(2) for sep in "至到~-") and len(named) >= 2:
            named = list(range(min(named), max(named) + 1))
        days.update(named)
    if "周末" in text or "双休日" in text:
        days |= {6, 7}
    if "工作日" in text:
        days |= {1, 2, 3, 4, 5}
    return days


_WEEKDAY = {
    **{d: i for i, d in enumerate("一二三四五六", 1)},
    **{str(i): i for i in range(1, 8)},
    "日": 7,
    "天": 7,
}


def _weekday(text: str, at: int, day: str) -> int | None:
    """The weekday ``day`` names when it follows 周 / 星期 / 礼拜 at ``at`` (周三 → 3), else None."""
    if day not in _WEEKDAY or not (
        text[at - 1 : at] == "周" or text[max(0, at - 2) : at] in ("星期", "礼拜")
    ):
        return None
    return _WEEKDAY[day]


def _same_durations(draft: str, i1: int, i2: int, var: str, j1: int, j2: int) -> bool:
    """Whether an edit restates a length of time (7天 → 一周, 3个月 → 三个月): the durations
    read around both stretches (a number before them included) are the same and not empty."""

    def around(text: str, a: int, b: int) -> list[tuple[str, str]]:
        lo, hi = max(0, a - 4), min(len(text), b + 4)
        window = text[lo:hi]
        # each duration with the bound that follows it (7天内 ≠ 一周后, 7天以上 ≠ 不满一周) and
        # what stands right before it (满12个月 ≠ 一年内)
        return [
            (f.value, window[max(0, f.start - 1) : f.start] + "|" + window[f.end : f.end + 2])
            for f in read_figures(window)
            if f.kind == "duration" and f.start < b - lo and a - lo < f.end
        ]

    before = around(draft, i1, i2)
    return bool(before) and before == around(var, j1, j2)


def _restated(
    original: str, variant: str, i1: int, j1: int, j2: int, failures: list[str], restatements: list[str]
) -> bool:
    """Whether an edit's negation restates what the draft said: a failure word said in one clause
    and not the other (失败 → 未成功; one in both is no restatement: 分期成功后不可取消 → 可取消 — gate red
    team rg12), or a negated restatement beside it (逾期 → 逾期未还)."""
    return any((w in clause_at(original, i1)) != (w in clause_at(variant, j1)) for w in failures) or any(
        p in variant[max(0, j1 - 4) : j2 + 4] for p in restatements
    )


def _negation_alone(
    ops: list, op: str, i1: int, i2: int, j1: int, j2: int, draft: str, var: str, negations: set[str]
) -> bool:
    """Whether a deletion or an insertion drops or adds a negation that no edit near it (six
    characters either way) gives back: the whole text's counts can balance by a negation traded
    elsewhere (无需 → 不用) while this one turns a fact (不可取消 → 可取消 — gate red team rg12)."""
    text = draft[i1:i2] if op == "delete" else var[j1:j2]
    chars = {ch for ch in text if ch in negations}
    if not chars:
        return False
    # a negation moved with the word it negates (因未交保费 said earlier in the sentence) is no drop: its
    # pair with the next character is as often in both texts
    where, at = (draft, i1) if op == "delete" else (var, j1)
    pairs = {where[k : k + 2] for k in range(at, at + len(text)) if where[k] in negations}
    if pairs and all(draft.count(p) == var.count(p) for p in pairs):
        return False
    for _o, a1, a2, b1, b2 in ops:
        if (a1, a2, b1, b2) == (i1, i2, j1, j2):
            continue
        near = abs(a1 - i1) <= 6 if op == "delete" else abs(b1 - j1) <= 6
        other = var[b1:b2] if op == "delete" else draft[a1:a2]
        if near and chars & set(other):
            return False
    return True


def _same_negation(
    draft: str, i1: int, i2: int, var: str, j1: int, j2: int, equivalents: list[list[str]]
) -> bool:
    """Whether a replace edit says one negation in other words: what it removed and what it
    added (each read on to the words after it: 免|收 → 不|收) start with words of one set of
    REW001's ``negation_equivalents``."""
    old, new = draft[i1 : i2 + 3], var[j1 : j2 + 3]
    for group in equivalents:
        said = next((w for w in group if old.startswith(w)), None)
        if said is not None and any(new.startswith(w) and w != said for w in group):
            return True
    return False


#: A written date (2025年12月15日, 12月15日, 2025-12-15, 2025/12/15): its characters are a figure's.
_DATE_RE = re.compile(r"(?:\d{2,4}年)?\d{1,2}月\d{1,2}[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


def _blank(m: re.Match[str]) -> str:
    return "\0" * len(m.group())


#: Channels: joined by 和 or by 或 they are the same alternatives (通过手机银行和网上银行查询).
_CHANNEL_WORD = (
    r"(?:app|手机银行|网上银行|网银|官网|官方网站|小程序|客户端|公众号|柜台|网点|营业厅|热线|客服电话)"
)
_CHANNEL_BEFORE_RE = re.compile(_CHANNEL_WORD + r"$")
_CHANNEL_AFTER_RE = re.compile(_CHANNEL_WORD)


_DATE_BOUNDS = frozenset("前后")


def _date_bound_edit(dm: str, vm: str, i1: int, i2: int, j1: int, j2: int) -> bool:
    """Whether the edit right after a date drops its bound (请于6月25日前 → 请于6月25日), or gives
    one to the day something happens on (将于7月1日生效 → 7月1日后生效, 已于3月8日扣缴 → 3月8日前):
    dates masked as NUL in ``dm``/``vm``.  A bound given to a date named otherwise is a
    restatement (还款日为12月8日 → 请于12月8日前还款), and 起/止 ranges are said both ways (于…生效
    → 自…起生效)."""
    after_date_d = i1 > 0 and dm[i1 - 1] == "\0"
    after_date_v = j1 > 0 and vm[j1 - 1] == "\0"
    if not (after_date_d or after_date_v):
        return False
    dropped = {ch for ch in dm[i1:i2] if ch in _DATE_BOUNDS} if after_date_d else set()
    added = {ch for ch in vm[j1:j2] if ch in _DATE_BOUNDS} if after_date_v else set()
    if dropped - added:
        return True
    if not added - dropped or not after_date_d:
        return False
    k = i1 - 1
    while k > 0 and dm[k - 1] == "\0":
        k -= 1
    return k > 0 and dm[k - 1] in "于在"


def _between_channels(draft: str, i1: int, i2: int) -> bool:
    """Whether the edited stretch joins two channels (手机银行和网上银行 → 手机银行或网上银行): a
    conjunction traded there names the same ways to do an errand (rg18)."""
    return (
        _CHANNEL_BEFORE_RE.search(draft, 0, i1) is not None and _CHANNEL_AFTER_RE.match(draft, i2) is not None
    )


def critical_edits(
    original: str, variant: str, supplied: str, violations: list[tuple[int, int]], checker: Checker
) -> list[Finding]:
    """REW001 for a small edit (``small_edit`` characters or fewer a side: five in REW001's
    data) that turns a fact on one
    character: a character swapped for its opposite (内 → 后, 已 → 将, 可用 → 已用, 且 → 或,
    单笔 → 累计, 次日 → 当日, 转入 → 转出), a negation added or dropped (不收取 → 收取,
    将产生 → 不产生), 每 added (满200减20 → 每满200减20), a weekday changed (周三 → 周五).
    Why characters: the one-character flips a model or a sender can make outnumber any list of
    word pairs.  Only where the variant as a whole holds the new character more often than
    the draft (a word moved elsewhere is no change), not inside what the draft was faulted
    for (the rewrite must change it) nor inside texts a rewrite may always add (risk
    warnings, opt-out phrases, disclosures); a negation next to a failure word restates it
    (失败 → 未成功)."""
    opts = rule_spec("REW001").options
    pairs = {frozenset(str(p)) for p in opts.get("opposed_characters", []) if len(str(p)) == 2}
    negations = set(str(opts.get("negation_characters", "")))
    equivalents = [[str(w) for w in group] for group in opts.get("negation_equivalents", [])]
    hedges = [str(w) for w in opts.get("negation_hedges", [])]
    failures = [str(w) for w in opts.get("failure_words", [])]
    restatements = [str(w) for w in opts.get("negated_restatements", [])]
    inserted_alone = set(str(opts.get("scope_characters", "")))
    allowed = [
        *fix_texts(checker),
        *supply_texts(),
        *opts.get("disclosures", []),
        *opts.get("safety_no_ask", []),
    ]

    draft, source = fold(original), fold(original + "\n" + supplied)
    var = fold(variant)
    # texts a rewrite may always add, where the draft lacks them (理财非存款 added is no 非 added;
    # the draft's own 如非本人操作 stays visible, so 如系本人操作 is a flip)
    for phrase in allowed:
        key = fold(str(phrase))
        if len(key) >= 2 and key not in draft:
            var = var.replace(key, "\0" * len(key))
    # a date's own 年/月/日 are no period words (还款日为2025年12月15日，当日 → 还款日2025-12-15，当天
    # drops 年 and adds 天 — gate set rg15): dates are the figures' (REW002), so characters are
    # counted, and changed characters read, outside dates; the diff itself runs on the text as
    # written (a 前 or 后 added right after a date is still an edit beside it — rg18)
    dm, vm, sm = (_DATE_RE.sub(_blank, t) for t in (draft, var, source))
    out: list[Finding] = []
    if len(draft) > DIFF_LIMIT or len(var) > DIFF_LIMIT:
        return out
    small = int(opts.get("small_edit", 3))
    ops = [
        o
        for o in difflib.SequenceMatcher(None, draft, var, autojunk=False).get_opcodes()
        if o[0] != "equal"
        and o[2] - o[1] <= small
        and o[4] - o[3] <= small
        and not any(s < max(o[2], o[1] + 1) and o[1] < e for s, e in violations)
    ]
    # a pair split by the diff into a deletion and a nearby insertion (将于…扣缴 → 在…已扣缴)
    gone = [
        (i1, ch) for _, i1, i2, _, _ in ops for ch in dm[i1:i2] if ch != "\0" and vm.count(ch) < sm.count(ch)
    ]
    come = [
        (i1, ch) for _, i1, _, j1, j2 in ops for ch in vm[j1:j2] if ch != "\0" and vm.count(ch) > sm.count(ch)
    ]
    split_pair = {
        (a, b)
        for pa, a in gone
        for pb, b in come
        if a != b and abs(pa - pb) <= 8 and frozenset((a, b)) in pairs
    }
    for op, i1, i2, j1, j2 in ops:
        removed, added = draft[i1:i2], var[j1:j2]
        if op == "replace" and _same_durations(draft, i1, i2, var, j1, j2):
            continue  # 7天 → 一周: the same length of time in other words
        more = [ch for ch in vm[j1:j2] if ch != "\0" and vm.count(ch) > sm.count(ch)]
        fewer = [ch for ch in dm[i1:i2] if ch != "\0" and vm.count(ch) < sm.count(ch)]
        why = ""
        if (
            any(frozenset((x, y)) in pairs for x in dm[i1:i2] for y in more)
            or any(y in more for _, y in split_pair)
        ) and not _between_channels(draft, i1, i2):
            why = "换成了意思相反的字"
        elif (
            (
                sum(ch in negations for ch in more) != sum(ch in negations for ch in fewer)
                # …or a negation traded for a word that holds one and says a maybe or the opposite
                # (不会 → 未必会, 请勿 → 不妨, 不会 → 难免 — gate red team rg12)
                # (…the negation kept and its verb hedged: 不会影响 → 不排除影响 — gate red team rg13)
                or (
                    op in ("replace", "insert")
                    and any(h in var[max(0, j1 - 2) : j2 + 2] and h not in draft for h in hedges)
                )
            )
            # 如非本人 → 如不是您本人, 免收 → 不收: one negation said in other words of the same set (the
            # counts above can miss it when a phrase a rewrite may add masks the other — gate red team
            # rg11)
            and not (op == "replace" and _same_negation(draft, i1, i2, var, j1, j2, equivalents))
            and not _restated(original, variant, i1, j1, j2, failures, restatements)
        ):
            why = "加入或删去了否定"  # 请勿 → 不要 trades one negation for another: no flip
        elif (
            op in ("delete", "insert")
            and _negation_alone(ops, op, i1, i2, j1, j2, draft, var, negations)
            and not _restated(original, variant, i1, j1, j2, failures, restatements)
        ):
            # 不可取消 → 可取消 with 无需 → 不用 elsewhere: the counts balance, the edit does not (rg12)
            why = "加入或删去了否定"
        elif _date_bound_edit(dm, vm, i1, i2, j1, j2):
            why = (
                "改动了日期的起止"  # 6月25日前 → 6月25日, 7月1日 → 7月1日后: a deadline or start moved (rg18)
            )
        elif (any(ch in inserted_alone for ch in more) and var[j2 : j2 + 1] == "满") or (
            any(ch in inserted_alone for ch in fewer) and draft[i2 : i2 + 1] == "满"
        ):
            why = "改变了优惠的次数"  # 满200减20 ↔ 每满200减20: once or every time
        elif op == "insert" and any(
            frozenset((y, x)) in pairs and not {x, y} <= _PERIOD_CHARS
            for y in more
            for x in draft[max(0, i1 - 2) : i1 + 2]
        ):
            why = "在原文旁加入了意思相反的字"  # 单笔 → 单笔或累计: the other reading added beside it
        elif op == "insert" and any(
            m.group() not in clause_at(draft, i1) for m in _PERIOD_RE.finditer(added)
        ):
            why = "加入了周期"  # 每户限1次 → 每户每月限1次: once becomes once a month
        elif (
            op == "insert"
            and any(ch in "前后" for ch in more)
            and i1 > 0
            and draft[i1 - 1] in "日号"
            and draft[max(0, i1 - 3) : i1] not in ("工作日", "自然日")
        ):
            why = "加入了时间界限"  # 每月5日 → 每月5日前: on the day becomes by the day
        elif (op == "replace" and _weekday(draft, i1, removed) not in (None, _weekday(draft, i1, added))) or (
            _weekdays(var[max(0, j1 - 3) : j2 + 3]) - _weekdays(source)
        ):
            why = "改动了星期"  # 周三 → 周五, 周五 → 周五至周日 (周末 → 周六、周日 is the same days)
        if not why:
            continue
        if op == "replace":
            what = f"“{original[i1:i2]}”改成了“{variant[j1:j2]}”"
        elif op == "delete":
            what = f"删去了“{original[i1:i2]}”"
        else:
            what = f"加入了“{variant[j1:j2]}”"
        start, end = (j1, j2) if j2 > j1 else (max(0, j1 - 1), min(len(variant), j1 + 1))
        out.append(
            rule_spec("REW001").finding(
                variant,
                start,
                end,
                message=f"改写把原文{what}（{why}）：时间、状态、方向、范围或否定变了，事实已不同",
                note=f"原文位置 {i1}–{i2}",
            )
        )
    return out


def dropped_conditions(
    original: str, variant: str, supplied: str, to_change: list[tuple[int, int]]
) -> list[Finding]:
    """REW001 for a condition of the draft the variant no longer states (具体额度以审批结果为准,
    每户限1次, 新客户首次, 单利, 最高 before a cap, 起 after a floor): a condition is a fact
    of the offer like its figure.  A condition inside text the rewrite must change (a
    violation being removed) is not required; the patterns are REW001's data."""
    spec = rule_spec("REW001")
    draft = fold(original)  # punctuation kept: a condition never runs across a clause
    variant_compact = normalize(variant + "\n" + supplied).compact
    out: list[Finding] = []
    for cond in spec.options.get("conditions", []):
        for m in re.finditer(cond["draft"], draft):
            start, end = m.start(), m.end()
            if any(s < end and start < e for s, e in to_change):
                continue
            if cond.get("keep_pattern"):
                kept = re.search(cond["keep_pattern"], variant_compact) is not None
            elif cond.get("waivable"):
                kept = any(_stated(variant_compact, word) for word in cond["keep_any"])
            else:
                kept = any(word in variant_compact for word in cond["keep_any"])
            if kept and cond.get("keep_each"):
                # each consequence the draft names is kept, in any of its words (逾期将产生罚息并影响征信
                # → 逾期将影响征信 drops the penalty interest)
                s0, s1 = _bounds(draft, start, SENTENCE_END_RE)
                sentence = normalize(draft[s0:s1]).compact
                missing = [
                    next(str(w) for w in group if str(w) in sentence)
                    for group in cond["keep_each"]
                    if any(str(w) in sentence for w in group)
                    and not any(str(w) in variant_compact for w in group)
                ]
                if missing:
                    kept = False
                    pos = draft.find(missing[0], s0, s1)
                    if pos >= 0:  # name what is gone (每月), not the first scope word matched (每卡)
                        start, end = pos, pos + len(missing[0])
            if kept and cond.get("keep_inner") and m.lastindex:
                # 以审批结果为准 → 以官网为准 keeps 为准, not what decides; 以最终审批结果为准 →
                # 以审批结果为准 keeps it (a modifier is not what decides)
                inner = normalize(m.group(1)).compact
                for modifier in cond.get("modifiers", []):
                    inner = inner.replace(str(modifier), "")
                pairs = {inner[i : i + 2] for i in range(len(inner) - 1)}
                kept = not pairs or any(p in variant_compact for p in pairs)
            if kept and cond.get("keep_same"):
                kept = _same_groups(cond, normalize(m.group()).compact, variant_compact)
            if not kept:
                out.append(
                    spec.finding(
                        variant,
                        0,
                        0,
                        message=f"改写删去了原文的条件“{original[start:end]}”（{cond['name']}）：条件与金额、日期一样必须保留",
                    )
                )
            break  # one finding per condition
    return out


def _same_groups(cond: dict, draft_match: str, variant_compact: str) -> bool:
    """Whether the variant's statements of a condition (``keep_pattern`` matches) name what the
    draft's did, by synonym group (``keep_same``: 手机银行 and App are one channel, 官网 another):
    通过App申购…享1折 → 通过官网申购…享1折 keeps a channel, not the offer's.  With ``keep_only``
    they name no other group either (…或客服热线办理 adds a channel the draft did not offer)."""
    groups = [tuple(str(w) for w in g) for g in cond["keep_same"]]

    phone = next((i for i, g in enumerate(groups) if "电话" in g), None)

    def named(text: str) -> set[int]:
        found = {i for i, g in enumerate(groups) if any(w in text for w in g)}
        if phone is not None and re.search(r"\d{5,}", text):
            found.add(phone)  # a number is the phone channel (手机银行、95588均可申请)
        return found

    had = named(draft_match)
    said: set[int] = set()
    for v in re.finditer(cond["keep_pattern"], variant_compact):
        said |= named(v.group())
    return had <= said and not (cond.get("keep_only") and said - had)


#: What may stand inside a kept disclosure or instruction (请勿将验证码告知他人, 收益具有不确定性,
#: 不代表其未来表现): never a negation, a degree or a qualifier (请勿轻易告知, 产品有较低风险,
#: 不会主动索要, 不保证全部本金和收益 say less than the draft).
_GAP_WORDS_RE = "验证码|动态码|校验码|密码|具有|存在|其|将|把|的|此|该|给|向|任何"


def affirmed(compact: str) -> str:
    """``compact`` with each word a negation governs blanked (非存款 → 非\0\0), so that a
    word the draft denies does not license the variant to assert it (是存款产品)."""
    return re.sub(r"(?<=[非不无没未])[\u4e00-\u9fff]{2}", lambda m: "\0" * len(m.group()), compact)


def _loosely_in(word: str, text: str, gap: int = 2) -> bool:
    """Whether ``word`` is in ``text``, with up to ``gap`` characters inserted between its
    characters after the first two (收益不确定 in 收益具有不确定性, 请勿告知 in 请勿将验证码
    告知他人, 不代表未来表现 in 不代表其未来表现): a disclosure or an instruction kept in other
    words of the same shape."""
    if word in text:
        return True
    if len(word) < 4:
        return False
    filler = f"(?:{_GAP_WORDS_RE}){{0,{gap}}}"
    # the first two characters together (they carry the word), then gaps between the rest
    pattern = re.escape(word[:2]) + "".join(filler + re.escape(ch) for ch in word[2:])
    return re.search(pattern, text) is not None


_WAIVERS = ("无需", "无须", "不需", "不用", "不必", "免")


def _stated(compact: str, word: str) -> bool:
    """Whether ``word`` stands in ``compact`` other than waived (无需提前报名 waives 报名)."""
    for at in all_at(compact, word):
        before = compact[max(0, at - 4) : at]
        before = re.split(r"[，,。！!？?；;（）()\n]", before)[-1]  # in the word's own clause
        if not any(w in before for w in _WAIVERS):
            return True
    return False


@lru_cache(maxsize=1)
def _word_pairs() -> list[list[str]]:
    """REW001's opposites, and any two words of one of its exclusive sets (上旬/中旬/下旬, 本行/他行,
    每户/每卡/每人: each names another fact than the others): read once from the rule data."""
    opts = rule_spec("REW001").options
    pairs = [list(p) for p in opts.get("opposites", [])]
    pairs += [[a, b] for words in opts.get("exclusive", []) for a, b in itertools.combinations(words, 2)]
    return pairs


@lru_cache(maxsize=1)
def _party_pairs() -> list[list[str]]:
    """REW001's parties, each in its words: a word of one party against any word of another
    (保证人 ↔ 担保人 is one party)."""
    pairs: list[list[str]] = []
    for groups in rule_spec("REW001").options.get("exclusive_groups", []):
        for one, other in itertools.combinations(groups, 2):
            pairs += [[a, b] for a in one for b in other]
    return pairs


def reversed_or_dropped(original: str, variant: str, supplied: str) -> list[Finding]:
    """REW001 for a fact turned around or swapped by one word (12月8日前还款 → 日后, 单利 →
    复利, 人民币 → 美元) and for a safety instruction (请勿告知他人) or a disclosure (产品有风险)
    of the draft the variant drops: the word pairs and phrases are REW001's data."""
    spec = rule_spec("REW001")
    opts = spec.options
    draft = normalize(original + "\n" + supplied).compact
    nt = normalize(variant)
    compact = nt.compact
    out: list[Finding] = []
    turned = _turned_words(draft, compact, _word_pairs())
    # a party swapped where the party words' counts changed, or where the rest of the text stands as it
    # was (需由投保人提交，被保险人签字 → 需由被保险人提交，投保人签字 — gate red team rg12): a sentence
    # restructured around both parties (您为被保险人李娜投保… → 您作为投保人为李娜投保…，李娜为被保险人 —
    # rg13) keeps them
    parties = _turned_words(draft, compact, _party_pairs())
    if parties:
        same_shape = difflib.SequenceMatcher(None, draft, compact, autojunk=False).ratio() >= 0.85
        turned += [
            (at, new, old)
            for at, new, old in parties
            if same_shape or compact.count(new) > draft.count(new) or draft.count(old) > compact.count(old)
        ]
    for at, new, old in turned:
        start, end = nt.compact_span(at, at + len(new))
        out.append(
            spec.finding(
                variant, start, end, message=f"改写把原文的“{old}”改成了“{new}”，两者意思不同，事实被改动"
            )
        )
    if not turned:
        # …and one moved as it turned (已转入您的账户 → 已从您的账户转出): the alignment sees no
        # swap when the word changes place; a direction of money (moved_opposites: not every
        # opposite — 失败 → 未成功 holds 成功) only the variant says, where the draft said only
        # the other, is one all the same
        for a, b in (list(p) for p in opts.get("moved_opposites", [])):
            for new, old in ((a, b), (b, a)):
                if old in draft and new not in draft and new in compact and old not in compact:
                    at = compact.find(new)
                    start, end = nt.compact_span(at, at + len(new))
                    out.append(
                        spec.finding(
                            variant,
                            start,
                            end,
                            message=f"改写把原文的“{old}”改成了“{new}”，两者意思不同，事实被改动",
                        )
                    )
                    break
    has_safety = False  # the draft tells the recipient how to stay safe
    for group in ("safety_instructions", "safety_no_ask"):
        words = opts.get(group, [])
        kept = [w for w in words if w in draft]
        has_safety = has_safety or bool(kept)
        if kept and not any(_loosely_in(w, compact, gap=6) for w in words):
            out.append(
                spec.finding(
                    variant,
                    0,
                    0,
                    message=f"改写删去了原文的安全提示（{'、'.join(kept)}）：这类提示与金额、日期一样必须保留",
                )
            )
    if has_safety:
        for word in opts.get("safety_weakeners", []):
            at = compact.find(word)
            if at >= 0 and word not in draft:
                start, end = nt.compact_span(at, at + len(word))
                out.append(spec.finding(variant, start, end, message=f"改写用“{word}”削弱了原文的安全提示"))
                break
    for at, end, neg, status in _negated_statuses(draft, compact, opts):
        start, stop = nt.compact_span(at, end)
        out.append(
            spec.finding(
                variant, start, stop, message=f"改写把原文的“{status}”改成了“{neg}…{status}”，事实被改动"
            )
        )
    out += widened_scopes(original, variant, opts)
    out += reversed_directions(original, variant)
    for at, end, form, status in _pending_statuses(draft, compact, opts):
        start, stop = nt.compact_span(at, end)
        out.append(
            spec.finding(
                variant,
                start,
                stop,
                message=f"改写把原文已完成的“已…{status}”改成了尚未完成的“{form}”，事实被改动",
            )
        )
    # a disclosure of the draft (产品有风险, 投资须谨慎) stays, in either spelling of 须/需
    loose_variant = compact.replace("需", "须")
    equivalents = [list(map(str, g)) for g in opts.get("disclosure_equivalents", [])]
    for word in opts.get("disclosures", []):
        forms = next((g for g in equivalents if word in g), [word])
        if word in draft.replace("需", "须") and not any(_loosely_in(w, loose_variant) for w in forms):
            out.append(
                spec.finding(variant, 0, 0, message=f"改写删去了原文的风险提示“{word}”：原文的提示必须保留")
            )
    return out


def _turned_words(draft: str, compact: str, pairs: list[list[str]]) -> list[tuple[int, str, str]]:
    """(where, new word, old word) for each word of a pair the variant put where the draft had
    the other (每月限 → 每周限, 将于 → 已于), by alignment: a stretch the variant changed holds
    the new word where the draft's aligned stretch held the old one (each with ±5 characters
    of context).  Why not by presence or count: restating the old word elsewhere
    (每月1日至每月10日 … 每周限2次) hid a swap from both, and a harmless rewording that moves
    words about (之前 → 前 and 后 → 之后) looked like one.  A new word right after a negator
    is no opposite (失败 → 未成功 says the same)."""
    out: list[tuple[int, str, str]] = []
    seen: set[tuple[str, str]] = set()
    matcher = difflib.SequenceMatcher(None, draft, compact, autojunk=False)
    windows = [
        (draft[max(0, i1 - 5) : i2 + 5], max(0, j1 - 5), compact[max(0, j1 - 5) : j2 + 5])
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]
    for a, b in pairs:
        for new, old in ((a, b), (b, a)):
            if (new, old) in seen:
                continue
            hit = None
            for dwin, offset, vwin in windows:
                found = _own_occurrences(vwin, new, old)
                olds = _own_occurrences(dwin, old, new)
                if olds and all(k > 0 and dwin[k - 1] in NEGATORS for k in olds):
                    continue  # 未通过 → 被拒绝 says the same
                if (
                    found
                    and olds
                    and not _own_occurrences(dwin, new, old)
                    and not _own_occurrences(vwin, old, new)
                ):
                    hit = offset + found[0]
                    break
            if hit is None or hit < 0 or (hit > 0 and compact[hit - 1] in NEGATORS):
                continue
            seen.add((new, old))
            out.append((hit, new, old))
    return out


def _own_occurrences(text: str, word: str, other: str) -> list[int]:
    """Where ``word`` stands in ``text`` on its own, not as part of ``other`` (低风险 inside
    中低风险, 满 inside 每满 are the other word of their pair)."""
    taken = [(at, at + len(other)) for at in all_at(text, other)] if word in other else []
    return [at for at in all_at(text, word) if not any(s <= at and at + len(word) <= e for s, e in taken)]


def all_at(text: str, word: str) -> list[int]:
    """Every position of ``word`` in ``text``, overlapping ones included."""
    out: list[int] = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _negated_statuses(draft: str, compact: str, opts: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, negator, status) for a status of the draft the variant negates: right
    after a negator (未到账), or with a negating phrase earlier in its clause (不会从您尾号…
    的储蓄卡自动扣款, 暂不能放款), where the draft did not negate it."""
    negators = list(opts.get("status_negators", []))
    phrases = list(opts.get("status_negating_phrases", []))
    failures = [str(w) for w in opts.get("failure_words", [])]
    out: list[tuple[int, int, str, str]] = []

    def negated_at(text: str, status: str) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        for at in all_at(text, status):
            c0 = max((m.end() for m in CLAUSE_END_RE.finditer(text, 0, at)), default=0)
            before = text[c0:at]
            if before.endswith(("保证", "承诺", "确保")):
                continue  # 无法保证续保: the guarantee is denied, not the status (the disclosures check reads it)
            neg = next((n for n in negators if before.endswith(n)), None)
            if neg is None:
                neg = next((p for p in phrases if p in before), None)
            if neg is not None:
                found.append((at - (len(neg) if before.endswith(neg) else 0), neg))
        return found

    for status in opts.get("negatable_statuses", []):
        if status not in draft or negated_at(draft, status):
            continue
        if any(any(w in clause_at(draft, at) for w in failures) for at in all_at(draft, status)):
            continue  # 扣款失败, 将停止…扣款: the draft already says it did not or will not happen
        for at, neg in negated_at(compact, status)[:1]:
            out.append((at, compact.find(status, at) + len(status), neg, status))
    return out


def _completed_at(text: str, at: int) -> bool:
    """Whether the status at ``at`` is said to have happened: 已 before it in its clause, at
    most four characters away (已审批通过, 已于12月1日到账 is further: its date is a figure)."""
    c0 = max((m.end() for m in CLAUSE_END_RE.finditer(text, 0, at)), default=0)
    return "已" in text[max(c0, at - 5) : at]


def _pending_statuses(draft: str, compact: str, opts: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, pending form, status) for a status the draft says has happened (已审批通过)
    that the variant states only as pending or as a condition (已进入审批…审批通过后, 待到账):
    a loan approved made one under review (gate red team rg8)."""
    before_words = [str(w) for w in opts.get("status_pending_before", [])]
    after_words = [str(w) for w in opts.get("status_pending_after", [])]
    out: list[tuple[int, int, str, str]] = []
    for status in opts.get("negatable_statuses", []):
        if not any(_completed_at(draft, at) for at in all_at(draft, status)):
            continue
        found = all_at(compact, status)
        if not found or any(_completed_at(compact, at) for at in found):
            continue  # kept as done (or not named at all: a dropped fact is another check's)
        for at in found:
            end = at + len(status)
            form = next((w for w in before_words if compact[:at].endswith(w)), None)
            if form is not None:
                out.append((at - len(form), end, form + status, status))
                break
            form = next((w for w in after_words if compact.startswith(w, end)), None)
            if form is not None:
                out.append((at, end + len(form), status + form, status))
                break
    return out


#: A rank (同类产品排名前十, 位列第3, 前5名, top10): the figure reader reads no rank in words, so
#: a rank changed (前十 → 前三) changed no figure it knows of (gate red team rg7).
_RANK_RE = re.compile(
    r"(?:排名|排行|位列|位居|名列|top)\s*(?:同类|行业|全国|全行|市场)?\s*(?:前|第)?\s*"
    r"(?P<a>[0-9]+|[一二三四五六七八九十两百]+)"
    r"|(?:前|第)(?P<b>[0-9]+|[一二三四五六七八九十两百]+)(?:名|位|强)"
)


def _ranks(text: str) -> list[tuple[int, int, float]]:
    out: list[tuple[int, int, float]] = []
    for m in _RANK_RE.finditer(text):
        g = "a" if m.group("a") is not None else "b"
        value = parse_number(m.group(g))
        if value is not None:
            out.append((m.start(), m.end(), value))
    return out


def changed_ranks(original: str, variant: str, violations: list[tuple[int, int]]) -> list[Finding]:
    """REW001 for a rank of the draft the variant states as another (排名前十 → 排名前三) or a
    rank the variant adds: a rank is a figure of the claim, like a return.  A rank inside a
    violation the rewrite removes is not required."""
    draft = normalize(original).compact
    nt = normalize(variant)
    spans = _draft_spans(original, violations)
    kept = sorted(v for a, b, v in _ranks(draft) if not any(s < b and a < e for s, e in spans))
    found = _ranks(nt.compact)
    spec = rule_spec("REW001")
    out: list[Finding] = []
    for a, b, value in found:
        if value in kept:
            kept.remove(value)
            continue
        start, stop = nt.compact_span(a, b)
        out.append(
            spec.finding(
                variant, start, stop, message=f"改写把原文的排名改成了“{variant[start:stop]}”，事实被改动"
            )
        )
    return out


def _draft_spans(original: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Text spans of ``original`` as compact-view spans (violations are found on the text)."""
    nt = normalize(original)
    return [(nt.compact_pos(s), nt.compact_pos(max(s, e - 1)) + 1) for s, e in spans if e > s]


def widened_scopes(original: str, variant: str, opts: dict) -> list[Finding]:
    """REW001 for a restriction to a person the variant widens to others (仅限本人办理 → 仅限
    本人或其配偶办理 — gate red team rg7): the restricted person is kept, so no condition is
    dropped, but the scope is not the draft's.  People and joiners are REW001's data."""
    people = sorted(
        (str(w) for w in opts.get("restricted_people", [])), key=len, reverse=True
    )  # longest first
    joiners = [str(w) for w in opts.get("scope_joiners", [])]
    if not people or not joiners:
        return []
    draft = normalize(original).compact
    nt = normalize(variant)
    compact = nt.compact
    spec = rule_spec("REW001")
    out: list[Finding] = []
    for m in re.finditer(r"(?:仅限|只限|仅|只|限)(?:由)?", compact):
        person = next((p for p in people if compact.startswith(p, m.end())), None)
        if person is None:
            continue
        tail = m.end() + len(person)
        joiner = next((j for j in joiners if compact.startswith(j, tail)), None)
        if joiner is None:
            continue
        widened = compact[m.start() : tail + len(joiner) + 4]
        if widened[: len(widened) - 2] in draft:
            continue  # the draft says the same (仅限本人或其法定代理人)
        start, stop = nt.compact_span(m.start(), min(len(compact), tail + len(joiner) + 2))
        out.append(
            spec.finding(
                variant,
                start,
                stop,
                message=f"改写把原文限定的对象“{person}”扩大了（“{variant[start:stop]}”）：适用对象变了，事实已不同",
            )
        )
        break
    return out


#: A payment between two parties (张**向您尾号8812的账户转账, 您向商户付款): who pays is before 向.
_DIRECTED_RE = re.compile(
    r"(?P<a>[^，,。；;！!？?]{0,16}?)向(?P<b>[^，,。；;！!？?]{1,16}?)(?P<v>转账|付款|支付|汇款|转入|还款|缴费|充值|打款|退款)"
)


def _directions(compact: str) -> set[tuple[str, bool]]:
    """(verb, whether the recipient pays) for each payment whose side the recipient is on."""
    out: set[tuple[str, bool]] = set()
    for m in _DIRECTED_RE.finditer(compact):
        pays, paid = "您" in m.group("a")[-12:], "您" in m.group("b")
        if pays != paid:
            out.add((m.group("v"), pays))
    return out


#: Money said to come to the recipient without 向 (退回至您尾号…的信用卡, 已转入您的账户).
_RECEIVES_RE = re.compile(r"(?:退回|退还|返还|转入|存入|打入|汇入|发放|退款|划入|划至)(?:至|到|给|进)?您")


def _sides(compact: str) -> set[bool]:
    """Whether the recipient pays (True) or is paid (False), by every payment it is a side of."""
    sides = {pays for _, pays in _directions(compact)}
    if _RECEIVES_RE.search(compact):
        sides.add(False)
    return sides


def reversed_directions(original: str, variant: str) -> list[Finding]:
    """REW001 for a payment whose payer and payee the variant swaps around 向 (张**向您…转账 →
    您…向张**转账: money in made money out — gate red team rg2): every figure and party is
    still there, so no fact reads as changed."""
    draft_compact = normalize(original).compact
    draft = _directions(draft_compact)
    nt = normalize(variant)
    out: list[Finding] = []
    # …and a payment to the recipient made one by the recipient (退回至您尾号…的信用卡 → 您尾号…的信用卡
    # 已向鲜丰水果退款 — rg10), whatever the verbs
    draft_sides, variant_sides = _sides(draft_compact), _sides(nt.compact)
    if draft_sides == {False} and variant_sides == {True}:
        m = next(iter(_DIRECTED_RE.finditer(nt.compact)), None)
        start, stop = nt.compact_span(m.start(), m.end()) if m is not None else (0, 0)
        return [
            rule_spec("REW001").finding(
                variant,
                start,
                stop,
                message="改写把收款人写成了付款人（原文是您收款）：资金方向变了，事实已不同",
            )
        ]
    if not draft:
        return []
    for verb, pays in _directions(nt.compact) - draft:
        if (verb, not pays) in draft:
            at = nt.compact.find(verb)
            start, stop = nt.compact_span(at, at + len(verb))
            out.append(
                rule_spec("REW001").finding(
                    variant,
                    start,
                    stop,
                    message="改写调换了付款方与收款方（原文是"
                    + ("您收款" if pays else "您付款")
                    + "）：资金方向变了，事实已不同",
                )
            )
    return out


#: Who does what to the product (由华泰人寿承保, 贷款由捷贷消费金融发放, 承保公司：…, 管理人：…).
_ATTRIBUTION_RE = re.compile(
    r"由(?P<who>[^，,。；;！!？?（）()]{2,16}?)(?P<act>承保|发行|管理|发放|托管|兑付|出具)"
    r"|(?P<role>承保公司|承保机构|承保人|管理人|托管人|发行人|发行机构|发放机构|贷款机构)(?:为|是)?[:：]?"
    r"(?P<who2>[^，,。；;！!？?（）()]{2,16})"
)
_ROLE_ACTS = {
    "承保公司": "承保",
    "承保机构": "承保",
    "承保人": "承保",
    "管理人": "管理",
    "托管人": "托管",
    "发行人": "发行",
    "发行机构": "发行",
    "发放机构": "发放",
    "贷款机构": "发放",
}
#: What a company's name ends with that names no company (华泰人寿保险股份有限公司 is 华泰人寿保险).
_COMPANY_SUFFIX_RE = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|公司|集团)$")


def _attributions(compact: str) -> list[tuple[int, int, str, str]]:
    """(start, end, act, who) of each statement of who underwrites, issues, manages or lends."""
    out: list[tuple[int, int, str, str]] = []
    for m in _ATTRIBUTION_RE.finditer(compact):
        if m.group("act"):
            act, who = m.group("act"), m.group("who")
        else:
            act, who = _ROLE_ACTS[m.group("role")], m.group("who2")
        out.append((m.start(), m.end(), act, _COMPANY_SUFFIX_RE.sub("", who)))
    return out


def changed_attributions(original: str, variant: str, violations: list[tuple[int, int]]) -> list[Finding]:
    """REW001 for a party of the draft that underwrites, issues, manages or lends the product
    (由华泰人寿承保, 贷款由捷贷消费金融发放) that the variant names as another or drops (由恒安保险
    经纪承保, 由合作银行发放, 由本行发行并管理 — gate red team rg9): who carries the risk or the
    debt is a fact, and each name may still stand elsewhere in the message, so no name reads as
    missing.  One name said with or without its company suffix is one party."""
    draft = normalize(original).compact
    spans = _draft_spans(original, violations)
    wanted = [
        (act, who) for a, b, act, who in _attributions(draft) if not any(s < b and a < e for s, e in spans)
    ]
    if not wanted:
        return []
    nt = normalize(variant)
    have = _attributions(nt.compact)
    out: list[Finding] = []
    for act, who in wanted:
        same_act = [(a, b, w) for a, b, x, w in have if x == act]
        if any(who in w or w in who for _, _, w in same_act):
            continue
        if same_act:
            a, b, w = same_act[0]
            start, stop = nt.compact_span(a, b)
            message = f"改写把原文由“{who}”{act}改成了由“{w}”{act}：责任主体变了，事实已不同"
        else:
            start = stop = 0
            message = f"改写删去了原文“由{who}{act}”的说明：谁{act}是客户赖以判断的事实，必须保留"
        out.append(rule_spec("REW001").finding(variant, start, stop, message=message))
    return out


def fix_texts(checker: Checker) -> list[str]:
    """Texts a rewrite may always add: the checker's own safe fixes and standard disclosures."""
    texts = [*rule_spec("REW004").options.get("boilerplate", []), *checker.settings.optout_phrases]
    texts += [s.fix.replacement for s in load_rule_specs() if s.fix.kind == "safe" and s.fix.replacement]
    return texts


@lru_cache(maxsize=1)
def supply_texts() -> tuple[str, ...]:
    """The words of every rule's fact templates (产品详情见官网{value}) and reviewed neutral
    wording: what the rewrite engines themselves add when the user supplies a fact."""
    out: list[str] = []
    for s in load_rule_specs():
        templates = [t for t in (s.fix.supply, *s.rewrite.supplies.values()) if t is not None]
        for t in templates:
            out += [part for part in t.template.split("{value}") if part.strip()]
        if s.rewrite.neutral and s.rewrite.neutral_safe:
            out.append(s.rewrite.neutral)
    return tuple(out)


NEGATORS = frozenset("不非无没未")


CLAUSE_END_RE = re.compile(r"[，,。！!？?；;\n]")
SENTENCE_END_RE = re.compile(r"[。！!？?；;\n]")
