"""Which product is a message about?  A decision with evidence, like the message kind.

The product type changes what a rule reports (ADV007: pressure selling is an error for
insurance, INS-SALES-19, and a warning for other products), so it is never a silent
guess: every decision says where it came from and why, and the user can override it.

Evidence, strongest first (data in ``knowledge/rules/_product_types.yaml``):

* a **declared** type (``--product-type``, a ``product_type`` column) always wins;
* a product of the sender **profile** named in the text, with its
  ``[product_details."name"].type``: the sender said what it is;
* **cue words** in the body (医疗险, 大额存单, 年化利率 …), each type scoring its distinct
  words; a negated word (理财非存款) is no evidence, and a word inside a longer cue
  (存款保险 is a deposit word, not 保险) counts once;
* a profile whose products are **all of one type**, when the body has no cue;
* the **signature**'s institution words (【安泰人寿】), only when nothing else speaks;
* otherwise the type is unknown (``None``) and rules that depend on it use their default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.config import unknown_keys
from assistant.errors import ConfigError
from assistant.paths import rules_dir
from assistant.profile import PRODUCT_TYPES
from assistant.text import lazyre
from assistant.text.normalize import fold, normalize_term
from assistant.text.yamlload import load_yaml, yaml_error

if TYPE_CHECKING:
    from assistant.checker.message import Message

GROUP_PREFIX = "_ptype/"
NEUTRAL = "_neutral"
#: Declared values accepted from users (CLI option, batch column), Chinese names included.
ALIASES: dict[str, str] = {
    **{t: t for t in PRODUCT_TYPES},
    "保险": "insurance",
    "理财": "wealth",
    "基金": "fund",
    "贷款": "loan",
    "借款": "loan",
    "信用卡": "card",
    "存款": "deposit",
    "支付": "payment",
}


def parse_product_type(value: object) -> str | None:
    """A declared product type (``None`` for empty); ``ValueError`` naming the valid ones."""
    if value is None or str(value).strip() == "":
        return None
    found = ALIASES.get(str(value).strip().lower())
    if found is None:
        raise ValueError(
            f"产品类型 {value!r} 无效，应为 {'|'.join(PRODUCT_TYPES)}（或 保险/理财/基金/贷款/信用卡/存款/支付）"
        )
    return found


@dataclass(frozen=True, slots=True)
class ProductTypeDecision:
    type: str | None
    source: str  # declared | profile | inferred
    reason: str


@dataclass(frozen=True, slots=True)
class ProductTypeRules:
    """The decision's data, compiled once per checker."""

    words: dict[str, dict[str, int]]  # type -> normalised word -> weight
    names: dict[str, str]  # type -> Chinese name
    signature: dict[str, tuple[str, ...]]
    priority: tuple[str, ...]
    cap: int
    #: (type, dictionary group name) of every type with cue words.
    groups: tuple[tuple[str, str], ...] = ()
    _signature_cache: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _signature_decisions: dict[str, ProductTypeDecision | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ProductTypeRules:
        problems = _data_problems(data)
        if problems:
            raise ConfigError("_product_types.yaml 有误：" + "；".join(problems))
        weights = {k: int(v) for k, v in (data.get("weights") or {"strong": 2, "weak": 1}).items()}
        words: dict[str, dict[str, int]] = {}
        names: dict[str, str] = {}
        for ptype, spec in (data.get("types") or {}).items():
            if ptype not in PRODUCT_TYPES:
                raise ConfigError(
                    f"_product_types.yaml 中的产品类型 {ptype!r} 无效，应为 {'|'.join(PRODUCT_TYPES)}"
                )
            names[ptype] = str(spec.get("zh", ptype))
            table: dict[str, int] = {}
            for strength, weight in weights.items():
                for word in spec.get(strength) or []:
                    table[normalize_term(str(word))] = weight
            words[ptype] = table
        signature = {
            t: tuple(fold(str(w)) for w in ws)
            for t, ws in (data.get("signature") or {}).items()
            if t in names
        }
        priority = tuple(p for p in data.get("priority") or PRODUCT_TYPES if p in names)
        neutral = [normalize_term(str(w)) for w in data.get("neutral") or []]
        if neutral:
            words[NEUTRAL] = dict.fromkeys(neutral, 0)
        groups = tuple((t, f"{GROUP_PREFIX}{t}") for t in words)
        return cls(words, names, signature, priority, int(data.get("cap", 3)), groups)

    def lexicon_groups(self) -> dict[str, list[str]]:
        """Cue words for the shared dictionary pass, one group per type."""
        return {f"{GROUP_PREFIX}{t}": list(ws) for t, ws in self.words.items()}

    def signature_type(self, name: str) -> str | None:
        """The institution type a signature names (人寿 → insurance), cached per name:
        a batch has few senders."""
        cache = self._signature_cache
        if name not in cache:
            folded = fold(name)
            cache[name] = next(
                (t for t in self.priority if any(w in folded for w in self.signature.get(t, ()))), None
            )
        return cache[name]

    def signature_decision(self, name: str) -> ProductTypeDecision | None:
        """The decision a signature alone makes (no product named in the body), or None: one
        (frozen) object per signature name, as :meth:`signature_type` is cached per name (a
        batch has few senders; building the decision and its reason was ~1 µs a message)."""
        cache = self._signature_decisions
        if name not in cache:
            ptype = self.signature_type(name)
            cache[name] = (
                None
                if ptype is None
                else ProductTypeDecision(
                    ptype, "inferred", f"正文无产品特征，签名“{name}”为{self.zh(ptype)}类机构"
                )
            )
        return cache[name]

    def zh(self, ptype: str | None) -> str:
        return self.names.get(ptype or "", ptype or "未知")


_TOP_KEYS = frozenset({"cap", "priority", "types", "signature", "weights", "neutral"})
_TYPE_KEYS = frozenset({"zh", "strong", "weak"})


def _data_problems(data: Any) -> list[str]:
    """Unknown keys and product types, each named.  Why: the reader takes each with a
    default, so a misspelt key (``strnog``) or type (``insurence``) would drop its cue
    words without a word; unknown names are errors."""
    if not isinstance(data, dict):
        return ["顶层应为键值表"]
    problems = unknown_keys("顶层", data, _TOP_KEYS)
    allowed = _TYPE_KEYS | set(data.get("weights") or {"strong": 2, "weak": 1})
    for ptype, spec in (data.get("types") or {}).items():
        if isinstance(spec, dict):
            problems.extend(unknown_keys(f"types.{ptype} ", spec, allowed))
    for where in ("signature", "priority"):
        for ptype in data.get(where) or ():
            if ptype not in PRODUCT_TYPES:
                problems.append(f"{where} 中的产品类型 {ptype!r} 无效，应为 {'|'.join(PRODUCT_TYPES)}")
    return problems


@cache
def load_product_type_rules(directory: str | None = None) -> ProductTypeRules:
    base = Path(directory) if directory else rules_dir()
    path = base / "_product_types.yaml"
    if not path.is_file():
        return ProductTypeRules({}, {}, {}, (), 3)
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml_error()) as exc:
        raise ConfigError(f"产品类型词表 {path} 无法读取：{exc}") from exc
    return ProductTypeRules.from_data(data)


def _profile_mentions(msg: Message) -> list[tuple[int, str, str]]:
    """(position, product name, type) of each profile product named in the text (its first
    mention)."""
    first: dict[str, tuple[int, str, str]] = {}
    for at, _end, name, ptype in profile_mention_spans(msg):
        first.setdefault(name, (at, name, ptype))
    return sorted(first.values())


def profile_mention_spans(msg: Message) -> list[tuple[int, int, str, str]]:
    """(start, end, product name, type) of every mention of a profile product in the text, in
    order (folded offsets are the original's).  One place for where the sender's own products
    are named: the product type decision reads the first mention of each, ADV003 every one
    (a thank-you first may hide a promotion after it — rt240)."""
    profile = msg.profile
    if profile is None or not profile.product_details:
        return []
    folded = msg.nt.folded
    out = []
    for folded_name, name, ptype in _folded_products(
        tuple((n, d.type) for n, d in profile.product_details.items())
    ):
        at = folded.find(folded_name)
        while at >= 0:
            out.append((at, at + len(folded_name), name, ptype))
            at = folded.find(folded_name, at + len(folded_name))
    return sorted(out)


@cache
def _folded_products(products: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    return tuple((fold(name), name, ptype) for name, ptype in products)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start..end`` lies inside one of ``spans``: a plain loop, as ``any()`` over a
    generator cost more to set up than the test (asked per cue of every message with one)."""
    for s, e in spans:  # noqa: SIM110 (a loop: see above)
        if s <= start and end <= e:
            return True
    return False


def _cue_scores(msg: Message, rules: ProductTypeRules) -> tuple[dict[str, int], dict[str, list[str]]]:
    ctx = msg.ctx
    contexts = ctx.scan.contexts
    hits: list[tuple[int, int, str, str]] = []
    for ptype, name in rules.groups:
        group = contexts.get(name)
        if group:
            hits += [(h.start - h.end, h.start, h.word, ptype) for h in group]
    if not hits:
        return {}, {}
    hits.sort()  # longest first: a word inside a longer cue counts once
    covered: list[tuple[int, int]] = []
    sig_span = msg.signature_span
    if sig_span is not None:  # 【汇通支付】 names the sender, it is not a payment product
        covered.append(sig_span)
    scores: dict[str, int] = {}
    words: dict[str, list[str]] = {}
    for neg_len, start, word, ptype in hits:
        end = start - neg_len
        if _inside(start, end, covered):
            continue  # inside a longer cue (存款保险) or the signature
        covered.append((start, end))
        if ptype == NEUTRAL:
            continue  # 理财非存款: covers 存款, counts for nothing
        seen = words.setdefault(ptype, [])
        if word in seen or len(seen) >= rules.cap:
            continue
        seen.append(word)
        scores[ptype] = scores.get(ptype, 0) + rules.words[ptype].get(word, 1)
    return scores, words


#: An investment product on offer, read the same way wherever a rule asks (ADV003's product
#: fallback, PRO006's private issuers): a way of buying in, a launch, a return or a promise
#: about it.  Not the words an event or a service line shares with offers (名额, 开放, 转入).
PRODUCT_OFFER_RE = lazyre.compile(
    r"起购|起投|起存|万起|元起(?!步)|申购|认购|购买|买入|抢购|上车|发售|首发|新品|募集|招募|即将成立|成立在即"
    r"|在售|热售|开售|布局|加仓|抄底|定投|\d%|收益|回报|年化|业绩(?:比较)?基准|付息|月息|日息"
    r"|稳赚|稳赢|保本|[零〇0无]风险|合格投资者|封闭期"
)
#: A government bond as the product itself (not 收益超国债3倍, a comparison): needs no warning.
NOT_INVESTMENT_RE = lazyre.compile(r"(?<![比超于赢过胜])国债")


def body_type_cues(msg: Message, ptype: str) -> list[Any]:
    """The cue words of product type ``ptype`` in the message, outside the signature (【鼎元基金】
    names the sender, not a fund on offer): where a type-based finding is anchored."""
    s0, s1 = msg.signature_span or (0, 0)
    return [c for c in msg.ctx.scan.contexts.get(f"{GROUP_PREFIX}{ptype}", ()) if not s0 <= c.start < s1]


def decide_product_type(
    msg: Message, rules: ProductTypeRules, declared: str | None = None
) -> ProductTypeDecision:
    if declared is not None:
        return ProductTypeDecision(declared, "declared", "由用户指定")
    mentions = _profile_mentions(msg)
    if mentions:
        _, name, ptype = mentions[0]
        others = {t for _, _, t in mentions[1:] if t != ptype}
        extra = f"；另提到{'、'.join(rules.zh(t) for t in sorted(others))}类产品" if others else ""
        return ProductTypeDecision(
            ptype, "profile", f"提到发送方档案中的产品“{name}”（{rules.zh(ptype)}）{extra}"
        )
    scores, words = _cue_scores(msg, rules)
    if scores:
        best = max(scores.values())
        top = [t for t in rules.priority if scores.get(t) == best]
        ptype = top[0]
        shown = "、".join(words[ptype])
        reason = f"含{rules.zh(ptype)}类特征（{shown}）"
        if len(top) > 1:
            reason += (
                f"；与{'、'.join(rules.zh(t) for t in top[1:])}类特征相当，按优先顺序取{rules.zh(ptype)}"
            )
        else:
            rest = [t for t in rules.priority if t in scores and t != ptype]
            if rest:
                reason += f"；另有{'、'.join(rules.zh(t) for t in rest)}类特征较少"
        return ProductTypeDecision(ptype, "inferred", reason)
    profile = msg.profile
    if profile is not None and profile.product_details:
        types = {d.type for d in profile.product_details.values()}
        if len(types) == 1:
            ptype = types.pop()
            return ProductTypeDecision(
                ptype, "profile", f"正文无产品特征，发送方档案中的产品均为{rules.zh(ptype)}类"
            )
    sig = msg.signature
    if sig is not None:
        decided = rules.signature_decision(sig.name)
        if decided is not None:
            return decided
    return _NO_TYPE


#: The decision of a message with no product-type evidence: one object for all of them (a
#: decision is frozen; building one is about a microsecond, asked of about half of traffic).
_NO_TYPE = ProductTypeDecision(None, "inferred", "未发现产品类型特征")
