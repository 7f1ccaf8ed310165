#!/usr/bin/env bash
# Dev scores split by incident year: 2021 is the fit half, 2022 the check half.
# Usage: scripts/dev_scores.sh [OUT_DIR]   (needs ../shared beside the project and .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(readlink -f ../shared)
out=${1:-$(mktemp -d)}
.venv/bin/rasd run "$shared/dev/airwars/articles.jsonl" --out "$out/aw" >/dev/null 2>&1 || true
.venv/bin/rasd run "$shared/dev/articles" --out "$out/seeds" >/dev/null 2>&1 || true
python3 "$shared/eval/score.py" --gold "$shared/dev/gold" --docs "$out/seeds/docs.jsonl" \
  --incidents "$out/seeds/incidents.json" | tail -n 1 | sed 's/^/samples:        /'
python3 "$shared/eval/score.py" --gold "$shared/dev/gold-airwars" --docs "$out/aw/docs.jsonl" \
  | tail -n 1 | sed 's/^/claims all:     /'
for year in 2021 2022; do
  mkdir -p "$out/gold-claims-$year"
  python3 - "$shared" "$year" "$out/gold-claims-$year" <<'PY'
import json, shutil, sys
from pathlib import Path
shared, year, dest = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
years = {d: g["incident_date"][:4] for g in map(json.loads, (shared / "dev/airwars/incidents.jsonl").open())
         for d in g["doc_ids"]}
for f in (shared / "dev/gold-airwars").glob("source-*.json"):
    if years.get(f.stem) == year:
        shutil.copy(f, dest / f.name)
PY
  python3 "$shared/eval/score.py" --gold "$out/gold-claims-$year" --docs "$out/aw/docs.jsonl" \
    | tail -n 1 | sed "s/^/claims $year:    /"
done
(cd "$shared/eval" && python3 score_incidents.py --quiet --gold ../dev/airwars/incidents.jsonl \
  --incidents "$out/aw/incidents.json" | tail -n 1 | sed 's/^/incidents all:  /')
for year in 2021 2022; do
  grep "\"incident_date\": \"$year" "$shared/dev/airwars/incidents.jsonl" >"$out/gold-$year.jsonl"
  (cd "$shared/eval" && python3 score_incidents.py --quiet --gold "$out/gold-$year.jsonl" \
    --incidents "$out/aw/incidents.json" | tail -n 1 | sed "s/^/incidents $year: /")
done
# The written check sets (bench/written/*: reports written for rasd; which were read to find faults
# and which only measure: README.md, Development), with the
# B-cubed F1 of grouping by publication day beside rasd's as the yardstick.
for set in bench/written/*/; do
  name=$(basename "$set")
  .venv/bin/rasd run "$set/articles.jsonl" --out "$out/written-$name" >/dev/null 2>&1 || true
  (cd "$shared/eval" && python3 score_incidents.py --quiet --gold "$OLDPWD/$set/incidents.jsonl" \
    --incidents "$out/written-$name/incidents.json" | tail -n 1 | sed "s/^/written $name:      /")
  python3 bench/by_day.py "$set/incidents.jsonl" "$out/written-$name/docs.jsonl" | sed "s/^/written $name:      /"
done
