"""Command line: ``quotelens quotes PATH`` prints who said what in each article;
``quotelens report PATH -o report.html`` writes the self-contained HTML report."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Iterable, Optional, Sequence

from quotelens._core import Article

_COLUMNS = ("article", "kind", "speaker", "cue", "side", "text")


def _article_paths(path: Path, pattern: str, follow_links: bool = False) -> list[Path]:
    from quotelens.corpus import _printable, folder_files

    if path.is_dir():
        files, skipped = folder_files(path, pattern, follow_links)
        for p in skipped:
            print(f"quotelens: skipping {_printable(str(p))}: a link leading outside {path} "
                  "(--follow-links reads it)", file=sys.stderr)
        if not files:
            raise SystemExit(f"quotelens: no files matching {pattern!r} in {path}")
        return files
    if path.is_file():
        return [path]
    raise SystemExit(f"quotelens: {path} does not exist")


def _load(paths: Iterable[Path]) -> list[Article]:
    from quotelens.corpus import _printable

    articles = []
    failed = 0
    for p in paths:
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            print(f"quotelens: skipping {_printable(str(p))}: {e}", file=sys.stderr)
            failed += 1
            continue
        articles.append(Article(text, id=_printable(p.stem)))
    if not articles and failed:
        raise SystemExit(f"quotelens: none of the {failed} files could be loaded (reasons above)")
    return articles


def _check_output(path: Path) -> None:
    """Fail before the work, not after it, when the report cannot be written."""
    import os

    parent = path.parent
    if path.is_dir():
        raise SystemExit(f"quotelens: cannot write the report to {path}: it is a folder")
    if not parent.is_dir():
        raise SystemExit(f"quotelens: cannot write the report to {path}: "
                         f"{parent} does not exist")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise SystemExit(f"quotelens: cannot write the report to {path}: permission denied")


def _rows(articles: Sequence[Article], all_kinds: bool) -> list[dict[str, str]]:
    rows = []
    for a in articles:
        for q in a.quotes:
            if not all_kinds and q.kind == "term" and q.speaker is None:
                continue
            rows.append(
                {
                    "article": a.id or "",
                    "kind": q.kind,
                    "speaker": q.speaker or "",
                    "cue": q.cue or "",
                    "side": q.side or "",
                    "text": q.text,
                }
            )
    return rows


def _shorten(s: str, width: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _print_table(articles: Sequence[Article], rows: list[dict[str, str]]) -> None:
    widths = {"kind": 8, "speaker": 24, "cue": 10, "side": 14, "text": 72}
    by_article: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r)
    for a in articles:
        title = a.title or ""
        print(f"\n== {a.id}: {_shorten(title, 90)}")
        arows = by_article.get(a.id or "", [])
        if not arows:
            print("   (no quotes)")
            continue
        head = "   " + " ".join(c.upper().ljust(widths[c]) for c in widths)
        print(head)
        for r in arows:
            print("   " + " ".join(_shorten(r[c], widths[c]).ljust(widths[c]) for c in widths))


def _report(args: argparse.Namespace) -> int:
    import warnings

    from quotelens.corpus import Corpus, CorpusWarning
    from quotelens.report import write_report

    t0 = time.perf_counter()
    _check_output(args.output)
    paths = _article_paths(args.path, args.pattern, args.follow_links)
    progress = False if args.no_progress else None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        try:
            corpus = Corpus.from_files(paths, errors="warn", progress=progress)
        except ValueError as e:
            # The message lists every file's reason.
            raise SystemExit(f"quotelens: {e}") from None
    for w in caught:
        print(f"quotelens: {w.message}", file=sys.stderr)
    title = args.title or f"quotelens report: {args.path.name or args.path}"
    out = write_report(corpus, args.output, title=title)
    print(f"{corpus!r}")
    print(f"report written to {out.resolve()} in {time.perf_counter() - t0:.2f} s")
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the ``quotelens`` command."""
    parser = argparse.ArgumentParser(prog="quotelens", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    q = sub.add_parser("quotes", help="print who said what in each article")
    q.add_argument("path", type=Path, help="a text file or a folder of them")
    q.add_argument("--pattern", default="*.txt", help="file pattern inside a folder")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--all", action="store_true", help="include unattributed terms")
    q.add_argument("--follow-links", action="store_true",
                   help="read links that lead outside the folder")
    r = sub.add_parser("report", help="write the HTML report for a folder of articles")
    r.add_argument("path", type=Path, help="a text file or a folder of them")
    r.add_argument("-o", "--output", type=Path, default=Path("report.html"),
                   help="where to write the report (default: report.html)")
    r.add_argument("--pattern", default="*.txt", help="file pattern inside a folder")
    r.add_argument("--title", default=None, help="the report's heading")
    r.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    r.add_argument("--follow-links", action="store_true",
                   help="read links that lead outside the folder")
    from quotelens.compare import CLI_COMMANDS, add_cli_commands, run_cli_command

    add_cli_commands(sub)
    args = parser.parse_args(argv)

    if args.command == "report":
        return _report(args)
    if args.command in CLI_COMMANDS:
        return run_cli_command(args)
    articles = _load(_article_paths(args.path, args.pattern, args.follow_links))
    rows = _rows(articles, args.all)
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.format == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    else:
        _print_table(articles, rows)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
