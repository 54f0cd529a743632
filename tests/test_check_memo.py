"""Repeats in a batch are checked once (assistant/checker/memo.py), with results identical to
checking each message on its own and objects of their own."""

from __future__ import annotations

import pytest

from assistant.checker.engine import Checker
from assistant.checker.memo import CheckMemo

PROMO = "【明德银行】稳赚不赔，年化收益12%，速抢！"
NOTICE = "【明德银行】您尾号1234的信用卡本期账单已出，应还金额1,200.00元，最后还款日12月5日。"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def test_repeats_give_the_same_result_as_a_fresh_check(checker: Checker) -> None:
    texts = [PROMO, NOTICE, PROMO, (PROMO, "service"), NOTICE, (PROMO, "service"), PROMO]
    batch = list(checker.check_many(texts, fix=True))
    for item, got in zip(texts, batch, strict=True):
        text, kind = (item, None) if isinstance(item, str) else item
        assert got.to_dict() == checker.check(text, kind=kind, fix=True).to_dict()
    # The declared kind is part of what is repeated: the same text declared a notice is
    # judged as one (marketing-only rules do not run), not given the marketing result.
    assert batch[3].kind == "service" and batch[0].kind != "service"
    assert {f.code for f in batch[3].findings} != {f.code for f in batch[0].findings}


def test_each_caller_gets_its_own_object(checker: Checker) -> None:
    first, second = checker.check_many([PROMO, PROMO])
    assert first is not second and first.findings is not second.findings
    first.meta = {"id": "a"}
    first.findings.clear()
    third = next(checker.check_many([PROMO]))
    assert second.meta == {} and second.findings and third.findings
    assert [f.code for f in second.findings] == [f.code for f in third.findings]


def test_memo_counts_hits_and_stays_bounded() -> None:
    calls: list[str] = []

    def check(text: str, kind: str | None, ptype: str | None) -> object:
        calls.append(text)
        return Checker().check(text)

    memo = CheckMemo(check, size=2)  # type: ignore[arg-type]
    for text in ("a1", "a1", "b2", "a1", "c3", "a1", "b2"):
        memo(text, None, None)
    # a1 checked once, then b2; a1 is used again, so c3 evicts the least recently used entry
    # (b2), not the oldest (a1): a1 stays a repeat, b2 is checked again.
    assert calls == ["a1", "b2", "c3", "b2"]
    assert memo.hits == 3
    assert len(memo._results) == 2


def test_parallel_batches_use_the_memo_and_keep_order(checker: Checker) -> None:
    texts = [PROMO, NOTICE] * 40
    serial = [r.to_dict() for r in checker.check_many(texts)]
    parallel = [r.to_dict() for r in checker.check_many(texts, workers=2, chunksize=8)]
    assert parallel == serial
    assert [r["text"] for r in parallel] == texts


def test_a_copy_is_replace_on_every_field(checker: Checker) -> None:
    """The memo's copy names every field itself (for speed): it must be what
    ``dataclasses.replace`` gives, on every field, whatever fields CheckResult grows."""
    from dataclasses import fields, replace

    from assistant.checker.memo import _copy

    result = checker.check(PROMO, fix=True)
    result.meta = {"id": "x"}
    copy = _copy(result)
    expected = replace(result, meta={}, findings=list(result.findings), suppressed=list(result.suppressed))
    for f in fields(result):
        assert getattr(copy, f.name) == getattr(expected, f.name), f.name
    assert copy.findings is not result.findings and copy.suppressed is not result.suppressed
    assert copy.meta == {} and result.meta == {"id": "x"}
