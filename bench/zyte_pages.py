"""Per-page precision/recall of newsparse on the Zyte benchmark, worst pages first
(a development aid; the official figures come from bench/compare.py).

    python bench/zyte_pages.py [--shared ../shared] [--top 25]
"""
from __future__ import annotations

import argparse
import gzip
import json
import pathlib
import sys
from collections import Counter

import newsparse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(pathlib.Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    bench = pathlib.Path(args.shared) / "benchmarks"
    sys.path.insert(0, str(bench))
    import zyte_metric  # type: ignore[import-not-found]

    truth = json.loads((bench / "zyte-article" / "ground-truth.json").read_text("utf-8"))
    rows = []
    for page_id, item in truth.items():
        html = gzip.open(bench / "zyte-article" / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8", errors="replace").read()
        predicted = newsparse.parse(html, url=item.get("url")).main.text
        gold = Counter(zyte_metric.shingles(item["articleBody"])) if hasattr(zyte_metric, "shingles") else None
        pred = Counter(zyte_metric.shingles(predicted)) if gold is not None else None
        if gold is None:
            raise SystemExit("zyte_metric has no shingles()")
        tp = sum((gold & pred).values())
        p = tp / max(1, sum(pred.values()))
        r = tp / max(1, sum(gold.values()))
        rows.append((min(p, r), p, r, page_id, item.get("url", "")))
    rows.sort()
    for _, p, r, page_id, url in rows[: args.top]:
        print(f"P={p:.2f} R={r:.2f} {page_id[:12]} {url[:90]}")
    print(f"mean P={sum(r[1] for r in rows)/len(rows):.3f} mean R={sum(r[2] for r in rows)/len(rows):.3f}")


if __name__ == "__main__":
    main()
