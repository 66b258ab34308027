"""Generated Romanian-like news articles for benchmarks and scale tests (never for measuring quality).

Every article is in the project's text format and carries quotes with cues, names, places and
numbers, so the whole pipeline has realistic work; the generator also knows where it put each
quote and name, which lets `generate_articles` fill a database without running extraction.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

FIRST = ["Ion", "Maria", "Andrei", "Elena", "Mihai", "Ioana", "Radu", "Ana", "Cristian", "Alina", "Vlad", "Irina"]
LAST = ["Popescu", "Ionescu", "Dumitrescu", "Stan", "Georgescu", "Marin", "Tudor", "Dobre", "Stoica", "Munteanu",
        "Constantin", "Barbu", "Nistor", "Lungu", "Voicu", "Enache"]
ROLES = ["ministrul Finanțelor", "primarul", "purtătorul de cuvânt", "directorul spitalului", "președintele CJ",
         "analistul economic", "deputatul", "antrenorul echipei"]
PLACES = ["București", "Cluj-Napoca", "Iași", "Timișoara", "Constanța", "Brașov", "Craiova", "Galați", "Oradea"]
ORGS = ["Banca Națională a României", "Ministerul Sănătății", "Curtea Constituțională", "Guvernul", "Senatul",
        "Consiliul Județean", "Agenția Națională de Administrare Fiscală"]
SOURCES = ["digi24.ro", "LUME", "ECONOMIE", "hotnews.ro", "SPORT", "LOCAL"]
TOPICS = ["bugetul pe anul viitor", "noul spital regional", "prețul energiei", "reforma pensiilor",
          "lucrările la autostradă", "campania de vaccinare", "investițiile în școli", "criza apei"]
CUES_AFTER = ["a declarat", "a spus", "a precizat", "a adăugat", "a explicat", "a subliniat", "a transmis"]
SAYINGS = [
    "Nu vom accepta ca {topic} să fie amânat din nou, pentru că oamenii au așteptat destul",
    "Am discutat cu toți partenerii și vom găsi o soluție pentru {topic} până la sfârșitul lunii",
    "Cifrele arată clar că {topic} costă mai mult decât s-a estimat inițial",
    "Este o decizie grea, dar necesară, iar {topic} rămâne prioritatea noastră",
    "Vom publica toate documentele despre {topic}, ca oricine să le poată verifica",
]
FILLER = [
    "Autoritățile din {place} au anunțat că {topic} va fi discutat într-o ședință extraordinară săptămâna viitoare.",
    "Potrivit datelor oficiale, peste {n} de persoane au fost afectate de {topic} în ultimul an.",
    "Proiectul are un buget de aproximativ {m} milioane de lei, finanțat din fonduri europene.",
    "Reprezentanții {org} au transmis că analizează toate variantele legate de {topic}.",
    "Locuitorii din {place} spun că au aflat despre {topic} abia după ce decizia a fost luată.",
    "Rata de execuție a ajuns la {p}%, potrivit unui raport publicat miercuri.",
]


@dataclass
class ExpectedSpan:
    """What extraction should find in a generated article: a quote (with its speaker) or a named entity."""

    paragraph: int
    start: int
    end: int
    label: str  # "quote", "PERSON", "PLACE", "ORGANIZATION"
    speaker: str = ""


@dataclass
class Generated:
    name: str
    text: str
    title: str
    source: str
    published_on: date
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (role, text)
    spans: list[ExpectedSpan] = field(default_factory=list)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def generate(index: int, *, paragraphs: int = 14, seed: int = 2025) -> Generated:
    """One article; the same index and seed give the same article."""
    rng = random.Random(seed * 1_000_003 + index)
    topic, place = rng.choice(TOPICS), rng.choice(PLACES)
    speakers = [(person(rng), rng.choice(ROLES)) for _ in range(rng.randint(1, 3))]
    published = date(2020, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    title = f"{speakers[0][0]}: dezbatere despre {topic} la {place} ({index})"
    out = Generated(name=f"generated-{index:06d}.txt", text="", title=title, source=rng.choice(SOURCES),
                    published_on=published)
    out.paragraphs.append(("title", title))
    out.paragraphs.append(("lead", f"Discuțiile despre {topic} continuă la {place}, unde autoritățile promit decizii."))
    for i in range(paragraphs):
        position = len(out.paragraphs)
        name, role = rng.choice(speakers)
        if i % 3 == 0:
            saying = rng.choice(SAYINGS).format(topic=topic)
            text = f"„{saying}”, {rng.choice(CUES_AFTER)} {role}, {name}."
            out.spans.append(ExpectedSpan(position, 1, 1 + len(saying), "quote", name))
            at = text.rindex(name)
            out.spans.append(ExpectedSpan(position, at, at + len(name), "PERSON"))
        else:
            text = rng.choice(FILLER).format(place=place, topic=topic, org=rng.choice(ORGS), n=rng.randint(2, 90) * 100,
                                             m=rng.randint(2, 900), p=rng.randint(10, 99))
            if place in text:
                at = text.index(place)
                out.spans.append(ExpectedSpan(position, at, at + len(place), "PLACE"))
        out.paragraphs.append(("body", text))
    body = "\n\n".join(t for _, t in out.paragraphs[2:])
    out.text = f" date {published.isoformat()} {out.source}\n{title}\n{out.paragraphs[1][1]}\n\n{body}\n"
    return out


def word_count(text: str) -> int:
    return len(text.split())


# --- statements reported again (bench/provenance.py) -------------------------------------------------------

VOCABULARY = sorted(set("""
acum adevărat administrație afară ajutor alegeri amânare an analiză angajați anunț apă arătat asigurare autostradă
avem bani bine buget bugetul calcul calitate caz cetățeni cheltuieli cifre clar comisie competiție condiții
consiliu contract control costuri credem criză cred curând datorie decizie deficit depinde deschis dezvoltare
discuție document drum economie efort energie europene explicație facem familii fonduri garantăm greu grijă
guvern idee important imposibil impozit informații inflație investiție investiții judecată lege lucrări lună
mare măsură medici mijloace minciună modernizare necesar nevoie noi normal obiectiv obligație oameni oficial
opinie oraș parteneri pensii plan plată politică posibil prețuri primărie prioritate problemă program proiect
promisiune public rapid reformă regional regulă responsabilitate rezultat risc salarii sănătate săptămână școli
serviciu sigur sistem situație soluție spital sprijin stat strategie sumă taxe termen timp transparență tren
țară urgent vară venituri verificăm viitor voință zonă zile interes eficiență încredere întârziere îmbunătățire
""".split()))
FUNCTION_WORDS = ["nu", "vom", "este", "și", "că", "pentru", "la", "în", "din", "cu", "pe", "o", "un", "mai", "care",
                  "să", "de", "toate", "acest", "fără"]
ALTERATIONS = {"vom": "putem", "poate": "va", "nu": "niciodată", "este": "pare", "toate": "unele"}


@dataclass
class ReportedQuote:
    """A quote the generator put in an article, and the statement it truly is (for scoring the grouping)."""

    paragraph: int
    start: int
    end: int
    statement: int  # the true statement; every other quote with this number is the same statement
    speaker: str
    altered: bool = False


def statement_words(number: int, *, seed: int = 2025) -> list[str]:
    """The words of true statement ``number``: 9-16 words, content words between function words."""
    rng = random.Random(seed * 7_919 + number * 104_729)
    words = []
    for _ in range(rng.randint(9, 16)):
        words.append(rng.choice(FUNCTION_WORDS) if rng.random() < 0.35 else rng.choice(VOCABULARY))
    return words


def statement_speaker(number: int, *, seed: int = 2025) -> str:
    rng = random.Random(seed * 15_485_863 + number)
    return person(rng)


def alter(words: list[str], rng: random.Random) -> list[str]:
    """A retelling: one word dropped, changed ("vom" becoming "putem") or added."""
    words = list(words)
    at = rng.randrange(len(words))
    how = rng.choice(("drop", "change", "add"))
    if how == "drop" and len(words) > 9:
        del words[at]
    elif how == "change":
        words[at] = ALTERATIONS.get(words[at]) or rng.choice(VOCABULARY)
    else:
        words.insert(at, rng.choice(VOCABULARY))
    return words


def generate_reported(index: int, *, articles: int, seed: int = 2025, repeat: float = 0.5, altered: float = 0.3,
                      misattributed: float = 0.05) -> tuple[Generated, list[ReportedQuote]]:
    """An article whose quotes are statements: a share ``repeat`` are statements other articles of the archive
    also report (a pool of articles // 4, the popular ones more often), some of them ``altered``, some credited to
    another speaker; the rest are the article's own. Returns the article and the truth about its quotes."""
    rng = random.Random(seed * 1_000_033 + index)
    pool = max(articles // 4, 10)
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    published = date(2020, 1, 1) + timedelta(days=index * 6 * 365 // max(articles, 1))
    title = f"Declarații despre {topic} la {place} ({index})"
    out = Generated(name=f"reported-{index:07d}.txt", text="", title=title, source=rng.choice(SOURCES),
                    published_on=published)
    out.paragraphs.append(("title", title))
    out.paragraphs.append(("lead", f"Discuțiile despre {topic} continuă la {place}, unde autoritățile promit decizii."))
    truth = []
    for k in range(3):
        if rng.random() < repeat:
            number = min(int(rng.paretovariate(1.2)) - 1, pool - 1)  # popular statements come back more often
            number = (number * 7_919 + rng.randrange(pool)) % pool if rng.random() < 0.7 else number
        else:
            number = pool + index * 3 + k  # said once, here
        words = statement_words(number, seed=seed)
        is_altered = number < pool and rng.random() < altered
        if is_altered:
            words = alter(words, rng)
        speaker = statement_speaker(number, seed=seed)
        if number < pool and rng.random() < misattributed:
            speaker = person(rng)
        saying = " ".join(words)
        saying = saying[0].upper() + saying[1:]
        position = len(out.paragraphs)
        text = f"„{saying}”, {rng.choice(CUES_AFTER)} {speaker}."
        out.spans.append(ExpectedSpan(position, 1, 1 + len(saying), "quote", speaker))
        at = text.rindex(speaker)
        out.spans.append(ExpectedSpan(position, at, at + len(speaker), "PERSON"))
        truth.append(ReportedQuote(position, 1, 1 + len(saying), number, speaker, is_altered))
        out.paragraphs.append(("body", text))
        filler = rng.choice(FILLER).format(place=place, topic=topic, org=rng.choice(ORGS), n=rng.randint(2, 90) * 100,
                                           m=rng.randint(2, 900), p=rng.randint(10, 99))
        out.paragraphs.append(("body", filler))
    body = "\n\n".join(t for _, t in out.paragraphs[2:])
    out.text = f" date {published.isoformat()} {out.source}\n{title}\n{out.paragraphs[1][1]}\n\n{body}\n"
    return out, truth
