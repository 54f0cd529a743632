"""Throughput and memory of ``assistant campaign`` on a generated million-row send plan.

Run: .venv/bin/python benchmarks/bench_campaign.py [--rows 1000000] [--recipients 100000]
         [--workers 2] [--shuffle] [--personalised] [--keep]

The plan is a CSV like a scheduler export: ``recipient, send_time, text, kind, campaign``,
~``--recipients`` recipients with ~rows/recipients sends each over November 2026 (some at
night, some repeated, some over the monthly cap), drawn from the rule examples' texts (a few
dozen distinct texts, as in a real campaign).  Rows are in time order unless ``--shuffle``
(then the CLI sorts externally).  ``--personalised`` appends a per-row number to every text,
so every text is distinct and the checker cache cannot help: the worst case.

Prints wall time, rows/s, peak RSS of the largest process (GNU time) and the peak of the
whole process tree (main + check workers, sampled from /proc every 0.1 s), and the CLI's own
summary.  The last line, ``BENCH_JSON {...}``, carries the figures for scripts.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"

TEXTS = [
    ("【明德银行】信用卡境外消费享5%返现，活动截至12月31日，详询95555。回T退订", ""),
    ("【明德银行】双十一信用卡刷卡满300元立减30元，名额有限，先到先得。回T退订", ""),
    ("【明德银行】ETC信用卡免费办理，通行费9.5折，欢迎至网点申请。回T退订", ""),
    ("【明德银行】个人养老金账户开户有礼，开户即送10元立减金，详询客户经理。回T退订", ""),
    ("【明德银行】尊享理财，预期年化收益10.5%，保本无忧！回T退订", ""),
    ("【明德银行】“明德月月盈”本周开放申购，理财非存款，产品有风险，投资须谨慎。回T退订", "marketing"),
    ("【捷贷消费金融】最快3分钟到账，最高借20万，日息0.03%。回T退订", ""),
    ("【汇通支付】周末扫码付满50减5元，每人限享2次，快来参与！回复T退订", ""),
    ("【明德银行】您尾号3307的信用卡本期最低还款额为120.00元，最后还款日12月3日。", ""),
    ("【明德银行】您尾号3307的信用卡本期账单已出，应还1,200.00元，最后还款日12月3日。", "service"),
    ("【汇通支付】您尾号6783的银行卡于11月28日14:32支付88.00元，如非本人操作请致电客服。", ""),
    ("【捷贷消费金融】您本期应还款2,356.80元，还款日为12月5日，请确保还款账户余额充足。", ""),
    ("【安泰人寿】您的保单（尾号0921）已于2025年12月1日生效，保单详情可登录官网查看。", ""),
    ("【明德银行】活动详情 t.cn/aB9x 回T退订", ""),
    ("【明德银行】信用卡积分兑换季开启，回T领取兑换券。", ""),
    ("【明德银行】贵宾客户专享：本周六理财沙龙邀您莅临，回复Y报名。", ""),
]


def generate(path: Path, rows: int, recipients: int, seed: int, shuffle: bool, personalised: bool) -> None:
    """Sends spread over November in time order (one pass per "slot", recipients in random order)."""
    rng = random.Random(seed)
    start = dt.datetime(2026, 11, 1, 7, 30)
    minutes = 30 * 24 * 60
    per_slot = max(1, rows // 2000)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["recipient", "send_time", "text", "kind", "campaign"])
        written = 0
        buffer: list[list[str]] = []
        slot = 0
        while written < rows:
            n = min(per_slot, rows - written)
            # sends in one slot share a minute of the month (bulk sends), mostly during the day
            minute = int(slot * minutes / 2000)
            when = start + dt.timedelta(minutes=minute)
            stamp = when.strftime("%Y-%m-%d %H:%M")
            for _ in range(n):
                text, kind = TEXTS[rng.randrange(len(TEXTS))]
                if personalised:
                    text = f"{text} 编号{written}"
                phone = f"13{rng.randrange(recipients):09d}"
                buffer.append([phone, stamp, text, kind, f"c{slot % 7}"])
                written += 1
            slot += 1
            if len(buffer) >= 50_000:
                if shuffle:
                    rng.shuffle(buffer)
                w.writerows(buffer)
                buffer.clear()
        if shuffle:
            rng.shuffle(buffer)
        w.writerows(buffer)


def _tree_rss_kib(pid: int) -> int:
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_cli(plan: Path, workers: int, out_path: Path) -> dict[str, object]:
    cmd = [
        sys.executable,
        "-m",
        "assistant",
        "campaign",
        str(plan),
        "--format",
        "jsonl",
        "--workers",
        str(workers),
    ]
    gnu_time = sys.platform == "linux" and os.access("/usr/bin/time", os.X_OK)
    with tempfile.NamedTemporaryFile("r") as rss_file, out_path.open("wb") as out:
        if gnu_time:
            cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file.name, *cmd]
        peak_tree = 0
        done = threading.Event()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)

        def sample() -> None:
            nonlocal peak_tree
            while not done.is_set():
                peak_tree = max(peak_tree, _tree_rss_kib(proc.pid))
                time.sleep(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        rc = proc.wait()
        elapsed = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        done.set()
        sampler.join()
        largest = int(rss_file.read().split()[-1]) / 1024 if gnu_time else None
    if rc not in (0, 1):
        sys.exit(f"campaign failed with exit code {rc}: {' '.join(cmd)}")
    with out_path.open("rb") as fh:
        fh.seek(max(0, out_path.stat().st_size - 65536))
        summary = json.loads(fh.read().decode("utf-8", "replace").splitlines()[-1])["summary"]
    return {
        "seconds": round(elapsed, 2),
        # CPU seconds of the command and its workers: comparable even on a busy machine
        "cpu_seconds": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
        "exit_code": rc,
        "peak_rss_largest_process_mib": None if largest is None else round(largest, 1),
        "peak_rss_process_tree_mib": round(peak_tree / 1024, 1),
        "output_mib": round(out_path.stat().st_size / 2**20, 1),
        "summary": summary,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--shuffle", action="store_true", help="rows out of time order (external sort)")
    parser.add_argument("--personalised", action="store_true", help="every text distinct (no cache hits)")
    parser.add_argument("--keep", action="store_true", help="keep the generated plan and output")
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    tag = f"{args.rows}{'-shuffled' if args.shuffle else ''}{'-personalised' if args.personalised else ''}"
    plan = OUT / f"campaign-{tag}.csv"
    output = OUT / f"campaign-{tag}.out.jsonl"
    t0 = time.perf_counter()
    generate(plan, args.rows, args.recipients, args.seed, args.shuffle, args.personalised)
    gen_s = time.perf_counter() - t0
    print(f"generated {args.rows:,} rows, {plan.stat().st_size / 2**20:.0f} MiB, in {gen_s:.1f}s: {plan}")
    try:
        res = run_cli(plan, args.workers, output)
    finally:
        if not args.keep:
            plan.unlink(missing_ok=True)
    if not args.keep:
        output.unlink(missing_ok=True)
    s = res["summary"]
    assert isinstance(s, dict)
    rate = args.rows / float(res["seconds"])  # type: ignore[arg-type]
    print(
        f"assistant campaign --format jsonl --workers {args.workers}: {res['seconds']}s "
        f"({rate:,.0f} rows/s), {res['cpu_seconds']} CPU s, exit {res['exit_code']}"
    )
    print(
        f"peak RSS: largest process {res['peak_rss_largest_process_mib']} MiB, "
        f"process tree {res['peak_rss_process_tree_mib']} MiB; output {res['output_mib']} MiB"
    )
    print(
        f"rows {s['rows']:,}, recipients {s['recipients']:,}, distinct texts checked {s['distinct_texts_checked']:,}, "
        f"order {s['order']}, verdicts {s['verdicts']}"
    )
    print(f"rule counts {s['rule_counts']}")
    payload = {k: v for k, v in res.items() if k != "summary"}
    payload.update(
        rows=args.rows,
        recipients=args.recipients,
        workers=args.workers,
        shuffle=args.shuffle,
        personalised=args.personalised,
        rows_per_s=round(rate),
    )
    print("BENCH_JSON " + json.dumps(payload))


if __name__ == "__main__":
    main()
