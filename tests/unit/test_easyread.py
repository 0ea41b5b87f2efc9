"""Easy-read sentence generation: rounding, suppression, polarity, change words, plain words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from dashboard import easyread
from dashboard.figures import catalogue, stats
from dashboard.figures.indicators import Benchmark
from tests.conftest import LEEDS, SCILLY

CAT = catalogue.load()


def row(value=None, lower=None, upper=None, suppressed=False, count=None, base=None, source="local data"):
    return pd.Series({
        "value": value, "lower_95": lower, "upper_95": upper, "suppressed": suppressed,
        "count": count, "base": base, "source": source,
    })


def bench(value, label="England (published ASCOF)"):
    return Benchmark(value, label, "published ASCOF")


# ------------------------------------------------------------------ rounding


@pytest.mark.parametrize("percent, whole", [
    (0, 0), (4.9, 0), (5, 1), (14.9, 1), (15, 2), (64.9, 6), (65, 7), (75, 8), (78.4, 8), (94.9, 9), (95, 10), (100, 10),
])
def test_out_of_10_rounds_half_up_to_whole_icons(percent, whole):
    assert easyread.out_of_10(percent) == whole


def test_out_of_10_words_never_say_0_or_10_when_that_is_not_true():
    assert easyread.out_of_10_words(3) == "less than 1"
    assert easyread.out_of_10_words(0) == "0"
    assert easyread.out_of_10_words(97) == "almost 10"
    assert easyread.out_of_10_words(100) == "10"
    assert easyread.out_of_10_words(80) == "8"


def test_amount_words_go_with_the_number():
    assert easyread.amount_words(80) == "most people"
    assert easyread.amount_words(50) == "about half of people"
    assert easyread.amount_words(12, "problems") == "a few problems"
    assert easyread.amount_words(35) == "some people"
    assert easyread.amount_words(92) == "nearly all people"
    assert easyread.amount_words(100) == "all people"
    assert easyread.amount_words(2) == "very few people"


def test_rates_and_medians_are_whole_numbers():
    assert easyread.whole_number_words(3.4) == "3"
    assert easyread.whole_number_words(2.5) == "3"
    assert easyread.whole_number_words(0.3) == "less than 1"
    assert easyread.whole_number_words(1234.4) == "1,234"


def test_the_issue_example_sentence():
    fig = easyread.easy_read_figure(CAT["control"], row(78.4, 70, 85, count=78, base=100), bench(77), None, "Leeds", "2024-25")
    assert fig.sentence == "8 out of 10 people said they have control over their life."
    assert fig.out_of_10 == 8 and fig.chart == "icons"
    assert fig.amount_words == "most people"
    assert fig.exact == "Exact figure: 78.4%."
    assert "Counted: 78 out of 100." in fig.exact_details
    assert any("England" in line and "77.0%" in line for line in fig.exact_details)


def test_a_sentence_that_starts_with_less_than_1_is_capitalised():
    fig = easyread.easy_read_figure(CAT["control"], row(3.0, 1, 8, count=3, base=100), None, None, "Leeds", "2024-25")
    assert fig.sentence == "Less than 1 out of 10 people said they have control over their life."
    assert fig.out_of_10 == 0


def test_rate_sentence_uses_the_value_and_a_bar():
    fig = easyread.easy_read_figure(CAT["clawbacks_per_100"], row(12.6, 8, 18), bench(5.0, "All areas in the data"), None, "Leeds", "2024-25")
    assert fig.sentence == "For every 100 direct payments, 13 letters asked for money back."
    assert fig.out_of_10 is None and fig.chart == "bar"
    assert fig.exact == "Exact figure: 12.6 per 100."
    assert any("all places in this dashboard" in line for line in fig.exact_details)


# ------------------------------------------------------------------ suppression


def test_suppressed_figure_says_not_enough_people_and_shows_no_number():
    fig = easyread.easy_read_figure(CAT["control"], row(suppressed=True), bench(77), row(70, 60, 80), "Isles of Scilly", "2024-25")
    assert fig.sentence == easyread.NOT_ENOUGH == "Not enough people answered to say."
    assert fig.suppressed and fig.out_of_10 is None and fig.chart == "none" and fig.value is None
    assert fig.comparison == stats.NOT_COMPARED and fig.face == "question"
    assert fig.change == "unknown"
    everything = " ".join([fig.sentence, fig.comparison_sentence, fig.change_sentence, fig.exact, *fig.exact_details])
    assert not re.search(r"\d+(\.\d+)?%", everything)
    assert easyread.chart_svg(fig) == ""


def test_suppressed_last_year_is_not_compared():
    fig = easyread.easy_read_figure(CAT["control"], row(80, 70, 88), bench(77), row(suppressed=True), "Leeds", "2024-25")
    assert fig.change == "unknown"
    assert fig.change_sentence == "Last year not enough people answered to compare."
    assert fig.previous_value is None
    assert not any(line.startswith("Last year") for line in fig.exact_details)


def test_suppressed_areas_in_the_fixture(figures):
    figs = easyread.easy_read_area(figures, SCILLY, "2024-25")
    assert len(figs) == len(CAT.indicators)
    control = next(f for f in figs if f.indicator_id == "control")
    assert control.suppressed and control.sentence == easyread.NOT_ENOUGH


# ------------------------------------------------------------------ polarity and comparison


def test_high_good_better_and_worse_get_words_and_faces():
    better = easyread.easy_read_figure(CAT["control"], row(90, 85, 94), bench(77), None, "Leeds", "2024-25")
    assert (better.comparison_word, better.face) == ("better than most places", "happy")
    assert better.comparison_sentence == "Leeds is better than most places."
    worse = easyread.easy_read_figure(CAT["control"], row(60, 55, 65), bench(77), None, "Leeds", "2024-25")
    assert (worse.comparison_word, worse.face) == ("worse than most places", "sad")
    same = easyread.easy_read_figure(CAT["control"], row(75, 65, 85), bench(77), None, "Leeds", "2024-25")
    assert (same.comparison_word, same.face) == ("about the same as most places", "neutral")


def test_low_good_higher_is_worse():
    fig = easyread.easy_read_figure(CAT["clawbacks_per_100"], row(20, 15, 26), bench(5), None, "Leeds", "2024-25")
    assert fig.comparison == stats.WORSE and fig.face == "sad"


def test_no_polarity_gets_a_neutral_pair():
    high = easyread.easy_read_figure(CAT["individual_service_funds"], row(30, 25, 35), bench(10), None, "Leeds", "2024-25")
    assert high.comparison_word == "higher than most places" and high.face == "neutral"
    low = easyread.easy_read_figure(CAT["individual_service_funds"], row(3, 1, 6), bench(10), None, "Leeds", "2024-25")
    assert low.comparison_word == "lower than most places" and low.face == "neutral"
    assert "good" not in high.change_sentence


def test_no_benchmark_is_not_compared():
    fig = easyread.easy_read_figure(CAT["control"], row(80, 70, 88), None, None, "Leeds", "2024-25")
    assert fig.comparison == stats.NOT_COMPARED
    assert fig.comparison_sentence == "We cannot compare this with other places."


# ------------------------------------------------------------------ change since last year


def test_change_up_good_down_not_good_and_same():
    up = easyread.easy_read_figure(CAT["control"], row(85, 80, 89), None, row(60, 55, 65), "Leeds", "2024-25")
    assert up.change == "up"
    assert up.change_sentence == "It went up since last year. That is good. Last year it was 6 out of 10."
    down = easyread.easy_read_figure(CAT["control"], row(60, 55, 65), None, row(85, 80, 89), "Leeds", "2024-25")
    assert down.change == "down"
    assert down.change_sentence.startswith("It went down since last year. That is not good.")
    same = easyread.easy_read_figure(CAT["control"], row(80, 65, 90), None, row(65, 50, 78), "Leeds", "2024-25")
    assert same.change == "same"  # 15 points apart, but within chance for 40 people
    assert same.change_sentence == "This is about the same as last year. Last year it was 7 out of 10."


def test_change_for_low_good_and_no_polarity():
    fewer = easyread.easy_read_figure(CAT["clawbacks_per_100"], row(5, 4, 6), None, row(20, 18, 22), "Leeds", "2024-25")
    assert fewer.change == "down" and "That is good." in fewer.change_sentence
    assert "Last year the number was 20." in fewer.change_sentence
    neutral = easyread.easy_read_figure(CAT["breakdowns_escalated"], row(50, 45, 55), None, row(20, 15, 25), "Leeds", "2024-25")
    assert neutral.change == "up" and "good" not in neutral.change_sentence
    days = easyread.easy_read_figure(CAT["days_to_first_payment"], row(40, 35, 45), None, row(20, 18, 22), "Leeds", "2024-25")
    assert days.change == "up" and "That is not good." in days.change_sentence and "Last year it was 20 days." in days.change_sentence


def test_no_last_year():
    fig = easyread.easy_read_figure(CAT["control"], row(80, 70, 88), None, None, "Leeds", "2022-23")
    assert fig.change == "unknown"
    assert fig.change_sentence == "There is no number for last year to compare with."


def test_previous_year():
    assert easyread.previous_year("2024-25") == "2023-24"
    assert easyread.previous_year("2000-01") == "1999-00"
    assert easyread.previous_year("2024-25 Q2") == "2023-24 Q2"
    assert easyread.previous_year("rubbish") is None


def test_leeds_from_the_fixture(figures):
    figs = {f.indicator_id: f for f in easyread.easy_read_area(figures, LEEDS, "2024-25")}
    control = figs["control"]  # 32 of 40 in 2024-25, 26 of 40 in 2023-24 (tests/fixtures/make_fixture.py)
    assert control.sentence == "8 out of 10 people said they have control over their life."
    assert control.exact == "Exact figure: 80.0%."
    assert "Counted: 30 out of 40." in control.exact_details  # 32, rounded to 5
    assert "Last year: 65.0%." in control.exact_details
    assert control.change_sentence.endswith("Last year it was 7 out of 10.")


# ------------------------------------------------------------------ plain words in the catalogue


def _worst_cases(indicator):
    for words in ("less than 1", "almost 10", "10", "1,234"):
        yield easyread._fill(indicator.easy_read_sentence, out_of_10=words, value=words)


@pytest.mark.parametrize("indicator", CAT.indicators, ids=lambda i: i.id)
def test_catalogue_easy_read_words_are_short_and_plain(indicator):
    for sentence in _worst_cases(indicator):
        assert easyread.word_count(sentence) < 15, sentence
        assert not easyread.acronyms(sentence), sentence
    assert not easyread.acronyms(indicator.easy_read_name)
    assert easyread.word_count(indicator.easy_read_name) <= 7
    assert indicator.icon, f"{indicator.id} has no icon"
    assert easyread.picture_path(indicator.icon).exists()


@pytest.mark.parametrize("indicator", CAT.indicators, ids=lambda i: i.id)
def test_every_generated_sentence_is_under_15_words(indicator):
    cases = [row(v, v - 5, v + 5) for v in (0, 3, 50, 97, 100)] + [row(suppressed=True), None]
    previous = [None, row(suppressed=True), row(10, 8, 12), row(60, 58, 62)]
    for current in cases:
        for before in previous:
            fig = easyread.easy_read_figure(indicator, current, bench(50), before, "Isles of Scilly", "2024-25")
            for line in fig.lines:
                for sentence in easyread.sentences(line):
                    assert easyread.word_count(sentence) < 15, sentence
                    assert not easyread.acronyms(sentence), sentence
            for line in (fig.exact, *fig.exact_details, *(m for _, m in fig.hard_words)):
                assert not easyread.acronyms(line), line


def test_hard_words_are_explained():
    fig = easyread.easy_read_figure(CAT["control_direct_payment"], row(80, 70, 88), None, None, "Leeds", "2024-25")
    words = dict(fig.hard_words)
    assert "direct payment" in words and "council" in words["direct payment"]
    fig = easyread.easy_read_figure(CAT["i_statements_yes"], row(80, 70, 88), None, None, "Leeds", "2024-25")
    assert "I statements" in dict(fig.hard_words)


def test_acronym_check_finds_capitals():
    assert easyread.acronyms("The ASCOF figure for DP holders") == ["ASCOF", "DP"]
    assert easyread.acronyms("I said yes") == []


# ------------------------------------------------------------------ pictures and charts


def test_every_picture_and_face_is_valid_svg():
    for indicator in CAT.indicators:
        ET.fromstring(easyread.picture_path(indicator.icon).read_text())
    for face in easyread.FACE_WORDS:
        ET.fromstring(easyread.face_path(face).read_text())
    assert (easyread.ASSETS_DIR / "LICENCE.md").exists()


def test_icon_array_has_10_whole_people_and_the_sentence_as_its_text_alternative():
    sentence = "8 out of 10 people said they have control over their life."
    svg = easyread.icon_array_svg(8, sentence)
    tree = ET.fromstring(svg)
    assert tree.get("role") == "img" and tree.get("aria-label") == sentence
    assert tree.find("{http://www.w3.org/2000/svg}title").text == sentence
    people = tree.findall("{http://www.w3.org/2000/svg}g")
    assert len(people) == 10
    assert sum(1 for g in people if g.get("fill") == easyread.FILLED) == 8
    assert sum(1 for g in people if g.get("stroke-dasharray")) == 2  # outlines: shape, not only colour


def test_bar_has_a_mark_for_most_places_and_no_whiskers():
    fig = easyread.easy_read_figure(CAT["clawbacks_per_100"], row(12.6, 8, 18), bench(5.0), None, "Leeds", "2024-25")
    svg = easyread.chart_svg(fig)
    tree = ET.fromstring(svg)
    assert tree.get("aria-label") == fig.sentence
    assert "most places" in svg
    assert len(tree.findall("{http://www.w3.org/2000/svg}line")) == 1  # the one mark; no interval whiskers


def test_picture_and_face_svg_carry_their_label():
    svg = easyread.picture_svg("control", "A person steering")
    assert 'aria-label="A person steering"' in svg and "<title>A person steering</title>" in svg
    face = easyread.face_svg("happy")
    assert easyread.FACE_WORDS["happy"] in face
    ET.fromstring(face)


def test_find_places_by_name():
    names = {"E1": "Leeds", "E2": "Kirklees", "E3": "Bournemouth, Christchurch and Poole", "E4": "Isles of Scilly"}
    assert easyread.find_places(names, "")[0][0] == ("Bournemouth, Christchurch and Poole", "E3")
    assert easyread.find_places(names, "lee") == ([("Leeds", "E1"), ("Kirklees", "E2")], True)
    assert easyread.find_places(names, "  POOLE ") == ([("Bournemouth, Christchurch and Poole", "E3")], True)
    assert easyread.find_places(names, "scilly")[0] == [("Isles of Scilly", "E4")]
    assert easyread.find_places(names, "Leds") == ([("Leeds", "E1")], False)
    assert easyread.find_places(names, "qqqq") == ([], False)


def test_published_figures_are_named_without_acronyms():
    published = row(78.0, 76, 80, count=780, base=1000, source="published ASCOF")
    fig = easyread.easy_read_figure(CAT["control"], published, bench(77.0), None, "Leeds", "2020-21")
    assert "Where the number comes from: national published figures, 2020-21." in fig.exact_details
    assert "Most places (England, the national figure): 77.0%." in fig.exact_details
    assert not any(line.startswith("Counted") for line in fig.exact_details)  # estimated counts are not shown
    assert not any(easyread.acronyms(line) for line in fig.exact_details)
