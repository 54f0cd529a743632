"""The context lexicon (``knowledge/rules/_context.yaml``) refuses unknown keys.

Why: its readers take each key with a default, so a misspelt key (``exclusion_afer``,
``servce_strong``) would silently switch a context cue or a kind threshold off: a silent
wrong result.  Every unknown name is an error naming the file and the key.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.checker.rulespec import context_lexicon_problems, load_context_lexicon
from assistant.errors import ConfigError
from assistant.paths import knowledge_dir, rules_dir
from assistant.text.yamlload import load_yaml


def _shipped() -> dict:
    return load_yaml((rules_dir() / "_context.yaml").read_text(encoding="utf-8"))


def test_the_shipped_lexicon_has_no_problems() -> None:
    assert context_lexicon_problems(_shipped()) == []


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (lambda d: d.__setitem__("exclusion_afer", d.pop("exclusion_after")), "exclusion_afer"),
        (lambda d: d["kind_decision"].__setitem__("servce_strong", 3), "servce_strong"),
        (lambda d: d["kind_offer_patterns"][0].__setitem__("need", ["满"]), "kind_offer_patterns 第 1 项"),
        (lambda d: d["kind_offer_patterns"][1].pop("pattern"), "缺少 'pattern'"),
        (lambda d: d["kind_own_patterns"].append({"pattern": "x", "famliy": "due"}), "famliy"),
        (
            lambda d: d["kind_evidence"]["marketing"]["offer"].__setitem__("wieght", 2),
            "kind_evidence.marketing.offer",
        ),
        (lambda d: d["kind_evidence"].__setitem__("servise", {}), "servise"),
    ],
)
def test_an_unknown_or_missing_key_is_named(edit, named: str) -> None:
    data = _shipped()
    edit(data)
    problems = context_lexicon_problems(data)
    assert problems and any(named in p for p in problems), problems


def test_loading_a_misspelt_lexicon_fails_naming_the_file(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    path = rules / "_context.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("\nexclusion_after:", "\nexclusion_afer:", 1),
        encoding="utf-8",
    )
    load_context_lexicon.cache_clear()
    try:
        with pytest.raises(ConfigError) as info:
            load_context_lexicon(str(rules))
    finally:
        load_context_lexicon.cache_clear()
    assert str(path) in str(info.value) and "exclusion_afer" in str(info.value)


def test_the_cli_exits_2_on_a_misspelt_lexicon(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), knowledge, ignore=shutil.ignore_patterns("index*", "*.sqlite3"))
    path = knowledge / "rules" / "_context.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nkind_decision: {marketing_strong:" in text
    path.write_text(
        text.replace("\nkind_decision: {marketing_strong:", "\nkind_decision: {marketng_strong:", 1),
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "ASSISTANT_KNOWLEDGE_DIR": str(knowledge),
        "ASSISTANT_CACHE_DIR": str(tmp_path / "cache"),
    }
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "check", "【明德银行】稳赚不赔！回T退订"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 2, out.stdout + out.stderr
    assert "marketng_strong" in out.stderr and "_context.yaml" in out.stderr


def test_the_product_type_words_refuse_unknown_keys_and_types() -> None:
    """The same for ``_product_types.yaml``: a misspelt strength or type would drop its cue
    words silently, so it is refused, named."""
    from assistant.checker.product_type import ProductTypeRules

    data = load_yaml((rules_dir() / "_product_types.yaml").read_text(encoding="utf-8"))
    assert ProductTypeRules.from_data(data).words
    data["types"]["fund"]["strnog"] = ["基金"]
    data["priority"] = [*data["priority"], "insurence"]
    data["weigths"] = {"strong": 2}
    with pytest.raises(ConfigError) as info:
        ProductTypeRules.from_data(data)
    message = str(info.value)
    assert "strnog" in message and "insurence" in message and "weigths" in message


def test_an_unknown_key_names_the_key_it_most_likely_meant() -> None:
    """As the config and profiles do: the closest valid key is suggested."""
    data = _shipped()
    data["exclusion_afer"] = data.pop("exclusion_after")
    assert any("是否应为 exclusion_after" in p for p in context_lexicon_problems(data))
