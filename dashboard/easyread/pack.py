"""The printable easy-read pack for an area: a PDF, A4 landscape, one idea per page.

Built from the same content as the Easy read section (:func:`dashboard.easyread.easy_read_area`):
the same sentences, pictures, icons out of 10, faces and words. Small numbers stay hidden: a
suppressed figure says "Not enough people answered to say." and its page shows no number.

    pack_pdf(figures, area_code, period) -> bytes
    python -m dashboard easyread-pack --area E08000035 --period 2024-25 -o leeds.pdf

Fonts: DejaVu Sans, embedded from ``assets/fonts`` (never fetched). Pictures are drawn as
vectors from the SVG files in ``assets/easyread``.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from fpdf import FPDF

from dashboard import easyread
from dashboard.config import FONTS_DIR
from dashboard.easyread import EasyReadFigure

FONT = "DejaVu"
INK = (11, 12, 12)
BLUE = (11, 61, 145)
GREY = (80, 90, 95)
PAGE_W, PAGE_H = 297, 210
LEFT_W = 88  # the picture column
RIGHT_X = 112
RIGHT_W = PAGE_W - RIGHT_X - 16

# fpdf2 warns about SVG tags it does not draw (<title>); the pictures do not need them
logging.getLogger("fpdf.svg").setLevel(logging.ERROR)


def _svg_bytes(svg: str) -> io.BytesIO:
    svg = re.sub(r"<title>.*?</title>", "", svg, flags=re.S)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    return io.BytesIO(svg.encode("utf-8"))


class EasyReadPDF(FPDF):
    def __init__(self, area_name: str, period: str):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.area_name, self.period = area_name, period
        self.add_font(FONT, "", str(FONTS_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONTS_DIR / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(False)
        self.set_margins(16, 14, 16)
        self.set_title(f"Easy read: {area_name}, {period}")
        self.set_author("Good Lives dashboard")
        self.set_subject("Easy-read pack")
        self.set_lang("en-GB")
        self.set_creator("Good Lives dashboard")

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, "", 12)
        self.set_text_color(*GREY)
        self.cell(0, 6, f"{self.area_name}, {self.period}    Page {self.page_no()} of {{nb}}", align="R")

    # -- writing helpers
    def words(self, text: str, size: float, bold: bool = False, x: float = RIGHT_X, w: float = RIGHT_W,
              colour=INK, gap: float = 3) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.set_x(x)
        self.multi_cell(w, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)

    def picture(self, path: Path, x: float, y: float, w: float) -> None:
        self.image(_svg_bytes(path.read_text(encoding="utf-8")), x=x, y=y, w=w, h=w)


def _bar(pdf: EasyReadPDF, fig: EasyReadFigure, x: float, y: float, w: float = 150, h: float = 16) -> float:
    """One bar for the area and a mark for "most places" (no whiskers). Returns the bottom y."""
    top = max(fig.value or 0, fig.benchmark_value or 0) * 1.25 or 1.0
    pdf.set_font(FONT, "B", 18)
    pdf.set_text_color(*INK)
    pdf.set_xy(x, y)
    pdf.cell(w, 8, f"{pdf.area_name}: {easyread.value_words(fig)}")
    y += 11
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.6)
    pdf.rect(x, y, w, h)
    pdf.set_fill_color(*BLUE)
    pdf.rect(x, y, max(1.0, w * (fig.value or 0) / top), h, style="F")
    if fig.benchmark_value is not None:
        mark = x + w * fig.benchmark_value / top
        pdf.set_draw_color(*INK)
        pdf.set_line_width(1.4)
        pdf.line(mark, y - 4, mark, y + h + 4)
        pdf.set_font(FONT, "", 16)
        pdf.set_text_color(*INK)
        right_half = mark - x > w / 2  # the triangle sits under the mark, the words run inwards
        label = f"{easyread.MOST_PLACES} ▲" if right_half else f"▲ {easyread.MOST_PLACES}"
        width = pdf.get_string_width(label)
        half = pdf.get_string_width("▲") / 2
        pdf.set_xy(mark - width + half if right_half else mark - half, y + h + 5)
        pdf.cell(width, 7, label)
    return y + h + 14


def _indicator_page(pdf: EasyReadPDF, fig: EasyReadFigure, topic: str) -> None:
    pdf.add_page()
    pdf.set_font(FONT, "B", 14)
    pdf.set_text_color(*GREY)
    pdf.set_xy(16, 12)
    pdf.cell(0, 7, f"Topic: {topic}")
    pdf.picture(fig.icon_path, 18, 34, 72)
    pdf.set_y(30)
    pdf.words(fig.title, 28, bold=True, gap=4)
    pdf.words(fig.sentence, 22, bold=True, gap=5)
    if fig.chart == "icons" and fig.out_of_10 is not None:
        y = pdf.get_y()
        pdf.image(_svg_bytes(easyread.icon_array_svg(fig.out_of_10, fig.sentence)), x=RIGHT_X, y=y, w=140)
        pdf.set_y(y + 140 * 106 / 484 + 3)
        pdf.words(f"{fig.out_of_10 if fig.out_of_10 is not None else ''} out of 10: {fig.amount_words}.", 18, gap=4)
    elif fig.chart == "bar":
        pdf.set_y(_bar(pdf, fig, RIGHT_X, pdf.get_y() + 4))
    if not fig.suppressed and fig.value is not None:
        y = pdf.get_y()
        pdf.image(_svg_bytes(easyread.face_path(fig.face).read_text(encoding="utf-8")), x=RIGHT_X, y=y, w=20, h=20)
        pdf.set_xy(RIGHT_X + 25, y + 2)
        pdf.set_font(FONT, "", 18)
        pdf.set_text_color(*INK)
        pdf.multi_cell(RIGHT_W - 25, 9, fig.comparison_sentence, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(pdf.get_y(), y + 22))
    for sentence in easyread.sentences(fig.change_sentence):  # one idea per line
        pdf.words(sentence, 18, gap=1)
    pdf.ln(3)
    # hard words explained next to them, then the exact figure in smaller print at the bottom
    for word, meaning in fig.hard_words[:2]:
        pdf.words(f"{word[0].upper() + word[1:]} means {meaning}.", 14, colour=GREY, gap=1)
    pdf.set_y(PAGE_H - 34)
    exact = " ".join([fig.exact, *fig.exact_details[:1]]) if not fig.suppressed else fig.exact
    pdf.words(exact, 12, colour=GREY, x=16, w=PAGE_W - 32, gap=0)


def _cover(pdf: EasyReadPDF, count: int) -> None:
    pdf.add_page()
    pdf.picture(easyread.picture_path("coproduced_activities"), 20, 40, 80)
    pdf.set_y(40)
    pdf.words(f"How are things in {pdf.area_name}?", 34, bold=True)
    pdf.words("An easy-read pack", 26)
    pdf.words(f"This pack is about the year {pdf.period}.", 20)
    pdf.words(f"It has {count} pages about support and choice.", 20)
    pdf.words("Each page is about one thing.", 20)


def _how_to_read(pdf: EasyReadPDF) -> None:
    pdf.add_page()
    pdf.set_y(20)
    pdf.words("How to read this pack", 28, bold=True, x=16, w=PAGE_W - 32, gap=6)
    y = pdf.get_y()
    pdf.image(_svg_bytes(easyread.icon_array_svg(7, "")), x=16, y=y, w=90)
    pdf.set_xy(RIGHT_X + 8, y)
    pdf.words("The people pictures show a number out of 10.", 18, x=RIGHT_X + 8, w=RIGHT_W - 8, gap=1)
    pdf.words("Here 7 are filled in. That means 7 out of 10.", 18, x=RIGHT_X + 8, w=RIGHT_W - 8, gap=6)
    rows = [
        ("happy", "A happy face means better than most places."),
        ("neutral", "A face in the middle means about the same."),
        ("sad", "A sad face means worse than most places."),
        ("question", "A question mark means we cannot compare."),
    ]
    y = max(pdf.get_y(), y + 26)
    for face, words in rows:
        pdf.image(_svg_bytes(easyread.face_path(face).read_text(encoding="utf-8")), x=60, y=y, w=18, h=18)
        pdf.set_xy(RIGHT_X + 8, y + 3)
        pdf.set_font(FONT, "", 18)
        pdf.set_text_color(*INK)
        pdf.cell(RIGHT_W - 8, 10, words)
        y += 24
    pdf.set_y(y + 2)
    pdf.words("Most places means the number for England, or for all places we have.", 16, x=16, w=PAGE_W - 32)


def _hard_words(pdf: EasyReadPDF, figs: list[EasyReadFigure]) -> None:
    pdf.add_page()
    pdf.set_y(20)
    pdf.words("Hard words", 28, bold=True, x=16, w=PAGE_W - 32, gap=6)
    seen = {}
    for fig in figs:
        for word, meaning in fig.hard_words:
            seen.setdefault(word, meaning)
    for word, meaning in sorted(seen.items(), key=lambda kv: kv[0].lower()):
        pdf.words(f"{word[0].upper() + word[1:]}: {meaning}.", 16, x=16, w=PAGE_W - 32, gap=2)
    pdf.ln(4)
    pdf.words("Numbers from fewer than 5 people are never shown, to keep people private.", 16, x=16, w=PAGE_W - 32)


def pack_pdf(figures, area_code: str, period: str, indicator_ids: list[str] | None = None) -> bytes:
    """The easy-read pack for one area and year as PDF bytes.

    Pages: a cover, how to read the pack, one page per indicator, and the hard words.
    """
    figs = easyread.easy_read_area(figures, area_code, period, indicator_ids)
    pdf = EasyReadPDF(figures.area_name(area_code), period)
    _cover(pdf, len(figs))
    _how_to_read(pdf)
    topics = {d.id: d.easy_read_name for d in figures.catalogue.domains}
    domain_of = {i.id: i.domain for i in figures.catalogue.indicators}
    for fig in figs:
        _indicator_page(pdf, fig, topics[domain_of[fig.indicator_id]])
    _hard_words(pdf, figs)
    return bytes(pdf.output())


def pack_pages(indicator_count: int) -> int:
    """How many pages a pack with this many indicators has (cover, how to read, hard words)."""
    return indicator_count + 3


def pack_file_name(area_name: str, period: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", area_name.lower()).strip("-")
    return f"easy-read-{slug}-{period}.pdf"
