"""Milliseconds per page spent in each stage and pass, over the Zyte pages (a profiling aid).

    python bench/stages.py [HTML_DIR]
"""
from __future__ import annotations

import glob
import gzip
import pathlib
import sys
import time
from collections import defaultdict

import newsparse
from newsparse import assemble, classify, html_blocks, inputs, lexicon
from newsparse.api import _html_tree
from newsparse.meta import read_head
from newsparse.page import Page


def main() -> None:
    default = pathlib.Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "zyte-article" / "html"
    folder = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default
    pages = [gzip.open(f, "rt", encoding="utf-8", errors="replace").read() for f in sorted(glob.glob(str(folder / "*.gz")))]
    for page in pages:  # warm-up round, as the shared runner does (lazy imports, caches)
        newsparse.parse(page)
    spent: dict[str, float] = defaultdict(float)
    words = lexicon.load()

    def timed(name: str, fn, *args):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = fn(*args)
        spent[name] += time.perf_counter() - start
        return result

    for text in pages:
        raw = timed("decode", inputs.read, text)
        root = timed("lxml", _html_tree, raw.text)
        blocks, nodes = timed("blocks", html_blocks.split, root)
        head = timed("head", read_head, root)
        page = Page(blocks=blocks, nodes=nodes, format="html", lexicon=words, head=head)
        # (with every pass disabled, run() only measures the page: subtree sizes, landmarks)
        timed("structure", classify.run, page, tuple(name for name, _ in classify.PASSES))
        for name, apply in classify.PASSES:
            timed(name, apply, page)
        timed("assemble", assemble.build, page, raw)
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"{name:12s} {seconds / len(pages) * 1000:6.2f} ms/page")
    print(f"{'total':12s} {sum(spent.values()) / len(pages) * 1000:6.2f} ms/page")


if __name__ == "__main__":
    main()
