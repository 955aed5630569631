"""newsparse beside trafilatura on the Zyte benchmark, in one run: F1, precision, recall,
pages/s, the speed ratio, and the peak memory of a process that parses every page.

    python bench/compare.py [--shared ../shared] [--repeat 3]

Needs trafilatura (and lxml_html_clean for recent lxml) in the same environment:
    pip install trafilatura lxml_html_clean
The accuracy and speed figures come from the shared runner
(``shared/benchmarks/run_extractors.py``), which interleaves the two extractors page
block by page block so that background load hits both alike. Peak memory is measured
in a fresh process per extractor (``ru_maxrss``), so one's memory never counts for the other.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

_PEAK = """
import gzip, pathlib, resource, sys
folder = pathlib.Path(sys.argv[2])
name = sys.argv[1]
if name == "newsparse":
    import newsparse
    run = lambda html: newsparse.parse(html).main.text
else:
    import trafilatura
    run = lambda html: trafilatura.extract(html, include_comments=False)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for path in sorted(folder.glob("*.html.gz")):
    run(gzip.open(path, "rt", encoding="utf-8", errors="replace").read())
print(before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(pathlib.Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bench = pathlib.Path(args.shared) / "benchmarks"
    with tempfile.TemporaryDirectory() as tmp:
        figures = pathlib.Path(tmp) / "figures.json"
        subprocess.run(
            [sys.executable, str(bench / "run_extractors.py"), "--extractor", "newsparse,trafilatura",
             "--repeat", str(args.repeat), "--json", str(figures)],
            check=True,
        )
        results = {r["name"]: r for r in json.loads(figures.read_text())["results"]}
    print()
    print("| extractor | precision | recall | F1 | pages/s | speed vs trafilatura | peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|")
    speed = {}
    for name, row in results.items():
        speed[name] = row.get("pages_per_s") or 0.0
    for name, row in results.items():
        before, after = _peak(name, bench / "zyte-article" / "html")
        ratio = speed[name] / speed["trafilatura"] if speed.get("trafilatura") else float("nan")
        metrics = row.get("metrics", {})
        print(
            f"| {name} | {metrics.get('precision', float('nan')):.3f} | {metrics.get('recall', float('nan')):.3f} | "
            f"{metrics.get('f1', float('nan')):.3f} | {speed[name]:.1f} | {ratio:.2f}x | {after / 1024:.0f} "
            f"(after imports {before / 1024:.0f}) |"
        )


def _peak(name: str, folder: pathlib.Path) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", _PEAK, name, str(folder)], capture_output=True, text=True, check=True)
    before, after = out.stdout.split()
    return int(before), int(after)


if __name__ == "__main__":
    main()
