"""Parse the two bundled example pages and print what newsparse found.

Run from anywhere after `pip install -e .`:

    python examples/quickstart.py
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import newsparse

HERE = Path(__file__).resolve().parent
PAGES = [
    HERE / "coupang-breach-page.txt",  # a plain-text dump: Arabic chrome, English content
    HERE / "sample-article.html",  # an HTML page: Arabic chrome, English content
]


def _short(text: str | None, width: int = 70) -> str:
    if text is None:
        return "-"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def show(path: Path) -> None:
    doc = newsparse.parse(path)
    main = doc.main
    print(f"== {path.name}")
    print(f"  title        {_short(main.title)}")
    print(f"  language     {main.language or '-'} (page chrome: {doc.ui_language or '-'})")
    print(f"  published    {main.published or '-'}")
    print(f"  authors      {', '.join(main.authors) or '-'}")
    print(f"  paragraphs   {len(main.paragraphs)}; first: {_short(main.paragraphs[0] if main.paragraphs else None)}")
    print(f"  related      {len(doc.related)} items")
    for item in doc.related:
        print(f"    - {_short(item.title or '(untitled) ' + item.summary, 66)}")
    people = doc.what_people_say
    print(f"  people say   {_short(people.heading) if people else '-'}: {_short(people.text if people else None, 50)}")
    for image in doc.images:
        flag = "AI-generated" if image.ai_generated else "photo"
        print(f"  image        [{flag}] {_short(image.alt or image.caption, 55)}")
    kinds = Counter(str(noise.kind) for noise in doc.noise)
    print(f"  noise        {sum(kinds.values())} pieces: {dict(sorted(kinds.items()))}")
    print()


def main() -> None:
    for path in PAGES:
        show(path)


if __name__ == "__main__":
    main()
