"""Helpers shared by the audit store's tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def db_bytes(path: Path) -> bytes:
    """The database file and its -wal/-shm, as stored on disk (to prove what is *not* there)."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def call_fields(**overrides: Any) -> dict[str, Any]:
    """Keyword arguments for ``AuditStore.record_call`` with dull defaults."""
    fields: dict[str, Any] = {
        "event_id": None,
        "purpose": "rewrite",
        "model": "m",
        "endpoint": "http://127.0.0.1/v1",
        "attempt": 1,
        "prompt": [],
        "reply": "",
        "prompt_tokens": 1,
        "completion_tokens": 1,
        "usage_source": "server",
        "latency_ms": 1,
        "outcome": "ok",
    }
    fields.update(overrides)
    return fields
