"""Instructions per page, newsparse beside trafilatura: a speed measure the machine's load
does not move (wall-clock ratios vary by about ±0.07 from run to run).

    python bench/instructions.py [--every 3]

Needs valgrind. Each extractor runs twice under callgrind: once parsing nothing (imports,
lexicons, models, a warm-up page) and once parsing every ``--every``-th Zyte page; the
difference, divided by the number of pages, is what one page costs. Takes a few minutes.
"""
from __future__ import annotations

import argparse
import glob
import gzip
import os
import pathlib
import re
import shutil
import subprocess
import sys

ZYTE = pathlib.Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "zyte-article" / "html"


def _pages(every: int) -> list[str]:
    files = sorted(glob.glob(str(ZYTE / "*.gz")))[::every]
    return [gzip.open(f, "rt", encoding="utf-8", errors="replace").read() for f in files]


def _run(extractor: str, every: int, parse: bool) -> None:
    """The measured program: load the extractor, warm it up, parse the pages if asked."""
    pages = _pages(every)
    if extractor == "newsparse":
        import newsparse

        def extract(html: str) -> object:
            return newsparse.parse(html).main.text

    else:
        import trafilatura

        def extract(html: str) -> object:
            return trafilatura.extract(html)

    extract(pages[0])
    if parse:
        for page in pages:
            extract(page)


def _instructions(extractor: str, every: int, parse: bool) -> int:
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        sys.executable, __file__, "--child", extractor, "--every", str(every),
    ] + (["--parse"] if parse else [])
    env = dict(os.environ, PYTHONHASHSEED="0")  # (same dict layouts in both runs)
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=3, help="take every n-th Zyte page (default 3: 61 pages)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--parse", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _run(args.child, args.every, args.parse)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    count = len(_pages(args.every))
    per_page = {}
    for extractor in ("newsparse", "trafilatura"):
        base = _instructions(extractor, args.every, parse=False)
        full = _instructions(extractor, args.every, parse=True)
        per_page[extractor] = (full - base) / count / 1e6
        print(f"{extractor:12s} {per_page[extractor]:6.1f} M instructions/page ({count} pages)", flush=True)
    print(f"trafilatura / newsparse: {per_page['trafilatura'] / per_page['newsparse']:.2f}x")


if __name__ == "__main__":
    main()
