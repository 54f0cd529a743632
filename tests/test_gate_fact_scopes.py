"""Facts whose scope is their role: a per-transaction and a daily limit, a count per customer
and per day.  Swapping two limits or moving a count to another scope keeps every number of
the draft, so only the role tells the change apart (red team rg4: 单笔限额 and 每日累计限额
swapped, 每户限1次 made 每日限1次).  A rewrite that keeps each figure with its scope, in other
words or without the scope word, is faithful."""

from __future__ import annotations

from functools import cache

import pytest

from assistant.checker.engine import Checker
from assistant.facts import extract_facts
from assistant.profile import load_profile
from assistant.rewrite.gate import is_acceptable, validate_variant

LIMITS = (
    "【汇通支付】您已开通免密支付，单笔限额300元，每日累计限额1500元。如非本人操作，请立即致电400-999-8866。"
)
PROMO = "【明德银行】即日起至12月31日，明德银行信用卡在指定商户单笔消费满300元立减30元，每户限2次。详情见官网https://www.mingde-bank.com，回T退订"
PROFILES = {LIMITS: "example-payment", PROMO: "example-bank"}


@cache
def _checker(profile: str) -> Checker:
    return Checker(profile=load_profile(profile))


def _accepted(draft: str, variant: str) -> bool:
    return is_acceptable(validate_variant(draft, variant, checker=_checker(PROFILES[draft])))


def test_limits_and_counts_carry_their_scope_as_role() -> None:
    roles = {f.role for f in extract_facts(LIMITS)}
    assert {"txn_limit", "daily_limit"} <= roles
    assert "per_customer_count" in {f.role for f in extract_facts(PROMO)}


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        (LIMITS, LIMITS.replace("单笔限额300元，每日累计限额1500元", "单笔限额1500元，每日累计限额300元")),
        (PROMO, PROMO.replace("每户限2次", "每日限2次")),
        (PROMO, PROMO.replace("每户限2次", "每月限2次")),
    ],
    ids=["limits-swapped", "per-customer-to-per-day", "per-customer-to-per-month"],
)
def test_a_scope_moved_is_rejected(draft: str, variant: str) -> None:
    assert not _accepted(draft, variant)


@pytest.mark.parametrize(
    ("draft", "variant"),
    [
        (LIMITS, LIMITS.replace("单笔限额300元，每日累计限额1500元", "每笔最多300元，当日累计最多1500元")),
        (PROMO, PROMO.replace("每户限2次", "每位客户限2次")),
    ],
    ids=["limits-in-other-words", "per-customer-in-other-words"],
)
def test_the_same_scopes_in_other_words_pass(draft: str, variant: str) -> None:
    assert _accepted(draft, variant)


TWO_OFFERS = (
    "【明德银行】新客户首笔消费满200元减60元；老客户消费满200元减15元。活动至12月31日，"
    "详情见官网https://www.mingde-bank.com，回T退订"
)
PROFILES[TWO_OFFERS] = "example-bank"


@pytest.mark.parametrize(
    "variant",
    [
        # the audiences swapped between the two offers
        TWO_OFFERS.replace("新客户首笔", "老客户首笔").replace("；老客户消费", "；新客户消费"),
        # the first-purchase condition copied onto the other offer
        TWO_OFFERS.replace("老客户消费", "老客户首笔消费"),
    ],
    ids=["audiences-swapped", "condition-copied"],
)
def test_a_condition_moved_between_facts_is_rejected(variant: str) -> None:
    assert not _accepted(TWO_OFFERS, variant)


@pytest.mark.parametrize(
    "variant",
    [
        # the same conditions, each kept with its own offer, in other order and words
        "【明德银行】老客户消费满200元减15元；新客户首笔消费满200元减60元。活动至12月31日，"
        "详情见官网https://www.mingde-bank.com，回T退订",
        TWO_OFFERS.replace("新客户首笔消费满200元减60元", "首笔消费满200元减60元（限新客户）"),
    ],
    ids=["offers-reordered", "condition-in-brackets"],
)
def test_the_same_conditions_on_the_same_facts_pass(variant: str) -> None:
    assert _accepted(TWO_OFFERS, variant)
