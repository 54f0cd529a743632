"""One service layer under the CLI and the UI.

:class:`Assistant` is the product assembled once from the project config: the checker
(per sender profile and rule selection), the engine choice, the model client, the
knowledge index and the audit store.  The CLI commands and the Gradio handlers are thin
adapters over it, so a fix to how the product checks, rewrites, answers, runs a campaign
or audits lands in one place.  Every user-facing action writes exactly one audit event.
"""

from __future__ import annotations

from assistant.service.core import Assistant, BatchStats
from assistant.service.knowledge import Knowledge

__all__ = ["Assistant", "BatchStats", "Knowledge"]
