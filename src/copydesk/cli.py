"""The ``copydesk`` command: a thin shell over `copydesk.pipeline`, `copydesk.corpus` and
`copydesk.report`.

The exit codes are listed in `EXIT_CODES_HELP`, which ``copydesk --help`` prints.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from copydesk.corpus.model import DEFAULT_DB
from copydesk.errors import CopydeskError, InputError, OutputError
from copydesk.files import write_whole
from copydesk.model import Severity
from copydesk.report.escape import shown_in_terminal
from copydesk.version import __version__

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from copydesk.corpus.store import Store
    from copydesk.filtering import FindingFilter
    from copydesk.house import HouseStyle
    from copydesk.pipeline import CheckResult
    from copydesk.read.article import Article
    from copydesk.read.language import Lang

EXIT_OK = 0
EXIT_MAJOR = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports it
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE
EXIT_INTERNAL = 70  # EX_SOFTWARE: a fault in copydesk itself, not in the input
#: Every exit code, in the order ``--help`` (`EXIT_CODES_HELP`) and the README list them.
EXIT_CODES = (EXIT_OK, EXIT_MAJOR, EXIT_ERROR, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE)

EXIT_CODES_HELP = """\
Exit codes:
  0    no major finding among those kept (--min-severity, --ignore); ingest, scan,
       find-source, schema: done (ingest and scan also when some documents failed: they
       are listed, and recorded)
  1    at least one major finding kept (check, compare, corroborate)
  2    a usage, input or environment error, in one sentence on stderr: a missing or
       unreadable file, a text that is empty, too long or not English (see --lang), a URL
       that fails, an unknown kind, a full disk, a locked, damaged or read-only store,
       standard output closed or full
  70   a fault inside copydesk (COPYDESK_DEBUG=1 shows its traceback)
  130  interrupted
  141  the output pipe closed before the report was written
"""

FORMATS = ("text", "json", "html")
#: ``serve --log-level``: uvicorn's levels, least to most severe.
LOG_LEVELS = ("debug", "info", "warning", "error")

SEVERITIES = tuple(s.value for s in Severity)  # least severe first, as --min-severity reads
COLORS = ("auto", "always", "never")


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors in copydesk's one-line form (and exit 2)."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse drops a failed write of the help without a word; let it surface.
        if message:
            (file or sys.stderr).write(message)

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"copydesk: {message}; see '{self.prog} --help'.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="copydesk",
        description="An automated copy desk for English news: copy errors, broken "
        "attributions, contradictions, source redlines and corroboration, each with its span.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    output = _Parser(add_help=False)
    output.add_argument(
        "--format", choices=FORMATS, default="text", help="report format (default: text)"
    )
    output.add_argument("--out", metavar="FILE", help="write the report to FILE, not stdout")
    output.add_argument(
        "--color",
        choices=COLORS,
        default="auto",
        help="colour in the terminal report (default: auto, only on a terminal)",
    )
    network = _Parser(add_help=False)
    network.add_argument(
        "--allow-private-addresses",
        action="store_true",
        help="let URLs lead to loopback and private-network addresses (refused by default)",
    )

    house = _Parser(add_help=False)
    house.add_argument(
        "--config",
        metavar="FILE",
        help="the house style: accepted words and names, allowed reporting verbs, kinds to "
        "ignore or re-rank (default: copydesk.toml in the working directory, if there is one)",
    )

    filters = _Parser(add_help=False, parents=[house])
    filters.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        help="leave out findings below this severity (default: the house style's, else info, "
        "keep all); the exit code, the counts and every format follow the findings kept",
    )
    filters.add_argument(
        "--ignore",
        metavar="KIND[,KIND...]",
        type=_kinds,
        action="extend",
        default=[],
        help="leave out findings of these kinds: a kind ('spin.lowercase_name') or a family "
        "('spin', every kind it begins); a comma list, or repeat the option",
    )
    filters.add_argument(
        "--lang",
        metavar="en",
        help="the article is English: skip the language check that refuses a text read as "
        "another language (English copy thick with foreign names, scores, tables)",
    )

    check = commands.add_parser(
        "check",
        parents=[output, network, filters],
        help="check one article",
        description="Check one article: copy errors, attributions, contradictions; with "
        "--source, what changed against the source; with --db, the source found in a corpus "
        "and the claims corroborated against the other coverage.",
    )
    check.add_argument("article", metavar="PATH|URL|-", help="the article ('-' reads stdin)")
    check.add_argument("--source", metavar="SRC", help="the article's source (path or URL)")
    check.add_argument("--db", metavar="FILE", help="a corpus made by 'copydesk ingest'")
    check.set_defaults(run=_check)

    compare = commands.add_parser(
        "compare",
        parents=[output, network, filters],
        help="check an article against its source",
        description="Check ARTICLE against SOURCE (the same as 'check ARTICLE --source SOURCE').",
    )
    compare.add_argument("article", metavar="ARTICLE", help="the article (path, URL or '-')")
    compare.add_argument("source", metavar="SOURCE", help="its source (path, URL or '-')")
    compare.set_defaults(run=_compare, db=None)

    ingest = commands.add_parser(
        "ingest",
        parents=[network],
        help="store coverage in a corpus",
        description="Store directories of .html/.txt files, WARC files and files of URLs in "
        "a corpus (SQLite). Re-ingesting is idempotent; a killed ingest resumes.",
    )
    ingest.add_argument(
        "paths", metavar="PATH", nargs="+", help="folders, WARC files, files of URLs"
    )
    ingest.add_argument(
        "--db",
        metavar="FILE",
        default=DEFAULT_DB,
        help=f"the corpus to store into, created when missing (default: {DEFAULT_DB})",
    )
    ingest.add_argument("--quiet", action="store_true", help="no progress bar on stderr")
    ingest.set_defaults(run=_ingest)

    find = commands.add_parser(
        "find-source",
        parents=[network],
        help="rank an article's candidate sources in a corpus",
        description="Rank the corpus documents that may be ARTICLE's source, with their reuse "
        "share and a one-line reason.",
    )
    find.add_argument("article", metavar="ARTICLE", help="the article (path, URL or '-')")
    find.add_argument(
        "--db", metavar="FILE", required=True, help="a corpus made by 'copydesk ingest'"
    )
    find.add_argument("--limit", type=_positive, default=5, help="candidates shown (default: 5)")
    find.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="a table, or JSON as 'copydesk schema find-source' describes (default: text)",
    )
    find.add_argument("--out", metavar="FILE", help="write the ranking to FILE, not stdout")
    find.add_argument(
        "--color",
        choices=COLORS,
        default="auto",
        help="colour in the table (default: auto, only on a terminal)",
    )
    find.set_defaults(run=_find_source)

    corroborate = commands.add_parser(
        "corroborate",
        parents=[output, network, filters],
        help="check an article's claims against a corpus",
        description="Label each checkable claim of ARTICLE corroborated, contradicted or "
        "unverified against the other coverage in the corpus.",
    )
    corroborate.add_argument("article", metavar="ARTICLE", help="the article (path, URL or '-')")
    corroborate.add_argument(
        "--db", metavar="FILE", required=True, help="a corpus made by 'copydesk ingest'"
    )
    corroborate.set_defaults(run=_corroborate)

    scan = commands.add_parser(
        "scan",
        parents=[network, filters],
        help="check every article of a folder, crawl, URL list or corpus",
        description="Check every article of folders of .html/.txt files, WARC files and files "
        "of URLs (or, with --db and no INPUT, every document of a corpus against the rest of "
        "it), writing one JSON report per line to --out and a CSV summary beside it. A killed "
        "scan resumes: run it again with the same --out.",
    )
    scan.add_argument(
        "inputs",
        metavar="INPUT",
        nargs="*",
        help="folders, WARC files, JSONL files, files of URLs ('-': JSONL on standard input)",
    )
    scan.add_argument(
        "--out",
        metavar="FILE.jsonl",
        required=True,
        help="one JSON record per article ('-' for standard output; a name ending .gz is "
        "written gzip-compressed; a folder with --engine spark)",
    )
    scan.add_argument("--summary", metavar="FILE", help="the CSV summary (default: FILE.csv)")
    scan.add_argument("--jobs", type=_positive, default=1, help="worker processes (default: 1)")
    scan.add_argument(
        "--engine",
        choices=("local", "spark"),
        default="local",
        help="this machine, or a PySpark job (needs the 'spark' extra; default: local)",
    )
    scan.add_argument("--db", metavar="FILE", help="check against this corpus (and scan it)")
    scan.add_argument("--master", help="Spark master for --engine spark (default: local[JOBS])")
    scan.add_argument(
        "--slim",
        action="store_true",
        help="leave the ledger and the texts out of each record (under a third of the size)",
    )
    scan.add_argument("--quiet", action="store_true", help="no progress bar on stderr")
    scan.set_defaults(run=_scan)

    census = commands.add_parser(
        "census",
        parents=[network],
        help="find the families of copies in a crawl and the sites that reword them",
        description="Find which documents of a crawl are copies of one story (verbatim, "
        "trimmed or reworded), choose each family's original, compare every copy with it, "
        "and rank the sites by how much reworded copy they publish. Writes families.jsonl, "
        "sites.csv and index.html (with a redline per copy) into --out. A killed census "
        "resumes: run it again with the same --out.",
    )
    census.add_argument(
        "inputs",
        metavar="INPUT",
        nargs="*",
        help="folders (with index.tsv), WARC files, JSONL files, files of URLs",
    )
    census.add_argument("--out", metavar="DIR", required=True, help="the output folder")
    census.add_argument(
        "--db",
        metavar="FILE",
        help="the corpus to read the inputs into and take the census of (default: DIR/corpus.db)",
    )
    census.add_argument(
        "--engine",
        choices=("local", "spark"),
        default="local",
        help="this machine, or a PySpark job (needs the 'spark' extra; default: local)",
    )
    census.add_argument("--master", help="Spark master for --engine spark (default: local[JOBS])")
    census.add_argument("--jobs", type=_positive, default=1, help="worker processes (default: 1)")
    census.add_argument("--quiet", action="store_true", help="no progress bars on stderr")
    census.set_defaults(run=_census)

    schema = commands.add_parser(
        "schema",
        help="print the JSON report's schema",
        description="Print the JSON schema of the report that '--format json' writes, or "
        "of what 'find-source --format json' writes.",
    )
    schema.add_argument(
        "document",
        nargs="?",
        choices=("report", "find-source"),
        default="report",
        help="the document described (default: report)",
    )
    schema.add_argument("--out", metavar="FILE", help="write the schema to FILE, not stdout")
    schema.set_defaults(run=_schema)

    doctor = commands.add_parser(
        "doctor",
        parents=[house],
        help="say which model, lexicons, embeddings and house style are in use",
        description="Say which parser model, WordNet, vocabulary, thesauri, embeddings "
        "backend and house style copydesk uses, and why any is missing. Exits 2 when one it "
        "cannot work without is missing.",
    )
    doctor.set_defaults(run=_doctor)

    from copydesk.serve import DEFAULT_HOST, DEFAULT_PORT

    serve = commands.add_parser(
        "serve",
        parents=[house],
        help="run the HTTP service and its web page",
        description="Serve the checks over HTTP: /v1/check (the JSON or HTML report), "
        "/v2/check (LanguageTool-compatible), a web page at / and the API docs at /docs. "
        "URLs leading to loopback or private addresses are refused.",
    )
    serve.add_argument(
        "--host", default=DEFAULT_HOST, help=f"the address to listen on (default: {DEFAULT_HOST})"
    )
    serve.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"the port (default: {DEFAULT_PORT})"
    )
    serve.add_argument(
        "--log-level",
        choices=LOG_LEVELS,
        default="info",
        help="what the service logs to standard error: 'info' (the default) logs each request "
        "(the access log), 'warning' only faults",
    )
    serve.add_argument(
        "--allow-origin",
        metavar="ORIGIN",
        action="append",
        default=[],
        help="a web origin whose pages may call the service, as a browser editor's plug-in "
        "does (CORS): 'https://cms.example.org', or '*' for any; repeat for several",
    )
    serve.set_defaults(run=_serve)
    return parser


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from copydesk.serve.app import create_app
    from copydesk.serve.connections import ACCEPT_BACKLOG, KEEP_ALIVE_S, GuardedH11

    app = create_app(house=_house(args), allow_origins=args.allow_origin)
    print(
        f"copydesk: serving on http://{args.host}:{args.port}/ (API docs at /docs)",
        file=sys.stderr,
    )
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        log_config=_service_logging(),
        access_log=args.log_level in ("debug", "info"),
        http=GuardedH11,
        timeout_keep_alive=KEEP_ALIVE_S,
        backlog=ACCEPT_BACKLOG,
    )
    return EXIT_OK


def _doctor(args: argparse.Namespace) -> int:
    from copydesk import doctor

    resources = doctor.examine(args.config)
    _write(doctor.report(resources), None)
    return EXIT_ERROR if any(r.required and not r.ok for r in resources) else EXIT_OK


def _service_logging() -> dict[str, Any]:
    """uvicorn's logging, with the access log on standard error beside the rest (standard
    output is left to what a command prints)."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    return config


def _kinds(value: str) -> list[str]:
    """``--ignore``'s value: one kind or a comma list. One value per option, so the option
    never takes the article's path for a kind (whether a kind is known is checked later)."""
    return [kind.strip() for kind in value.split(",") if kind.strip()]


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 < number < 65536:
        raise argparse.ArgumentTypeError("must be between 1 and 65535")
    return number


def command() -> int:
    """The ``copydesk`` program: `main` on the command line's arguments, the process then
    ready to end."""
    code = main()
    # Nothing runs after this but the exit: frozen objects are never collected, so the
    # collector's passes at exit over the millions of objects of the loaded models are
    # skipped, which took about 150 ms of every run (`bench/cold_start.py`). Exit handlers
    # still run, and the memory goes back to the system with the process.
    gc.freeze()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        try:
            with _stdout_errors(must_be_open=False):
                args = parser.parse_args(argv)
        except SystemExit as exc:  # --help or --version printed, or a usage error reported
            _flush_stdout()
            return exc.code if isinstance(exc.code, int) else EXIT_ERROR
        run: Callable[[argparse.Namespace], int] = args.run
        code = run(args)
        _flush_stdout()
        return code
    except OutputError as exc:
        _discard_stdout()
        return _fail(str(exc), EXIT_ERROR)
    except CopydeskError as exc:
        return _fail(str(exc), EXIT_ERROR)
    except KeyboardInterrupt:
        return _fail("interrupted.", EXIT_INTERRUPTED)
    except BrokenPipeError:
        _discard_stdout()
        return _fail("the output was closed before the report was written.", EXIT_BROKEN_PIPE)
    except Exception as exc:  # a fault in copydesk: one line, unless debugging asks for the trace
        if os.environ.get("COPYDESK_DEBUG"):
            raise
        return _fail(
            f"internal error ({type(exc).__name__}: {exc}); rerun with COPYDESK_DEBUG=1 "
            "for the traceback and report it.",
            EXIT_INTERNAL,
        )


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush of what could not be
    written cannot fail again (and turn the exit code into 120)."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _fail(message: str, code: int) -> int:
    try:  # a file name or a URL in the message may hold escape sequences: shown, not obeyed
        print(f"copydesk: {shown_in_terminal(message)}", file=sys.stderr)
    except OSError:
        pass
    return code


# --- commands --------------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    from copydesk import pipeline

    _check_out(args.out)
    style = _house(args)
    keep = _filter(args, style)
    if args.article == "-" and args.source == "-":
        raise InputError("Only one of the article and its source can be read from stdin.")
    article = _read(args.article, args)
    source = _read(args.source, args) if args.source else None
    if args.db:
        with _open_store(args.db) as store:
            result = pipeline.check(article, source, store, style)
    else:
        result = pipeline.check(article, source, house=style)
    return _emit_result(pipeline.apply_filter(result, keep), args)


def _compare(args: argparse.Namespace) -> int:
    return _check(args)


def _corroborate(args: argparse.Namespace) -> int:
    from copydesk import pipeline

    _check_out(args.out)
    style = _house(args)
    keep = _filter(args, style)
    article = _read(args.article, args)
    with _open_store(args.db) as store:
        result = pipeline.corroborate(article, store, style)
    return _emit_result(pipeline.apply_filter(result, keep), args)


def _scan(args: argparse.Namespace) -> int:
    style = _house(args)
    keep, lang = _filter(args, style), _lang(args)
    if not args.inputs and not args.db:
        raise InputError("Give at least one INPUT to scan, or --db FILE to scan a corpus.")
    if args.db:
        _open_store(args.db).close()
    if args.engine == "spark":
        from copydesk.scan.spark import scan as spark_scan

        if args.out == "-" or "-" in args.inputs:
            raise InputError(
                "The Spark engine reads and writes paths, not standard input or output; use "
                "the local engine for '-'."
            )
        report = spark_scan(
            args.inputs,
            args.out,
            master=args.master or f"local[{args.jobs}]",
            summary=args.summary,
            keep=keep,
            lang=lang,
            house=style,
            slim=args.slim,
            quiet=args.quiet,
        )
    else:
        from copydesk.scan.local import scan

        for path in args.inputs:
            if path != "-" and not Path(path).exists():
                raise InputError(f"{path} does not exist.")
        if args.out != "-":
            _check_out(args.out)
        report = scan(
            args.inputs,
            args.out,
            jobs=args.jobs,
            db=args.db,
            summary=args.summary,
            progress=False if args.quiet else None,
            allow_private=args.allow_private_addresses,
            keep=keep,
            lang=lang,
            house=style,
            slim=args.slim,
        )
    if args.out == "-":  # the records hold standard output: the tally goes to the terminal
        print(report.summary(), file=sys.stderr)
    else:
        _write(report.summary() + "\n", None)
    if report.all_failed:
        raise InputError(
            f"Not one of the {report.written} inputs could be checked; the records in "
            f"{'standard output' if args.out == '-' else args.out} say why."
        )
    return EXIT_OK


def _census(args: argparse.Namespace) -> int:
    if not args.inputs and not args.db:
        raise InputError("Give at least one INPUT to take the census of, or --db FILE.")
    for path in args.inputs:
        if not Path(path).exists():
            raise InputError(f"{path} does not exist.")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file; --out names the folder the census writes into.")
    if args.engine == "spark":
        from copydesk.census.spark import census as spark_census

        if args.db:
            raise InputError("The Spark engine reads its inputs, not a corpus; drop --db.")
        report = spark_census(
            args.inputs, out, master=args.master or f"local[{args.jobs}]", quiet=args.quiet
        )
    else:
        from copydesk.census.local import census

        if args.db:
            _open_store(args.db, create=True).close()
        report = census(
            args.inputs,
            out,
            db=args.db,
            jobs=args.jobs,
            progress=False if args.quiet else None,
        )
    _write(report.summary() + "\n", None)
    return EXIT_OK


def _find_source(args: argparse.Namespace) -> int:
    from copydesk.corpus.find_source import find_source
    from copydesk.report.build import build_source_search
    from copydesk.report.text import candidates_text

    _check_out(args.out)
    article = _read(args.article, args)
    with _open_store(args.db) as store:
        search = build_source_search(article, find_source(store, article, limit=args.limit))
    candidates = search.source_candidates
    if args.format == "json":
        _write(search.model_dump_json(indent=2) + "\n", args.out)
    elif args.out:
        _write(candidates_text(candidates, color=_file_color(args)), args.out)
    else:
        from copydesk.report.text import make_console, print_candidates

        with _stdout_errors():
            console = make_console(args.color)
            if console.is_terminal:
                print_candidates(candidates, console)
            else:
                sys.stdout.write(candidates_text(candidates))
    return EXIT_OK


def _ingest(args: argparse.Namespace) -> int:
    from copydesk.corpus.ingest import ingest

    for path in args.paths:
        if not Path(path).exists():
            raise InputError(f"{path} does not exist.")
    with _open_store(args.db, create=True) as store:
        report = ingest(
            args.paths, store, progress=False if args.quiet else None, fetch=_fetcher(args)
        )
    for failure in report.failed:
        print(f"failed: {failure.origin}: {failure.reason}", file=sys.stderr)
    _write(report.summary() + "\n", None)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from copydesk.report.schema import schema_json

    _check_out(args.out)
    _write(schema_json(args.document), args.out)
    return EXIT_OK


# --- helpers ---------------------------------------------------------------------------------


def _read(target: str, args: argparse.Namespace) -> Article:
    from copydesk.read import read_input

    return read_input(target, allow_private=args.allow_private_addresses, lang=_lang(args))


def _lang(args: argparse.Namespace) -> Lang:
    from copydesk.read.language import declared_language

    value = getattr(args, "lang", None)
    return None if value is None else declared_language(value)


def _house(args: argparse.Namespace) -> HouseStyle:
    """The house style of ``--config``, or of ``copydesk.toml`` here."""
    from copydesk import house

    return house.load(getattr(args, "config", None))


def _filter(args: argparse.Namespace, style: HouseStyle) -> FindingFilter:
    """The findings to keep: ``--min-severity`` (else the house style's), and the kinds
    ``--ignore`` and the house style leave out; an unknown kind is refused before any work."""
    return style.keep(args.min_severity, args.ignore)


def _fetcher(args: argparse.Namespace) -> Callable[[str], Article]:
    from functools import partial

    from copydesk.read import read_url

    return partial(read_url, allow_private=args.allow_private_addresses)


def _open_store(path: str, *, create: bool = False) -> Store:
    from copydesk.corpus.store import Store

    if not create and not Path(path).is_file():
        raise InputError(f"There is no corpus at {path}; make one with 'copydesk ingest'.")
    return Store.open(path)


def _emit_result(result: CheckResult, args: argparse.Namespace) -> int:
    from copydesk.report.build import build_report

    report = build_report(result)
    if args.format == "json":
        _write(report.model_dump_json(indent=2) + "\n", args.out)
    elif args.format == "html":
        from copydesk.report.html import render_html

        _write(render_html(report), args.out)
    elif args.out:
        from copydesk.report.text import text_report

        _write(text_report(report, color=_file_color(args)), args.out)
    else:
        from copydesk.report.text import make_console, render_text, text_report

        with _stdout_errors():
            console = make_console(args.color)
            if console.is_terminal:
                render_text(report, console)
            else:  # a pipe or a file: the lines right-trimmed, as with --out
                sys.stdout.write(text_report(report))
    return EXIT_MAJOR if report.has_major() else EXIT_OK


def _file_color(args: argparse.Namespace) -> str:
    """Colour in a file written with --out: only when ``--color always`` asks for it."""
    return "always" if args.color == "always" else "never"


def _check_out(out: str | None) -> None:
    """Refuse an ``--out`` that cannot be written before doing any work."""
    if out is None:
        return
    path = Path(out)
    if path.is_dir():
        raise InputError(f"Cannot write the report to {out}: it is a folder.")
    parent = path.parent
    if not parent.is_dir():
        raise InputError(f"Cannot write the report to {out}: the folder {parent} does not exist.")


@contextmanager
def _stdout_errors(*, must_be_open: bool = True) -> Iterator[None]:
    """Writing to standard output: it must be open, and a failed write is an `OutputError`
    (a closed pipe stays a BrokenPipeError, for exit 141)."""
    if sys.stdout is None and must_be_open:
        raise OutputError(
            "Standard output is closed, so the report has nowhere to go; redirect it to a "
            "file or give --out FILE."
        )
    try:
        yield
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        reason = (exc.strerror or type(exc).__name__).lower()
        raise OutputError(
            f"The report could not be written to standard output ({reason}); redirect it "
            "elsewhere or give --out FILE."
        ) from None


def _flush_stdout() -> None:
    if sys.stdout is not None:
        with _stdout_errors():
            pass


def _write(content: str, out: str | None) -> None:
    if out is None:
        with _stdout_errors():
            sys.stdout.write(content)
        return
    try:
        write_whole(out, content)
    except OSError as exc:
        raise InputError(f"Cannot write the report to {out}: {exc.strerror or exc}.") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
