"""Does parse time grow linearly with input size? Times a typical page at 1x, 10x and 100x
its article length (the article's paragraphs replicated) and prints times and ratios.
A ratio near 10 between steps is linear; near 100 would be quadratic.

    python bench/scaling.py [PAGE.html] [--text DUMP.txt]

Defaults: examples/sample-article.html and examples/coupang-breach-page.txt. Not a test.
"""
from __future__ import annotations

import pathlib
import sys
import time

import newsparse

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
FACTORS = (1, 10, 100)


def scaled_html(page: str, factor: int) -> str:
    """The page with the run of <p> paragraphs inside its <article> repeated ``factor`` times."""
    start = page.index("<p", page.index("<article"))
    end = page.rindex("</p>", 0, page.index("</article>")) + len("</p>")
    return page[:start] + page[start:end] * factor + page[end:]


def scaled_text(dump: str, factor: int) -> str:
    """The dump with its first run of prose lines (the article body: long lines up to the
    next short heading) repeated ``factor`` times in place."""
    lines = dump.split("\n")
    first = next(i for i, line in enumerate(lines) if len(line) > 200)
    last = next(i for i in range(first, len(lines)) if 0 < len(lines[i].strip()) < 60)
    return "\n".join(lines[:first] + lines[first:last] * factor + lines[last:])


def best_time(source: str, fmt: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        newsparse.parse(source, format=fmt)  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - started)
    return best


def report(name: str, make, base: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    print(f"\n{name} ({fmt})")
    print(f"{'size':>6} {'bytes':>12} {'paragraphs':>11} {'seconds':>9} {'ratio':>7} {'ms/100KB':>9}")
    previous = None
    for factor in FACTORS:
        page = make(base, factor)
        paragraphs = len(newsparse.parse(page, format=fmt).main.paragraphs)  # type: ignore[arg-type]
        seconds = best_time(page, fmt, repeats=max(1, 20 // factor))
        ratio = f"{seconds / previous:7.1f}" if previous else "      -"
        size = len(page.encode("utf-8"))
        print(f"{factor:>5}x {size:>12,} {paragraphs:>11} {seconds:>9.4f} {ratio} {seconds * 1e8 / size:>9.1f}")
        previous = seconds


def main(argv: list[str]) -> None:
    html_path = pathlib.Path(argv[0]) if argv and not argv[0].startswith("--") else EXAMPLES / "sample-article.html"
    text_path = pathlib.Path(argv[argv.index("--text") + 1]) if "--text" in argv else EXAMPLES / "coupang-breach-page.txt"
    newsparse.parse(html_path)  # warm up: lexicons, lazy imports
    report(html_path.name, scaled_html, html_path.read_text("utf-8"), "html")
    report(text_path.name, scaled_text, text_path.read_text("utf-8"), "text")
    print("\nratio: time of this size / time of the previous size (10x the article each step);")
    print("ms/100KB: time per input size; flat (or falling) means linear growth")


if __name__ == "__main__":
    main(sys.argv[1:])
