"""Quality gate: the shared dev set's scores must not fall below the floors in quality_floors.json.

Runs the real command line on ../shared/dev and the shared scorers on its output, as CI and
the project's users see it. Skipped where ../shared is absent (a user's clone).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((Path(__file__).with_name("quality_floors.json")).read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(),
                                reason="../shared (dev data and scorers) is not available")


def _rasd_run(inputs: Path, out: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "rasd", "run", str(inputs), "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert (out / "docs.jsonl").exists() and (out / "incidents.json").exists(), done.stderr[-2000:]


def _scores(*args: str) -> dict[str, float]:
    """The scorer's summary line ("name=value ...") as numbers."""
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120,
                          cwd=SHARED / "eval")
    last = done.stdout.strip().splitlines()[-1]
    return {k: float(v) for k, v in (item.split("=") for item in last.split()) if "." in v}


def _check(scores: dict[str, float], floors: dict[str, float]) -> None:
    short = {name: (scores.get(name), floor) for name, floor in floors.items()
             if scores.get(name, 0.0) < floor}
    assert not short, f"below the floor (score, floor): {short}; all scores: {scores}"


@pytest.fixture(scope="module")
def airwars_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("airwars")
    _rasd_run(SHARED / "dev" / "airwars" / "articles.jsonl", out)
    return out


def test_sample_articles(tmp_path):
    _rasd_run(SHARED / "dev" / "articles", tmp_path)
    scores = _scores("score.py", "--gold", str(SHARED / "dev" / "gold"), "--docs", str(tmp_path / "docs.jsonl"),
                     "--incidents", str(tmp_path / "incidents.json"))
    _check(scores, FLOORS["sample_articles"])


def test_airwars_claims(airwars_out):
    scores = _scores("score.py", "--gold", str(SHARED / "dev" / "gold-airwars"),
                     "--docs", str(airwars_out / "docs.jsonl"))
    _check(scores, FLOORS["airwars_claims"])


def test_airwars_incidents(airwars_out):
    scores = _scores("score_incidents.py", "--quiet", "--gold", str(SHARED / "dev" / "airwars" / "incidents.jsonl"),
                     "--incidents", str(airwars_out / "incidents.json"))
    _check(scores, FLOORS["airwars_incidents"])


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "bench" / "written").iterdir() if p.is_dir()))
def test_written_check_sets(name, tmp_path):
    """The reports written for rasd (bench/written): their floors, and grouping above grouping
    by publication day."""
    written = ROOT / "bench" / "written" / name
    _rasd_run(written / "articles.jsonl", tmp_path)
    scores = _scores("score_incidents.py", "--quiet", "--gold", str(written / "incidents.jsonl"),
                     "--incidents", str(tmp_path / "incidents.json"))
    _check(scores, FLOORS["written_incidents"][name])
    by_day = subprocess.run([sys.executable, str(ROOT / "bench" / "by_day.py"), str(written / "incidents.jsonl"),
                             str(tmp_path / "docs.jsonl")], capture_output=True, text=True, timeout=60)
    baseline = float(by_day.stdout.strip().rsplit("=", 1)[1])
    assert scores["articles_bcubed_f1"] > baseline + 0.05, (scores, baseline)
