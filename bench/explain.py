"""Print every block of a page with its label, kind and reason (a debugging aid).

    python bench/explain.py PAGE
"""
from __future__ import annotations

import pathlib
import sys

from newsparse import classify, html_blocks, lexicon, text_blocks
from newsparse.api import _html_tree, _label_test
from newsparse.inputs import read
from newsparse.meta import HeadMeta, read_head
from newsparse.page import Page


def explain(path: str) -> None:
    raw = read(pathlib.Path(path))
    words = lexicon.load()
    if raw.format == "html":
        root = _html_tree(raw.text)
        blocks, nodes = html_blocks.split(root)
        head = read_head(root)
    else:
        blocks, nodes, head = text_blocks.split(raw.text, _label_test(words)), {}, HeadMeta()
    page = classify.run(Page(blocks=blocks, nodes=nodes, format=raw.format, lexicon=words, head=head))
    print(f"title={page.title} published={page.published} authors={page.authors} main_start={page.main_start}")
    for b in page.blocks:
        sec = f"s{b.section}" if b.section is not None else "  "
        print(f"{b.index:3d} {sec} {b.label.value:15s} {str(b.kind or ''):15s} {b.hit or '':18s} | {b.text[:70]}")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        explain(name)
