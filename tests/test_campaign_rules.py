"""Campaign rules CMP001–CMP004 at their boundaries.

The rules' own examples (``knowledge/rules/CMP00N.examples.yaml``: small send plans with the
rows that must fire) run here, like the text rules' examples run in test_rule_examples.py;
the explicit tests below pin the boundaries the catalogue names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from assistant.campaign import (
    CampaignRunner,
    SendWindow,
    TimeParser,
    consent_from_rows,
    mask_recipient,
    normalize_recipient,
    rows_source,
)
from assistant.campaign.rules import CAMPAIGN_DETECTORS
from assistant.campaign.times import load_zone
from assistant.checker.rulespec import load_examples, load_rule_specs
from assistant.config import Settings
from assistant.errors import InputError

CODES = ["CMP001", "CMP002", "CMP003", "CMP004"]
M = "【明德银行】信用卡境外消费享5%返现，活动截至12月31日，详询95555。回T退订"
M2 = "【明德银行】双十一信用卡刷卡满300元立减30元，名额有限，先到先得。回T退订"
S = "【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。"
A = "13812345678"


def _rows(items: list[list[Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        recipient, when, text, *rest = item
        row = {"recipient": recipient, "send_time": when, "text": texts.get(text, text)}
        if rest:
            row["kind"] = rest[0]
        out.append(row)
    return out


def run(
    plan: list[list[Any]],
    *,
    history: list[list[Any]] | None = None,
    consent: list[list[Any]] | None = None,
    tz: str = "Asia/Shanghai",
    settings: Settings | None = None,
    texts: dict[str, str] | None = None,
) -> tuple[dict[int, list[str]], CampaignRunner]:
    """Plan row number (1-based) → campaign codes fired on it."""
    texts = texts or {"M": M, "M2": M2, "S": S}
    book = None
    if consent is not None:
        keys = ("recipient", "status", "consented_at", "scope")
        book = consent_from_rows(
            [dict(zip(keys, c, strict=False)) for c in consent], TimeParser(load_zone(tz)), pytest.fail
        )
    runner = CampaignRunner(settings or Settings(), tz=tz, consent=book)
    hist = rows_source(_rows(history, texts), "<history>") if history else None
    errors: list[Any] = []
    fired: dict[int, list[str]] = {}
    for row in runner.run(rows_source(_rows(plan, texts)), hist, on_error=errors.append):
        fired[row.line] = [f.code for f in row.campaign_findings]
    assert not errors, errors
    return fired, runner


def lines_with(fired: dict[int, list[str]], code: str) -> list[int]:
    return sorted(line for line, codes in fired.items() if code in codes)


def _example_cases():
    for code in CODES:
        examples = load_examples(code)
        for expect in ("fire", "ok"):
            for i, item in enumerate(examples.get(expect) or []):
                yield pytest.param(code, expect, item, examples.get("texts") or {}, id=f"{code}-{expect}-{i}")


@pytest.mark.parametrize(("code", "expect", "item", "texts"), list(_example_cases()))
def test_campaign_rule_example(code: str, expect: str, item: dict, texts: dict) -> None:
    fired, runner = run(
        item["plan"],
        history=item.get("history"),
        consent=item.get("consent"),
        tz=item.get("tz", "Asia/Shanghai"),
        texts=texts,
    )
    got = lines_with(fired, code)
    if expect == "fire":
        assert got == item["fires_on"], f"{item['text']}: {fired}"
    else:
        assert got == [], f"{item['text']}: {fired}"
    if code == "CMP003" and item.get("consent") is None:
        assert "CMP003" in runner.summary.skipped_rules


@pytest.mark.parametrize("code", CODES)
def test_campaign_rules_have_examples_and_metadata(code: str) -> None:
    spec = next(s for s in load_rule_specs() if s.code == code)
    assert spec.scope == "campaign" and spec.detector in CAMPAIGN_DETECTORS
    examples = load_examples(code)
    assert len(examples.get("fire") or []) >= 4 and len(examples.get("ok") or []) >= 4
    assert all(item.get("fires_on") for item in examples["fire"])


# ---------------------------------------------------------------- CMP001 monthly cap


def test_three_marketing_messages_pass_fourth_fires() -> None:
    three = [[A, f"2026-11-0{d} 10:00", "M"] for d in (2, 3, 4)]
    assert lines_with(run(three)[0], "CMP001") == []
    assert lines_with(run([*three, [A, "2026-11-05 10:00", "M2"]])[0], "CMP001") == [4]


def test_history_counts_toward_the_cap() -> None:
    history = [[A, "2026-11-01 09:00", "M"], [A, "2026-11-01 12:00", "M2"]]
    plan = [[A, "2026-11-10 10:00", "M"], [A, "2026-11-11 10:00", "M2"]]
    assert lines_with(run(plan, history=history)[0], "CMP001") == [2]
    assert lines_with(run(plan[:1], history=history)[0], "CMP001") == []


def test_fifth_and_later_all_fire_and_cap_is_configurable() -> None:
    plan = [[A, f"2026-11-{d:02d} 10:00", "M"] for d in range(1, 7)]
    assert lines_with(run(plan)[0], "CMP001") == [4, 5, 6]
    loose = Settings(max_marketing_per_month=5)
    assert lines_with(run(plan, settings=loose)[0], "CMP001") == [6]


def test_month_boundary_is_judged_in_the_campaign_time_zone() -> None:
    # 2026-11-30T16:30Z is 2026-12-01 00:30 in Shanghai but still November in UTC.
    plan = [[A, f"2026-11-0{d}T02:00:00Z", "M"] for d in (2, 3, 4)] + [[A, "2026-11-30T16:30:00Z", "M2"]]
    assert lines_with(run(plan, tz="Asia/Shanghai")[0], "CMP001") == []
    assert lines_with(run(plan, tz="UTC")[0], "CMP001") == [4]
    # naive times are wall-clock times in --tz: 2026-12-01 00:30 is December in both zones
    naive = [[A, f"2026-11-0{d} 10:00", "M"] for d in (2, 3, 4)] + [[A, "2026-12-01 00:30", "M2"]]
    assert lines_with(run(naive, tz="Asia/Shanghai")[0], "CMP001") == []
    assert lines_with(run(naive, tz="UTC")[0], "CMP001") == []


def test_service_messages_do_not_count_toward_cap_or_window() -> None:
    plan = [[A, f"2026-11-0{d} 10:00", "S" if d % 2 else "M"] for d in range(1, 8)]  # 3 M + 4 S
    plan.append([A, "2026-11-20 23:30", "S"])
    fired, _ = run(plan)
    assert lines_with(fired, "CMP001") == [] and lines_with(fired, "CMP002") == []
    declared = [[A, f"2026-11-0{d} 10:00", "M", "service"] for d in range(1, 6)] + [
        [A, "2026-11-09 23:00", "M", "service"]
    ]
    fired, _ = run(declared)
    assert lines_with(fired, "CMP001") == [] and lines_with(fired, "CMP002") == []


def test_the_same_number_written_differently_is_one_recipient() -> None:
    plan = [
        ["13812345678", "2026-11-02 10:00", "M"],
        ["+86 138 1234 5678", "2026-11-03 10:00", "M2"],
        ["0086-138-1234-5678", "2026-11-04 10:00", "M"],
        ["8613812345678", "2026-11-05 10:00", "M2"],
    ]
    fired, runner = run(plan)
    assert lines_with(fired, "CMP001") == [4]
    assert runner.summary.recipients == 1


# ---------------------------------------------------------------- CMP002 send window


@pytest.mark.parametrize(
    ("when", "fires"),
    [
        ("2026-11-28 20:59", False),
        ("2026-11-28 20:59:59", False),
        ("2026-11-28 21:00", True),
        ("2026-11-28 07:59", True),
        ("2026-11-28 07:59:59", True),
        ("2026-11-28 08:00", False),
        ("2026/11/28 08:00:00", False),
        ("2026-11-28T12:59:00Z", False),  # 20:59 in Shanghai
        ("2026-11-28T13:00:00+00:00", True),  # 21:00 in Shanghai
        ("2026年11月28日 21:30", True),
    ],
)
def test_send_window_boundaries(when: str, fires: bool) -> None:
    fired, _ = run([[A, when, "M"]])
    assert (lines_with(fired, "CMP002") == [1]) is fires


def test_send_window_is_configurable_and_can_wrap_midnight() -> None:
    assert lines_with(
        run([[A, "2026-11-28 19:00", "M"]], settings=Settings(send_window="09:00-18:00"))[0], "CMP002"
    )
    window = SendWindow.parse("22:00-06:00")
    zone = load_zone("Asia/Shanghai")
    assert window.contains(dt.datetime(2026, 1, 1, 23, 0, tzinfo=zone))
    assert window.contains(dt.datetime(2026, 1, 1, 5, 59, tzinfo=zone))
    assert not window.contains(dt.datetime(2026, 1, 1, 6, 0, tzinfo=zone))
    with pytest.raises(InputError):
        SendWindow.parse("8-21")


# -------------------------------------------------------------------- CMP003 consent


def test_consent_opted_out_consented_and_missing() -> None:
    consent = [["13800000001", "opt_out"], ["13800000002", "consent"]]
    plan = [
        ["13800000001", "2026-11-28 10:00", "M"],
        ["13800000002", "2026-11-28 10:00", "M"],
        ["13800000003", "2026-11-28 10:00", "M"],
        ["13800000001", "2026-11-28 11:00", "S"],  # service: consent not needed
    ]
    fired, runner = run(plan, consent=consent)
    assert lines_with(fired, "CMP003") == [1, 3]
    assert "CMP003" not in runner.summary.skipped_rules


def test_consent_in_force_at_send_time_decides() -> None:
    consent = [
        [A, "consent", "2026-01-01 00:00"],
        [A, "opt_out", "2026-11-15 12:00"],
    ]
    plan = [[A, "2026-11-15 11:59", "M"], [A, "2026-11-15 12:00", "M2"]]
    assert lines_with(run(plan, consent=consent)[0], "CMP003") == [2]


def test_without_consent_file_cmp003_is_skipped_and_said() -> None:
    fired, runner = run([[A, "2026-11-28 10:00", "M"]])
    assert lines_with(fired, "CMP003") == []
    reason = runner.summary.skipped_rules["CMP003"]
    assert "同意" in reason and "--" not in reason  # the UI shows it too: no CLI flag in the data


# ------------------------------------------------------------------ CMP004 duplicates


@pytest.mark.parametrize(
    ("second", "fires"),
    [
        ("2026-11-28 09:59", True),  # 23 h 59 min later
        ("2026-11-28 09:59:59", True),
        ("2026-11-28 10:00", False),  # exactly 24 h
        ("2026-11-29 10:00", False),
    ],
)
def test_duplicate_within_24_hours(second: str, fires: bool) -> None:
    fired, _ = run([[A, "2026-11-27 10:00", "M"], [A, second, "M"]])
    assert (lines_with(fired, "CMP004") == [2]) is fires


def test_duplicate_is_a_warning_not_a_failure() -> None:
    runner = CampaignRunner()
    rows = list(
        runner.run(
            rows_source([{"recipient": A, "send_time": f"2026-11-28 1{h}:00", "text": S} for h in (0, 1)])
        )
    )
    assert rows[1].verdict == "review"
    assert rows[1].campaign_findings[0].severity == "warning"


def test_campaign_findings_carry_chinese_message_and_citations() -> None:
    fired_rows = list(
        CampaignRunner().run(rows_source([{"recipient": A, "send_time": "2026-11-28 22:00", "text": M}]))
    )
    (finding,) = fired_rows[0].campaign_findings
    d = finding.to_dict()
    assert d["code"] == "CMP002" and "发送时段" in d["message"] and "22:00" in d["message"]
    assert d["citations"] and all(c["confidence"] != "unresolved" for c in d["citations"])
    assert d["start"] == d["end"] == 0 and d["evidence"] == ""


def test_ignore_setting_turns_a_campaign_rule_off() -> None:
    fired, _ = run([[A, "2026-11-28 23:00", "M"]], settings=Settings(ignore=["CMP002"]))
    assert lines_with(fired, "CMP002") == []


# ----------------------------------------------------------------- times and masking


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-28 20:59", "2026-11-28T20:59:00+08:00"),
        ("2026/11/28 20:59:00", "2026-11-28T20:59:00+08:00"),
        ("2026-11-28T20:59", "2026-11-28T20:59:00+08:00"),
        ("2026-11-28T12:59:00Z", "2026-11-28T20:59:00+08:00"),
        ("2026-11-28T20:59:00+08:00", "2026-11-28T20:59:00+08:00"),
        ("2026/1/5 8:05", "2026-01-05T08:05:00+08:00"),
        ("2026年11月28日 20时59分", "2026-11-28T20:59:00+08:00"),
        ("2026.11.28 20:59", "2026-11-28T20:59:00+08:00"),
        ("2026-11-28", "2026-11-28T00:00:00+08:00"),
    ],
)
def test_time_formats(text: str, expected: str) -> None:
    assert TimeParser(load_zone("Asia/Shanghai")).parse(text).isoformat() == expected


@pytest.mark.parametrize("bad", ["", "tomorrow", "2026-13-01 10:00", "2026-11-28 25:00", "28/11/2026"])
def test_bad_times_raise_value_error(bad: str) -> None:
    with pytest.raises(ValueError):
        TimeParser(load_zone("Asia/Shanghai")).parse(bad)


def test_unknown_time_zone_is_an_input_error() -> None:
    with pytest.raises(InputError):
        load_zone("Mars/Olympus")


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138-1234-5678", "138****5678"),
        ("008613812345678", "138****5678"),
        (13812345678.0, "138****5678"),
        ("12345678", "12****78"),
        ("C0001", "C***1"),
    ],
)
def test_masking(raw: object, masked: str) -> None:
    key = normalize_recipient(raw)
    assert mask_recipient(key) == masked
    assert mask_recipient(key) != key
