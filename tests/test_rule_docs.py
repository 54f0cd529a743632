"""Rule documentation pages are generated from the rule data and kept current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from assistant.checker.docs import rule_page
from assistant.checker.rulespec import load_rule_specs

ROOT = Path(__file__).resolve().parent.parent


def _render_all() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("gen_rule_docs", ROOT / "scripts" / "gen_rule_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.render_all()


@pytest.mark.parametrize("spec", load_rule_specs(), ids=lambda s: s.code)
def test_page_has_every_section(spec) -> None:
    page = rule_page(spec)
    for heading in ("## What it does", "## Why it matters", "## Example", "## Fix", "## References"):
        assert heading in page
    assert "触发 ✗" in page and "不触发 ✓" in page
    assert "未找到出处" not in page


def test_committed_pages_are_current() -> None:
    for name, text in _render_all().items():
        path = ROOT / "docs" / "rules" / name
        assert path.is_file(), f"missing {path}; run scripts/gen_rule_docs.py"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale; run scripts/gen_rule_docs.py"
