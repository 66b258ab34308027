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
