"""One strict project config: unknown keys, bad values and unknown rule codes are errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.checker.engine import Checker
from assistant.config import ProjectConfig, Settings, load_project_config, load_settings
from assistant.errors import ConfigError
from assistant.llm.config import load_audit_config, load_llm_config
from assistant.profile import load_profile


def write(tmp_path: Path, text: str, name: str = "assistant.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_project_config(path)
    return str(info.value)


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ASSISTANT_CONFIG", raising=False)
    cfg = load_project_config()
    assert cfg.path is None and cfg.checker == Settings() and "默认设置" in cfg.source


def test_assistant_toml_in_the_current_folder_is_used_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "yield_threshold_percent = 6\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ASSISTANT_CONFIG", raising=False)
    cfg = load_project_config()
    assert cfg.checker.yield_threshold_percent == 6 and cfg.source == "assistant.toml"


def test_misspelt_key_names_the_key_and_the_closest_valid_one(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "yeild_threshold_percent = 2\n"))
    assert "yeild_threshold_percent" in message and "yield_threshold_percent" in message
    message = error_of(write(tmp_path, "[checker]\nmax_segmets = 2\n"))
    assert "[checker] max_segmets" in message and "max_segments" in message
    message = error_of(write(tmp_path, '[llm]\nmodle = "x"\n'))
    assert "[llm] modle" in message and "model" in message
    message = error_of(write(tmp_path, "[adit]\nenabled = false\n"))
    assert "adit" in message and "audit" in message


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("yield_threshold_percent = 1e309", "yield_threshold_percent"),
        ("yield_threshold_percent = nan", "yield_threshold_percent"),
        ("yield_threshold_percent = 0", "yield_threshold_percent"),
        ("max_segments = -5", "max_segments"),
        ('optout_phrases = [""]', "optout_phrases"),
        ("optout_phrases = []", "optout_phrases"),
        ('send_window = "21:00-08:00"', "send_window"),
        ('send_window = "8-21"', "send_window"),
        ("max_marketing_per_month = 0", "max_marketing_per_month"),
        ('select = ["ADV 001"]', "select"),
    ],
)
def test_absurd_values_are_refused_naming_the_key(tmp_path: Path, line: str, key: str) -> None:
    message = error_of(write(tmp_path, line + "\n"))
    assert key in message and "无效" in message


def test_top_level_and_checker_table_merge_but_never_overlap(tmp_path: Path) -> None:
    cfg = load_project_config(write(tmp_path, 'select = ["ADV"]\n[checker]\nignore = ["ADV002"]\n'))
    assert cfg.checker.select == ["ADV"] and cfg.checker.ignore == ["ADV002"]
    # an empty [checker] table does not discard the top-level keys
    cfg = load_project_config(write(tmp_path, "max_segments = 2\n[checker]\n"))
    assert cfg.checker.max_segments == 2
    message = error_of(write(tmp_path, "max_segments = 2\n[checker]\nmax_segments = 4\n"))
    assert "max_segments" in message and "同时出现" in message


def test_config_pointing_at_a_folder_or_nothing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="文件夹"):
        load_project_config(tmp_path)
    with pytest.raises(ConfigError, match="不存在"):
        load_project_config(tmp_path / "missing.toml")


def test_sections_feed_the_section_loaders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASSISTANT_AUDIT_DB", raising=False)
    path = write(
        tmp_path,
        'max_segments = 2\n[llm]\nmodel = "m"\nbase_url = "http://127.0.0.1:9/v1"\n'
        '[audit]\npath = "logs/a.sqlite3"\nretention_months = 12\n[ui]\nport = 8080\n',
    )
    assert load_settings(path).max_segments == 2
    llm, origin = load_llm_config(path, env={})
    assert llm.model == "m" and "assistant.toml" in origin["model"]
    audit = load_audit_config(path)
    assert audit.path == tmp_path / "logs" / "a.sqlite3" and audit.retention_months == 12
    assert load_project_config(path).ui.port == 8080


def test_changed_file_is_read_again(tmp_path: Path) -> None:
    path = write(tmp_path, "max_segments = 2\n")
    assert load_settings(path).max_segments == 2
    path.write_text("max_segments = 4 # longer now\n", encoding="utf-8")
    assert load_settings(path).max_segments == 4


def test_unknown_rule_codes_switch_nothing_off_they_fail() -> None:
    # (ADV01 became a real prefix with ADV010 in the v2 catalogue; ADV02 names no rule.)
    for select, ignore in ((["ADV02"], []), (["XYZ"], []), (["ALL"], ["XYZ9"])):
        with pytest.raises(ConfigError) as info:
            Checker(Settings(select=select, ignore=ignore))
        assert (select + ignore)[-1] in str(info.value)
    with pytest.raises(ConfigError, match="ADV002"):
        Checker(Settings(select=["ADV02"]))
    # prefixes and lower case are fine
    assert Checker(Settings(select=["adv", "PRO00"])).check("【明德银行】稳赚不赔！").verdict == "fail"


def test_every_section_forbids_unknown_keys() -> None:
    for name, field in ProjectConfig.model_fields.items():
        if name == "path":
            continue
        model = field.annotation
        assert model.model_config.get("extra") == "forbid", name


# ---------------------------------------------------------------------------- profiles


def test_profile_v2_fields_and_product_details(tmp_path: Path) -> None:
    profile = load_profile("example-bank")
    assert "95588" in profile.service_numbers
    assert profile.product_details["明德长保医疗险"].guaranteed_renewal is True
    assert profile.product_details["明德稳盈1号"].type == "wealth"


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[sender]\nlicences = ["lending"]\n', "licenses"),
        ('[sender]\nlicenses = ["lendng"]\n', "lending"),
        ('[sender]\nproducts = ["A"]\n[product_details."B"]\ntype = "wealth"\n', "B"),
        ('[sender]\nproducts = ["A"]\n[product_details."A"]\ntype = "stock"\n', "type"),
        ('[sender]\nproducts = ["A"]\n[product_details."A"]\ntyp = "wealth"\n', "type"),
        ('[sender]\n[sendr]\nfull_name = "x"\n', "sendr"),
    ],
)
def test_profile_mistakes_are_named(tmp_path: Path, toml: str, expected: str) -> None:
    path = write(tmp_path, toml, "profile.toml")
    with pytest.raises(ConfigError) as info:
        load_profile(path)
    assert expected in str(info.value) and "profile.toml" in str(info.value)


def test_defaults_equal_the_validated_defaults_of_every_model() -> None:
    """``defaults(M)`` (no validator built) is ``M()`` for every config and profile model:
    the same values, the same (empty) set of fields given, the same dump."""
    from assistant.config import AuditSection, KnowledgeSection, LLMConfig, UISection, defaults
    from assistant.profile import SenderProfile

    models = (ProjectConfig, Settings, LLMConfig, AuditSection, KnowledgeSection, UISection, SenderProfile)
    for model in models:
        made, validated = defaults(model), model()
        assert made == validated, model
        assert made.model_fields_set == validated.model_fields_set == set(), model
        assert made.model_dump() == validated.model_dump(), model
        assert repr(made) == repr(validated), model


def test_a_plain_check_builds_no_config_validator(tmp_path: Path) -> None:
    """A plain ``assistant check`` with no config file reads the defaults without building a
    pydantic validator or serialiser, nor importing pydantic's plugin loader (a tenth of a
    cold start); a config file is still validated in full (the tests above)."""
    import os
    import subprocess
    import sys

    code = (
        "import runpy, sys\n"
        "sys.argv = ['assistant', 'check', '【明德银行】稳赚不赔！']\n"
        "try:\n    runpy.run_module('assistant', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "from pydantic import BaseModel\n"
        "def walk(c):\n    for s in c.__subclasses__():\n        yield s\n        yield from walk(s)\n"
        "built = sorted(c.__name__ for c in walk(BaseModel)"
        " if c.__pydantic_complete__ and c.__module__.startswith('assistant'))\n"
        "print('BUILT', built, 'pydantic.plugin._loader' in sys.modules, file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("ASSISTANT_CONFIG", "PYDANTIC_DISABLE_PLUGINS")}
    root = Path(__file__).resolve().parents[1]
    env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
    # a cache of its own: another test process writing the shared per-user cache at the same
    # moment made the second run miss it and validate the rule specs (a clean-clone CI run)
    env["ASSISTANT_CACHE_DIR"] = str(tmp_path / "cache")
    # twice: the first run builds the per-user caches (rule specs are validated then)
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
    assert "BUILT [] False" in out.stderr, out.stderr[-2000:]
