"""Reported speech: ``X a declarat că …``, ``…, potrivit X``, ``…, a anunțat clubul``, ``spunând că …``.

The span of an indirect quote is the reported content clause.  Works on masked paragraph texts so that
cues inside direct quotes are ignored (a direct quote may itself contain "potrivit ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attribution import Cue, find_cues, np_after, subject_before
from .lexicon import CUM_VERBS, LEADING_CONNECTOR_RE, ROLE_LEMMA, VERBISH_RE
from .marks import MASK_CHAR
from .names import is_np
from .speakers import Prior, Resolved, SpeakerIndex
from .types import Quote

# Between the verb and "că" only short adverbials may stand: "a declarat la rândul său că", "a afirmat pe 28 martie că".
# A dot between letters is no sentence end: "a povestit pentru ziarul.ro că".
_THAT_RE = re.compile(r"(?P<gap>(?:[^.;:!?·„”“\"«»]|(?<=\w)\.(?=\w)){0,110}?)(?<![\w-])(?P<conj>că|cum)(?![\w-])",
                      re.IGNORECASE)
_CLAUSE_STOP_RE = re.compile(r"[;:]|\s[–—]\s")
_CLAUSE_COMMA_RE = re.compile(r",(?!\d)|(?<!\d),")
# ", dar a refuzat să ..." -- the same subject goes on doing something else: the report is over.
_NEW_PREDICATE_RE = re.compile(
    r",\s+(?:dar|însă|iar|ci|apoi)\s+(?:apoi\s+|ulterior\s+)?(?:nu\s+)?(?:mai\s+)?(?:a|au)\s+"
    r"[a-zăâîșț]+(?:at|it|ut|us|ăt|ât|is|as)\b",
    re.IGNORECASE,
)
# Verbs that report speech only when a person or an institution is their subject.
_WEAK_CUE_RE = re.compile(r"(?:(?:a|au)\s+(?:mai\s+)?)?(?:arată|arătat|arătând|crede|cred|demonstrat|dovedit)",
                          re.IGNORECASE)
# A conjunction right before another verb of saying: the same speaker goes on to a second report.
_JOINED_CUE_RE = re.compile(r"\s+(?:și|iar|dar|însă)\s+(?:(?:i|le|ne)-)?$", re.IGNORECASE)
_SHORT_GAP = 45
_UNRESOLVED = Prior.DESCRIPTION  # resolve_np's confidence for a phrase it could not tie to anyone
_NEGATED_RE = re.compile(r"\bnu\s+$", re.IGNORECASE)
_RELATIVE_RE = re.compile(r"\b(?:care|ce)\s+(?:mai\s+)?$", re.IGNORECASE)
_MIN_WORDS = 2


@dataclass
class View:
    """One paragraph prepared for attribution."""

    index: int
    role: str
    text: str
    masked: str
    sentences: list[tuple[int, int]]


def find_indirect(views: list[View], index: SpeakerIndex) -> list[Quote]:
    out: list[Quote] = []
    for view in views:
        for a, b in view.sentences:
            out.extend(_sentence_quotes(view, a, b, index))
    return out


def _sentence_quotes(view: View, a: int, b: int, index: SpeakerIndex) -> list[Quote]:
    quotes: list[Quote] = []
    previous: Resolved | None = None
    cues = find_cues(view.masked, a, b)
    for k, cue in enumerate(cues):
        if cue.is_source:
            q = _source_quote(view, a, b, cue, index, has_earlier_cue=k > 0)
            if q:
                quotes.append(q)
            continue
        if _NEGATED_RE.search(view.masked, max(a, cue.start - 4), cue.start):
            continue  # "X nu a spus că ...": nothing was reported
        content = _content_after(view.masked, cue, b)
        if content is not None:
            speaker = _subject(view, a, b, cue, index, previous)
            previous = speaker
            if _WEAK_CUE_RE.fullmatch(cue.text) and not _names_someone(speaker):
                continue  # "Meciul a arătat că ...": showing is not saying unless someone does it
            q = _make(view, content, cue, speaker)
            if q:
                quotes.append(q)
            continue
        q = _postposed_quote(view, a, b, cue, index)
        if q:
            quotes.append(q)
    return quotes


def _names_someone(speaker: Resolved) -> bool:
    return bool(speaker.speaker) and speaker.speaker[0].isupper() and speaker.confidence > _UNRESOLVED


def _subject(view: View, a: int, b: int, cue: Cue, index: SpeakerIndex, previous: Resolved | None) -> Resolved:
    head = view.masked[a:cue.start].rstrip()
    if head.endswith(",") and not cue.is_gerund:
        np, _, _ = np_after(view.masked, cue.end, b)
        gap = _THAT_RE.match(view.masked[cue.end:b])
        if np and gap and len(np) <= len(gap.group("gap")) and is_np(np):
            resolved = index.resolve_np(np, (view.index, cue.end), apposition=None)
            if resolved.speaker and resolved.confidence > _UNRESOLVED:
                return resolved  # "..., a declarat ministrul că" (not "a precizat în aceeași conferință că")
    return subject_before(index, view.index, view.masked, a, cue, previous)


def _content_after(masked: str, cue: Cue, b: int) -> tuple[int, int] | None:
    m = _THAT_RE.match(masked, cue.end, b)
    if not m:
        return None
    if m.group("conj").lower() == "cum" and not cue.text.lower().endswith(CUM_VERBS):
        return None
    gap = m.group("gap")
    # "îl acuză pe ministrul X că": a direct object may stand, however long, before the clause.
    if len(gap) > _SHORT_GAP and not gap.rstrip().endswith(",") and not gap.lstrip().lower().startswith("pe "):
        return None  # a long run before "că" without a closing comma: the "că" belongs to a noun ("faptului că")
    if find_cues(masked, cue.end, m.start("conj")):
        return None  # another verb of saying stands in between: the "că" belongs to it
    start = m.end()
    while start < b and masked[start] in " ,":
        start += 1
    end = _clause_end(masked, start, b)
    if _RELATIVE_RE.search(masked[max(0, cue.start - 12):cue.start]):
        comma = _CLAUSE_COMMA_RE.search(masked, start, end)  # "X, care a declarat că A, a fost ..."
        end = comma.start() if comma else end
    return start, end


def _clause_end(masked: str, start: int, b: int) -> int:
    """The content clause ends at the sentence end, a colon/semicolon, or before the next attribution."""
    end = b
    for pattern in (_CLAUSE_STOP_RE, _NEW_PREDICATE_RE):
        stop = pattern.search(masked, start, end)
        if stop:
            end = stop.start()
    for cue in find_cues(masked, start, end):
        joined = _JOINED_CUE_RE.search(masked, start, cue.start)
        if joined:
            return joined.start()  # "... sunt „rușinoase” și a explicat că ...": a second report begins
        comma = _last_comma(masked, start, cue.start)
        if comma < 0:
            continue
        between = masked[comma + 1:cue.start]
        if _is_attribution_lead(between):
            return _back_over_appositions(masked, start, comma)
    return end


def _last_comma(masked: str, start: int, end: int) -> int:
    """Position of the last clause comma in masked[start:end], ignoring decimal commas ("9,69"); -1 if none."""
    for m in reversed(list(_CLAUSE_COMMA_RE.finditer(masked, start, end))):
        return m.start()
    return -1


def _is_attribution_lead(between: str) -> bool:
    """Text between a comma and the next cue that makes the cue a new attribution (", iar ulterior a anunțat")."""
    rest = LEADING_CONNECTOR_RE.sub("", between.strip())
    words = rest.split()
    if re.match(r"\s*iar\b", between, re.IGNORECASE) and is_np(rest):
        return True  # ", iar mama partenerei lui X a răspuns": "iar" brings in a new subject
    return len(words) <= 4 or bool(re.match(r"^(?:și-a|s-a|și)\b", rest))


def _back_over_appositions(masked: str, start: int, comma: int) -> int:
    """"..., liderul partidului, Dan Ionescu, și-a ... a menționat" -- the subject segments are not content."""
    while True:
        prev = _last_comma(masked, start, comma)
        if prev < 0:
            return comma
        segment = masked[prev + 1:comma]
        if not is_np(segment) or len(segment.split()) > 6:
            return comma
        comma = prev


def _source_quote(view: View, a: int, b: int, cue: Cue, index: SpeakerIndex, *, has_earlier_cue: bool) -> Quote | None:
    """"…, potrivit autorităților." (content before) or "Potrivit X, …" (content after)."""
    masked = view.masked
    if masked[a:cue.start].strip(" ,") == "" or LEADING_CONNECTOR_RE.fullmatch(masked[a:cue.start].strip()):
        comma = masked.find(",", cue.end, b)
        if comma < 0:
            return None
        speaker = index.resolve_np(masked[cue.end:comma], (view.index, cue.start))
        nxt = masked.find(",", comma + 1, b)
        if nxt > 0 and masked[comma + 1:nxt].split()[:1] and masked[comma + 1:nxt].split()[0].lower() in ROLE_LEMMA:
            comma = nxt  # "Potrivit lui Ion Pop, ministrul Economiei, ...": skip the apposition
        start = comma + 1
        while start < b and masked[start] == " ":
            start += 1
        return _make(view, (start, _clause_end(masked, start, b)), cue, speaker)
    if has_earlier_cue or not masked[a:cue.start].rstrip().endswith(","):
        return None  # "…, a declarat X, potrivit Agerpres": the agency reports the report
    end = masked.find(",", cue.end, b)
    speaker = index.resolve_np(masked[cue.end:end if end > 0 else b], (view.index, cue.start))
    return _make(view, (_clause_start(masked, a), masked.rfind(",", a, cue.start)), cue, speaker)


def _postposed_quote(view: View, a: int, b: int, cue: Cue, index: SpeakerIndex) -> Quote | None:
    """"Mihai Ene este noul antrenor, a anunțat clubul." -- the whole clause before the cue is reported."""
    masked = view.masked
    head = masked[a:cue.start].rstrip()
    if cue.is_gerund or not head.endswith(","):
        return None
    np, apposition, _ = np_after(masked, cue.end, b)
    if not np or not np[0].isalpha():
        return None
    if not VERBISH_RE.search(head):
        return None  # "Președintele X, Ion Pop, a transmis": a subject with its apposition, not a report
    if any(_content_after(masked, inner, cue.start) for inner in find_cues(masked, a, cue.start)
           if not inner.is_source):
        return None  # "X le-a explicat că ..., scrie Reuters": X's report stands; the outlet passes it on
    speaker = index.resolve_np(np, (view.index, cue.end), apposition=apposition)
    return _make(view, (_clause_start(masked, a), a + len(head) - 1), cue, speaker)


def _clause_start(masked: str, a: int) -> int:
    m = LEADING_CONNECTOR_RE.match(masked, a)
    return m.end() if m else a


def _make(view: View, span: tuple[int, int], cue: Cue, speaker: Resolved) -> Quote | None:
    start, end = span
    text = view.text
    while end > start and text[end - 1] in " ,;:.":
        end -= 1
    while start < end and text[start] in " ,;:":
        start += 1
    visible = view.masked[start:end].replace(MASK_CHAR, " ")
    visible = re.sub(r"[^\w\s]", " ", visible)
    quoted = MASK_CHAR in view.masked[start:end]
    if len(visible.split()) < (1 if quoted else _MIN_WORDS) or not visible.strip():
        return None  # the clause is only a direct quote: it is reported as a direct quote instead
    confidence = round(min(0.9, 0.25 + 0.6 * speaker.confidence), 2) if speaker.speaker else 0.3
    return Quote(
        paragraph=view.index, start=start, end=end, text=text[start:end], kind="indirect",
        speaker=speaker.speaker, speaker_mention=speaker.mention, cue=cue.text, inferred=speaker.inferred,
        confidence=confidence,
    )
