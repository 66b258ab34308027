"""The extraction contract: frozen dataclasses returned by the pipeline.

Offsets are Python string indices into the paragraph's cleaned text, so
``paragraph.text[start:end] == item.text`` always holds.  ``to_dict`` gives the
JSON shape documented for ``manage.py extract_article``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ROLES = ("title", "lead", "caption", "dateline", "heading", "body")
# Paragraphs that present the article rather than tell it.
FRONT_MATTER = ("title", "lead", "caption")


@dataclass(frozen=True)
class Meta:
    date: str | None = None  # ISO date, or None when "unknown"/absent
    source: str | None = None
    title: str = ""
    lead: str | None = None
    credit: str | None = None
    dateline: str | None = None


@dataclass(frozen=True)
class Paragraph:
    index: int
    role: str  # one of ROLES
    text: str


@dataclass(frozen=True)
class Mention:
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    name: str  # canonical: nominative, full name
    type: str  # PERSON | PLACE | ORGANIZATION | ...
    mentions: tuple[Mention, ...] = ()
    aliases: tuple[str, ...] = ()  # other surface forms seen (inflected, short)
    roles: tuple[str, ...] = ()  # role phrases the article gives it ("ministrul de Externe")


@dataclass(frozen=True)
class Quote:
    paragraph: int
    start: int
    end: int
    text: str
    kind: str = "direct"  # direct | indirect
    speaker: str | None = None  # canonical entity name or None
    speaker_mention: str | None = None  # the words in the text that name the speaker
    cue: str | None = None  # verb or phrase of saying ("a spus", "potrivit")
    addressee: str | None = None
    inferred: bool = False  # speaker not named in the quote's own sentence
    confidence: float = 0.5
    speaker_kind: str = "unknown"  # entity | description | unknown
    speaker_entity: int | None = None  # index in Extraction.entities when speaker_kind is "entity"


@dataclass(frozen=True)
class Figure:
    paragraph: int
    start: int
    end: int
    text: str
    kind: str  # quantity | money | percent | date
    value: float | int | str | None = None
    unit: str | None = None
    qualifier: str | None = None  # more_than | less_than | approximately | up_to | thousands | None
    # A range ("100-200 m", "2004-2005") carries both ends; ``value`` is the low end. None for a single value.
    low: float | int | str | None = None
    high: float | int | str | None = None

    def to_dict(self) -> dict:
        """The contract's keys; ``low``/``high`` only for a range."""
        data = asdict(self)
        if self.low is None and self.high is None:
            del data["low"], data["high"]
        return data


@dataclass(frozen=True)
class Extraction:
    meta: Meta
    paragraphs: tuple[Paragraph, ...]
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    cleaned_text: str = field(default="", repr=False)

    def to_dict(self) -> dict:
        return {
            "meta": asdict(self.meta),
            "paragraphs": [asdict(p) for p in self.paragraphs],
            "quotes": [asdict(q) for q in self.quotes],
            "entities": [
                {
                    "name": e.name,
                    "type": e.type,
                    "aliases": list(e.aliases),
                    **({"roles": list(e.roles)} if e.roles else {}),
                    "mentions": [asdict(m) for m in e.mentions],
                }
                for e in self.entities
            ],
            "figures": [f.to_dict() for f in self.figures],
        }


class ExtractionError(ValueError):
    """Input that cannot be read as an article; the message is shown to the user as is."""
