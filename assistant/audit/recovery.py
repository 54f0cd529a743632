"""Opening the configured store without ever failing a command, and recovering a broken one.

Why: the audit trail serves the user's work, not the other way round.  ``check``,
``rewrite``, ``ask`` and ``serve`` open the store with :func:`open_audit`: a store that
cannot be opened (corrupt, locked, unwritable folder) is reported once through the
``assistant.audit`` logger and the command runs with auditing off.  ``doctor`` says what is
wrong and how to fix it; ``audit export``/``purge`` stop with exit 2 and name
``assistant audit reset`` — which moves the broken file aside (never deletes it: it may
still be readable by a recovery tool, and it is a compliance record) and starts a new one.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from assistant.audit.store import AuditStore, AuditStoreError

log = logging.getLogger("assistant.audit")

#: Files that belong to one SQLite database besides the main file.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def open_store(config: Path | str | None = None, *, secrets: Iterable[str | None] = ()) -> AuditStore | None:
    """The configured store whether or not ``[audit] enabled`` — the UI keeps reviews in it
    even with auditing off — or ``None``, with one warning, when it cannot be opened.

    A bad ``[audit]`` table still raises :class:`~assistant.errors.ConfigError`: that is
    the user's to fix, not a reason to stop recording silently.
    """
    from assistant.llm.config import load_audit_config

    cfg = load_audit_config(config)
    try:
        return AuditStore(
            cfg.path, secrets=secrets, retention_months=cfg.retention_months, store_text=cfg.store_text
        )
    except AuditStoreError as exc:
        log.warning("%s；本次不记录审计", exc)
        return None


def open_audit(config: Path | str | None = None, *, secrets: Iterable[str | None] = ()) -> AuditStore | None:
    """The store to record events and model calls in, or ``None`` when auditing is switched
    off or the store cannot be opened (then with one warning)."""
    from assistant.llm.config import load_audit_config

    if not load_audit_config(config).enabled:
        return None
    return open_store(config, secrets=secrets)


def diagnose(path: Path) -> str:
    """What is wrong with the store at ``path``, as SQLite says it ("" when it opens and
    passes ``PRAGMA quick_check``).

    Done on a copy (with its ``-wal``/``-shm``): opening a damaged file can make SQLite
    checkpoint or delete those, and they are part of what ``reset`` must keep.
    """
    with tempfile.TemporaryDirectory(prefix="assistant-audit-check-") as tmp:
        copy = Path(tmp) / path.name
        for suffix in ("", *SIDE_SUFFIXES):
            source = Path(str(path) + suffix)
            if source.exists():
                shutil.copy2(source, Path(str(copy) + suffix))
        try:
            with AuditStore(copy) as store:
                store.verify()
        except AuditStoreError as exc:
            return exc.reason
    return ""


@dataclass
class ResetOutcome:
    """Where the old files went and where the new store is."""

    path: Path
    moved: list[tuple[Path, Path]] = field(default_factory=list)


def _aside(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while any(Path(str(target) + s).exists() for s in ("", *SIDE_SUFFIXES)):
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    return target


def reset_store(path: Path, *, now: datetime | None = None) -> ResetOutcome:
    """Move ``path`` and its ``-wal``/``-shm``/``-journal`` files to
    ``<name>.corrupt-<UTC timestamp>`` (same suffixes, so they still open together) and
    create a fresh, empty store at ``path``."""
    outcome = ResetOutcome(path=path)
    target = _aside(path, now or datetime.now(UTC))
    for suffix in ("", *SIDE_SUFFIXES):
        old = Path(str(path) + suffix)
        if old.exists():
            new = Path(str(target) + suffix)
            old.rename(new)
            outcome.moved.append((old, new))
    AuditStore(path).close()
    return outcome
