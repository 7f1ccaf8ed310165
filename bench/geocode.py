"""Benchmark: what geocoding adds to reading a text.

Generates synthetic Arabic reports (about 2 KB each) from sentence templates and place
names drawn from the gazetteer, then times, over the same texts:
  baseline  fold(text) + one regex scan of the folded text's words (the floor any
            extraction step pays), and
  geocode   find_places(text, folded) with the text already folded, as the pipeline calls it.
Prints articles per second for each and the ratio geocode / baseline (target: < 0.20).
The templates name places about as densely as real report pages do (~10 per KB, counted
on news pages with their related-links boxes).

    .venv/bin/python bench/geocode.py [N_ARTICLES]
"""
from __future__ import annotations

import random
import re
import sys
import time

from rasd.geo.gazetteer import load
from rasd.geo.geocode import find_places
from rasd.text.normalize import fold

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
