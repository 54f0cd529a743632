"""Rebuildable data kept between runs in the per-user cache folder, as pickles.

Derived tables (the fold from OpenCC, pinyin readings) and parsed YAML take long to
make and never change for the same source, yet every ``assistant`` command needs them.
Each is stored under a key that names its source; any problem with the cache (missing,
corrupt, read-only folder) just means building again.
"""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["cache_path", "cached", "digest", "files_digest", "load", "package_stamp", "prune", "store"]


def digest(*parts: str | bytes) -> str:
    """The cache key of what an entry is made of (texts, file bytes, code stamps), in order."""
    import hashlib

    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update((part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part) + b"\0")
    return h.hexdigest()


def files_digest(paths: Iterable[Path]) -> str | None:
    """A digest of files by path and bytes (the rule files a cached entry was built from);
    None when one cannot be read, so the caller builds without the cache."""
    parts: list[str | bytes] = []
    for p in paths:
        try:
            parts += [str(p), p.read_bytes()]
        except OSError:
            return None
    return digest(*parts)


def cache_path(name: str) -> Path | None:
    """Where ``name`` (``folder/file.pickle``) lives in the cache, or None without a cache."""
    try:
        from assistant.paths import user_cache_dir

        return user_cache_dir() / name
    except Exception:
        return None


def load(path: Path | None) -> Any:
    """The object stored at ``path``, or None (absent, unreadable, no cache).

    The cycle collector is paused while a pickle is read: reading one creates its objects
    by the hundred thousand, each young generation filled triggers a collection, and every
    collection walks all that was read so far (the lexicon took ~50 ms to load with it,
    ~27 without).  Nothing read is garbage, so the pause frees nothing later than it would
    have been freed; the collector's previous state is restored."""
    if path is None:
        return None
    paused = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except Exception:
        return None
    finally:
        if paused:
            gc.enable()


def store(path: Path | None, value: Any) -> None:
    """Store ``value`` at ``path`` atomically (a temporary file, then a rename)."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # read-only cache folder, or a value that cannot be stored: build each time


def prune(path: Path | None, prefix: str, keep: int) -> None:
    """Remove all but the ``keep`` newest cache files beside ``path`` whose names start with
    ``prefix``.  A key names its source, so every rule, code or package change leaves the
    previous entry behind, never to be read again; without this the folder only grows."""
    if path is None:
        return
    try:
        files = sorted(path.parent.glob(f"{prefix}*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or shared cache folder: leaving old entries is harmless


def cached(key: str, build: Callable[[], dict[Any, Any]]) -> dict[Any, Any]:
    """``build()``, from the cache entry ``key`` when one holds a non-empty dict."""
    path = cache_path(f"{key}.pickle")
    table = load(path)
    if isinstance(table, dict) and table:
        return table
    table = build()
    store(path, table)
    prune(path, key.split("-", 1)[0] + "-", keep=2)  # fold-…, pinyin-…: older builds
    return table


def package_stamp(name: str) -> str:
    """A cheap identity of an installed package (its module file's size and mtime), for
    cache keys: reading its version through ``importlib.metadata`` costs more at start-up
    than the cache saves."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        st = os.stat(origin) if origin else None
    except (ImportError, OSError, ValueError):
        return "unknown"
    return f"{st.st_size}-{st.st_mtime_ns}" if st is not None else "unknown"
