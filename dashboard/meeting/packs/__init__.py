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

The package, by job: ``images`` (kaleido: charts and pictures as PNG), ``powerpoint`` (PPTX),
``pdf`` (PDF); here, one call for either format and the file's name.
"""

from __future__ import annotations

from dashboard.meeting.packs.images import Picture, figure_png, kaleido_batch, render_pictures
from dashboard.meeting.packs.pdf import build_pdf
from dashboard.meeting.packs.powerpoint import build_pptx
from dashboard.meeting.slides import Meeting

FORMATS = ("pptx", "pdf")
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


def build_pack(meeting: Meeting, fmt: str, easy: bool = False) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Format “{fmt}” is not one of: {', '.join(FORMATS)}.")
    return build_pptx(meeting, easy) if fmt == "pptx" else build_pdf(meeting, easy)


def file_name(meeting: Meeting, fmt: str, easy: bool = False) -> str:
    area = "".join(ch if ch.isalnum() else "-" for ch in meeting.area_name.lower()).strip("-")
    return f"board-pack-{area}-{meeting.period}{'-easy-read' if easy else ''}.{fmt}"


__all__ = ["FORMATS", "MIME", "Picture", "build_pack", "build_pdf", "build_pptx", "figure_png", "file_name",
           "kaleido_batch", "render_pictures"]
