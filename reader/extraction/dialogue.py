"""Interviews: question and answer turns, whose answers are the interviewee's words without any marks.

Three shapes are recognised, the way Romanian outlets print interviews:

- labelled turns: ``Reporter: Ce ați simțit?`` / ``I.P.: Am simțit ...`` (the label that asks is the interviewer);
- dash turns: ``– Ce ați simțit?`` / ``– Am simțit ...``;
- bare turns: a short paragraph ending in a question mark, answered by the paragraphs after it; only in an
  article that announces an interview (the word *interviu* near the top), since explainers also put questions
  in their subheadings.

An answer runs over the paragraphs after a question until the next question.  Questions themselves are the
outlet's, not a speaker's, and are not reported as quotes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .lexicon import INTERVIEW_ANSWER_LABELS, INTERVIEW_QUESTION_LABELS
from .marks import QuotedSpan
from .names import NAME_SEQ_RE

# "Libertatea:", "H.R.:", "Crin Antonescu:", "Rep.:" -- one to four capitalised tokens, then a colon.
_LABEL_RE = re.compile(
    r"^(?P<label>[A-ZĂÂÎȘȚŞŢ][\w.'’-]*(?:\s[A-ZĂÂÎȘȚŞŢ][\w.'’-]*){0,3})\s*:\s+(?=[^\s„“\"«])"
)
_DASH_RE = re.compile(r"^[–—-]\s*(?=\w)")
# Labels that name a turn's function rather than a person.
INTERVIEW_RE = re.compile(r"\binterviu(?:l|lui|ri|rile|rilor)?\b", re.IGNORECASE)
_MAX_QUESTION_WORDS = 60
_MIN_EXCHANGES = 2  # one question answered is a rhetorical question, two make an interview
_ANNOUNCE_PARAGRAPHS = 4  # where an interview announces itself: title, lead, the first paragraphs


@dataclass(frozen=True)
class Turn:
    """One paragraph of an interview: a question, or (part of) an answer starting at ``start``."""

    paragraph: int
    start: int
    question: bool
    label: str | None = None


@dataclass(frozen=True)
class Dialogue:
    answers: tuple[Turn, ...]
    questions: tuple[Turn, ...]
    answer_labels: tuple[str, ...]  # labels of the answering side, most frequent first
    announced_at: int | None  # paragraph announcing the interview, where the interviewee is named


def find_dialogue(texts: list[str], roles: list[str], spans: dict[int, list[QuotedSpan]]) -> Dialogue | None:
    """The interview turns of an article, or None when it is not an interview."""
    announced = next((p for p in range(min(_ANNOUNCE_PARAGRAPHS, len(texts))) if INTERVIEW_RE.search(texts[p])),
                     None)
    turns = [_turn(p, texts[p], spans.get(p, []), bare=announced is not None)
             if roles[p] == "body" else None for p in range(len(texts))]
    questions = [t for t in turns if t and t.question]
    asker_labels = {_key(t.label) for t in questions if t.label}
    exchanges = sum(1 for t in questions if _answered(turns, t.paragraph))
    if exchanges < _MIN_EXCHANGES:
        return None
    first_question = min(t.paragraph for t in questions)
    introduced = _full_names(texts[:first_question])  # the interviewee and others, named by the introduction
    answers: list[Turn] = []
    in_answer = False
    for p, turn in enumerate(turns):
        if roles[p] != "body":
            in_answer = in_answer and roles[p] == "caption"  # a heading closes the answer before it
            continue  # headings and captions may repeat an answer's words: they keep their own marks
        if turn and turn.question:
            in_answer = True
            continue
        if turn and turn.label and _key(turn.label) in asker_labels:
            continue
        if turn and turn.label:
            in_answer = True  # a labelled answer may open the interview before any question
        if in_answer and not _reads_as_speech(texts[p]):
            in_answer = False  # a teaser link or an advert after the interview: the answers are over
        if in_answer and turn is None and introduced & _full_names([texts[p]]):
            in_answer = False  # "Irina Vlad pregătește acum ...": the narrative again, in the third person
        if in_answer:
            answers.append(turn or Turn(p, 0, False))
    labels = Counter(t.label for t in answers if t.label and _key(t.label) not in INTERVIEW_ANSWER_LABELS)
    return Dialogue(tuple(answers), tuple(questions), tuple(label for label, _ in labels.most_common()), announced)


def _turn(p: int, text: str, spans: list[QuotedSpan], *, bare: bool) -> Turn | None:
    stripped = text.rstrip()
    is_question = stripped.endswith("?") and len(stripped.split()) <= _MAX_QUESTION_WORDS
    m = _LABEL_RE.match(text)
    if m and not _quoted_from(spans, m.end()):
        label = m.group("label")
        return Turn(p, m.end(), is_question or _key(label) in INTERVIEW_QUESTION_LABELS, label)
    m = _DASH_RE.match(text)
    if m:
        return Turn(p, m.end(), is_question)
    if bare and is_question and not spans:
        return Turn(p, 0, True)
    return None


def _full_names(texts: list[str]) -> set[str]:
    """Capitalised runs of two or more words: the full names a stretch of text uses."""
    return {m.group(0) for text in texts for m in NAME_SEQ_RE.finditer(text) if " " in m.group(0)}


def _reads_as_speech(text: str) -> bool:
    """Spoken answers are sentences: they end with sentence punctuation (a closing mark may follow)."""
    return text.rstrip().rstrip("”“\"»").endswith((".", "!", "?", "…"))


def _quoted_from(spans: list[QuotedSpan], start: int) -> bool:
    """"Ciolacu: „Vom câștiga”" is a headline-style quote with its own marks, not an interview turn."""
    return any(s.open_at is not None and s.open_at <= start + 1 for s in spans)


def _answered(turns: list[Turn | None], p: int) -> bool:
    """The paragraph after a question is an answer (not another question, not the end of the article)."""
    nxt = next((k for k in range(p + 1, len(turns))), None)
    return nxt is not None and not (turns[nxt] and turns[nxt].question)


def _key(label: str | None) -> str:
    return (label or "").lower().strip(". ")
