"""The checker: one registry of rules, one dictionary pass, every detector, a verdict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.checker.code_models import NO_CONTEXT_THRESHOLD, OPINION_CUE, CodeModels, load_code_models
from assistant.checker.context import Lexicon, MessageContext, keep_whole_latin
from assistant.checker.detectors import DETECTORS, Detector, KeywordDetector
from assistant.checker.fixes import apply_fixes
from assistant.checker.kind import KindEvidence, KindRules, collect_evidence, infer_kind
from assistant.checker.kind_model import KindModel, load_kind_model
from assistant.checker.memo import CheckMemo
from assistant.checker.message import Message
from assistant.checker.models import SEVERITY_RANK, CheckResult, ContextEffect, Finding, Fix, Kind, verdict_of
from assistant.checker.product_type import ProductTypeDecision, decide_product_type, load_product_type_rules
from assistant.checker.recognizers import segments, sms_length
from assistant.checker.rulespec import (
    RuleSpec,
    load_boundaries,
    load_context_lexicon,
    load_rule_specs,
    validate_selection,
)
from assistant.config import Settings, defaults
from assistant.errors import ConfigError
from assistant.labels import KIND_ZH
from assistant.profile import SenderProfile
from assistant.text import lazyre, picklecache
from assistant.text.normalize import NormalizedText, normalize
from assistant.text.pinyin import MIXED_RE, PURE_RE, pinyin_names, titled_runs

CHECKED_SCOPES = ("text", "profile")
_LATIN_RE = lazyre.compile("[a-z]")


#: Identical findings (same rule, evidence and severity) listed per message; the rest are
#: counted in the last one listed.  A pasted wall of one repeated claim gives one screen
#: of findings and a count, not thousands of lines.
MAX_REPEATS = 20


def build_detectors(specs: Iterable[RuleSpec], settings: Settings) -> list[Detector]:
    detectors = []
    for spec in specs:
        cls = DETECTORS.get(spec.detector)
        if cls is None:
            raise ConfigError(f"规则 {spec.code} 引用了未知的检测器 {spec.detector!r}（{spec.source_path}）")
        detectors.append(cls(spec, settings))
    return detectors


@lru_cache(maxsize=16)
def _lexicon(rules_dir: str | None, groups: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    """One dictionary automaton per rule set and word groups: building it takes a tenth of
    a second, and every checker over the same rules and groups (one per profile, per
    selection, per worker) would otherwise build the same one again.  A lexicon depends on
    nothing else (its scans are pure functions of the text), so sharing it is safe.

    Across processes it comes from the per-user cache (:func:`_lexicon_cache_key`): the
    build was ~50 ms of a cold ``assistant check``, loading the pickle takes ~6."""
    specs = list(load_rule_specs(rules_dir))
    context = load_context_lexicon(rules_dir)
    boundaries = load_boundaries(rules_dir)
    key = _lexicon_cache_key(specs, context, groups, boundaries)
    path = picklecache.cache_path(f"lexicon-v1/{key}.pickle") if key else None
    lexicon = picklecache.load(path)
    if isinstance(lexicon, Lexicon):
        lexicon.cache_key = key  # its pinyin and initials spellings are kept under it too
        return lexicon
    lexicon = Lexicon(specs, context, {name: list(words) for name, words in groups}, boundaries)
    picklecache.store(path, lexicon)  # before any scan: the pinyin automata stay unbuilt
    picklecache.prune(path, "", keep=8)  # a few rule sets and groups coexist; older ones go
    lexicon.cache_key = key
    return lexicon


_KIND_RULES: dict[int, tuple[dict[str, Any], KindRules]] = {}


def _kind_rules(context: dict[str, Any]) -> KindRules:
    """The kind decision's compiled data, one per context lexicon (``load_context_lexicon`` is
    cached, so every checker over the same rules gets the same dict): compiling its patterns
    and candidate index took a few milliseconds per checker, and a batch, the UI and the tests
    build many checkers over the same rules.  The dict is kept with it, so its id stays its own."""
    entry = _KIND_RULES.get(id(context))
    if entry is None or entry[0] is not context:
        entry = _KIND_RULES[id(context)] = (context, KindRules.from_lexicon(context))
    return entry[1]


#: The code a lexicon is built by: a change to any of them must not be hidden by a copy
#: cached from the code before it.
_LEXICON_CODE = (
    "assistant.checker.context",
    "assistant.checker.rulespec",
    "assistant.checker.models",
    "assistant.text.normalize",
    "assistant.text.chartable",
    "assistant.text.lazy",
    "assistant.text.lazyre",
    "assistant.text.homophones",
    "assistant.text.pinyin",
    "pypinyin",
    "ahocorasick",
    "opencc",
)


def _lexicon_cache_key(
    specs: list[RuleSpec],
    context: dict[str, Any],
    groups: tuple[tuple[str, tuple[str, ...]], ...],
    boundaries: dict[str, Any],
) -> str | None:
    """A digest of everything a lexicon is made of: the rule files' text, the context
    words, word boundaries and groups as loaded, the code that builds it (size and mtime of
    each module) and the Python and Unicode versions; None when a rule has no file."""
    import sys
    import unicodedata

    if any(not spec.source_path for spec in specs):
        return None
    files = picklecache.files_digest(Path(spec.source_path) for spec in specs)
    if files is None:
        return None
    return picklecache.digest(
        sys.version,
        unicodedata.unidata_version,
        *map(picklecache.package_stamp, _LEXICON_CODE),
        files,
        *(repr(part) for part in (context, boundaries, groups)),
    )


#: The kinds a caller may declare (``uncertain`` is only ever inferred).
DECLARED_KINDS = ("marketing", "service")


class Checker:
    """Build once, check many: the automaton and detectors are reused for every message."""

    def __init__(
        self,
        settings: Settings | None = None,
        profile: SenderProfile | None = None,
        *,
        rules_dir: str | None = None,
        kind_model: bool = True,
        code_models: bool = True,
    ) -> None:
        """``kind_model``: whether the fitted kind model gives its second opinion on an
        inferred kind (:mod:`assistant.checker.kind_model`); the gate turns it off, so what a
        model writes is judged on rule evidence alone.  ``code_models``: whether the rules'
        fitted second opinions (:mod:`assistant.checker.code_models`) may report a message
        for review where the rule's words found nothing; they only ever add warnings, so
        the gate keeps them."""
        self.settings = settings or defaults(Settings)
        self.profile = profile
        validate_selection(self.settings, rules_dir)
        all_specs = load_rule_specs(rules_dir)
        self.specs = [s for s in all_specs if s.scope in CHECKED_SCOPES and self.settings.selects(s.code)]
        self.detectors = build_detectors(self.specs, self.settings)
        self._detector_of = {d.code: d for d in self.detectors}
        # 回覆 is how traditional-character senders write 回复 (拒收請回覆R); the matching fold
        # cannot map 覆 to 复 everywhere (覆盖 is a word of its own), so each phrase has both.
        phrases = list(self.settings.optout_phrases)
        groups: dict[str, list[str]] = {
            "_optout": phrases + [p.replace("复", "覆") for p in phrases if "复" in p]
        }
        for det in self.detectors:
            groups.update(det.lexicon_groups())
        context = load_context_lexicon(rules_dir)
        groups["_optout_void"] = list(context.get("optout_invalidators", []))
        groups["_optout_void_before"] = list(context.get("optout_void_before", []))
        groups["_fraud_actor"] = list(context.get("anti_fraud_actors", []))
        groups["_bound_measure"] = list(context.get("bound_measures", []))
        groups["_factual_bound"] = list(context.get("factual_bound_measures", []))
        self._ptype_rules = load_product_type_rules(rules_dir)
        groups.update(self._ptype_rules.lexicon_groups())
        # Kind inference and context need every rule's words, selected or not.
        self.lexicon = _lexicon(rules_dir, tuple((name, tuple(words)) for name, words in groups.items()))
        self._kind_rules = _kind_rules(context)
        # The kind reads its offer candidates from the tags the dictionary scan reports: both
        # come from the same rules, and a mismatch would pick the wrong patterns silently.
        if self.lexicon.offer_needs != self._kind_rules.offer_index.needs:
            raise RuntimeError("词典自动机标注的报价必要词与短信类型判断的不一致")
        #: Whether the fitted kind model is asked, and the rules directory it is read from
        #: (the gate builds its own checker over the same rules, without the model).
        self.uses_kind_model = kind_model
        self.rules_dir = rules_dir
        self._specs_by_code = {s.code: s for s in all_specs}
        # The selected ones are reused (a detector keeps no state between messages); the
        # others are built for the kind decision alone.
        built = {d.code: d for d in self.detectors}
        claim_specs = [s for s in all_specs if s.marketing_evidence > 0 or s.service_evidence > 0]
        self._pressure_codes = frozenset(s.code for s in all_specs if s.pressure_evidence)
        extra = iter(build_detectors([s for s in claim_specs if s.code not in built], self.settings))
        self._claim_detectors = [
            d
            for d in (built[s.code] if s.code in built else next(extra) for s in claim_specs)
            if isinstance(d, KeywordDetector)
        ]
        #: Each claim detector's place in that list, by code (see _claims).
        self._claim_order = {d.code: i for i, d in enumerate(self._claim_detectors)}
        # Profile-scoped rules are skipped, never guessed, without a profile.  Per kind, the
        # detectors that always run and those that only run when their trigger word is seen.
        # An ``uncertain`` message runs the marketing plan (its marketing-only findings are
        # then reported as warnings by the context pass) and the service-only rules.
        active = [d for d in self.detectors if d.spec.scope != "profile" or profile is not None]

        def plan(usable: list[Detector]) -> tuple[list[Detector], dict[str, Detector]]:
            return (
                [d for d in usable if not d.needs_trigger_for(profile)],
                {d.code: d for d in usable if d.needs_trigger_for(profile)},
            )

        self._plan: dict[str, tuple[list[Detector], dict[str, Detector]]] = {
            kind: plan([d for d in active if kind in d.spec.applies_to]) for kind in ("marketing", "service")
        }
        # …and the service-only rules too (OPT002: a notice must carry no opt-out), warning as they
        # always do: a message of doubtful kind that carries an opt-out is reviewed, never passed
        # silently as the notice it may be.
        self._plan["uncertain"] = plan(
            [d for d in active if "marketing" in d.spec.applies_to or d.spec.applies_to == ["service"]]
        )
        # A service notice with an opt-out runs every rule (see judge_kind), in rule order.
        self._plan[_OPTOUT_HEDGE] = plan(active)
        #: Per plan, the rules there that take a fitted second opinion (read on first need).
        self.uses_code_models = code_models
        self._opinions: dict[str, tuple[RuleSpec, ...]] = {
            key: tuple(d.spec for d in (*always, *triggered.values()) if d.spec.second_opinion)
            if code_models
            else ()
            for key, (always, triggered) in self._plan.items()
        }
        self._opinion_codes = {key: frozenset(s.code for s in specs) for key, specs in self._opinions.items()}
        # Per plan, each always-run detector with its gate (see Detector.gate), asked once here.
        gates = {d.code: d.gate() for d in active}
        self._gated: dict[str, tuple[tuple[Detector, Any], ...]] = {
            key: tuple((d, gates[d.code]) for d in always) for key, (always, _) in self._plan.items()
        }

    def check(
        self,
        text: str,
        *,
        kind: Kind | None = None,
        meta: dict[str, Any] | None = None,
        fix: bool = False,
        strict: bool = False,
        product_type: str | None = None,
        added: Sequence[tuple[int, int]] | None = None,
    ) -> CheckResult:
        """Check one message.

        ``product_type``: the declared product type (wealth, insurance, loan …), which
        wins over the one inferred from the text and the profile.

        ``strict`` is for text a model wrote: anti-fraud wording elsewhere in the message
        does not soften a violation to a warning (a model could otherwise append
        "谨防诈骗" to launder "稳赚不赔" past the gate), and a message whose kind is
        uncertain is judged as marketing (errors, not warnings).  ``added``: spans of
        ``text`` a model added to its draft; in strict mode no context (a negation, a
        warning, a completed event, a limit) softens or cancels a finding inside them —
        the model wrote the context too.
        """
        if len(text) > self.settings.max_check_length:
            return self._too_long(text, kind, meta, fix)
        msg = self.read(normalize(text), strict=strict)
        judged = self.judge_kind(msg, kind, strict=strict, product_type=product_type)
        return self.finish(
            text, msg, self.detect(msg), *judged, meta=meta, fix=fix, added=added if strict else None
        )

    # The stages of :meth:`check`, in order (the benchmark times each on its own).

    def read(self, nt: NormalizedText, *, strict: bool = False) -> Message:
        """The dictionary pass (with pinyin spellings and initials) and the message's facts."""
        scan = self.lexicon.scan(nt.compact)
        # Pinyin and initials need a Latin letter: one search in C spares the two patterns
        # (each with a look-behind tried at every position) on most Chinese messages.
        latin = _LATIN_RE.search(nt.compact) is not None
        mixed = False
        if latin:
            keep_whole_latin(scan, nt)  # before the pinyin pass: its hits are read inside Latin runs
            pure = PURE_RE.search(nt.compact) is not None
            mixed = MIXED_RE.search(nt.compact) is not None
            if pure or mixed:
                # names matter only to the runs standing alone: looked for only when one exists
                names = pinyin_names(nt.compact, nt.original, nt.compact_span) if pure else frozenset()
                self.lexicon.scan_pinyin(nt.compact, scan, names=names)
        view = scan.view or nt.compact
        # the matching fold changes nothing in most messages: then the answer is the one above
        if latin if view is nt.compact else _LATIN_RE.search(view) is not None:
            initials = self.lexicon.scan_initials(nt.compact, scan)  # reads INITIALS_RE's runs itself
            if initials or mixed:
                # a claim family's slot word spelled in pinyin or initials (bao光您的tong讯录, zf您的亲属)
                self.lexicon.scan_pinyin_families(
                    nt.compact,
                    scan,
                    initials=initials,
                    names=lambda: titled_runs(nt.compact, nt.original, nt.compact_span),
                )
        ctx = MessageContext(
            nt,
            scan,
            strict=strict,
            event_patterns=self.lexicon.event_patterns,
            exclusion_after=self.lexicon.exclusion_after,
            act_disclaimer=self.lexicon.act_disclaimer,
            act_disclaimer_taken_back=self.lexicon.act_disclaimer_taken_back,
        )
        return Message(ctx, self.settings, self.profile, self.lexicon.boundaries)

    def _load_kind_model(self) -> KindModel | None:
        """The fitted kind model, or ``None`` when turned off or not shipped.  Read on first
        need (most messages never ask: a cold `check` of a plain promotion skips the file);
        load_kind_model caches it for every checker."""
        return load_kind_model(self.rules_dir) if self.uses_kind_model else None

    kind_model = property(_load_kind_model)

    def kind_evidence(self, text: str) -> KindEvidence:
        """The kind decision's evidence for ``text`` (not the decision): the gate asks whether
        a clause a rewrite added to a notice offers anything, whatever else it says."""
        msg = self.read(normalize(text))
        return collect_evidence(msg, self._kind_rules, self._claims(msg), self._pressure_codes)

    def judge_kind(
        self, msg: Message, kind: Kind | None, *, strict: bool = False, product_type: str | None = None
    ) -> tuple[str, str, ProductTypeDecision]:
        """Set ``msg.kind`` (declared, or decided from evidence) and ``msg.product_type``;
        returns the kind's source and reason and the product-type decision."""
        if kind is not None:
            if kind not in DECLARED_KINDS:  # a typo must not fail deep inside the detectors
                raise ValueError(
                    f"短信类型 {kind!r} 无效，应为 {' 或 '.join(DECLARED_KINDS)}（或不指定，由检查器推断）"
                )
            msg.kind, kind_source, kind_reason = kind, "declared", "由用户指定"
        else:
            msg.kind, kind_reason = infer_kind(
                msg, self._kind_rules, self._claims(msg), self._pressure_codes, self._load_kind_model
            )
            kind_source = "inferred"
            if msg.kind == "service" and msg.optout_span is not None:
                # The sender's own opt-out says it may be marketing (您的积分将于…清零，兑换请
                # 访问… 回T退订): the notice stays a notice (OPT002 still warns), and the
                # marketing-only rules run too, as warnings, so a missing risk warning or APR
                # is never silently passed.
                msg.optout_hedge = True
                kind_reason += "；但带有退订语，可能是营销短信，仅营销短信适用的规则按警告报告"
        if strict and msg.kind == "uncertain":
            msg.kind, kind_reason = "marketing", kind_reason + "；严格模式按营销短信判断"
        ptype = decide_product_type(msg, self._ptype_rules, product_type)
        msg.product_type = ptype.type
        return kind_source, kind_reason, ptype

    def detect(self, msg: Message, *, opinions: bool = True) -> list[Finding]:
        """Every detector the message's kind plan runs, before the context pass, then the
        fitted second opinions where they are asked (``opinions=False``: the rules alone)."""
        raw: list[Finding] = []
        key = _OPTOUT_HEDGE if msg.optout_hedge else msg.kind
        for det, gate in self._gated[key]:
            if gate is None or gate(msg):  # (a gate says no only where the detector finds nothing)
                raw.extend(det.detect(msg))
        triggered = self._plan[key][1]
        for code in msg.ctx.scan.triggers:
            det = triggered.get(code)
            if det is not None:
                raw.extend(det.detect(msg))
        if opinions and self._opinions[key]:
            raw.extend(self._second_opinions(msg, raw, key))
        return raw

    def _load_code_models(self) -> CodeModels | None:
        return load_code_models(self.rules_dir) if self.uses_code_models else None

    code_models = property(_load_code_models)

    @staticmethod
    def _denied(msg: Message, spec: RuleSpec) -> bool:
        """Whether a word of the rule occurs where the context pass would cancel it."""
        hits = msg.ctx.scan.triggers.get(spec.code)
        if not hits:
            return False
        anchors = [h.start for h in hits]
        kind = msg.kind
        return any(_cancelling_cue(msg.ctx, spec, h.start, h.end, anchors, kind) is not None for h in hits)

    def opinions_asked(self, msg: Message, raw: list[Finding]) -> list[RuleSpec]:
        """The rules whose fitted model is asked about this message: those of its kind plan
        that take one and found nothing (``raw``: the detectors' findings), none of their
        words denied in context (不承担保本责任: the rule saw the thing and context said no;
        the model, which reads no negation, must not say yes).  The rule's own context words
        (COL001: a debt) are not required — they gate the rule's single words (上门), while the
        model reads the whole message (a threat that names the debt as 款项至今未处理 has none
        of COL001's debt words: red team rt77) — but without them the model must be surer
        (:meth:`_bar_met`)."""
        found = {f.code for f in raw}
        opinions = self._opinions[_OPTOUT_HEDGE if msg.optout_hedge else msg.kind]
        return [s for s in opinions if self._asks(msg, s, found)]

    def _asks(self, msg: Message, spec: RuleSpec, found: set[str]) -> bool:
        return spec.code not in found and self._cleared_to_ask(msg, spec)

    def _cleared_to_ask(self, msg: Message, spec: RuleSpec) -> bool:
        """Whether nothing the rule itself weighed forbids asking its model: none of its words
        denied in context (:meth:`_denied`), and its detector has not cleared the message
        (:meth:`Detector.rules_out`).  One test for :meth:`opinions_asked` and the check path."""
        if self._denied(msg, spec):
            return False
        det = self._detector_of.get(spec.code)
        return det is None or not det.rules_out(msg)

    @staticmethod
    def _bar_met(msg: Message, spec: RuleSpec, p: float) -> bool:
        """Whether probability ``p`` is enough where the model reached its fitted threshold:
        without the rule's own context words (COL001: a debt) it must also reach
        :data:`NO_CONTEXT_THRESHOLD` — informal chat in 你 reads like a collector's tone
        (real SMS), a threat rarely falls short of it (rt77, at 0.99)."""
        if spec.context is None or not spec.context.requires_any or msg.ctx.scan.contexts.get(spec.code):
            return True
        return p >= NO_CONTEXT_THRESHOLD

    def _second_opinions(self, msg: Message, raw: list[Finding], key: str) -> list[Finding]:
        """Findings from the asked rules' models (:meth:`opinions_asked`) at or above their
        thresholds (warnings; at the rule's severity from its ``error_at``), on the clause that
        reads most like the violation, unless that clause denies it or reports it as done by
        the rule's own context.  They then go through the one context pass like every finding
        (an uncertain kind, an anti-fraud frame act on them as on the rule's).  The scores come first: one pass in C over the message's
        features, and on nearly every message no rule reaches its threshold, so the
        conditions above are read only for those that do."""
        models = self._load_code_models()
        if models is None:
            return []
        grams = msg.model_features
        over = models.over(grams, self._opinion_codes[key])
        if not over:
            return []
        found = {f.code for f in raw}
        # A rule that found only warnings (a family for review: 我们的同事会去您单位前台等您)
        # still hears a model that is sure, by its fit's cross-check, of an error: a review-level
        # family must not hide what the model would have confirmed (c94).
        warned = found - {f.code for f in raw if f.severity == "error"}
        asked = [
            s
            for s in self._opinions[key]
            if s.code in over
            and (s.code not in found or s.code in warned)
            and self._cleared_to_ask(msg, s)
            and self._bar_met(msg, s, over[s.code])
        ]
        out = []
        text = msg.nt.original
        for spec in asked:
            p = over[spec.code]
            error_at = models.error_at_of(spec.code)
            if spec.code in warned and (error_at is None or p < error_at):
                continue  # the rule's own warning stands; a second warning would say nothing more
            threshold = models.threshold_of(spec.code)
            start, end, _ = models.best_clause(text, spec.code, msg.optout_span)
            cstart, cend = msg.nt.compact_pos(start), msg.nt.compact_pos(end)
            if _cancelling_cue(msg.ctx, spec, cstart, max(cstart + 1, cend), [cstart], msg.kind) is not None:
                continue  # the clause denies it or reports it as done, by the rule's own context
            cues = "、".join(models.cues(spec.code, grams))
            lead = "规则仅按警告命中" if spec.code in warned else "规则的词表未命中"
            why = f"{lead}，文本模型判断读来像此类内容（概率{p:.2f}，阈值{threshold}" + (
                f"；权重最大的字对：{cues}）" if cues else "）"
            )
            cue = f"{OPINION_CUE} {p:.2f}"
            if error_at is not None and p >= error_at:
                # sure enough, by the fit's own cross-check, to be what the rule forbids
                severity, message = spec.severity, f"{spec.title}（模型判断，把握较大）：{spec.message}"
                effect = ContextEffect(
                    cue,
                    "confirmed",
                    why + f"，达到按规则严重级别报告的概率 {error_at}（拟合时的交叉检验中，"
                    "没有一条合规或不属此类的草稿达到它）",
                )
                fix = Fix("none", description="删除或改写该句所表达的内容")
            else:
                severity, message = "warning", f"疑似{spec.title}（模型判断，请人工复核）：{spec.message}"
                effect = ContextEffect(cue, "downgraded", why + "，仅按警告报告")
                fix = Fix("none", description="人工复核该句；如确属此类内容，按规则要求删除或改写")
            out.append(
                spec.finding(
                    text,
                    start,
                    end,
                    severity=severity,
                    message=message,
                    fix=fix,
                    note="标注的是模型认为最相关的分句，不是规则命中的措辞",
                    context=(effect,),
                )
            )
        return out

    def finish(
        self,
        text: str,
        msg: Message,
        raw: list[Finding],
        kind_source: str,
        kind_reason: str,
        ptype: ProductTypeDecision,
        *,
        meta: dict[str, Any] | None = None,
        fix: bool = False,
        added: Sequence[tuple[int, int]] | None = None,
    ) -> CheckResult:
        """The context pass, the verdict and the result (``added``: see :meth:`check`,
        already limited to strict checks)."""
        findings, suppressed = self._apply_context(raw, msg, added)
        findings.sort(key=lambda f: (f.start, f.end, f.code))
        length = sms_length(text)
        result = CheckResult(
            text=text,
            kind=msg.kind,  # type: ignore[arg-type]
            kind_source=kind_source,  # type: ignore[arg-type]
            kind_reason=kind_reason,
            verdict=verdict_of(findings),
            length=length,
            segments=segments(length),
            findings=cap_repeats(findings),
            meta=dict(meta or {}),
            suppressed=cap_repeats(suppressed),
            product_type=ptype.type,  # type: ignore[arg-type]
            product_type_source=ptype.source,
            product_type_reason=ptype.reason,
        )
        if fix:  # every occurrence is fixed, also those the cap does not list
            result.fixed_text = apply_fixes(text, findings)
        return result

    def _too_long(self, text: str, kind: Kind | None, meta: dict[str, Any] | None, fix: bool) -> CheckResult:
        """A message over ``max_check_length``: LEN001 at error naming the limit, nothing
        else scanned (a bound on the work one message may cause).  Reported whatever the
        rule selection: an unchecked message must never read as a pass."""
        limit = self.settings.max_check_length
        n = len(text)
        # The span marks where the limit is passed (a few characters, so the evidence
        # stays short and still equals text[start:end]).
        finding = self._specs_by_code["LEN001"].finding(
            text,
            limit,
            min(n, limit + 10),
            severity="error",
            message=f"短信长度{n}字，超过检查上限{limit}字（max_check_length），其他规则未检查；请拆分或精简后再检查",
        )
        length = sms_length(text)
        return CheckResult(
            text=text,
            kind=kind or "uncertain",
            kind_source="declared" if kind is not None else "inferred",
            kind_reason="由用户指定" if kind is not None else "超过检查上限，未判断短信类型",
            verdict=verdict_of([finding]),
            length=length,
            segments=segments(length),
            findings=[finding],
            meta=dict(meta or {}),
            fixed_text=text if fix else None,
        )

    def _claims(self, msg: Message) -> list[tuple[str, str, int, int, int]]:
        """Claims only a promotion makes, surviving context: marketing evidence for the kind,
        as (code, word, weight, start, end), every surviving hit in order.  A rule with
        ``service_evidence`` (a collection threat) gives its weight negated: evidence for the
        service side.

        The claim rules' own detectors decide what is a hit (exemptions, word boundaries,
        required product words, negation), selected or not: the kind must not depend on
        which rules a user switched on.  A rule's hits are passed up to its first that is no
        term of the recipient's own contract: the kind counts one per rule, and an
        own-contract term (您的医疗险保证续保) must not hide the claim after it (什么病都能赔).
        """
        own_terms = self._kind_rules.own_contract_terms
        out: list[tuple[str, str, int, int, int]] = []
        ctx = msg.ctx
        # Only the claim rules whose words occur (one or two of sixteen, mostly none), in the
        # claim rules' order: asking each rule for its hits cost more than the rest here.
        order = self._claim_order
        codes = [code for code, hits in ctx.scan.triggers.items() if hits and code in order]
        if len(codes) > 1:
            codes.sort(key=order.__getitem__)
        for code in codes:
            det = self._claim_detectors[order[code]]
            spec = det.spec
            for hit, severity, _ in det.relevant_hits(msg):
                if severity != "error":
                    continue  # a term the rule itself only warns about is no proof of promotion
                if spec.limit_context and ctx.limit_cue(hit.start, hit.end):
                    continue  # 最高可借: a limit, not a claim
                if spec.negatable and ctx.inner_negation(hit.start, hit.end):
                    continue  # 政府不兜底: a claim denied
                if spec.anti_fraud and (
                    ctx.anti_fraud_near(hit.start)
                    or ctx.impostor_cue(hit.start)
                    or ctx.hypothetical_lure(hit.start, hit.end)
                    or ctx.retraction(hit.start, hit.end)
                    or ctx.topic_quote(hit.start)
                    or ctx.inside_attributed(hit.start, hit.end) is not None
                    or ctx.past_practice(hit.start) is not None
                ):
                    continue  # a warning that names the scheme, what an impostor does, or words retracted, promotes nothing
                    # (or what a group warned against claims: 请远离…号称稳赚不赔的荐股群)
                if spec.marketing_evidence and ctx.answered_no(hit.start, hit.end):
                    continue  # 有没有零风险的投资？答：没有。: asked and answered no, nothing sold after
                if spec.own_setting_context and ctx.own_setting_cue(hit.start):
                    continue  # 您设定的目标价: the recipient's own order
                if spec.event_context and ctx.claim_reports_event(hit.start):
                    continue  # 您的保本理财已到期: what happened, not an offer
                if spec.service_evidence:
                    out.append((det.code, hit.word, -spec.service_evidence, hit.start, hit.end))
                else:
                    out.append((det.code, hit.word, spec.marketing_evidence, hit.start, hit.end))
                if hit.word not in own_terms:
                    break  # the kind counts this one for the rule; later hits are never read
        return out

    def _apply_context(
        self, raw: list[Finding], msg: Message, added: Sequence[tuple[int, int]] | None = None
    ) -> tuple[list[Finding], list[Finding]]:
        """The one context pass, Presidio-style, applied to every rule's findings.

        Cancels findings a negation or a verdict governs (非保本, 本行从不…, …都是诈骗),
        downgrades errors to warnings for a limit statement (最高可借), anti-fraud framing
        or an uncertain message kind (marketing-only rules), and records each change on the
        finding (``context``).  Cancelled findings are kept apart (``suppressed``).  A
        finding inside ``added`` text (strict checks of model output) gets none of this.
        """
        ctx = msg.ctx
        kept: list[Finding] = []
        suppressed: list[Finding] = []
        # where the findings start (compact): a negation covers a list whose first item is a
        # finding itself (从未…代办贷款、包装资料; 不承诺…保本保息、…或最低收益), not a list of
        # selling points (从不收费、…涨停牛股)
        anchors = [msg.nt.compact_pos(f.start) for f in raw]
        for f, anchor in zip(raw, anchors, strict=True):
            spec = self._specs_by_code[f.code]
            effects = list(f.context)
            fresh = bool(added) and any(s < f.end and f.start < e for s, e in added or ())
            cstart = anchor  # compact_pos(f.start), already mapped for the anchors
            cend = max(cstart + 1, msg.nt.compact_pos(f.end))
            if spec.reported_quote_context and not spec.negatable and not fresh:
                # 有客户收到冒充我行的短信，称“…点击t.cn/xxxx兑换”: the scam's example, quoted in a
                # warning (the same test as for the negatable rules' quoted lures, below)
                framing = ctx.anti_fraud_near(cstart, cend)
                if framing is not None and _reported_lure(ctx, msg.kind, cstart):
                    f.context = (
                        *effects,
                        ContextEffect(
                            framing, "cancelled", "反诈提示中加引号转述的诈骗短信内容，不是发送方的链接"
                        ),
                    )
                    suppressed.append(f)
                    continue
            if spec.negatable and f.end > f.start and not fresh:
                cancel = _cancelling_cue(ctx, spec, cstart, cend, anchors, msg.kind)
                if cancel is not None:
                    f.context = (*effects, ContextEffect(cancel[0], "cancelled", cancel[1]))
                    suppressed.append(f)
                    continue
                down = _downgrading_cue(ctx, spec, cstart, cend, msg.kind) if f.severity == "error" else None
                if down is not None:
                    f.severity = "warning"
                    effects.append(ContextEffect(down[0], "downgraded", down[1]))
                framing = (
                    ctx.anti_fraud_near(cstart, cend) if f.severity == "error" and spec.anti_fraud else None
                )
                if framing is not None and _reported_lure(ctx, msg.kind, cstart):
                    # the scheme's words, quoted after a verb that reports them (or before 为由)
                    f.context = (
                        *effects,
                        ContextEffect(framing, "cancelled", "反诈提示中加引号列举的话术，不是发送方的表述"),
                    )
                    suppressed.append(f)
                    continue
                if (
                    framing is not None
                    and msg.kind == "service"
                    and ctx.educates_only
                    and _PROTECTIVE_RE.search(msg.nt.compact) is not None
                    and _THIRD_PARTY_RE.search(msg.nt.compact, *ctx.sentence(cstart)) is not None
                    and not ctx.quote_owned(cstart)
                    and not ctx.alternative_offered(cstart)
                ):
                    # 反诈提醒：…冒充客服…索要验证码。我司不会向您索取验证码: a notice framed as a
                    # warning that puts nothing on offer (no product, price, call or link), read as a
                    # notice: the scheme it names is what it warns against, not a review
                    f.context = (
                        *effects,
                        ContextEffect(
                            framing,
                            "cancelled",
                            "反诈或风险提示短信，未推介任何产品或业务，所列为警示的骗局内容",
                        ),
                    )
                    suppressed.append(f)
                    continue
                if framing is not None:
                    f.severity = "warning"
                    f.note = f.note or "出现在反诈/风险提示语境中，请人工确认是否为警示内容"
                    effects.append(
                        ContextEffect(framing, "downgraded", "处于反诈或风险提示语境中，可能是在警示该内容")
                    )
                elif (
                    f.severity == "error"
                    and spec.marketing_evidence
                    and msg.kind != "marketing"
                    and msg.optout_span is None
                    and not ctx.strict
                    and ctx.quoted(cstart)
                    and not ctx.quote_owned(cstart)
                ):
                    # 投诉回复：销售人员称“经济学家力荐”…: a claim in quotes, in a message that
                    # sells nothing (its kind not marketing, no opt-out), is most likely someone
                    # else's words mentioned: a review, not a failure, never a silent pass
                    f.severity = "warning"
                    effects.append(
                        ContextEffect(
                            "引号",
                            "downgraded",
                            "引号内的表述，且短信未见推销内容，可能是引述他人的说法，请人工确认",
                        )
                    )
            cap = spec.max_severity_by_kind.get(msg.kind)  # type: ignore[call-overload]
            if cap is not None and SEVERITY_RANK[f.severity] > SEVERITY_RANK[cap]:
                f.severity = cap
                effects.append(
                    ContextEffect(
                        msg.kind, "downgraded", f"该规则在{KIND_ZH.get(msg.kind, msg.kind)}中最高按{cap}报告"
                    )
                )
            if msg.kind == "uncertain" and spec.applies_to == ["service"]:
                # (a service-only rule run on a message of doubtful kind: said as a condition)
                f.message = "短信类型无法确定：若为服务通知，" + f.message
                effects.append(
                    ContextEffect(
                        "uncertain", "downgraded", "短信类型无法确定，仅服务通知适用的规则按警告报告"
                    )
                )
                if f.severity == "error":
                    f.severity = "warning"
            hedge = "uncertain" if msg.kind == "uncertain" else _OPTOUT_HEDGE if msg.optout_hedge else None
            if hedge is not None and spec.applies_to == ["marketing"] and f.severity == "error":
                cue, prefix, reason = _MARKETING_ONLY_HEDGES[hedge]
                f.severity = "warning"
                f.message = prefix + f.message
                effects.append(ContextEffect(cue, "downgraded", reason))
            f.context = tuple(effects)
            kept.append(f)
        _defer(kept, self._specs_by_code)
        return kept, suppressed

    def memo(self, fix: bool = False) -> CheckMemo:
        """A fresh memo of this checker's results for one batch (see :mod:`memo`)."""
        return CheckMemo(lambda text, kind, ptype: self.check(text, kind=kind, fix=fix, product_type=ptype))  # type: ignore[arg-type]

    def check_many(
        self,
        items: Iterable[str | tuple[str, Kind | None] | tuple[str, Kind | None, str | None]],
        *,
        workers: int = 1,
        chunksize: int = 256,
        fix: bool = False,
        kind: Kind | None = None,
        product_type: str | None = None,
    ) -> Iterator[CheckResult]:
        """Check a stream of messages (texts, ``(text, kind)`` pairs or ``(text, kind,
        product_type)`` triples; a row's own value wins over the batch-wide one), in order.

        ``workers > 1`` spreads chunks over processes.  At most ``2 × workers`` chunks are
        in flight, so the input is read lazily and memory stays flat on files of any
        length (``Pool.imap`` would read the whole input ahead).
        """
        rows = (
            (i, kind, product_type)
            if isinstance(i, str)
            else (i[0], i[1] or kind, (i[2] if len(i) > 2 else None) or product_type)  # type: ignore[misc]
            for i in items
        )
        if workers <= 1:
            memo = self.memo(fix)
            for text, k, p in rows:
                yield memo(text, k, p)
            return
        import multiprocessing as mp
        from collections import deque

        fork = "fork" in mp.get_all_start_methods()
        ctx = mp.get_context("fork") if fork else mp.get_context()
        # A forked worker inherits this checker as it is (nothing is pickled); elsewhere
        # each worker builds its own from the settings and profile.
        initargs = (self, None, fix) if fork else (self.settings, self.profile, fix)
        with ctx.Pool(workers, initializer=_init_worker, initargs=initargs) as pool:
            pending: deque[Any] = deque()
            for chunk in _chunks(rows, chunksize):
                pending.append(pool.apply_async(_check_chunk, (chunk,)))
                if len(pending) >= 2 * workers:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()


#: The plan of a notice that carries a working opt-out (see Checker.judge_kind).
_OPTOUT_HEDGE = "service+optout"
#: Why a marketing-only rule's error is only a warning, per case: (cue, message prefix,
#: reason) — the kind is in doubt, or a notice carries an opt-out.
_MARKETING_ONLY_HEDGES = {
    "uncertain": (
        "uncertain",
        "短信类型无法确定：若为营销短信，",
        "短信类型无法确定，仅营销短信适用的规则按警告报告",
    ),
    _OPTOUT_HEDGE: (
        "退订语",
        "服务通知带有退订语：若为营销短信，",
        "判为服务通知但带有退订语，仅营销短信适用的规则按警告报告",
    ),
}


def _defer(findings: list[Finding], specs: dict[str, RuleSpec]) -> None:
    """A rule's error becomes a warning when a rule it ``defers_to`` keeps an error on the
    same words (overlapping spans); see RuleSpec.defers_to.  Recorded with the other
    finding's code and evidence; never dropped: the finding stays for review."""
    failing = [f for f in findings if f.severity == "error"]
    if not failing:
        return
    for f in failing:
        spec = specs[f.code]
        deferred_to = spec.defers_to
        if not deferred_to and not spec.defers_to_message:
            continue
        for other in failing:
            if other.severity != "error" or other is f:
                continue
            if other.code in spec.defers_to_message:
                f.severity = "warning"
                reason = f"短信已按 {other.code} 判为违规，本项仅作提示"
                f.context = (*f.context, ContextEffect(other.evidence, "downgraded", reason))
                break
            if other.code in deferred_to and other.start < f.end and f.start < other.end:
                f.severity = "warning"
                reason = f"同一处已按 {other.code} 判为违规，本项仅作提示"
                f.context = (*f.context, ContextEffect(other.evidence, "downgraded", reason))
                break


def cap_repeats(findings: list[Finding]) -> list[Finding]:
    """At most :data:`MAX_REPEATS` identical findings (code, evidence, severity), in order;
    the last one listed says how many there are in all.  The verdict cannot change: every
    code and severity present stays present."""
    if len(findings) <= MAX_REPEATS:
        return findings  # no key can repeat more often than there are findings: no count needed
    counts = Counter((f.code, f.evidence, f.severity) for f in findings)
    if all(n <= MAX_REPEATS for n in counts.values()):
        return findings
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for f in findings:
        key = (f.code, f.evidence, f.severity)
        seen[key] += 1
        if seen[key] > MAX_REPEATS:
            continue
        if seen[key] == MAX_REPEATS and counts[key] > MAX_REPEATS:
            f.message += f"（同样的问题共 {counts[key]} 处，只列出前 {MAX_REPEATS} 处）"
        out.append(f)
    return out


def ignored_rules(checker: Checker) -> list[str]:
    """Codes the checker's settings switch off (reported with a draft, recorded on approval).

    Here rather than in the rewrite gate (which re-exports it): ``assistant check`` names
    them on every run, and importing the gate and its fact readers for this one line was
    ~15 ms of a cold start.  ``load_rule_specs(None)``, not ``load_rule_specs()``: the cache
    keys on the arguments as passed, and the checker (like ``validate_selection``) asked with
    ``None``, so the bare call read and unpickled every rule again (~20 ms of a cold start)."""
    return [s.code for s in load_rule_specs(None) if not checker.settings.selects(s.code)]


_WORKER: CheckMemo | None = None


def _init_worker(settings: Settings | Checker, profile: SenderProfile | None, fix: bool) -> None:
    """A worker lives for one batch: its memo of repeats lives as long."""
    global _WORKER
    checker = settings if isinstance(settings, Checker) else Checker(settings, profile)
    _WORKER = checker.memo(fix)


def _check_chunk(rows: list[tuple[str, Kind | None, str | None]]) -> list[CheckResult]:
    assert _WORKER is not None
    return [_WORKER(text, kind, ptype) for text, kind, ptype in rows]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_DEFAULT: Checker | None = None


def check(
    text: str,
    *,
    kind: Kind | None = None,
    profile: SenderProfile | None = None,
    settings: Settings | None = None,
    fix: bool = False,
) -> CheckResult:
    """Check one message.  Reuses a default checker when no profile or settings are given."""
    global _DEFAULT
    if profile is None and settings is None:
        if _DEFAULT is None:
            _DEFAULT = Checker()
        return _DEFAULT.check(text, kind=kind, fix=fix)
    return Checker(settings, profile).check(text, kind=kind, fix=fix)


#: Words that warn the reader against others (冒充, 不法分子, 谨防, 反诈提醒): a threat that names a
#: crime (涉嫌诈骗, 已按诈骗罪举报) frames nothing as a warning.
_PROTECTIVE_RE = lazyre.compile(
    r"冒充|冒用|假冒|不法分子|骗子|谨防|警惕|反诈|防诈|防骗|提醒|提示|小贴士|投资者教育|投教|请勿|切勿|不会(?:向您|要求|通过|以)"
)


#: Someone other than the sender named in the sentence of what a warning names (有人冒充…, 不法分子,
#: 以…为由, 冒用我司名义): the words are theirs.  Without one, a notice quoting a claim next to its
#: own product (“稳赚不赔”的鑫享理财请登录App查看，谨防诈骗) is not plainly a warning.
_THIRD_PARTY_RE = lazyre.compile(
    r"有人|冒充|冒用|假冒|不法分子|骗子|诈骗分子|骗局|自称|对方|陌生|他人|中介|第三方|为由|为名|名义|网传|网络流传|社交平台|群聊|微信群"
    r"|客户问|客户常问|常有客户|非法"
)


def _reported_lure(ctx: MessageContext, kind: str, cstart: int) -> bool:
    """Whether the words at compact ``cstart``, framed by an anti-fraud cue, are someone else's
    words quoted in a plain notice (反诈提醒：有人冒用我司名义，宣称“稳赚不赔”): named, not said.
    Quotes alone are not enough: a sender could quote its own claim."""
    return kind == "service" and ctx.reported_quote(cstart)


def _downgrading_cue(
    ctx: MessageContext, spec: RuleSpec, cstart: int, cend: int, ctx_kind: str = ""
) -> tuple[str, str] | None:
    """The first context cue that makes an error at compact ``[cstart, cend)`` a warning for
    review, with the reason shown; each applies only where the rule's data says so.

    Straight-line tests rather than a table of closures: this runs for every error found,
    and building the closures cost more than the tests most findings reach."""
    if spec.exclusion_context and (cue := ctx.excluded_after(cend)) is not None:
        return (
            cue,
            "其后说明该类交易不参与活动或不计入（如“套现交易不参与活动”），可能是活动的排除条款，请人工确认",
        )
    if spec.limit_context and (cue := ctx.limit_cue(cstart, cend)) is not None:
        return cue, "用于说明额度或限额，不是宣传用语，请人工确认"
    if (
        spec.anti_fraud
        and ctx_kind == "marketing"
        and not ctx.educates_only
        and (cue := ctx.retraction(cstart, cend)) is not None
    ):
        return cue, "引号内、转述或设问提出的内容随后被指出错误、不实或违规，但短信同时在推销，请人工确认"
    # a warning, never a cancellation: a question answered "no" is also how senders
    # assert (你以为…吗？不是。, …能做到吗？不能。别家不能，我们却能: red teams rt21, rt22);
    # only claims (not a missing risk warning whose trigger sits in the question)
    if (
        spec.anti_fraud
        and (spec.marketing_evidence > 0 or spec.question_context)
        and (cue := ctx.answered_no(cstart, cend)) is not None
    ):
        return (
            cue,
            "出现在一般疑问句中，紧接的回答是否定的（如“…吗？答案是没有”），可能是投资者教育而非承诺，请人工确认",
        )
    return None


def _cancelling_cue(
    ctx: MessageContext, spec: RuleSpec, cstart: int, cend: int, anchors: Sequence[int], ctx_kind: str = ""
) -> tuple[str, str] | None:
    """The first context cue that cancels a finding at compact ``[cstart, cend)``, with the
    reason shown to the reviewer; each check applies only where the rule's data says so.

    Straight-line tests in a fixed order rather than a table of closures: this runs for every
    finding (and for every hit of a rule whose model is asked), and building fourteen closures
    each time cost more than the few tests most findings reach."""
    if (cue := ctx.negation_cue(cstart, anchors)) is not None and not (
        spec.pending_context and (ctx.not_yet(cstart) or ctx.denial_on_condition(cstart))
    ):
        return cue, "处于否定语境中（如“非保本”“不承诺”）"
    if (cue := ctx.inner_negation(cstart, cend)) is not None:
        return cue, "否定词在该表述内部（如“政府不兜底”），是否认而非承诺"
    if spec.purpose_context and (cue := ctx.purpose_cue(cstart)) is not None:
        return cue, "目的状语（为保障…），不是承诺"
    if spec.disclaimer_context and (cue := ctx.disclaimed(cstart, cend)) is not None:
        return (
            cue,
            "短信声明该备案、注册或批准不代表监管机构作出保证（如“备案不代表…保证”），是法定提示而非背书",
        )
    if spec.event_context and ctx.claim_reports_event(cstart):
        return "已…", "所在分句陈述已发生的事件（如已返还、已到账），不是承诺"
    if spec.request_context and (cue := ctx.request_cue(cstart)) is not None:
        return cue, "是请收件人本人去做的事，不是发送方的威胁或施压"
    if spec.anti_fraud:
        if (cue := ctx.impostor_cue(cstart)) is not None and not ctx.alternative_offered(cstart):
            return cue, "句中说明这是冒名者的行为，属警示而非推介"
        if (cue := ctx.hypothetical_lure(cstart, cend)) is not None:
            return cue, "句中说明这是他人可能的诱骗说法，并提示如何防范，属警示而非推介"
    if spec.own_setting_context and (cue := ctx.own_setting_cue(cstart)) is not None:
        return cue, "是收件人本人设定的条件（如您设定的目标价），不是推荐"
    if spec.sanction_context and ctx_kind != "marketing" and (cue := ctx.sanction(cstart)) is not None:
        return cue, "说明账户因涉及该内容而被暂停、冻结或限制，是风控处置通知，不是推介"
    if spec.anti_fraud and (cue := ctx.verdict_cue(cstart, cend)) is not None:
        return cue, "句中把该内容定性为诈骗或违法，属警示"
    if (
        spec.anti_fraud
        and ctx_kind != "marketing"
        and (cue := ctx.attributed_claim(cstart, cend) or ctx.inside_attributed(cstart, cend)) is not None
        and not ctx.alternative_offered(cstart)
    ):
        # (not in a promotion: 别信那些号称…的产品 may front the sender's own pitch)
        return cue, "描述的是他人宣称的内容（如“宣称保本的产品请勿购买”），并提示防范，属警示"
    # a question answered "no" in an education message that offers nothing (投资者教育：现在还有
    # 保本的理财吗？答案是没有。): the answer denies; elsewhere it is only reviewed (_downgrading_cue)
    if (
        spec.anti_fraud
        and (spec.marketing_evidence > 0 or spec.question_context)
        and ctx.educates_only
        and (cue := ctx.answered_no(cstart, cend)) is not None
    ):
        return (
            cue,
            "投资者教育短信中的一般疑问句，紧接的回答是否定的（如“…吗？答案是没有”），且短信不推介任何产品，是否认而非承诺",
        )
    # only in a message that sells nothing (or an education message, marketing only by its
    # opt-out line and disclosures: rt82): in one that sells, a "retraction" is also how
    # a sender vouches for its own claim (…的宣传没半点不实, 所言非虚: rt54), and the
    # claim is a warning instead (_downgrading_cue)
    if (
        spec.anti_fraud
        and (ctx_kind != "marketing" or ctx.educates_only)
        and (cue := ctx.retraction(cstart, cend)) is not None
    ):
        return (
            cue,
            "引号内是他人说过的话、转述他人做过的事或设问提出的说法，短信随后指出其错误、不实或违规（如“该表述错误”“这种说法是错误的”“均非本公司发布”“此行为违反我司规定”），是更正而非宣传",
        )
    # a history lesson (资管新规出台前，银行理财大多保本保息；如今…均已转为净值型): only in a message
    # that sells nothing, where the era told of is not a sender's track record
    if (
        spec.anti_fraud
        and (ctx_kind != "marketing" or ctx.educates_only)
        and (cue := ctx.past_practice(cstart)) is not None
    ):
        return (
            cue,
            "讲述的是过去的市场情况（如“资管新规出台前”“前些年”），并说明此后已改变，属历史介绍而非承诺",
        )
    if spec.limit_context:
        if (cue := ctx.service_time(cstart)) is not None:
            return cue, "说明收件人本人业务的预计办理时间（最快当日到账），不是绝对化用语"
        if (cue := ctx.transaction_limit(cstart, cend)) is not None:
            return (
                cue,
                "说明交易或账户的限额、起存金额（单日最高1,000元、起存金额最低1,000元），不是绝对化用语",
            )
        if (cue := ctx.benefit_cap(cstart)) is not None:
            return (
                cue,
                "说明保障、优惠的上限或起购金额（最高报销、最高立减、最低10元起投），不是绝对化用语",
            )
        if (cue := ctx.factual_bound(cstart, cend)) is not None:
            return (
                cue,
                "说明费用、保障或优惠的客观上下限（手续费最低10元、随机立减最高10元），不是绝对化用语",
            )
    return None
