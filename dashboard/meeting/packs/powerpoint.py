"""The PPTX pack (python-pptx): one slide per meeting screen (16:9), the slide title in the title
placeholder, charts and easy-read pictures as PNG images with alt text (the picture's ``descr``),
a source and period footer on every slide, speaker notes with the full figures."""

from __future__ import annotations

import io

from dashboard.config import FONTS_DIR
from dashboard.meeting.packs.images import Picture, render_pictures
from dashboard.meeting.slides import Meeting

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
    from pptx.util import Inches, Pt

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
