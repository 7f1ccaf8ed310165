"""Synthetic Arabic conflict reports, for the benchmarks only.

Real coverage reports one attack several times: each generated incident (a day, a town,
an attacker, a toll) is written up by one to four outlets, each in its own words, on the
day or the day after, with its own figures (an early toll, a monitor's higher count, a
qualifier) and its own sources. Sentences without figures (context, the humanitarian
situation, background with older tolls) fill each body to 1.5-3 KB of UTF-8, the size of a
real report. Articles come in publication order, over one year; a seed fixes the corpus.

Every planted fact keeps its span, so ``Report.document()`` is the Document a perfect
extractor would read: bench/merge.py times incident grouping on those without paying for
extraction, and bench/extract.py checks how many planted figures the extractor finds.

    .venv/bin/python bench/corpus.py N OUT.jsonl [--seed S]    # articles for the CLI
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import string
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from rasd.extract.actors import source_kind
from rasd.geo.geocode import resolve
from rasd.model import (ActorMention, Article, Claim, ClaimKind, Document, EventDate, GroupKind,
                        PlaceMention, Source, Span)

YEAR_START = dt.date(2023, 1, 1)
SIZE_BYTES = (1500, 3000)
REPORTS_PER_INCIDENT = ((1, 2, 3, 4), (35, 30, 20, 15))   # outlets per incident, weights

WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
MONTHS = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
          "تشرين الأول", "تشرين الثاني", "كانون الأول")
# 3-10 as words: the masculine-looking form counts feminine nouns and the other way round.
WORDS_FOR_MASCULINE = ("ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة")
WORDS_FOR_FEMININE = ("ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر")
INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True)
class Outlet:
    name: str
    slug: str
    arabic: str
    indic_digits: bool = False      # some outlets write ١٢ rather than 12


OUTLETS = (
    Outlet("Sada al-Sharq", "sada", "صدى الشرق"),
    Outlet("Nabd Agency", "nabd", "وكالة نبض", indic_digits=True),
    Outlet("Shahed Network", "shahed", "شبكة شاهد"),
    Outlet("Al-Amal TV", "amal", "قناة الأمل"),
    Outlet("Rawafed News", "rawafed", "روافد نيوز"),
    Outlet("Madar Post", "madar", "مدار بوست", indic_digits=True),
    Outlet("Baladna Today", "baladna", "بلدنا اليوم"),
    Outlet("Al-Manara", "manara", "المنارة"),
    Outlet("Awtad", "awtad", "أوتاد"),
    Outlet("Fajr Press", "fajr", "فجر برس"),
)


@dataclass(frozen=True)
class Noun:
    """A counted noun: plural after 3-10, accusative singular after 11+, the dual for 2."""
    plural: str
    singular: str
    dual: str
    feminine: bool = False


CIVILIANS = Noun("مدنيين", "مدنياً", "مدنيين اثنين")
PEOPLE = Noun("أشخاص", "شخصاً", "شخصين")
CHILDREN = Noun("أطفال", "طفلاً", "طفلين")
FIGHTERS = Noun("عناصر", "عنصراً", "عنصرين")
DEAD = Noun("قتلى", "قتيلاً", "قتيلين")
WOUNDED = Noun("جرحى", "جريحاً", "جريحين")
CASUALTIES = Noun("مصابين", "مصاباً", "مصابين اثنين")
OTHERS = Noun("آخرين", "آخرين", "اثنين آخرين")
RAIDS = Noun("غارات", "غارة", "غارتين", feminine=True)


@dataclass(frozen=True)
class Attacker:
    actor: str                       # canonical name in the actor catalog
    verb: str                        # "<verb phrase> <site>": who hit what
    attack: tuple[str, ...]          # "جراء <attack>", "في <attack> على"
    counts_strikes: bool             # reports count its air strikes
    enemies: tuple[str, ...]         # fighters it hits, as reports name them


ATTACKERS = {
    "russia": Attacker("Russia", "قصفت طائرات حربية روسية",
                       ("غارات جوية روسية", "قصف جوي روسي", "غارات شنتها طائرات حربية روسية"), True,
                       ("هيئة تحرير الشام", "فصائل المعارضة")),
    "regime": Attacker("Syrian government forces", "استهدفت قوات النظام بالمدفعية الثقيلة",
                       ("قصف مدفعي وصاروخي لقوات النظام", "قذائف صاروخية أطلقتها قوات النظام"), False,
                       ("فصائل المعارضة", "هيئة تحرير الشام")),
    "turkey": Attacker("Turkey", "استهدفت طائرة مسيرة تركية",
                       ("ضربة بطائرة مسيرة تركية", "غارة لطائرة مسيرة تركية"), False,
                       ("قوات سوريا الديمقراطية (قسد)",)),
    "sdf": Attacker("SDF/YPG", "قصفت قوات سوريا الديمقراطية (قسد) بقذائف الهاون",
                    ("قصف مدفعي مصدره مواقع قسد", "قذائف أطلقتها قوات سوريا الديمقراطية (قسد)"), False,
                    ("الجيش الوطني السوري",)),
    "coalition": Attacker("US-led coalition", "استهدف طيران التحالف الدولي",
                          ("غارات لطيران التحالف الدولي", "ضربات جوية نفذها طيران التحالف"), True,
                          ("تنظيم الدولة", "الميليشيات الموالية لإيران")),
}


@dataclass(frozen=True)
class Region:
    governorate: str
    towns: tuple[str, ...]
    attackers: tuple[str, ...]


# Towns and who shelled or bombed them in recent years (several per governorate, so that
# one day's incidents in a governorate mostly fall on different towns).
REGIONS = (
    Region("إدلب", ("أريحا", "سراقب", "جسر الشغور", "معرة النعسان", "بنش", "سرمدا", "كفرتخاريم",
                    "خان شيخون", "سرمين", "تفتناز", "الدانا", "حارم", "سلقين", "أرمناز", "كفرنبل",
                    "معرة مصرين", "احسم", "البارة", "كنصفرة", "مرعيان", "إبلين", "محمبل", "قاح"),
           ("russia", "regime")),
    Region("حماة", ("اللطامنة", "كفرزيتا", "مورك", "قلعة المضيق", "كفرنبودة", "صوران", "طيبة الإمام",
                    "حلفايا", "قسطون"), ("russia", "regime")),
    Region("حلب", ("الأتارب", "دارة عزة", "تقاد", "كفرناها", "خان العسل"), ("regime", "russia")),
    Region("حلب", ("عفرين", "الباب", "جرابلس", "اعزاز", "مارع", "جنديرس", "راجو", "بزاعة", "قباسين",
                   "الراعي"), ("sdf",)),
    Region("حلب", ("تل رفعت", "منبج", "عين العرب", "دير جمال"), ("turkey",)),
    Region("دير الزور", ("البوكمال", "الميادين", "هجين", "ذيبان", "الشحيل", "البصيرة", "العشارة",
                         "القورية", "موحسن", "الطيانة", "صبيخان", "الكشكية", "أبو حمام", "غرانيج"),
           ("coalition", "russia")),
    Region("درعا", ("طفس", "نوى", "الصنمين", "انخل", "جاسم", "بصرى الشام", "داعل", "المزيريب",
                    "اليادودة", "الشيخ مسكين", "إبطع", "تسيل"), ("regime",)),
    Region("الحسكة", ("القامشلي", "عامودا", "الدرباسية", "تل تمر", "المالكية", "القحطانية", "تل حميس",
                      "اليعربية"), ("turkey",)),
    Region("الحسكة", ("الشدادي", "الهول"), ("coalition",)),
    Region("الرقة", ("عين عيسى",), ("turkey",)),
    Region("الرقة", ("الطبقة", "المنصورة", "معدان"), ("coalition",)),
)
CITIES = frozenset(("أريحا", "سراقب", "جسر الشغور", "خان شيخون", "حارم", "سلقين", "كفرنبل", "معرة مصرين",
                    "الدانا", "اللطامنة", "مورك", "الأتارب", "دارة عزة", "عفرين", "الباب", "جرابلس", "اعزاز",
                    "مارع", "تل رفعت", "منبج", "عين العرب", "البوكمال", "الميادين", "هجين", "البصيرة",
                    "العشارة", "طفس", "نوى", "الصنمين", "انخل", "جاسم", "بصرى الشام", "داعل", "القامشلي",
                    "عامودا", "الدرباسية", "المالكية", "القحطانية", "الشدادي", "الطبقة"))
SIDES = ("الشرقي", "الشمالي الشرقي", "الشمالي", "الشمالي الغربي", "الغربي", "الجنوبي الغربي", "الجنوبي",
         "الجنوبي الشرقي")     # counter-clockwise from east, as math.atan2 turns


# Struck sites: (as a verb's object, after a preposition).
CIVILIAN_SITES = (("سوقاً شعبية", "سوق شعبية"), ("منزلاً سكنياً", "منزل سكني"), ("سيارة مدنية", "سيارة مدنية"),
                  ("محيط مدرسة", "محيط مدرسة"), ("محطة للوقود", "محطة للوقود"),
                  ("مخيماً للنازحين", "مخيم للنازحين"), ("حياً سكنياً", "حي سكني"), ("فرناً للخبز", "فرن للخبز"))
MILITARY_SITES = (("مقراً عسكرياً", "مقر عسكري"), ("نقطة عسكرية", "نقطة عسكرية"),
                  ("سيارة عسكرية", "سيارة عسكرية"), ("مستودعاً للأسلحة", "مستودع للأسلحة"))

# Figure sentences. A field is a figure ({killed} ...), a place ({town}, {gov}), the
# attacker ({attack}, {verb}), the date phrase ({when}) or the speaker ({src}).
LEADS = (
    "أسفر {attack} على {site_after} في {where} {when} عن مقتل {killed} وإصابة {others}.",
    "{verb} {site} في {where} {when}، ما أدى إلى مقتل {killed} وإصابة {others} بجروح متفاوتة.",
    "سقط {dead} و{wounded} في {attack} على {where} {when}.",
)
ATTRIBUTED = {
    "الدفاع المدني السوري": (
        "وقال {src} في بيان إن فرقه انتشلت جثث {killed} وأسعفت {casualties} إلى المشافي القريبة.",
        "وأوضح {src} أن القصف أسفر عن مقتل {killed}، بينهم {children}، وإصابة {others}.",
    ),
    "المرصد السوري لحقوق الإنسان": (
        "وبحسب {src}، ارتفعت حصيلة القتلى إلى {killed}، مع وجود جرحى في حالات خطرة.",
        "ووثق {src} مقتل {killed} في {attack} على {town}، بينهم {children}.",
    ),
    "مصادر محلية": (
        "وأفادت {src} بأن القصف تسبب بمقتل {killed} وإصابة {others}، وسط حالة من الهلع بين السكان.",
        "وقالت {src} لـ{outlet} إن عدد القتلى بلغ {dead}، في حين وصل عدد الجرحى إلى {wounded}.",
    ),
    "مصدر طبي": (
        "وأكد {src} في مشفى {town} أن المشفى استقبل {wounded} بينهم حالات حرجة.",
        "وأكد {src} في المشفى الوطني بمدينة {seat} أن المشفى استقبل {wounded} نقلوا من موقع القصف.",
    ),
}
STRIKES = (
    "وأشار {src} إلى أن الطائرات الحربية شنت {raids} على الأحياء السكنية ومحيطها.",
    "ورصد {src} تنفيذ {raids} على {town} منذ ساعات الصباح الأولى.",
)
STRIKE_SPEAKERS = ("المرصد السوري لحقوق الإنسان", "الدفاع المدني السوري", "ناشطون محليون")
DENIAL = ("في المقابل، نقلت وكالة الأنباء السورية (سانا) عن {src} قوله إن وحدات الجيش ردت على "
          "مصادر النيران في محيط {town}، نافياً {denial} في صفوف المدنيين.")
BACKGROUND = (
    "يذكر أن المنطقة تشهد تصعيداً عسكرياً منذ بداية العام، قُتل خلاله {tally} بحسب {src}.",
    "وكانت {town} قد تعرضت لقصف مماثل قبل أيام، ما أسفر عن مقتل {earlier}.",
)
HEADLINES = (
    "مقتل {killed} ب{attack} على {town}",
    "{attack} على {town} بريف {gov}",
    "قتلى وجرحى بقصف على {town} في ريف {gov}",
    "ارتفاع حصيلة ضحايا القصف على {town}",
)
BACKGROUND_SOURCE = "فرق التوثيق المحلية"
FILLERS = (
    "وتعرضت المنطقة خلال الأسابيع الماضية لقصف متكرر طال الأحياء السكنية والأسواق والمرافق العامة.",
    "وتواصل فرق الإسعاف البحث عن مفقودين تحت أنقاض المباني المدمرة وسط صعوبات كبيرة بسبب نقص المعدات.",
    "ونزحت عائلات كثيرة من المنطقة باتجاه المخيمات القريبة من الحدود خوفاً من تجدد القصف.",
    "ويعيش السكان أوضاعاً إنسانية صعبة في ظل ارتفاع الأسعار وشح المساعدات الإغاثية.",
    "وطالب ناشطون المنظمات الدولية بالضغط لوقف استهداف المدنيين ومحاسبة المسؤولين عن الانتهاكات.",
    "ولم يصدر أي تعليق رسمي على الحادثة حتى لحظة إعداد هذا الخبر.",
    "وأغلقت المدارس في البلدة أبوابها لليوم الثاني على التوالي، فيما خلت الشوارع من المارة.",
    "وتشهد خطوط التماس في ريف {gov} توتراً متصاعداً رغم التفاهمات المعلنة بين الأطراف الفاعلة.",
    "وأظهرت صور تداولها ناشطون على مواقع التواصل الاجتماعي حجم الدمار الذي لحق بالمنازل والمحال التجارية.",
    "وتعاني المشافي الميدانية في المنطقة من ضغط كبير ونقص في الكوادر الطبية والأدوية الإسعافية.",
    "ويخشى الأهالي من موجة نزوح جديدة مع اقتراب فصل الشتاء وغياب أي حل سياسي في الأفق.",
    "وتأتي هذه التطورات في وقت تتزايد فيه التحذيرات الأممية من تدهور الأوضاع الإنسانية في سوريا.",
    "وتسبب القصف بأضرار مادية واسعة في شبكتي الكهرباء والمياه، ما حرم الأهالي من الخدمات الأساسية.",
    "وناشدت المجالس المحلية الجهات المعنية تأمين مراكز إيواء للعائلات المتضررة.",
    "وقال أحد سكان الحي إن الانفجارات هزت المكان وإن الأطفال أصيبوا بحالة من الذعر الشديد.",
    "وتحلق طائرات الاستطلاع بشكل شبه دائم في سماء المنطقة، ما يثير مخاوف السكان من ضربات جديدة.",
)


# --- planted facts: what a sentence states, rendered, with what a perfect reader records ---

@dataclass(frozen=True)
class Fig:
    text: str
    kind: ClaimKind
    min: int | None
    max: int | None
    group_kind: GroupKind = "unknown"
    qualifier: str | None = None
    approximate: bool = False
    breakdown: bool = False
    denial: bool = False


@dataclass(frozen=True)
class Place:
    text: str
    countryside: bool = False        # written after "ريف": the governorate, not its seat


@dataclass(frozen=True)
class Actor:
    text: str
    actor: str


@dataclass(frozen=True)
class When:
    text: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Speaker:
    text: str


@dataclass(frozen=True)
class Report:
    """One generated article and the facts planted in it."""
    article: Article
    incident: int                    # the generated incident it reports (several articles share one)
    claims: tuple[Claim, ...]
    places: tuple[tuple[Place, Span], ...]
    actors: tuple[ActorMention, ...]
    event_date: EventDate

    def document(self) -> Document:
        """The Document a perfect extractor would read from the article."""
        a = self.article
        places = tuple(m for p, s in self.places if (m := _mention(p, s)) is not None)
        claims = tuple(replace(c, places=tuple(dict.fromkeys(
            p.text for p in places if c.sentence_span[0] <= p.span[0] < c.sentence_span[1])))
            for c in self.claims)
        return Document(doc_id=a.doc_id, text=a.text, title=a.title, published=a.published,
                        outlet=a.outlet, url=a.url, claims=claims, places=places,
                        actors=self.actors, event_date=self.event_date)


@cache
def _resolved(name: str) -> PlaceMention | None:
    return resolve(name)


@cache
def side(town: str, governorate: str) -> str:
    """Where ``town`` lies in its governorate ("الجنوبي"), from the gazetteer's coordinates."""
    here, seat = _resolved(town), _resolved(governorate)
    if here is None or seat is None:
        raise ValueError(f"not in the gazetteer: {town}, {governorate}")
    angle = math.atan2(here.lat - seat.lat, (here.lon - seat.lon) * math.cos(math.radians(seat.lat)))
    return SIDES[round(angle / (math.pi / 4)) % len(SIDES)]


def _mention(place: Place, span: Span) -> PlaceMention | None:
    found = _resolved(f"ريف {place.text}" if place.countryside else place.text)
    return replace(found, text=place.text, span=span) if found else None


_source_kind = cache(source_kind)
_FORMATTER = string.Formatter()


class _Writer:
    """Builds one article text, recording where every planted fact landed."""

    def __init__(self, outlet: Outlet):
        self.outlet = outlet
        self.parts: list[str] = []
        self.size = 0
        self.claims: list[Claim] = []
        self.places: list[tuple[Place, Span]] = []
        self.actors: list[ActorMention] = []
        self.dates: list[EventDate] = []

    def _put(self, piece: str) -> Span:
        self.parts.append(piece)
        self.size += len(piece)
        return self.size - len(piece), self.size

    def text(self) -> str:
        return "".join(self.parts)

    def bytes(self) -> int:
        return len(self.text().encode())

    def paragraph(self) -> None:
        if self.parts:
            self._put("\n\n")

    def sentence(self, template: str, fields: dict[str, object], speaker: str | None = None) -> None:
        """Append one sentence (after a space unless it opens a paragraph)."""
        if self.parts and not self.parts[-1].endswith("\n"):
            self._put(" ")
        start = self.size
        figs: list[tuple[Fig, Span]] = []
        source = Source(self.outlet.name, "outlet")
        for literal, name, _, _ in _FORMATTER.parse(template):
            self._put(literal)
            if name is None:
                continue
            value = Speaker(speaker) if name == "src" else fields[name]
            written = getattr(value, "text", value)
            if self.outlet.indic_digits and isinstance(value, Fig):
                written = written.translate(INDIC_DIGITS)
            span = self._put(written)
            if isinstance(value, Fig):
                figs.append((value, span))
            elif isinstance(value, Speaker):
                source = Source(value.text, _source_kind(value.text), span)
            elif isinstance(value, Place):
                self.places.append((value, span))
            elif isinstance(value, Actor):
                self.actors.append(ActorMention(value.text, span, value.actor, "perpetrator"))
            elif isinstance(value, When):
                self.dates.append(EventDate(value.start, value.end, value.text, span))
        sentence = (start, self.size)
        self.claims.extend(
            Claim(kind=f.kind, min=f.min, max=f.max, span=span, sentence_span=sentence, source=source,
                  group_kind=f.group_kind, qualifier=f.qualifier, approximate=f.approximate,
                  breakdown=f.breakdown, denial=f.denial)
            for f, span in figs)


# --- figures ---

def _number(rng: random.Random, n: int, noun: Noun) -> str:
    """``n`` of ``noun`` as a report writes it: "طفلين", "خمسة مدنيين", "14 مدنياً"."""
    if n == 2:
        return noun.dual
    if n <= 10:
        words = WORDS_FOR_FEMININE if noun.feminine else WORDS_FOR_MASCULINE
        count = words[n - 3] if rng.random() < 0.5 else str(n)
        return f"{count} {noun.plural}"
    return f"{n} {noun.singular}"


@dataclass(frozen=True)
class Count:
    """A figure as one report gives it: the number and how it hedges it."""
    n: int
    qualifier: str | None = None

    def fig(self, rng: random.Random, kind: ClaimKind, noun: Noun, suffix: str = "",
            group_kind: GroupKind = "unknown", breakdown: bool = False) -> Fig:
        text = _number(rng, self.n, noun) + suffix
        lo, hi, approximate = self.n, self.n, False
        if self.qualifier and self.n > 2:
            text = f"{self.qualifier} {text}"
            if self.qualifier == "ما لا يقل عن":
                hi = None
            elif self.qualifier == "أكثر من":
                lo, hi = self.n + 1, None
            else:
                approximate = True
        return Fig(text, kind, lo, hi, group_kind, self.qualifier if self.n > 2 else None,
                   approximate, breakdown)


def _as_reported(rng: random.Random, n: int, floor: int) -> Count:
    """What one source says of a true figure ``n``: often it, sometimes an early or a
    higher count, sometimes hedged."""
    roll = rng.random()
    if roll < 0.5:
        return Count(n)
    if roll < 0.7:
        return Count(max(floor, n - rng.randint(1, 3)))
    if roll < 0.82:
        return Count(n + rng.randint(1, 4))
    return Count(n, rng.choice(("ما لا يقل عن", "أكثر من", "نحو")))


# --- dates ---

def _when(rng: random.Random, day: dt.date, published: dt.date) -> When:
    """How a report published on ``published`` names the incident's ``day``."""
    weekday = WEEKDAYS[day.weekday()]
    if published == day:
        text = rng.choice((f"صباح اليوم {weekday}", f"اليوم {weekday}", f"ظهر اليوم {weekday}"))
        return When(text, day, day)
    roll = rng.random()
    if roll < 0.25:
        before = WEEKDAYS[(day - dt.timedelta(days=1)).weekday()]
        return When(f"ليل {before} – {weekday}", day - dt.timedelta(days=1), day)
    if roll < 0.45:
        return When(f"يوم {weekday} {day.day} {MONTHS[day.month - 1]}", day, day)
    return When(f"{rng.choice(('فجر أمس', 'مساء أمس', 'أمس'))} {weekday}", day, day)


# --- articles ---

@dataclass(frozen=True)
class _Incident:
    number: int
    day: dt.date
    region: Region
    town: str
    attacker: Attacker
    civilians: bool
    enemy: str
    killed: int
    injured: int
    strikes: int
    children: int
    outlets: list[Outlet]


def _incident(rng: random.Random, number: int) -> _Incident:
    region = rng.choice(REGIONS)
    attacker = ATTACKERS[rng.choice(region.attackers)]
    killed = min(2 + int(rng.expovariate(1 / 6)), 45)
    civilians = rng.random() < 0.7
    reports = rng.choices(*REPORTS_PER_INCIDENT)[0]
    return _Incident(
        number=number, day=YEAR_START + dt.timedelta(days=rng.randrange(365)), region=region,
        town=rng.choice(region.towns), attacker=attacker, civilians=civilians,
        enemy=rng.choice(attacker.enemies), killed=killed,
        injured=3 + int(rng.expovariate(1 / 8)), strikes=rng.randint(2, 14) if attacker.counts_strikes else 0,
        children=rng.randint(2, max(2, killed // 2)) if civilians and killed >= 4 else 0,
        outlets=rng.sample(OUTLETS, reports))


def _write(rng: random.Random, inc: _Incident, outlet: Outlet, serial: int) -> Report:
    published = inc.day + dt.timedelta(days=rng.choice((0, 1, 1)))
    town = inc.town
    where = f"{'مدينة' if town in CITIES else 'بلدة'} {{town}} بريف {{gov}} {side(town, inc.region.governorate)}"
    victims = CIVILIANS if inc.civilians else FIGHTERS
    suffix = "" if inc.civilians else f" من {inc.enemy}"
    group: GroupKind = "civilians" if inc.civilians else "fighters"
    site, site_after = rng.choice(CIVILIAN_SITES if inc.civilians else MILITARY_SITES)
    killed = _as_reported(rng, inc.killed, 2)
    injured = _as_reported(rng, inc.injured, 3)
    fields: dict[str, object] = {
        "town": Place(town), "gov": Place(inc.region.governorate, countryside=True),
        "seat": Place(inc.region.governorate),
        "attack": Actor(rng.choice(inc.attacker.attack), inc.attacker.actor),
        "verb": Actor(inc.attacker.verb, inc.attacker.actor),
        "site": site, "site_after": site_after,
        "when": _when(rng, inc.day, published),
        "killed": killed.fig(rng, "killed", victims, suffix, group),
        "dead": killed.fig(rng, "killed", DEAD, group_kind=group),
        "others": injured.fig(rng, "injured", OTHERS),
        "wounded": injured.fig(rng, "injured", WOUNDED),
        "casualties": injured.fig(rng, "injured", CASUALTIES),
        "outlet": f'"{outlet.arabic}"',
        "denial": Fig("وقوع خسائر بشرية", "killed", 0, 0, denial=True),
        "tally": Count(rng.randint(60, 400)).fig(rng, "killed", CIVILIANS, group_kind="civilians"),
        "earlier": Count(rng.randint(2, 9)).fig(rng, "killed", PEOPLE),
    }
    if inc.children:
        fields["children"] = Count(inc.children).fig(rng, "killed", CHILDREN, group_kind="civilians",
                                                     breakdown=True)
    w = _Writer(outlet)
    w.sentence(rng.choice(HEADLINES), fields)
    title = w.text()
    w.paragraph()
    w.sentence(rng.choice(LEADS).replace("{where}", where), fields)
    speakers = [s for s in ATTRIBUTED if inc.civilians or s != "الدفاع المدني السوري"]
    for speaker in rng.sample(speakers, rng.randint(1, 2)):
        templates = [t for t in ATTRIBUTED[speaker] if "{children}" not in t or "children" in fields]
        fields["killed"] = _as_reported(rng, inc.killed, 2).fig(rng, "killed", victims, suffix, group)
        w.paragraph()
        w.sentence(rng.choice(templates), fields, speaker)
    if inc.strikes:
        fields["raids"] = Count(inc.strikes).fig(rng, "strikes", RAIDS)
        w.paragraph()
        w.sentence(rng.choice(STRIKES), fields, rng.choice(STRIKE_SPEAKERS))
    if inc.attacker.actor in ("Russia", "Syrian government forces") and rng.random() < 0.15:
        w.paragraph()
        w.sentence(DENIAL, fields, "مصدر عسكري")
    _fill(rng, w, fields, rng.randint(SIZE_BYTES[0], SIZE_BYTES[1] - 200))

    article = Article(doc_id=f"{outlet.slug}-{published.isoformat()}-{serial:05d}", text=w.text(),
                      origin=f"synthetic:{serial}", title=title, published=published,
                      outlet=outlet.name, url=f"https://{outlet.slug}.example/news/{serial}")
    return Report(article, inc.number, tuple(w.claims), tuple(w.places), tuple(w.actors), w.dates[0])


def _fill(rng: random.Random, w: _Writer, fields: dict[str, object], target: int) -> None:
    """Add context sentences (now and then a background figure) until ``target`` bytes."""
    pending = rng.sample(FILLERS, len(FILLERS))
    if rng.random() < 0.3:
        pending.insert(rng.randrange(len(pending)), rng.choice(BACKGROUND))
    while pending and w.bytes() < target:
        template = pending.pop()
        if w.bytes() + len(template.encode()) + 40 > SIZE_BYTES[1]:
            continue                  # (+40: the words its fields put in)
        if template in BACKGROUND or rng.random() < 0.4:
            w.paragraph()
        w.sentence(template, fields, BACKGROUND_SOURCE)


def reports(n: int, seed: int = 0) -> list[Report]:
    """``n`` reports of incidents spread over a year, in publication order."""
    rng = random.Random(seed)
    out: list[Report] = []
    number = 0
    while len(out) < n:
        inc = _incident(rng, number)
        number += 1
        out.extend(_write(rng, inc, outlet, len(out) + i) for i, outlet in enumerate(inc.outlets))
    out = out[:n]
    out.sort(key=lambda r: (r.article.published, r.article.doc_id))
    return out


def generate(n: int, seed: int = 0) -> list[Article]:
    """``n`` synthetic articles (1.5-3 KB each), in publication order; same seed, same list."""
    return [r.article for r in reports(n, seed)]


def write_jsonl(articles: list[Article], path: Path) -> None:
    """Articles as a .jsonl input for ``rasd extract`` / ``rasd run``."""
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            record = {"id": a.doc_id, "text": a.text, "title": a.title, "outlet": a.outlet,
                      "url": a.url, "published": a.published.isoformat() if a.published else None}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="output .jsonl file")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_jsonl(generate(args.n, args.seed), args.out)
    print(f"{args.n} articles -> {args.out}")


if __name__ == "__main__":
    main()
