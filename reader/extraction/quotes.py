"""Find quotations and their speakers in an article's paragraphs.

Direct quotes are the top-level quoted spans (see marks.py) that read as speech: attributed by a verb
of saying after or before them, introduced by a colon, or whole sentences continuing the previous
speaker.  Short quoted words without any cue are scare quotes or titles and are skipped.  Reported
speech (indirect quotes) comes from indirect.py.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .attribution import Cue, find_cues, np_after, subject_before
from .dialogue import INTERVIEW_RE, Dialogue, find_dialogue
from .indirect import View, find_indirect
from .lexicon import (
    GERUND_RE,
    LOWERCASE_IN_NAMES,
    PRONOUNS,
    REPORTING_CUE_RE,
    ROLE_LEMMA,
    SAY_VERB,
    SOURCE_PREP_RE,
    STATEMENT_NOUN_CUE,
    TITLE_NOUNS,
)
from .marks import MASK_CHAR, QuotedSpan, find_spans, mask, sentence_bounds, sentences
from .names import NAME_SEQ_RE, clean_np, looks_like_person, strip_role_prefix
from .normalize import match_key
from .speaker_choice import Context, choose_speakers
from .speakers import Prior, Resolved, SpeakerIndex
from .types import FRONT_MATTER, Entity, Paragraph, Quote

_AFTER_CUE_RE = re.compile(
    rf"^[\s,;–—-]*(?P<cue>(?:se\s+|s-a\s+|și-a\s+)?(?:{STATEMENT_NOUN_CUE}|{SAY_VERB}|{SOURCE_PREP_RE.pattern}))",
    re.IGNORECASE,
)
_AFTER_SUBJECT_CUE_RE = re.compile(rf"^[\s,]*(?P<np>[^,.;·]{{1,60}}?)\s+(?P<cue>{SAY_VERB})\s*$", re.IGNORECASE)
# "- Ion Țiriac", "— Donald J. Trump (@realDonaldTrump) March 3, 2025", "A post shared by Ion Pop (@ionpop)"
# (signature lines of pull quotes and embedded social posts)
_PULL_SPEAKER_RE = re.compile(
    rf"^(?:[-–—]|A post shared by|O postare (?:distribuită|partajată) de)\s*"
    rf"(?P<name>{NAME_SEQ_RE.pattern}(?:\s+[A-Z]\.(?:\s+{NAME_SEQ_RE.pattern})?)?)\s*(?:[,(].{{0,120}})?$"
)
# "„…”. Ion Pop" ending the paragraph: the name alone signs the quote, as under a pull quote.
_SIGNATURE_RE = re.compile(rf"\s*[.,]?\s*[-–—]?\s*(?P<name>{NAME_SEQ_RE.pattern})\s*\.?\s*$")
_TRAILING_ATTRIBUTION_RE = re.compile(
    rf",\s*(?:{SAY_VERB})\s+[^,.;:!?„”“\"]{{1,60}}(?:,[^,.;:!?„”“\"]{{1,60}})?[.!?]?$", re.IGNORECASE
)
_SENTENCE_PUNCT = ".!?…"
_MIN_FREE_WORDS = 8  # a quote this long is speech even without a cue mid-sentence
_MIN_SENTENCE_WORDS = 3  # a quoted whole sentence this long is speech
_MAX_RUNNING = 6  # paragraphs a quote may run through without marks, between its opening and its closing


@dataclass
class _Direct:
    view: View
    span: QuotedSpan
    speaker: Resolved | None = None
    cue: str | None = None
    addressee: str | None = None
    has_cue: bool = False
    introduced: bool = False  # a colon announces the quote even when no speaker is found
    cue_after: bool = False  # the verb of saying follows the closing mark: „Nu”, a răspuns el.
    cue_is_source: bool = False  # the cue is "potrivit", "conform": a source, not a verb of saying

    @property
    def pos(self) -> tuple[int, int]:
        return self.view.index, self.span.start

    @property
    def text(self) -> str:
        return self.view.text[self.span.start:self.span.end]


def find_quotes(paragraphs: tuple[Paragraph, ...], entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    return attribute_quotes(paragraphs, entities)[0]


def attribute_quotes(paragraphs: tuple[Paragraph, ...], entities: tuple[Entity, ...]
                     ) -> tuple[tuple[Quote, ...], tuple[Entity, ...]]:
    """The quotes with their speakers chosen by evidence, and the entities plus speakers the recogniser missed."""
    proposals, ctx, answers = propose_quotes(paragraphs, entities)
    return choose_speakers(proposals, entities, ctx, answers)


def propose_quotes(paragraphs: tuple[Paragraph, ...], entities: tuple[Entity, ...]
                   ) -> tuple[tuple[Quote, ...], Context, frozenset[int]]:
    """Quotes with the speakers their cues propose, and what speaker_choice needs to weigh the evidence."""
    views, spans = _prepare(paragraphs)
    _bridge_running_quotes(views, spans)
    dialogue = find_dialogue([v.text for v in views], [v.role for v in views], spans)
    answers = _mask_answers(views, spans, dialogue) if dialogue else {}
    index = SpeakerIndex([v.masked for v in views], entities)
    indirect = find_indirect(views, index)
    direct = [_attribute(_Direct(v, s), index, views) for v in views if v.index not in answers
              for s in spans[v.index]]
    direct = [_inside_report(d, indirect) or _headline_quote(d, index) or d for d in direct]
    direct = [d for d in direct if _is_speech(d)]
    if dialogue:
        direct.extend(_answer_quotes(views, answers, dialogue, index))
    turns = {t.paragraph for t in (*dialogue.answers, *dialogue.questions)} if dialogue else set()
    direct.extend(d for d in _pull_quotes(views, spans, index) if d.view.index not in turns)
    _carry_over_chains(direct)
    quotes = tuple(sorted(_finish(direct, indirect, index), key=lambda q: (q.paragraph, q.start)))
    texts = [v.text for v in views]
    ctx = Context(texts, [v.masked for v in views], [v.role for v in views], [v.sentences for v in views],
                  index.apposed_roles(), index.genders(texts))
    return quotes, ctx, frozenset(answers)


def _prepare(paragraphs: tuple[Paragraph, ...]) -> tuple[list[View], dict[int, list[QuotedSpan]]]:
    views, spans = [], {}
    for p in paragraphs:
        found = [_split_trailing_attribution(p.text, s) for s in find_spans(p.text)]
        masked = mask(p.text, found)
        views.append(View(p.index, p.role, p.text, masked, sentences(masked)))
        spans[p.index] = found
    return views, spans


def _bridge_running_quotes(views: list[View], spans: dict[int, list[QuotedSpan]]) -> None:
    """A quote opened in one paragraph and closed a few paragraphs later runs through the paragraphs between,
    which carry no marks at all: each of them is a piece of the same quote."""
    k = 0
    while k < len(views):
        opened = spans[views[k].index]
        if not opened or opened[-1].open_at is None or opened[-1].close_end is not None:
            k += 1
            continue
        end = next((j for j in range(k + 1, min(k + 1 + _MAX_RUNNING, len(views)))
                    if spans[views[j].index]), None)
        closing = spans[views[end].index][0] if end is not None else None
        if closing is None or closing.open_at is not None or closing.close_end is None:
            k += 1
            continue
        for j in range(k + 1, end):
            view = views[j]
            if view.role != "body":
                break
            span = QuotedSpan(0, len(view.text.rstrip()), None, None)
            spans[view.index] = [span]
            masked = mask(view.text, [span])
            views[j] = View(view.index, view.role, view.text, masked, sentences(masked))
        k = end


def _inside_report(d: _Direct, indirect: list[Quote]) -> _Direct | None:
    """Quoted words inside a reported clause are the reporter's subject's own words: „X a spus că „…” …"."""
    if d.has_cue or d.introduced:
        return None
    for q in indirect:
        if q.paragraph == d.view.index and q.start <= d.span.start and d.span.end <= q.end and q.speaker:
            speaker = Resolved(q.speaker, q.speaker_mention, q.confidence, q.inferred)
            return replace(d, speaker=speaker, cue=q.cue, has_cue=True)
    return None


def _headline_quote(d: _Direct, index: SpeakerIndex) -> _Direct | None:
    """A headline quoting a person it names ("X evocă „…”", "„…” - pledoaria lui X") gives them the words."""
    if d.has_cue or d.introduced or d.view.role not in ("title", "lead") or _after_title_noun(d):
        return None
    if len(d.text.split()) < _MIN_SENTENCE_WORDS or _looks_like_title(d.text.split(), d.text):
        return None  # one or two quoted words in a headline are a label or irony, not a statement
    people = index.people_in(d.view.index)
    if not people:
        return None
    return replace(d, speaker=Resolved(people[0], None, Prior.PERSON_OF_PARAGRAPH, inferred=True), has_cue=True)


def _mask_answers(views: list[View], spans: dict[int, list[QuotedSpan]], dialogue: Dialogue) -> dict[int, QuotedSpan]:
    """An interview answer is one quote from its turn's start to the paragraph's end, marks inside included."""
    answers = {}
    for turn in dialogue.answers:
        view = views[turn.paragraph]
        span = QuotedSpan(turn.start, len(view.text.rstrip()), None, None)
        if len(view.text[span.start:span.end].split()) < _MIN_SENTENCE_WORDS:
            continue
        answers[turn.paragraph] = span
        spans[turn.paragraph] = [span]
        masked = mask(view.text, [span])
        views[turn.paragraph] = View(view.index, view.role, view.text, masked, sentences(masked))
    return answers


def _answer_quotes(views: list[View], answers: dict[int, QuotedSpan], dialogue: Dialogue,
                   index: SpeakerIndex) -> list[_Direct]:
    interviewee = _interviewee(views, dialogue, index)
    labels = {t.paragraph: t.label for t in dialogue.answers if t.label}
    out = []
    for p, span in answers.items():
        label = labels.get(p)
        labelled = label in dialogue.answer_labels
        speaker = Resolved(index.canonical(label), label, Prior.ANSWER_LABEL) if labelled else interviewee
        out.append(_Direct(views[p], span, speaker, None, None, has_cue=True))
    return out


def _interviewee(views: list[View], dialogue: Dialogue, index: SpeakerIndex) -> Resolved | None:
    """Who answers: the answering label, else the person named after *interviu*, else the article's main person."""
    if dialogue.answer_labels:
        label = dialogue.answer_labels[0]
        return Resolved(index.canonical(label), label, Prior.INTERVIEW_LABEL, inferred=True)
    if dialogue.announced_at is not None:
        text = views[dialogue.announced_at].text
        announce = INTERVIEW_RE.search(text)
        for m in NAME_SEQ_RE.finditer(text, announce.end() if announce else 0):
            name = strip_role_prefix(m.group(0))
            if name and (index.is_person(name) or looks_like_person(name)):
                return Resolved(index.canonical(name), name, Prior.ANNOUNCED_INTERVIEWEE, inferred=True)
    person = index.most_mentioned_person()
    return Resolved(person, None, Prior.MOST_MENTIONED_PERSON, inferred=True) if person else None


def _split_trailing_attribution(text: str, span: QuotedSpan) -> QuotedSpan:
    """„Vom câștiga, a spus Ion Pop. -- the closing mark is missing but the attribution shows where it was."""
    if span.close_end is not None:
        return span
    m = _TRAILING_ATTRIBUTION_RE.search(text, span.start, span.end)
    if not m or m.start() <= span.start:
        return span
    return QuotedSpan(span.start, m.start(), span.open_at, m.start())


# -- attribution of one direct quote ------------------------------------------------------------------------


def _attribute(d: _Direct, index: SpeakerIndex, views: list[View]) -> _Direct:
    masked, span = d.view.masked, d.span
    a, b = sentence_bounds(masked, span.start, d.view.sentences)
    before_start = max(a, _previous_close(d))
    before_end = span.open_at if span.open_at is not None else span.start
    if span.close_end is not None:
        found = _after_cue(d, index, b)
        if found and REPORTING_CUE_RE.fullmatch(found.cue or ""):
            # "X a declarat că „…”, relatează Reuters": the outlet only passes on what X said.
            said = _before_cue(d, index, before_start, before_end)
            if said and said.speaker and said.speaker.speaker and not said.cue_is_source:
                return said
        if found:
            return found
    found = _before_cue(d, index, before_start, before_end)
    if found is None and not masked[:before_end].strip() and 0 < d.view.index <= len(views):
        found = _introduced_by_previous(d, index, views[d.view.index - 1])
    return found or d


def _introduced_by_previous(d: _Direct, index: SpeakerIndex, prev: View) -> _Direct | None:
    """A paragraph ending in a colon ("Ion Pop a scris pe Facebook:") introduces the quote that follows."""
    end = len(prev.masked.rstrip())
    if not end or prev.masked[end - 1] != ":":
        return None
    a, _ = sentence_bounds(prev.masked, end - 1, prev.sentences)
    intro = _before_cue(_Direct(prev, QuotedSpan(end, end, end, None)), index, a, end)
    if intro is None or intro.speaker is None:
        return replace(d, introduced=True)
    speaker = replace(intro.speaker, inferred=True)
    return replace(d, speaker=speaker, cue=intro.cue, has_cue=True)


def _previous_close(d: _Direct) -> int:
    """Start of the text that may attribute this quote: after the previous quote's closing mark."""
    masked = d.view.masked
    k = d.span.open_at if d.span.open_at is not None else d.span.start
    while k > 0 and masked[k - 1] != MASK_CHAR:
        k -= 1
    return masked.find(" ", k) if k > 0 else 0


def _after_cue(d: _Direct, index: SpeakerIndex, b: int) -> _Direct | None:
    masked = d.view.masked
    close = d.span.close_end
    end = max(b, close)
    nxt = masked.find(MASK_CHAR, close)
    after = masked[close:end if nxt < 0 else min(end, nxt)]
    m = _AFTER_CUE_RE.match(after)
    pos = (d.view.index, close)
    if m and GERUND_RE.fullmatch(m.group("cue").strip()):
        return None  # "„criza”, spunând că ...": the gerund introduces what follows, not the quote
    if m:
        cue_end = close + m.end()
        np, apposition, addressee = np_after(masked, cue_end, end)
        if not np.strip():
            speaker = Resolved(index.latest_person(pos), None, Prior.LATEST_PERSON_AFTER_VERB, inferred=True)
        else:
            speaker = index.resolve_np(np, pos, apposition=apposition)
        addressee = index.canonical(addressee) if addressee else None
        return replace(d, speaker=speaker, cue=m.group("cue").strip(), addressee=addressee, has_cue=True,
                       cue_after=True)
    m = _SIGNATURE_RE.match(masked, close)
    if m and looks_like_person(m.group("name")):
        name = m.group("name")
        return replace(d, speaker=Resolved(index.canonical(name), name, Prior.SIGNATURE), has_cue=True, cue_after=True)
    m = _AFTER_SUBJECT_CUE_RE.match(after)
    if m and len(m.group("np").split()) <= 5:
        return replace(d, speaker=index.resolve_np(m.group("np"), pos), cue=m.group("cue"), has_cue=True)
    return None


def _before_cue(d: _Direct, index: SpeakerIndex, start: int, end: int) -> _Direct | None:
    masked = d.view.masked
    cues = find_cues(masked, start, end)
    if cues:
        cue = cues[-1]
        return replace(d, speaker=_speaker_of_cue(d, index, cue, start, end), cue=cue.text, has_cue=True,
                       cue_is_source=cue.is_source)
    before = masked[start:end].rstrip()
    if before.endswith(":"):
        speaker = _colon_speaker(before[:-1], index, (d.view.index, start))
        if speaker:
            return replace(d, speaker=speaker, has_cue=True)
        return replace(d, introduced=True)
    return None


def _speaker_of_cue(d: _Direct, index: SpeakerIndex, cue: Cue, start: int, end: int) -> Resolved:
    masked, pos = d.view.masked, (d.view.index, cue.start)
    if cue.is_source:
        comma = masked.find(",", cue.end, end)
        return index.resolve_np(masked[cue.end:comma if comma > 0 else end], pos)
    np, apposition, _ = np_after(masked, cue.end, end)
    if masked[start:cue.start].strip(" ,;–—-") == "" and np:
        return index.resolve_np(np, pos, apposition=apposition)  # interrupted quote: „A”, a spus X, „B”
    if np and _names_someone(np):
        return index.resolve_np(np, pos, apposition=apposition)  # "Iată ce a declarat Ion Pop: „…”"
    return subject_before(index, d.view.index, masked, start, cue, None)


def _names_someone(np: str) -> bool:
    first = np.split()[0]
    return first[0].isupper() or first.lower() in ROLE_LEMMA


def _colon_speaker(before: str, index: SpeakerIndex, pos: tuple[int, int]) -> Resolved | None:
    """Headline style "X: „…”" / "Ce notă a obținut liderul AUR: „…”": the first person, pronoun or role."""
    tokens = before.split()
    for k, tok in enumerate(tokens):
        word = tok.strip(",.;()").lower()
        rest = " ".join(tokens[k:])
        if k == 0 and word in PRONOUNS:
            return index.resolve_np(rest, pos)
        if word in ROLE_LEMMA:
            return index.resolve_np(clean_np(rest.split(",")[0]), pos)
        m = NAME_SEQ_RE.match(rest)
        if m and (looks_like_person(m.group(0)) or index.is_person(m.group(0))):
            return Resolved(index.canonical(m.group(0)), m.group(0), Prior.NAME_BEFORE_COLON)
        if k == 0 and m and tok.endswith(","):
            # "Iohannis, despre criză: „…”"
            return Resolved(index.canonical(m.group(0)), m.group(0), Prior.NAME_AND_TOPIC_BEFORE_COLON)
    if len(tokens) == 1 and NAME_SEQ_RE.fullmatch(tokens[0]):
        return Resolved(index.canonical(tokens[0]), tokens[0], Prior.NAME_AND_TOPIC_BEFORE_COLON)  # "Ciolacu: „…”"
    return None


# -- which quoted spans are speech ----------------------------------------------------------------------------


def _is_speech(d: _Direct) -> bool:
    text = d.text
    words = text.split()
    if not words or _after_title_noun(d) or (_looks_like_title(words, text) and not d.cue_after):
        return False
    if d.has_cue or d.introduced:
        return True
    # Without a cue, only a quote that is a sentence of its own reads as speech; one that runs into the
    # narrative ("„Pace pentru toți” este sloganul ...") is a name or a slogan.
    if not _ends_sentence(d):
        return False
    if d.span.open_at is None and d.span.start == 0:
        return len(words) >= _MIN_SENTENCE_WORDS
    return len(words) >= _MIN_FREE_WORDS or (len(words) >= _MIN_SENTENCE_WORDS and _starts_sentence(d))


def _ends_sentence(d: _Direct) -> bool:
    if d.span.close_end is None:
        return True
    rest = d.view.masked[d.span.close_end:].lstrip()
    return not rest or rest[0] in _SENTENCE_PUNCT + ";" or d.text.rstrip()[-1] in _SENTENCE_PUNCT


def _looks_like_title(words: list[str], text: str) -> bool:
    """„Vocea României”, „Legea Offshore”: short, every content word capitalised, no sentence punctuation."""
    if len(words) > 6 or text.rstrip()[-1] in _SENTENCE_PUNCT:
        return False
    content = [w for w in words if w.lower() not in LOWERCASE_IN_NAMES]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _after_title_noun(d: _Direct) -> bool:
    """„…” right after "programul", "legea", "emisiunea" ... is the name of that thing."""
    if d.span.open_at is None:
        return False
    before = d.view.masked[max(0, d.span.open_at - 30):d.span.open_at].split()
    return bool(before) and before[-1].lower() in TITLE_NOUNS


def _starts_sentence(d: _Direct) -> bool:
    masked = d.view.masked
    k = d.span.open_at if d.span.open_at is not None else d.span.start
    before = masked[:k].rstrip()
    return not before or before[-1] in _SENTENCE_PUNCT + ":”\"“»"


# -- quotes whose speaker comes from elsewhere ----------------------------------------------------------------


def _pull_quotes(views: list[View], spans: dict[int, list[QuotedSpan]], index: SpeakerIndex) -> list[_Direct]:
    """A paragraph without marks followed by a line "- Ion Țiriac" is that person's quote."""
    out = []
    for view, nxt in zip(views, views[1:], strict=False):
        m = _PULL_SPEAKER_RE.match(nxt.text)
        if not m or spans[view.index] or len(view.text.split()) < _MIN_SENTENCE_WORDS:
            continue
        name = m.group("name")
        span = QuotedSpan(0, len(view.text), None, None)
        out.append(_Direct(view, span, Resolved(index.canonical(name), name, Prior.TURN_LABEL), None, None, True))
    return out


def _carry_over_chains(direct: list[_Direct]) -> None:
    """A quote running over paragraphs: every piece but the last lacks a closing mark; the last one is attributed."""
    direct.sort(key=lambda d: d.pos)
    for k in range(len(direct) - 2, -1, -1):
        d, nxt = direct[k], direct[k + 1]
        if d.has_cue or d.span.close_end is not None or nxt.view.index != d.view.index + 1:
            continue
        if nxt.span.open_at not in (None, 0) or not nxt.speaker:
            continue
        inherited = Resolved(nxt.speaker.speaker, nxt.speaker.mention,
                             nxt.speaker.confidence * Prior.CONTINUED_QUOTE_FACTOR, True)
        direct[k] = replace(d, speaker=inherited, cue=nxt.cue, has_cue=True)


def _finish(direct: list[_Direct], indirect: list[Quote], index: SpeakerIndex) -> list[Quote]:
    """Quotes without attribution continue the previous speaker; title quotes borrow from the body."""
    events = sorted([(d.pos, "d", d) for d in direct] + [((q.paragraph, q.start), "i", q) for q in indirect],
                    key=lambda e: e[0])
    out: list[Quote] = []
    last: Resolved | None = None
    last_pos = (0, 0)
    for pos, kind, item in events:
        if kind == "i":
            out.append(item)
            if item.speaker:
                last, last_pos = Resolved(item.speaker, item.speaker_mention, item.confidence, item.inferred), pos
            continue
        d: _Direct = item
        speaker = d.speaker
        if not d.has_cue:
            if d.view.role in FRONT_MATTER:
                speaker = _borrow_from_body(d, direct)
            else:
                speaker = _continued_speaker(index, last, last_pos, pos)
        quote = _to_quote(d, speaker)
        out.append(quote)
        if quote.speaker:
            last, last_pos = speaker, pos
    return out


def _continued_speaker(index: SpeakerIndex, last: Resolved | None, last_pos: tuple[int, int],
                       pos: tuple[int, int]) -> Resolved | None:
    """The previous speaker, unless the narrative named someone else since ("Maria Pop a venit cu o altă poziție.")."""
    # Only paragraphs after the previous quote's one count: its own attribution may name others in passing.
    newcomer = index.subject_between((last_pos[0] + 1, 0), pos) if last else index.latest_person(pos)
    if newcomer and (not last or newcomer != last.speaker):
        return Resolved(newcomer, None, Prior.NEWCOMER, inferred=True)
    if last and last.speaker:
        return Resolved(last.speaker, last.mention, Prior.PREVIOUS_SPEAKER, inferred=True)
    return None


def _borrow_from_body(d: _Direct, direct: list[_Direct]) -> Resolved | None:
    """A headline quote usually repeats (a shortened) quote from the body: take that quote's speaker.

    Failing that, a headline quote is most often the article's main voice: the most quoted speaker.
    """
    words = set(match_key(d.text).split())
    body = [o for o in direct if o.view.role not in FRONT_MATTER and o.speaker and o.speaker.speaker]
    best, best_score = None, 0.3
    for other in body:
        score = len(words & set(match_key(other.text).split())) / max(1, len(words))
        if score > best_score:
            best, best_score = other.speaker, score
    if best:
        return Resolved(best.speaker, best.mention, Prior.SIMILAR_QUOTE, inferred=True)
    counts = Counter(o.speaker.speaker for o in body)
    if not counts:
        return None
    name, _ = counts.most_common(1)[0]
    return Resolved(name, None, Prior.MOST_QUOTED, inferred=True)


def _to_quote(d: _Direct, speaker: Resolved | None) -> Quote:
    has_name = bool(speaker and speaker.speaker)
    confidence = speaker.confidence if has_name else 0.35
    if d.span.open_at is None or d.span.close_end is None:
        confidence *= 0.9  # a mark is missing: the span itself is a guess
    return Quote(
        paragraph=d.view.index, start=d.span.start, end=d.span.end, text=d.text, kind="direct",
        speaker=speaker.speaker if has_name else None, speaker_mention=speaker.mention if speaker else None,
        cue=d.cue, addressee=d.addressee, inferred=bool(speaker and speaker.inferred) or not d.has_cue,
        confidence=round(max(0.05, min(0.99, confidence)), 2),
    )
