"""Benchmark: what geocoding adds to reading a text.

Generates synthetic Arabic reports (about 2 KB each) from sentence templates and place
names drawn from the gazetteer, then times, over the same texts:
  baseline  fold(text) + one regex scan of the folded text's words (the floor any
            extraction step pays), and
  geocode   find_places(text, folded) with the text already folded, as the pipeline calls it.
Prints articles per second for each and the ratio geocode / baseline (target: < 0.20).
The templates name places about as densely as real report pages do (~10 per KB, counted
on news pages with their related-links boxes).

Then two quality numbers:
  coverage   of Syrian place names assembled from the public sources in ../shared/data/gazetteer
             (every OpenSyria sub-district name and alias, and 25 Who's On First localities with an
             Arabic name drawn per governorate), each put in a sentence with a place word and its
             governorate ("قصفت القوات قرية X في محافظة Y"): the share found in that governorate.
             Skipped when ../shared is absent.
  precision  of the place chosen on the sentences of bench/geocode_cases.tsv (written for this
             benchmark, each with the gazetteer place it must resolve to), and how many were found.

    .venv/bin/python bench/geocode.py [N_ARTICLES]
"""
from __future__ import annotations

import csv
import json
import random
import re
import sys
import time
from pathlib import Path

from rasd.geo.gazetteer import load
from rasd.geo.geocode import find_places
from rasd.text.normalize import fold, fold_term

BENCH = Path(__file__).resolve().parent
SOURCES = BENCH.parent.parent / "shared" / "data" / "gazetteer"
GOVERNORATES_AR = {"Al-Hasakah": "الحسكة", "Aleppo": "حلب", "As-Suwayda": "السويداء", "Damascus": "دمشق",
                   "Daraa": "درعا", "Deir ez-Zor": "دير الزور", "Hama": "حماة", "Homs": "حمص", "Idlib": "إدلب",
                   "Latakia": "اللاذقية", "Quneitra": "القنيطرة", "Raqqa": "الرقة", "Rif Dimashq": "ريف دمشق",
                   "Tartus": "طرطوس"}
# Who's On First region names of Syria's governorates (its README's column `region`).
WOF_REGIONS = {"Hasaka (Al Haksa)": "Al-Hasakah", "Aleppo": "Aleppo", "As Suwayda'": "As-Suwayda",
               "Damascus": "Damascus", "Dar`a": "Daraa", "Days Az Zawr": "Deir ez-Zor", "Hamah": "Hama",
               "Homs (Hims)": "Homs", "Idlib": "Idlib", "Lattakia": "Latakia", "Quneitra": "Quneitra",
               "Ar Raqqah": "Raqqa", "Rif Dimashq": "Rif Dimashq", "Tartus": "Tartus"}
_ARABIC = re.compile(r"[\u0621-\u064a ]+")

SENTENCES = (
    "قصفت طائرات حربية يعتقد أنها روسية أطراف بلدة {a} في ريف {g} الجنوبي صباح اليوم.",
    "وقال مراسلنا إن غارة جوية استهدفت منزلاً في قرية {a} ما أدى إلى مقتل {n} مدنيين بينهم أطفال.",
    "وأفاد الدفاع المدني بأن فرقه انتشلت جثث الضحايا من تحت الأنقاض في {a} و{b}.",
    "وتعرضت مدينة {a} لقصف مدفعي مصدره مواقع قوات النظام المتمركزة قرب {b}.",
    "وذكر المرصد أن الحصيلة مرشحة للارتفاع بسبب وجود جرحى في حالات خطرة نقلوا إلى مشافي {g}.",
    "ويأتي ذلك بعد يومين من هجوم بطائرة مسيرة على سيارة عسكرية على الطريق بين {a} و{b}.",
    "ونزح عشرات العائلات من {a} باتجاه المخيمات المنتشرة على الحدود مع تركيا.",
    "وتشهد المنطقة منذ أسابيع تصعيداً عسكرياً رغم اتفاق وقف إطلاق النار الموقع في آذار الماضي.",
    "وأكد مصدر محلي أن الطائرات حلقت لساعات في سماء {g} قبل أن تنفذ {n} غارات متتالية.",
    "وطالب ناشطون المجتمع الدولي بالتحرك لوقف الانتهاكات بحق المدنيين في شمال غربي سوريا.",
    "وأوضح المصدر أن فرق الإسعاف واجهت صعوبة في الوصول إلى المكان بسبب استمرار التحليق.",
    "وكانت الأمم المتحدة قد حذرت في تقرير سابق من تدهور الأوضاع الإنسانية وارتفاع أعداد النازحين.",
    "ولم يصدر أي تعليق رسمي حتى ساعة إعداد هذا التقرير، فيما تتواصل عمليات البحث عن مفقودين.",
    "وتعاني المشافي الميدانية من نقص حاد في المعدات الطبية والأدوية اللازمة لعلاج المصابين.",
)


def place_names() -> tuple[list[str], list[str]]:
    """Syrian town names and governorate seats to fill the templates with."""
    towns, seats = [], ["إدلب", "حلب", "حماة", "دير الزور", "الرقة", "الحسكة", "درعا", "اللاذقية"]
    for key, entry in load().names.items():
        if not entry.stop and not entry.weak and any(p.country == "SY" for p in entry.places):
            towns.append(key)
    return towns, seats


def articles(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    towns, seats = place_names()
    out = []
    for _ in range(n):
        parts: list[str] = []
        while sum(map(len, parts)) < 2000:
            parts.append(rng.choice(SENTENCES).format(a=rng.choice(towns), b=rng.choice(towns),
                                                      g=rng.choice(seats), n=rng.randint(2, 30)))
        out.append(" ".join(parts))
    return out


WORD = re.compile(r"[^\W_]+")


def source_names(per_governorate: int = 25, seed: int = 11) -> list[tuple[str, str, str]]:
    """(name, governorate, kind) from OpenSyria's sub-districts and a sample of WOF localities."""
    out = []
    governorates = {g["id"]: g["name"]["en"]
                    for g in json.loads((SOURCES / "opensyria-governorates.json").read_text(encoding="utf-8"))}
    for sub in json.loads((SOURCES / "opensyria-subdistricts.json").read_text(encoding="utf-8")):
        names = [sub["name"]["ar"], *(a["value"] for a in sub["aliases"] if a["language"] == "ar")]
        for name in dict.fromkeys(re.sub(r"^(?:ناحية|مركز) ", "", n) for n in names):
            out.append((name, governorates[sub["governorateId"]], "sub-district"))
    rng = random.Random(seed)
    by_gov: dict[str, list[str]] = {}
    with (SOURCES / "wof-sy.tsv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            first = r["names_ar"].split("/")[0].strip()
            if r["placetype"] == "locality" and r["region"] in WOF_REGIONS and _ARABIC.fullmatch(first):
                by_gov.setdefault(WOF_REGIONS[r["region"]], []).append(first)
    for gov, names in sorted(by_gov.items()):
        out.extend((name, gov, "locality") for name in rng.sample(names, min(per_governorate, len(names))))
    return out


def coverage() -> dict[str, tuple[int, int]]:
    """Per kind of source name: (found in its governorate, total)."""
    tally: dict[str, list[int]] = {}
    for name, gov, kind in source_names():
        word = "ناحية" if kind == "sub-district" else "قرية"
        text = f"قصفت القوات {word} {name} في محافظة {GOVERNORATES_AR[gov]} صباح اليوم"
        hit = any(fold_term(m.text) == fold_term(name) and m.admin1 == gov for m in find_places(text))
        counts = tally.setdefault(kind, [0, 0])
        counts[0] += hit
        counts[1] += 1
    return {kind: (found, total) for kind, (found, total) in tally.items()}


def precision() -> tuple[int, int, int]:
    """(right place, places found, sentences) on bench/geocode_cases.tsv."""
    right = found = 0
    rows = [ln.split("\t") for ln in (BENCH / "geocode_cases.tsv").read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")][1:]
    for sentence, name, expected in rows:
        chosen = [m for m in find_places(sentence) if fold_term(m.text) == fold_term(name)]
        found += bool(chosen)
        right += bool(chosen) and chosen[0].gazetteer_id == expected
    return right, found, len(rows)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    t0 = time.perf_counter()
    load()
    load_s = time.perf_counter() - t0
    texts = articles(n)
    kb = sum(map(len, texts)) / n / 1024

    t0 = time.perf_counter()
    folded = [fold(t) for t in texts]
    words = sum(len(WORD.findall(f.text)) for f in folded)
    baseline = time.perf_counter() - t0

    t0 = time.perf_counter()
    found = sum(len(find_places(t, f)) for t, f in zip(texts, folded))
    geocode = time.perf_counter() - t0

    print(f"gazetteer load: {load_s * 1000:.0f} ms")
    print(f"{n} synthetic articles, {kb:.1f} KB and {words / n:.0f} words each on average")
    print(f"baseline (fold + regex scan): {n / baseline:8.0f} articles/s  {baseline / n * 1000:.3f} ms/article")
    print(f"find_places (folded given):   {n / geocode:8.0f} articles/s  {geocode / n * 1000:.3f} ms/article"
          f"  ({found / n:.1f} places/article)")
    print(f"ratio geocode / baseline: {geocode / baseline:.2f}")

    if SOURCES.is_dir():
        for kind, (hit, total) in coverage().items():
            print(f"coverage, {kind} names of the sources: {hit}/{total} = {hit / total:.2f}")
    else:
        print(f"coverage: skipped ({SOURCES} not found)")
    right, found, total = precision()
    print(f"precision of the chosen place on {total} written sentences: {right}/{found} = {right / found:.2f}"
          f" (found {found}/{total})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
