"""The knowledge index and its retriever, built once per process on first use.

Building the index (first run) and loading the e5 model take seconds to minutes, so
:meth:`Knowledge.warm_up_async` can start it in a thread when a server starts; a question
asked before it is ready waits on the same lock instead of building twice.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class Knowledge:
    def __init__(self, config: Path | str | None = None) -> None:
        self.config = config
        self._lock = threading.Lock()
        self._retriever: Any = None
        self.error: str = ""

    @property
    def ready(self) -> bool:
        return self._retriever is not None

    def retriever(self) -> Any:
        """The hybrid retriever over the (incrementally updated) index."""
        self.build()
        return self._retriever

    def build(self, progress: Any = None) -> Any:
        """Bring the index up to date (once per process) and return the index report.

        ``progress`` is the index's progress callback (the CLI draws a bar); files that
        cannot be indexed are logged as warnings.  ``None`` when it was already built.
        """
        with self._lock:
            if self._retriever is not None:
                return None
            from assistant.knowledge.index import KnowledgeIndex, KnowledgeSettings
            from assistant.knowledge.retrieval import HybridRetriever

            index = KnowledgeIndex(KnowledgeSettings.load(self.config))
            report = index.ensure(progress=progress)
            for key, reason in report.failed:
                log.warning("知识文件 %s 无法索引：%s", key, reason)
            retriever = HybridRetriever(index)
            retriever.warm_up()
            self._retriever = retriever
            return report

    def warm_up_async(self) -> threading.Thread:
        def run() -> None:
            try:
                self.retriever()
            except Exception as exc:  # reported when a question needs it
                self.error = str(exc)
                log.warning("知识库预热失败：%s", exc)

        thread = threading.Thread(target=run, name="knowledge-warm-up", daemon=True)
        thread.start()
        return thread
