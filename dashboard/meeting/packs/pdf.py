"""The PDF pack (fpdf2): one page per slide in the same order (16:9 pages), the same words and
pictures with alt text, the DejaVu Sans font shipped in ``assets/fonts`` (no download), and
(standard pack) the full figures from the speaker notes on pages at the end."""

from __future__ import annotations

import io

from dashboard.config import FONTS_DIR
from dashboard.meeting.packs.images import Picture, render_pictures
from dashboard.meeting.slides import Meeting

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
