"""Command line: ``rasd extract`` (articles -> docs.jsonl) and ``rasd run`` (-> incidents too)."""
from __future__ import annotations

import json
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
from rasd.geo.geocode import resolve as resolve_place
from rasd.store import Store
from rasd.store.corrections import FIGURES as CORRECTABLE_FIGURES

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


Database = Annotated[Path, typer.Option("--db", help="The store (an SQLite file; created if absent).")]


@app.command()
def add(inputs: Inputs, db: Database,
        settings: Annotated[list[str] | None, typer.Option(
            "--set", help="Override a grouping threshold, as for `rasd run`.")] = None,
        ) -> None:
    """Add articles to a store: new reports join its incidents or make new ones; articles already
    stored with the same text are skipped. The whole addition is one transaction."""
    merge_settings = _merge_settings(settings or [])
    db.parent.mkdir(parents=True, exist_ok=True)
    with _replace_on_success(db.with_name(db.name + ".errors.jsonl")) as errors:
        batch = _Batch(errors)
        docs = list(batch.documents(inputs))
    with Store(db) as store:
        result = store.add(docs, merge_settings)
    typer.echo(f"{len(result.added)} added, {len(result.replaced)} replaced, {len(result.skipped)} already stored; "
               f"incidents: {len(result.created)} new, {len(result.updated)} regrouped, "
               f"{len(result.aliased)} merged -> {db}", err=True)
    raise typer.Exit(1 if batch.failed else 0)


def _correction_value(field: str, text: str) -> object:
    """A --set value as the store takes it: figures as LOW,BEST,HIGH, perpetrators comma-separated,
    a location as a place name (looked up in the gazetteer) or a JSON object."""
    text = text.strip()
    if text.startswith(("{", "[")):
        return json.loads(text)
    if field == "location":
        place = resolve_place(text)
        if place is None:
            raise typer.BadParameter(f"no place {text!r} in the gazetteer; give a JSON object instead",
                                     param_hint="--set")
        return {"name_ar": text, "name_en": place.name_en, "lat": place.lat, "lon": place.lon,
                "admin1": place.admin1, "admin2": place.admin2, "country": place.country,
                "precision": 3 if place.precision in ("governorate", "country") else 1}
    if field == "perpetrator":
        return [a.strip() for a in text.split(",") if a.strip()]
    if field in CORRECTABLE_FIGURES:
        return text.split(",")
    return text


@app.command()
def correct(db: Database,
            incident_id: Annotated[str | None, typer.Argument(help="The incident to correct (--set).")] = None,
            assignments: Annotated[list[str] | None, typer.Option(
                "--set", help="FIELD=VALUE: location=PLACE, perpetrator=A,B, killed=LOW,BEST,HIGH, grade=...")] = None,
            move: Annotated[str | None, typer.Option("--move", help="Move this article (doc_id) out ...")] = None,
            source: Annotated[str | None, typer.Option("--from", help="... of this incident.")] = None,
            merge: Annotated[tuple[str, str] | None, typer.Option(
                "--merge", help="KEEP_ID OTHER_ID: make two incidents one, under KEEP_ID.")] = None,
            who: Annotated[str, typer.Option("--who", help="Who makes the correction.")] = "",
            why: Annotated[str, typer.Option("--why", help="Why (kept with the correction).")] = "",
            ) -> None:
    """Correct the store by hand; every correction is kept with who/when/why and survives `rasd add`."""
    if not who.strip() or not why.strip():
        raise typer.BadParameter("say who corrects and why (--who NAME --why TEXT)")
    if not db.exists():
        raise typer.BadParameter(f"no store at {db}", param_hint="--db")
    try:
        with Store(db) as store:
            if move or source:
                if not (move and source):
                    raise typer.BadParameter("--move DOC_ID needs --from INCIDENT_ID")
                new_id = store.move_article(move, source, who, why)
                typer.echo(f"{move} moved out of {source} into {new_id}", err=True)
            elif merge:
                store.merge_incidents(merge[0], merge[1], who, why)
                typer.echo(f"{merge[1]} merged into {merge[0]}", err=True)
            elif incident_id and assignments:
                for pair in assignments:
                    field, sep, value = pair.partition("=")
                    if not sep:
                        raise typer.BadParameter(f"{pair!r} is not FIELD=VALUE", param_hint="--set")
                    store.correct(incident_id, field.strip(), _correction_value(field.strip(), value), who, why)
                typer.echo(f"{incident_id}: {len(assignments)} correction(s) stored", err=True)
            else:
                raise typer.BadParameter("give INCIDENT_ID --set FIELD=VALUE, or --move DOC_ID --from ID, "
                                         "or --merge KEEP_ID OTHER_ID")
    except (KeyError, ValueError) as e:
        typer.echo(f"error: {e.args[0] if e.args else e}", err=True)
        raise typer.Exit(2) from None


def main() -> None:
    app()


if __name__ == "__main__":
    main()
