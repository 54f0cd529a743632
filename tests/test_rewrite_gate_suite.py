"""The labelled gate suite: adversarial and faithful model variants, judged by the gate.

``evals/gate_variants.jsonl`` (dev) and ``evals/gate_variants_holdout.jsonl`` (holdout)
hold variants of drafts with the verdict a reviewer gave them (``expect``: reject /
accept) and the attack ``class``.  The holdout part — a quarter of the suite, chosen by a
hash of the variant text before any tuning — is only ever measured in aggregate: its
bounds below are the measured figures, not a list of cases.

Every case goes through :func:`~assistant.rewrite.gate.validate_variant` (fast); a
sample also goes through the real model path (scripted OpenAI-compatible server → client
→ parse → gate).  A ``settings_bypass`` case is judged with every text rule ignored in
the user's settings: the gate must not care.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from llm_server import ScriptedLLMServer, llm_config, variants_reply

from assistant.checker.engine import Checker
from assistant.checker.rulespec import load_rule_specs
from assistant.config import Settings
from assistant.llm.client import LLMClient
from assistant.profile import load_profile
from assistant.rewrite.gate import is_acceptable, validate_variant
from assistant.rewrite.llm_engine import rewrite

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "evals" / "gate_variants.jsonl"
HOLDOUT = ROOT / "evals" / "gate_variants_holdout.jsonl"
TEXT_RULES = tuple(s.code for s in load_rule_specs() if s.scope in ("text", "profile"))

#: Dev cases the gate gets wrong today, and why.
KNOWN: dict[str, str] = {}
#: Holdout, measured in aggregate only: 0 of 83 adversarial variants shown (38.6% before
#: the gate work, 3 before REW004's novel-content test), 2 of 23 faithful variants rejected
#: (0 before it, 1 before the fixes after the fourth red team of 2026-12-01: the price of the
#: checks that came with them).  The cases are deliberately not looked at; a
#: bound that is exceeded is a regression.
HOLDOUT_SHOWN_MAX = 0
HOLDOUT_REJECTED_MAX = 2


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def _checker(profile: str | None, ignore: tuple[str, ...] = ()) -> Checker:
    settings = Settings(ignore=list(ignore)) if ignore else Settings()
    return Checker(settings, load_profile(profile) if profile else None)


def _judge(row: dict) -> bool:
    ignore = TEXT_RULES if row["class"] == "settings_bypass" else ()
    checker = _checker(row["profile"], ignore)
    return is_acceptable(
        validate_variant(row["draft"], row["variant"], checker=checker, facts=row["facts"] or None)
    )


def _params(rows: list[dict]) -> list:
    out = []
    for row in rows:
        # not strict: a case turns green by itself when the rule it waits for lands
        marks = [pytest.mark.xfail(reason=KNOWN[row["id"]], strict=False)] if row["id"] in KNOWN else []
        out.append(pytest.param(row, id=f"{row['id']}-{row['class']}", marks=marks))
    return out


def test_the_split_is_by_variant_hash_and_disjoint() -> None:
    import hashlib

    dev, holdout = _rows(DEV), _rows(HOLDOUT)
    assert len(dev) + len(holdout) == 411 and not {r["id"] for r in dev} & {r["id"] for r in holdout}
    for row in dev + holdout:
        in_holdout = int(hashlib.sha256(row["variant"].encode()).hexdigest()[:8], 16) % 4 == 0
        assert in_holdout == (row in holdout)


@pytest.mark.parametrize("row", _params(_rows(DEV)))
def test_dev_case(row: dict) -> None:
    accepted = _judge(row)
    if row["expect"] == "reject":
        assert not accepted, f"adversarial variant shown: {row['variant']} ({row['note']})"
    else:
        assert accepted, f"faithful variant rejected: {row['variant']} ({row['note']})"


def test_holdout_in_aggregate() -> None:
    rows = _rows(HOLDOUT)
    adversarial = [r for r in rows if r["expect"] == "reject"]
    faithful = [r for r in rows if r["expect"] == "accept"]
    shown = sum(_judge(r) for r in adversarial)
    rejected = sum(not _judge(r) for r in faithful)
    assert shown <= HOLDOUT_SHOWN_MAX and rejected <= HOLDOUT_REJECTED_MAX, (
        f"holdout: {shown}/{len(adversarial)} adversarial shown, {rejected}/{len(faithful)} faithful rejected"
    )


#: A gate red team of 2026-12-01 (``evals/gate_redteam*.jsonl``: hostile variants the gate
#: showed and faithful ones it rejected when written, split by a hash of the variant before
#: any fix, three quarters tuned on).  Many are still wrong (claims added in paraphrase,
#: other institutions, scope changes): these bounds are today's figures, so a regression
#: fails and an improvement is free.
REDTEAM_BOUNDS = {
    "gate_redteam.jsonl": (
        1,
        6,
    ),  # of 51 adversarial, 21 faithful (40 and 10 when written, 22 and 9 on 2026-12-01 morning)
    "gate_redteam_holdout.jsonl": (
        3,
        1,
    ),  # of 14 adversarial, 4 faithful (12 and 3 when written, 8 and 1 before)
    # Two independent reviewers' sets of 2026-12-01 (``gfa…`` offers and plain-word additions,
    # ``gfb…`` notices and dropped or flipped facts), written from the catalogue before the
    # novel-content work; a third of each (sha256(id) mod 3 == 0) held out and never read.
    # Before that work: a_dev 21/8, a_holdout 4/4, b_dev 15/6, b_holdout 6/1.
    "gate_fresh_a_dev.jsonl": (0, 9),  # of 50 adversarial, 33 faithful
    "gate_fresh_a_holdout.jsonl": (1, 5),  # of 22 adversarial, 15 faithful
    "gate_fresh_b_dev.jsonl": (1, 1),  # of 49 adversarial, 34 faithful
    "gate_fresh_b_holdout.jsonl": (1, 0),  # of 24 adversarial, 13 faithful
    # Three red teams of the novel-content work itself (``rg1_…``, ``rg2_…``, ``rg3_…``: every
    # case one the gate got wrong when written), split by sha256("rg1"/"rg2"/"rg3" + id) mod 3
    # before any fix; the start code (c3b3bd1) figures in the README.
    "gate_redteam2.jsonl": (0, 7),  # of 22 adversarial, 16 faithful
    "gate_redteam2_holdout.jsonl": (4, 5),  # of 15 adversarial, 7 faithful
    "gate_redteam3.jsonl": (0, 3),  # of 31 adversarial, 22 faithful
    "gate_redteam3_holdout.jsonl": (2, 4),  # of 13 adversarial, 4 faithful
    "gate_redteam4.jsonl": (1, 7),  # of 26 adversarial, 18 faithful
    "gate_redteam4_holdout.jsonl": (4, 4),  # of 15 adversarial, 11 faithful (5 rejected before s61)
    # Realistic LLM-style rewrites that keep every fact, written by the third red team
    # regardless of the gate's answer (``rg3f_…``), split by sha256("rg3f" + id) mod 3: the
    # false-rejection rate on ordinary model output (start code: 4 / 19 and 1 / 11).
    # A fourth red team (``rg4_…``), split by sha256("rg4" + id) mod 3 before any fix.
    "gate_redteam5.jsonl": (1, 8),  # of 16 adversarial, 13 faithful (16 and 13 when written)
    "gate_redteam5_holdout.jsonl": (2, 2),  # of 10 adversarial, 3 faithful (10 and 3 when written)
    # A fifth, black-box red team (``rg6_…``, 2026-12-02: scope, status and kind words, dropped
    # qualifiers and consequences), split by sha256("rg6" + id) mod 3 before any fix; its
    # controls (cases the gate got right) are kept in it too.
    "gate_redteam6.jsonl": (1, 5),  # of 58 adversarial, 21 faithful (27 and 11 when written)
    "gate_redteam6_holdout.jsonl": (7, 4),  # of 30 adversarial, 8 faithful (16 and 7 when written)
    # A red team of the same session's gate changes (``rg7_…``: set words dropped or replaced
    # from outside a set, conditions satisfied elsewhere, a reversal hidden in a duration, a
    # stronger warning of the same rule; faithful synonyms inside a set), split by
    # sha256("rg7" + id) mod 3 before any fix (start code 34/50 and 13/36, 22/31 and 9/21).
    "gate_redteam7.jsonl": (1, 15),  # of 50 adversarial, 36 faithful (41 and 31 when written)
    "gate_redteam7_holdout.jsonl": (7, 7),  # of 31 adversarial, 21 faithful (29 and 16 when written)
    # A black-box red team written without running the gate (``rg8_…``, 2026-12-02: 46 drafts,
    # six classes of drift and faithful rewrites), split by sha256("rg8" + id) mod 3 before any
    # fix; the figure-frame check (rewrite/frames.py) was tuned on the dev two thirds only
    # (start code: 13/73 and 11/36, 5/42 and 6/19).
    # (2026-12-04: caveats kept as conditions, 非保证续保 / 由…承保 / 存在跟踪误差, and full vs part,
    # account classes, share classes and 补偿金 as REW001 data: rt6 4 → 3, rt7 6 → 3, rt8 6 → 1,
    # rt8 holdout 5 → 3 shown; then a new App, branch or online-banking channel (REW004) and a
    # new reply command (REW003): rt2 1 → 0, rt3 holdout 3 → 2, rt4 holdout 5 → 4, rt6 3 → 1,
    # rt6 holdout 8 → 7; then a status made pending (已审批通过 → 已进入审批…通过后) and a rank
    # changed (前十 → 前三): rt7 3 → 2, rt8 1 → 0; then payer and payee swapped around 向, a
    # restriction to the holder widened (仅限本人 → 仅限本人或其配偶), a platform borrowed (京东)
    # and early repayment granted: rt3 2 → 0, rt5 2 → 1, rt7 2 → 1, rt7 holdout 8 → 7; faithful
    # rejected unchanged everywhere)
    "gate_redteam8.jsonl": (0, 9),  # of 73 adversarial, 36 faithful
    "gate_redteam8_holdout.jsonl": (
        2,
        5,
    ),  # of 42 adversarial, 19 faithful (6 rejected before 一次 ↔ 一次性, s61)
    # A red team of the caveat conditions of 2026-12-04 (``rg9_…``), split by sha256("rg9" + id)
    # mod 3 before any fix (at 98d60d4: 12/30 and 4/14, 6/11 and 2/7); then who underwrites,
    # issues, manages or lends (由X承保, 承保公司：X), responsibilities disclaimed (不承担…), a
    # benefit only in a case (仅在…时), those not served (不向…提供) and 无法保证续保 as a rewording.
    "gate_redteam9.jsonl": (1, 2),  # of 30 adversarial, 14 faithful
    "gate_redteam9_holdout.jsonl": (3, 2),  # of 11 adversarial, 7 faithful
    # A black-box red team of the session's gate (``rg10_…``: direction of money, roles, scope,
    # statuses, caveats, added claims, numbers in words; 55 adversarial, 25 faithful, written
    # before running), split by sha256("rg10" + id) mod 3 before any fix (at 06e1634: 9/39 and
    # 2/14, 3/16 and 0/11); then money turned while moved (moved_opposites), received vs done,
    # 不代表…, 不在保障范围, 可能为零, 由X出具, and a merchant with its 的 as one counterparty.
    "gate_redteam10.jsonl": (1, 0),  # of 39 adversarial, 14 faithful
    "gate_redteam10_holdout.jsonl": (1, 0),  # of 16 adversarial, 11 faithful
    # A black-box red team of 2026-12-07 (``rg11_…``: 30 drafts, 80 adversarial variants and 37
    # faithful rewrites written before running; split by sha256("rg11" + id) mod 3 before any fix;
    # at ef10dba 5/48 and 7/29, 4/32 and 3/8).  Its report described every wrong case, both
    # thirds, so the held-out third is not blind by class; then parties by role (投保人/被保险人/
    # 受益人, 借款人/担保人), an offer's channel kept, a cover class or an owner added (REW004),
    # 一次 ↔ 一次性, cents in 大写 money and one negation traded for another.
    "gate_redteam11.jsonl": (0, 4),  # of 48 adversarial, 29 faithful
    "gate_redteam11_holdout.jsonl": (3, 3),  # of 32 adversarial, 8 faithful
    # A code-reading red team of the session's own gate diff (``rg12_…``: negations traded, parties,
    # channels, covers, owners, 一次, 大写 money; 38 adversarial and 24 faithful written before running),
    # split by sha256("rg12" + id) mod 3 before any fix; its report gave aggregate counts only.  At
    # ef10dba 18/23 and 8/16, 10/15 and 3/8; at the frozen diff abd907e 15/23 and 6/16, 10/15 and 7/8;
    # then negations by set (negation_equivalents, negation_hedges), parties by group (exclusive_groups),
    # a channel kept where it limits, covers and waivers in their other words.
    "gate_redteam12.jsonl": (0, 1),  # of 23 adversarial, 16 faithful
    "gate_redteam12_holdout.jsonl": (6, 3),  # of 15 adversarial, 8 faithful
    # A second code-reading red team of the gate diff (``rg13_…``, at f932f65: negations in other
    # words, parties the groups lacked, channels left as pointers, covers joined, waivers, 大写 money,
    # schedules; 38 adversarial and 26 faithful written before running), split by sha256("rg13" + id)
    # mod 3 before any fix; aggregate report only.  At ef10dba 17/26 and 10/18, 11/12 and 4/8; at
    # f932f65 18/26 and 15/18, 12/12 and 6/8; then a cover joined to the draft's (新增险种, with the
    # cover list withdrawn: it cost faithful rewrites and caught nothing the shape does not), the
    # channel kept before the offer however introduced, parties restructured, 暂停 ↔ 恢复, 分次 ↔ 一次性,
    # cents with no tenths.
    "gate_redteam13.jsonl": (3, 11),  # of 26 adversarial, 18 faithful
    "gate_redteam13_holdout.jsonl": (8, 5),  # of 12 adversarial, 8 faithful
    # A black-box set of LLM-style rewrites (``rg14_…``, at 4a0dfab: 25 drafts, 50 faithful polishings
    # and 25 subtle drifts, written before running), split by sha256("rg14" + id) mod 3 before any
    # fix; aggregate report only.  At ef10dba 7/17 and 13/35, 6/8 and 8/15; at 4a0dfab 7/17 and
    # 12/35, 5/8 and 8/15; then what a status is not (并非永久冻结), what a consequence waits for
    # (如借款人逾期), whom an offer is open to (面向…客户), a hedge added (原则上), prices per period
    # after the figure (99元/年), 起 after Chinese numerals, the contract's obligation in other words.
    "gate_redteam14.jsonl": (3, 5),  # of 17 adversarial, 35 faithful
    "gate_redteam14_holdout.jsonl": (4, 7),  # of 8 adversarial, 15 faithful
    # A second black-box set of LLM-style rewrites (``rg15_…``, at cf2c71c: everyday notices and
    # compliant marketing, 50 faithful and 25 drifts), split by sha256("rg15" + id) mod 3; aggregate
    # report only.  Identical at ef10dba and cf2c71c: 3/16 and 7/28, holdout 0/9 and 9/22; then the
    # recipient's own act as an instruction's condition (如非本人操作), per-year figures (年免赔额), a
    # balance ensured (确保 → 保证), a car's policy in its long name.
    "gate_redteam15.jsonl": (2, 1),  # of 16 adversarial, 28 faithful
    "gate_redteam15_holdout.jsonl": (0, 9),  # of 9 adversarial, 22 faithful
    # A third black-box set of LLM-style rewrites (``rg16_…``, at 4e12fd1: banks to microlenders,
    # "clearer and more polite"), split by sha256("rg16" + id) mod 3; aggregate report only.  At
    # ef10dba 1/14 and 17/34, holdout 3/11 and 6/16; at the end 1/14 and 15/34, 3/11 and 6/16: about
    # four in ten faithful polishings of these drafts are still refused (restructured notices read
    # as uncertain or marketing by rule evidence alone, new words the novel-content test does not
    # know) — a notice's rewrite is now judged as marketing only where it added marketing evidence.
    "gate_redteam16.jsonl": (1, 11),  # of 14 adversarial, 34 faithful
    "gate_redteam16_holdout.jsonl": (3, 6),  # of 11 adversarial, 16 faithful
    # A code-reading red team of the s62 gate diff (``rg17_…``, at e7a50b7: ranges, tails, means of
    # payment, product names, neutral words, channels; 42 adversarial and 21 faithful), split by
    # sha256("rg17" + id) mod 3 before any fix; aggregate report only.  At 6c5b12b 9/31 and 10/13,
    # holdout 4/11 and 7/8; at e7a50b7 25/31 and 6/13, 10/11 and 3/8; then the means of payment as a
    # fact (使用明德信用卡 → 银行卡), a range end only as a range end, tails on their side of a
    # transfer, 或者/确保/拨打 withdrawn as neutral, a usual time kept (一般), both made either (和 → 或).
    "gate_redteam17.jsonl": (0, 1),  # of 31 adversarial, 13 faithful
    "gate_redteam17_holdout.jsonl": (1, 4),  # of 11 adversarial, 8 faithful
    # A second code-reading red team of the narrowed diff (``rg18_…``, at 578d285: means restated
    # and widened, channels, starts made deadlines, date bounds, tails traded in place, conjunctions,
    # estimates, product and party names), split by sha256("rg18" + id) mod 3 before any fix;
    # aggregate report only.  At 6c5b12b 12/18 and 18/25, holdout 10/15 and 8/8; at 578d285 17/18
    # and 19/25, 14/15 and 8/8; then means by instrument group and still required, parties not
    # lengthened, tails that trade their objects in place, 截止日期 withdrawn as neutral, a date's
    # 前/后 kept, 、 → 或, channels added to an offer, 险 ↔ 保险 in names.
    "gate_redteam18.jsonl": (1, 5),  # of 18 adversarial, 25 faithful
    "gate_redteam18_holdout.jsonl": (7, 5),  # of 15 adversarial, 8 faithful
    "gate_llmstyle.jsonl": (0, 1),  # of 19 faithful
    "gate_llmstyle_holdout.jsonl": (0, 0),  # of 11 faithful
}


#: The same sets judged as the model path calls the gate: with the kind the user's check of the
#: draft gave (model-backed), not the kind the gate infers from rule evidence alone.  Where the two
#: differ, a draft the rules alone call uncertain is judged as marketing without it and as the
#: notice it is with it, so a leak only this path shows must be bounded here too (s61: 本人 → 家属,
#: 不会 → 不排除, 原开户网点 → 任一网点 were shown on this path alone).
PRODUCT_KIND_BOUNDS = {
    "gate_redteam11.jsonl": (0, 4),
    "gate_redteam11_holdout.jsonl": (3, 3),
    "gate_redteam12.jsonl": (0, 0),
    "gate_redteam12_holdout.jsonl": (7, 3),
    "gate_redteam13.jsonl": (4, 11),
    "gate_redteam13_holdout.jsonl": (8, 5),
    "gate_redteam14.jsonl": (3, 5),
    "gate_redteam14_holdout.jsonl": (4, 7),
    "gate_redteam15.jsonl": (2, 1),
    "gate_redteam15_holdout.jsonl": (0, 9),
    "gate_redteam16.jsonl": (1, 11),
    "gate_redteam16_holdout.jsonl": (3, 4),
    "gate_redteam17.jsonl": (0, 1),
    "gate_redteam17_holdout.jsonl": (1, 4),
    "gate_redteam18.jsonl": (1, 5),
    "gate_redteam18_holdout.jsonl": (7, 5),
}


def _judge_as_the_model_path(row: dict) -> bool:
    checker = _checker(row["profile"])
    before = checker.check(row["draft"])
    return is_acceptable(
        validate_variant(
            row["draft"],
            row["variant"],
            checker=checker,
            facts=row["facts"] or None,
            original_findings=before.findings,
            kind=before.kind,
        )
    )


def _within(name: str, judge: Callable[[dict], bool], bounds: dict[str, tuple[int, int]]) -> None:
    """The set's adversarial variants shown and faithful ones rejected, each within its bound."""
    rows = _rows(ROOT / "evals" / name)
    shown = sum(judge(r) for r in rows if r["expect"] == "reject")
    rejected = sum(not judge(r) for r in rows if r["expect"] == "accept")
    max_shown, max_rejected = bounds[name]
    assert shown <= max_shown and rejected <= max_rejected, f"{name}: {shown} shown, {rejected} rejected"


@pytest.mark.parametrize("name", sorted(PRODUCT_KIND_BOUNDS))
def test_redteam_in_aggregate_as_the_model_path_judges(name: str) -> None:
    _within(name, _judge_as_the_model_path, PRODUCT_KIND_BOUNDS)


@pytest.mark.parametrize("name", sorted(REDTEAM_BOUNDS))
def test_redteam_in_aggregate(name: str) -> None:
    _within(name, _judge, REDTEAM_BOUNDS)


# ----------------------------------------------------------------------------- the model path
def _sample() -> list:
    # every 12th dev row, chosen before known cases are dropped, so the sample does not
    # shift when a case joins or leaves KNOWN
    rows = [r for r in _rows(DEV)[::12] if r["id"] not in KNOWN]
    return [pytest.param(r, id=r["id"]) for r in rows]


@pytest.fixture(scope="module")
def server():
    with ScriptedLLMServer() as s:
        yield s


@pytest.mark.parametrize("row", _sample())
def test_through_the_scripted_model(server: ScriptedLLMServer, row: dict) -> None:
    """The model replies with the variant every time: it comes back only if it is faithful."""
    server.reset()
    server.default = variants_reply(row["variant"])
    ignore = TEXT_RULES if row["class"] == "settings_bypass" else ()
    checker = _checker(row["profile"], ignore)
    client = LLMClient(llm_config(server, max_retries=0))
    result = rewrite(row["draft"], checker=checker, client=client, variants=1, facts=row["facts"] or None)
    texts = [v.text for v in result.variants]
    full = _checker(row["profile"])
    for v in result.variants:
        assert is_acceptable(validate_variant(row["draft"], v.text, checker=full, facts=row["facts"] or None))
    if row["expect"] == "reject":
        assert row["variant"] not in texts
    elif result.status != "refused":  # a draft with forbidden content is refused before any call
        assert texts == [row["variant"]], result.reason
