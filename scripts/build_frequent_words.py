"""Write ``src/rasd/geo/data/frequent_words.txt``: Arabic words too frequent to be the name of a
village the gazetteer lacks ("قرية مجاورة", "بلدة صغيرة" name no place).

Needs wordfreq (build time only: ``pip install wordfreq==3.1.1``); deterministic.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

from rasd.text.normalize import fold_term

OUT = Path(__file__).resolve().parents[1] / "src" / "rasd" / "geo" / "data" / "frequent_words.txt"
ZIPF = 2.8
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]{2,}$")


def main() -> int:
    words = sorted({fold_term(w) for w in top_n_list("ar", 200_000)
                    if _ARABIC_WORD.match(w) and zipf_frequency(w, "ar") >= ZIPF})
    OUT.write_text("# Arabic words with wordfreq 3.1.1 Zipf frequency >= 2.8 (its Arabic list: code Apache 2.0,\n"
                   "# word lists CC BY-SA 4.0; see ATTRIBUTION.md), folded. A word after قرية/بلدة that is one of\n"
                   "# these names no village the gazetteer lacks. Built by scripts/build_frequent_words.py.\n"
                   + "".join(f"{w}\n" for w in words), encoding="utf-8")
    print(f"{OUT}: {len(words)} words, {OUT.stat().st_size / 1024:.0f} KiB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
