"""Meeting packs: the meeting's slides as PPTX (python-pptx) and PDF (fpdf2), standard or easy read.

- PPTX: one slide per meeting screen (16:9), the slide title in the title placeholder, charts and
  easy-read pictures as PNG images with alt text (the picture's ``descr``), a source and period
  footer on every slide, speaker notes with the full figures.
- PDF: one page per slide in the same order (16:9 pages), the same words and pictures with alt
  text, the DejaVu Sans font shipped in ``assets/fonts`` (no download), and (standard pack)
  the full figures from the speaker notes on pages at the end.

Charts and SVG pictures become PNG through kaleido, with ONE browser per pack
(``kaleido.start_sync_server()``; a lock keeps two packs in one process from sharing it badly).
Everything comes from ``dashboard.meeting.slides.Meeting``, built from suppressed figures only, so a
pack can never show a count of 1-4 or a figure from fewer than 5 people.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import threading
from contextlib import contextmanager

import plotly.graph_objects as go

from dashboard import easyread
from dashboard.config import PROJECT_ROOT
from dashboard.meeting.slides import Meeting, Slide

FONTS_DIR = PROJECT_ROOT / "assets" / "fonts"  # DejaVu Sans and its licence (shared with the easy-read pack)
FORMATS = ("pptx", "pdf")
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}

_KALEIDO_LOCK = threading.Lock()


# ------------------------------------------------------------------ images (kaleido)


@contextmanager
def kaleido_batch():
    """One kaleido browser for a batch of images (started here unless one already runs)."""
    import kaleido
    from kaleido._sync_server import GlobalKaleidoServer

    with _KALEIDO_LOCK:
        started = not GlobalKaleidoServer().is_running()
        if started:
            kaleido.start_sync_server(silence_warnings=True)
        try:
            yield
        finally:
            if started:
                kaleido.stop_sync_server(silence_warnings=True)


def figure_png(fig: go.Figure, width: int, height: int, scale: float = 1.5) -> bytes:
    import kaleido

    return kaleido.calc_fig_sync(fig, opts=dict(format="png", width=width, height=height, scale=scale))


def svg_png(svg: str, width: int, height: int) -> bytes:
    """An SVG drawn to PNG by the same browser (as a plotly layout image)."""
    if "xmlns=" not in svg:
        svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    fig = go.Figure()
    fig.add_layout_image(source=uri, xref="paper", yref="paper", x=0, y=1, sizex=1, sizey=1,
                         xanchor="left", yanchor="top", sizing="contain", layer="above")
    fig.update_layout(width=width, height=height, margin=dict(l=0, r=0, t=0, b=0),
                      xaxis=dict(visible=False), yaxis=dict(visible=False),
                      plot_bgcolor="white", paper_bgcolor="white")
    return figure_png(fig, width, height, scale=1.5)


class Picture:
    """A PNG with its text alternative and its size in pixels (before scaling)."""

    def __init__(self, png: bytes, alt: str, width: int, height: int):
        self.png, self.alt, self.width, self.height = png, alt, width, height

    @property
    def aspect(self) -> float:
        return self.height / self.width


def svgs_png(svgs: list[str], width: int, height: int, columns: int = 4, scale: float = 1.5) -> list[bytes]:
    """Many SVGs of one size drawn in ONE browser call (a grid of layout images), then cut apart:
    a pack's easy-read pictures take about a second instead of one call each."""
    from PIL import Image

    if not svgs:
        return []
    columns = min(columns, len(svgs))
    rows = -(-len(svgs) // columns)
    fig = go.Figure()
    for i, svg in enumerate(svgs):
        if "xmlns=" not in svg:
            svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
        row, col = divmod(i, columns)
        fig.add_layout_image(source=uri, xref="paper", yref="paper", x=col / columns, y=1 - row / rows,
                             sizex=1 / columns, sizey=1 / rows, xanchor="left", yanchor="top",
                             sizing="contain", layer="above")
    fig.update_layout(width=width * columns, height=height * rows, margin=dict(l=0, r=0, t=0, b=0),
                      xaxis=dict(visible=False), yaxis=dict(visible=False),
                      plot_bgcolor="white", paper_bgcolor="white")
    sheet = Image.open(io.BytesIO(figure_png(fig, width * columns, height * rows, scale=scale)))
    cell_w, cell_h = sheet.width / columns, sheet.height / rows
    out = []
    for i in range(len(svgs)):
        row, col = divmod(i, columns)
        box = (round(col * cell_w), round(row * cell_h), round((col + 1) * cell_w), round((row + 1) * cell_h))
        buffer = io.BytesIO()
        sheet.crop(box).save(buffer, format="PNG", optimize=True)
        out.append(buffer.getvalue())
    return out


SIZES = {"picture": (300, 300), "face": (200, 200), "chart": (780, 230)}


def _easy_specs(slide: Slide) -> dict[str, tuple[str, str, str]]:
    """role -> (cache key, svg, alt) for an easy-read slide's pictures."""
    e = slide.easy
    specs = {}
    if e is None:
        return specs
    if e.picture and easyread.picture_path(e.picture).is_file():
        label = e.picture_label or e.title
        specs["picture"] = (f"picture:{e.picture}", easyread.picture_svg(e.picture, label, size=300), label)
    if e.face:
        specs["face"] = (f"face:{e.face}", easyread.face_svg(e.face, e.face_words, size=200), e.face_words)
    if e.chart_svg:
        # the label (title, aria-label) does not change the pixels: one render per drawing
        drawing = re.sub(r"<title>.*?</title>|\saria-label=\"[^\"]*\"", "", e.chart_svg, flags=re.S)
        specs["chart"] = (f"chart:{hashlib.sha1(drawing.encode('utf-8')).hexdigest()}", e.chart_svg, e.chart_sentence)
    return specs


def render_pictures(meeting: Meeting, easy: bool) -> list[dict[str, Picture]]:
    """Every picture in the pack, role -> Picture per slide, with one kaleido browser."""
    with kaleido_batch():
        if not easy:
            out = []
            for slide in meeting.slides:
                pics = {}
                if slide.chart is not None:
                    pics["chart"] = Picture(figure_png(slide.chart.figure, 1100, 560), slide.chart.sentence, 1100, 560)
                out.append(pics)
            return out
        specs = [_easy_specs(slide) for slide in meeting.slides]
        pngs: dict[str, bytes] = {}
        for role, (width, height) in SIZES.items():
            unique = {}
            for spec in specs:
                if role in spec:
                    unique.setdefault(spec[role][0], spec[role][1])
            for key, png in zip(unique, svgs_png(list(unique.values()), width, height)):
                pngs[key] = png
    return [{role: Picture(pngs[key], alt, *SIZES[role]) for role, (key, _, alt) in spec.items()} for spec in specs]


# ------------------------------------------------------------------ PPTX


def _pptx_text(frame, lines, size, bold=False, colour=None, space=6):
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    frame.word_wrap = True
    first = True
    for line in lines:
        para = frame.paragraphs[0] if first else frame.add_paragraph()
        first = False
        run = para.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = RGBColor.from_string((colour or "#0b0c0c").lstrip("#"))
        para.space_after = Pt(space)


def _wrapped_lines(text: str, size: float, width_pt: float) -> int:
    """How many lines ``text`` takes at ``size`` points in ``width_pt`` (measured with the DejaVu
    Sans shipped here, wider than the usual slide fonts, so the estimate errs on the safe side)."""
    font = _measure_font()
    scale = size / 100
    lines, current = 1, 0.0
    space = font.getlength(" ") * scale
    for word in text.split():
        length = font.getlength(word) * scale
        if current and current + space + length > width_pt:
            lines += 1
            current = length
        else:
            current += (space if current else 0) + length
    return lines


_FONT_CACHE: dict = {}


def _measure_font():
    from PIL import ImageFont

    if "font" not in _FONT_CACHE:
        _FONT_CACHE["font"] = ImageFont.truetype(str(FONTS_DIR / "DejaVuSans.ttf"), 100)
    return _FONT_CACHE["font"]


def fit_size(lines: list[str], width_emu: int, height_emu: int, largest: float, smallest: float = 12,
             space_pt: float = 6) -> float:
    """The largest font size (points, down to ``smallest``) at which the lines fit the box."""
    width_pt = width_emu / 12700 - 14.4  # less the text box's inner margins (0.1 in each side)
    height_pt = height_emu / 12700 - 7.2
    size = largest
    while size > smallest:
        needed = sum(_wrapped_lines(line, size, width_pt) * size * 1.2 + space_pt for line in lines)
        if needed <= height_pt:
            return size
        size -= 1
    return smallest


def _pptx_picture(slide, picture: Picture, left, top, width=None, height=None):
    stream = io.BytesIO(picture.png)
    if width is not None and height is not None:  # fit inside the box, keep the aspect
        if picture.aspect * width > height:
            width = int(height / picture.aspect)
        else:
            height = int(width * picture.aspect)
    pic = slide.shapes.add_picture(stream, left, top, width=width, height=height)
    pic._element.nvPicPr.cNvPr.set("descr", picture.alt)
    pic._element.nvPicPr.cNvPr.set("title", picture.alt[:250])
    return pic


def _pptx_table(slide, table, left, top, width, size):
    from pptx.util import Emu, Pt

    rows, cols = len(table) + 1, len(table.columns)
    shape = slide.shapes.add_table(rows, cols, left, top, width, Emu(int(Pt(size * 2.2)) * rows))
    grid = shape.table
    for c, name in enumerate(table.columns):
        grid.cell(0, c).text = str(name)
    for r, record in enumerate(table.astype(str).itertuples(index=False), 1):
        for c, value in enumerate(record):
            grid.cell(r, c).text = value
    for r in range(rows):
        for c in range(cols):
            for para in grid.cell(r, c).text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(size)
                    run.font.bold = r == 0
    return shape


def build_pptx(meeting: Meeting, easy: bool = False, pictures: list[dict[str, Picture]] | None = None) -> bytes:
    from pptx import Presentation
    from pptx.util import Emu, Inches, Pt

    pictures = pictures if pictures is not None else render_pictures(meeting, easy)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    prs.core_properties.title = meeting.title + (" (easy read)" if easy else "")
    prs.core_properties.subject = "Partnership board meeting pack"
    prs.core_properties.author = "Good Lives dashboard"
    layout = prs.slide_layouts[5]  # title only
    total = len(meeting.slides)
    margin = Inches(0.5)
    width = prs.slide_width - 2 * margin
    for number, (slide, pics) in enumerate(zip(meeting.slides, pictures), 1):
        page = prs.slides.add_slide(layout)
        title = page.shapes.title
        title.left, title.top, title.width, title.height = margin, Inches(0.55), width, Inches(1.0)
        e = slide.easy if easy else None
        title.text = e.title if e else slide.title
        for para in title.text_frame.paragraphs:
            para.alignment = 1  # left
            for run in para.runs:
                run.font.size = Pt(40)
                run.font.bold = True
        sub = page.shapes.add_textbox(margin, Inches(0.15), width, Inches(0.45))
        _pptx_text(sub.text_frame, [f"{meeting.area_name} · {meeting.period} data" if e else slide.subtitle], 16, colour="#505a5f")
        body_top = Inches(1.65)
        if e:
            left_w = Inches(3.2)
            y = body_top
            if "picture" in pics:
                p = _pptx_picture(page, pics["picture"], margin, y, Inches(2.6), Inches(2.6))
                y += p.height + Inches(0.2)
            if "face" in pics:
                _pptx_picture(page, pics["face"], margin + Inches(0.5), y, Inches(1.6), Inches(1.6))
            words_left = margin + left_w
            words_w = width - left_w
            words_h = Inches(3.2) if "chart" in pics else Inches(5.0)
            box = page.shapes.add_textbox(words_left, body_top, words_w, words_h)
            words = e.lines + ([e.face_words] if e.face_words else [])
            _pptx_text(box.text_frame, words, fit_size(words, words_w, words_h, 24, 16, 10), space=10)
            if "chart" in pics:
                _pptx_picture(page, pics["chart"], words_left, body_top + words_h + Inches(0.1), words_w, Inches(1.9))
        else:
            text_w = width if "chart" not in pics and slide.table is None else Inches(5.6)
            y = body_top
            if slide.headline:
                box = page.shapes.add_textbox(margin, y, text_w, Inches(1.1))
                _pptx_text(box.text_frame, [slide.headline], 60, bold=True, colour="#00549f")
                y += Inches(1.15)
            lines = ([slide.headline_caption] if slide.headline_caption else []) + [b[0] for b in slide.badges] + slide.lines
            if slide.table is not None:
                size = fit_size(lines, width, Inches(1.6), 16, 12)
                needed = sum(_wrapped_lines(line, size, width / 12700 - 14.4) * size * 1.2 + 6 for line in lines)
                box = page.shapes.add_textbox(margin, y, width, Pt(needed + 8))
                _pptx_text(box.text_frame, lines, size)
                y += Pt(needed + 14)
                size = 12 if len(slide.table.columns) > 4 else 14
                _pptx_table(page, slide.table, margin, y, width, size)
            else:
                box_h = prs.slide_height - y - Inches(0.75)
                box = page.shapes.add_textbox(margin, y, text_w, box_h)
                _pptx_text(box.text_frame, lines, fit_size(lines, text_w, box_h, 18 if "chart" in pics else 22, 11))
            if "chart" in pics:
                _pptx_picture(page, pics["chart"], margin + Inches(5.8), body_top, width - Inches(5.8), Inches(4.9))
        foot = page.shapes.add_textbox(margin, prs.slide_height - Inches(0.6), width, Inches(0.45))
        _pptx_text(foot.text_frame, [f"{slide.footer}  ·  Slide {number} of {total}"], 12, colour="#505a5f")
        page.notes_slide.notes_text_frame.text = slide.notes
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# ------------------------------------------------------------------ PDF


def _pdf():
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="mm", format=(190.5, 338.7))
    pdf.add_font("DejaVu", "", str(FONTS_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(False)
    pdf.set_margins(14, 10, 14)
    return pdf


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))


def _pdf_picture(pdf, picture: Picture, x, y, w, h):
    if picture.aspect * w > h:
        w = h / picture.aspect
    else:
        h = w * picture.aspect
    pdf.image(io.BytesIO(picture.png), x=x, y=y, w=w, h=h, alt_text=picture.alt, title=picture.alt[:120])
    return h


def _pdf_lines(pdf, lines, size, x, w, bold=False, colour="#0b0c0c", gap=1.5, room=None, smallest=9):
    """Write lines; with ``room`` (mm), shrink the type (down to ``smallest``) until they fit:
    nothing is ever cut off."""
    style = "B" if bold else ""
    if room is not None:
        while size > smallest:
            pdf.set_font("DejaVu", style, size)
            needed = sum(pdf.multi_cell(w, size * 0.5, line, dry_run=True, output="HEIGHT") + gap for line in lines)
            if needed <= room:
                break
            size -= 0.5
    pdf.set_font("DejaVu", style, size)
    pdf.set_text_color(*_rgb(colour))
    for line in lines:
        pdf.set_x(x)
        pdf.multi_cell(w, size * 0.5, line, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(gap)


def build_pdf(meeting: Meeting, easy: bool = False, pictures: list[dict[str, Picture]] | None = None) -> bytes:
    pictures = pictures if pictures is not None else render_pictures(meeting, easy)
    pdf = _pdf()
    pdf.set_title(meeting.title + (" (easy read)" if easy else ""))
    pdf.set_author("Good Lives dashboard")
    pdf.set_subject("Partnership board meeting pack")
    pdf.set_lang("en-GB")
    total = len(meeting.slides)
    left, width = 14, 338.7 - 28
    for number, (slide, pics) in enumerate(zip(meeting.slides, pictures), 1):
        pdf.add_page()
        e = slide.easy if easy else None
        pdf.set_y(8)
        _pdf_lines(pdf, [f"{meeting.area_name} · {meeting.period} data" if e else slide.subtitle], 11, left, width, colour="#505a5f", gap=0)
        pdf.start_section(e.title if e else slide.title)
        _pdf_lines(pdf, [e.title if e else slide.title], 26, left, width, bold=True, gap=3)
        top = pdf.get_y()
        if e:
            y = top
            if "picture" in pics:
                y += _pdf_picture(pdf, pics["picture"], left, y, 60, 60) + 4
            if "face" in pics:
                _pdf_picture(pdf, pics["face"], left + 12, y, 36, 36)
            words_x, words_w = left + 72, width - 72
            pdf.set_y(top)
            _pdf_lines(pdf, e.lines + ([e.face_words] if e.face_words else []), 18, words_x, words_w, gap=3,
                       room=(122 if "chart" in pics else 172) - top, smallest=13)
            if "chart" in pics:
                _pdf_picture(pdf, pics["chart"], words_x, max(pdf.get_y() + 2, 125), words_w * 0.75, 45)
        else:
            text_w = 150 if "chart" in pics else width
            pdf.set_y(top)
            if slide.headline:
                _pdf_lines(pdf, [slide.headline], 44, left, text_w, bold=True, colour="#00549f", gap=2)
            if slide.headline_caption:
                _pdf_lines(pdf, [slide.headline_caption], 13, left, text_w, gap=2)
            for text, colour in slide.badges:
                _pdf_lines(pdf, [text], 13, left, text_w, bold=True, colour=colour, gap=1)
            _pdf_lines(pdf, slide.lines, 12 if slide.table is not None else 13, left, text_w, gap=1.5,
                       room=None if slide.table is not None else 176 - pdf.get_y())
            if slide.table is not None:
                pdf.ln(2)
                pdf.set_font("DejaVu", "", 10.5 if len(slide.table.columns) > 4 else 12)
                pdf.set_text_color(11, 12, 12)
                cells = slide.table.astype(str)
                widths = [min(60, max(10, len(str(c)), *(len(v) for v in cells[c]))) for c in cells.columns]
                with pdf.table(text_align="LEFT", line_height=6, first_row_as_headings=True,
                               col_widths=widths, padding=1.2) as table:
                    table.row([str(c) for c in slide.table.columns])
                    for record in slide.table.astype(str).itertuples(index=False):
                        table.row(list(record))
            if "chart" in pics:
                _pdf_picture(pdf, pics["chart"], left + 158, top, width - 158, 120)
        pdf.set_y(178)
        pdf.set_x(left)
        pdf.set_font("DejaVu", "", 9)
        pdf.set_text_color(80, 90, 95)
        pdf.multi_cell(width, 4.5, f"{slide.footer}  ·  Slide {number} of {total}", align="L")
    if not easy:  # the full figures, as in the speaker notes
        pdf.add_page()
        pdf.set_y(10)
        pdf.start_section("Full figures")
        _pdf_lines(pdf, ["Full figures (the speaker notes)"], 22, left, width, bold=True, gap=3)
        pdf.set_auto_page_break(True, margin=12)
        for number, slide in enumerate(meeting.slides, 1):
            pdf.set_font("DejaVu", "B", 11)
            pdf.set_text_color(11, 12, 12)
            pdf.multi_cell(width, 5.5, f"Slide {number}: {slide.title}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", "", 9.5)
            pdf.multi_cell(width, 4.6, slide.notes, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    return bytes(pdf.output())


# ------------------------------------------------------------------ one call


def build_pack(meeting: Meeting, fmt: str, easy: bool = False) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Format “{fmt}” is not one of: {', '.join(FORMATS)}.")
    return build_pptx(meeting, easy) if fmt == "pptx" else build_pdf(meeting, easy)


def file_name(meeting: Meeting, fmt: str, easy: bool = False) -> str:
    area = "".join(ch if ch.isalnum() else "-" for ch in meeting.area_name.lower()).strip("-")
    return f"board-pack-{area}-{meeting.period}{'-easy-read' if easy else ''}.{fmt}"
