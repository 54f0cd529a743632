"""The audit store: one SQLite file for events, model calls, reviews and feedback.

Callers need only this package's top level::

    from assistant.audit import open_audit, new_event_id

    store = open_audit(config, secrets=config_secrets(cfg))  # None: auditing off or store broken
    if store is not None:
        with store:
            store.record_event("check", input=..., output=..., status="pass")  # never raises

:mod:`~assistant.audit.store` holds the store, :mod:`~assistant.audit.migrations` its
schema, :mod:`~assistant.audit.privacy` how texts are kept (personal data masked by
default) and :mod:`~assistant.audit.recovery` opening without failing and ``audit reset``.
"""

from __future__ import annotations

from assistant.audit.privacy import STORE_TEXT_MODES, TextPolicy
from assistant.audit.recovery import ResetOutcome, diagnose, open_audit, open_store, reset_store
from assistant.audit.store import (
    CALL_COLUMNS,
    EVENT_COLUMNS,
    EXPORT_COLUMNS,
    TABLES,
    AuditStore,
    AuditStoreError,
    CorruptAuditStore,
    months_before,
    new_event_id,
    now_iso,
    parse_since,
)
from assistant.redact import REDACTED

__all__ = [
    "CALL_COLUMNS",
    "EVENT_COLUMNS",
    "EXPORT_COLUMNS",
    "REDACTED",
    "STORE_TEXT_MODES",
    "TABLES",
    "AuditStore",
    "AuditStoreError",
    "CorruptAuditStore",
    "ResetOutcome",
    "TextPolicy",
    "diagnose",
    "months_before",
    "new_event_id",
    "now_iso",
    "open_audit",
    "open_store",
    "parse_since",
    "reset_store",
]
