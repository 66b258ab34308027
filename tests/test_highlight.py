from reader.extraction.highlight import Highlight, render_spans


def test_text_outside_and_inside_spans_is_escaped():
    html = render_spans("a <b> c", [Highlight(2, 5, "<mark>", "</mark>")])
    assert html == "a <mark>&lt;b&gt;</mark> c"


def test_nested_spans_nest():
    html = render_spans("Ion Pop a spus", [Highlight(0, 14, "<q>", "</q>"), Highlight(0, 7, "<m>", "</m>")])
    assert html == "<q><m>Ion Pop</m> a spus</q>"


def test_crossing_spans_are_clipped_to_stay_well_formed():
    html = render_spans("abcdef", [Highlight(0, 4, "<x>", "</x>"), Highlight(2, 6, "<y>", "</y>")])
    assert html == "<x>ab<y>cd</y></x>ef"


def test_out_of_range_spans_are_ignored():
    assert render_spans("abc", [Highlight(2, 9, "<x>", "</x>"), Highlight(3, 3, "<y>", "</y>")]) == "abc"
