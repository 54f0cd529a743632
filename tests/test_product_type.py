"""The product type is a decision with evidence: declared, from the profile, or inferred."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from cli_runner import Result

from assistant.checker.engine import Checker
from assistant.checker.product_type import ProductTypeRules, parse_product_type
from assistant.errors import ConfigError
from assistant.io.readers import Record, RowError, read_records
from assistant.profile import PRODUCT_TYPES, load_profile

ROOT = Path(__file__).resolve().parents[1]


@cache
def checker(profile: str | None = None) -> Checker:
    return Checker(profile=load_profile(profile) if profile else None)


@pytest.mark.parametrize(
    ("text", "ptype", "cue"),
    [
        (
            "【远帆理财】远帆月享理财业绩比较基准2.8%。理财非存款，产品有风险，投资须谨慎。回T退订",
            "wealth",
            "理财",
        ),
        ("【北辰基金】北辰指数基金开放定投。基金有风险，投资须谨慎。回T退订", "fund", "基金"),
        ("【康平健康】康平百万医疗险，年保费236元起。回T退订", "insurance", "医疗险"),
        ("【速钱包】借款年化利率（单利）18%，随借随还。回T退订", "loan", "借款"),
        ("【明德银行】白金信用卡新户办卡礼。回T退订", "card", "信用卡"),
        ("【松岩银行】三年期大额存单利率2.2%，20万元起存。回T退订", "deposit", "大额存单"),
        ("【汇通支付】扫码支付立减5元，付款码随时可用。回T退订", "payment", "付款码"),
    ],
)
def test_inferred_from_cue_words_with_the_reason(text: str, ptype: str, cue: str) -> None:
    result = checker().check(text)
    assert result.product_type == ptype and result.product_type_source == "inferred"
    assert cue in result.product_type_reason


def test_a_negated_cue_is_no_evidence() -> None:
    # 理财非存款 names deposits only to say the product is not one.
    result = checker().check("【远帆理财】新品理财上线，理财非存款，产品有风险，投资须谨慎。回T退订")
    assert result.product_type == "wealth" and "存款" not in result.product_type_reason


def test_a_word_inside_a_longer_cue_counts_once() -> None:
    # 存款保险 is deposit insurance: a deposit word, not an insurance product.
    result = checker().check("【松岩银行】本行存款受存款保险保护。回T退订")
    assert result.product_type == "deposit"


def test_the_signature_only_speaks_when_the_body_is_silent() -> None:
    silent = checker().check("【安泰人寿】限时抢购，名额有限！回T退订")
    assert silent.product_type == "insurance" and "签名" in silent.product_type_reason
    body = checker().check("【安泰人寿】大额存单利率2.2%，20万元起存。回T退订")
    assert body.product_type == "deposit"


def test_the_profile_names_the_product() -> None:
    result = checker("example-bank").check("【明德银行】明德长保医疗险开放投保。回T退订")
    assert result.product_type == "insurance" and result.product_type_source == "profile"
    assert "明德长保医疗险" in result.product_type_reason
    # no cue at all: a profile whose products are all of one type decides
    lender = checker("example-lender").check("【捷贷】新年快乐，感谢一路相伴。")
    assert lender.product_type == "loan" and lender.product_type_source == "profile"


def test_the_declared_type_wins() -> None:
    result = checker("example-bank").check(
        "【明德银行】明德长保医疗险开放投保。回T退订", product_type="wealth"
    )
    assert (result.product_type, result.product_type_source) == ("wealth", "declared")


def test_no_evidence_is_unknown_not_a_guess() -> None:
    result = checker().check("【明德银行】新年快乐！")
    assert result.product_type is None and "未发现" in result.product_type_reason


def test_a_tie_is_broken_by_priority_and_said() -> None:
    rules = ProductTypeRules.from_data(
        {
            "priority": ["insurance", "deposit"],
            "types": {
                "insurance": {"zh": "保险", "strong": ["保险"]},
                "deposit": {"zh": "存款", "strong": ["存款"]},
            },
        }
    )
    assert rules.priority == ("insurance", "deposit")
    result = checker().check("【禾丰人寿】保险和存款业务均可在网点办理。回T退订")
    assert result.product_type == "insurance" and "相当" in result.product_type_reason


def test_unknown_types_in_the_data_are_errors() -> None:
    with pytest.raises(ConfigError, match="stock"):
        ProductTypeRules.from_data({"types": {"stock": {"strong": ["股票"]}}})


@pytest.mark.parametrize(
    ("value", "expected"), [("insurance", "insurance"), ("保险", "insurance"), (" Loan ", "loan"), ("", None)]
)
def test_declared_values(value: str, expected: str | None) -> None:
    assert parse_product_type(value) == expected
    assert set(PRODUCT_TYPES) == {"wealth", "fund", "insurance", "loan", "card", "deposit", "payment"}


def test_an_unknown_declared_value_names_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="wealth"):
        parse_product_type("stock")


def test_product_type_column_in_a_batch(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    path.write_text(
        "text,product_type,note\n"
        "【明德银行】限时抢购，名额有限！回T退订,insurance,a\n"
        "【明德银行】限时抢购，名额有限！回T退订,,b\n"
        "【明德银行】限时抢购！回T退订,stock,c\n",
        encoding="utf-8",
    )
    rows = list(read_records(path))
    assert (
        isinstance(rows[0], Record) and rows[0].product_type == "insurance" and rows[0].meta == {"note": "a"}
    )
    assert isinstance(rows[1], Record) and rows[1].product_type is None
    assert isinstance(rows[2], RowError) and rows[2].line == 4 and "product_type" in rows[2].message
    assert rows[2].raw == {"text": "【明德银行】限时抢购！回T退订", "product_type": "stock", "note": "c"}


def test_cli_product_type_option_and_column(tmp_path: Path, cli: Callable[..., Result]) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        {"text": "【明德银行】限时抢购，名额有限！回T退订", "product_type": "insurance"},
        {"text": "【明德银行】限时抢购，名额有限！回T退订"},
        {"text": "【明德银行】限时抢购！回T退订", "product_type": "stock"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    proc = cli("check", "-i", str(path), "--format", "jsonl", cwd=ROOT)
    assert proc.code == 2  # a bad row is reported, the good rows are still checked
    assert "第3行" in proc.stderr and "product_type" in proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(o["product_type"], o["product_type_source"]) for o in out] == [
        ("insurance", "declared"),
        (None, "inferred"),
    ]
    assert [f["severity"] for f in out[0]["findings"] if f["code"] == "ADV007"] == ["error", "error"]
    assert [f["severity"] for f in out[1]["findings"] if f["code"] == "ADV007"] == ["warning", "warning"]

    text = cli("check", "【明德银行】限时抢购！回T退订", "--product-type", "保险", cwd=ROOT)
    assert "产品类型：保险（用户指定）" in text.stdout
    bad = cli("check", "x", "--product-type", "stock", cwd=ROOT)
    assert bad.code == 2 and "--product-type" in bad.stderr


def test_product_type_survives_parallel_batches() -> None:
    items = [
        ("【明德银行】限时抢购！回T退订", None, "insurance"),
        ("【明德银行】限时抢购！回T退订", None, None),
    ]
    results = list(checker().check_many(items, workers=2, chunksize=1))
    assert [r.product_type for r in results] == ["insurance", None]
    assert [r.product_type_source for r in results] == ["declared", "inferred"]
