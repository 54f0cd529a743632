"""Library warnings reach the terminal through logging: ``警告：…`` on stderr, once.

Library modules log (``logging.getLogger(__name__).warning``) instead of printing; the
CLI's entry point configures the ``assistant`` logger so a user still sees each warning.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.cli.log import configure_logging


@pytest.fixture
def assistant_logger() -> Iterator[logging.Logger]:
    """The ``assistant`` logger, restored afterwards (logging state is process-wide)."""
    logger = logging.getLogger("assistant")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    yield logger
    logger.handlers[:], logger.level, logger.propagate = saved


def test_warnings_get_the_chinese_prefix_once(
    assistant_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging()
    configure_logging()  # idempotent: one handler, each line once
    log = logging.getLogger("assistant.ui.handlers")
    log.warning("知识库预热失败：%s", "磁盘已满")
    log.warning("警告：已带前缀的消息")
    log.error("索引损坏")
    log.info("不显示")
    assert capsys.readouterr().err.splitlines() == [
        "警告：知识库预热失败：磁盘已满",
        "警告：已带前缀的消息",
        "错误：索引损坏",
    ]


def test_degraded_retrieval_is_a_warning_on_stderr(
    assistant_logger: logging.Logger, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from assistant.llm.passages import knowledge_passages

    configure_logging()
    bad = tmp_path / "assistant.toml"
    bad.write_text("[knowledge\n", encoding="utf-8")  # not TOML: the index cannot be opened
    retriever, why = knowledge_passages(bad)
    assert retriever is None and why.startswith("unavailable")
    err = capsys.readouterr().err
    assert err.startswith("警告：知识库检索不可用，改写时不附资料：") and err.count("警告：") == 1


def test_the_entry_point_configures_logging(
    assistant_logger: logging.Logger, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.cli.app as cli

    def command() -> None:
        logging.getLogger("assistant.llm.passages").warning("知识库检索不可用：%s", "x")

    monkeypatch.setattr(cli, "app", command)
    cli.main()
    captured = capsys.readouterr()
    assert captured.err == "警告：知识库检索不可用：x\n" and captured.out == ""
