"""Marketing, service or uncertain?  The answer decides which rules apply, so it is a
decision with evidence, and the evidence is shown.

Evidence comes from the rule data (``kind_evidence`` in ``knowledge/rules/_context.yaml``):
families of cue words with weights, for each side.  A family counts each distinct word
once, up to a cap, so one notice full of service words is not outvoted by a single
"登录", and a promotion is not hidden by a long account summary.  Claims that only a
promotion makes (稳赚不赔, 专家推荐) count for marketing through the rules' own
``marketing_evidence`` weight.

The decision, and why each branch is safe:

* a **promotion** (marketing evidence ≥ ``marketing_strong``) makes the message marketing
  whatever else it says — a bill reminder with a loan offer appended is marketing, and
  the marketing rules (opt-out, APR, risk warning) must apply to it;
* otherwise **strong service evidence** (the recipient's own account, a completed event,
  an obligation, a verification code, a security warning) makes it a service notice —
  a lone 登录 or 理财 does not make a purchase confirmation marketing;
* **weak evidence on one side only** decides for that side;
* **mixed weak evidence, or none at all**, is ``uncertain``: the marketing-only rules then
  report warnings that name the condition, and a human decides.  Never a silent "service";
  polite or pointer wording alone (感谢您, 请登录查看) is no evidence of a notice either;
* a **verification code** with its digits (验证码628411) is a service notice unless an offer
  shape is in it: its urgency (限时5分钟) and the act it names offer nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import ahocorasick

from assistant.checker.context import event_pattern_entries, match_table, offer_needs
from assistant.checker.models import InferredKind
from assistant.text import lazyre
from assistant.text.chartable import CharTable
from assistant.text.regexgate import PartialAlternation, Plans, gate_plans, literal_gate, meets, preload

if TYPE_CHECKING:
    from assistant.checker.context import Hit
    from assistant.checker.kind_model import KindModel
    from assistant.checker.message import Message

ZH_SIDE = {"marketing": "营销", "service": "服务通知"}


@dataclass(slots=True)
class KindEvidence:
    """Per side: the score and the cue words that made it, in order of weight."""

    scores: dict[str, int] = field(default_factory=lambda: {"marketing": 0, "service": 0})
    words: dict[str, list[str]] = field(default_factory=lambda: {"marketing": [], "service": []})
    #: Calls to action outside event clauses (立即领取, 欢迎办理): an offer is being made.
    calls: list[str] = field(default_factory=list)
    #: Offer, call-to-action and solicitation words outside event clauses.
    offers: list[str] = field(default_factory=list)
    #: Offers recognised by their shape (满100返20, 额度待激活): never a stray word.
    shapes: list[str] = field(default_factory=list)
    #: Service families seen: generic notice wording alone (感谢您, 请登录查看) says nothing
    #: about the recipient's own account or an event.
    service_families: set[str] = field(default_factory=set)
    #: A verification code is in the message (验证码628411): sent for the recipient's own act.
    code: bool = False
    #: The message states a figure (a rate, an amount, a limit): a product with its figures
    #: is something on offer unless the message is about the recipient's own account.
    figures: bool = False
    #: The message carries a working opt-out: its sender filed it as marketing.
    optout: bool = False
    #: The marketing score that came from the weak families alone (a risk warning's
    #: boilerplate, a product category word): what an investor-education notice has too.
    weak_marketing: int = 0
    #: The marketing score that came from a contact line alone (详询95588): notices end so too.
    contact: int = 0
    #: The message frames itself as education or a reminder, or asks a question (投资者教育,
    #: 理财小知识, 温馨提示, 常有客户问, 所谓…？): what makes weak evidence a notice's.  Read only
    #: where the decision asks it (no notice evidence, weak marketing evidence alone).
    educates: bool = False
    #: The message only teaches or warns (投资者教育, 温馨提示：理财产品不同于存款…): an education or
    #: reminder heading, weak marketing evidence alone (a product category, a risk warning's
    #: boilerplate), no offer, call, shape, figure or opt-out, no notice evidence beyond courtesy
    #: wording, and no product of the sender's named (明德少儿教育金保险 is a pitch whatever its
    #: heading).  Read only where all of that holds (see ``collect_evidence``).
    teaches: bool = False

    def add(self, side: str, word: str, weight: int) -> None:
        self.scores[side] += weight
        if weight and word not in self.words[side]:  # a neutral phrase is shown as no evidence
            self.words[side].append(word)

    def shown(self, side: str, n: int = 4) -> str:
        return "、".join(self.words[side][:n])


@dataclass(frozen=True, slots=True)
class KindRules:
    """The kind decision's data, compiled once per checker."""

    decision: dict[str, Any]
    event_patterns: tuple[re.Pattern[str], ...]
    #: Per event pattern, its weight (``kind_event_weight`` unless the entry gives one).
    event_weights: tuple[int, ...]
    #: Offers as shapes rather than words (满100返20, 享8折, 额度待激活, 可转入…1号):
    #: (name, pattern over the matching view, weight, is a call to action, counts even in
    #: a clause that reports an event: 已通过预审 is phrased as an event and is an offer).
    #: A pattern marked ``nospace`` reads the no-space view, where separators stay (额度5-30万:
    #: the compact view drops the hyphen of a range).
    offer_patterns: tuple[tuple[str, re.Pattern[str], int, bool, bool, tuple[str, ...], bool], ...] = ()
    #: The recipient's own account or product as a shape (您的定期存款, 您名下的保单):
    #: own_account evidence without listing every "您的X".
    own_patterns: tuple[re.Pattern[str], ...] = ()
    #: The service family each own pattern counts for (own_account, or obligation for a
    #: date something of the recipient's falls due: 您的定期存款将于…到期 is both).
    own_families: tuple[str, ...] = ()
    #: The recipient's own act (您认购的): offer words inside it are the act, not an offer.
    own_act: re.Pattern[str] | None = None
    #: Per offer pattern name: words that, in the match's own sentence, make it the
    #: recipient's own figure, not an offer (您持有的…七日年化收益率1.86%).
    offer_sentence_excludes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The same, read in the match's own clause only (您的资金账户有闲置资金…，国债逆回购年化约2%:
    #: the recipient's account is named, the figure's clause sells).
    offer_clause_excludes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Claim words that, said in a sentence about the recipient's own policy or account
    #: (您投保的…医疗险已续保成功，保证续保期间…), describe that contract: no evidence of an
    #: offer; not when their own clause names something new (新一代…医疗险保证续保20年).
    own_contract_terms: frozenset[str] = frozenset()
    #: Offer words that may be the predicate of the recipient's own thing (上市; 已返现 only right
    #: after 已): after 已 or a dated 将于 in its clause they state what happens to it
    #: (kind_own_predicate_words).
    own_predicate_words: frozenset[str] = frozenset()
    #: Benefit words and offer shapes that, in a sentence reporting an event on the recipient's
    #: own account or act named before them, describe what the recipient holds (kind_own_benefit).
    own_benefit_words: frozenset[str] = frozenset()
    #: Per shape name, what must follow the shape for the benefit to be one held (None: nothing).
    own_benefit_shapes: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    #: What makes such a sentence an offer after all (an act invited, something new, a figure).
    own_benefit_invite: re.Pattern[str] | None = None
    #: What makes a sentence after the notice's first no pitch, however it reads (本卡享…, 上述…,
    #: 如需…请联系…), and what makes a whole message a numbered announcement (具体如下): see
    #: ``settle_kind``'s later-sentence doubt.
    later_skip: re.Pattern[str] | None = None
    later_skip_message: re.Pattern[str] | None = None
    #: The weak marketing words that alone may be settled as a notice by the text model
    #: (kind_settle_words: acts such as 办理, 投保, 领取; never a product named — real spam that
    #: names one loan, insurance or fund in plain words reads to the model as a notice).
    settle_words: frozenset[str] = frozenset()
    #: Derived: per offer pattern, one search for any of its ``needs`` (None: no gate): the
    #: test ``offer_index`` answers for every pattern in one pass.
    offer_gates: tuple[re.Pattern[str] | None, ...] = field(init=False, default=())
    #: Derived: per event pattern, a test that rules out text it cannot match (or None):
    #: the test ``compact_index`` answers for the event and own patterns at once.
    event_gates: tuple[Callable[[str], bool] | None, ...] = field(init=False, default=())
    own_gates: tuple[Callable[[str], bool] | None, ...] = field(init=False, default=())
    #: Derived: per own pattern, (pattern, family), read in one step by the evidence loop.
    own_entries: tuple[tuple[re.Pattern[str], str], ...] = field(init=False, default=())
    #: Derived: which offer patterns (over the matching view: see _NeedIndex) and which event
    #: and own patterns (over the compact view, events first: see _GateIndex) a message may match.
    offer_index: _NeedIndex = field(init=False)
    compact_index: _GateIndex = field(init=False)
    #: Derived: per offer pattern what the evidence loop reads, in one step: (name, pattern,
    #: weight, call, over_events, nospace, and for a nospace pattern its literal plan).
    offer_entries: tuple[tuple[str, re.Pattern[str], int, bool, bool, bool, Plans | None], ...] = field(
        init=False, default=()
    )

    def __post_init__(self) -> None:
        gates = tuple(lazyre.any_of(needs) for _, _, _, _, _, needs, _ in self.offer_patterns)
        object.__setattr__(self, "offer_gates", gates)
        # their gates (and the nospace offer patterns' plans), without parsing them again
        preload(self.event_patterns + self.own_patterns + tuple(o[1] for o in self.offer_patterns if o[6]))
        object.__setattr__(self, "event_gates", tuple(literal_gate(p) for p in self.event_patterns))
        object.__setattr__(self, "own_gates", tuple(literal_gate(p) for p in self.own_patterns))
        families = self.own_families or ("own_account",) * len(self.own_patterns)
        object.__setattr__(self, "own_entries", tuple(zip(self.own_patterns, families, strict=True)))
        object.__setattr__(self, "offer_index", _NeedIndex(tuple(o[5] for o in self.offer_patterns)))
        # A nospace pattern reads a view of its own, which its needs (tested on the matching
        # view) do not describe: its literal plan, tested on that view, rules out most texts.
        entries = tuple(
            (name, pattern, weight, call, over_events, nospace, gate_plans(pattern) if nospace else None)
            for name, pattern, weight, call, over_events, _, nospace in self.offer_patterns
        )
        object.__setattr__(self, "offer_entries", entries)
        compact_plans = tuple(gate_plans(p) for p in self.event_patterns + self.own_patterns)
        object.__setattr__(self, "compact_index", _GateIndex(compact_plans))

    @classmethod
    def from_lexicon(cls, context: dict[str, Any]) -> KindRules:
        act = str(context.get("kind_own_act") or "")
        benefit = dict(context.get("kind_own_benefit") or {})
        entries = event_pattern_entries(context)
        patterns = tuple(lazyre.compile(p) for p, _ in entries)
        default_weight = int(context.get("kind_event_weight", 3))
        # Offer patterns read the matching view, where 一 is 1 and 帐 is 账: fold their
        # literal characters the same way, so 一并 in the data meets 1并 in the view.
        fold = match_table(context)
        offers = tuple(
            (
                str(o["name"]),
                lazyre.compile(o["pattern"] if o.get("nospace") else str(o["pattern"]).translate(fold)),
                int(o.get("weight", 3)),
                bool(o.get("call", False)),
                bool(o.get("over_events", False)),
                needs,  # as the dictionary scan tags them (see offer_needs)
                bool(o.get("nospace", False)),
            )
            for o, needs in zip(context.get("kind_offer_patterns") or (), offer_needs(context), strict=True)
        )
        return cls(
            dict(context.get("kind_decision") or {}),
            patterns,
            tuple(default_weight if w is None else w for _, w in entries),
            offers,
            tuple(lazyre.compile(_own(p, act)[0]) for p in context.get("kind_own_patterns") or ()),
            tuple(_own(p, act)[1] for p in context.get("kind_own_patterns") or ()),
            # (你 as well: 你报名的股东见面会 — the informal address names the recipient's act too)
            lazyre.compile(f"(?<![为给向帮替])[您你]{act}") if act else None,
            {
                str(o["name"]): tuple(str(w).translate(fold) for w in o["not_in_sentence_with"])
                for o in context.get("kind_offer_patterns") or ()
                if o.get("not_in_sentence_with")
            },
            offer_clause_excludes={
                str(o["name"]): tuple(str(w).translate(fold) for w in o["not_in_clause_with"])
                for o in context.get("kind_offer_patterns") or ()
                if o.get("not_in_clause_with")
            },
            own_contract_terms=frozenset(
                str(w).translate(fold) for w in context.get("kind_own_contract_terms") or ()
            ),
            own_predicate_words=frozenset(str(w) for w in context.get("kind_own_predicate_words") or ()),
            own_benefit_words=frozenset(str(w).translate(fold) for w in benefit.get("words") or ()),
            own_benefit_shapes={
                str(name): lazyre.compile(str(after).translate(fold)) if after else None
                for name, after in dict(benefit.get("shapes") or {}).items()
            },
            own_benefit_invite=lazyre.compile(str(benefit["invites"]).translate(fold))
            if benefit.get("invites")
            else None,
            later_skip=lazyre.any_of((context.get("kind_later_sentence_skip") or {}).get("sentence")),
            later_skip_message=lazyre.any_of((context.get("kind_later_sentence_skip") or {}).get("message")),
            settle_words=frozenset(str(w) for w in context.get("kind_settle_words") or ()),
        )


class _NeedIndex:
    """Which offer patterns a text may match: those with one of their ``needs`` in it, and
    those without needs (or with an empty one, which any text has).

    Why: a first-character index and then a search per candidate for its needs cost more
    than the shapes themselves; one Aho-Corasick pass finds every need that occurs,
    overlapping ones included, so each pattern's gate (does one of its needs occur?) is
    answered exactly, for all of them at once.  That pass is the dictionary scan's own:
    the ``Lexicon`` tags each need in its automaton with the patterns it lets through, and
    :meth:`scanned` reads the tags a scan found.  :meth:`candidates` asks an automaton of
    the needs alone, built on first use: the plain twin the tests hold the tags to.
    """

    __slots__ = ("_always", "_automaton", "_by_need", "needs")

    def __init__(self, needs: tuple[tuple[str, ...], ...]) -> None:
        #: What the index was built from: the dictionary scan must have tagged the same.
        self.needs = needs
        by_need: dict[str, set[int]] = {}
        for i, ns in enumerate(needs):
            if ns and all(ns):
                for need in ns:
                    by_need.setdefault(need, set()).add(i)
        self._by_need = by_need
        self._always = tuple(i for i, ns in enumerate(needs) if not (ns and all(ns)))
        self._automaton: ahocorasick.Automaton | None = None

    def candidates(self, text: str) -> list[int]:
        """Indices, in order, of the patterns one of whose needs ``text`` holds, and of
        those without a gate."""
        found = set(self._always)
        if self._by_need:
            if self._automaton is None:
                self._automaton = ahocorasick.Automaton()
                for need, ids in self._by_need.items():
                    self._automaton.add_word(need, tuple(sorted(ids)))
                self._automaton.make_automaton()
            for _end, ids in self._automaton.iter(text):
                found.update(ids)
        return sorted(found)

    def scanned(self, needs: list[int] | tuple[int, ...]) -> list[int]:
        """:meth:`candidates` of the view a dictionary scan tagged ``needs`` in (its
        ``ScanResult.needs``: the patterns whose needs it found, repeats and all).

        Why: the scan already walks the view with an automaton that holds these words (see
        ``Lexicon.offer_needs``); a second automaton over the same characters cost more
        than the scan spends reporting them.  Exact: both report every occurrence of every
        need, overlapping ones included."""
        if self._always:
            found = set(self._always)
            found.update(needs)
            return sorted(found)
        return sorted(set(needs)) if needs else []


class _GateIndex:
    """Which of a list of gated patterns a text may match, found by one class search.

    Why: the kind evidence holds two dozen gated event and own-account patterns and most
    messages match none; a search per gate cost more than the rest of their handling.
    Each alternative of a pattern's :func:`literal_gate` plan needs one of a set of
    characters for each of its requirements: one set intersection for one requirement of
    every alternative tells which gates can pass, and is remembered by the set found.  The rest
    of a candidate's plan (regexgate's ``gate_plans``: the very data its gate tests) is
    then tested here with ``in``, without a call and a search per pattern, so a candidate
    is a pattern whose whole gate passes.  Exact: a gate whose characters the text lacks
    fails anyway.  Built from the rule data at load time, so new patterns are indexed as
    they come.
    """

    __slots__ = ("_always", "_answers", "_by_char", "_chars", "_classes", "_memo", "_open", "_spelled")

    #: Distinct sets of gate characters remembered (a message's set is small and traffic
    #: repeats them): past this many the memo starts afresh, so memory stays bounded.
    MEMO_SIZE = 4096

    def __init__(self, plans: tuple[Plans | None, ...]) -> None:
        # Any requirement of an alternative may stand for it in the index (each is necessary):
        # the one whose characters the fewest plans name, as a character many patterns need
        # (您, 已, 月) is one most messages have, and would make every such pattern a candidate.
        named = Counter(ch for plan in plans for alt in plan or () for need in alt for ch in set(need))
        by_char: dict[str, list[int]] = {}
        for i, plan in enumerate(plans):
            keys = (min(alt, key=lambda need: sum(named[ch] for ch in need)) for alt in plan or ())
            for ch in sorted({ch for need in keys for ch in need}):
                by_char.setdefault(ch, []).append(i)
        self._by_char = {ch: tuple(ids) for ch, ids in by_char.items()}
        #: Patterns without a gate: always candidates.
        self._always = tuple(i for i, plan in enumerate(plans) if plan is None)
        #: The index's characters: which of them a text holds is one set intersection in C
        #: (half the time of a class search and a set of its findings).
        self._chars = frozenset(by_char)
        #: Per pattern, the plan its index characters leave open (more than one requirement),
        #: or None: a single requirement is decided by the index alone, and so is every
        #: pattern when no plan is left open (``_open`` is None).
        open_plans = tuple(
            None if plan is None or (len(plan) == 1 and len(plan[0]) == 1) else plan for plan in plans
        )
        self._open = open_plans if any(open_plans) else None
        self._memo: dict[frozenset[str], tuple[int, ...]] = {}
        self._classes = _gate_classes(plans)
        self._answers: dict[frozenset[str], tuple[int, ...]] = {}
        self._spelled: dict[str, tuple[int, ...]] = {}

    def candidates(self, text: str) -> tuple[int, ...]:
        """Indices, in order, of the patterns whose gate ``text`` passes, and of those
        without a gate.

        Remembered by the gate characters ``text`` holds, each read as its class (see
        :func:`_gate_classes`): the answer is a function of them alone, and templated traffic
        holds few distinct sets once a tail's or an amount's digits stand for one another
        (under 200 on 20,000 messages of the benchmark mix).  A remembered answer costs one
        translation in C; working it out again asked ~8 plans per message (~3 µs).

        Remembered first by the translation itself, which spells the set (a function of it):
        templated traffic repeats it too (678 distinct on those 20,000 messages), and a string
        is looked up without building and hashing a set of its characters (~9,000 of the
        ~30,000 instructions the question cost a message)."""
        if self._classes is None:
            return self._candidates(text)
        spelled = self._classes.translate(text)
        ids = self._spelled.get(spelled)
        if ids is None:
            key = frozenset(spelled)
            ids = self._answers.get(key)
            if ids is None:
                if len(self._answers) >= self.MEMO_SIZE:
                    self._answers.clear()
                ids = self._answers[key] = self._candidates(text)
            if len(self._spelled) >= self.MEMO_SIZE:
                self._spelled.clear()
            self._spelled[spelled] = ids
        return ids

    def _candidates(self, text: str) -> tuple[int, ...]:
        """:meth:`candidates`, worked out from the index and the open plans."""
        present = self._chars.intersection(text)
        ids = self._memo.get(present)
        if ids is None:
            found = set(self._always)
            for ch in present:
                found.update(self._by_char[ch])
            ids = tuple(sorted(found))
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.clear()
            self._memo[present] = ids
        open_plans = self._open
        if not ids or open_plans is None:
            return ids
        out: list[int] = []
        for i in ids:
            plan = open_plans[i]
            if plan is None or meets(plan, text):
                out.append(i)
        return tuple(out)


def _gate_classes(plans: tuple[Plans | None, ...]) -> CharTable | None:
    """A table that maps each character the ``plans`` name to one character standing for its
    class, and deletes every other character; None when a requirement names something other
    than single characters (then nothing is remembered).

    Two characters are of one class when they stand in exactly the same requirements of the
    same alternatives (every digit and Latin letter in the one that reads [0-9a-z]): a text
    then passes a gate with one exactly when it passes it with the other, and the index
    (built from those requirements) lists the same patterns for both.  So which classes a
    text holds decides :meth:`_GateIndex.candidates` — what the text is otherwise does not.
    None, too, past 255 classes (see below)."""
    places: dict[str, set[tuple[int, int, int]]] = {}
    for i, plan in enumerate(plans):
        for j, alt in enumerate(plan or ()):
            for k, need in enumerate(alt):
                for ch in need:
                    if len(ch) != 1:
                        return None
                    places.setdefault(ch, set()).add((i, j, k))
    stands_for: dict[frozenset[tuple[int, int, int]], str] = {}
    mapping: dict[int, str | None] = {}
    for ch in sorted(places):
        # a class is written as one Latin-1 character: CPython keeps those as shared objects,
        # so the set of a translated text is built without a new string per character
        mapping[ord(ch)] = stands_for.setdefault(frozenset(places[ch]), chr(len(stands_for) + 1))
    return CharTable(mapping, keep_others=False) if len(stands_for) < 256 else None


def _own(entry: Any, act: str) -> tuple[str, str]:
    """An own-account pattern entry: a bare pattern (own_account) or {pattern, family};
    ``{own_act}`` in it stands for the recipient's own act (kind_own_act)."""
    if isinstance(entry, dict):
        pattern, family = str(entry["pattern"]), str(entry.get("family", "own_account"))
    else:
        pattern, family = str(entry), "own_account"
    return pattern.replace("{own_act}", act), family


_CLAUSE_END = "，,。！!？?；;\n"
#: A verification code itself, next to its name (验证码628411, 483920为您的动态码).
_CODE_RE = lazyre.compile(
    r"(?:验证码|动态码|校验码|动态密码|短信码|确认码)[^\d，,。]{0,6}\d{4,8}|\d{4,8}[^\d，,。]{0,6}(?:验证码|动态码|校验码|动态密码)"
)
#: The recipient's own paperwork that a call to 办理 may ask for (身份证件更新, a security
#: certificate renewed: 证书更新 — rt176): one list for both readings below.
_OWN_PAPERWORK = "证件更新|身份证|证件|信息更新|资料更新|换卡|补卡|证书更新|证书续期|证书延期"
#: What a call or offer word asks for, when it is a service act of the recipient's own
#: (评价, 表决, 还款, 挂失, 核实, 客服): no offer is made (邀请您对本次服务进行评价, 诚邀您通过
#: 网络投票参与表决, 请抓紧还款, 如有疑问请详询客服).
_SERVICE_OBJECT_RE = lazyre.compile(
    # (a service rated, a holders' meeting attended: 邀请您为本次理赔服务打分, 诚邀您拨冗参加…持有人大会 — rt190)
    # (the insurer's call-back after a sale: 邀请您如实回答回访问题 — rt207)
    r"[^，,。！!？?；;：:]{0,8}?(?:进行评价|服务评价|评价|投票|表决|挂失|核实|客服|满意度|打分|评分|持有人大会|股东大会|回访)"
    # (a survey named with its year, further on: 诚邀您参加2025年度客户满意度调查 — rt166; not 客服 or 评价
    # that far: 立即申请，专属客服…, a call before a service word — rt200)
    r"|[^，,。！!？?；;：:]{0,16}?(?:满意度调查|满意度评价|问卷调查|满意度问卷|持有人大会|股东大会)"
    # (请抓紧时间还款 — rt202; not 立享免息还款待遇: an offer's own terms)
    # (or a premium or fee the recipient owes: 请抓紧时间缴纳保费, 如您错过本次扣款 — rt207)
    r"|(?:时间|[^，,。！!？?；;：:])?(?:还款|缴款|缴费|缴纳|交费|补缴|续缴)|(?:本次|本期|当期|此次)(?:扣款|还款|缴款|缴费)"
    # 请抓紧办理身份证件更新: the recipient's own paperwork (not 抓紧激活额度: credit)
    rf"|[^，,。！!？?；;：:]{{0,5}}?办理[^，,。！!？?；;：:]{{0,4}}?(?:{_OWN_PAPERWORK}|续保|续期)"
    # (…right after a call word that ends in 办理: 请立即办理证书更新 — rt176)
    rf"|(?<=办理)(?:{_OWN_PAPERWORK})"
    # 可於生效日前免費辦理銷戶: closing or freezing the recipient's own account, no product
    r"|[^，,。！!？?；;：:]{0,3}?(?:销户|注销账户|挂失|解挂)"
    # 2年内可申请复效: reinstating the recipient's own lapsed policy or frozen line
    r"|[^，,。！!？?；;：:]{0,2}?(?:复效|恢复效力|解冻)"
    # 利率上浮50%计收罚息: a penalty on the recipient's own overdue loan, no rate on offer
    r"|[^，,。！!？?；;：:]{0,8}?(?:罚息|违约金|滞纳金)"
    # 请赶紧修改登录密码并致电95588冻结账户: securing the recipient's own account (rt139)
    r"|[^，,。！!？?；;：:]{0,3}?(?:修改[^，,。！!？?；;：:]{0,2}?密码|重置密码|更改密码|冻结(?:账户|卡片|银行卡)|锁定账户|报警|拨打110)"
    # 可携带身份证到网点免费换领新卡: the recipient's own expired card replaced (rt139)
    r"|[^，,。！!？?；;：:]{0,2}?(?:换领|换发|补发|补领|换卡|补卡|补寄)"
    # 本月起可在线申请理赔: a claim on the recipient's own policy, a refund of their own money, applied
    # for (rt201; not an agent's 代办理赔手续, a service sold — a real spam message)
    r"|(?<=申请)(?:理赔|报案|索赔|退保|退款)|(?:在线|线上|网上)(?:理赔|报案|退保|退款)"
)
#: A statutory tax benefit named after an offer word (可享受个人养老金税收优惠, 享受税前扣除): the
#: law's, not the sender's.
_STATUTORY_BENEFIT_RE = lazyre.compile(
    r"[^，,。！!？?；;]{0,8}?(?:税收优惠|税收递延|递延纳税|税前扣除|个税抵扣|个税优惠|专项附加扣除)"
)
#: Words that move a price (上浮), after a cost (保费可能上浮): a cost going up offers nothing.
_COST_MOVES = frozenset({"上浮", "上调"})
#: (not 利率 alone: 存款利率上浮 sells; a loan's rate going up is its cost: 5年期LPR上浮15个基点 — rt195)
_COST_BEFORE_RE = lazyre.compile(r"保费|费用|费率|保险费|价格|手续费|LPR|lpr|贷款利率|房贷利率|借款利率")
#: The recipient's own errand named before a call in its clause (续保可在App一键办理, 还款可点击):
#: the call asks for the errand, not a purchase.
_OWN_ERRAND_BEFORE_RE = lazyre.compile(
    r"续保|续期|续卡|还款|缴费|激活|挂失|补卡|退保|理赔|延期|变更|解约|结清证明|证明|对账单"
    # (a security certificate or key of the recipient's own: 您名下U盾请…登录网上银行一键升级 — rt202)
    r"|证书|u盾|ukey|u-key|数字证书|安全工具"
)
#: What may follow a bare channel call before its clause ends (即可, 了, a closing bracket).
_CALL_TAIL_RE = lazyre.compile(r"(?:即可|就行|了|吧|哦)?[)）]?")
#: A product, price or return pitched in the sentence (升级…险, 账单分期, 收益7.1%, 投保…补充险,
#: 额度可达20万, 可再借): what an exception for a notice word must not let through.
_PITCH_IN_SENTENCE_RE = lazyre.compile(
    r"\d+(?:\.\d+)?%|收益|年化|回报|分期|[^，,。！!？?；;]险(?!单|金|费|事故|期)|理财|基金|贷款|借款|额度|可借|再借|授信|"
    r"升级|加保|投保|购买|申购|认购|开户|开卡|办卡|信用卡|立减|优惠|礼|赠|(?<![发寄递])送|返现"
)
#: The recipient's own units, account or policy as a benefit's subject (Y份额可享受…).
_OWN_SUBJECT_RE = lazyre.compile(r"份额|账户|保单|您|你")
#: A return or a purchase urged in a sentence (近三年年化收益7.1%, 建议追加): a tax rule beside it sells.
_RETURN_PITCH_RE = lazyre.compile(r"\d+(?:\.\d+)?%|收益|年化|回报|建议|推荐|加购|追加|立即|马上|抢")
#: An offer in the errand's clause (续保享8折，点击办理): the call sells it.
_CLAUSE_OFFER_RE = lazyre.compile(r"优惠|折|礼|送|返|享|减|免费|活动")
#: Calls that sell more whatever errand comes before them (续保并升级为尊享版).
_UPSELL_CALLS = frozenset({"升级", "加保", "升级为", "购买", "投保", "抢购"})
#: More time asked on the recipient's own debt (回复1申请延期, 申请展期, 协商还款).
_DEFER_RE = lazyre.compile(r"[^，,。！!？?；;：:]{0,2}?(?:延期|展期|协商还款)")


def _defers(text: str, end: int, stop: int) -> bool:
    """Whether ``text`` at ``end`` asks more time on the recipient's own debt (申请延期, 展期,
    协商还款) with nothing pitched after it up to ``stop`` (…延期后可再借 sells)."""
    d = _DEFER_RE.match(text, end)
    return d is not None and _PITCH_IN_SENTENCE_RE.search(text, d.end(), stop) is None


#: The act a verification code is sent for (您正在投保…, 您正在申请…).
_CODE_ACT_RE = lazyre.compile(r"(?:您|你)正在")
#: A bracketed aside in the act a code is for (（新用户首借免息）), up to its closing bracket.
_ASIDE_RE = lazyre.compile(r"[（(][^）)]*[）)]?")
#: The sender's channels a notice sends the recipient to (手机银行, App, any branch: 到任一网点 — rt207): one
#: list for the channel errand and the channel prefix below.
_CHANNELS = r"手机银行|网上银行|网银|官方app|官网|app|柜台|[^，,。！!？?；;]{0,3}?网点|客户端|微信银行"
#: A channel for the errand, the verb ending its clause (请通过手机银行办理。, 可至网点办理): where
#: to go, nothing offered; a product named after the verb (办理信用卡) is not this.
_CHANNEL_ERRAND_RE = lazyre.compile(
    rf"(?:通过|至|到|前往|登录|使用)(?:{_CHANNELS}"
    r"|[^，,。！!？?；;]{0,8}?(?:支行|分行|营业厅|营业部))"
    r"[^，,。！!？?；;]{0,4}?(?:办理|操作|查询)(?=[，,。！!？?；;]|$)"
)
#: Business named by no product but an errand (如需办理紧急业务，请联系客服; 如需办理补卡): what a
#: condition asks for is the recipient's own errand (如需办理贷款, 如需办理相关业务 still offer).
_GENERIC_ERRAND_RE = lazyre.compile(r"(?:紧急|柜面|临柜|现金)业务|补卡|换卡|挂失")
#: A contact line after the recipient's question (如有疑问详询95588, 如需帮助请致电): where to
#: ask, not a call to act on an offer.
_QUESTION_BEFORE_RE = lazyre.compile(
    r"(?:(?:如|若|如果)(?:您)?)?(?:有|对)[^，,。！!？?；;：:]{0,8}?(?:疑问|问题|异议|疑虑)[，,]?(?:请|可|可以|欢迎|随时|直接)?"
    # (where to come with it: 有问题直接来网点找我 — rt133)
    r"(?:(?:来|到|去)[^，,。！!？?；;：:]{0,4}?)?$"
    r"|如需(?:帮助|咨询)[，,]?(?:请|可)?$"
)


def _question_before(msg: Message, compact: str, start: int) -> bool:
    """The recipient's question before a contact or a call at ``start``, in its clause or, when
    the call opens its clause after a comma, in the clause before (如有疑问，欢迎咨询各营业网点 —
    rt160): where to ask, not a pitch."""
    c0 = msg.ctx.clause(start)[0]
    if c0 == start and c0 > 0 and compact[c0 - 1] in "，,":
        c0 = msg.ctx.clause(c0 - 1)[0]
    return c0 < start and _QUESTION_BEFORE_RE.search(compact, c0, start) is not None


#: A message headed as a warning (反诈提醒：, 安全提示：): its figures are what it warns of.
_WARNING_HEAD_RE = lazyre.compile(r"反诈|防骗|防诈|安全提示|安全提醒|风险提示|风险提醒|投资者教育|投教")
#: A product named as new (新一代…医疗险保证续保20年): what is said of it is an offer.
_NEW_PRODUCT_RE = lazyre.compile(r"新一代|新款|新品|全新|新推出|新上线|新版|新产品|升级版|升级后")
#: A figure a product is sold by: a rate (an amount alone is also what a fraud warning quotes).
_FIGURE_RE = lazyre.compile(
    r"\d%|‰|万分之|年化|利率"
    # …or a credit line's size or speed (正规借款请在App申请，额度可达20万，当天审批)
    r"|额度[^，,。！!？?；;]{0,4}?\d|(?:可达|最高|高达)\d"
)
#: A product named after a call word (可申请明德快贷, 可选购鑫享理财): the call sells it.
_PRODUCT_AFTER_RE = lazyre.compile(
    r"[^，,。！!？?；;]{0,8}?(?:快贷|贷款|消费贷|经营贷|理财|基金|保险|信用卡|分期乐)"
)
#: A condition that names a service act of the recipient's own (如需延期还款，可登录APP申请;
#: 若需挂失，请…办理): the call word after it asks for that act, it offers nothing.  Not
#: 转存 or 续存: 如需转存可选购… is the cross-sell itself.
#: Of those acts, the paperwork and account errands (开具, 查询, 挂失, 退保 …), group ``paperwork``: the
#: ones a call through a channel may ask for (see _asks_service_act); a limit, instalments or more
#: time asked for that way may be credit on offer (rt209).
_PAPERWORK_ACTS = "挂失|解挂|销户|注销|修改|变更|更正|开具|退保|退款|退费|取消|关闭|解绑|补办|换卡|重置|查询|投诉|异议|理赔|报案|撤销|复核|申诉"
_SERVICE_CONDITION_RE = lazyre.compile(
    r"(?:如需|若需|如要|若要|如您需要|如有|如您有|若有)(?:办理|申请)?(?:延期还款|展期|提前还款|提前结清|还款|解冻|"
    rf"(?P<paperwork>{_PAPERWORK_ACTS})|赎回|更换|恢复|复效|解除"
    # a card's own limit adjusted for its holder (如需临时额度可登录App申请)
    r"|临时额度|调整额度|额度调整)"
)


#: Where the recipient does a service act, opening the clause before the call (可在App, 请登录手机银行,
#: 可通过官网): a pointer to the channel, nothing new said.
_CHANNEL_PREFIX_RE = lazyre.compile(
    rf"(?:您)?(?:请|可|可以|均可)?(?:在|通过|登录|至|到|前往)(?:{_CHANNELS})(?:上|中|内|首页)?"
)


#: The noun phrase an own act governs (您领取的满减券, 您参与的立减活动): up to twelve characters,
#: ending before the predicate (已, 将, 于, 可…) or the clause end.
#: (请 ends it as an imperative, not inside 申请: 您提交的理赔申请已受理)
#: (a quoted name counts as one word however long: 您报名的“亲子财商课堂”活动因场地调整… — rt176)
_GOVERNED_RE = lazyre.compile(
    r"(?:“[^“”，,。！!？?；;]{1,20}”|[^已将于还可即再也都并请现今后因，,。！!？?；;：:“]|(?<=申)请){0,12}"
)


#: A new-customer offer named in the object (您领取的新客专享加息券): still an offer.
_NEW_CUSTOMER_RE = lazyre.compile(r"新客|新人|新户|新用户|专享|加息")


def _governed_end(compact: str, end: int) -> int:
    """Where the recipient's own act's object ends: past the noun phrase when a completed or
    scheduled predicate follows it (您参与的立减活动已返现, 您领取的满减券将于…到期), or what befell it
    (您参加的“存款有礼”活动因存期不足…); otherwise
    at the act itself (您参与的新客专享理财抢购活动火热进行中 still offers)."""
    m = _GOVERNED_RE.match(compact, end)
    if (
        m is not None
        and m.end() > end
        and compact[m.end() : m.end() + 1] in ("已", "将", "于", "因")
        and _NEW_CUSTOMER_RE.search(compact, end, m.end()) is None
    ):
        return m.end()
    return end


#: Right before an offer word: it is named as unlawful (非法金融活动, 违法集资活动); only as the
#: word's own modifier (征信违规也能下款 still offers).
_UNLAWFUL_BEFORE_RE = lazyre.compile(r"(?:非法|违法)(?:金融|集资|证券|期货|外汇|网贷)?$")
#: A clause that opens on the reader's own case (如您有资金需求, 若您需要借款): in a warning it
#: says what to do then, it offers nothing.
_IF_YOU_RE = lazyre.compile(r"(?:如果|如|若|假如|要是)(?:您|你)")
#: A clause sending the reader to the official channel (请认准我行官方渠道, 请通过正规渠道办理):
#: in a warning, what it names is where to go, not an offer.
_OFFICIAL_CHANNEL_RE = lazyre.compile(
    r"认准|(?:通过|到|前往|选择)(?:我行|本行|我司|本公司)?(?:官方|正规|正当|合法)(?:渠道|途径|平台|网点|app)"
)
#: A predicate marker between the recipient's own thing and a word: the word says what
#: happened, or will happen on a stated date, to that thing (您参与的…活动已返现, 您中签的新股
#: 将于3月12日上市); not 将于本月 (an offer's window).
_PREDICATE_RE = lazyre.compile(r"已|(?:将于|于)(?:\d{4}年)?\d{1,2}月\d{1,2}日")
#: Right after an offer word: the benefit ends and the usual price returns (优惠政策到期，恢复按每笔
#: 0.5元收取; 减免期结束后恢复收取年费): a notice of the price, nothing offered.  Only with the price
#: restored: 优惠活动将于6月30日结束 alone urges a purchase.
_BENEFIT_ENDS_RE = lazyre.compile(
    # (its end dated: 手续费减免优惠将于7月31日到期，8月1日起恢复按每笔0.5元收取 — rt180)
    r"(?:优惠|政策|期|活动)?(?:已|将)?(?:于[^，,。！!？?；;]{0,12}?)?(?:到期|结束|终止|取消|停止)[^。！!？?；;]{0,12}?恢复(?:按|收取|原|正常|标准)"
)
#: Verbs that take up or open an offer: what follows them is the offer, not a state of the
#: recipient's own thing (已解锁新客专享产品, 将于12月1日开启分期优惠).
_OFFER_VERB_RE = lazyre.compile(
    "开启|解锁|开通|获赠|获得|参与|参加|加入|推出|上线|开放|享|升级为|送|赠|领|列入|入选|纳入"
)


def _predicate_of_own(
    msg: Message, compact: str, start: int, own_spans: list[tuple[int, int]], own_verbs: list[tuple[int, int]]
) -> bool:
    """Whether the offer word at ``start`` is the predicate of a clause whose subject is the
    recipient's own account, product or act (您中签的新股将于3月12日上市): it reports on that
    thing, it offers nothing.  Only the few words the data lists (kind_own_predicate_words:
    four red teams turned every wider list into a way to hide an offer), never offer shapes,
    and only in the subject's own clause (您的账户已开通，首借享免息 still offers)."""
    c0, _ = msg.ctx.clause(start)
    for s, e in (*own_spans, *own_verbs):
        if c0 <= s and e <= start:
            marker = _PREDICATE_RE.search(compact, e, start)
            if (
                marker is not None
                and start - marker.end() <= 6
                and _OFFER_VERB_RE.search(compact, marker.end(), start) is None
            ):
                return True  # a state of the recipient's own thing (新股将于3月12日上市), not
                # a new offer taken up (已解锁新客专享产品, 将于12月1日开启双倍积分活动)
    return False


def _asks_service_act(msg: Message, compact: str, start: int, end: int) -> bool:
    """Whether the call or offer word at ``start`` (ending at ``end``) is what a condition naming a
    service act asks for: in the condition's own clause (如需挂失请致电95588), or opening the clause
    right after it (如需延期还款，可登录APP申请), or after only a channel there when the condition is
    paperwork and the call ends its clause with nothing pitched after it (如需开具结清证明，可在App在线
    申请).  Not a later clause (如需修改账单日可登录APP，新客专享快贷立即申请: the cross-sell is a new
    statement)."""
    c0, c1 = msg.ctx.clause(start)
    if _PRODUCT_AFTER_RE.search(compact, start, c1) is not None:
        return False  # 如需临时额度，可申请明德快贷: the call names a product, a sale
    conds = list(_SERVICE_CONDITION_RE.finditer(compact, c0, start))
    if conds:
        return start - conds[-1].end() <= 8  # 如需挂失请致电: not 如需查询余额请登录APP领取新客专享红包
    if c0 == 0:
        return False
    through_channel = start - c0 > 2
    if through_channel and (
        # (a channel before it is no new statement: 如需开具结清证明，可在App在线申请 — rt207; but only with
        # nothing pitched after the call in its sentence: …可在App申请，额度最高20万 is a sale — rt209)
        _CHANNEL_PREFIX_RE.fullmatch(compact, c0, start) is None
        or _CALL_TAIL_RE.fullmatch(compact, end, c1) is None  # (…可在App申请提额: an object of its own)
        or _PITCH_IN_SENTENCE_RE.search(compact, c1, msg.ctx.sentence(start)[1]) is not None
    ):
        return False
    p0, _ = msg.ctx.clause(c0 - 1)
    cond = _SERVICE_CONDITION_RE.search(compact, p0, c0)
    # (through a channel, only a paperwork errand: _PAPERWORK_ACTS)
    return cond is not None and (not through_channel or cond.group("paperwork") is not None)


#: Role nouns that name the recipient when a notice addresses them (尊敬的持卡人), and a
#: population when counted (每10位投保人中有9位续保): after a count they are no evidence.
_ROLE_NOUNS = frozenset({"借款人", "持卡人", "投保人", "被保险人"})
_COUNTING = frozenset("0123456789位名个")


#: An event word followed by one of these states a condition (审批通过即放款), not an event.
_CONDITIONAL = frozenset("即后就则")
#: Before an event word in its clause: the recipient, or 已 (您支付成功的订单, 已支付成功的…).
_EVENT_SUBJECT_RE = lazyre.compile(r"您|你|已|尾号|本人")


def _event_as_modifier(compact: str, start: int, end: int) -> bool:
    """Whether the event word at ``[start, end)`` describes a class of things rather than
    reports what happened: right before 的, with no recipient or 已 before it in its clause
    (本周扫码买单，支付成功的订单随机返1至88元 — rt139); 您支付成功的订单 is the recipient's own."""
    if compact[end : end + 1] != "的":
        return False
    c0 = start
    while c0 > 0 and compact[c0 - 1] not in "，,。！!？?；;：:":
        c0 -= 1
    return _EVENT_SUBJECT_RE.search(compact, c0, start) is None


#: A validity window in minutes or seconds (5分钟内有效, 60秒有效): how long a code lasts.
_CODE_WINDOW_RE = lazyre.compile(r"\d{1,3}(?:分钟|秒)内?有效")


def _code_window(compact: str, end: int) -> bool:
    """Whether a validity window in minutes follows ``end`` (限时5分钟内有效)."""
    return _CODE_WINDOW_RE.match(compact, end) is not None


#: A comma between digits (1,500积分) is a thousands separator, not a clause end (as in the
#: context pass's clauses).
_CLAUSE_END_RE = lazyre.compile("[" + re.escape(_CLAUSE_END) + "](?<![0-9],(?=[0-9]))")


#: Separators the compact view drops but a reader sees as a break between clauses: line
#: breaks, spaces, 、 ～ — | and emoji (您的账户已开通 首借30天免息 is two clauses).  Not a
#: colon: what follows it details the same statement (活动资格已确认：每周三…享88折).
_DROPPED_BREAK_RE = lazyre.compile(r"[\s、～~—|•·]+|[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]+")


class _ClauseIds:
    """The clause number of every character (for "same clause as an event"): the number of
    clause ends before it, read off the list of clause ends, not a list per character."""

    __slots__ = ("_ends",)

    def __init__(self, ends: list[int]) -> None:
        self._ends = ends

    def __getitem__(self, pos: int) -> int:
        return bisect_left(self._ends, pos)


def _clause_ids(msg: Message) -> _ClauseIds:
    """Clause ends of the compact view, plus the breaks it dropped (mapped onto it): an event
    in one line does not swallow the offer on the next."""
    compact = msg.nt.compact
    ends = [m.start() for m in _CLAUSE_END_RE.finditer(compact)]
    text = msg.text
    if _DROPPED_BREAK_RE.search(text) is not None:
        for m in _DROPPED_BREAK_RE.finditer(text):
            c = msg.nt.compact_pos(m.start())
            if 0 < c < len(compact):
                ends.append(c - 1)
        ends = sorted(set(ends))
    return _ClauseIds(ends)


# Span tests asked per cue or match of lists of one or two spans: a plain loop, as any() over
# a generator costs more to set up than the test itself.
def _within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start..end`` lies inside one of ``spans``."""
    for s, e in spans:  # noqa: SIM110 (a loop: see above)
        if s <= start and end <= e:
            return True
    return False


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start..end`` overlaps one of ``spans``."""
    for s, e in spans:  # noqa: SIM110 (a loop: see above)
        if s < end and start < e:
            return True
    return False


def _longest_first(hit: Hit) -> int:
    """Sort key of word cues: longest first."""
    return hit.start - hit.end


class _EventClauses:
    """The clauses that report an event (their offer words describe it, 返现活动已结束), asked
    as "is this position in one?".

    Why: numbering the clauses (_clause_ids) cost about as much as the event search itself,
    and most notices that report an event have no offer word to ask about; the numbering is
    done on the first question, from every event position recorded before it.
    """

    __slots__ = ("_at", "_clause_of", "_clauses", "_msg")

    def __init__(self, msg: Message) -> None:
        self._msg = msg
        self._at: list[int] = []  # compact offsets of the events
        self._clause_of: _ClauseIds | None = None
        self._clauses: set[int] | None = None

    def add(self, pos: int) -> None:
        self._at.append(pos)
        self._clauses = None  # numbered again if asked: an event recorded after a question counts

    def any_in(self, start: int, end: int) -> bool:
        """Whether an event was recorded in ``[start, end)`` (a sentence, for the own benefit)."""
        return any(start <= p < end for p in self._at)

    def __contains__(self, pos: int) -> bool:
        if not self._at:
            return False
        clause_of = self._clause_of
        if clause_of is None:
            clause_of = self._clause_of = _clause_ids(self._msg)
        if self._clauses is None:
            self._clauses = {clause_of[p] for p in self._at}
        return clause_of[pos] in self._clauses


def _names_other_product(msg: Message, compact: str, start: int, own: list[tuple[int, int]]) -> bool:
    """Whether the sentence at ``start`` names a product outside the recipient's own spans
    (续保可在App一键办理 after 您的意外险…到期 names only theirs; …安和年金险… names another)."""
    s0, s1 = msg.ctx.sentence(start)
    return any(not _overlaps(p.start(), p.end(), own) for p in _PRODUCT_NOUN_RE.finditer(compact, s0, s1))


def _names_offer_before(kind_hits: list[Hit], c0: int, start: int) -> bool:
    """Whether a product, offer or call word stands in ``[c0, start)`` (the contact word's
    clause before it): 理财产品详询 names what is pitched, 如需了解详情请致电 names nothing.  A word
    inside a longer contact word (欢迎 in 欢迎致电95105了解详情) is that contact word, no pitch."""
    contacts = [(h.start, h.end) for h in kind_hits if c0 <= h.start < start and h.payload[1] == "contact"]
    return any(
        c0 <= h.start < start
        and h.payload[0] == "marketing"
        and h.payload[1] in _PITCH_FAMILIES
        and h.word not in _POINTER_WORDS
        and not any(a <= h.start and h.end <= b and b - a > h.end - h.start for a, b in contacts)
        for h in kind_hits
    )


#: A card's annual-fee waiver said as its condition (满6次可减免次年年费, 刷卡满12笔的，年费将自动减免).
_FEE_WAIVER_TERM_RE = lazyre.compile(
    r"(?:减免|免收|免|豁免|减半)(?:次年|下一年度|下年度|当年|本年度|次年度)?的?年费|年费[^，,。！!？?；;]{0,4}?(?:减免|免收|豁免|减半)"
)
#: The recipient's own annual fee charged or due (已于…扣收年费300元, 年费600元将于8月1日收取, 计入账单).
_OWN_FEE_EVENT_RE = lazyre.compile(
    r"(?:扣收|收取|扣除|入账|计入)[^，,。！!？?；;]{0,6}?年费|年费[\d,.]*元?(?:已|将|于)[^。！!？?；;]{0,12}?(?:扣收|收取|扣除|入账|计入)"
)
#: What would make the waiver an offer after all: a card or an activity to apply for.
_FEE_OFFER_RE = lazyre.compile(
    r"申请|办理|办卡|新办|新卡|开卡|核卡|新户|首刷|升级|点击|立即|活动|推荐|邀请|专享|限时"
)


def _annual_fee_term(msg: Message, view: str, start: int) -> bool:
    """A fee waiver in the sentence of a message that charges the recipient's own card its annual
    fee: the card's contract terms (刷卡满6次可减免次年年费), not an offer — three independent
    writers label such notices service (s46).  Not with a card or an activity to apply for."""
    _, s1 = msg.ctx.sentence(start)
    return (
        _FEE_WAIVER_TERM_RE.search(view, start, s1) is not None
        and _OWN_FEE_EVENT_RE.search(view) is not None
        and _FEE_OFFER_RE.search(view) is None
    )


def _own_benefit(
    msg: Message,
    compact: str,
    start: int,
    end: int,
    rules: KindRules,
    own: list[tuple[int, int]],
    own_verbs: list[tuple[int, int]],
    dated: list[tuple[int, int]],
    events: _EventClauses,
) -> bool:
    """Whether the benefit word or shape at ``start`` reports what the recipient already holds:
    its sentence names the recipient's own account or act before it (您的借记卡, 您尾号…账户,
    您参与的), reports an event or a due date (已升级, 已获赠, 将于…到期), and invites no act
    and names nothing new (kind_own_benefit).  Why the sentence and not the clause: the
    benefit is often its own clause after the event (…已升级为金卡，本年度可享…免手续费)."""
    s0, s1 = msg.ctx.sentence(start)
    if s0 > 1 and compact[s0 - 1 : s0] in ("：", ":"):
        # 您的钻石卡权益已更新：本年度可享…: the heading before the colon is the sentence's subject
        s0 = msg.ctx.sentence(s0 - 2)[0]
    elif s0 > 1 and _BACK_POINTER_RE.match(compact, s0) is not None:
        # …白金信用卡已激活成功。本卡持卡人每年可享…: the sentence points back to the one before (rt202)
        s0 = msg.ctx.sentence(s0 - 2)[0]
    if not any(s0 <= a < start for spans in (own, own_verbs, dated) for a, _ in spans):
        return False  # (a dated span is the recipient's own too: 您账户中的1张…券将于…到期)
    if (
        compact[start - 1 : start] != "已"  # 已获赠积分800分: the word is the event
        and not events.any_in(s0, s1)
        and not any(s0 <= a < s1 for a, _ in dated)
        # (已获得本期消费返现50元, 返现将于下月账单日入账: received, or its delivery scheduled)
        and _HELD_RE.search(compact, s0, s1) is None
    ):
        return False
    invite = rules.own_benefit_invite
    if invite is not None:
        for m in invite.finditer(compact, s0, s1):
            if start <= m.start() < end:
                continue  # the shape itself (满50减5元券): what it says is the benefit
            if _within(m.start(), m.end(), own) or _within(m.start(), m.end(), own_verbs):
                continue
            if _met_or_scheduled(compact, m, start):
                continue
            if _NO_NEED_RE.search(compact, max(s0, m.start() - 3), m.start()) is not None:
                continue  # 无需办理: no act asked (rt137)
            if m.group() == "新" and compact[m.start() - 1 : m.start()] in ("更", "刷"):
                continue  # 权益已更新: an update of what is held, nothing new offered
            if _VIEW_POINTER_RE.search(compact, msg.ctx.clause(m.start())[0], m.start()) is not None:
                continue  # 可在手机银行查看每日收益: where to look at what is held, no act asked
            return False  # 点击领取, 新客专享, 回复1办理: the sentence offers after all
    return True


#: What of the recipient's a pointer names (本卡, 该账户, 此保单): one list for the sentence that points
#: back (_BACK_POINTER_RE) and the product pointed back to (_HELD_BEFORE_RE).
_POINTED_NOUNS = "卡|账户|保单|存单|产品|计划|贷款|额度"
#: A sentence opening by pointing back to what the sentence before named (本卡, 该账户, 此保单).
_BACK_POINTER_RE = lazyre.compile(rf"(?:本|该|此)(?:{_POINTED_NOUNS}|账号)")


#: A deposit or plan rolled over before the term words (已到期自动转存，新一期…): what follows is
#: the recipient's own new term, not a new issue on sale.
_TERM_WORDS = frozenset({"新一期", "下一期"})
_ROLLED_OVER_RE = lazyre.compile(
    r"(?:已|自动|成功)(?:转存|续存|续期|续投|滚动)|(?:转存|续存|续期|续投)(?:成功|完成)"
)


#: Right before a term word, what the recipient's own product does (您持有的…进入新一期): it enters it.
_ENTERS_TERM = frozenset({"进入", "转入"})


def _rolled_over_before(msg: Message, compact: str, start: int) -> bool:
    """Whether the recipient's own deposit or plan is said to have rolled over before the term
    word at ``start``, in its sentence or the one before (…已到期并自动转存。新一期存单执行利率… —
    rt146): the recipient's (您) rollover, not a product's own (季季盈第12期已成功滚动，新一期…均可申购)."""
    s0 = msg.ctx.sentence(start)[0]
    if (
        compact[start - 2 : start] in _ENTERS_TERM
        and compact[start - 3 : start - 2]
        not in ("可", "以", "请", "迎")  # (可转入新一期: an option offered)
        and "您" in compact[s0:start]
    ):
        return True  # 您持有的…于12月1日进入新一期投资周期: the recipient's product enters its next term
    lo = msg.ctx.sentence(s0 - 1)[0] if s0 > 1 else s0
    m = _ROLLED_OVER_RE.search(compact, lo, start)
    return m is not None and "您" in compact[msg.ctx.sentence(m.start())[0] : m.start()]


#: A payout timed in minutes or hours (30分钟内放款): an estimate when it is for the recipient's own
#: request (您的借款申请已审批通过，预计30分钟内放款), a selling point otherwise.  (Not 分钟内到账: the
#: longer word would take the notice word 到账 out of a withdrawal's estimate, 预计2小时内到账.)
_TIMED_PAYOUT_WORDS = frozenset({"分钟内放款", "分钟放款", "小时内放款", "分钟内下款"})
#: A pointer to where the recipient looks at what they hold (可在手机银行查看, 请登录App查询): the
#: words after it in its clause (每日收益, 额度) are what is looked at, not an invitation.
_VIEW_POINTER_RE = lazyre.compile(r"(?:在|登录|通过|进入)[^，,。！!？?；;]{0,12}?查(?:看|询|阅)")
#: A benefit already received, or the delivery of one held (已获得…返现, 将于下月账单日入账).
#: A condition already met (已满足, 已达到 …), shared by the two patterns below.
#: (or the condition's own act done in full: 本年度已消费满6笔，次年年费全免 — rt139)
_MET = r"已(?:满足|达到|达成|符合)|已(?:消费|刷卡|交易|使用|刷)(?=满\d)"
_HELD_RE = lazyre.compile(
    r"已(?:获得|获赠|享受|领取|发放|到账|入账|返还|抵扣|减免|累计)|将于[^，,。！!？?；;]{0,8}?(?:入账|返还|到账|发放|返至|抵扣)"
    # (or earned by a condition already met: 您尾号…的信用卡本年度已满足免年费条件 — rt136)
    rf"|(?:{_MET})[^，,。！!？?；;]{{0,12}}?条件|已(?:消费|刷卡|交易|使用|刷)(?=满\d)"
)
#: A condition already met, the invite-looking words inside it its terms (已满足免年费条件（消费满6次）).
_CONDITION_MET_RE = lazyre.compile(rf"(?:{_MET})[^。！!？?；;]{{0,16}}$")
#: After a period word, the delivery of what is held (将于下期账单返还, 次月入账): a schedule.
_DELIVERY_AFTER_RE = lazyre.compile(r"[^，,。！!？?；;]{0,3}?(?:账单|入账|返还|到账|发放|自动|退还|返至)")
#: After 累计, a tally (累计优惠126元, 累计消费1,230.00元), not a spend-more offer.
_TALLY_AFTER_RE = lazyre.compile(
    r"(?:已)?(?:优惠|返现|节省|省下|获得|获赠|消费|交易)?[\d,，.]*\d|(?:优惠|返现|节省|获得)"
)


#: What a correction restates a figure after (正确利率为, 更正为, 应为).
_CORRECTED_TO_RE = lazyre.compile(r"正确[^，,。！!？?；;]{0,6}?为|更正为|应为|实为")


def _met_or_scheduled(compact: str, m: re.Match[str], start: int) -> bool:
    """An invite-looking word in an own benefit's sentence that reports, not invites: a past act
    (已享受, 已领取), a condition already met before the event (消费满5,000元，已获得…返现), the
    schedule of what is held (将于下期账单返还) or a tally (累计优惠126元) — c93, c94 notices."""
    if compact[m.start() - 1 : m.start()] == "已":
        return True
    word = m.group()
    if m.end() <= start and "已" in compact[m.end() : start]:
        return True  # 满5,000元，已获得: the condition met, then the benefit reported
    if _CONDITION_MET_RE.search(compact, max(0, m.start() - 20), m.start()) is not None:
        return True  # 已满足免年费条件（消费满6次）: the terms of a condition already met
    if word in ("次月", "下期", "下月") and _DELIVERY_AFTER_RE.match(compact, m.end()) is not None:
        return True
    return word == "累计" and _TALLY_AFTER_RE.match(compact, m.end()) is not None


#: What a contact line is asked about when it names details right before the contact word (收益明细详询,
#: 审批进度详询, 保全服务详询): where to learn more about the recipient's own matter, not a pitch (c-sets).
_DETAILS_BEFORE_RE = lazyre.compile(
    r"(?:明细|进度|详情|事宜|手续|流程|规则|情况|问题|疑问|保全服务|操作方式|办理方式)(?:请)?$"
)
#: A yield or rate offered with its figure (年化最高4.5%, 收益率3.2%) after a contact word.
#: (a return's, not a loan's own rate: 您的…已放款，欢迎咨询95588，年化利率3.6% — rt102)
_YIELD_AFTER_RE = lazyre.compile(r"(?:年化(?!利率)|收益|业绩比较基准)[^，,。！!？?；;]{0,6}?\d+(?:\.\d+)?%")
#: Calls that are contact lines when the contact point follows them (欢迎咨询95588, 欢迎咨询客服).
_CONTACT_CALLS = frozenset({"欢迎咨询"})
#: What a contact line is for when it is for a report or a check (…欢迎致电400…举报, 请致电…核实).
_REPORT_AFTER_RE = lazyre.compile(r"举报|投诉|反映问题|核实|报案|挂失|冻结")
_CONTACT_POINT_RE = lazyre.compile(r"\d{3,}|[（(]?(?:客服|热线|电话|服务热线|客服热线|您的客户经理|客户经理)")

#: Calls that only say where to look (可登录官网了解详情): a pointer, no pitch.
_POINTER_WORDS = frozenset({"登录", "登陆", "访问", "致电", "拨打", "前往"})


_PITCH_FAMILIES = frozenset({"product", "offer", "call_to_action", "solicitation"})


#: Verbs counted as product words that may govern a service act (申请复效, 办理挂失).
_ERRAND_VERBS = frozenset({"申请", "办理"})


#: A debt owed now (你欠的, 已逾期30天, 再不还, 拖了好久), not a term of a loan on offer (逾期就…).
_CURRENT_DEBT_RE = lazyre.compile(
    r"已逾期|逾期\d|逾期[一二三四五六七八九十两多]|欠款|欠的|欠了|欠钱|欠债|尚欠|不还|没还|未还|再不|拖欠|拖了|拖着|赖账|还钱|还款|还清|结清|催收|应还|待还|老赖|黑名单"
)


#: A call to act denied right before it (无需尽快投保, 不必立即办理).
_NO_NEED_RE = lazyre.compile(r"无需|无须|不必|不用|没必要|不需要")


def collect_evidence(
    msg: Message,
    rules: KindRules,
    claims: list[tuple[str, str, int, int, int]],
    pressure_codes: frozenset[str] = frozenset(),
) -> KindEvidence:
    """Score both sides from the dictionary hits, event patterns, the opt-out and claims."""
    ev = KindEvidence()
    decision = rules.decision
    cap = int(decision.get("cap", 2))
    compact = msg.nt.compact
    covered = bytearray(len(compact) + 1)
    sig_span = msg.signature_span
    if sig_span is not None:  # 【汇通支付】 names the sender, it is not a "支付" notice
        s0, s1 = sig_span
        covered[s0:s1] = b"\x01" * (s1 - s0)
    # The opt-out and what follows it in its clause speak about the opt-out (回T退订功能已关闭):
    # those words are no evidence of what the message is.
    optout = msg.optout_span or (msg.void_optout[:2] if msg.void_optout else None)
    if optout is not None:
        c0 = msg.nt.compact_pos(optout[0])
        _, c1 = msg.ctx.clause(c0)
        covered[c0:c1] = b"\x01" * (c1 - c0)
    # A link's letters are an address, not words (…/bonus, …/vip-offer): no evidence either.
    for u0, u1, _host, _url in msg.urls:  # found once per message, shared with the link rules
        c0, c1 = msg.nt.compact_pos(u0), msg.nt.compact_pos(u1 - 1) + 1
        covered[c0:c1] = b"\x01" * (c1 - c0)
    # What no evidence may come from (the signature, the opt-out clause, links), kept apart from
    # ``covered``, which word cues fill in below: a shape made of cue words (欢迎下载体验)
    # still counts as a shape.
    excluded = bytes(covered)
    per_family: dict[tuple[str, str], int] = {}
    offer_at: list[int] = []  # where each offer, call or promise starts (compact offsets)
    complaint: list[tuple[str, int]] = []  # a complaint reply, correction or apology (see below)

    def count(side: str, family: str, word: str, weight: int, family_cap: int | None) -> None:
        words = ev.words[side]
        if word in words:
            return
        key = (side, family)
        n = per_family.get(key, 0)
        if n >= (cap if family_cap is None else family_cap):
            return
        per_family[key] = n + 1
        # ev.add, without asking again whether the word is new (asked above)
        ev.scores[side] += weight
        if weight:
            words.append(word)
            if side == "service":
                ev.service_families.add(family)
            elif family in _WEAK_MARKETING_FAMILIES:
                ev.weak_marketing += weight
            elif family == "contact":
                ev.contact += weight

    # One pass over the word cues for what the loops below ask of them all: completed events
    # come first, as they also mark their clause as reporting, not offering (已于…到期: an event
    # word marks its clause too); the starts of fixed terms (see neutral_starts); whether a
    # security cue makes the message a warning.
    event_clauses = _EventClauses(msg)
    # A fixed term right after an offer or call word is its object (即可享受免息还款期):
    # the card's standard terms, not an offer.
    neutral_starts: set[int] = set()
    security = False
    kind_hits = msg.ctx.scan.kind_hits
    bounds = msg.ctx_boundaries
    if bounds:
        # a two-character cue whose characters belong to two other words (重新|发起 is no 新发,
        # 灵活|动用 no 活动): the table the detectors use for their triggers (_boundaries.yaml)
        kind_hits = [
            h
            for h in kind_hits
            if h.end - h.start != 2 or h.word not in bounds or not msg.ctx.straddles(h.start, h.end, bounds)
        ]
    for hit in kind_hits:
        family = hit.payload[1]
        if family == "event":
            if _event_as_modifier(compact, hit.start, hit.end):
                continue  # 支付成功的订单随机返…: a class of orders, what the offer is on
            event_clauses.add(hit.start)
        elif family == "neutral":
            neutral_starts.add(hit.start)
        elif family == "security":
            security = True
    # Whether the message warns (anti-fraud, security): an offer word may be a lure it quotes.
    warning = security or msg.ctx.anti_fraud_cue is not None
    # The event and own patterns that may match (one search: see _GateIndex), events first.
    n_events = len(rules.event_patterns)
    gated = rules.compact_index.candidates(compact)  # each one's whole literal gate passes
    n_gated_events = bisect_left(gated, n_events)
    for i in gated[:n_gated_events]:
        for m in rules.event_patterns[i].finditer(compact):
            if covered.find(0, m.start(), m.end()) == -1:
                continue
            if _event_as_modifier(compact, m.start(), m.end()):
                continue  # 支付成功的订单随机返…: a class of orders, what the offer is on
            event_clauses.add(m.start())
            a, b = msg.nt.compact_span(m.start(), m.end())  # as written: 968.00元, not 96800元
            count("service", "event", msg.nt.original[a:b], rules.event_weights[i], None)
    own_spans: list[tuple[int, int]] = []
    obligation_spans: list[tuple[int, int]] = []  # 您的意外险将于12月10日到期: the recipient's own, dated
    # 您认购的 / 您在APP发起的: the recipient's own act, whatever follows it
    # and the noun phrase it governs when what happened to it follows (您参与的“碰一下”支付立减活动
    # 已返现: the activity is what the recipient took part in)
    own_verbs: list[tuple[int, int]] = (
        [(m.start(), _governed_end(compact, m.end())) for m in rules.own_act.finditer(compact)]
        if rules.own_act is not None and ("您" in compact or "你" in compact)
        else []
    )
    if n_gated_events < len(gated):
        weight = int(decision.get("own_weight", 3))
        for i in gated[n_gated_events:]:
            pattern, family = rules.own_entries[i - n_events]
            for m in pattern.finditer(compact):
                if covered.find(0, m.start(), m.end()) == -1:
                    continue  # inside the signature
                if family == "own_account" and own_spans and _overlaps(m.start(), m.end(), own_spans):
                    # 尾号… inside 您尾号…: one account, one count.  Asked before the negation,
                    # which cannot make it count either: ~470 negation questions fewer on 3,000
                    # traffic messages, none of them asked again later
                    continue
                if msg.ctx.negation_cue(m.start()) is not None:
                    continue
                if family != "own_account":
                    count("service", family, m.group(), weight, None)  # a due date: its own evidence
                    obligation_spans.append((m.start(), m.end()))
                    continue
                own_spans.append((m.start(), m.end()))  # an offer shape inside still counts (满30减5元券)
                count("service", "own_account", m.group(), weight, None)
    # Longest cues first, so 最低还款额 is not also counted as 最低 / 还款 (a stable sort: one
    # cue has nothing to sort).
    for hit in sorted(kind_hits, key=_longest_first) if len(kind_hits) > 1 else kind_hits:
        start, end, word = hit.start, hit.end, hit.word
        if covered.find(1, start, end) != -1:
            continue  # overlaps a longer cue (可享受 is 可享 or 享受, not both) or the signature
        if word[0].isdigit() and start > 0 and (compact[start - 1].isdigit() or compact[start - 1] == "."):
            continue  # 0元 inside 52,310.00元
        side, family, weight, family_cap = hit.payload
        if (
            family == "own_account"
            and word in _ROLE_NOUNS
            and start > 0
            and compact[start - 1] in _COUNTING
            and compact[max(0, start - 2) : start] != "各位"
        ):
            continue  # 每10位投保人中有9位…: a population counted, not the recipient addressed
        if side == "service" and own_spans and _within(start, end, own_spans):
            # 您的信用钱包: the phrase still hides the cue inside it (用钱)
            if family in ("neutral", "grace_term"):
                covered[start:end] = b"\x01" * (end - start)
            continue  # 您尾号 inside 您尾号1208的信用卡: the account was counted once, as a shape
        covered[start:end] = b"\x01" * (end - start)
        if (
            side == "marketing"
            and (
                family in ("offer", "call_to_action")
                or (family == "product" and (start in event_clauses or word in _ERRAND_VERBS))
            )
            and own_spans
            and _within(start, end, own_spans)
        ):
            # (and 根据您的申请: the recipient's own application names the verb — rt139)
            # 您的备用金借款, 全额还款可享受免息还款待遇: the recipient's own loan or card terms name
            # the word, they offer nothing; 您的基金分红86.40元已到账: a category names the holding a
            # completed event is about (rt134)
            continue
        if family == "call_to_action" and word in _CONTACT_CALLS and _CONTACT_POINT_RE.match(compact, end):
            # …已放款，欢迎咨询95588: the contact point given, a contact line like 详询 (rt100); a bare
            # 欢迎咨询 after a pitch (…收益稳健，欢迎咨询。) stays a call
            family = "contact"
        if family == "contact":
            c0 = msg.ctx.clause(start)[0]
            if side == "marketing" and _question_before(msg, compact, start):
                continue  # 有问题可随时联系, 如有疑问请来电咨询: where to ask, no evidence of a promotion
            if (
                side == "marketing"
                and _REPORT_AFTER_RE.search(compact, end, msg.ctx.clause(start)[1]) is not None
            ):
                continue  # 欢迎致电400-880-1199举报: where to report, no evidence of a promotion (s42)
            if (
                c0 < start
                and _QUESTION_BEFORE_RE.search(compact, c0, start) is None
                # (the details of a thing asked about, not the thing: 到期收益明细详询客户经理, 保全服务详询95519)
                and _DETAILS_BEFORE_RE.search(compact, max(c0, start - 4), start) is None
                and _names_offer_before(kind_hits, c0, start)
            ) or _YIELD_AFTER_RE.search(compact, end, msg.ctx.sentence(start)[1]) is not None:
                # (…欢迎致电95588了解详情，年化最高4.5%: a yield after it in its sentence — rt101)
                # 理财产品详询客户经理: a pitch, not a contact line.  Only a pointer before it
                # (如需了解详情请致电…, 可登录官网了解详情) says where to learn more: still a contact.
                family = "call_to_action"
        if family == "event" and (
            compact[end : end + 1] in _CONDITIONAL or _event_as_modifier(compact, start, end)
        ):
            continue  # 审批通过即放款, 还款成功后可…, 支付成功的订单: a condition, not what happened
        if side == "marketing" and family in ("offer", "call_to_action", "solicitation"):
            if neutral_starts and any(end <= s <= end + 1 for s in neutral_starts):
                continue  # 享受免息还款期: the object is a fixed term
            if family in ("call_to_action", "solicitation") and _question_before(msg, compact, start):
                continue  # 有问题随时找我, 如有疑问，欢迎咨询各营业网点: where to ask, not a pitch
            if _SERVICE_OBJECT_RE.match(compact, end) is not None:
                continue  # 邀请您对本次服务进行评价, 诚邀您…参与表决, 请抓紧还款: a service act, no offer
            if _defers(compact, end, msg.ctx.sentence(start)[1]):
                continue  # 回复1申请延期: more time on the recipient's own debt (…延期后可再借 sells)
            if (
                _STATUTORY_BENEFIT_RE.match(compact, end) is not None
                and not _RETURN_PITCH_RE.search(compact, *msg.ctx.sentence(start))
                # (the recipient's own units or account: Y份额可享受…; not 安和税优养老年金可享受…)
                and _OWN_SUBJECT_RE.search(compact, msg.ctx.clause(start)[0], start) is not None
            ):
                continue  # Y份额可享受个人养老金税收优惠: a tax rule, not an offer (收益7.1% beside it sells)
            if (
                word in _COST_MOVES
                and _COST_BEFORE_RE.search(compact, max(0, start - 6), start) is not None
                and _PITCH_IN_SENTENCE_RE.search(compact, end) is None
            ):
                continue  # 续保保费可能上浮: a price going up, nothing offered (…建议投保X sells)
            if (
                family == "call_to_action"
                and (own_spans or "obligation" in ev.service_families)
                and word not in _UPSELL_CALLS
                and _OWN_ERRAND_BEFORE_RE.search(compact, msg.ctx.clause(start)[0], start)
                and _CLAUSE_OFFER_RE.search(compact, *msg.ctx.clause(start)) is None
                # the call ends its clause (续保可在App一键办理。): an object after it is what it sells
                # (一键办理账单分期, 立即申请现金分期, 一键升级驾乘意外险)
                and _CALL_TAIL_RE.fullmatch(compact, end, msg.ctx.clause(start)[1]) is not None
                and not _names_other_product(msg, compact, start, own_spans + obligation_spans)
            ):
                continue  # 您的意外险将于12月10日到期，续保可在App一键办理: the errand is the recipient's own
            if word[:1] in "如若" and _GENERIC_ERRAND_RE.match(compact, end) is not None:
                continue  # 如需办理紧急业务，请联系客服: an errand of the recipient's own, no product
            if ("如" in compact or "若" in compact) and _asks_service_act(msg, compact, start, end):
                continue  # 如需延期还款，可登录APP申请: the act asked for is a service act
            if own_verbs and _within(start, end, own_verbs):
                continue  # 您认购的: the recipient's own act, not an offer (您的专属优惠 still offers)
            if _code_window(compact, end):
                continue  # 限时5分钟内有效: how long a code lasts, not a deadline on an offer
            if (word[:1] == "最" and msg.ctx.time_estimate(start, end)) or (
                word in _TIMED_PAYOUT_WORDS and msg.ctx.estimated(start)
            ):
                continue  # 已提交，最快2小时到账: an estimate for the recipient's own request
            if (
                family == "offer"
                and (
                    word in rules.own_predicate_words
                    or (compact[start - 1 : start] == "已" and "已" + word in rules.own_predicate_words)
                )
                and (own_spans or own_verbs)
                and _predicate_of_own(msg, compact, start, own_spans, own_verbs)
            ):
                continue  # 您中签的新股将于3月12日上市: what happens to the recipient's own thing
            if family == "offer" and start in event_clauses:
                continue  # 您领取的红包已存入 / 返现活动已结束: an offer word that describes an event
            if family == "offer" and _BENEFIT_ENDS_RE.match(compact, end) is not None:
                continue  # 手续费优惠政策到期，恢复按每笔0.5元收取: a benefit withdrawn, no offer (rt176)
            if (
                word in rules.own_benefit_words
                and (own_spans or own_verbs or obligation_spans)
                and _own_benefit(
                    msg, compact, start, end, rules, own_spans, own_verbs, obligation_spans, event_clauses
                )
            ):
                continue  # 您的借记卡已升级为金卡，本年度可享…免手续费: the recipient's own benefit
            if word in _TERM_WORDS and _rolled_over_before(msg, compact, start):
                continue  # 您的大额存单已到期自动转存，新一期执行利率1.95%: the rollover's term (rt144)
            if msg.ctx.negation_cue(start) is not None or msg.ctx.verdict_cue(start, end):
                continue  # 本行从未委托中介代办贷款, 凡是推荐…的都是诈骗: not an offer
            # (the sender's own offer quoted is no lure: 本行“存三年定期享加息”业务12月31日截止,
            # 办理“明德e贷（年化利率3.6%起）”请认准本行手机银行 — rt139)
            own_quoted = warning and msg.ctx.quoted(start) and msg.ctx.own_quote(start)
            if warning and msg.ctx.quoted(start) and not own_quoted:
                continue  # 反诈提醒：凡以“限时抢购”为由…: a lure quoted to warn against it
            if warning and msg.ctx.impostor_cue(start) is not None:
                continue  # 不法分子冒充我司开展“荐股”活动: what the impostors run, not an offer
            if warning and msg.ctx.inside_attributed(start, end) is not None:
                continue  # 请远离…号称稳赚不赔的荐股群: what a group warned against claims or is
            if warning and _IF_YOU_RE.match(compact, msg.ctx.clause(start)[0]) is not None:
                continue  # 防范贷款诈骗：如您有资金需求，请认准官方渠道: the reader's case, no offer
            if (
                warning
                and not own_quoted
                and _OFFICIAL_CHANNEL_RE.search(compact, *msg.ctx.clause(start)) is not None
            ):
                continue  # 提醒您：办理贷款、信用卡请认准我行官方渠道: where to go, not an offer
            if _UNLAWFUL_BEFORE_RE.search(compact[max(0, start - 4) : start]) is not None:
                continue  # 属于非法金融活动: the word names what is unlawful, no offer
        if (
            side == "marketing"
            and family in ("product", "call_to_action")
            and _CHANNEL_ERRAND_RE.search(compact, max(0, start - 12), end + 1) is not None
        ):
            continue  # 请通过手机银行办理。: where to do the errand, no product named
        if (
            side == "marketing"
            and family == "product"
            and word in _ERRAND_VERBS
            and _SERVICE_OBJECT_RE.match(compact, end) is not None
        ):
            continue  # 2年内可申请复效: the verb's object is a service act, no product
        if side == "marketing" and family == "product" and own_verbs and _within(start, end, own_verbs):
            continue  # 您参与的存款…活动, 您认购的基金: the product the recipient's own act names
        if (
            side == "marketing"
            and (own_verbs or own_spans)
            and _CONFIRMED_AFTER_RE.match(compact, end) is not None
            and _HEADING_BEFORE_RE.search(compact, max(0, start - 24), start) is not None
        ):
            # 认购确认：您3月2日认购…，已确认成功: the heading names the act the message confirms (not
            # a confirmation heading over a pitch with no act of the reader's — rt236)
            continue
        if (
            side == "marketing"
            and family == "product"
            and warning
            and (msg.ctx.negation_cue(start) is not None or msg.ctx.verdict_cue(start, end))
        ):
            continue  # 本行从不通过短信推荐股票, 不会诱导您借款炒外汇: a warning names what it denies
        if family == "complaint":
            # 关于您反映的问题…深表歉意: counted at the end, and only if nothing is offered and at
            # most one product word is named (an apology that then sells is a sales message: rt54)
            complaint.append((word, weight))
            continue
        if family == "call_to_action" and _NO_NEED_RE.search(compact, max(0, start - 3), start) is not None:
            continue  # 您无需尽快投保: the call denied (rt56)
        if side == "marketing" and family == "call_to_action":
            ev.calls.append(word)  # a call to action: the recipient is asked to act on an offer
        if side == "marketing" and family in ("offer", "call_to_action", "solicitation"):
            ev.offers.append(word)  # outside any event clause (those were skipped above)
            offer_at.append(start)
        count(side, family, word, weight, None if family_cap is None else int(family_cap))
    view = msg.ctx.scan.view
    shape_spans: list[tuple[int, int]] = []
    for i in rules.offer_index.scanned(msg.ctx.scan.needs) if view else ():  # tagged by the scan
        name, pattern, weight, call, over_events, nospace, plan = rules.offer_entries[i]
        if plan is not None and not meets(plan, msg.nt.nospace):
            continue  # a character every match of it holds is missing (see literal_gate)
        if not nospace and pattern.search(view) is None:
            # a shape let through by its needs still matches nothing in 19 of 20 messages
            # (4 such searches a traffic message): one search answers that without the
            # scanner and iterator a ``finditer`` builds
            continue
        # read lazily on the matching view: the loop stops at the first shape it counts
        for m in _nospace_matches(pattern, msg) if nospace else pattern.finditer(view):
            if excluded.find(0, m.start(), m.end()) == -1:
                continue  # inside the signature
            if not (call or over_events) and m.start() in event_clauses:
                continue  # 满100返20活动已结束: an offer described as an event
            if msg.ctx.negation_cue(m.start()) is not None or msg.ctx.verdict_cue(m.start(), m.end()):
                continue
            if warning and msg.ctx.quoted(m.start()):
                continue
            if warning and msg.ctx.third_party_claim(m.start()) is not None:
                continue  # 某网贷平台宣传“日息低至0.1%”，折合年化36.5%…请认准持牌机构: their figure, warned of
            if complaint and (
                msg.ctx.quoted(m.start()) or _CORRECTED_TO_RE.search(compact, max(0, m.start() - 8), m.end())
            ):
                continue  # 更正说明：…“大额存单年利率3.5%”的表述有误，正确利率为…: the figure corrected
            # 您持有的…七日年化收益率1.86% (its sentence), 您的借款年化利率18% (its clause): the
            # recipient's own figure
            if any(
                (excludes := table.get(name))
                and any(w in _unpitched(view[slice(*bounds(m.start()))]) for w in excludes)
                for table, bounds in (
                    (rules.offer_sentence_excludes, msg.ctx.sentence),
                    (rules.offer_clause_excludes, msg.ctx.clause),
                )
            ):
                continue
            if (
                "您的申请" in rules.offer_sentence_excludes.get(name, ())
                and _OWN_APPLICATION_RE.search(view, *msg.ctx.sentence(m.start())) is not None
            ):
                # 您的借款申请审核通过，额度5万元已开通…随借随还: 您的X申请 is 您的申请 with its object
                # (rt96); not a friend's (您的好友借款申请审核通过，您也可… — rt101)
                continue
            if own_verbs and _within(m.start(), m.end(), own_verbs):
                continue  # 您参与的“存款送好礼”活动礼品已备好: the recipient's own act names it
            if own_spans and _within(m.start(), m.end(), own_spans):
                continue  # 您的账户本月享受手续费减免3次(，已使用1次): the recipient's own allowance names it
            if (
                name in rules.own_benefit_shapes
                and (own_spans or own_verbs or obligation_spans)
                and ((held := rules.own_benefit_shapes[name]) is None or held.match(view, m.end()))
                and _own_benefit(
                    msg,
                    view,
                    m.start(),
                    m.end(),
                    rules,
                    own_spans,
                    own_verbs,
                    obligation_spans,
                    event_clauses,
                )
            ):
                continue  # 您账户中的1张“满50减5元”话费券将于…到期: the recipient's own coupon
            if (
                name in ("threshold-offer", "fee-waiver")
                and own_spans
                and _annual_fee_term(msg, view, m.start())
            ):
                continue  # 您的信用卡已扣收年费300元，刷卡满6次可减免次年年费: the card's own terms (s46)
            if shape_spans and _overlaps(m.start(), m.end(), shape_spans):
                continue  # 本期账单可办理分期: one offer, however many shapes it has
            if ("如" in compact or "若" in compact) and _asks_service_act(msg, compact, m.start(), m.end()):
                continue  # 如有还款困难，可申请个性化分期: what the condition's service act asks for
            if call and _defers(view, m.end(), len(view)):
                continue  # 回复1申请延期: the reply asks for a service act on the recipient's own debt
            shape_spans.append((m.start(), m.end()))
            if nospace:  # 7.2%-23.9% as written, not the compact view's 72%239%
                a, b = msg.nt.compact_span(m.start(), m.end())
                word = msg.nt.original[a:b]
            else:
                word = compact[m.start() : m.end()]
            ev.offers.append(word)
            offer_at.append(m.start())
            ev.shapes.append(word)
            if call:
                ev.calls.append(word)
            count("marketing", name, word, weight, 1)
            break
    if "verification" in ev.service_families and (codes := list(_CODE_RE.finditer(compact))):
        # A code is sent for the recipient's own act; what its own clause says offers nothing,
        # and a validity window (限时5分钟内有效) or the act it names (您正在申请借款) is no
        # offer.  An offer in another clause (验证码…，新客专享理财年化4.5%，速抢) is a
        # promotion riding on the code: the code no longer decides.
        code_clauses = {msg.ctx.clause(m.start()) for m in codes}
        # …and the act the code is for (您正在投保众安尊享e生): a product named there is the recipient's own act
        # …but not what a bracket inside it adds: a selling point of its own (您正在注册盈科e借（新用户
        # 首借免息）: the offer rides on the code — rt195).  A bracket that masks a card's tail or
        # names the recipient's account says nothing offered, and offers after it stay the act's.
        acts: list[tuple[int, int, list[tuple[int, int]]]] = []
        for m in _CODE_ACT_RE.finditer(compact):
            a0, a1 = msg.ctx.clause(m.start())
            asides = [(b.start(), b.end()) for b in _ASIDE_RE.finditer(compact, m.end(), a1)]
            acts.append((a0, a1, asides))
        ev.code = all(
            msg.ctx.clause(p) in code_clauses
            or any(a0 <= p < a1 and not any(b0 <= p < b1 for b0, b1 in asides) for a0, a1, asides in acts)
            for p in offer_at
        )
    if ev.service_families and ev.service_families <= {"security", "courtesy"}:
        # asked only of a message whose notice evidence is a warning; a figure quoted to
        # warn against it (谨防“年化20%包收益”) sells nothing, nor any figure of a message headed
        # as a warning, unless it is quoted as the sender's own offer (办理“明德e贷（年化利率3.6%
        # 起）”请认准本行手机银行 — rt139)
        headed = _WARNING_HEAD_RE.search(msg.nt.compact, 0, 24) is not None
        ev.figures = any(
            msg.ctx.own_quote(f.start()) if headed or msg.ctx.quoted(f.start()) else True
            for f in _FIGURE_RE.finditer(compact)
        )
    if msg.optout_span is not None:
        ev.optout = True
        ev.add("marketing", "退订语", int(decision.get("optout_weight", 2)))
    own_at: list[int] | None = None
    claimed: set[str] = set()  # one claim a rule: its first hit that is no own-contract term
    for code, word, weight, start, end in claims:
        if code in claimed:
            continue
        if weight < 0:
            # 再不还就通知你家人: a threat over the recipient's own debt is about their loan
            # (the claim's rule weighs it, ``service_evidence``), however it is worded.  Not in
            # a message with an opt-out or more marketing evidence than one demand (联系我), and
            # only over a debt owed now (你欠的, 已逾期, 再不还):
            # a loan ad's terms (借钱…按日计息。逾期就爆通讯录) or a lawyer's ad quoting threats
            # is still selling (rt52, rt53).
            claimed.add(code)
            if not ev.optout and ev.scores["marketing"] <= 3 and _CURRENT_DEBT_RE.search(compact) is not None:
                count("service", "collection", word, -weight, 1)
            continue
        if any(t in word for t in rules.own_contract_terms):  # 不因健康状况变化拒绝续保 holds 拒绝续保
            if own_at is None:
                own_at = [s for s, _ in own_spans] + [
                    h.start for h in kind_hits if h.payload[1] == "own_account"
                ]
            s0, s1 = msg.ctx.sentence(start)
            c0, c1 = msg.ctx.clause(start)
            if (
                not ev.offers
                and _NEW_PRODUCT_RE.search(compact, c0, c1) is None
                and any(s0 <= p < s1 for p in own_at)
            ):
                continue  # 您投保的…医疗险已续保成功，保证续保期间…: the recipient's own contract, no offer
        claimed.add(code)
        if covered.find(1, start, end) != -1 and (
            covered.find(0, start, end) == -1 or excluded.find(1, start, end) != -1 or warning
        ):
            # 最快 already counted as an offer word: one character, one count.  A claim that
            # only shares a word with a cue (双向交易 over 交易) is more than that cue and
            # counts, unless the message warns (凡以“信用卡代还”为名…均为不法中介: named to warn).
            continue
        ev.add("marketing", word, weight)
        if (
            weight >= 3
        ):  # a promise (稳赚, 荐股) is promotional content: a notice with one is not plain service
            ev.offers.append(word)
            offer_at.append(start)
    if (
        complaint
        and not ev.offers
        and not ev.optout
        and ev.scores["marketing"] <= 1
        # nor with pressure to buy (致歉：…停售日为12月20日，请尽快安排: rt55), the rules whose
        # data says their triggers are (``pressure_evidence``)
        and not any(
            not msg.ctx.quoted(h.start)
            for code in pressure_codes
            for h in msg.ctx.scan.triggers.get(code, ())
        )
    ):
        for word, weight in complaint:
            count("service", "complaint", word, weight, 1)
    if (
        not ev.offers
        and (
            m := _product_priced(
                msg,
                compact,
                own_spans,
                warning=msg.ctx.anti_fraud_cue is not None or "security" in ev.service_families,
            )
        )
        is not None
    ):
        # 您的工资卡已升级，享专属理财产品购买资格，业绩比较基准4%: a product the recipient does not
        # hold, named with its price: offered, so the notice is not plainly a notice.  Even with no
        # marketing word at all (…已生效。安心少儿年金每年交1万，18岁领回: a plan and its premium
        # pitched in plain words after a notice — rt96).
        ev.offers.append(m)
    if (
        ev.scores["marketing"]
        and not (ev.calls or ev.figures)
        and _only_warns(ev.service_families)
        and (c := _plain_call(msg, compact)) is not None
    ):
        # 反诈提醒：…。需要用钱请认准明德e贷，手机银行里就能借: a warning followed by the sender's
        # own credit, its call said in plain words (rt96); counted only here, where it decides
        # whether a warning is only a warning (您的额度已恢复，手机银行里就能借 is the
        # recipient's own line, and stays a notice).
        ev.calls.append(c)
    if not ev.offers and (b := _buy_invited(msg, compact, warning)) is not None:
        # 新发的安盈养老2045已于3月1日成立，现可在App买入; 如需继续理财，可考虑鑫享2号: the recipient
        # is invited to buy something they do not hold: offered, whatever the notice before it
        ev.offers.append(b)
        if _SWITCH_OR_TIER_RE.match(b) is not None:
            ev.shapes.append(b)  # the model reads the notice's words: a switch or a paid tier stays an offer
    if not ev.offers and (own := _own_product_pitched(msg, compact)) is not None:
        # 投教小课堂：…。我司的沪深300指数增强基金支持每月定投，适合长期投资者: a lesson that ends by
        # presenting the sender's own product is a pitch (rt142)
        ev.offers.append(own)
    if (
        not ev.offers
        and ev.scores["service"]
        and not warning
        and (r := _product_within_reach(msg, compact, own_spans)) is not None
    ):
        # 您的车险已续保生效，您还可以给家人配一份驾乘意外险; …已到账，暂不交易的资金您可参与国债逆回购:
        # a product the recipient does not hold, put within their reach after their own notice, in
        # words no offer list holds — offered, so the notice is not silently a notice (rt202); a
        # shape, which the text model does not settle away (it reads the notice's words: 您持有的…
        # 分红已到账，您可以把分红设成每月自动买入…指数基金 reads as a notice to it)
        ev.offers.append(r)
        ev.shapes.append(r)
    if not ev.offers and (p := _PROSPECT_CALL_RE.search(compact)) is not None:
        # 两融利率下调至年化5.6%…，未开通的客户可到营业部申请开通: those who do not hold it are
        # invited to take it up, an offer whatever notice it follows (rt139)
        ev.offers.append(p.group())
    # (asked only where decide_kind reads it: no notice evidence and weak marketing evidence alone —
    # not a search on every message)
    m = ev.scores["marketing"]
    if ev.scores["service"] == 0 and m >= 2 and m == ev.weak_marketing:
        ev.educates = _EDUCATION_FRAME_RE.search(compact) is not None
    if (
        m
        and m == ev.weak_marketing
        and ev.service_families <= {"courtesy"}
        and not (ev.offers or ev.calls or ev.shapes or ev.figures or ev.optout or ev.code)
        and _TEACHING_FRAME_RE.search(compact) is not None
        and _CAUTION_RE.search(_BOILERPLATE_RE.sub("", compact)) is not None
    ):
        ev.teaches = not _names_own_product(msg, compact)
    return ev


#: The service families of a message that only warns: a security warning, its courtesy and
#: reminder words, and the codes and passwords it tells the reader to keep.
_WARNING_FAMILIES = frozenset({"security", "courtesy", "notice", "verification"})


def _only_warns(families: set[str]) -> bool:
    """Whether the service evidence is a security warning and nothing of the recipient's own."""
    return "security" in families and families <= _WARNING_FAMILIES


#: Borrowing or applying offered in plain words (手机银行里就能借, 现可在手机银行直接申请).
_PLAIN_CALL_RE = lazyre.compile(
    r"(?:就|便|都|随时)(?:能|可以?)(?:借|贷|申请|办理|开通)|现(?:在|已)?(?:可|可以)(?:在|通过)?[^，,。！!？?；;]{0,8}?(?:直接)?申请"
    r"|直接(?:申请|借|贷|领)|一键(?:借款|借钱|申请|领取|提现)"
)


def _plain_call(msg: Message, compact: str) -> str | None:
    """A plain call to borrow or apply that is not denied, judged, quoted or in an anti-fraud
    clause (凡是声称“直接申请，当天放款”的都是诈骗 quotes the scam)."""
    for m in _PLAIN_CALL_RE.finditer(compact):
        c0, c1 = msg.ctx.clause(m.start())
        if (
            msg.ctx.quoted(m.start())
            or msg.ctx.negation_cue(m.start()) is not None
            or msg.ctx.verdict_cue(m.start(), m.end()) is not None
            or msg.ctx.anti_fraud_near(c0, c1) is not None
        ):
            continue
        return compact[m.start() : m.end()]
    return None


#: A switch of provider asked for (今年转到明德财险投保，比去年少交约600元 — rt217), or a paid tier put within
#: reach with its fee in the sentence (可换领明德私行卡，年服务费2000元 — rt217; not a free replacement,
#: 可免费换领新卡): offers the text model must not settle away, since the notice before them is the
#: recipient's own (see where _buy_invited is asked).
_SWITCH_OR_TIER = (
    r"(?:(?:转到|转投|转至|换到|改到)[^，,。！!？?；;]{0,8}?(?:投保|续保|购买)"
    r"|可(?:以)?(?:到[^，,。！!？?；;]{0,8}?)?(?:换领|升级为|升级至|申领|换办)[^，,。！!？?；;]{0,12}?(?:卡|会员)"
    r"(?=[^。！!？?]{0,12}?(?:年服务费|服务费|会员费|年费)\d))"
)
_SWITCH_OR_TIER_RE = lazyre.compile(_SWITCH_OR_TIER)
#: An invitation to buy or open a product (现可在App买入, 可考虑鑫享2号, 可线上开通融资融券): the verb
#: of a purchase, not of a service act (开通 only with an investment or credit object).
_BUY_INVITE_RE = lazyre.compile(
    # (or recommended: 建议配置“鸿朗养老目标2045”)
    r"建议(?:您)?(?:同步)?(?:配置|购买|选购|买入|申购|认购|投保|加保|加购|搭配)"
    # (or a purchase called for on a condition or a deadline: 如需投保请在此前办理 — rt67)
    r"|(?:如需|若需|如您需要|如您想|如有意|有意向?|想要)(?:投保|购买|认购|申购|加保|加购|买入)"
    # (the channels may be listed at length: 6月20日起可在各大银行和明德基金App买入 — rt217)
    r"|可(?:以)?(?:在|通过|至|到|登录|前往|线上|线下)?[^，,。！!？?；;]{0,16}?"
    r"(?:买入|购买|申购|认购|抢购|选购|换购"
    # (考虑 a product, not a call or a repayment: 可考虑致电理财经理, 可考虑提前归还房贷本金)
    r"|考虑(?!致电|咨询|联系|拨打|提前还|提前归还|归还|还款|申请调整|调整)(?=[^，,。！!？?；;]{0,12}?(?:\d号|\d期|理财|基金|定投|产品|保险|存单|贷))"
    r"|开通[\u4e00-\u9fff]{0,4}?(?:融资融券|两融|信用账户|基金|理财|定投|借钱|借款|贷款|分期|创业板|科创板|期权|港股通)"
    # (or set up as a plan: 工资到账后可设置“工资定投”，每月自动买入指数基金 — rt160)
    r"|设置[“”\"「」\u4e00-\u9fff]{0,6}?定投)"
    # (or a switch of provider or a paid tier: see _SWITCH_OR_TIER)
    r"|"
    + _SWITCH_OR_TIER
    +
    # (or the channels said to handle a product named before them: …大额存单本季度还有发行额度，网点和App
    # 都能办理 — rt217; see _HANDLED_PRODUCT_RE)
    r"|(?:网点|柜台|柜面|营业厅|app|手机银行|网银|线上)[^，,。！!？?；;]{0,8}?(?:都|均|皆)?(?:能|可|可以)办理?(?![\u4e00-\u9fff]{0,2}?(?:挂失|补办|转存|支取|销户|解冻|变更|更新|激活|查询|注销|还款|缴费|赎回|理赔|报案|退保|开卡|销卡|补卡|换卡|退款|结清|解约|撤销|修改|续期|转出|提现|取现))"
)
#: The product a channel is said to handle, named earlier in its sentence (大额存单, 理财, 基金, 保险 …): without
#: one, 网点可办理 is a service errand (身份证更新网点和App都能办理).
_HANDLED_PRODUCT_RE = lazyre.compile(
    r"存单|理财|基金|保险|[\u4e00-\u9fff]险|[\u4e00-\u9fff]贷|信用卡|分期|定期|年金"
)
#: The recipient's own holding or act in the invitation's clause (您持有的…可在App赎回或购买): theirs.
_OWN_IN_CLAUSE_RE = lazyre.compile(r"(?:您|你)(?:的|持有|购买|认购|申购|名下|账户|尾号|已)|客户持有|账户内")
#: The recipient's own application pending (申请已受理, 审核通过后): what it will allow is theirs.
_OWN_PENDING_RE = lazyre.compile(r"(?:审核|审批)通过后|申请(?:材料)?(?:已)?(?:受理|提交)")
#: Another product named after the verb (可再次购买明德鑫享3号): bought again, but a new one.
_NEW_PRODUCT_AFTER_RE = lazyre.compile(r"[^，,。！!？?；;]{0,10}?(?:\d号|\d期|新)")
#: Plain purchase verbs: after the recipient's own event in the same sentence (您的风险测评已完成，
#: 现可购买…), what it now allows.  考虑, 抢购 and 开通… are a suggestion whatever came before.
_PLAIN_BUY = frozenset({"买入", "购买", "申购", "认购", "选购"})
#: A fund's operations named as a pair or as what something can be used for (办理申购赎回, 申购、
#: 赎回, 可用于申购): the notice says what is possible, it offers no product.
_OPERATION_RE = lazyre.compile(
    r"办理|用于|正常|恢复|申购[、和及与/]?赎回|认购[、和及与/]?赎回|买入[、和及与/]?卖出|申赎"
)
#: Money asked in a points exchange (积分+9.9元即可换购): a price, so an offer.
_PRICE_IN_CLAUSE_RE = lazyre.compile(r"\d+(?:\.\d+)?元")
#: Buying again or back what the recipient had (重新购买, 继续持有): their own act resumed.
_AGAIN_RE = lazyre.compile(r"重新|再次|继续|恢复|赎回")


#: A word every invitation to buy holds (see _BUY_INVITE_RE): one search, asked of most messages.
#: (the switch's own verbs too: 转到…续保 holds none of the others)
_BUY_WORD_RE = lazyre.compile(
    "买|购|考虑|开通|建议|投保|定投|能办|可办|以办|换领|升级|申领|转到|转投|转至|换到|改到"
)


def _buy_invited(msg: Message, compact: str, warning: bool) -> str | None:
    """An invitation to buy or open a product in a clause that names nothing of the
    recipient's own (see _BUY_INVITE_RE); not in a warning, a question, a denial or a quote."""
    if warning or _BUY_WORD_RE.search(compact) is None:  # (换购 holds 购)
        return None
    for m in _BUY_INVITE_RE.finditer(compact):
        c0, c1 = msg.ctx.clause(m.start())
        if _OWN_IN_CLAUSE_RE.search(compact, c0, c1) is not None or (
            _AGAIN_RE.search(compact, c0, m.end()) and _NEW_PRODUCT_AFTER_RE.match(compact, m.end()) is None
        ):
            continue
        s0 = msg.ctx.sentence(m.start())[0]
        if s0 > 0 and m.start() - s0 <= 3:
            s0 = msg.ctx.sentence(s0 - 1)[0]  # 您的创业板权限已开通。可买入…: the sentence before
        if (
            compact[m.end() - 2 : m.end()] in _PLAIN_BUY
            and _OWN_IN_CLAUSE_RE.search(compact, s0, c0) is not None
        ):
            continue  # 您的创业板权限已开通，可买入…: what the recipient's own event now allows
        # (the channels said to handle a product: see _HANDLED_PRODUCT_RE)
        handled = compact[m.end() - 1 : m.end()] in ("办", "理")
        if handled and (
            _HANDLED_PRODUCT_RE.search(compact, s0, m.start()) is None
            # (nor the recipient's own product named before: 您投保的…犹豫期内网点和App均可办理退保 — rt219)
            or _OWN_IN_CLAUSE_RE.search(compact, s0, m.start()) is not None
        ):
            continue  # 身份证更新网点和App都能办理: an errand, no product named before the channels
        if compact[m.end() - 2 : m.end()] == "换购" and _PRICE_IN_CLAUSE_RE.search(compact, c0, c1) is None:
            continue  # 可在积分商城换购礼品: the recipient's own points spent, no price asked
        if _OWN_PENDING_RE.search(compact, s0, m.start()) is not None:
            continue  # 开户申请已受理，审核通过后可开通融资融券: what the recipient's own application allows
        if _OPERATION_RE.search(
            compact, m.end() if handled else m.start(), min(c1, m.end() + 4)
        ) is not None and not _RETURN_PITCH_RE.search(compact, *msg.ctx.sentence(m.start())):
            continue  # 期间可办理申购赎回, 可用于申购: what can be done, a fund's operations, no product offered
        if compact[c1 : c1 + 1] in ("？", "?") or "吗" in compact[c0:c1]:
            continue
        if msg.ctx.quoted(m.start()) or msg.ctx.negation_cue(m.end() - 1) is not None:
            continue
        return compact[m.start() : m.end()]
    return None


#: A product the sender sells, named by its kind (理财产品, 快贷, 基金).
#: (not 存款保险: the deposit insurance scheme is no product on offer)
_PRODUCT_NOUN_RE = lazyre.compile(
    r"理财|快贷|e贷|消费贷|经营贷|信用贷|装修贷|税贷|薪贷|抵押贷|基金|(?<!存款)保险|年金|寿险|意外险|医疗险|重疾|百万医疗"
    # (an insurance class by its name: 康宁护理险每月两百多元 — rt139)
    r"|(?:护理|健康|防癌|两全|分红|万能|投连|少儿|教育|家财|财产|旅游|旅行|责任|定期寿|终身寿)险"
    # (a lender's line by its name: 衡川随心借额度可达20万)
    r"|[\u4e00-\u9fff]借(?:钱|款)?(?=额度)"
    # (deposit products by their kind: 三年期定存, 大额存单; an insurer's plan by its purpose:
    # 教育金, 养老金 — rt96)
    r"|定存|存单|教育金|(?<!个人)养老金"
    # (a deposit by its term and kind: 三年期整存整取, 3年期存款 — rt166)
    r"|整存整取|零存整取|(?:[1-5一二三五]年期|定期)存款"
    # (a product named by its brand and term, the term before its yield: 明德金选90天年化2.9%)
    r"|(?<=[\u4e00-\u9fff])\d+(?:天|个月)(?=[，,]?(?:年化|收益|利率|七日年化))"
    # (or by its brand and number before its yield: 可了解明德稳盈1号，业绩比较基准3.0% — f142)
    # (not a date: 本月20号收益结转，近七日年化2.05%)
    r"|(?<=[\u4e00-\u9fff]{2})(?<![月日])\d{1,3}号(?=(?:理财|基金|产品|计划)?[，,]?(?:年化|收益|利率|七日年化|业绩比较基准))"
)
#: ``_PRODUCT_NOUN_RE.finditer`` with only the alternatives a text can match (see
#: :class:`PartialAlternation`): two of them open with any Chinese character or a digit, so
#: ``re`` tried the whole alternation at nearly every position of the ~60% of messages
#: :func:`_product_priced` reads (6 µs; 4 this way).  The same matches, in order.
_PRODUCT_NOUNS = PartialAlternation(_PRODUCT_NOUN_RE)
#: Its price or yield, with the figure (业绩比较基准4%, 年化3.5%, 额度20万).
_PRICE_RE = lazyre.compile(
    r"(?:年化|利率|日利率|回报|收益率|收益|涨幅|业绩比较基准|七日年化|额度|最高|保额|保障额度)[^，,。！!？?；;]{0,6}?\d+(?:\.\d+)?(?:%|万)"
    # (an insurance premium per period: 每年交1万, 每月交300元 — what the plan costs, offered)
    r"|(?:每年|每月|每期|年|月)(?:交|缴)(?:费)?(?:约|仅|只需|仅需)?\d[\d,]*(?:\.\d+)?(?:万|千|元)"
    # (or what it costs a period, said plainly: 康宁护理险每月两百多元, 每年只需365元 — rt139)
    r"|(?:每年|每月|每天|每期)(?:只需|仅需|只要|才|约|不到)?(?:\d[\d,]*(?:\.\d+)?|[一二两三四五六七八九十]+[十百千]?多?)(?:万|千|百)?多?元"
)
#: A product's own name right before its kind (鑫享理财, 稳盈1号基金): two Chinese characters or a
#: number that are not a determiner or a verb (此类理财, 这些基金, 购买理财, 所谓理财).
_NAMED_BEFORE_RE = lazyre.compile(
    r"(?<![此这那该各某])(?:[\u4e00-\u9fff](?<![此这那该各某类种些买卖购投谓的等及和或与])){2}$|\d号$|\d期$"
)
#: The recipient named as the one a pitch is for (适合您的明德稳盈1号, 为您推荐 — rt110): no holding of
#: theirs, so not the 您 an offer pattern's "the recipient's own figure" exclusions read.
_PITCH_YOU_RE = lazyre.compile(
    r"适合您的?|为您(?:推荐|精选|甄选|优选|定制|挑选)|向您推荐|给您推荐|推荐您|诚邀您|邀您"
)


def _unpitched(text: str) -> str:
    return _PITCH_YOU_RE.sub("", text) if "您" in text else text


#: The recipient's own holding named before the product (您的…, 您在…的, 您购买的…, 您持有的…).
_OWN_BEFORE_RE = lazyre.compile(r"您|你|客户持有|账户内")


def _product_priced(
    msg: Message, compact: str, own_spans: list[tuple[int, int]], *, warning: bool = False
) -> str | None:
    """A product noun in a clause that does not name the recipient, with a price figure in the
    same clause or the next one (see collect_evidence).

    In a warning (``warning``: 谨防诈骗！鑫享理财年化5%，请认准官方渠道购买) only a product named by
    the sender (a brand before it: 鑫享理财) in a clause that names no scam, denies nothing and is
    not judged: a warning wrapped round a pitch must not make it a notice.

    A price figure anywhere in the message comes first: the answer is only ever a noun with a
    figure of :data:`_PRICE_RE` after it, and a match of that pattern (no anchor, no
    look-around) inside a clause's window is a match in the whole message, so a message with
    none has no priced product.  Most messages asked (no offer found) have none, and the
    per-noun tests below (clauses, quotes, negations) were ~12 µs of each on the traffic mix."""
    if _PRICE_RE.search(compact) is None:
        return None
    for m in _PRODUCT_NOUNS.finditer(compact):
        c0, c1 = msg.ctx.clause(m.start())
        if m.group()[-1] == "号" and "已" in compact[slice(*msg.ctx.sentence(m.start()))]:
            continue  # 明德稳盈1号，年化收益率3.05%，已于12月5日分配: the product's own event (rt236)
        if _OWN_BEFORE_RE.search(compact, c0, c1) is not None or _overlaps(c0, c1, own_spans):
            continue
        if msg.ctx.quoted(m.start()) or msg.in_sender_name(m.start(), m.end()):
            continue  # (【汇鼎基金】, 【华安基金】投教提示: the sender, not a product)
        if _rolled_over_before(msg, compact, m.start()):
            continue  # …已到期并自动转存。新一期存单执行利率1.75%: the recipient's rolled-over term (rt146)
        if _points_back_to_own(compact, m, c0, own_spans):
            continue  # 您在本行购买的大额存单已于…到期…。该大额存单年利率3.10%: its own terms restated (rt207)
        s0, s1 = msg.ctx.sentence(m.start())
        if _HELD_PRODUCT_RE.search(compact, s0, s1) is not None:
            # 明德金选90天，年化…2.9%，该产品已于今日到期清算; 教育金保险…每年交5000元，将于3月1日从
            # 尾号3307账户扣款: the product's own event or its premium debited, a notice (rt101)
            continue
        if warning and (
            (
                _NAMED_BEFORE_RE.search(compact, max(c0, m.start() - 4), m.start()) is None
                # (or the sender's own brand, whatever its last character: 安和百万医疗 — s42)
                and not any(compact.endswith(n, c0, m.start()) for n in msg.ctx.sender_names)
            )
            or msg.ctx.anti_fraud_near(c0, c1) is not None
            or msg.ctx.negation_cue(m.start()) is not None
            or msg.ctx.verdict_cue(m.start(), m.end()) is not None
            or msg.ctx.reported_quote(m.start())
        ):
            continue
        _, n1 = msg.ctx.clause(min(len(compact) - 1, c1 + 1))
        _, s1 = msg.ctx.sentence(m.start())  # (…申购限制已解除，即日起恢复申购，近一年收益6.8%)
        for p in _PRICE_RE.finditer(compact, c0, max(c1, n1, s1)):
            p0, p1 = msg.ctx.clause(p.start())
            if msg.ctx.quoted(p.start()):
                continue  # 短信中“预期年化收益4.5%”的表述不规范: a figure quoted, not offered
            if _OWN_BEFORE_RE.search(compact, p0, p1) is not None:
                continue  # 您本年度剩余投资额度为126万元: the recipient's own figure
            if _CHANGED_TO_RE.search(compact, max(p0, p.start() - 6), p.end()) is not None:
                continue  # 业绩比较基准调整为2.40%: a change notice
            if (
                _CHANGE_HEADING_RE.search(compact, 0, p.start()) is not None
                and _EFFECTIVE_FROM_RE.search(compact) is not None
                and _URGED_RE.search(compact) is None
            ):
                # 利率调整通知：自1月1日起…挂牌利率为一年期1.35%: every figure under the heading
                # changed on a date (not 利率调整提示：…年利率2.6%，降息在即，建议尽早锁定 — rt236)
                continue
            # (shown as written: the compact view drops the point of 2.6%)
            a, _ = msg.nt.compact_span(m.start(), m.end())
            _, b = msg.nt.compact_span(p.start(), p.end())
            return msg.text[a:b] if b - a <= 24 else msg.text[a : a + 12] + "…" + msg.text[b - 10 : b]
    return None


#: Right before a product noun, a pointer back to one named before (该大额存单, 此笔存款, 上述理财).
_POINTER_BEFORE_RE = lazyre.compile(r"(?:该|此|上述|前述|这笔|这份)[^，,。！!？?；;]{0,4}$")


def _points_back_to_own(compact: str, m: re.Match[str], c0: int, own_spans: list[tuple[int, int]]) -> bool:
    """Whether the product noun ``m`` is pointed back to (该…) and the same noun stands inside one of
    the recipient's own spans before it: the recipient's own product restated, not a product on sale
    (本行推出三年期大额存单。该大额存单年利率… points back to a product on sale: no own span holds it)."""
    if _POINTER_BEFORE_RE.search(compact, max(c0, m.start() - 6), m.start()) is None:
        return False
    noun = m.group()
    return any(e <= m.start() and compact.find(noun, s, e) >= 0 for s, e in own_spans)


#: A product reported on as held: pointed back to with an event (该产品已于…到期清算), or its premium
#: to be debited (将于3月1日从尾号3307账户扣款).
_HELD_PRODUCT_RE = lazyre.compile(
    r"(?:该|本|此)(?:产品|保单|计划|理财|基金|存单)[^，,。！!？?；;]{0,6}?(?:已|将于)"
    # (on a date: not 首期保费将于投保成功后扣款, a pitch's terms — rt102)
    r"|将于(?:\d{4}年)?\d{1,2}月\d{1,2}日[^。！!？?；;]{0,12}?(?:扣款|扣收|扣缴|划扣)"
)
#: The recipient's own application named with its object (您的借款申请审核通过, 您的经营贷申请已获批).
_OWN_APPLICATION_RE = lazyre.compile(
    # (approved, not "pre-approved": 您的借款申请已预先通过 is the pitch itself)
    r"您的(?:(?!好友|朋友|家人|亲友|同事|亲属|推荐)[^，,。！!？?；;]){0,6}?申请(?:已经?)?(?:审核通过|审批通过|通过审核|通过审批|获批|批准|通过)(?!后)"
)
#: A figure a notice reports as changed (调整为, 下调至, 由…变更为), or a posted rate table changed
#: (挂牌利率调整：一年期1.10%…): the bank's public rates announced, no product offered (not 挂牌 alone:
#: a promotion quotes its posted rate too — rt196).
_CHANGED_TO_RE = lazyre.compile(
    r"调整为|调整至|利率调整[：:]|挂牌利率(?:调整|变更)|变更为|下调至|上调至|下调为|上调为|降为|升为|由"
)


#: A heading's confirmation word right after an act (认购确认：, 申购成功通知：).
_CONFIRMED_AFTER_RE = lazyre.compile(r"(?:确认|成功|结果)(?:通知|提醒)?[：:]")
#: The start of a message's body (after its signature), with at most four characters before.
_HEADING_BEFORE_RE = lazyre.compile(r"(?:^|】)[^，,。！!？?；;：:】]{0,4}$")
#: A change notice's heading, right after the signature or at the start (利率调整通知：,
#: 费率调整公告：): the figures under it are reported as changed, as 调整为 says in a sentence.
_CHANGE_HEADING_RE = lazyre.compile(
    r"(?:^|】)[^，,。！!？?；;：:】]{0,8}调整(?:通知|公告|提示|提醒|说明)[：:]"
)
#: The date a change takes effect (自2026年1月1日起, 1月1日起, 即日起).
_EFFECTIVE_FROM_RE = lazyre.compile(r"\d{1,2}月\d{1,2}日(?:起|零时起)|即日起")
#: A posted rate urged on the reader (降息在即, 存款趁早, 欢迎存入, 高于同业): a pitch under any heading.
_URGED_RE = lazyre.compile(
    r"在即|趁早|尽早|抓紧|抓住|锁定|窗口期|即将(?:下调|上调|调整)|欢迎(?:存入|办理|购买|选购)|高于|快来|速来|抢"
)


@dataclass(frozen=True, slots=True)
class _Span:
    """A match re-expressed in compact offsets (for patterns read on the no-space view)."""

    _start: int
    _end: int

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _nospace_matches(pattern: re.Pattern[str], msg: Message) -> list[_Span]:
    """Matches of a ``nospace`` offer pattern, in compact offsets."""
    out: list[_Span] = []
    nt = msg.nt
    for m in pattern.finditer(nt.nospace):
        a, b = nt.nospace_span(m.start(), m.end())
        out.append(_Span(nt.compact_pos(a), nt.compact_pos(b - 1) + 1))
    return out


#: An education or reminder frame, or a question (see ``KindEvidence.educates``): without one, a
#: named product with its risk warning is a promotion (明德少儿教育金保险，为孩子的未来稳稳储备。保险
#: 产品非存款 — rt108).
_EDUCATION_FRAME_RE = lazyre.compile(
    r"投资者教育|投教|小知识|课堂|公开课|讲堂|适当性|知识|科普|温馨提示|风险提示|请注意|提醒|常有客户问|有人问|客户常问|投资者常问|"
    r"很多人以为|所谓|误区|[?？]"
)
#: The headings of a notice that teaches or warns (see ``KindEvidence.teaches``): narrower than
#: ``_EDUCATION_FRAME_RE``, no bare question mark (想稳稳赚钱吗？ is a pitch's opening).
_TEACHING_FRAME_RE = lazyre.compile(
    r"投资者教育|投教|小知识|小课堂|理财课堂|课堂[:：]|公开课|讲堂|科普|小贴士|温馨提示|风险提示|合规提示|提醒[:：您]|"
    r"常有客户问|有人问|客户常问|投资者常问|很多人以为|有人以为|不少人(?:以为|觉得|认为)|所谓|误区"
    # (a saying judged wrong frames a lesson too: …的说法并不准确 — rt144)
    r"|说法(?:并|是)?(?:不准确|不正确|不对|有误|错误|不实|不成立)|并不准确|并不正确|是一种误解|是误解"
)
#: A risk warning's boilerplate (理财非存款，产品有风险，投资须谨慎; 过往业绩不代表未来表现): every
#: promotion carries it, so it is no sign that a message teaches.
_BOILERPLATE_RE = lazyre.compile(
    r"(?:理财|基金|保险|股市|投资|产品|市场)(?:产品)?(?:非存款|有风险)|(?:投资|入市|选择|购买)[需须要]谨慎"
    r"|过往业绩[^，,。！!？?；;]{0,12}|(?:产品|基金)(?:业绩|净值)?[^，,。！!？?；;]{0,4}波动"
)
#: What a lesson or a warning says and a pitch does not: a denial, a caution, a loss, a scam.
_CAUTION_RE = lazyre.compile(
    r"不(?!错|愁|惧|怕|用|负|再|止|仅|只|少|断|容错过)|非(?!常|凡)|未(?!来)|勿|别(?!错过|犹豫|等)|没有|无法|谨防|警惕|当心|小心|误区|误解"
    r"|骗|诈|冒充|冒用|(?<![稳不])亏|(?<![抗不])跌|损失|(?<![无零低没])风险"
)
#: A product's brand right before its kind: the sender's own name (明德少儿教育金保险, 明德e贷) or a
#: series number (稳盈2号理财) within a few characters.
_BRAND_BEFORE_RE = lazyre.compile(r"(?<![月\d])\d+号(?!起|开始|之前|之后|前|后)|\d+期")


#: The sender's own product presented (我司的…基金, 本行旗下的…理财) — see ``_own_product_pitched``.
_OWN_PRODUCT_RE = lazyre.compile(
    # (not a holding there: 其生前在我行的贷款尚余本金…)
    r"(?<![在于从向])(?:我司|本公司|我行|本行)(?:的|旗下的?|推出的|发行的|新发的|管理的)[^，,。！!？?；;]{0,12}?(?:基金|理财|保险|年金|计划|贷款|产品)"
    # (or introduced as such: 同时介绍我司基金投顾服务 — s42)
    r"|(?:介绍|推介|推荐|展示|讲解)(?:我司|本公司|我行|本行)[^，,。！!？?；;]{0,8}?(?:基金|理财|保险|年金|计划|贷款|产品|投顾|服务)"
)
#: What makes a clause about one's own product no presentation: a denial, an event, a channel told.
_OWN_PRODUCT_QUIET_RE = lazyre.compile(
    r"不|没|未|非|无|已|均为|仅在|只在|仅通过|只通过|请以|以.{0,6}为准|代销的|冒充|冒用"
)


def _own_product_pitched(msg: Message, compact: str) -> str | None:
    """The sender's own product presented in a clause that denies, reports and restricts nothing
    (我司的沪深300指数增强基金支持每月定投): something on offer, whatever notice or lesson it is in."""
    for m in _OWN_PRODUCT_RE.finditer(compact):
        c0, c1 = msg.ctx.clause(m.start())
        if _OWN_PRODUCT_QUIET_RE.search(compact, c0, c1) is None and not msg.ctx.quoted(m.start()):
            return m.group()
    return None


#: A modal putting something within the reader's reach (您可, 还可以, 就能, 随时能) and what they would
#: do with it: take it up, put money in, borrow or draw, learn more (see _product_within_reach).
_REACH_RE = lazyre.compile(
    # (the product put to use at once: 资金周转时可用保单借款; not 可用于, 可用余额)
    r"(?:可以|可)用(?![于来户余额度金])"
    # (a modal, not 能力, 可能, 功能, 可靠: 请根据自身风险承受能力购买 offers nothing)
    r"|(?:可以|(?<![认许])可(?![能靠信观惜爱是见疑])|(?<![功才体智性技本])能(?![力否源量耐]))[^，,。！!？?；;]{0,10}?"
    r"(?:办理|参与|买入|购买|认购|申购|配一份|配置|投保|加保|开通|签约|借|转入|转存|转到|存入|放进|放入|设成|设为|换成|换购|领用|了解)"
)
#: The acts of taking a product up (开通, 绑定, 换成, 放进 …): one list for the gate and the reading.
_TAKE_UP_VERBS = "开通|绑定|签约|换成|放进|放入|配一份|加保"
#: …or the act of taking a product up said right before it (开通易汇月付后…, 绑定青川ETC后…, 您换成青川悦享
#: 白金卡后…, 余额放进易汇宝): not one already done (已开通, 成功绑定).
_TAKE_UP_BEFORE_RE = lazyre.compile(
    rf"(?<!已)(?<!成功)(?<!已经)(?:{_TAKE_UP_VERBS})[^，,。！!？?；;的]{{0,6}}$"
)
#: Before a take-up verb in its clause, the recipient's own act in the past (您于2024年5月签约…, 您此前已
#: 开通…, 您曾绑定…): what they took up, not an offer.
_PAST_ACT_BEFORE_RE = lazyre.compile(
    r"(?:您|你)[^，,。！!？?；;]{0,10}?(?:于|已|曾|之前|此前|去年|\d+年|\d+月)"
)
#: Any take-up verb (the gate of _product_within_reach).
_TAKE_UP_ANY_RE = lazyre.compile(_TAKE_UP_VERBS)
#: Products the recipient may be offered beyond those of the product-noun list: a reverse repo, a
#: card's cash advance, a policy loan, pay-later, a card tier, ETC.
_REACH_PRODUCT_RE = lazyre.compile(
    # (margin credit: …满半年后，还能开通两融 — rt207)
    rf"{_PRODUCT_NOUN_RE.pattern}|逆回购|预借现金|现金分期|保单借款|保单贷款|月付|白金卡|etc|两融|融资融券"
)
#: Margin credit named as a product (两融, 融资融券), and what shows a message is about the recipient's own
#: margin account already (信用账户, 维持担保比例, 融资负债, 平仓 …).
_MARGIN_WORDS = frozenset({"两融", "融资融券"})
_OWN_MARGIN_RE = lazyre.compile(
    r"信用账户|担保比例|融资负债|负债|平仓|追保|补仓|合约|授信额度|您的两融|您的融资融券|开户申请|您申请的|您提交的"
)
#: Right before a product, what makes it the recipient's own or the one already named (您的, 您持有的,
#: 该产品, 本卡, 这笔).
_HELD_BEFORE_RE = lazyre.compile(
    rf"(?:(?:您|你)[^，,。！!？?；;]{{0,8}}?的|您名下|该笔?|(?:本|此)(?={_POINTED_NOUNS})|这笔|原)"
    r"[^，,。！!？?；;]{0,6}$"
)
#: Right after a product, what makes it an operation on it or a service of it, not the product
#: offered (理财服务即可查看持仓, 办理大额存单时…, 大额存单提前支取, 开通前还需完成两融知识测评, 两融合约展期规则).
_NOT_OFFERED_AFTER_RE = lazyre.compile(
    r"服务|功能|权限|时|提前支取|赎回|到期|已|知识测评|知识测试|风险测评|测评|合约|负债|账户|展期"
)
#: Right before a modal, a step of the recipient's own that it follows (完成测评后即可…, 生效后可…, 完成后方可继续…), or
#: the use an item of theirs is put to (可用于): what their own account allows, no offer.  Not a
#: product taken up first (开通…月付后…可…: the step is the offer).
_OWN_STEP_BEFORE_RE = lazyre.compile(
    r"后[，,]?(?:即|便|就)?可|后[，,]?(?:就|便)能|可用于|可用来"
    # (…or only then, to go on with the recipient's own: 完成后方可继续申购; not 生效满30日后方可投保…重疾险,
    # a product taken up — rt210)
    r"|后[，,]?(?:方|才)(?:可|能)(?=继续|正常|恢复)"
)
#: Right after the modal's verb, an operation on a holding (办理转让, 办理赎回): no product taken up.
_OPERATED_AFTER_RE = lazyre.compile(
    r".{0,2}?(?:转让|赎回|提前支取|部分支取|质押|挂失|销户|解约|退保|续存|转存|查询|查看)"
)
#: Before a step the recipient takes, what makes the step itself the offer: a product opened or
#: switched to, not done already (开通…月付后…可…; not 已开通).
_OPENS_NEW_RE = lazyre.compile(r"(?<!已)(?<!已经)(?<!成功)(?:开通|办理|申请|绑定|签约|开启|换成|升级为)")
#: In the clause after a product's, only an invitation to learn about it (…医疗险可报销…，您可以了解一下):
#: a modal there may have an object of its own (…无法申购理财产品，如需重新评估可登录手机银行办理).
_LEARN_MORE_RE = lazyre.compile(r"(?:可以|可)[^，,。！!？?；;]{0,4}?了解")


def _product_within_reach(msg: Message, compact: str, own_spans: list[tuple[int, int]]) -> str | None:
    """A product the recipient does not hold, put within their reach (您还可以给家人配一份安和驾乘意外险;
    青川三年期大额存单您可在手机银行办理; 资金周转时可用保单借款; 开通易汇月付后这类订单可下月再付; …医疗险可报销
    医保外费用，您可以了解一下): an offer after a notice, said in words no offer list holds (rt202).  The
    modal stands in the product's clause or the next one of its sentence, or the act of taking it up
    right before it.  Not a product that is the recipient's own (您的…, 该产品…, inside the notice's own
    spans), held and reported on, operated on (办理理财赎回), quoted, in the sender's name, or negated.

    Asked first whether the message has a modal of reach or a take-up verb at all (most notices
    have neither): the product nouns are only looked for then."""
    if (
        _REACH_RE.search(compact) is None
        and _TAKE_UP_ANY_RE.search(compact) is None
        and _LEARN_MORE_RE.search(compact) is None
    ):
        return None
    for m in _REACH_PRODUCT_RE.finditer(compact):
        if _overlaps(m.start(), m.end(), own_spans):
            continue
        if m.group() in _MARGIN_WORDS and _OWN_MARGIN_RE.search(compact) is not None:
            continue  # 您的信用账户…维持担保比例…: the recipient's own margin account, not margin offered (rt209)
        c0, c1 = msg.ctx.clause(m.start())
        if _HELD_BEFORE_RE.search(compact, max(c0, m.start() - 16), m.start()) is not None:
            continue
        if msg.ctx.quoted(m.start()) or msg.in_sender_name(m.start(), m.end()):
            continue
        s0, s1 = msg.ctx.sentence(m.start())
        if _HELD_PRODUCT_RE.search(compact, s0, s1) is not None:
            continue
        if (
            _SERVICE_OBJECT_RE.match(compact, m.end()) is not None
            or _OPERATION_RE.match(compact, m.end()) is not None
            or _NOT_OFFERED_AFTER_RE.match(compact, m.end()) is not None
        ):
            continue  # 办理理财产品赎回, 存单挂失: an operation on what the recipient holds
        taken = _TAKE_UP_BEFORE_RE.search(compact, max(c0, m.start() - 8), m.start())
        # (not the one bound, 您于2024年5月绑定ETC的尾号…信用卡, nor one the recipient took up before — rt203)
        if (
            taken is not None
            and compact[m.end() : m.end() + 1] != "的"
            and _PAST_ACT_BEFORE_RE.search(compact, c0, taken.start()) is None
            and msg.ctx.negation_cue(taken.start()) is None
        ):
            return compact[taken.start() : m.end()]
        n0, n1 = msg.ctx.clause(c1 + 1) if c1 + 1 < s1 else (c1, c1)
        reaches = [*_REACH_RE.finditer(compact, c0, c1), *_LEARN_MORE_RE.finditer(compact, n0, n1)]
        for reach in reaches:
            if reach.start() < m.end() and m.start() < reach.end() - 1:
                continue  # the verb inside the product's own name (保单借款's 借)
            step = _OWN_STEP_BEFORE_RE.search(compact, max(s0, reach.start() - 4), reach.start() + 3)
            if step is not None and (
                step.group().startswith("可")
                or _OPENS_NEW_RE.search(compact, max(s0, step.start() - 12), step.start()) is None
            ):
                continue  # 完成重新测评后，即可继续购买…; 可用于申购: what the recipient's own step or item allows
            if msg.ctx.negation_cue(reach.start()) is not None:
                continue
            if _OPERATED_AFTER_RE.match(compact, reach.end()) is not None:
                continue  # 大额存单可在手机银行办理转让: an operation on what the recipient holds (rt203)
            return compact[min(m.start(), reach.start()) : max(m.end(), reach.end())]
    return None


#: An invitation to those who do not hold something yet (未开通的客户可到营业部申请开通, 尚未办理的
#: 用户可在App申请): an offer to prospects.
_PROSPECT_CALL_RE = lazyre.compile(
    r"(?:未|尚未|还未|还没有?)(?:开通|办理|签约|持有|购买|开户|申请|参与|配置)[^，,。！!？?；;]{0,6}?的?(?:客户|用户|投资者|朋友|车主|市民)"
    r"[^。！!？?；;]{0,12}?(?:可|可以|欢迎|即可|均可)[^。！!？?；;]{0,10}?(?:申请|办理|开通|预约|咨询|购买|签约|参与|认购)"
)


def _names_own_product(msg: Message, compact: str) -> bool:
    """Whether the message names one of the sender's products by its brand (see
    ``KindEvidence.teaches``): a warning or lesson speaks of classes of products (理财产品,
    货币基金, 保险产品), a pitch names its own."""
    names = msg.ctx.sender_names
    sig = msg.signature_span
    for m in _PRODUCT_NOUN_RE.finditer(compact):
        if msg.in_sender_name(m.start(), m.end()):
            continue
        # (the signature is no brand: 【华茂银行】所谓银行理财…)
        lo = max(0, m.start() - 8)
        if sig is not None and sig[0] <= lo < sig[1]:
            lo = sig[1]
        before = compact[lo : m.start()]
        if any(n in before for n in names) or _BRAND_BEFORE_RE.search(before) is not None:
            return True
    return False


#: Marketing evidence families too weak to make a promotion alone (see ``decide_kind``).
_WEAK_MARKETING_FAMILIES = frozenset({"risk_warning", "product"})


def decide_kind(ev: KindEvidence, decision: dict[str, Any]) -> tuple[InferredKind, str]:
    m, s = ev.scores["marketing"], ev.scores["service"]
    if ev.code and not ev.shapes:
        # 验证码…限时5分钟内有效: a code is sent for the recipient's own act; its urgency and
        # the act it names (登录, 申请借款) offer nothing.  An offer shape still counts.
        return "service", f"含验证码（{ev.shown('service')}），为本人操作的服务通知"
    if ev.teaches:
        # 温馨提示：理财产品不同于存款，不保证本金和收益…: a lesson or a warning about classes of
        # products, nothing of the sender's named, offered, priced or called for
        return "service", f"投资者教育或风险提示（{ev.shown('marketing')}），未推介具体产品，按服务通知判断"
    m_strong = int(decision.get("marketing_strong", 4))
    s_strong = int(decision.get("service_strong", 3))
    # an offer that weighs nothing (an English launch, a product on sale) is still named
    mw, sw = ev.shown("marketing") or "、".join(ev.offers[:4]), ev.shown("service")
    # A contact line (详询95588) ends notices and offers alike: beside strong notice evidence it
    # does not by itself lift one offer word to a promotion (…异常交易活动…详询95588 — rt190);
    # the offer word still makes the notice uncertain below.  One offer word and at most a product
    # word (新推出驾乘意外险，详询…: mixed, uncertain); a second offer word beside it is a pitch with
    # its contact line (老客户专享提额，详询… — rt192).
    m_offer = m - ev.contact if s >= s_strong and m - ev.contact <= 3 else m
    if m_offer >= m_strong or (ev.calls and m >= 4):
        if s >= s_strong:
            return "marketing", f"含营销内容（{mw}）；虽有服务通知特征（{sw}），夹带营销内容即按营销短信"
        return "marketing", f"含营销特征（{mw}）"
    if s >= s_strong:
        if ev.offers or (m >= 4 and s < m + int(decision.get("service_margin", 3))) or (ev.optout and s <= m):
            # An opt-out weighing as much as the notice evidence (…吃3个板。回T退订): its sender
            # filed it as marketing and nothing outweighs that.
            # A notice that also offers something (账单分期享8折, 新一期产品…欢迎续购) is not
            # silently a notice: the marketing-only rules warn and a human decides.  Even
            # one offer word does this: a silent "service" costs more than a review.
            # (the offer itself is named when there is one: 青溪安盈180天…年化2.7% says more than 存款)
            ow = "、".join(dict.fromkeys([*ev.offers[:2], *([mw] if mw else [])])) if ev.offers else mw
            return "uncertain", f"服务通知特征（{sw}）与营销内容（{ow}）并存，无法判断类型"
        # (…or a call to borrow or buy: 需要用钱请认准明德e贷，手机银行里就能借 — rt96)
        if (
            m
            and (ev.figures or ev.calls)
            and (_only_warns(ev.service_families) or ev.service_families <= {"courtesy"})
        ):
            # 明德快贷额度最高30万元，年化利率3.6%，…谨防诈骗: a warning appended to a product and
            # its figures says nothing of the recipient's account: no notice
            said = "、".join(dict.fromkeys([*([mw] if mw else []), *ev.calls[:2]]))
            return "uncertain", f"仅有安全提示（{sw}），另有产品、数字或号召（{said}），无法判断类型"
        if m:
            return "service", f"服务通知特征（{sw}）明确，营销特征仅有个别词（{mw}）"
        return "service", f"服务通知特征（{sw}）"
    if m and m == ev.contact and not (ev.offers or ev.calls or ev.shapes or ev.figures or ev.optout):
        # 如您对征信记录有异议，可…提出异议申请，详询95555: a contact line ends notices and offers
        # alike; with nothing offered, priced or called for it weighs nothing either way
        m = 0
    if m == 0 and s == 0:
        return "uncertain", "未发现营销或服务通知的明确特征，无法判断类型"
    if s == 0:
        if m >= 2 and not (
            m == ev.weak_marketing
            and ev.educates
            and not (ev.offers or ev.calls or ev.shapes or ev.figures or ev.optout)
        ):
            return "marketing", f"含营销特征（{mw}），无服务通知特征"
        if m >= 2:
            # 所谓银行理财就等于保本？…理财非存款，产品有风险，投资须谨慎: a risk warning's boilerplate
            # and a product category, nothing named, offered, priced or called for — an investor
            # education notice reads the same as a bare promotion
            return (
                "uncertain",
                f"仅有风险提示语或产品类别词（{mw}），未提及具体产品、优惠或号召，无法判断类型",
            )
        return "uncertain", f"仅有个别营销词（{mw}），证据不足，无法判断类型"
    if m == 0:
        if ev.service_families <= {"courtesy"}:
            # 感谢您的信任 / 您有一条新消息，请登录查看: polite or pointer wording, no account,
            # event or obligation: absent evidence, not a notice.
            return (
                "uncertain",
                f"仅有礼貌或提示用语（{sw}），没有账户、交易或安全事件等服务通知特征，无法判断类型",
            )
        return "service", f"服务通知特征（{sw}），无营销特征"
    margin = int(decision.get("weak_margin", 2))
    if m >= s + margin:
        return "marketing", f"营销特征（{mw}）明显多于服务通知特征（{sw}）"
    if s >= m + margin:
        return "service", f"服务通知特征（{sw}）明显多于营销特征（{mw}）"
    return "uncertain", f"营销特征（{mw}）与服务通知特征（{sw}）都较弱且相当，无法判断类型"


def settle_kind(
    kind: InferredKind,
    reason: str,
    ev: KindEvidence,
    folded: str,
    model: Callable[[], KindModel | None],
    decision: dict[str, Any],
    later_skip: tuple[re.Pattern[str] | None, re.Pattern[str] | None] = (None, None),
    settle_words: frozenset[str] = frozenset(),
) -> tuple[InferredKind, str]:
    """The fitted text model's second opinion on the rules' decision (see
    :mod:`assistant.checker.kind_model` for why it is only a second opinion).

    * ``uncertain`` is settled as marketing when the model is sure (``model_settle``);
    * ``uncertain`` with no service family beyond courtesy wording (a collector's threat in
      plain speech, 您持有…份, an errand offered to the recipient: nothing the rules name) is
      settled as a notice (``model_settle_courtesy``) only when the rules saw no marketing
      evidence of any kind (no word, offer, call, shape or opt-out) and the model is sure, or
      (``model_settle_word``) one weak marketing word alone, an act of ``kind_settle_words``
      (办理, 投保, never a product named: no offer, call,
      figure, shape or opt-out) where the model is sure, no sentence alone reads as an
      offer (``model_word_sentence``) and the model knows enough of the message's features
      (``model_word_features``: a short pitch, 这款产品口碑不错, reads as its prior);
    * ``uncertain`` is settled as a notice (``model_settle_service``) only with service
      evidence beyond courtesy wording, no offer shape and no opt-out, and where the rules saw
      offer, call or solicitation words (a reward credited, a benefit of the recipient's own
      card) only when the model is surer (``model_settle_service_offer``) and no sentence
      read alone looks like an offer (``model_offer_sentence``).  Why so narrow: a
      code-reading red team (rt74) made 45 of 64 "account notice + one launch clause" pairs
      pass silently through a bare probability threshold — the model reads the notice
      clause's style and outvotes the offer; read alone, the offer sentence gives it away;
    * a rules' ``service`` that the model does not read as a notice becomes ``uncertain``
      (the marketing-only rules warn) when the whole message reads as a promotion or as a
      mix (``model_doubt_service``: the probability of *not* a notice, since a notice with an
      offer appended is labelled either way) and one sentence alone reads as a promotion
      (``model_doubt_clause``; ``model_doubt_clause_warning``, stronger, where the notice is
      a security warning, whose sentences name the products they warn against): a credit
      notice that states the recipient's own APR and instalments has promotion-like words
      spread over it, an appended offer has them in one sentence; when the model is all but
      certain (``model_overrule_service``) it is marketing;
    * a rules' ``service`` becomes ``uncertain`` too when a sentence after the first, read alone,
      reads as a promotion (``model_doubt_later_sentence``): a notice states its event first and
      a pitch appended in words no offer list holds comes after it (red team rt166); not an
      opt-out's own sentence, a sentence that speaks of the reader's own card, contract or
      request again, nor a numbered announcement (``kind_later_sentence_skip``);
    * a rules' ``marketing`` that the model reads as a notice (``model_doubt_marketing``)
      becomes ``uncertain`` too: the marketing-only rules warn instead of failing it.  The
      model never turns a promotion into a notice.

    ``model`` loads the model (or gives ``None``: the rules decide alone).  A promotion with no
    service evidence at all stands without asking it (most promotions).  A notice is always
    asked: a promotion written without one marketing word the rules know (可支用金额 for a
    credit line, a branch "reminder" of a deposit rate) beside one account or event phrase
    (已开通, 您名下) read as a notice with nothing to weigh against it (red team rt78).
    """
    m, s = ev.scores["marketing"], ev.scores["service"]
    if ev.code and not ev.shapes:
        return kind, reason  # a verification code is decided by its shape
    if kind == "marketing" and not s:
        return kind, reason
    loaded = model()
    if loaded is None:
        return kind, reason
    probs = loaded.probabilities(folded)

    def said(side: str) -> str:
        cues = "、".join(loaded.cues(folded, side))
        return f"文本模型判断为{ZH_SIDE[side]}的概率 {probs[side]:.2f}" + (f"（{cues}）" if cues else "")

    if kind == "uncertain":
        if probs["marketing"] >= float(decision.get("model_settle", 0.7)):
            return "marketing", f"{reason}；{said('marketing')}，按营销短信判断"
        if ev.shapes or ev.optout:
            return kind, reason
        if not ev.service_families - {"courtesy"}:
            # No account, event or obligation the rules know (a collector's threat in plain
            # speech, 您持有…份, an errand offered to the recipient): settled only when the
            # rules saw no marketing word, offer or call at all and the model is sure.
            if not (m or ev.offers or ev.calls) and probs["service"] >= float(
                decision.get("model_settle_courtesy", 0.9)
            ):
                return (
                    "service",
                    f"{reason}；{said('service')}，且没有任何营销特征、优惠或号召，按服务通知判断",
                )
            if (
                m == 1
                and ev.words["marketing"]
                and ev.words["marketing"][0] in settle_words
                and not (ev.offers or ev.calls or ev.figures)
                and probs["service"] >= float(decision.get("model_settle_word", 1.01))
                and loaded.sentence_high(folded, "marketing")
                < float(decision.get("model_word_sentence", 0.1))
                and loaded.known_features(folded) >= int(decision.get("model_word_features", 10**6))
            ):
                # 客服稍后来电为您办理降息，届时请把…6位数字读给他核对: one weak word (办理, 投保,
                # 信用卡) and nothing offered, called for or priced, in words the model knows as a
                # notice's, and no sentence that alone reads as an offer
                return (
                    "service",
                    f"{reason}；{said('service')}，且仅有一个营销词、没有优惠、号召或数字，"
                    "也没有一句单独读来像营销，按服务通知判断",
                )
            return kind, reason
        if not (ev.offers or ev.calls):
            if probs["service"] >= float(decision.get("model_settle_service", 0.85)):
                return "service", f"{reason}；{said('service')}，且没有优惠、号召或退订语，按服务通知判断"
            return kind, reason
        # Offer words the rules saw (返现, 可享) in a notice about the recipient's own reward or
        # benefit: settled only when the model is surer still and no sentence read alone looks
        # like an offer at all — an appended offer does (red teams rt74, rt75).
        # Or surer still with no sentence more than faintly promotional (您尾号…的信用卡已于…激活
        # 成功，可在手机银行查看卡片权益: the benefit is the recipient's own).
        high = loaded.sentence_high(folded, "marketing")
        if (
            probs["service"] >= float(decision.get("model_settle_service_offer", 0.95))
            and high < float(decision.get("model_offer_sentence", 0.1))
        ) or (
            probs["service"] >= float(decision.get("model_settle_service_sure", 0.97))
            and high < float(decision.get("model_sure_sentence", 0.3))
        ):
            return "service", f"{reason}；{said('service')}，且没有一句单独读来像营销，按服务通知判断"
        return kind, reason
    # A warning names what it warns against (此类理财年化20%，多为骗局): its sentences read like
    # offers, so a security notice keeps the stronger sentence bar.
    clause = "model_doubt_clause_warning" if "security" in ev.service_families else "model_doubt_clause"
    if (
        kind == "service"
        and 1.0 - probs["service"] >= float(decision.get("model_doubt_service", 0.8))
        and loaded.sentence_high(folded, "marketing") >= float(decision.get(clause, 0.5))
    ):
        # Near-certain (model_overrule_service): a notice carrying an offer the rules do not
        # know as one (…已结清，当前可提取金额为50000元; 您持有的…已到期兑付，可再次购买…) is marketing:
        # in the development sets every such message at 0.97 was labelled marketing (22 of 22,
        # each 0.9 marketing or more), below it notices appear (a credit-limit rise, a spending
        # report).
        # (and sure it is a promotion, not a mix: 0.78 marketing with 0.2 "either" stays in doubt)
        if 1.0 - probs["service"] >= float(decision.get("model_overrule_service", 1.01)) and probs[
            "marketing"
        ] >= float(decision.get("model_overrule_marketing", 1.01)):
            return (
                "marketing",
                f"{reason}；但文本模型判断为服务通知的概率仅 {probs['service']:.2f}（{said('marketing')}），"
                "且有一句单独读来像营销，按营销短信判断",
            )
        return (
            "uncertain",
            f"{reason}；但文本模型判断为服务通知的概率仅 {probs['service']:.2f}（{said('marketing')}），无法判断类型",
        )
    if (
        kind == "service"
        and (later_skip[1] is None or later_skip[1].search(folded) is None)
        and (later := loaded.later_sentence_high(folded, "marketing", later_skip[0]))
        >= float(decision.get("model_doubt_later_sentence", 1.01))
    ):
        # A sentence after the notice's own that reads as a pitch by itself (…工资已入账。您可将暂时
        # 不用的钱放进“活钱宝”，随时可取 — rt166): an offer in words no list holds rides on it.  Not a
        # sentence about the reader's own card or contract (本卡享…), nor a numbered announcement.
        return (
            "uncertain",
            f"{reason}；但通知之后有一句单独读来像营销（文本模型判断为营销的概率 {later:.2f}），无法判断类型",
        )
    if kind == "marketing" and probs["service"] >= float(decision.get("model_doubt_marketing", 0.9)):
        return "uncertain", f"{reason}；但{said('service')}，无法判断类型"
    return kind, reason


def infer_kind(
    msg: Message,
    rules: KindRules,
    claims: list[tuple[str, str, int, int, int]],
    pressure_codes: frozenset[str] = frozenset(),
    model: Callable[[], KindModel | None] | None = None,
) -> tuple[InferredKind, str]:
    ev = collect_evidence(msg, rules, claims, pressure_codes)
    kind, reason = decide_kind(ev, rules.decision)
    if model is not None:
        kind, reason = settle_kind(
            kind,
            reason,
            ev,
            msg.nt.folded,
            model,
            rules.decision,
            (rules.later_skip, rules.later_skip_message),
            rules.settle_words,
        )
    if kind == "service" and "collection" in ev.service_families:
        reason += "；含催收内容，针对收件人本人的欠款"
    return kind, reason
