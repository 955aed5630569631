"""The command line: ``newsparse PAGE...`` and ``newsparse batch INPUT... -o OUT.jsonl``.

Exit codes: 0 every page parsed; 1 at least one page could not be parsed (each is
reported on stderr in one line); 2 the command line itself was wrong; 130 interrupted
(Ctrl-C). When the reader of stdout goes away (``newsparse ... | head``), it stops
quietly, with 141 as a process killed by SIGPIPE.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
from collections.abc import Sequence

from . import __version__
from .api import parse
from .errors import ParseError, UnsupportedInput
from .serialize import FORMATS, render

_DESCRIPTION = """\
Split scraped news pages (HTML or plain-text dumps, any language) into the article,
related blurbs, what people say, images, and the noise around them.

examples:
  newsparse page.html                      one page -> one JSON object
  newsparse a.html b.txt                   several pages -> JSON Lines, in order
  newsparse page.html --format markdown    the whole page as Markdown
  newsparse batch crawl/ -o out.jsonl      a folder (or .jsonl / .warc) -> JSON Lines
  cat page.html | newsparse -              read one page from standard input
  newsparse page.html --explain            every block with its label and the reason

`newsparse batch --help` lists the options of batch mode.
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = _run(args)
        sys.stdout.flush()  # here, not at exit, so that a closed pipe is caught below
        return code
    except KeyboardInterrupt:
        sys.stderr.write("\nnewsparse: interrupted\n")
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 141


def _run(args: list[str]) -> int:
    if args and args[0] == "batch":
        from .batch_cli import main as batch_main  # only loaded for batch runs

        return batch_main(args[1:])
    return _pages(args)


def _silence_stdout() -> None:
    """Point stdout at /dev/null: Python's final flush would hit the closed pipe again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (stdout replaced, as in tests)
        pass
    finally:
        os.close(null)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsparse",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("pages", nargs="+", metavar="PAGE", help="a page file (HTML or text dump), or - for stdin")
    parser.add_argument(
        "--format", "-f", choices=FORMATS, default=None, help="output format (default: json)"
    )
    parser.add_argument(
        "--input-format",
        choices=("auto", "html", "text"),
        default="auto",
        help="how to read the pages (default: auto-detect HTML vs text dump)",
    )
    parser.add_argument("--url", help="the page's URL, recorded in source.url")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="instead of the result, print every block of the page with its label and why "
        "(a table; with --format json, one JSON object per block)",
    )
    parser.add_argument("--version", action="version", version=f"newsparse {__version__}")
    return parser


def _pages(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    several = len(args.pages) > 1
    output_format = args.format or "json"  # (None: not given, so --explain prints its table)
    failed = 0
    for name in args.pages:
        try:
            _refuse_container(name)
            source: object = sys.stdin.buffer.read() if name == "-" else pathlib.Path(name)
            if args.explain:
                sys.stdout.write(_explain(source, args.input_format, as_json=args.format == "json"))
                continue
            doc = parse(source, url=args.url, format=args.input_format)
        except ParseError as error:
            print(f"newsparse: {name}: {error}", file=sys.stderr)
            failed += 1
            continue
        if output_format == "json" and several:
            sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        else:
            output = render(doc, output_format)
            sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 1 if failed else 0


_CONTAINER_ENDINGS = (".warc", ".arc", ".jsonl", ".ndjson", ".gz")


def _refuse_container(name: str) -> None:
    """A WARC or JSONL file holds many pages: parsed as one, it would give one odd page."""
    if not name.lower().endswith(_CONTAINER_ENDINGS):  # the usual case, without loading batch
        return
    from .batch_inputs import container

    kind = container(pathlib.Path(name))
    if kind is not None:
        raise UnsupportedInput(
            f"a {kind.upper()} file holds many pages: use `newsparse batch {name} -o out.jsonl`"
        )


def _explain(source: object, input_format: str, *, as_json: bool = False) -> str:
    """One line per block: index, label, noise kind, lexicon hit, text, reason (as a
    table, or as JSON Lines with the block's element path and whole text)."""
    from .api import classified
    from .inputs import read

    page = classified(read(source, format=input_format))
    if as_json:
        rows = (
            {
                "index": b.index,
                "label": b.label.value,
                "kind": b.kind.value if b.kind else None,
                "hit": b.hit,
                "hit_language": b.hit_language,
                "path": b.path,
                "text": b.text,
                "reason": b.reason or None,
            }
            for b in page.blocks
        )
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    lines = [f"# title block {page.title}, text starts at block {page.main_start}, published {page.published}"]
    for block in page.blocks:
        kind = f"{block.kind}" if block.kind else ""
        reason = f"  <- {block.reason}" if block.reason else ""
        lines.append(f"{block.index:4d} {block.label.value:15s} {kind:15s} {block.hit or '':20s} {block.text[:80]!r}{reason}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
