"""Command line: ``quotelens quotes PATH`` prints who said what in each article;
``quotelens report PATH -o report.html`` writes the self-contained HTML report."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from quotelens.corpus import Corpus

# The columns of the table output (CSV and JSON carry every column of Corpus.quotes()).
_COLUMNS = ("article", "outlet", "date", "kind", "speaker", "speaker_id", "cue", "side",
            "groups", "text")


def _article_paths(path: Path, pattern: str, follow_links: bool = False) -> list[Path]:
    from quotelens.corpus import folder_files, printable_name
    from quotelens.metadata import NameTemplate

    if path.is_dir():
        glob = NameTemplate(pattern).glob if NameTemplate.is_template(pattern) else pattern
        files, skipped = folder_files(path, glob, follow_links)
        for p in skipped:
            print(f"quotelens: skipping {printable_name(str(p))}: a link leading outside {path} "
                  "(--follow-links reads it)", file=sys.stderr)
        if not files:
            raise SystemExit(f"quotelens: no files matching {pattern!r} in {path}")
        return files
    if path.is_file():
        return [path]
    raise SystemExit(f"quotelens: {path} does not exist")


def add_corpus_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments every command that loads a corpus takes (read by :func:`_corpus`)."""
    p.add_argument("path", type=Path, help="a text file or a folder of them")
    p.add_argument("--pattern", default="*.txt",
                   help="file pattern inside a folder; with {fields} also the metadata in "
                        "file names, e.g. '{outlet}_{date}_{slug}.txt'")
    p.add_argument("--metadata", type=Path, default=None,
                   help="CSV with an id or file column and outlet, date, title, url, ...")
    p.add_argument("--groups", type=Path, default=None,
                   help="CSV of speaker (name or speaker id),group: overrides the text")
    p.add_argument("--aliases", type=Path, default=None,
                   help="CSV of alias,name: names of one speaker")
    p.add_argument("--follow-links", action="store_true",
                   help="read links that lead outside the folder")


def _corpus(args: argparse.Namespace, progress: Optional[bool] = False) -> "Corpus":
    """The corpus of ``args.path`` with the metadata, name template, aliases and groups the
    flags give; unreadable files and unusable metadata rows are reported on stderr."""
    import warnings

    from quotelens.corpus import Corpus, CorpusWarning
    from quotelens.metadata import NameTemplate

    paths = _article_paths(args.path, args.pattern, args.follow_links)
    names = args.pattern if NameTemplate.is_template(args.pattern) else None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        try:
            corpus = Corpus.from_files(paths, errors="warn", progress=progress,
                                       metadata=args.metadata, names=names,
                                       aliases=args.aliases, groups=args.groups)
        except ValueError as e:
            # The message lists every file's reason.
            raise SystemExit(f"quotelens: {e}") from None
    for w in caught:
        print(f"quotelens: {w.message}", file=sys.stderr)
    return corpus


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


def _s(v: object) -> str:
    """A table cell: missing values (None, NaN) as empty text."""
    return "" if v is None or v != v else str(v)


def _rows(corpus: "Corpus", all_kinds: bool) -> list[dict[str, str]]:
    """The table's cells: :func:`_frame_rows` as text, groups joined by "; "."""
    df = _frame_rows(corpus, all_kinds)
    return [
        {c: "; ".join(v) if c == "groups" else _s(v) for c, v in zip(_COLUMNS, r)}
        for r in df[list(_COLUMNS)].itertuples(index=False)
    ]


def _shorten(s: str, width: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _print_table(corpus: "Corpus", rows: list[dict[str, str]]) -> None:
    widths = {"kind": 8, "speaker": 24, "cue": 10, "side": 14, "text": 72}
    by_article: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r)
    for a in corpus:
        print(f"\n== {a.id}: {_shorten(corpus.label(a.id or ''), 90)}")
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

    from quotelens.corpus import CorpusWarning
    from quotelens.report import write_report

    t0 = time.perf_counter()
    _check_output(args.output)
    progress = False if args.no_progress else None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        corpus = _corpus(args, progress)
        title = args.title or f"quotelens report: {args.path.name or args.path}"
        out = write_report(corpus, args.output, title=title)
    for w in caught:
        print(f"quotelens: {w.message}", file=sys.stderr)
    print(f"{corpus!r}")
    print(f"report written to {out.resolve()} in {time.perf_counter() - t0:.2f} s")
    return 0


def _cell(v: Any) -> Any:
    """A list as one CSV cell: ``"a; b"``, spans as ``"3:9; 12:20"``."""
    if not isinstance(v, list):
        return v
    return "; ".join(f"{x[0]}:{x[1]}" if isinstance(x, (tuple, list)) else str(x) for x in v)


def _frame_rows(corpus: "Corpus", all_kinds: bool) -> "pd.DataFrame":
    """``Corpus.quotes()`` as the CSV and JSON outputs carry it: every column, dates in ISO
    form; without ``--all`` the terms no one said are left out."""
    from quotelens.frames import scare_quotes

    df = corpus.quotes()
    if not all_kinds:
        df = df[~scare_quotes(df)]
    df = df.copy()
    for c in df.columns:
        if str(df[c].dtype).startswith("datetime"):
            df[c] = df[c].dt.strftime("%Y-%m-%d").where(df[c].notna(), None)
    return df


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the ``quotelens`` command. Output cut short by a closed pipe
    (``quotelens quotes DIR --format csv | head``) ends quietly."""
    try:
        return _main(argv)
    except BrokenPipeError:
        # Python flushes stdout again at exit; point it at nothing so that does not fail.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _main(argv: Optional[Sequence[str]] = None) -> int:
    from quotelens import __version__

    parser = argparse.ArgumentParser(prog="quotelens", description=__doc__)
    parser.add_argument("--version", action="version", version=f"quotelens {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    q = sub.add_parser("quotes", help="print who said what in each article")
    r = sub.add_parser("report", help="write the HTML report for a folder of articles")
    for p in (q, r):
        add_corpus_arguments(p)
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--all", action="store_true", help="include unattributed terms")
    r.add_argument("-o", "--output", type=Path, default=Path("report.html"),
                   help="where to write the report (default: report.html)")
    r.add_argument("--title", default=None, help="the report's heading")
    r.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    add_comparison_commands(sub)
    args = parser.parse_args(argv)
    for flag in ("metadata", "groups", "aliases"):
        f = getattr(args, flag)
        if f is not None and not f.is_file():
            raise SystemExit(f"quotelens: --{flag}: {f} is not a file")

    if args.command == "report":
        return _report(args)
    if args.command in CLI_COMMANDS:
        return run_comparison_command(args)
    corpus = _corpus(args)
    if args.format == "json":
        df = _frame_rows(corpus, args.all)
        json.dump(df.astype(object).where(df.notna(), None).to_dict("records"), sys.stdout,
                  ensure_ascii=False, indent=1)
        print()
    elif args.format == "csv":
        df = _frame_rows(corpus, args.all)
        # A list column is one cell: its items joined by "; " (groups), spans as
        # "start:end" (verbatim).
        for c in df.columns:
            if df[c].map(lambda v: isinstance(v, list)).any():
                df[c] = df[c].map(_cell)
        df.to_csv(sys.stdout, index=False)
    else:
        _print_table(corpus, _rows(corpus, args.all))
    sys.stdout.flush()
    return 0


# -- command line: `quotelens matches|statements|claims PATH` ---------------------------------

CLI_COMMANDS = ("matches", "statements", "claims")


def add_comparison_commands(sub: Any) -> None:
    """Add the comparison commands to the ``quotelens`` argument parser's subparsers."""
    helps = {
        "matches": "print the same quote reported by several articles (Corpus.quote_matches)",
        "statements": "print statements carried by several articles, with each variant's "
                      "word-level diff (Corpus.statements)",
        "claims": "print claims made in several articles, one row per member (Corpus.claims)",
    }
    for name in CLI_COMMANDS:
        p = sub.add_parser(name, help=helps[name])
        add_corpus_arguments(p)
        p.add_argument("--format", choices=("csv", "json"), default="csv")
        p.add_argument("--threshold", type=float, default=None,
                       help="least score, 0-100 (default: the method's default)")
        if name != "claims":
            p.add_argument("--no-unquoted", action="store_true",
                           help="do not look for quotes in other articles' running text")
        p.add_argument("--no-progress", action="store_true", help="hide the progress bars")


def run_comparison_command(args: argparse.Namespace) -> int:
    """Run a command added by :func:`add_comparison_commands`; the frame goes to stdout."""
    progress = False if args.no_progress else None
    # The same loading as `quotes` and `report`: metadata, name template, aliases and groups.
    corpus = _corpus(args, progress=progress)
    kw: dict[str, Any] = {} if args.threshold is None else {"threshold": args.threshold}
    try:
        if args.command == "matches":
            df = corpus.quote_matches(unquoted=not args.no_unquoted, progress=progress, **kw)
        elif args.command == "statements":
            df = corpus.statements(unquoted=not args.no_unquoted, progress=progress, **kw)
        else:
            df = corpus.claims(progress=progress, **kw).to_frame()
    except ValueError as e:
        raise SystemExit(f"quotelens: {e}") from None
    if args.format == "json":
        sys.stdout.write(df.to_json(orient="records", force_ascii=False, indent=1, date_format="iso"))
        print()
    else:
        # Lists (articles, outlets, variants) as JSON inside their cell.
        for c in df.columns:
            if df[c].map(lambda v: isinstance(v, (list, dict))).any():
                df[c] = df[c].map(lambda v: json.dumps(v, ensure_ascii=False))
        df.to_csv(sys.stdout, index=False)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
