"""Command line: ``rasd extract`` (articles -> docs.jsonl) and ``rasd run`` (-> incidents too).

No record ends a batch: each input that gives no document is one line ``ORIGIN: reason`` on
stderr and in ``errors.jsonl``. Exit codes: 0 all read, 1 some records failed (named),
2 usage error (bad option or setting, an output folder rasd cannot use), which touches no
file. ``rasd run`` replaces its output folder as a whole (``rasd.export.outdir``).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
import logging
import math
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

import rasd
from rasd.ingest.limits import ArticleLimits

# The pipeline, the store, the exports and the web server load inside the commands that use
# them: `rasd --help` and a usage error read none of their word lists (tests/test_cli.py checks).
if TYPE_CHECKING:
    from rasd.engine import Engine, Extracted
    from rasd.incidents import MergeSettings
    from rasd.store import StoredDocument

log = logging.getLogger("rasd")

# What `rasd run` writes besides docs.jsonl, errors.jsonl and run.json: the store and, from it,
# each export under its file name.
RUN_EXPORTS = {"incidents.json": "json", "report.md": "markdown", "acled.csv": "acled",
               "ucdp.csv": "ucdp", "incidents.geojson": "geojson"}
RUN_OUTPUTS = frozenset({"docs.jsonl", "errors.jsonl", "run.json", "rasd.db", *RUN_EXPORTS})
_DEFAULT_LIMITS = ArticleLimits()

# Paths as pathlib.Path; one that does not exist is the batch's named error, not a usage error.
PATH = click.Path(path_type=Path)

# The parameters extract, run and add share.
inputs_argument = click.argument(
    "inputs", nargs=-1, required=True, type=PATH,
    help="Article files (.txt, .html, .jsonl), web archives (.warc, .warc.gz), RSS/Atom feeds (.rss, .atom, .xml) or folders.")
max_chars_option = click.option(
    "--max-chars", type=click.IntRange(min=1), default=_DEFAULT_LIMITS.max_chars,
    help="Longest article text read; a longer one is a named error.")
max_seconds_option = click.option(
    "--max-seconds", type=float, default=_DEFAULT_LIMITS.max_seconds,
    help="Longest time to read, and to extract, one article; a slower one is a named error.")
workers_option = click.option(
    "--workers", "-j", type=click.IntRange(min=1),
    help="Processes extracting articles (default: all cores; 1: in this process).")
engine_option = click.option(
    "--engine", type=click.Choice(["local", "dask"]), default="local",
    help="local: this machine's cores; dask: a Dask cluster (see docs/performance.md).")
scheduler_option = click.option(
    "--scheduler", help="With --engine dask: the scheduler's address (tcp://HOST:8786); "
                        "default: a local cluster of --workers processes.")


def batch_options(command: Callable[..., None]) -> Callable[..., None]:
    """How a batch is read and run (``--max-chars``, ``--max-seconds``, ``--workers``,
    ``--engine``, ``--scheduler``), in that order on the help page."""
    for option in (scheduler_option, engine_option, workers_option, max_seconds_option, max_chars_option):
        command = option(command)
    return command


class _StderrHandler(logging.Handler):
    """Log lines on whatever ``sys.stderr`` is at the time (test runners swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        print(self.format(record), file=sys.stderr)


class _Command(click.Command):
    """Its whole description in the list of ``rasd --help``, wrapped, where click would cut it to
    the first sentence or line."""

    def get_short_help_str(self, limit: int = 45) -> str:
        return " ".join((self.help or "").split())


class _Commands(click.Group):
    """Lists the commands in the order they are defined, the order of the work (extract, run, add,
    correct, export, serve), not sorted; a bare ``rasd`` prints the help on standard output
    (exit 2), as it always has, where click would print it on standard error."""

    command_class = _Command

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(2)
        return super().parse_args(ctx, args)


# Help pages show each option's default, and are as wide as the terminal up to 120 columns
# (click's own limit, 80, cuts the commands' summaries in `rasd --help`).
@click.group(name="rasd", cls=_Commands, no_args_is_help=True,
             context_settings={"show_default": True, "max_content_width": 120})
@click.option("--verbose", "-v", is_flag=True, help="Also say what each step does.")
@click.option("--quiet", "-q", is_flag=True, help="Only errors, no warnings or summary.")
@click.version_option(rasd.__version__, "--version", message="rasd %(version)s", help="Print the version and exit.")
def app(verbose: bool, quiet: bool) -> None:
    """rasd: read Arabic conflict reports into a sourced incident database."""
    for handler in [h for h in log.handlers if isinstance(h, _StderrHandler)]:
        log.removeHandler(handler)
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.addHandler(handler)
    log.propagate = False
    log.setLevel(logging.DEBUG if verbose else logging.ERROR if quiet else logging.INFO)


class _Batch:
    """Runs the per-article pipeline over inputs on an engine, reporting each bad input on one
    line, in the inputs' order."""

    def __init__(self, errors: TextIO, limits: ArticleLimits, engine: Engine):
        self.failed = 0
        self.warned = 0
        self.articles = 0
        self.claims = 0
        self.failures: list[dict[str, str]] = []
        self._errors = errors
        self._limits = limits
        self._engine = engine

    def documents(self, inputs: tuple[Path, ...], exclude: tuple[Path, ...] = ()) -> Iterator[Extracted]:
        """Each document read, as its docs.jsonl line and (from an engine that makes them) its
        store record, as they come."""
        from rasd.engine import Failed
        from rasd.ingest import IngestError, read_inputs

        outcomes = self._engine.outcomes(read_inputs(inputs, exclude=exclude, limits=self._limits))
        # A progress bar on a terminal only (tqdm's own rule), and tqdm, 0.02 s to import, only then.
        if log.isEnabledFor(logging.INFO) and sys.stderr.isatty():
            from tqdm import tqdm
            outcomes = tqdm(outcomes, desc="articles", unit=" art", file=sys.stderr, leave=False)
        for item, outcome in outcomes:
            if isinstance(item, IngestError):
                self.error(item.origin, item.reason)
                continue
            for warning in item.warnings:
                self.error(item.origin, warning, level="warning")
            if isinstance(outcome, Failed):
                self.error(item.origin, outcome.message)
                continue
            self.articles += 1
            self.claims += outcome.claims
            yield outcome

    def error(self, origin: str, reason: str, level: str = "error") -> None:
        from rasd.export.jsonout import dumps

        entry = {"origin": origin, "level": level, "message": reason}
        if level == "error":
            self.failed += 1
            self.failures.append(entry)
            log.error("%s: %s", origin, reason)
        else:
            self.warned += 1
            log.warning("%s: %s", origin, reason)
        self._errors.write(dumps(entry) + "\n")


@contextmanager
def _replace_on_success(path: Path) -> Iterator[TextIO]:
    """A temporary file that becomes ``path`` only if the block ends normally: a run that dies
    half-way leaves the previous output whole and no partial file behind."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            yield handle
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def _written(batch: _Batch, inputs: tuple[Path, ...], exclude: tuple[Path, ...], out: TextIO) -> Iterator[StoredDocument]:
    """Each document's line written to docs.jsonl as it comes, and its store record."""
    for extracted in batch.documents(inputs, exclude):
        out.write(extracted.line + "\n")
        yield extracted.stored


def _engine(limits: ArticleLimits, workers: int | None, engine: str, scheduler: str | None,
            stored: bool = True) -> Engine:
    from rasd.engine import make_engine

    try:
        return make_engine(limits, workers, engine, scheduler, stored)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


def _limits(max_chars: int, max_seconds: float) -> ArticleLimits:
    try:
        return ArticleLimits(max_chars=max_chars, max_seconds=max_seconds)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


@app.command()
@inputs_argument
@click.option("--out", "-o", type=PATH, default=Path("docs.jsonl"), help="Output JSON lines file.")
@batch_options
def extract(inputs: tuple[Path, ...], out: Path, max_chars: int, max_seconds: float,
            workers: int | None, engine: str, scheduler: str | None) -> None:
    """Extract claims, places, actors and dates from each article into a JSON lines file."""
    limits = _limits(max_chars, max_seconds)
    runner = _engine(limits, workers, engine, scheduler, stored=False)
    errors_path = out.with_name("errors.jsonl")
    out.parent.mkdir(parents=True, exist_ok=True)
    with _replace_on_success(errors_path) as errors, _replace_on_success(out) as lines:
        batch = _Batch(errors, limits, runner)
        for extracted in batch.documents(inputs, (out, errors_path)):
            lines.write(extracted.line + "\n")
    log.info("%d articles, %d claims -> %s", batch.articles, batch.claims, out)
    sys.exit(1 if batch.failed else 0)


def _merge_settings(pairs: tuple[str, ...]) -> MergeSettings:
    """``key=value`` options over the default grouping thresholds, checked before any work:
    every threshold is a finite number, none negative."""
    from rasd.incidents import MergeSettings

    values: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="--set")
        values[key.strip()] = value.strip()
    try:
        settings = MergeSettings.from_mapping(values)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--set") from None
    for name, value in dataclasses.asdict(settings).items():
        if isinstance(value, (int, float)) and not (math.isfinite(value) and value >= 0):
            raise click.BadParameter(f"{name}={values.get(name, value)}: must be a finite number, "
                                     "not negative", param_hint="--set")
    return settings


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _run_record(inputs: tuple[Path, ...], exclude: tuple[Path, ...], settings: MergeSettings,
                limits: ArticleLimits, incidents: int, batch: _Batch, seconds: float) -> dict[str, Any]:
    """What ``run.json`` says of a run: enough to tell two runs' inputs and settings apart."""
    from rasd.ingest.readers import display_name, input_files

    files = []
    for path in input_files(inputs, exclude):
        try:
            files.append({"path": display_name(path), "bytes": path.stat().st_size, "sha256": _sha256(path)})
        except OSError as err:
            files.append({"path": display_name(path), "error": err.strerror or str(err)})
    return {
        "rasd_version": rasd.__version__,
        "settings": {"merge": dataclasses.asdict(settings), "limits": dataclasses.asdict(limits)},
        "inputs": [display_name(p) for p in inputs],
        "input_files": files,
        "counts": {"articles": batch.articles, "claims": batch.claims,
                   "incidents": incidents, "errors": batch.failed, "warnings": batch.warned},
        "errors": batch.failures,
        "duration_seconds": round(seconds, 3),
    }


@app.command()
@inputs_argument
@click.option("--out", "-o", type=PATH, default=Path("out"), help="Output folder (replaced as a whole).")
@click.option("--set", "settings", multiple=True,
              help="Override a grouping threshold, e.g. --set same_place_km=10 (see rasd.incidents.MergeSettings).")
@batch_options
def run(inputs: tuple[Path, ...], out: Path, settings: tuple[str, ...], max_chars: int, max_seconds: float,
        workers: int | None, engine: str, scheduler: str | None) -> None:
    """Extract every article, then group claims into incidents (docs.jsonl, incidents.json,
    report.md, errors.jsonl, run.json in the output folder, all replaced together)."""
    from rasd.export.outdir import OutputFolder, OutputFolderError, check_output_folder
    from rasd.store import build as build_store

    started = time.monotonic()
    merge_settings = _merge_settings(settings)
    limits = _limits(max_chars, max_seconds)
    runner = _engine(limits, workers, engine, scheduler)
    try:
        check_output_folder(out, RUN_OUTPUTS)
        folder = OutputFolder(out)
        with folder as tmp:
            exclude = (out,)
            with (_replace_on_success(tmp / "errors.jsonl") as errors,
                  _replace_on_success(tmp / "docs.jsonl") as lines):
                batch = _Batch(errors, limits, runner)
                # documents go into a fresh store as they are read; it groups them at the end
                build_store(tmp / "rasd.db", _written(batch, inputs, exclude, lines), merge_settings)
            log.debug("%d documents extracted into a fresh store, grouping done", batch.articles)
            incidents = _write_exports(tmp)
            record = _run_record(inputs, exclude, merge_settings, limits, incidents, batch,
                                 time.monotonic() - started)
            (tmp / "run.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")
            folder.commit()
    except OutputFolderError as err:
        log.error("rasd run: %s", err)
        sys.exit(2)
    log.info("%d articles, %d claims, %d incidents -> %s/ (rasd.db, docs.jsonl, incidents.json, "
             "report.md, acled.csv, ucdp.csv, incidents.geojson, errors.jsonl, run.json)%s", batch.articles, batch.claims, incidents,
             out, f"; {batch.failed} failed" if batch.failed else "")
    sys.exit(1 if batch.failed else 0)


def _write_exports(folder: Path) -> int:
    """Every export written from the store ``folder/rasd.db`` in one pass over its incidents,
    each read once and written to every format before the next (the incidents carry the
    store's unique ids; the articles' headers are what the exports read of them); how many
    incidents."""
    from rasd.export.formats import write_many
    from rasd.store import Store

    with Store(folder / "rasd.db") as store, ExitStack() as files:
        handles = {fmt: files.enter_context((folder / name).open("w", encoding="utf-8", newline=""))
                   for name, fmt in RUN_EXPORTS.items()}
        return write_many(handles, store.selected(), store.headers())


database_option = click.option("--db", type=PATH, required=True,
                               help="The store (an SQLite file; created if absent).")


@app.command()
@inputs_argument
@database_option
@click.option("--set", "settings", multiple=True, help="Override a grouping threshold, as for `rasd run`.")
@batch_options
def add(inputs: tuple[Path, ...], db: Path, settings: tuple[str, ...], max_chars: int, max_seconds: float,
        workers: int | None, engine: str, scheduler: str | None) -> None:
    """Add articles to a store: new reports join its incidents or make new ones; articles already
    stored with the same text are skipped. The whole addition is one transaction."""
    from rasd.store import Store

    merge_settings = _merge_settings(settings)
    limits = _limits(max_chars, max_seconds)
    runner = _engine(limits, workers, engine, scheduler)
    db.parent.mkdir(parents=True, exist_ok=True)
    errors_path = db.with_name(db.name + ".errors.jsonl")
    with _replace_on_success(errors_path) as errors, Store(db) as store:
        batch = _Batch(errors, limits, runner)
        records = (e.stored for e in batch.documents(inputs, exclude=(db, errors_path)))
        result = store.add(records, merge_settings)
    log.info("%d added, %d replaced, %d already stored; incidents: %d new, %d regrouped, %d merged -> %s",
             len(result.added), len(result.replaced), len(result.skipped), len(result.created),
             len(result.updated), len(result.aliased), db)
    sys.exit(1 if batch.failed else 0)


def _correction_value(field: str, text: str) -> object:
    """A --set value as the store takes it: figures as LOW,BEST,HIGH, perpetrators comma-separated,
    a location as a place name (the store looks it up in the gazetteer) or a JSON object."""
    from rasd.store.corrections import FIGURES as CORRECTABLE_FIGURES

    text = text.strip()
    if text.startswith(("{", "[")):
        return json.loads(text)
    if field == "perpetrator":
        return [a.strip() for a in text.split(",") if a.strip()]
    if field in CORRECTABLE_FIGURES:
        return text.split(",")
    return text


@app.command()
@database_option
@click.argument("incident_id", required=False, help="The incident to correct (--set).")
@click.option("--set", "assignments", multiple=True,
              help="FIELD=VALUE: location=PLACE, perpetrator=A,B, killed=LOW,BEST,HIGH, grade=...")
@click.option("--move", help="Move this article (doc_id) out ...")
@click.option("--from", "source", help="... of this incident.")
@click.option("--merge", nargs=2, help="KEEP_ID OTHER_ID: make two incidents one, under KEEP_ID.")
@click.option("--who", default="", show_default=False, help="Who makes the correction.")
@click.option("--why", default="", show_default=False, help="Why (kept with the correction).")
def correct(db: Path, incident_id: str | None, assignments: tuple[str, ...], move: str | None,
            source: str | None, merge: tuple[str, str] | None, who: str, why: str) -> None:
    """Correct the store by hand; every correction is kept with who/when/why and survives `rasd add`."""
    from rasd.store import Store

    if not who.strip() or not why.strip():
        raise click.BadParameter("say who corrects and why (--who NAME --why TEXT)")
    if not db.exists():
        raise click.BadParameter(f"no store at {db}", param_hint="--db")
    try:
        with Store(db) as store:
            if move or source:
                if not (move and source):
                    raise click.BadParameter("--move DOC_ID needs --from INCIDENT_ID")
                new_id = store.move_article(move, source, who, why)
                click.echo(f"{move} moved out of {source} into {new_id}", err=True)
            elif merge:
                store.merge_incidents(merge[0], merge[1], who, why)
                click.echo(f"{merge[1]} merged into {merge[0]}", err=True)
            elif incident_id and assignments:
                for pair in assignments:
                    field, sep, value = pair.partition("=")
                    if not sep:
                        raise click.BadParameter(f"{pair!r} is not FIELD=VALUE", param_hint="--set")
                    store.correct(incident_id, field.strip(), _correction_value(field.strip(), value), who, why)
                click.echo(f"{incident_id}: {len(assignments)} correction(s) stored", err=True)
            else:
                raise click.BadParameter("give INCIDENT_ID --set FIELD=VALUE, or --move DOC_ID --from ID, "
                                         "or --merge KEEP_ID OTHER_ID")
    except (KeyError, ValueError) as e:
        click.echo(f"error: {e.args[0] if e.args else e}", err=True)
        sys.exit(2)


# rasd.export.formats.FORMATS, named again so that start-up does not load the exports (a test
# checks the two agree).
EXPORT_FORMATS = ("json", "acled", "ucdp", "geojson", "markdown")
DAY = click.DateTime(["%Y-%m-%d"])


@app.command("export")
@click.option("--db", type=PATH, required=True, help="The store (a rasd SQLite file).")
@click.option("--format", "-f", "fmt", type=click.Choice(EXPORT_FORMATS), default="json", help="Export format.")
@click.option("--out", "-o", type=PATH, help="Output file (default: standard output).")
@click.option("--bom", is_flag=True, help="Start CSV with a byte-order mark (Excel and Arabic).")
@click.option("--from", "date_from", type=DAY, help="Incidents starting on or after this day (YYYY-MM-DD).")
@click.option("--to", "date_to", type=DAY, help="Incidents ending on or before this day (YYYY-MM-DD).")
@click.option("--admin1", help="Governorate (English name, any case).")
@click.option("--perpetrator", help="An alleged perpetrator (actor catalog name).")
@click.option("--grade", help="confirmed, fair, weak, contested or discounted.")
@click.option("--min-killed", type=int, help="At least this many killed (best figure).")
def export_incidents(db: Path, fmt: str, out: Path | None, bom: bool, date_from: dt.datetime | None,
                     date_to: dt.datetime | None, admin1: str | None, perpetrator: str | None,
                     grade: str | None, min_killed: int | None) -> None:
    """Write the store's incidents as JSON, ACLED or UCDP GED CSV, GeoJSON or a Markdown report
    (column mappings: docs/exports.md)."""
    from rasd.export.formats import CSV_FORMATS, write
    from rasd.store import IncidentFilter, Store

    if bom and fmt not in CSV_FORMATS:
        raise click.BadParameter(f"a byte-order mark is for the CSV formats, not {fmt}", param_hint="--bom")
    if not db.is_file():
        raise click.BadParameter(f"no store at {db}", param_hint="--db")
    where = IncidentFilter(date_from=date_from.date() if date_from else None,
                           date_to=date_to.date() if date_to else None, admin1=admin1,
                           perpetrator=perpetrator, grade=grade, min_killed=min_killed)
    with Store(db) as store:
        incidents, documents = store.selected(where), store.headers(where)
        if out is None:
            stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
            try:
                write(fmt, incidents, documents, stdout, bom=bom)
                stdout.flush()
            except BrokenPipeError:     # `rasd export ... | head`: the reader stopped, not an error
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return
            finally:
                stdout.detach()          # sys.stdout stays open
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            with _replace_on_success(out) as handle:
                write(fmt, incidents, documents, handle, bom=bom)
        count = len(incidents)
    click.echo(f"{count} incidents -> {out or 'standard output'} ({fmt})", err=True)


@app.command()
@click.option("--db", type=PATH, required=True, help="The store (SQLite file) to show.")
@click.option("--host", default="127.0.0.1", help="Address to listen on; 127.0.0.1 keeps it on this machine.")
@click.option("--port", type=int, default=8000, help="Port to listen on.")
@click.option("--allow-corrections", is_flag=True, help="Let analysts correct incidents from the incident pages "
                                                        "(the dashboard has no login; read-only without this).")
def serve(db: Path, host: str, port: int, allow_corrections: bool) -> None:
    """Serve the dashboard on a store: map, timeline, filters, incidents with their sources, and the API."""
    if not db.is_file():
        raise click.BadParameter(f"{db} is not a file (build one with `rasd run` or `rasd add`)", param_hint="--db")
    import uvicorn  # the server and the store load only for this command

    from rasd.store import Store
    from rasd.web import WriteAccess, create_app

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: the dashboard has no login; on {host} anyone who reaches this machine can "
                   f"{'correct' if allow_corrections else 'read'} the store", err=True)
    writes = WriteAccess.serving(host) if allow_corrections else None
    with Store(db) as store:
        click.echo(f"rasd dashboard on http://{host}:{port}/ ({'corrections allowed' if writes else 'read-only'};"
                   " Ctrl+C to stop)", err=True)
        uvicorn.run(create_app(store, writes), host=host, port=port, log_level="warning")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
