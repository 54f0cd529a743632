"""Issue 10, item 6 for the knowledge index: a damaged index is one clear message naming
the folder and the way out, and ``assistant ingest --rebuild`` gets out of it — the broken
folder moved aside (never deleted), a new index built in its place.

The index is built from a one-page knowledge folder (the shipped rules beside it), so a
test costs seconds, not the minute the shipped knowledge takes to embed.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from safe_cli import make_cli

ROOT = Path(__file__).resolve().parents[1]

# The module builds its index with a real ``python -m assistant ingest`` process and the
# first ``ask`` loads the embedding model: seconds before the first test.
pytestmark = pytest.mark.slow


@pytest.fixture
def cli(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """``cli(*args, input=None, env=None, cwd=None) -> Result`` (see tests/safe_cli.py)."""
    return make_cli(tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(knowledge folder, data folder holding a sound index of it), built once."""
    from cli_runner import run_process

    base = tmp_path_factory.mktemp("kb")
    knowledge = base / "knowledge"
    (knowledge / "regulations").mkdir(parents=True)
    (knowledge / "guide.md").write_text(
        "# 指南\n\n## 一、退订\n\n营销短信须提供退订方式，如回T退订。\n\n## 二、签名\n\n短信须以【】签名开头。\n",
        encoding="utf-8",
    )
    shutil.copytree(ROOT / "knowledge" / "rules", knowledge / "rules")
    data = base / "data"
    r = run_process("ingest", env=_env(knowledge, data, base / "audit.sqlite3"), cwd=base)
    assert r.code == 0, r.stderr
    return knowledge, data


def _env(knowledge: Path, data: Path, audit: Path) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    env.update(
        ASSISTANT_KNOWLEDGE_DIR=str(knowledge), ASSISTANT_DATA_DIR=str(data), ASSISTANT_AUDIT_DB=str(audit)
    )
    return env


def _garbage_sqlite(chroma: Path) -> None:
    (chroma / "chroma.sqlite3").write_bytes(b"\x8f garbage, not a database " * 300)


def _truncated_sqlite(chroma: Path) -> None:
    db = chroma / "chroma.sqlite3"
    db.write_bytes(db.read_bytes()[:40_000])


def _garbage_segment(chroma: Path) -> None:
    (segment,) = [p for p in chroma.iterdir() if p.is_dir()]
    (segment / "index_metadata.pickle").write_bytes(b"garbage")


def _file_instead_of_folder(chroma: Path) -> None:
    shutil.rmtree(chroma)
    chroma.write_text("not a folder", encoding="utf-8")


@pytest.mark.parametrize(
    "damage", [_garbage_sqlite, _truncated_sqlite, _garbage_segment, _file_instead_of_folder]
)
def test_a_damaged_index_is_named_and_rebuild_recovers(
    cli, built: tuple[Path, Path], tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    knowledge, sound = built
    data = tmp_path / "data"
    shutil.copytree(sound, data)
    damage(data / "chroma")
    env = _env(knowledge, data, tmp_path / "audit.sqlite3")

    r = cli("ask", "营销短信怎么退订？", env=env)
    assert r.code == 2 and "Traceback" not in r.stderr, r.stderr
    assert str(data / "chroma") in r.stderr and "assistant ingest --rebuild" in r.stderr
    assert "损坏" in r.stderr

    r = cli("ingest", "--rebuild", env=env)
    assert r.code == 0, r.stderr
    moved = [p for p in data.iterdir() if p.name.startswith("chroma.broken-")]
    assert len(moved) == 1 and str(moved[0]) in r.stderr  # moved aside, not deleted
    assert "重新导入" in r.stderr  # the user files it tracked must be added again
    assert (data / "chroma").is_dir()
    from assistant.knowledge.index import KnowledgeIndex, KnowledgeSettings

    index = KnowledgeIndex(KnowledgeSettings(data_dir=data, knowledge_dir=knowledge))
    assert set(index.file_states()) == {"knowledge/guide.md"} and index.count() > 0

    if damage is _garbage_sqlite:  # and the commands that need it work again (once: slow)
        r = cli("ask", "营销短信怎么退订？", env=env)
        assert r.code == 0, r.stderr
        assert "回T退订" in r.stdout
        assert "配置：（未使用配置文件，使用默认设置）" in r.stdout  # ask names its config too
        r = cli("ask", "营销短信怎么退订？", "--format", "json", env=env)
        assert json.loads(r.stdout)["config"] == "（未使用配置文件，使用默认设置）"


def test_rebuild_of_a_sound_index_moves_nothing(cli, built: tuple[Path, Path], tmp_path: Path) -> None:
    knowledge, sound = built
    data = tmp_path / "data"
    shutil.copytree(sound, data)
    r = cli("ingest", "--rebuild", "--format", "json", env=_env(knowledge, data, tmp_path / "a.sqlite3"))
    assert r.code == 0, r.stderr
    assert '"moved_aside": null' in r.stdout and '"rebuilt": true' in r.stdout
    assert not [p for p in data.iterdir() if p.name.startswith("chroma.broken-")]
