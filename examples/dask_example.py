"""Parse the bundled example pages on a local Dask cluster (2 worker processes).

Run from anywhere after `pip install -e '.[dask]'`:

    python examples/dask_example.py

It builds a bag of records from the example pages (the same records `newsparse batch`
writes), adds two pages given as strings, writes them as JSON Lines to a temporary
folder and shows them as a Dask DataFrame.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

from newsparse.contrib.dask import bag_from_paths, is_error, parse_bag, to_dataframe

HERE = Path(__file__).resolve().parent
PAGES = [str(HERE / "coupang-breach-page.txt"), str(HERE / "sample-article.html")]


def main() -> None:
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster):
        # files, folders, globs, .jsonl and .warc(.gz) files, as on the command line
        records = bag_from_paths(PAGES)
        # or pages you already hold: str/bytes, or dicts with html/text, url and id
        inline = parse_bag(
            db.from_sequence(
                [
                    {"id": "inline-1", "html": "<h1>Harbour reopens</h1><p>The harbour reopened on Monday after repairs.</p>"},
                    "",  # an empty page: an error record, not an exception
                ]
            )
        )
        everything = db.concat([records, inline])

        with tempfile.TemporaryDirectory() as folder:
            everything.map(json.dumps).to_textfiles(f"{folder}/part-*.jsonl")
            print("JSON Lines:", sorted(path.name for path in Path(folder).iterdir()))

        for record in everything.filter(is_error).compute():
            print("failed:", record["id"], "-", record["error"])

        frame = to_dataframe(everything).compute()
        print(frame[["id", "title", "language", "ui_language", "n_related", "n_noise"]].to_string())


if __name__ == "__main__":
    main()
