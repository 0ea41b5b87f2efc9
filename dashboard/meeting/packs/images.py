"""A pack's pictures: charts and SVG pictures drawn to PNG through kaleido, with ONE browser per
pack (``kaleido.start_sync_server()``; a lock keeps two packs in one process from sharing it
badly), each with its text alternative."""

from __future__ import annotations

import base64
import hashlib
import io
import re
import threading
from contextlib import contextmanager

import plotly.graph_objects as go

from dashboard import easyread
from dashboard.meeting.slides import Meeting, Slide

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
