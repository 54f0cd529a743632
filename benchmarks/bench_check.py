"""Throughput of the checker on a traffic-like mix: library, CLI (1 and W workers), stages.

Run: .venv/bin/python benchmarks/bench_check.py [--n 100000] [--workers 2] [--mix traffic|fixtures]
     [--memory-lines 1000000]

Figures are messages per second.  Library figures are given in CPU time as well as wall
time: on a shared machine wall time swings with other load, CPU time much less.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ahocorasick

sys.path.insert(0, str(Path(__file__).resolve().parent))

from traffic import build_mix

from assistant.checker.engine import Checker
from assistant.checker.memo import MEMO_SIZE, CheckMemo
from assistant.text.normalize import normalize, normalize_term
from assistant.text.yamlload import load_yaml

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "knowledge" / "rules"
DIGIT = re.compile(r"[0-9]")
MIB = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss unit: bytes on macOS, KiB on Linux


def fixture_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(RULES.glob("*.examples.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        for key in ("fire", "ok"):
            for item in data.get(key) or []:
                text = item if isinstance(item, str) else (item or {}).get("text")
                if text:
                    texts.append(text)
    drafts = ROOT / "evals" / "drafts.jsonl"
    if drafts.exists():
        for line in drafts.read_text(encoding="utf-8").splitlines():
            if line.strip() and (text := json.loads(line).get("text")):
                texts.append(text)
    return texts


def fixture_mix(n: int, seed: int = 20240611) -> list[str]:
    """The rule examples and drafts cycled to n, one digit changed or a number appended."""
    base = fixture_texts()
    rng = random.Random(seed)
    out: list[str] = []
    for i in range(n):
        text = base[i % len(base)]
        if i >= len(base):
            digits = [m.start() for m in DIGIT.finditer(text)]
            if digits and rng.random() < 0.7:
                p = rng.choice(digits)
                text = text[:p] + str(rng.randrange(10)) + text[p + 1 :]
            else:
                text = f"{text} {rng.randrange(100, 10000)}"
        out.append(text)
    return out


def rule_words() -> list[str]:
    words: set[str] = set()
    for path in sorted(RULES.glob("[A-Z]*[0-9].yaml")):
        spec = load_yaml(path.read_text(encoding="utf-8")) or {}
        for term in spec.get("terms") or []:
            words.add(term if isinstance(term, str) else term["term"])
        words.update(spec.get("exempt") or [])
        for combo in spec.get("combos") or []:
            words.update(left + right for left in combo["left"] for right in combo["right"])
    return sorted({key for w in words if (key := normalize_term(w))})


def clocked(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds of this process, result)."""
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - w0, time.process_time() - c0, out


def time_library(checker: Checker, texts: list[str], workers: int) -> tuple[float, float, Counter[str]]:
    def run() -> Counter[str]:
        mix: Counter[str] = Counter()
        for r in checker.check_many(texts, workers=workers):
            mix[str(r.verdict)] += 1
        return mix

    return clocked(run)


def time_every_message(checker: Checker, texts: list[str]) -> tuple[float, float]:
    """(wall, CPU) of ``check`` on every message in turn: no repeat is taken from the memo
    of ``check_many``, so this is the cost of the per-message work alone."""
    wall, cpu, _ = clocked(lambda: [checker.check(t) for t in texts])
    return wall, cpu


def memo_share(checker: Checker, texts: list[str]) -> float:
    """The share of messages ``check_many`` takes from its memo: the memo itself, over a
    stand-in check (one result for every text), counts its hits."""
    result = checker.check(texts[0]) if texts else None
    memo = CheckMemo(lambda _text, _kind, _ptype: result)  # type: ignore[arg-type, return-value]
    for t in texts:
        memo(t, None, None)
    return memo.hits / len(texts) if texts else 0.0


def stages(checker: Checker, texts: list[str], chunk: int = 256) -> dict[str, float]:
    """CPU seconds of each stage of ``Checker.check``, each run over a chunk of messages in
    turn (small chunks, so that holding the intermediate objects does not itself cost).

    Lazily computed facts are charged to the stage that first needs them (the signature
    to the kind decision, links to the detectors).
    """
    from assistant.io.jsonlout import JsonlWriter

    class _Sink:
        encoding = "utf-8"

        def __init__(self) -> None:
            self.buffer = self

        def write(self, data: Any) -> int:
            return len(data)

        def flush(self) -> None:
            pass

    out: dict[str, float] = dict.fromkeys(
        ("normalise", "scan", "kind", "detectors", "context+result", "serialise"), 0.0
    )

    def stage(name: str, fn: Callable[[], Any]) -> Any:
        _, cpu, result = clocked(fn)
        out[name] += cpu
        return result

    writer = JsonlWriter(_Sink())  # type: ignore[arg-type]
    for i in range(0, len(texts), chunk):
        part = texts[i : i + chunk]
        nts = stage("normalise", lambda part=part: [normalize(t) for t in part])
        msgs = stage("scan", lambda nts=nts: [checker.read(nt) for nt in nts])
        kinds = stage("kind", lambda msgs=msgs: [checker.judge_kind(m, None) for m in msgs])
        raws = stage("detectors", lambda msgs=msgs: [checker.detect(m) for m in msgs])
        results = stage(
            "context+result",
            lambda part=part, msgs=msgs, raws=raws, kinds=kinds: [
                checker.finish(t, m, r, *k) for t, m, r, k in zip(part, msgs, raws, kinds, strict=True)
            ],
        )
        stage("serialise", lambda results=results: [writer.write(r.to_dict()) for r in results])
    writer.close()
    return out


def run_cli(path: str, extra: list[str]) -> tuple[float, float, int, int, float]:
    """(wall s, CPU s of the process and its children, exit code, output lines, peak RSS MiB).

    GNU time reports the peak RSS where present: a child spawned straight from this (large)
    process starts from its memory (vfork), and Linux keeps that high-water mark across exec.
    """
    cmd = [sys.executable, "-m", "assistant", "check", "-i", path, "--format", "jsonl", *extra]
    gnu_time = sys.platform == "linux" and os.access("/usr/bin/time", os.X_OK)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rss_file:
        if gnu_time:
            cmd = ["/usr/bin/time", "-f", "%M %U %S", "-o", rss_file.name, *cmd]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
        if rc not in (0, 1):
            sys.exit(f"CLI failed with exit code {rc}: {' '.join(cmd)}")
        out.seek(0)
        lines = sum(1 for _ in out)
        if gnu_time:
            rss_kib, user, system = rss_file.read().split()[-3:]
            peak, cpu = int(rss_kib) / 1024, float(user) + float(system)
        else:
            peak, cpu = usage.ru_maxrss / MIB, usage.ru_utime + usage.ru_stime
    return elapsed, cpu, rc, lines, peak


def cold_start(runs: int = 5) -> tuple[float, float]:
    """Best wall and CPU seconds of ``assistant check "…"`` (one message, fresh process)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cmd = [sys.executable, "-m", "assistant", "check", "【明德银行】本行理财产品稳赚不赔，年化收益12%。"]
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
        _, _, usage = os.wait4(proc.pid, 0)
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, usage.ru_utime + usage.ru_stime)
    return best_wall, best_cpu


def time_bare(texts: list[str], words: list[str]) -> float:
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()
    t0 = time.process_time()
    for t in texts:
        list(automaton.iter(t))
    return time.process_time() - t0


def time_matcher_py(texts: list[str], words: list[str]) -> float | None:
    try:
        from matcher_py import ProcessType, SimpleMatcherBuilder

        builder = SimpleMatcherBuilder()
        for i, w in enumerate(w for w in words if not set(w) & set("&~|\\")):  # skip operator chars
            builder.add_word(ProcessType.NONE, i + 1, w)
        matcher = builder.build()
        t0 = time.process_time()
        for t in texts:
            matcher.process(t)
        return time.process_time() - t0
    except Exception:
        return None


def write_jsonl(path: str, texts: list[str], count: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(count):
            fh.write(json.dumps({"text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100_000, help="number of messages (default 100000)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes for the parallel runs")
    ap.add_argument("--mix", choices=("traffic", "fixtures"), default="traffic")
    ap.add_argument(
        "--memory-lines", type=int, default=0, help="also run the CLI on this many lines for peak RSS"
    )
    args = ap.parse_args()
    n, w = args.n, args.workers

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    meta = {"python": platform.python_version(), "cpus": os.cpu_count(), "n": n, "workers": w}
    if args.mix == "traffic":
        mix = build_mix(n)
        texts = [t for _, t in mix]
        groups = Counter(g for g, _ in mix)
        described = ", ".join(f"{g} {c / n:.0%}" for g, c in groups.items())
    else:
        texts = fixture_mix(n)
        described = "rule examples and drafts, cycled"
    print(
        f"N={n}, mix: {args.mix} ({described}); Python {meta['python']}; CPUs {meta['cpus']}; load {load:.2f}"
    )

    checker = Checker()
    time_library(checker, texts[:2000], 1)  # warm-up: lazily built automata, caches
    wall1, cpu1, verdicts = time_library(checker, texts, 1)
    wall_w, _, verdicts_w = time_library(checker, texts, w)
    assert verdicts == verdicts_w, "parallel run disagrees with the serial run"
    print("verdicts: " + ", ".join(f"{k} {v / n:.0%}" for k, v in sorted(verdicts.items())))

    _, cpu_each = time_every_message(checker, texts)
    repeats = memo_share(checker, texts)
    cpu = stages(checker, texts)
    rates: dict[str, float | None] = {
        "library_1": n / wall1,
        "library_1_cpu": n / cpu1,
        "library_every_cpu": n / cpu_each,
        "library_w": n / wall_w,
    }
    rss: dict[str, float] = {}
    runs: list[tuple[str, int, list[str]]] = [
        ("n10", max(1, n // 10), []),
        ("n", n, []),
        ("n_workers", n, ["--workers", str(w)]),
    ]
    if args.memory_lines:
        runs.append(("memory", args.memory_lines, ["--workers", str(w)]))
    with tempfile.TemporaryDirectory() as tmp:
        for label, count, extra in runs:
            path = os.path.join(tmp, f"{label}.jsonl")
            write_jsonl(path, texts, count)
            secs, cli_cpu, rc, lines, rss[label] = run_cli(path, extra)
            assert lines == count, f"CLI wrote {lines} lines for {count} messages"
            rates[f"cli_{label}"] = count / secs
            rates[f"cli_{label}_cpu"] = count / cli_cpu
            print(
                f"CLI jsonl{''.join(' ' + a for a in extra)}: {count} msgs in {secs:.2f}s "
                f"({cli_cpu:.2f}s CPU), exit {rc}, {count / secs:,.0f} msgs/s, peak RSS {rss[label]:.1f} MiB"
            )
    cold_wall, cold_cpu = cold_start()

    words = rule_words()
    rates["bare_ahocorasick"] = n / time_bare(texts, words)
    t_mp = time_matcher_py(texts, words)
    rates["bare_matcher_py"] = n / t_mp if t_mp else None
    ratio1 = rates["bare_ahocorasick"] / rates["library_1_cpu"]

    rows: list[tuple[str, float | None]] = [
        ("library, 1 worker (wall)", rates["library_1"]),
        ("library, 1 worker (CPU time)", rates["library_1_cpu"]),
        ("library, every message checked (CPU time)", rates["library_every_cpu"]),
        (f"library, {w} workers (wall)", rates["library_w"]),
        ("CLI jsonl (wall, incl. startup)", rates["cli_n"]),
        (f"CLI jsonl --workers {w} (wall)", rates["cli_n_workers"]),
        (f"bare keyword pass ({len(words)} words, CPU)", rates["bare_ahocorasick"]),
        ("bare pass, matcher_py (CPU)", rates["bare_matcher_py"]),
    ]
    print(f"\n{'measure':<44}{'msgs/s':>12}")
    for name, rate in rows:
        if rate is not None:
            print(f"{name:<44}{rate:>12,.0f}")
    print(f"{'bare / library, 1 worker (CPU)':<44}{ratio1:>11.1f}x")
    print(f"repeats taken from check_many's memo: {repeats:.1%} of the messages (memo of {MEMO_SIZE:,})")
    total = sum(cpu.values())
    print(
        f"\nper-stage CPU time, µs per message (library, 1 worker; {n / total:,.0f} msgs/s with serialising):"
    )
    for name, secs in cpu.items():
        print(f"  {name:<16}{secs / n * 1e6:8.1f} µs  {secs / total:6.1%}")
    print(
        f'cold `assistant check "…"`: {cold_wall * 1000:.0f} ms wall, {cold_cpu * 1000:.0f} ms CPU (best of 5)'
    )
    mem = f", {rss['memory']:.1f} MiB for {args.memory_lines} lines" if "memory" in rss else ""
    print(f"CLI peak RSS: {rss['n10']:.1f} MiB for N/10, {rss['n']:.1f} MiB for N{mem}")
    print(f"Python {meta['python']}, CPUs {meta['cpus']}, N {n}, load average at start {load:.2f}")

    payload: dict[str, Any] = {**meta, "mix": args.mix, "load": round(load, 2)}
    payload |= {k: round(v, 1) if v is not None else None for k, v in rates.items()}
    payload |= {"ratio_bare_library_1": round(ratio1, 2), "memo_share": round(repeats, 4)}
    payload |= {f"stage_us_{k}": round(v / n * 1e6, 2) for k, v in cpu.items()}
    payload |= {"cold_ms_wall": round(cold_wall * 1000), "cold_ms_cpu": round(cold_cpu * 1000)}
    payload |= {f"cli_peak_rss_mib_{k}": round(v, 1) for k, v in rss.items()}
    print("BENCH_JSON " + json.dumps(payload, ensure_ascii=False))


if __name__ == "__main__":
    main()
