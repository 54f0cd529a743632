"""Rule definitions as data (``knowledge/rules/<CODE>.yaml``).

Rules are data so that compliance staff can read and review them, the documentation page
is generated from the same source, and word lists can grow without code changes.  Rules
that need logic name a Python ``detector``; their metadata still lives here.
"""

from __future__ import annotations

import re
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

# (module level, not in default_fix and finding: an import statement run per finding cost
# ~7,000 instructions in CPython 3.11)
from assistant.checker.models import Finding, Fix
from assistant.config import unknown_keys
from assistant.errors import ConfigError
from assistant.paths import rules_dir
from assistant.text import lazyre
from assistant.text.yamlload import load_yaml, yaml_error

if TYPE_CHECKING:
    from assistant.checker.models import Citation, ContextEffect, Severity

CODE_RE = lazyre.compile(r"^[A-Z]{3}\d{3}$")


class SupplySpec(BaseModel):
    """How a fact the user supplies fills this rule's fix (``needs_input`` rules).

    ``template`` gets the value as ``{value}``; ``at: span`` replaces the flagged span,
    ``at: claim`` replaces the claim around it (cue and qualifiers: 预期年化收益高达12% as a
    whole), ``at: end`` inserts at the end of the body (before the opt-out).  With ``by_name`` the
    flagged placeholder's own name (``${rate}`` → ``rate``) is tried as the fact key first.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    fact: str
    template: str = "{value}"
    at: Literal["span", "claim", "end"] = "span"
    by_name: bool = False


class FixSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    kind: Literal["safe", "unsafe", "needs_input", "none"]
    replacement: str | None = None
    description: str = ""
    needs: list[str] = Field(default_factory=list)
    #: Order of texts inserted at the same point (signature 0 … opt-out 9): a risk
    #: warning must land before the opt-out phrase, a signature before everything.
    insert_order: int = 5
    supply: SupplySpec | None = None


class RewriteSpec(BaseModel):
    """What the rewrite engines and the gate may do about this rule's findings.

    ``facts_may_change``: facts inside an error finding of the draft (an over-threshold
    yield, a short link, a card number) are what the rewrite must change, so REW001 does
    not ask for them to be kept.  ``remove``: the offline engine may delete the flagged
    claim (the catalogue's "unsafe: remove the claim").  ``refuse``: an error finding
    refuses the whole draft with no model call (default: when the fix kind is ``none``).
    The rest steer the offline rewrite (assistant/rewrite/offline.py): how far a removal
    reaches, whether removal is an alternative to a missing fact, neutral wording, script.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    facts_may_change: bool = False
    remove: bool = False
    refuse: bool | None = None
    #: How far a removal reaches: ``phrase`` (the claim with its modifiers and the 的 that
    #: attaches it) or ``link`` (a link takes the words pointing at it: 详情、请访问…查看).
    scope: Literal["phrase", "link"] = "phrase"
    #: Removing the flagged element is a compliant alternative to supplying the fact it
    #: needs (drop the short link instead of giving an official URL): offered as its own version.
    remove_instead: bool = False
    #: Neutral wording that may replace the removed claim; used only when ``neutral_safe``
    #: (reviewed as saying nothing the product might not bear out), otherwise the claim goes.
    neutral: str | None = None
    neutral_safe: bool = False
    #: Text this rule's fix adds follows the draft's script (a registered signature does not).
    follow_script: bool = True
    #: Fact templates for needs other than ``fix.supply``'s (PRO007: a past result's source
    #: and period, by ``past_performance_disclosure``).
    supplies: dict[str, SupplySpec] = Field(default_factory=dict)


class Term(BaseModel):
    """A trigger word; ``severity`` overrides the rule's (e.g. ambiguous words warn).

    ``family`` marks the pseudo-term standing for a :class:`FamilySpec` (its hits come
    from the family's pattern, not from the word list).
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    term: str
    severity: Literal["error", "warning", "info"] | None = None
    replacement: str | None = None
    note: str = ""
    family: str | None = None
    #: A word shared with other products (保证金交易, 带单, 秒到账) counts only when one of
    #: the words of this ``term_context`` group is in the message: the product word decides.
    requires: str | None = None
    #: Only when no other term of the rule matched in the message (a catch-all family).
    fallback: bool = False
    #: The opposite: a word of this ``term_context`` group in the message cancels the term
    #: (the recipient is a party to the debt — 担保人, 共同借款人, 法定继承人 — so naming a
    #: relative's loan to them discloses nothing).  A list names several groups, any of which
    #: cancels (a fraud warning passed on, or the recipient's own shared account).
    unless: str | tuple[str, ...] | None = None

    @property
    def unless_groups(self) -> tuple[str, ...]:
        """The ``unless`` groups as a tuple (none, one or several)."""
        if self.unless is None:
            return ()
        return (self.unless,) if isinstance(self.unless, str) else self.unless

    #: Generated from a combo whose right side is a digit (最高 × 5): the digit stands for
    #: "a figure starts here", so 最高5 also matches in 最高50万 (other words ending in a
    #: digit never match inside a longer number: 第1 is not in 第12期).
    figure: bool = False


#: Suffixes of the scan keys of a group's scoped words (``term_context_sentence``,
#: ``term_context_clause``) and of the words that void its cancellation (``term_context_void``).
SENTENCE_SCOPED = "@sentence"
CLAUSE_SCOPED = "@clause"
VOIDING = "@void"
VOIDING_HERE = "@void-sentence"
VOIDING_CLAUSE = "@void-clause"
CONFIRMING_HERE = "@confirm-sentence"


class FamilySpec(BaseModel):
    """A claim family as a small grammar: slots of alternatives in order, with gaps.

    ``slots: [[稳, 包, 必], [赚, 赢]]`` reads "any of the first, then any of the second";
    ``gap`` characters of the same clause may stand between slots (本金……无忧).  Slot
    words are normalised and matching-folded like everything else, so homophones,
    traditional characters, digits for numerals and inserted symbols are covered by the
    fold, not by listing variants.  The first slot's words gate the pattern: it is only
    tried where one of them occurs.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str
    slots: list[list[str]] = Field(min_length=2)
    #: At most 20: a third party's name and a masked number may stand between two slots
    #: (同事张先生（138****5521）转告您); longer gaps would join unrelated words.
    gap: int = Field(0, ge=0, le=20)
    #: The gap may cross a comma (若有亏损，本行全额补偿), never a sentence end.
    cross_clause: bool = False
    #: Two-slot families only: the slots may also come in the other order (收益保底 as well
    #: as 保底收益, 门槛为零 as well as 零门槛), with at most this many characters between
    #: them.  Set per family because not every pair reads the same reversed (本…保 is 本保险).
    reverse_gap: int | None = Field(None, ge=0, le=12)
    severity: Literal["error", "warning", "info"] | None = None
    note: str = ""
    requires: str | None = None
    #: A ``term_context`` group (or a list of them) whose presence in the message cancels the
    #: family's hits.
    unless: str | tuple[str, ...] | None = None
    #: A catch-all: its hits count only when no other term or family of the rule matched in the
    #: message, so it never widens or swallows a specific hit (and that hit's negation).
    fallback: bool = False
    #: A negation ending a gap, right before the next slot, denies the claim (政府不兜底,
    #: 本行不承担补偿责任).  Set only on families whose later slot is something granted
    #: (backing, a guarantee, compensation): before a loss word (本金不会少一分) a negation
    #: makes the claim, it does not deny it.
    gap_negates: bool = False
    #: The first slot may be a one-word topic question answered at once (本金？到期全额返还):
    #: the question mark right after it joins it to its answer.  Set only where the first
    #: slot names what is promised (本金, 本息): a topic question elsewhere is a rhetorical
    #: lead (追求高息？…, 无工作？也可开户, 满意度？请回复: rt53).
    topic_question: bool = False
    #: A statement only: a match whose clause ends in a question mark is a question (逾期后孩子
    #: 上学会受影响？不会！ busts a myth), unless the answer right after asserts it (不会才怪).
    not_asked: bool = False
    #: Longer words that a slot's word begins (联系方式, 联系电话 for 联系): there the word is
    #: part of a noun, not the slot's verb (如您的联系方式、工作单位有变化 threatens nobody).
    #: Each must begin with a word of some slot.
    compounds: list[str] = Field(default_factory=list)

    @field_validator("slots")
    @classmethod
    def _slots(cls, value: list[list[str]]) -> list[list[str]]:
        for slot in value:
            if not slot or any(not str(w).strip() for w in slot):
                raise ValueError("每个槽位至少需要一个非空词")
        return value

    @model_validator(mode="after")
    def _compounds_extend_a_slot_word(self) -> FamilySpec:
        words = {w for slot in self.slots for w in slot}
        for c in self.compounds:
            if not any((c.startswith(w) or c.endswith(w)) and c != w for w in words):
                raise ValueError(f"模式族 {self.name}：compounds 中的 {c!r} 不以任何槽位词开头或结尾")
        return self

    @model_validator(mode="after")
    def _reverse_needs_two_slots(self) -> FamilySpec:
        if self.reverse_gap is not None and len(self.slots) != 2:
            raise ValueError(f"模式族 {self.name}：reverse_gap 只适用于两个槽位的模式族")
        return self


class ExemptVoidSpec(BaseModel):
    """Where some of a rule's exemptions do not apply: a context right around the exemption
    that turns it round.  An exemption written for one reading (由投资者自行承担: the investor
    bears a loss) may be spelled by the opposite one (由平台自行承担: the seller bears it — a
    guarantee).  Kept on the rule, beside the exemptions it qualifies, so a new rule's words
    inherit nothing they do not name."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    #: Exemption words (each one of the rule's ``exempt``) this applies to.
    words: list[str] = Field(min_length=1)
    #: A pattern over the compact view that, ending right where the exemption starts (within
    #: ``window`` characters before it), voids it.
    before: str | None = None
    window: int = Field(6, ge=1, le=20)
    #: A pattern over the compact view that, starting right where the exemption ends, voids it.
    after: str | None = None
    note: str = ""

    @model_validator(mode="after")
    def _one_side(self) -> ExemptVoidSpec:
        if not self.before and not self.after:
            raise ValueError("exempt_void 每项须给出 before 或 after")
        for side in (self.before, self.after):
            if side:
                try:
                    re.compile(side)
                except re.error as exc:
                    raise ValueError(f"exempt_void 的模式 {side!r} 无法编译：{exc}") from exc
        return self


class ComboSpec(BaseModel):
    """Every ``left + right`` pair is a trigger (央行 × 批准, 认证 …): long lists stay readable."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    left: list[str]
    right: list[str]
    severity: Literal["error", "warning", "info"] | None = None


class ContextSpec(BaseModel):
    """Words elsewhere in the message that decide whether a trigger matters.

    ``requires_any``: the trigger is only a full violation when one of these words is in
    the message (e.g. endorsements only matter for investment products); otherwise it is
    reported at ``otherwise`` severity, or dropped when ``otherwise`` is ``skip``.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    requires_any: list[str] = Field(default_factory=list)
    otherwise: Literal["warning", "info", "skip"] = "warning"


class DocSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    what: str = ""
    why: str = ""
    fix: str = ""
    notes: str = ""


#: The ``options`` each detector reads, by detector name.  Why: detectors read their options
#: with ``.get`` and a default, so a misspelt key (``banned_product_rule``) would silently
#: switch its behaviour off; a key not listed here is refused when the rule is read.  A new
#: option is added here together with the code that reads it.
OPTION_KEYS: dict[str, frozenset[str]] = {
    "bank_card": frozenset(
        {"bank_card_leads", "bank_card_words", "card_context", "issuer_prefixes", "not_card_context"}
    ),
    "borrowing_cost": frozenset({"borrowing_cues", "compound_words", "not_cost_cues", "simple_words"}),
    "consent": frozenset({"requires", "skipped"}),
    "contact_data": frozenset(
        {"not_phone_context", "premises_words", "venue_after", "event_words", "venue_labels", "home_words"}
    ),
    "credit_inducement": frozenset({"zero_interest_families", "zero_interest_fix", "zero_interest_terms"}),
    "endorsement": frozenset({"signed_quote_note", "signed_quote_pattern"}),
    "expected_return": frozenset({"benchmark_note", "negators", "note_text", "replacement"}),
    "health_link": frozenset({"description_words", "short_domains"}),
    "illegal_intermediary": frozenset(
        {"lender_named_re", "lender_words", "lure_speed", "lure_terms", "warning_words"}
    ),
    "insurance_as_deposit": frozenset(
        {"gift_words", "insurance_words", "likening_words", "not_insurance_words"}
    ),
    "insurance_benefits": frozenset(
        {"deductible_qualifiers", "deductible_terms", "renewal_families", "renewal_terms"}
    ),
    "licensed": frozenset({"not_when_any", "requires_license_any"}),
    "link_reference": frozenset({"negators"}),
    "loan_apr": frozenset({"return_words"}),
    "monthly_cap": frozenset({"default", "setting"}),
    "pressure_selling": frozenset(
        {
            "announcement_families",
            "announcement_terms",
            "announcement_words",
            "counted_families",
            "severity_by_product_type",
        }
    ),
    "resident_id": frozenset({"not_id_context", "dated_reference_labels"}),
    "returns": frozenset(
        {
            "ambiguous_cues",
            "product_gain_cues",
            "product_gain_subjects",
            "product_gain_blockers",
            "product_gain_moves",
            "product_gain_hypotheticals",
            "product_gain_pitches",
            "multiple_gain_subjects",
            "multiple_gain_blockers",
            "multiple_benchmarks",
            "lender_side_patterns",
            "lender_side_unless",
            "multiple_gain_leverage",
            "fee_words",
            "forward_claims",
            "forward_markers",
            "loan_clause_context",
            "loan_context",
            "loan_cues",
            "money_put_in_context",
            "not_return_measures",
            "own_words",
            "own_patterns",
            "past_disclosure_patterns",
            "past_disclosures",
            "past_markers",
            "pinyin_cues",
            "return_clause_context",
            "return_cues",
            "window",
        }
    ),
    "rewrite_additions": frozenset(
        {
            "boilerplate",
            "families",
            "fixed_patterns",
            "fixed_terms",
            "glue",
            "institution_shape",
            "institution_shape_not_names",
            "institutions",
            "licensed_by",
            "min_chars",
            "neutral",
            "neutral_marketing",
            "neutral_patterns",
            "novel_content",
            "pattern_licensed_by",
            "patterns",
            "product_groups",
            "service_families",
            "waiver_prefixes",
        }
    ),
    "rewrite_facts": frozenset(
        {
            "conditions",
            "disclosure_equivalents",
            "disclosures",
            "failure_words",
            "figure_qualifiers",
            "figure_qualifiers_after",
            "figure_qualifiers_implied",
            "negatable_statuses",
            "negated_restatements",
            "negation_characters",
            "opposed_characters",
            "exclusive",
            "exclusive_groups",
            "negation_equivalents",
            "negation_hedges",
            "opposites",
            "safety_instructions",
            "safety_no_ask",
            "safety_weakeners",
            "scope_characters",
            "moved_opposites",
            "restricted_people",
            "scope_joiners",
            "scoping_words",
            "small_edit",
            "status_negating_phrases",
            "status_negators",
            "status_pending_after",
            "status_pending_before",
        }
    ),
    "risk_warning": frozenset(
        {
            "banned_product_rules",
            "default_warning",
            "implied_investment",
            "investment_trait_excludes",
            "investment_trait_patterns",
            "investment_traits",
            "warning_by_product",
            "warning_patterns",
            "warnings",
            "weak_warning_patterns",
            "weak_warnings",
        }
    ),
    "secret_request": frozenset(
        {"gap", "secrets", "verbs", "remote_view", "remote_view_weak", "remote_verbs"}
    ),
    "send_window": frozenset({"default", "setting"}),
    "short_links": frozenset({"domains", "shape_label_max", "shape_path"}),
    "unofficial_links": frozenset({"skip_domains"}),
    "unsourced_statistics": frozenset(
        {
            "counted_families",
            "counted_terms",
            "own_account_words",
            "own_generic_words",
            "people_families",
            "people_words",
            "report_words",
            "source_patterns",
            "vague_sources",
        }
    ),
}


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    code: str
    name: str
    title: str
    severity: Literal["error", "warning", "info"]
    scope: Literal["text", "profile", "campaign", "rewrite"]
    applies_to: list[Literal["marketing", "service"]] = Field(
        default_factory=lambda: ["marketing", "service"]
    )
    message: str
    citations: list[str]
    guide: str = ""
    fix: FixSpec
    detector: str = "keywords"
    terms: list[Term] = Field(default_factory=list)
    combos: list[ComboSpec] = Field(default_factory=list)
    families: list[FamilySpec] = Field(default_factory=list)
    #: Named word groups for ``Term.requires`` / ``FamilySpec.requires``.
    term_context: dict[str, list[str]] = Field(default_factory=dict)
    #: The ``unless`` group of every term and family that names none of its own: a context that
    #: speaks for the whole rule (COL001: a threat quoted in a complaint tip, 如遇催收人员威胁
    #: “爆通讯录”…请投诉), kept in one place instead of on each of its terms.  Not added to a
    #: term's own groups: COL001's tip words (如遇催收) say nothing of a complaint by themselves,
    #: and a collector's 如遇催收人员联系你家人属正常流程 would pass silently (red team rt127 of
    #: a version that added it; the relatives' terms stay warnings in a tip).
    default_unless: str | None = None
    #: Words of a ``term_context`` group that cancel a term (``unless``) only in the term's own
    #: sentence: a boiler-plate tip (如遇冒名催收请报警) speaks for its sentence, not for a
    #: threat elsewhere in the message.  Keys must be ``term_context`` groups.
    term_context_sentence: dict[str, list[str]] = Field(default_factory=dict)
    #: The same in the term's own clause only: a tip joined by a comma (…已向公安机关报案，如遇冒名
    #: 催收请拨打110) lifts nothing outside its clause; a pledge (我司承诺不打扰您的家人) covers
    #: its own clause, not a threat in the next one.
    term_context_clause: dict[str, list[str]] = Field(default_factory=dict)
    #: Words that, anywhere in the message, void a group's cancellation: the exemption's own
    #: exception (准备好银行卡密码…网点 is the holder's own use unless someone else will take it:
    #: 专员来电, 上门, 代您).
    term_context_void: dict[str, list[str]] = Field(default_factory=dict)
    #: The same in the term's own sentence only (…请准备好密码，工作人员会打电话与您确认 voids the
    #: counter; a 客户经理 named in another sentence, to rebook, does not — rt88).
    term_context_void_sentence: dict[str, list[str]] = Field(default_factory=dict)
    #: The same in the term's own clause only (收益预计为本金的1.05%并于…到账: the figure beside the
    #: payout's timing voids it; a benchmark in another clause of the sentence does not — rt209).
    term_context_void_clause: dict[str, list[str]] = Field(default_factory=dict)
    #: Words one of which the term's own sentence (or the next: a question answered) must hold
    #: for a group to cancel it: a tip's
    #: opening (如遇催收) cancels a threat it quotes only where the sentence tells the reader to
    #: complain or report (投诉, 举报, 保留证据); 如遇催收人员上门属正常流程 makes the visit normal,
    #: it warns of nothing (red team rt127).
    term_context_confirm_sentence: dict[str, list[str]] = Field(default_factory=dict)
    exempt: list[str] = Field(default_factory=list)
    #: The rule's hits that end in 0 name a nil figure (违约率0, 亏损率为0): decimals that are not all zero
    #: right after one in the original text (违约率0.5%) make it a small figure, and the hit is dropped.  Not
    #: for rules whose figure is a cap or a floor (ADV002's 最高0.5% is still one — rt125).
    nil_figures: bool = False
    #: Contexts that void some of ``exempt`` where they stand (see :class:`ExemptVoidSpec`).
    exempt_void: list[ExemptVoidSpec] = Field(default_factory=list)
    #: Context applies to this rule's findings (negation, warnings against the thing,
    #: anti-fraud framing): true for claims and topics, false for structural checks
    #: (signature, opt-out, length, links, personal data), whose spans are not claims.
    negatable: bool = True
    #: A limit word right after the trigger (限额, 可借) makes it a limit statement: warning.
    limit_context: bool = False
    #: A trigger in a clause reporting a completed event (已返还至账户) is no claim: cancelled.
    event_context: bool = False
    #: A trigger right before words that leave its category out of an offer's terms
    #: (套现交易不参与活动) may name what a promotion's terms exclude: an error becomes a
    #: warning for review, never cancelled (a sender can say the same of its own trade).
    #: Only for rules whose finding is the trigger itself (PRO008), never for a missing
    #: disclosure placed at a topic word (理财类交易不参与活动).
    exclusion_context: bool = False
    #: A trigger naming a regulator's act in a message that disclaims that act (…备案，备案
    #: 不代表监管部门对产品作出保证): the required statement, not a claim of backing: cancelled.
    #: The disclaimer's pattern is ``act_disclaimer`` in ``_context.yaml`` (ADV005).
    disclaimer_context: bool = False
    #: A trigger that is an act the message asks of the recipient (请及时通知单位经办人) is
    #: the recipient's own act, not the sender's threat: cancelled (COL001).
    request_context: bool = False
    #: A trigger after "not yet" (暂未, 尚未, 还没, 暂时不) is held over the recipient, not
    #: denied (暂未同步给通讯录联系人，请珍惜最后的协商机会): the negation does not cancel it (COL001).
    pending_context: bool = False
    #: A trigger after a purpose phrase in its clause (为保障本金安全，…) states an aim, not a
    #: promise: cancelled.  Off for requests and threats (为保障账户安全，请回复验证码 is still a
    #: request for a secret; 为维护您的权益，我们将通知您的家人 is still pressure).
    purpose_context: bool = True
    #: A trigger the recipient set or holds themselves (您设定的目标价, 您持有的…私募基金) names
    #: their own order or holding, not advice or a promotion: cancelled (PRO001, PRO006, PRO007).
    own_setting_context: bool = False
    #: A trigger named as the reason the sender restricts an account (…与USDT交易相关方频繁收付款，
    #: 已暂停非柜面交易), in a message that is not marketing: a risk-control notice, cancelled
    #: (PRO003, PRO004).
    sanction_context: bool = False
    #: The most severe this rule reports in a message of the given kind (ADV002 in a service
    #: notice — 本行第一批试点用户 — is worth a look, not a failure).
    max_severity_by_kind: dict[Literal["marketing", "service", "uncertain"], Literal["warning", "info"]] = (
        Field(default_factory=dict)
    )
    #: Rules whose error on the same words (overlapping spans) makes this rule's error a
    #: warning: the other rule already fails the message for what those words sell, and this
    #: finding is secondary (ADV003's missing risk warning on 现货白银).  Only the same words: a
    #: fund launch whose unrelated phrase another rule flags keeps its own error.  Applied by
    #: the engine to final findings, so a rule the user switched off defers nothing.
    defers_to: list[str] = Field(default_factory=list)
    #: Rules whose error anywhere in the message makes this rule's error a warning: the
    #: message already fails for selling something unlawful (a stock tip, crypto, spot metal,
    #: forex margin, fund-raising), and whether that product also lacks a risk warning is a
    #: question for review, not a second failure (independent reviewers split on it).
    defers_to_message: list[str] = Field(default_factory=list)
    #: Weight a surviving trigger adds to the marketing side of the kind decision
    #: (稳赚不赔 promotes something whatever else the message says); 0: none.
    marketing_evidence: int = 0
    #: Weight a surviving trigger adds to the service side of the kind decision: a threat
    #: over a debt (COL001) presses the recipient's own loan, whatever words it uses — it
    #: offers nothing, and a collector writes no account number or due date.  Read only on
    #: error hits that survive context, as ``marketing_evidence`` is; 0: none.
    service_evidence: int = 0
    #: Its triggers are pressure to buy (停售，请尽快投保): beside one that is not quoted, a
    #: complaint reply's or an apology's words are no evidence of a notice (致歉：…停售日为
    #: 12月20日，请尽快安排: the message sells).
    pressure_evidence: bool = False
    #: A trigger asked as a yes/no question and answered "no" (逾期了孩子上学会受影响？答：不会)
    #: is a warning for review, as a claim's is: set on rules whose triggers are statements
    #: a myth-busting notice asks about (COL001's threats); claims get it through
    #: ``marketing_evidence``.
    question_context: bool = False
    #: A fitted text model of what the rule forbids (``knowledge/rules/code_models.json``,
    #: :mod:`assistant.checker.code_models`) is asked where the rule ran and found nothing:
    #: above its threshold the message is reported for review, a warning on the sentence
    #: that reads most like it.  Why: the rule's words and families are enumerations, and
    #: on drafts nobody tuned them for they miss wordings the model has learnt the gist of
    #: (a collection threat said politely, an endorsement without 推荐).
    second_opinion: bool = False
    #: For a rule that is not ``negatable``: a match quoted as what someone else sent (有客户收到
    #: 冒充我行的短信，称“…点击t.cn/xxxx兑换”，此为诈骗短信), in a service warning, is the scam's
    #: example, not the sender's own; never when judging strictly (a model's output).
    reported_quote_context: bool = False
    #: Topic words inside the sender's own signature (【华信证券】, 【鼎盛基金】) are its
    #: name, not a topic of the message.
    skip_signature: bool = False
    anti_fraud: bool = True
    context: ContextSpec | None = None
    rewrite: RewriteSpec = Field(default_factory=RewriteSpec)
    options: dict[str, Any] = Field(default_factory=dict)
    doc: DocSpec = Field(default_factory=DocSpec)
    source_path: str = ""

    @property
    def refuses(self) -> bool:
        """An error finding of this rule means the draft cannot be rewritten at all."""
        return self.rewrite.refuse if self.rewrite.refuse is not None else self.fix.kind == "none"

    @cached_property
    def exempt_voids(self) -> dict[str, list[tuple[re.Pattern[str] | None, int, re.Pattern[str] | None]]]:
        """``exempt_void`` compiled, by the exemption's normalised word (a scan hit's word):
        (pattern ending at the exemption, its window, pattern starting after it)."""
        from assistant.text.normalize import normalize_term

        out: dict[str, list[tuple[re.Pattern[str] | None, int, re.Pattern[str] | None]]] = {}
        for void in self.exempt_void:
            before = re.compile(f"(?:{void.before})$") if void.before else None
            after = re.compile(void.after) if void.after else None
            for word in void.words:
                out.setdefault(normalize_term(word), []).append((before, void.window, after))
        return out

    @cached_property
    def resolved_citations(self) -> tuple[Citation, ...]:
        from assistant.checker.citations import resolve_all

        return resolve_all(self.citations)

    def default_fix(self, replacement: str | None = None) -> Fix:
        f = self.fix
        return Fix(
            kind=f.kind,
            replacement=replacement if replacement is not None else f.replacement,
            description=f.description,
            needs=tuple(f.needs),
        )

    def finding(
        self,
        text: str,
        start: int,
        end: int,
        *,
        severity: Severity | None = None,
        message: str | None = None,
        fix: Fix | None = None,
        note: str = "",
        context: tuple[ContextEffect, ...] = (),
    ) -> Finding:
        """The one way a finding is built: the rule's metadata plus a span of ``text``."""
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message or self.message,
            start=start,
            end=end,
            evidence=text[start:end],
            fix=fix or self.default_fix(),
            citations=self.resolved_citations,
            note=note,
            context=context,
        )

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not CODE_RE.match(value):
            raise ValueError(f"规则代码格式应为三个大写字母加三位数字：{value!r}")
        return value

    @field_validator("terms", mode="before")
    @classmethod
    def _terms(cls, value: Any) -> Any:
        return [{"term": t} if isinstance(t, str) else t for t in value or []]

    @model_validator(mode="after")
    def _keywords_need_terms(self) -> RuleSpec:
        known = {t.term for t in self.terms}
        for combo in self.combos:
            for left in combo.left:
                for right in combo.right:
                    if left + right not in known:
                        known.add(left + right)
                        self.terms.append(
                            Term(term=left + right, severity=combo.severity, figure=right.isdigit())
                        )
        for fam in self.families:
            if any(t.family == fam.name for t in self.terms):
                raise ValueError(f"模式族名称重复：{fam.name}")
            self.terms.append(
                Term(
                    term=f"〔{fam.name}〕",
                    severity=fam.severity,
                    note=fam.note,
                    family=fam.name,
                    requires=fam.requires,
                    unless=fam.unless,
                    fallback=fam.fallback,
                )
            )
        if self.default_unless is not None:
            for term in self.terms:
                if term.unless is None:
                    term.unless = self.default_unless
        allowed = OPTION_KEYS.get(self.detector, frozenset())
        problems = unknown_keys(f"检测器 {self.detector} 的 options ", self.options, allowed)
        if problems:
            raise ValueError("；".join(problems) + f"；可用的键：{'、'.join(sorted(allowed)) or '（无）'}")
        # A misspelt group would switch its term off for good: unknown names are errors.
        for key, table in (
            ("term_context_sentence", self.term_context_sentence),
            ("term_context_clause", self.term_context_clause),
            ("term_context_void", self.term_context_void),
            ("term_context_void_sentence", self.term_context_void_sentence),
            ("term_context_void_clause", self.term_context_void_clause),
            ("term_context_confirm_sentence", self.term_context_confirm_sentence),
        ):
            for group in table:
                if group not in self.term_context:
                    raise ValueError(f"{key} 的词组 {group!r} 不在 term_context 中")
        exempt = set(self.exempt)
        for void in self.exempt_void:
            for word in void.words:
                if word not in exempt:
                    raise ValueError(f"exempt_void 的词 {word!r} 不在本规则的 exempt 中")
        for term in self.terms:
            for group in (term.requires, *term.unless_groups):
                if group is not None and group not in self.term_context:
                    raise ValueError(f"{term.term} 引用的词组 {group!r} 不在 term_context 中")
        if self.detector == "keywords" and not self.terms:
            raise ValueError("keywords 规则必须列出 terms")
        return self


def _load_one(path: Path) -> RuleSpec:
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except yaml_error() as exc:
        raise ConfigError(f"规则文件 {path} 无法解析：{exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"规则文件 {path} 应为 YAML 映射")
    try:
        spec = RuleSpec.model_validate({**raw, "source_path": str(path)})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"规则文件 {path} 字段 {field} 无效：{first['msg']}") from exc
    if spec.code != path.stem:
        raise ConfigError(f"规则文件 {path} 的 code {spec.code} 与文件名不一致")
    return spec


@cache
def rule_spec(code: str, directory: str | None = None) -> RuleSpec:
    """The spec of one rule by code (``KeyError`` for an unknown code)."""
    for spec in load_rule_specs(directory):
        if spec.code == code:
            return spec
    raise KeyError(code)


@cache
def load_rule_specs(directory: str | None = None) -> tuple[RuleSpec, ...]:
    """All rule specs, sorted by code. Cached: rules are immutable during a run.

    Across processes the validated specs come from the per-user cache: validating fifty
    rule files was ~15 ms of every cold ``assistant check``.  The key names every rule
    file's path and bytes and the code that validates them, so an edited rule (or a broken
    one, which must still fail with its file named) is always read and validated again."""
    from assistant.text import picklecache

    base = Path(directory) if directory else rules_dir()
    paths = [p for p in sorted(base.glob("*.yaml")) if CODE_RE.match(p.stem)]
    key = _specs_cache_key(paths)
    path = picklecache.cache_path(f"rulespecs-v1/{key}.pickle") if key else None
    cached = picklecache.load(path)
    if (
        isinstance(cached, tuple)
        and len(cached) == len(paths)
        and all(isinstance(s, RuleSpec) for s in cached)
    ):
        return cached
    specs = [_load_one(p) for p in paths]
    seen: set[str] = set()
    for s in specs:
        if s.code in seen:
            raise ConfigError(f"规则代码重复：{s.code}")
        seen.add(s.code)
    for s in specs:
        unknown = [c for c in (*s.defers_to, *s.defers_to_message) if c not in seen or c == s.code]
        if unknown:
            raise ConfigError(
                f"规则 {s.code}（{base / (s.code + '.yaml')}）的 defers_to/defers_to_message 引用了未知或自身的规则代码：{'、'.join(unknown)}"
            )
    picklecache.store(path, tuple(specs))  # before any use: no cached citations go with them
    picklecache.prune(path, "", keep=8)
    return tuple(specs)


#: The code that turns a rule file into a spec: a change to it must not be hidden by specs
#: validated by the code before it.
_SPEC_CODE = (
    "assistant.checker.rulespec",
    "assistant.config",
    "assistant.text.yamlload",
    "pydantic",
    "pydantic_core",
    "yaml",
)


def _specs_cache_key(paths: list[Path]) -> str | None:
    """A digest of the rule files (path and bytes), the validating code and Python; None
    when a file cannot be read (then every file is read and validated as usual)."""
    import sys

    from assistant.text import picklecache

    files = picklecache.files_digest(paths)
    if files is None:
        return None
    return picklecache.digest(sys.version, *map(picklecache.package_stamp, _SPEC_CODE), files)


def validate_selection(settings: Any, directory: str | None = None) -> None:
    """Every code or prefix in ``select``/``ignore`` must name at least one rule.

    A typo there (``ADV01``) would otherwise switch rules off without a word — the worst
    kind of result a compliance tool can give — so it is a usage error naming the code
    and the closest real one.
    """

    known = [s.code for s in load_rule_specs(directory)]
    problems = []
    for option, code, hint in settings.unknown_codes(known):
        problems.append(
            f"{option} 中的 {code} 不是已知的规则代码或前缀" + (f"（是否应为 {hint}？）" if hint else "")
        )
    if problems:
        raise ConfigError("规则选择有误：" + "；".join(problems) + "。运行 assistant rules 查看全部规则代码")
    if not any(settings.selects(code) for code in known):
        # select = [] or --select X --ignore X: nothing would run, and every message would
        # read as passed
        raise ConfigError(
            f"规则选择有误：select {settings.select} 与 ignore {settings.ignore} 之后没有启用任何规则，"
            "检查结果将毫无意义。运行 assistant rules 查看全部规则代码"
        )


def load_examples(code: str, directory: str | None = None) -> dict[str, Any]:
    base = Path(directory) if directory else rules_dir()
    path = base / f"{code}.examples.yaml"
    if not path.is_file():
        return {}
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    return data


@cache
def load_boundaries(directory: str | None = None) -> dict[str, dict[str, list[str]]]:
    """Word boundaries of two-character triggers (``_boundaries.yaml``, generated)."""
    base = Path(directory) if directory else rules_dir()
    path = base / "_boundaries.yaml"
    if not path.is_file():
        return {}
    try:
        return load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml_error()) as exc:
        raise ConfigError(f"词边界数据 {path} 无法读取：{exc}") from exc


@cache
def load_context_lexicon(directory: str | None = None) -> dict[str, Any]:
    """Shared context words (negations, anti-fraud cues, kind cues) in ``_context.yaml``."""
    base = Path(directory) if directory else rules_dir()
    path = base / "_context.yaml"
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml_error()) as exc:
        raise ConfigError(f"上下文词表 {path} 无法读取：{exc}") from exc
    problems = context_lexicon_problems(data)
    if problems:
        raise ConfigError(f"上下文词表 {path} 有误：" + "；".join(problems))
    return data


#: The keys of ``_context.yaml`` and, for the structured ones, the keys of their entries.
#: Why: the readers use ``.get`` with defaults, so a misspelt key (``exclusion_afer``) would
#: silently switch its behaviour off; unknown names are errors (standards), here as anywhere.
_CONTEXT_KEYS = frozenset(
    {
        "weak_negations", "strong_negations", "adverb_negations", "object_negations",
        "complete_objects", "purpose_phrases", "scope_breakers", "false_negations", "verdicts",
        "optout_invalidators", "optout_void_before", "limits", "limit_prefixes",
        "bound_measures", "factual_bound_measures", "anti_fraud", "exclusion_after", "act_disclaimer", "act_disclaimer_taken_back", "anti_fraud_actors",
        "kind_decision", "kind_own_contract_terms", "kind_own_predicate_words", "kind_own_act", "kind_own_benefit",
        "kind_later_sentence_skip", "kind_settle_words", "kind_own_patterns", "kind_event_patterns", "kind_event_weight", "kind_offer_patterns",
        "kind_evidence", "match_fold", "match_fold_keep", "homophones",
    }
)  # fmt: skip
_KIND_DECISION_KEYS = frozenset(
    {
        "marketing_strong",
        "service_strong",
        "weak_margin",
        "service_margin",
        "optout_weight",
        "own_weight",
        "cap",
        "model_doubt_later_sentence",
        "model_settle",
        "model_settle_service",
        "model_settle_courtesy",
        "model_settle_word",
        "model_word_sentence",
        "model_word_features",
        "model_doubt_clause",
        "model_doubt_clause_warning",
        "model_settle_service_offer",
        "model_offer_sentence",
        "model_settle_service_sure",
        "model_sure_sentence",
        "model_doubt_service",
        "model_doubt_marketing",
        "model_overrule_service",
        "model_overrule_marketing",
    }
)
_OFFER_KEYS = frozenset(
    {
        "name",
        "pattern",
        "needs",
        "weight",
        "call",
        "over_events",
        "nospace",
        "not_in_sentence_with",
        "not_in_clause_with",
    }
)
_OWN_KEYS = frozenset({"pattern", "family"})
_OWN_BENEFIT_KEYS = frozenset({"words", "shapes", "invites"})
_EVENT_KEYS = frozenset({"pattern", "weight"})
_EVIDENCE_KEYS = frozenset({"words", "weight", "cap"})
_HOMOPHONE_KEYS = frozenset({"min_chars", "function_chars"})


def context_lexicon_problems(data: Any) -> list[str]:
    """Each unknown or misshapen key of the context lexicon, named by its path (Chinese)."""
    if not isinstance(data, dict):
        return ["顶层应为键值表"]
    problems = unknown_keys("顶层", data, _CONTEXT_KEYS)

    def unknown(where: str, entry: Any, allowed: frozenset[str], required: tuple[str, ...] = ()) -> None:
        if not isinstance(entry, dict):
            problems.append(f"{where} 应为键值表")
            return
        problems.extend(unknown_keys(f"{where} ", entry, allowed))
        problems.extend(f"{where} 缺少 {k!r}" for k in required if k not in entry)

    if "kind_decision" in data:
        unknown("kind_decision", data["kind_decision"], _KIND_DECISION_KEYS)
    if "homophones" in data:
        unknown("homophones", data["homophones"], _HOMOPHONE_KEYS, ("min_chars",))
    if "kind_own_benefit" in data:
        unknown("kind_own_benefit", data["kind_own_benefit"], _OWN_BENEFIT_KEYS)
        benefit = data["kind_own_benefit"] if isinstance(data["kind_own_benefit"], dict) else {}
        names = {o.get("name") for o in data.get("kind_offer_patterns") or () if isinstance(o, dict)}
        problems.extend(
            f"kind_own_benefit 的 shapes 中未知的优惠句式 {n!r}"
            for n in benefit.get("shapes") or ()
            if n not in names
        )
    for i, o in enumerate(data.get("kind_offer_patterns") or ()):
        unknown(f"kind_offer_patterns 第 {i + 1} 项", o, _OFFER_KEYS, ("name", "pattern"))
    for i, o in enumerate(data.get("kind_event_patterns") or ()):
        if not isinstance(o, str):
            unknown(f"kind_event_patterns 第 {i + 1} 项", o, _EVENT_KEYS, ("pattern",))
    for i, o in enumerate(data.get("kind_own_patterns") or ()):
        if not isinstance(o, str):
            unknown(f"kind_own_patterns 第 {i + 1} 项", o, _OWN_KEYS, ("pattern",))
    evidence = data.get("kind_evidence") or {}
    if not isinstance(evidence, dict):
        problems.append("kind_evidence 应为键值表")
        evidence = {}
    for side, families in evidence.items():
        if side not in ("marketing", "service"):
            problems.append(f"kind_evidence 中未知的类型 {side!r}（应为 marketing 或 service）")
            continue
        if not isinstance(families, dict):
            problems.append(f"kind_evidence.{side} 应为键值表")
            continue
        for family, spec in families.items():
            unknown(f"kind_evidence.{side}.{family}", spec, _EVIDENCE_KEYS, ("words", "weight"))
    return problems
