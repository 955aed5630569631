"""Main-text accuracy of newsparse and trafilatura on the hand-made out-of-sample pages in
tests/fixtures/realpages (NAME.html + NAME.json {"url", "articleBody"}), scored with the
Zyte benchmark's metric (4-token shingles; per-page P/R averaged, F1 of the means).

    python bench/realpages.py [FOLDER] [--shared ../shared] [--pages] [--only newsparse]

FOLDER defaults to tests/fixtures/realpages (tests/fixtures/realpages2 is a second,
independently written set).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
FIXTURES = HERE.parent / "tests" / "fixtures" / "realpages"


def _extractors(only: str | None) -> dict:
    found = {}
    if only in (None, "newsparse"):
        import newsparse

        found["newsparse"] = lambda html, url: newsparse.parse(html, url=url).main.text
    if only in (None, "trafilatura"):
        import trafilatura

        found["trafilatura"] = lambda html, url: trafilatura.extract(html, include_comments=False)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default=str(FIXTURES), help="folder of NAME.html + NAME.json pages")
    parser.add_argument("--shared", default=str(HERE.parents[1] / "shared"))
    parser.add_argument("--pages", action="store_true", help="print per-page precision/recall")
    parser.add_argument("--only", choices=("newsparse", "trafilatura"))
    args = parser.parse_args()
    sys.path.insert(0, str(pathlib.Path(args.shared) / "benchmarks"))
    import zyte_metric  # type: ignore[import-not-found]

    truth = {}
    pages = {}
    for path in sorted(pathlib.Path(args.folder).glob("*.html")):
        truth[path.stem] = json.loads(path.with_suffix(".json").read_text("utf-8"))
        pages[path.stem] = path.read_text("utf-8")
    for name, extract in _extractors(args.only).items():
        predictions = {}
        for page_id, html in pages.items():
            try:
                predictions[page_id] = extract(html, truth[page_id].get("url")) or ""
            except Exception as error:  # a crash counts as an empty output
                print(f"  {name} crashed on {page_id}: {error!r}")
                predictions[page_id] = ""
        if args.pages:
            for page_id in pages:
                tp, fp, fn = zyte_metric.page_counts(truth[page_id]["articleBody"], predictions[page_id])
                p = tp / (tp + fp) if tp + fp else 0.0
                r = tp / (tp + fn) if tp + fn else 0.0
                print(f"  {name:12s} P={p:.2f} R={r:.2f} {page_id}")
        figures = zyte_metric.score(predictions, truth, n_bootstrap=0)
        print(f"{name:12s} P={figures['precision']:.3f} R={figures['recall']:.3f} F1={figures['f1']:.3f}  ({len(pages)} pages)")


if __name__ == "__main__":
    main()
