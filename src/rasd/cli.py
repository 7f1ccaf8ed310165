"""Command line: ``rasd extract`` (articles -> docs.jsonl) and ``rasd run`` (-> incidents too)."""
from __future__ import annotations

import sys
from pathlib import Path
from contextlib import contextmanager
from typing import Annotated, Iterator, TextIO

import typer
from tqdm import tqdm

from rasd.export.jsonout import document_json, dumps, write_incidents
from rasd.incidents import MergeSettings, build_incidents
from rasd.incidents.report import write_report
from rasd.ingest import IngestError, read_inputs
from rasd.model import Document
from rasd.pipeline import analyze

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="rasd: read Arabic conflict reports into a sourced incident database.")

Inputs = Annotated[list[Path], typer.Argument(help="Article files (.txt, .html, .jsonl) or folders.")]


@contextmanager
def _replace_on_success(path: Path) -> Iterator[TextIO]:
    """A temporary file that becomes ``path`` only if the block ends normally: a run that dies
    half-way leaves the previous output whole and no partial file behind."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            yield handle
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


class _Batch:
    """Runs the per-article pipeline over inputs, reporting each bad input on one line."""

    def __init__(self, errors: TextIO):
        self.failed = 0
        self._errors = errors

    def documents(self, inputs: list[Path]) -> Iterator[Document]:
        for item in tqdm(read_inputs(inputs), desc="articles", unit=" art", file=sys.stderr,
                         disable=None, leave=False):
            if isinstance(item, IngestError):
                self.error(item.origin, item.reason)
                continue
            for warning in item.warnings:
                self.error(item.origin, warning, level="warning")
            try:
                yield analyze(item)
            except Exception as exc:  # one bad article must not stop the batch
                self.error(item.origin, f"extraction failed: {type(exc).__name__}: {exc}")

    def error(self, origin: str, reason: str, level: str = "error") -> None:
        print(f"{origin}: {reason}", file=sys.stderr)
        if level == "error":
            self.failed += 1
        self._errors.write(dumps({"origin": origin, "level": level, "message": reason}) + "\n")


def _extract_all(inputs: list[Path], docs_path: Path, errors_path: Path) -> tuple[list[Document], int]:
    """Extract every input into docs.jsonl and errors.jsonl, replacing both only when done."""
    kept: list[Document] = []
    with _replace_on_success(errors_path) as errors, _replace_on_success(docs_path) as out:
        batch = _Batch(errors)
        for doc in batch.documents(inputs):
            out.write(dumps(document_json(doc)) + "\n")
            kept.append(doc)
    return kept, batch.failed


@app.command()
def extract(inputs: Inputs,
            out: Annotated[Path, typer.Option("--out", "-o", help="Output JSON lines file.")] = Path("docs.jsonl"),
            ) -> None:
    """Extract claims, places, actors and dates from each article into a JSON lines file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    docs, failed = _extract_all(inputs, out, out.with_name("errors.jsonl"))
    typer.echo(f"{len(docs)} articles, {sum(len(d.claims) for d in docs)} claims -> {out}", err=True)
    raise typer.Exit(1 if failed else 0)


def _merge_settings(pairs: list[str]) -> MergeSettings:
    """``key=value`` options over the default grouping thresholds, checked before any work."""
    values: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise typer.BadParameter(f"{pair!r} is not key=value", param_hint="--set")
        values[key.strip()] = value.strip()
    try:
        return MergeSettings.from_mapping(values)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--set") from None


@app.command()
def run(inputs: Inputs,
        out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
        settings: Annotated[list[str] | None, typer.Option(
            "--set", help="Override a grouping threshold, e.g. --set same_place_km=10 "
                          "(see rasd.incidents.MergeSettings).")] = None,
        ) -> None:
    """Extract every article, then group claims into incidents (docs.jsonl, incidents.json, report.md)."""
    merge_settings = _merge_settings(settings or [])
    out.mkdir(parents=True, exist_ok=True)
    docs, failed = _extract_all(inputs, out / "docs.jsonl", out / "errors.jsonl")
    incidents = build_incidents(docs, merge_settings)
    write_incidents(out / "incidents.json", incidents)
    write_report(out / "report.md", incidents, {d.doc_id: d for d in docs})
    typer.echo(f"{len(docs)} articles, {sum(len(d.claims) for d in docs)} claims, "
               f"{len(incidents)} incidents -> {out}/ (docs.jsonl, incidents.json, report.md"
               f"{', errors.jsonl' if failed else ''})", err=True)
    raise typer.Exit(1 if failed else 0)


def main() -> None:
    app()


if __name__ == "__main__":
    main()


@app.command()
def serve(db: Annotated[Path, typer.Option("--db", help="The store (SQLite file) to show.")],
          host: Annotated[str, typer.Option(
              help="Address to listen on; 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
          ) -> None:
    """Serve the dashboard on a store: map, timeline, filters, incidents with their sources, and the API."""
    if not db.is_file():
        raise typer.BadParameter(f"{db} is not a file (build one with `rasd run` or `rasd add`)", param_hint="--db")
    import uvicorn  # the server and the store load only for this command

    from rasd.store import Store
    from rasd.web import create_app

    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"warning: the dashboard has no login; on {host} anyone who reaches this "
                   f"machine can read the store", err=True)
    with Store(db) as store:
        typer.echo(f"rasd dashboard on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning")
