"""Show which predicted paragraphs of a Zyte page are not in the reference (extra) and
which reference paragraphs were missed (a development aid).

    python bench/zyte_diff.py PAGE_ID_PREFIX [--shared ../shared]
"""
from __future__ import annotations

import argparse
import gzip
import json
import pathlib
import re

import newsparse

_WORD = re.compile(r"\w+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("prefix")
    parser.add_argument("--shared", default=str(pathlib.Path(__file__).resolve().parents[2] / "shared"))
    args = parser.parse_args()
    bench = pathlib.Path(args.shared) / "benchmarks" / "zyte-article"
    truth = json.loads((bench / "ground-truth.json").read_text("utf-8"))
    page_id = next(k for k in truth if k.startswith(args.prefix))
    html = gzip.open(bench / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8", errors="replace").read()
    doc = newsparse.parse(html, url=truth[page_id].get("url"))
    gold = " ".join(_WORD.findall(truth[page_id]["articleBody"]))
    got = " ".join(_WORD.findall(doc.main.text))
    print("URL", truth[page_id].get("url"))
    for paragraph in doc.main.paragraphs:
        words = " ".join(_WORD.findall(paragraph))
        if words and words not in gold:
            print("  EXTRA |", paragraph[:150])
    for paragraph in truth[page_id]["articleBody"].split("\n"):
        words = " ".join(_WORD.findall(paragraph))
        if words and words not in got:
            print("  MISSED|", paragraph[:150])


if __name__ == "__main__":
    main()
