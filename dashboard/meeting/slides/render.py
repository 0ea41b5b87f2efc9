"""A slide as HTML for Meeting mode (the page draws the chart, if any, beside it)."""

from __future__ import annotations

import html

import pandas as pd

from dashboard import easyread
from dashboard.meeting.slides.model import Slide

def _esc(text) -> str:
    return html.escape(str(text))


def table_html(table: pd.DataFrame, caption: str) -> str:
    head = "".join(f"<th scope='col'>{_esc(c)}</th>" for c in table.columns)
    body = "".join("<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in row) + "</tr>" for row in table.astype(str).itertuples(index=False))
    return f"<table class='gl-slide-table'><caption>{_esc(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def slide_html(slide: Slide, number: int, total: int, easy: bool = False, part: str = "all") -> str:
    """The slide's words as HTML (the chart, if any, is drawn beside it by the page).

    ``part`` splits a standard slide with a chart so the page can put the chart beside the figure:
    "head" (subtitle and title), "figure" (big figure, sentence, badges), "rest" (lines, table,
    footer); "all" is the whole slide in one section."""
    if easy and slide.easy is not None:
        e = slide.easy
        pics = []
        if e.picture and easyread.picture_path(e.picture).is_file():
            pics.append(easyread.picture_svg(e.picture, e.picture_label or e.title, size=200))
        if e.face:
            pics.append(easyread.face_svg(e.face, e.face_words, size=150))
        lines = "".join(f"<p>{_esc(line)}</p>" for line in e.lines)
        if e.face_words:
            lines += f"<p class='gl-slide-muted'>{_esc(e.face_words)}</p>"
        chart = f"<div class='gl-slide-easychart'>{e.chart_svg}</div>" if e.chart_svg else ""
        return (
            f"<section class='gl-slide gl-slide-easy' data-testid='slide' data-kind='{slide.kind}' data-key='{_esc(slide.key)}' "
            f"aria-label='Slide {number} of {total}, easy read: {_esc(e.title)}'>"
            f"<h2>{_esc(e.title)}</h2><div class='gl-slide-er'><div class='gl-slide-pics'>{''.join(pics)}</div>"
            f"<div class='gl-slide-words'>{lines}{chart}</div></div>"
            f"<p class='gl-slide-footer'>{_esc(slide.footer)} · Slide {number} of {total}</p></section>"
        )
    badges = "".join(
        f"<span class='gl-slide-badge' style='background:{colour}'>{_esc(text)}</span>" for text, colour in slide.badges
    )
    head = f"<p class='gl-slide-sub'>{_esc(slide.subtitle)}</p><h2>{_esc(slide.title)}</h2>"
    figure = (f"<div class='gl-slide-figure'>{_esc(slide.headline)}</div>" if slide.headline else "")
    figure += f"<p class='gl-slide-caption'>{_esc(slide.headline_caption)}</p>" if slide.headline_caption else ""
    figure += f"<div class='gl-slide-badges'>{badges}</div>"
    rest = "".join(f"<p>{_esc(line)}</p>" for line in slide.lines)
    rest += table_html(slide.table, slide.table_caption) if slide.table is not None else ""
    rest += f"<p class='gl-slide-footer'>{_esc(slide.footer)} · Slide {number} of {total}</p>"
    attrs = f"data-kind='{slide.kind}' data-key='{_esc(slide.key)}'"
    if part == "head":
        return (f"<section class='gl-slide' data-testid='slide' {attrs} "
                f"aria-label='Slide {number} of {total}: {_esc(slide.title)}'>{head}</section>")
    if part == "figure":
        return f"<div class='gl-slide'>{figure}</div>"
    if part == "rest":
        return f"<div class='gl-slide'>{rest}</div>"
    return (f"<section class='gl-slide' data-testid='slide' {attrs} "
            f"aria-label='Slide {number} of {total}: {_esc(slide.title)}'>{head}{figure}{rest}</section>")
