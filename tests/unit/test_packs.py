"""Meeting packs read back from the files: python-pptx for the slides, pypdf for the PDF text.

Slide count, titles, alt text on every picture, footers, speaker notes, and no suppressed figure
anywhere (checked against the raw figures before suppression). One kaleido browser per pack."""

import io
import re
import subprocess
import sys

import pytest
from pptx import Presentation
from pypdf import PdfReader

from dashboard.figures import catalogue
from dashboard.meeting import meetings, packs, slides
from dashboard.meeting import actions, self_assessment
from dashboard.access import EDITOR, User
from dashboard.figures.indicators import build_figures, compute_indicator
from dashboard.data.store import Store
from tests.conftest import LEEDS, ROOT, SCILLY

PERIOD = "2024-25"
RAISED = "We want easy-read letters about direct payments"
AGREED = "Finance team to send every direct-payment letter in easy read"


@pytest.fixture(scope="module")
def board_db(fixture_db, tmp_path_factory):
    """A copy of the fixture with a board's own records: a meeting, actions, a rating."""
    import shutil

    path = tmp_path_factory.mktemp("packs") / "board.duckdb"
    shutil.copy(fixture_db, path)
    store = Store(path)
    meetings.record_meeting(store, LEEDS, "2024-06-12", "2022-23", "Civic Hall", "asha")
    actions.record_action(store, LEEDS, "direct_payments", RAISED, AGREED, "Head of finance", "2030-01-31", "open", "asha")
    done = actions.record_action(store, LEEDS, None, "Meetings are too fast", "Breaks every 30 minutes", "Chair",
                                 None, "in progress", "asha")
    actions.update_action(store, done, "ben", status="completed")
    figs = build_figures(store)
    self_assessment.record_assessment(store, figs, LEEDS, "control", "amber",
                                      "Control is up, but reviews still start with forms.", PERIOD, "asha")
    store.close()
    return path


@pytest.fixture(scope="module")
def board(board_db):
    store = Store(board_db, read_only=True)
    yield store, build_figures(store)
    store.close()


@pytest.fixture(scope="module")
def leeds(board):
    store, figs = board
    return slides.build_meeting(store, figs, LEEDS, PERIOD)


@pytest.fixture(scope="module")
def leeds_files(leeds):
    """Standard and easy-read pictures rendered once each (one kaleido browser per batch)."""
    out = {}
    for easy in (False, True):
        pictures = packs.render_pictures(leeds, easy)
        out[("pptx", easy)] = packs.build_pptx(leeds, easy, pictures)
        out[("pdf", easy)] = packs.build_pdf(leeds, easy, pictures)
    return out


def pptx_slides(data: bytes):
    return list(Presentation(io.BytesIO(data)).slides)


def slide_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def pictures(slide):
    return [s for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


# ------------------------------------------------------------------ the slide sequence


def test_slide_sequence_has_every_kind(leeds, board):
    _, figs = board
    kinds = leeds.kinds()
    assert kinds[0] == slides.AGENDA
    assert kinds.count(slides.DOMAIN) == len(figs.catalogue.domains)
    assert kinds.count(slides.INDICATOR) == len(figs.catalogue.indicators)
    assert set(kinds) == set(slides.SLIDE_KINDS)
    assert kinds[-1] == slides.SELF_ASSESSMENT
    assert all(s.easy is not None and s.easy.title and s.easy.lines for s in leeds.slides)
    assert all(s.footer.startswith("Source:") for s in leeds.slides)
    control = leeds.slides[leeds.index_of("indicator:control")]
    # Leeds control 20/40 (2022-23, the last meeting's data) to 32/40: a significant rise
    assert "the last meeting (12 June 2024, which used 2022-23 data)" in control.text
    assert "getting better" in control.text
    assert control.chart is not None and "95% intervals" in control.chart.sentence
    assert control.easy.chart_svg and "8 out of 10" in control.easy.chart_sentence


def test_domain_slide_shows_the_boards_rating_beside_the_data(leeds):
    slide = leeds.slides[leeds.index_of("domain:control")]
    assert "◐ Amber: getting there" in slide.text
    assert "Compared with the benchmark" in slide.text
    table = leeds.slides[leeds.index_of("self_assessment")].table
    row = table[table["Domain"] == "Control"].iloc[0]
    assert row["Evidence"].startswith("Control is up") and "Who, when" not in table.columns  # a viewer's pack


LEEDS_EDITOR = User("asha", EDITOR, "password", frozenset({LEEDS}))
KIRKLEES_EDITOR = User("kim", EDITOR, "password", frozenset({"E08000034"}))


def test_staff_names_only_in_an_editors_meeting(board, leeds):
    """Owners, who recorded an action and who rated: never in a viewer's slides, notes or packs
    (the default), nor for an editor of another council; present for the area's editor."""
    store, figs = board
    base = meetings.baseline(store, figs, LEEDS, PERIOD)
    ratings = self_assessment.latest(store, LEEDS)
    viewer_text = "\n".join(
        s.notes + s.table.to_csv() if s.table is not None else s.notes for s in leeds.slides)
    for name in ("asha", "Head of finance", "Recorded by", "Owner"):
        assert name not in viewer_text, name
    assert RAISED in viewer_text and AGREED in viewer_text  # the actions themselves are public
    for user, shown in ((None, False), (KIRKLEES_EDITOR, False), (LEEDS_EDITOR, True)):
        acts = slides.action_slides(store, figs, LEEDS, PERIOD, base, user)
        rated = slides.self_assessment_slide(figs, LEEDS, PERIOD, ratings, user)
        text = "\n".join(s.notes + s.table.to_csv() for s in acts if s.table is not None) + rated.notes
        text += rated.table.to_csv()
        assert ("Recorded by asha" in text and "Head of finance" in text and "Who, when" in text) is shown
        assert ("asha" in text) is shown


# ------------------------------------------------------------------ PPTX


@pytest.mark.parametrize("easy", [False, True])
def test_pptx_reads_back(leeds, leeds_files, easy):
    deck = pptx_slides(leeds_files[("pptx", easy)])
    assert len(deck) == len(leeds.slides)
    for number, (page, slide) in enumerate(zip(deck, leeds.slides), 1):
        expected = slide.easy.title if easy else slide.title
        assert page.shapes.title.text == expected
        text = slide_text(page)
        assert f"Slide {number} of {len(deck)}" in text and "Source:" in text
        assert page.has_notes_slide and page.notes_slide.notes_text_frame.text.strip() == slide.notes.strip()
        for picture in pictures(page):
            descr = picture._element.nvPicPr.cNvPr.get("descr")
            assert descr and len(descr) > 8, f"slide {number}: a picture without alt text"
    charts = sum(1 for s in leeds.slides if s.chart is not None)
    if not easy:
        assert sum(len(pictures(p)) for p in deck) == charts
        control = deck[leeds.index_of("indicator:control")]
        assert pictures(control)[0]._element.nvPicPr.cNvPr.get("descr").startswith("Line chart of control")
    else:
        assert sum(len(pictures(p)) for p in deck) > len(deck)  # picture and face on most slides
        text = slide_text(deck[leeds.index_of("indicator:control")])
        assert "8 out of 10 people" in text


def test_pptx_is_16_by_9(leeds_files):
    prs = Presentation(io.BytesIO(leeds_files[("pptx", False)]))
    assert round(prs.slide_width / prs.slide_height, 2) == round(16 / 9, 2)


# ------------------------------------------------------------------ PDF


@pytest.mark.parametrize("easy", [False, True])
def test_pdf_reads_back(leeds, leeds_files, easy):
    pages = pdf_pages(leeds_files[("pdf", easy)])
    if easy:
        assert len(pages) == len(leeds.slides)
    else:
        assert len(pages) > len(leeds.slides)  # the full figures follow the slides
        assert "Full figures" in pages[len(leeds.slides)]
    for number, slide in enumerate(leeds.slides, 1):
        text = " ".join(pages[number - 1].split())
        title = slide.easy.title if easy else slide.title
        assert " ".join(title.split()) in text
        assert f"Slide {number} of {len(leeds.slides)}" in text
    reader = PdfReader(io.BytesIO(leeds_files[("pdf", easy)]))
    assert reader.metadata.title.startswith("Partnership board: Leeds")


@pytest.mark.parametrize("easy", [False, True])
def test_pdf_images_carry_alt_text(leeds, leeds_files, easy):
    raw = leeds_files[("pdf", easy)]
    alts = re.findall(rb"/Alt \((.*?)(?<!\\)\)", raw, flags=re.S)
    if not easy:
        charts = [s.chart.sentence for s in leeds.slides if s.chart is not None]
        assert len(alts) == len(charts)
        assert alts[0].decode("latin-1").startswith(charts[0][:40])
    else:  # a picture, a face or an icon array on every slide, each with its words
        assert len(alts) >= len(leeds.slides)
        assert any(b"8 out of 10 people" in a for a in alts)
    assert all(len(a) > 8 for a in alts)


# ------------------------------------------------------------------ suppression


def raw_figures(store, indicator_id, area, period):
    """The figure before suppression (never shown): what a leak would look like."""
    ind = catalogue.load()[indicator_id]
    frame = compute_indicator(store, ind, store.query("published_ascof"))
    row = frame[(frame["geography_code"] == area) & (frame["period"] == period)].iloc[0]
    return ind, row


def leak_strings(ind, row) -> list[str]:
    out = [ind.format_value(row["value"])]
    if ind.kind == "proportion":
        out.append(f"{row['count']:,.0f} of {row['base']:,.0f}")
    return out


SUPPRESSED_LEEDS = ["dp_flexible_use", "dp_trusted", "unauthorised_spend_per_100", "breakdowns_resolved_28_days",
                    "breakdowns_escalated", "coproduced_activities", "decisions_with_self_advocates", "you_said_we_did"]


def test_no_suppressed_figure_in_any_leeds_file(board, leeds, leeds_files):
    store, figs = board
    decks = {easy: pptx_slides(leeds_files[("pptx", easy)]) for easy in (False, True)}
    pdfs = {easy: pdf_pages(leeds_files[("pdf", easy)]) for easy in (False, True)}
    for indicator_id in SUPPRESSED_LEEDS:
        assert figs.figure(indicator_id, LEEDS, PERIOD)["suppressed"]
        ind, row = raw_figures(store, indicator_id, LEEDS, PERIOD)
        i = leeds.index_of(f"indicator:{indicator_id}")
        slide = leeds.slides[i]
        assert slide.headline == "Not shown"
        texts = [slide.text, slide.notes, slide_text(decks[False][i]), decks[False][i].notes_slide.notes_text_frame.text,
                 slide_text(decks[True][i]), pdfs[False][i], pdfs[True][i]]
        for text in texts:
            for leak in leak_strings(ind, row):
                assert leak not in text, f"{indicator_id}: {leak!r} (suppressed) is in a pack"
        assert "Not enough people answered" in slide_text(decks[True][i])


def counted_pairs(text: str):
    return [(int(a.replace(",", "")), int(b.replace(",", ""))) for a, b in re.findall(r"Counted: ([\d,]+) (?:of|over) ([\d,]+)", text)]


def test_no_small_count_anywhere(leeds, leeds_files):
    everything = "\n".join(s.notes for s in leeds.slides) + "\n".join(pdf_pages(leeds_files[("pdf", False)]))
    pairs = counted_pairs(everything)
    assert pairs, "the notes should carry the full counts"
    for count, base in pairs:
        assert count == 0 or count >= 5, f"count {count} shown"
        assert base >= 5
    # group table: Leeds control by age band is 16 of 20 in each band: 4 without control, hidden
    groups = leeds.slides[leeds.index_of("groups")]
    row = groups.table[groups.table["Group"] == "18-64"].iloc[0]
    assert row["Control over daily life"] == "Not shown"
    assert "16 of 20" not in groups.notes and "80.0%" not in groups.notes.split("control, Age band: 18-64")[-1][:40]


def test_isles_of_scilly_pack_shows_no_figure(board):
    store, figs = board
    meeting = slides.build_meeting(store, figs, SCILLY, PERIOD)
    data = packs.build_pdf(meeting, easy=False)
    text = "\n".join(pdf_pages(data))
    for ind in figs.catalogue.indicators:
        shown = figs.figure(ind.id, SCILLY, PERIOD)
        if shown is None or shown["source"] != "local data":
            continue
        ind_, row = raw_figures(store, ind.id, SCILLY, PERIOD)
        slide = meeting.slides[meeting.index_of(f"indicator:{ind.id}")]
        if shown["suppressed"]:
            assert slide.headline == "Not shown"
            for leak in leak_strings(ind_, row):
                assert leak not in slide.text and leak not in slide.notes
    assert "Not shown" in text
    for count, base in counted_pairs(text):
        assert count == 0 or count >= 5


# ------------------------------------------------------------------ actions reach the packs


def test_an_action_an_editor_records_appears_in_the_next_pack(db_copy):
    store = Store(db_copy)
    try:
        figs = build_figures(store)
        before = slides.build_meeting(store, figs, LEEDS, PERIOD)
        assert "Ramps at the day centre" not in "\n".join(s.text for s in before.slides)
        actions.record_action(store, LEEDS, "social_contact", "The day centre has no ramp",
                              "Ramps at the day centre by spring", "Estates manager", "2031-03-31", "open", "asha")
        meeting = slides.build_meeting(store, figs, LEEDS, PERIOD)
        data = packs.build_pptx(meeting, easy=True)
    finally:
        store.close()
    text = "\n".join(slide_text(s) for s in pptx_slides(data))
    assert "You said: The day centre has no ramp" in text
    assert "We will: Ramps at the day centre by spring" in text


def test_open_and_completed_actions_in_the_standard_pack(leeds, leeds_files):
    deck = pptx_slides(leeds_files[("pptx", False)])
    open_slide = slide_text(deck[leeds.index_of("actions:open:1")])
    done_slide = slide_text(deck[leeds.index_of("actions:completed:1")])
    assert RAISED in open_slide and AGREED in open_slide
    assert "Head of finance" not in open_slide  # owners are staff details: not in a viewer's pack
    assert "○ Open" in open_slide
    assert "Breaks every 30 minutes" in done_slide and "Breaks every 30 minutes" not in open_slide


# ------------------------------------------------------------------ command line


def test_cli_exports_a_pack(board_db, tmp_path):
    out = tmp_path / "pack.pptx"
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "export", "pack", "--area", LEEDS, "--period", PERIOD,
         "--format", "pptx", "--easy-read", "-o", str(out), "--db", str(board_db)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "easy-read PPTX pack for Leeds" in result.stdout
    deck = pptx_slides(out.read_bytes())
    assert deck[0].shapes.title.text == "What we will talk about"
    assert any(RAISED in slide_text(s) for s in deck)


@pytest.mark.parametrize("args, message", [
    (["--area", "E99999999", "--period", PERIOD], "no data for that council"),
    (["--area", LEEDS, "--period", "1999-00"], "no figures for that period"),
])
def test_cli_refuses_bad_choices(board_db, tmp_path, args, message):
    out = tmp_path / "pack.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "export", "pack", *args, "--format", "pdf", "-o", str(out),
         "--db", str(board_db)], capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 2 and message in result.stderr
    assert not out.exists()


def _dark_runs(png: bytes) -> list[tuple[int, int]]:
    """Runs of columns holding dark (text) pixels between the legend and the x-axis labels,
    from the left edge of the picture (light grid lines are ignored)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    w, h = image.size
    pixels = image.load()
    dark = [any(pixels[x, y] < 120 for y in range(int(h * 0.15), int(h * 0.85))) for x in range(w // 4)]
    runs, start = [], None
    for x, d in enumerate(dark + [False]):
        if d and start is None:
            start = x
        elif not d and start is not None:
            if runs and start - runs[-1][1] < 8:  # the digits of one number
                runs[-1] = (runs[-1][0], x)
            else:
                runs.append((start, x))
            start = None
    return runs


def test_pack_chart_axes_fully_visible(leeds):
    """Rendered through kaleido as in the pack: the unit ("%") is clear of the picture's edge and
    of the tick numbers, and the numbers are whole (not cut off at the left)."""
    import plotly.graph_objects as go

    shown = [s for s in leeds.slides if s.chart is not None][:2]
    assert shown
    figures = [s.chart.figure for s in shown]
    # and with numbers as wide as a rate per 1,000 reaches ("1,000")
    figures += [go.Figure(f).update_yaxes(range=[0, 1000], rangemode="normal") for f in figures]
    with packs.kaleido_batch():
        images = [packs.figure_png(f, 1100, 560) for f in figures]
    for slide, png in zip(shown + shown, images):
        runs = _dark_runs(png)
        assert len(runs) >= 2, (slide.title, runs)
        title, numbers = runs[0], runs[1]
        assert title[0] >= 8, (slide.title, runs)  # the "%" is not at the edge
        assert numbers[0] - title[1] >= 12, (slide.title, runs)  # a clear gap between the "%" and the numbers
        assert numbers[1] - numbers[0] >= 20, (slide.title, runs)  # "60" whole, two digits wide
