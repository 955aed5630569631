"""Benchmark of `newsparse batch`: throughput with 1 and 2 workers, and peak memory while
streaming a large WARC (a measurement script, not a test).

    python bench/batch_bench.py [FOLDER] [--passes 3] [--warc-mb 500] [--skip-memory]

FOLDER holds the pages (default: ../shared/benchmarks/zyte-article/html relative to the
repository, 181 .html.gz pages).

* Throughput: `newsparse batch FOLDER... --workers N` runs in a subprocess, for N = 1
  and 2, over ``--passes`` copies of the folder (so that process start-up and the one-off
  loading of lexicons and lazy imports weigh as little as in a real batch); pages/s is
  the batch's own figure (from its first page to its last line), taken as the best of
  ``--rounds`` runs. Target: 2 workers >= 1.7x 1 worker (on a 2-core machine).
* Memory: a WARC of at least ``--warc-mb`` MB is written to a temporary folder (the
  folder's pages repeated, records written one at a time with warcio), streamed through
  `newsparse batch --workers 2`, and the resident memory of the whole batch (the parent
  plus its worker processes) is sampled every 20 ms; the temporary folder is deleted
  afterwards. The same is done on a WARC a tenth of the size, to show that the peak does
  not grow with the WARC. Target: peak RSS (sum over the processes) under 400 MB.

The machine should be otherwise idle: the load average is printed with the figures.
"""
from __future__ import annotations

import argparse
import gzip
import io
import os
import pathlib
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = ROOT.parent / "shared" / "benchmarks" / "zyte-article" / "html"
SUMMARY = re.compile(r"(\d+) parsed, (\d+) failed.*?([\d.]+) s \(([\d.]+) pages/s\)")


# ------------------------------------------------------------------ memory of a process tree


def _tree(pid: int) -> list[int]:
    """pid and all its descendants (from /proc; no psutil needed)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _memory(pid: int) -> tuple[int, int, int]:
    """(summed RSS, summed PSS, number of processes) of a process tree, in bytes."""
    rss = pss = count = 0
    for member in _tree(pid):
        try:
            with open(f"/proc/{member}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1]) * 1024
                        count += 1
                        break
            with open(f"/proc/{member}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return rss, pss, count


class Sampler(threading.Thread):
    """Samples a process tree's memory until stopped; keeps the peaks."""

    def __init__(self, pid: int, every: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_rss = self.peak_pss = self.processes = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            rss, pss, count = _memory(self.pid)
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.processes = max(self.processes, count)
            self.stopped.wait(self.every)


# ------------------------------------------------------------------ runs


def run_batch(inputs: list[str], workers: int, out: pathlib.Path, sample: bool = False) -> dict[str, float]:
    """One `newsparse batch` subprocess: its summary figures (and memory peaks if ``sample``)."""
    command = [sys.executable, "-m", "newsparse", "batch", *inputs, "-o", str(out), "--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(process.pid) if sample else None
    if sampler:
        sampler.start()
    _, stderr = process.communicate()
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the batch and its workers, all waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if sampler:
        sampler.stopped.set()
        sampler.join()
    match = SUMMARY.search(stderr)
    if process.returncode not in (0, 1) or not match:
        raise SystemExit(f"newsparse batch failed ({process.returncode}):\n{stderr}")
    figures = {
        "parsed": int(match.group(1)),
        "failed": int(match.group(2)),
        "seconds": float(match.group(3)),
        "pages_per_s": float(match.group(4)),
        "wall": wall,
        "cpu": cpu,
    }
    if sampler:
        figures.update(peak_rss=sampler.peak_rss, peak_pss=sampler.peak_pss, processes=sampler.processes)
    return figures


def throughput(folder: pathlib.Path, passes: int, rounds: int, scratch: pathlib.Path) -> dict[int, dict[str, float]]:
    """Best of ``rounds`` runs per worker count; the counts take turns, so that a burst of
    load from elsewhere does not hit one of them only."""
    best: dict[int, dict[str, float]] = {}
    for _ in range(rounds):
        for workers in (1, 2):
            figures = run_batch([str(folder)] * passes, workers, scratch / f"out-{workers}.jsonl")
            if workers not in best or figures["pages_per_s"] > best[workers]["pages_per_s"]:
                best[workers] = figures
    for workers, figures in best.items():
        print(
            f"  {workers} worker{'s' if workers > 1 else ' '}: {figures['pages_per_s']:6.1f} pages/s "
            f"({figures['parsed']:.0f} pages in {figures['seconds']:.1f} s, {figures['wall']:.1f} s with "
            f"start-up; {1000 * figures['cpu'] / figures['parsed']:.1f} ms CPU per page)",
            flush=True,
        )
    return best


def write_warc(path: pathlib.Path, pages: list[tuple[str, bytes]], megabytes: float) -> int:
    """Repeat the pages as WARC response records until the file has ``megabytes`` MB."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    target = int(megabytes * 1_000_000)
    records = 0
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        while handle.tell() < target:
            for name, body in pages:
                uri = f"https://bench.example/{records}/{name}"
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
                )
                records += 1
                if handle.tell() >= target:
                    break
    return records


def memory(folder: pathlib.Path, megabytes: float, scratch: pathlib.Path) -> list[dict[str, float]]:
    pages = [(p.name[: -len(".html.gz")], gzip.decompress(p.read_bytes())) for p in sorted(folder.glob("*.html.gz"))]
    pages += [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.html"))]
    if not pages:
        raise SystemExit(f"no .html or .html.gz pages in {folder}")
    results = []
    for size in (megabytes / 10, megabytes):
        warc = scratch / "bench.warc"
        started = time.monotonic()
        records = write_warc(warc, pages, size)
        written = time.monotonic() - started
        figures = run_batch([str(warc)], 2, scratch / "warc.jsonl", sample=True)
        figures.update(warc_mb=warc.stat().st_size / 1e6, records=records)
        results.append(figures)
        print(
            f"  WARC {figures['warc_mb']:7.1f} MB ({records} records, written in {written:.0f} s): "
            f"peak RSS {figures['peak_rss'] / 1e6:5.0f} MB, peak PSS {figures['peak_pss'] / 1e6:5.0f} MB "
            f"(sums over {figures['processes']:.0f} processes); "
            f"{figures['pages_per_s']:.1f} pages/s, {figures['failed']:.0f} failed",
            flush=True,
        )
        warc.unlink()
        (scratch / "warc.jsonl").unlink()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER), help="the pages (default: %(default)s)")
    parser.add_argument("--passes", type=int, default=3, help="copies of the folder per run (default 3)")
    parser.add_argument("--rounds", type=int, default=3, help="runs per worker count; the best counts (default 3)")
    parser.add_argument("--warc-mb", type=float, default=500, help="size of the generated WARC (default 500)")
    parser.add_argument("--skip-memory", action="store_true", help="throughput only")
    parser.add_argument("--skip-throughput", action="store_true", help="memory only")
    args = parser.parse_args()
    folder = pathlib.Path(args.folder)
    if not folder.is_dir():
        raise SystemExit(f"{folder} is not a folder of pages; pass the folder as the first argument")
    count = sum(1 for _ in folder.iterdir())
    print(
        f"newsparse batch benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f}; {count} pages in {folder}",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="newsparse-bench-") as name:
        scratch = pathlib.Path(name)
        if not args.skip_throughput:
            print(f"throughput ({args.passes} passes over the folder, best of {args.rounds}):", flush=True)
            results = throughput(folder, args.passes, args.rounds, scratch)
            speedup = results[2]["pages_per_s"] / results[1]["pages_per_s"]
            verdict = "ok" if speedup >= 1.7 else "BELOW the 1.7x target"
            print(f"  speed-up with 2 workers: {speedup:.2f}x ({verdict})", flush=True)
        if not args.skip_memory:
            print("memory (--workers 2, whole batch: parent + workers):", flush=True)
            small, large = memory(folder, args.warc_mb, scratch)
            verdict = "ok" if large["peak_rss"] < 400e6 else "OVER the 400 MB target"
            growth = large["peak_rss"] / small["peak_rss"]
            print(f"  peak RSS {large['peak_rss'] / 1e6:.0f} MB ({verdict}); x{growth:.2f} for a 10x larger WARC", flush=True)
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
