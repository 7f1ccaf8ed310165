"""The command line: ``rasd extract`` and ``rasd run`` end to end, on articles written for
these tests; their outputs against the contract (shared/spec/CONTRACT.md v1); bad inputs;
crash safety of the output folder; ``python -m rasd``; the ``rasd.extract`` API.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import rasd
from rasd import engine
from rasd.cli import app
from rasd.model import Document

# One Russian strike on Saraqib, told by two outlets with different tolls.
SARAQIB_A = """غارات روسية على مدينة سراقب شرقي إدلب

قتل أربعة مدنيين وأصيب تسعة آخرون، صباح اليوم الثلاثاء، جراء غارات جوية روسية استهدفت سوقاً شعبية في مدينة سراقب بريف إدلب الشرقي.

وقال الدفاع المدني السوري إن فرقه انتشلت جثث الضحايا وأسعفت المصابين إلى مشافي المنطقة، مشيراً إلى أن الطائرات شنت ثلاث غارات متتالية.
"""
SARAQIB_B = """مجزرة في سراقب

أفاد المرصد السوري لحقوق الإنسان بمقتل تسعة مدنيين، بينهم ثلاثة أطفال، وإصابة 14 آخرين، بغارات نفذتها طائرات حربية روسية على مدينة سراقب صباح اليوم.
"""
MAYADIN = ("مسيرة تستهدف سيارة في الميادين\n"
           "قتل عنصران من الميليشيات الموالية لإيران بضربة من طائرة مسيرة مجهولة استهدفت سيارتهم "
           "في مدينة الميادين شرقي دير الزور، مساء أمس الأحد، بحسب مصادر محلية.")
DARAA = ("قصف على طفس\n"
         "أصيب خمسة مدنيين بجروح جراء قصف مدفعي لقوات النظام على مدينة طفس بريف درعا الغربي "
         "صباح اليوم الاثنين، وفق ما أفاد به ناشطون محليون.")
ENGLISH = ("Four civilians were killed in Russian air strikes on Saraqib on Tuesday, "
           "the civil defence said.\nRescue teams recovered the bodies from the market.")

DOC_KEYS = {"doc_id", "outlet", "published", "title", "text", "claims", "places", "event_date"}
CLAIM_KEYS = {"kind", "min", "max", "qualifier", "group", "group_kind", "source", "places", "span", "sentence"}
PLACE_KEYS = {"text", "span", "name_en", "lat", "lon", "admin1", "country"}
INCIDENT_KEYS = {"incident_id", "event_type", "sub_event_type", "date", "places", "doc_ids", "killed",
                 "injured", "strikes", "civilians_killed", "civilians_injured", "perpetrator", "target",
                 "claims", "contradictions"}
FIGURES = ("killed", "injured", "strikes", "civilians_killed", "civilians_injured")

runner = CliRunner()


def article(folder: Path, name: str, text: str, outlet: str, published: str) -> Path:
    """``NAME.txt`` with its ``NAME.meta.json`` sidecar."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    sidecar = {"outlet": outlet, "published": published, "url": f"https://example.org/{name}"}
    (folder / f"{name}.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    return path


def jsonl_line(doc_id: str, text: str, published: str, outlet: str) -> str:
    return json.dumps({"id": doc_id, "text": text, "published": published, "outlet": outlet},
                      ensure_ascii=False)


@pytest.fixture
def saraqib(tmp_path: Path) -> Path:
    """A folder with the two Saraqib reports."""
    folder = tmp_path / "articles"
    article(folder, "saraqib-a", SARAQIB_A, "Sawt al-Shamal", "2024-05-14")
    article(folder, "saraqib-b", SARAQIB_B, "Al-Rasid Net", "2024-05-14")
    return folder


def read_docs(path: Path) -> dict[str, dict]:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {d["doc_id"]: d for d in docs}


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


# ------------------------------------------------------------------------------- extract

def test_extract_writes_the_contract_keys_from_text_and_sidecar(saraqib: Path, tmp_path: Path):
    out = tmp_path / "docs.jsonl"
    result = invoke("extract", saraqib / "saraqib-a.txt", "--out", out)
    assert result.exit_code == 0, result.output
    doc = read_docs(out)["saraqib-a"]
    assert DOC_KEYS <= doc.keys()
    assert (doc["outlet"], doc["published"]) == ("Sawt al-Shamal", "2024-05-14")
    assert doc["title"] == "غارات روسية على مدينة سراقب شرقي إدلب"
    assert {"start", "end", "text"} <= doc["event_date"].keys()
    assert doc["event_date"]["start"] == "2024-05-14"
    for claim in doc["claims"]:
        assert CLAIM_KEYS <= claim.keys()
        assert {"text", "kind"} <= claim["source"].keys()
    for place in doc["places"]:
        assert PLACE_KEYS <= place.keys()
    figures = {(c["kind"], c["min"], c["max"]) for c in doc["claims"]}
    assert {("killed", 4, 4), ("injured", 9, 9), ("strikes", 3, 3)} <= figures
    assert "Saraqib" in {p["name_en"] for p in doc["places"]}


def test_every_span_indexes_into_the_text(saraqib: Path, tmp_path: Path):
    out = tmp_path / "docs.jsonl"
    assert invoke("extract", saraqib, "--out", out).exit_code == 0
    written = {"killed": ("أربعة", "تسعة"), "injured": ("تسعة", "14"), "strikes": ("ثلاث",)}
    for doc in read_docs(out).values():
        text = doc["text"]
        for claim in doc["claims"]:
            start, end = claim["span"]
            stated = text[start:end]
            assert stated.strip() and stated in claim["sentence"] and claim["sentence"] in text
            if claim["min"] and claim["min"] > 3:
                assert any(word in stated for word in written[claim["kind"]]), (claim, stated)
        for place in doc["places"]:
            start, end = place["span"]
            assert text[start:end] == place["text"]
        start, end = doc["event_date"]["span"]
        assert text[start:end] == doc["event_date"]["text"]


# ----------------------------------------------------------------------------------- run

def test_run_on_a_folder_writes_docs_incidents_and_report(saraqib: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = invoke("run", saraqib, "--out", out)
    assert result.exit_code == 0, result.output
    assert set(read_docs(out / "docs.jsonl")) == {"saraqib-a", "saraqib-b"}
    incidents = json.loads((out / "incidents.json").read_text(encoding="utf-8"))
    for incident in incidents:
        assert INCIDENT_KEYS <= incident.keys()
        for name in FIGURES:
            assert {"low", "best", "high"} <= incident[name].keys()
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# ")


def test_two_reports_of_one_strike_are_one_incident_with_a_killed_contradiction(saraqib: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert invoke("run", saraqib, "--out", out).exit_code == 0
    incidents = json.loads((out / "incidents.json").read_text(encoding="utf-8"))
    assert len(incidents) == 1
    incident = incidents[0]
    assert sorted(incident["doc_ids"]) == ["saraqib-a", "saraqib-b"]
    assert (incident["killed"]["low"], incident["killed"]["high"]) == (4, 9)
    assert "Russia" in {p["actor"] for p in incident["perpetrator"]}
    assert "killed" in {c["kind"] for c in incident["contradictions"]}


def test_run_reads_each_incident_once_for_all_its_exports(saraqib: Path, tmp_path: Path, monkeypatch):
    """The five exports come from one pass over the store's incidents, and each file is what
    ``rasd export`` writes of that format."""
    from rasd.cli import RUN_EXPORTS
    from rasd.store import Selected

    passes = []
    each_pass = Selected.__iter__

    def counted(self):
        passes.append(1)
        return each_pass(self)

    monkeypatch.setattr(Selected, "__iter__", counted)
    (saraqib / "more.jsonl").write_text("\n".join([jsonl_line("mayadin", MAYADIN, "2024-05-13", "Furat Post"),
                                                   jsonl_line("tafas", DARAA, "2024-05-13", "Horan Voice")]) + "\n",
                                        encoding="utf-8")
    out = tmp_path / "out"
    assert invoke("run", saraqib, "--out", out, "--workers", 1).exit_code == 0
    assert len(passes) == 1
    assert len(json.loads((out / "incidents.json").read_text(encoding="utf-8"))) == 3
    for name, fmt in RUN_EXPORTS.items():
        exported = tmp_path / f"export-{name}"
        assert invoke("export", "--db", out / "rasd.db", "--format", fmt, "-o", exported).exit_code == 0
        assert exported.read_bytes() == (out / name).read_bytes(), name


# ---------------------------------------------------------------------------- bad inputs

def _empty(folder: Path) -> tuple[Path, str]:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path, str(path)


def _binary(folder: Path) -> tuple[Path, str]:
    path = folder / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    return path, str(path)


def _english(folder: Path) -> tuple[Path, str]:
    path = folder / "english.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    return path, str(path)


def _broken_jsonl(folder: Path) -> tuple[Path, str]:
    path = folder / "feed.jsonl"
    lines = [jsonl_line("mayadin", MAYADIN, "2024-05-13", "Furat Post"),
             '{"id": "cut", "text": "قتل ثلاثة',
             jsonl_line("tafas", DARAA, "2024-05-13", "Horan Voice")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, f"{path}:2"


@pytest.mark.parametrize("bad", [_empty, _binary, _english, _broken_jsonl],
                         ids=["empty", "binary", "english", "broken-jsonl-line"])
def test_a_bad_input_is_one_stderr_line_and_the_batch_goes_on(bad, saraqib: Path, tmp_path: Path):
    (tmp_path / "bad").mkdir()
    path, origin = bad(tmp_path / "bad")
    out = tmp_path / "out"
    result = invoke("run", saraqib / "saraqib-a.txt", path, saraqib / "saraqib-b.txt", "--out", out)

    assert result.exit_code == 1
    naming = [line for line in result.stderr.splitlines() if line.startswith(str(path))]
    assert len(naming) == 1 and naming[0].startswith(origin + ": "), result.stderr
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["origin"] for e in errors if e["level"] == "error"] == [origin]
    good = {"saraqib-a", "saraqib-b"} | ({"mayadin", "tafas"} if path.suffix == ".jsonl" else set())
    assert set(read_docs(out / "docs.jsonl")) == good
    json.loads((out / "incidents.json").read_text(encoding="utf-8"))


OUTPUTS = ("docs.jsonl", "incidents.json", "report.md", "errors.jsonl")


@pytest.fixture
def crashed(saraqib: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, bytes]]:
    """An output folder from a finished run (one bad input among good ones), then a second
    run into it that dies mid-batch; with the first run's file contents."""
    out = tmp_path / "out"
    _english(saraqib)
    assert invoke("run", saraqib, "--out", out).exit_code == 1
    first = {name: (out / name).read_bytes() for name in OUTPUTS}

    analyze, calls = engine.analyze, []

    def dies_on_the_second_article(item, *stages):
        calls.append(item)
        if len(calls) == 2:
            raise KeyboardInterrupt   # not an article's fault: the process is going down
        return analyze(item, *stages)

    monkeypatch.setattr(engine, "analyze", dies_on_the_second_article)
    bad = tmp_path / "bad"
    article(bad, "mayadin", MAYADIN, "Furat Post", "2024-05-13")
    article(bad, "tafas", DARAA, "Horan Voice", "2024-05-13")
    _empty(bad)
    assert invoke("run", bad, "--out", out, "--workers", 1).exit_code != 0   # in this process
    return out, first


def test_a_crash_in_a_second_run_leaves_the_first_runs_results_whole(crashed):
    out, first = crashed
    for name in ("docs.jsonl", "incidents.json", "report.md"):
        assert (out / name).read_bytes() == first[name], name
    assert set(read_docs(out / "docs.jsonl")) == {"saraqib-a", "saraqib-b"}
    json.loads((out / "incidents.json").read_text(encoding="utf-8"))


def test_a_crashed_run_leaves_no_partial_files(crashed):
    out, first = crashed
    assert not list(out.glob("*.tmp"))
    assert (out / "errors.jsonl").read_bytes() == first["errors.jsonl"]


# ------------------------------------------------------------------- entry points and API

def python_m_rasd(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "rasd", *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done


def test_python_dash_m_rasd_help_lists_the_commands():
    assert {"extract", "run"} <= set(python_m_rasd("--help").stdout.split())


@pytest.mark.parametrize("command", ["run", "extract"])
def test_python_dash_m_rasd_command_help(command: str):
    assert "--out" in python_m_rasd(command, "--help").stdout


def test_python_dash_m_rasd_cli_knows_every_command():
    """The module run as a script defines all its commands before it parses the arguments."""
    done = subprocess.run([sys.executable, "-m", "rasd.cli", "serve", "--help"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "--allow-corrections" in done.stdout


def test_rasd_alone_prints_the_help_with_the_commands_in_working_order():
    result = invoke()
    assert result.exit_code == 2
    listed = [line.split()[0] for line in result.stdout.partition("Commands:")[2].splitlines()
              if line[2:3].isalpha()]
    assert listed == ["extract", "run", "add", "correct", "export", "serve"]


def test_rasd_script_run_help():
    script = Path(sys.executable).with_name("rasd")
    done = subprocess.run([str(script), "run", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "--out" in done.stdout


# What start-up must not load: the pipeline and its word lists, the store, the engines, the
# readers, the exports, the model's dataclasses and the libraries only some commands use (pydantic
# is the web server's) (checked by module, not by time).
HEAVY_MODULES = ("rasd.pipeline", "rasd.engine", "rasd.store", "rasd.ingest.readers", "rasd.export.formats",
                 "rasd.model",
                 "rasd.extract.claims", "rasd.geo.gazetteer", "rasd.incidents", "rasd.web",
                 "trafilatura", "pandas", "dask", "distributed", "fastapi", "uvicorn", "tqdm", "orjson",
                 "pydantic", "pydantic_core")


@pytest.mark.parametrize("argv", [None, ["rasd", "--help"], ["rasd", "run", "--help"]],
                         ids=["import", "--help", "run --help"])
def test_start_up_loads_none_of_the_heavy_modules(argv: list[str] | None):
    """``import rasd.cli`` and the help pages, in a fresh interpreter: the modules they load."""
    program = "import sys\nimport rasd.cli\n"
    if argv is not None:
        program += (f"sys.argv = {argv!r}\ntry:\n    rasd.cli.main()\nexcept SystemExit as e:\n"
                    "    assert e.code == 0, e.code\n")
    program += "print('\\n'.join(sys.modules), file=sys.stderr)\n"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stderr.split())
    assert "rasd.cli" in loaded
    assert not {m for m in loaded if m in HEAVY_MODULES or m.startswith(tuple(h + "." for h in HEAVY_MODULES))}


# What `rasd extract` of a few text files must not load: the store and the grouping (it writes no
# store), the progress bar off a terminal, the code-page detector for UTF-8 files, the process
# pool for a batch smaller than a chunk, the other readers' libraries, importlib.resources (the
# word lists are read by path).
EXTRACT_UNUSED = ("rasd.store", "rasd.incidents", "rasd.export.formats", "tqdm", "charset_normalizer",
                  "multiprocessing", "concurrent.futures.process", "trafilatura", "fastwarc", "feedparser",
                  "dask", "distributed", "pandas", "pydantic", "importlib.resources", "zipfile")


def test_extract_of_text_files_loads_none_of_what_it_does_not_use(saraqib: Path, tmp_path: Path):
    """``rasd extract`` of two .txt files (UTF-8), in a fresh interpreter: the modules it loads."""
    argv = ["rasd", "extract", str(saraqib), "--out", str(tmp_path / "docs.jsonl")]
    program = (f"import sys\nimport rasd.cli\nsys.argv = {argv!r}\ntry:\n    rasd.cli.main()\n"
               "except SystemExit as e:\n    assert e.code == 0, e.code\nprint('\\n'.join(sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "rasd.pipeline" in loaded and len(read_docs(tmp_path / "docs.jsonl")) == 2
    assert not {m for m in loaded if m in EXTRACT_UNUSED or m.startswith(tuple(h + "." for h in EXTRACT_UNUSED))}


def test_extract_api_returns_a_document():
    doc = rasd.extract(SARAQIB_B, published="2024-05-14", outlet="Al-Rasid Net")
    assert isinstance(doc, Document)
    assert (doc.published, doc.outlet) == (dt.date(2024, 5, 14), "Al-Rasid Net")
    killed = next(c for c in doc.claims if c.kind == "killed" and not c.breakdown)
    assert (killed.min, killed.max, killed.source.kind) == (9, 9, "monitor")
    assert doc.text[killed.span[0]:killed.span[1]] == "تسعة مدنيين"


def test_run_refuses_an_unknown_setting_before_any_work(saraqib: Path, tmp_path: Path):
    result = invoke("run", saraqib, "--out", tmp_path / "out", "--set", "radius=10")
    assert result.exit_code == 2
    assert "unknown merge setting" in result.output and "same_place_km" in result.output
    assert not (tmp_path / "out").exists()
