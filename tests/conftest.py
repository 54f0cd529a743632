from __future__ import annotations

import os

# Tests never reach the network: no analytics, no model downloads.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
# The audit trail of CLI runs in tests goes to a throwaway file, never the user's store.
if "ASSISTANT_AUDIT_DB" not in os.environ:
    import tempfile

    os.environ["ASSISTANT_AUDIT_DB"] = os.path.join(
        tempfile.mkdtemp(prefix="assistant-audit-"), "audit.sqlite3"
    )
