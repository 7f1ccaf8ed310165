"""Consonant skeletons: compare an Arabic name with a Latin transliteration of it.

Some catalogued villages have only Latin names ("Tall Jihan"). Both spellings are reduced to
the same coarse skeleton: the article dropped ("al-", "ال"), vowels and the weak letters
ا و ي ى ء ع ة dropped, letters that transliterations confuse merged (ق ك خ -> k; س ص ش -> s;
ت ط ث -> t; د ض ذ -> d; ز ظ -> z; ح ه -> h) and doubled letters collapsed. Two names with the
same skeleton of at least three consonants may be the same place; the matcher uses this only
right after a place word ("قرية"), never on free text.
"""
from __future__ import annotations

import re
import unicodedata

MIN_CONSONANTS = 3

_ARABIC = str.maketrans({
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
    "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ا": "", "و": "", "ي": "",
    "ى": "", "ء": "", "ع": "", "ة": "", "أ": "", "إ": "", "آ": "", "ئ": "", "ؤ": "",
})
_LATIN_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"),
                   ("dj", "j"), ("ph", "f"), ("q", "k"), ("c", "k"), ("x", "ks"), ("v", "f"),
                   ("p", "b"), ("e", ""), ("a", ""), ("i", ""), ("o", ""), ("u", ""), ("y", ""),
                   ("w", ""))
_LATIN_ARTICLE = re.compile(r"\b(?:a|e)(?:l|t|th|d|dh|r|z|s|sh|n)[\s\-‘’'`]+")
_NOT_LETTER = re.compile(r"[^a-z ]+")
_NOT_WORD = re.compile(r"[^\w\s]+")
_DOUBLE = re.compile(r"(.)\1+")


def _collapse(skeleton: str) -> str:
    return _DOUBLE.sub(r"\1", skeleton.replace(" ", ""))


def arabic_skeleton(name: str) -> str:
    """The skeleton of an Arabic name ("تل جيهان" -> "tljhn"); a final ه (ة) is dropped, and
    quotes and brackets are no part of a name ("قناة «آرين»" is "قناة آرين")."""
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in _NOT_WORD.sub(" ", name).split()]
    words = [w[:-1] if w.endswith(("ه", "ة")) and len(w) > 2 else w for w in words]
    return _collapse(" ".join(words).translate(_ARABIC))


def latin_skeleton(name: str) -> str:
    """The skeleton of a Latin transliteration ("Tall Jīhān", "Tell Jihan" -> "tljhn")."""
    plain = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = _LATIN_ARTICLE.sub(" ", " " + plain.replace("-", " "))
    plain = _NOT_LETTER.sub("", plain)
    words = [w[:-1] if w.endswith("h") and len(w) > 2 and w[-2] in "aeiou" else w for w in plain.split()]
    plain = " ".join(words)
    for latin, letter in _LATIN_DIGRAPHS:
        plain = plain.replace(latin, letter)
    return _collapse(plain)


def usable(skeleton: str) -> bool:
    return len(skeleton) >= MIN_CONSONANTS
