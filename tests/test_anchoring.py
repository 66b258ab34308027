"""Re-anchoring notes: pure functions, no database."""

from reader.anchoring import MIN_SCORE, Candidate, place, selector_for
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
