from pathlib import Path

import pytest

from reader.extraction.figures import find_figures
from reader.extraction.types import Paragraph

SEED = Path(__file__).resolve().parents[2] / "samples" / "article-0.txt"


def figures_of(text: str, article_date: str | None = "2025-09-03"):
    return find_figures((Paragraph(0, "body", text),), article_date=article_date)


def only(text: str, article_date: str | None = "2025-09-03"):
    (figure,) = figures_of(text, article_date)
    return figure


def test_figure_text_is_the_slice_of_the_paragraph_at_its_offsets():
    text = "Primăria a alocat 8,4 milioane de lei, cu 12,5% mai mult decât în 2023."
    for figure in figures_of(text):
        assert text[figure.start : figure.end] == figure.text


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Au venit 10 000 de turiști.", "10 000 de turiști", 10000),
        ("Au venit 10.000 de turiști.", "10.000 de turiști", 10000),
        ("Au cumpărat 1,5 tone de mere.", "1,5 tone", 1.5),
        ("Au cumpărat trei sute de saci.", "trei sute de saci", 300),
        ("Au semnat douăzeci și cinci de primari.", "douăzeci și cinci de primari", 25),
    ],
)
def test_romanian_number_formats_and_words_give_the_value(text, span, value):
    figure = only(text)
    assert (figure.text, figure.value) == (span, value)


def test_counted_noun_becomes_the_unit():
    figure = only("Au plecat 600 de voluntari spre munte.")
    assert (figure.kind, figure.unit, figure.text) == ("quantity", "voluntari", "600 de voluntari")


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Au fost peste 40 de echipe.", "more_than"),
        ("Au fost aproximativ 40 de echipe.", "approximately"),
        ("Au fost circa 40 de echipe.", "approximately"),
        ("Au fost sub 40 de echipe.", "less_than"),
        ("Vor fi până la 40 de echipe.", "up_to"),
    ],
)
def test_qualifier_words_set_the_qualifier_and_open_the_span(text, qualifier):
    figure = only(text)
    assert figure.qualifier == qualifier
    assert figure.text.endswith("40 de echipe") and not figure.text.startswith("40")


def test_thousands_without_a_number_is_a_thousands_quantity():
    figure = only("Mii de oameni au ieșit în stradă.")
    assert (figure.text, figure.value, figure.qualifier, figure.unit) == ("Mii de oameni", 1000, "thousands", "oameni")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Proiectul costă 2,3 milioane de lei.", 2_300_000, "lei"),
        ("Amenda este de 500 RON.", 500, "RON"),
        ("Investiția are 3 miliarde de euro.", 3_000_000_000, "euro"),
        ("Au plătit 40 de dolari.", 40, "dolari"),
    ],
)
def test_amounts_with_a_currency_are_money(text, value, unit):
    figure = only(text)
    assert (figure.kind, figure.value, figure.unit) == ("money", value, unit)


def test_percentages_and_ranges_take_the_low_end():
    percent, span = figures_of("Dobânda a urcat la 12,5%, iar inflația va fi de 10-15% în 2026.")[:2]
    assert (percent.kind, percent.value) == ("percent", 12.5)
    assert (span.kind, span.value, span.text) == ("percent", 10, "10-15%")


def test_negative_temperatures_keep_their_sign_and_qualifier():
    figure = only("Noaptea s-au înregistrat sub minus 2,5 grade Celsius.")
    assert (figure.value, figure.qualifier, figure.unit) == (-2.5, "less_than", "grade Celsius")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Raportul a apărut pe 3 SEPTEMBRIE 2025.", "3 SEPTEMBRIE 2025", "2025-09-03"),
        ("Lucrările au început în aprilie.", "aprilie", "2025-04"),
        ("Ne-am întâlnit la mijlocul lunii august.", "mijlocul lunii august", "2025-08"),
        ("Tratatul a fost semnat anul trecut.", "anul trecut", "2024"),
        ("Consiliul s-a reunit miercuri.", "miercuri", "2025-09-03"),
        ("Consiliul s-a reunit luni.", "luni", "2025-09-01"),
        ("Podul a fost construit în 1986.", "1986", "1986"),
        ("Termenul este 12.03.2026.", "12.03.2026", "2026-03-12"),
        ("Ministrul a vorbit ieri.", "ieri", "2025-09-02"),
    ],
)
def test_dates_resolve_against_the_article_date(text, span, value):
    figure = only(text)
    assert (figure.kind, figure.text, figure.value) == ("date", span, value)


def test_dates_needing_the_article_date_are_none_when_it_is_unknown():
    assert only("Sesiunea începe pe 23 iunie.", article_date=None).value is None
    assert only("Sesiunea începe în 2026.", article_date=None).value == "2026"


def test_months_as_a_plural_noun_are_not_monday():
    assert not [f for f in figures_of("În ultimele luni prețurile au crescut.") if f.kind == "date"]
    assert only("Au lucrat cinci luni la pod.").unit == "luni"


def test_may_the_month_needs_a_day_or_a_year_to_be_a_date():
    assert not figures_of("În mai multe orașe a nins.")
    assert only("Alegerile au loc pe 5 mai.").value == "2025-05-05"


def test_clock_times_and_article_words_are_not_figures():
    assert not figures_of("Ședința începe la ora 18:00 cu un raport și o discuție.")


def test_cedilla_text_gives_the_same_figures():
    comma = figures_of("Au venit peste 300 de soldați și două țări.")
    cedilla = figures_of("Au venit peste 300 de soldaţi şi două ţări.")
    assert [(f.start, f.end, f.value, f.qualifier) for f in comma] == [
        (f.start, f.end, f.value, f.qualifier) for f in cedilla
    ]


def test_seed_article_figures():
    from reader.extraction.parse import parse_article

    meta, paragraphs, _ = parse_article(SEED.read_text(encoding="utf-8"))
    figures = {f.text: f for f in find_figures(paragraphs, article_date=meta.date)}
    more = figures["peste 10 000 de soldați"]
    assert (more.value, more.qualifier, more.unit) == (10000, "more_than", "soldați")
    about = figures["Aproximativ 600 de soldați"]
    assert (about.value, about.qualifier, about.unit) == (600, "approximately", "soldați")
    assert figures["3 Septembrie 2025"].value == "2025-09-03"
    assert figures["aprilie"].value == "2025-04"


def test_clock_times_with_a_dot_are_not_quantities():
    assert [f.text for f in figures_of("Ședința începe la ora 14.30 cu 12 consilieri.")] == ["12 consilieri"]


def test_several_thousands_groups_and_a_scale_word_multiply_out():
    money, people = figures_of("Au strâns 1.250.000 lei de la circa 2,5 milioane de turiști.")
    assert (money.value, money.unit) == (1_250_000, "lei")
    assert (people.value, people.qualifier, people.unit) == (2_500_000, "approximately", "turiști")


def test_a_half_after_the_counted_noun_is_added_to_the_number():
    figure = only("Proiectul a durat un an și jumătate.")
    assert (figure.text, figure.value, figure.unit) == ("un an și jumătate", 1.5, "an")


def test_a_weekday_after_a_score_is_a_date_and_the_score_is_no_figure():
    (day,) = figures_of("Echipa a câștigat cu 2-1 duminică.")
    assert (day.kind, day.value) == ("date", "2025-08-31")


@pytest.mark.parametrize(
    "text",
    [
        "Oaspeții s-au impus cu 3-0 în prima manșă.",  # a score
        "Echipa este pe locul 4 după etapa de ieri.",  # a rank
        "Consilierii din Sectorul 2 au votat proiectul.",  # a name with a number
        "Banii merg spre pilonul 2 de pensii private.",  # a label
        "Postul Canal 5 a transmis meciul.",
        "Dintre ei, 14 au plecat acasă.",  # a bare count of something named elsewhere
    ],
)
def test_bare_numbers_labels_and_scores_are_not_figures(text):
    assert [f for f in figures_of(text) if f.kind != "date"] == []


def test_new_is_an_adjective_not_nine():
    assert figures_of("Partidele au format o nouă coaliție de guvernare.") == ()
    assert only("Comisia are nouă membri.").value == 9
    assert only("Au muncit nouă luni la pod.").unit == "luni"


def test_a_word_number_before_a_verb_is_a_pronoun():
    assert figures_of("Dintre inculpați, doi vor fi eliberați, iar celelalte două pot pleca.") == ()


def test_decimal_large_and_negative_numbers_measure_even_alone():
    assert [f.value for f in figures_of("A avut media 8,75 la examen.")] == [8.75]
    assert [f.value for f in figures_of("Numărul a ajuns la 1.250.300 la final.")] == [1250300]
    assert [f.value for f in figures_of("Merii rezistă până la minus 4.")] == [-4]


def test_a_scale_word_after_de_multiplies_the_same_way():
    first = only("Proiectul costă 840 de milioane de lei.")
    second = only("Proiectul costă 840 milioane lei.")
    assert (first.kind, first.value, first.unit) == ("money", 840_000_000, "lei")
    assert (second.kind, second.value) == ("money", 840_000_000)


def test_ranges_carry_their_low_and_high_ends():
    figure = only("Valurile au între 100-200 m înălțime.")
    assert (figure.value, figure.low, figure.high, figure.unit) == (100, 100, 200, "m")
    years = only("A condus instituția în perioada 2011-2014.")
    assert (years.kind, years.value, years.low, years.high) == ("date", "2011", "2011", "2014")
    assert "low" not in only("Au venit 300 de oameni.").to_dict()


def test_how_many_times_over_is_a_quantity():
    assert [(f.text, f.value) for f in figures_of("Prețul a crescut de trei ori, apoi de o mie de ori.")] == [
        ("de trei ori", 3), ("de o mie de ori", 1000)]


def test_a_founding_year_in_a_team_name_is_not_a_date_but_an_edition_year_is():
    assert figures_of("Meciul cu Petrolul 1952 s-a încheiat târziu.") == ()
    assert only("Finala Euro 2024 s-a jucat la Berlin.").value == "2024"


def test_numeric_dates_with_dashes_and_listed_months():
    assert only("Publicat: 14-03-2023 10:15").value == "2023-03-14"
    assert [f.value for f in figures_of("În lunile octombrie și noiembrie prețurile au urcat.")] == [
        "2025-10", "2025-11"]


@pytest.mark.parametrize(("text", "expected"), [
    ("A câștigat pentru a doua oară titlul.", []),  # "the second time": an ordinal
    ("Meciul s-a jucat a doua zi.", []),
    ("Dosarul privește plata a trei facturi.", [("trei facturi", 3)]),  # "a" + cardinal: "of three invoices"
    ("Armata a ocupat o parte a două regiuni.", [("două regiuni", 2)]),
    ("Vor veni doua echipe.", [("doua echipe", 2)]),
    ("Dintre ei, doi aveau arme.", []),  # a pronoun before an auxiliary in the imperfect
])
def test_a_word_number_after_the_ordinals_article_is_an_ordinal_before_a_singular(text, expected):
    found = find_figures((Paragraph(0, "body", text),), article_date="2024-05-01")
    assert [(f.text, f.value) for f in found] == expected
