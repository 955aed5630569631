"""Print every block of a page with its label, kind and reason (a debugging aid).

    python bench/explain.py PAGE
"""
from __future__ import annotations

import pathlib
import sys

from newsparse.api import classified
from newsparse.inputs import read


def explain(path: str) -> None:
    page = classified(read(pathlib.Path(path)))
    print(f"title={page.title} published={page.published} authors={page.authors} main_start={page.main_start}")
    for b in page.blocks:
        sec = f"s{b.section}" if b.section is not None else "  "
        print(f"{b.index:3d} {sec} {b.label.value:15s} {str(b.kind or ''):15s} {b.hit or '':18s} | {b.text[:70]}")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        explain(name)
