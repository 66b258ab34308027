"""Re-anchoring notes: pure functions, no database."""

from dataclasses import replace

from reader.anchoring import MIN_SCORE, SUGGEST_SCORE, Candidate, place, rank, selector_for
from reader.models import Paragraph

PARAS = [
    "Guvernul a anunțat miercuri un nou pachet de măsuri fiscale pentru firmele mici.",
    "„Nu vom crește TVA anul acesta”, a declarat ministrul Finanțelor, Ion Popescu.",
    "Opoziția a criticat planul, spunând că lovește în clasa de mijloc și în pensionari.",
    "Măsurile intră în vigoare de la 1 ianuarie, după votul din Parlament.",
]


def candidates(texts):
    return [
        Candidate(text=t, fingerprint=Paragraph.fingerprint_of(t), position=i,
                  before=texts[i - 1] if i else "", after=texts[i + 1] if i + 1 < len(texts) else "")
        for i, t in enumerate(texts)
    ]


def selector_on(i, texts=PARAS, **kw):
    c = candidates(texts)[i]
    return selector_for(text=c.text, fingerprint=c.fingerprint, position=i, before=c.before, after=c.after, **kw)


def test_unchanged_paragraph_is_found_by_fingerprint_even_when_it_moved():
    moved = ["Un paragraf nou la început, adăugat de redacție.", *PARAS]
    placement = place(selector_on(2), candidates(moved))
    assert placement.index == 3 and placement.score == 100.0


def test_cedilla_spelling_does_not_change_the_fingerprint():
    cedilla = [t.replace("ș", "ş").replace("ț", "ţ") for t in PARAS]
    assert place(selector_on(1), candidates(cedilla)).index == 1


def test_lightly_edited_paragraph_is_found_by_fuzzy_match():
    edited = list(PARAS)
    edited[2] = "Opoziția a criticat dur planul, spunând că lovește în clasa de mijloc și în pensionari."
    placement = place(selector_on(2), candidates(edited))
    assert placement.index == 2
    assert MIN_SCORE <= placement.score < 100


def test_removed_paragraph_detaches_the_note_with_the_best_candidate():
    removed = [PARAS[0], PARAS[1], PARAS[3]]
    placement = place(selector_on(2), candidates(removed))
    assert placement.index is None
    assert placement.best_index is not None
    assert placement.score < MIN_SCORE


def test_quoted_part_is_located_again_in_the_new_paragraph():
    start = PARAS[1].index("Nu vom")
    end = start + len("Nu vom crește TVA anul acesta")
    sel = selector_on(1, start=start, end=end)
    assert sel.exact == "Nu vom crește TVA anul acesta" and not sel.whole
    edited = list(PARAS)
    edited[1] = "„Nu vom crește TVA anul acesta”, a declarat joi ministrul Finanțelor, Ion Popescu."
    placement = place(sel, candidates(edited))
    assert placement.index == 1
    assert edited[1][placement.start : placement.end] == "Nu vom crește TVA anul acesta"


def test_selectors_keep_at_least_32_characters_of_context():
    sel = selector_on(1)
    assert len(sel.prefix) >= 32 and PARAS[0].endswith(sel.prefix[-20:])
    assert len(sel.suffix) >= 32 and PARAS[2].startswith(sel.suffix[:20])


def test_no_paragraphs_means_detached():
    assert place(selector_on(0), []).index is None


# --- suggestions for a detached note (reader.anchoring.rank / eligible) ---

FRAMED = [
    ("title", "Guvernul anunță măsuri fiscale"),
    ("caption", "Ministrul Finanțelor la conferința de presă / Foto: Redacția"),
    ("dateline", "BUCUREȘTI, 3 septembrie"),
    *(("body", t) for t in PARAS),
]


def framed_candidates():
    texts = [t for _, t in FRAMED]
    return [replace(c, role=role) for c, (role, _) in zip(candidates(texts), FRAMED, strict=True)]


def test_a_note_from_the_text_is_never_offered_the_title_caption_or_dateline():
    # A note on a paragraph that is gone, whose words look most like the title.
    lost = selector_for(text="Guvernul anunță măsuri", fingerprint="x", position=5, before="", after="")
    ranked = rank(lost, framed_candidates())
    assert ranked and all(FRAMED[i][0] == "body" for i, _ in ranked)
    placement = place(lost, framed_candidates())
    assert placement.best_index is None or FRAMED[placement.best_index][0] == "body"


def test_a_note_from_the_title_may_go_back_to_a_title():
    on_title = replace(selector_for(text="Guvernul anunță noi măsuri fiscale", fingerprint="x", position=0,
                                    before="", after=PARAS[0]), role="title")
    assert place(on_title, framed_candidates()).index == 0


def test_suggestions_rank_by_text_and_context_then_by_position():
    # The same words twice: the copy nearer the note's old position comes first.
    texts = [PARAS[3], PARAS[0], PARAS[3]]
    for position, first in ((2, 2), (0, 0)):
        sel = replace(selector_on(3), position=position, prefix="", suffix="")
        ranked = rank(sel, candidates(texts))
        assert ranked[0][0] == first and ranked[0][1] == ranked[1][1]
    assert [score for _, score in ranked] == sorted((score for _, score in ranked), reverse=True)


def test_a_weak_best_guess_is_below_the_suggestion_threshold():
    lost = selector_for(text="Echipa locală a câștigat meciul în ultimul minut.", fingerprint="x", position=2,
                        before="", after="")
    best = rank(lost, candidates(PARAS))[0][1]
    assert best < SUGGEST_SCORE <= MIN_SCORE
