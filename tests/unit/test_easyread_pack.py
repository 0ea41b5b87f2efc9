"""The printable easy-read pack, read back with pypdf: pages, words, no hidden number."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from dashboard import cli, easyread
from dashboard.easyread import pack as easyread_pack
from dashboard.figures import catalogue
from tests.conftest import LEEDS, SCILLY


def _text(page) -> str:
    return " ".join(page.extract_text().split())


@pytest.fixture(scope="module")
def leeds_pack(figures):
    return easyread_pack.pack_pdf(figures, LEEDS, "2024-25")


@pytest.fixture(scope="module")
def scilly_pack(figures):
    return easyread_pack.pack_pdf(figures, SCILLY, "2024-25")


def test_pack_is_a4_landscape_one_page_per_indicator(figures, leeds_pack):
    reader = PdfReader(io.BytesIO(leeds_pack))
    count = len(figures.catalogue.indicators)
    assert len(reader.pages) == easyread_pack.pack_pages(count) == count + 3
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (842, 595)  # A4 landscape in points
    assert reader.metadata.title == "Easy read: Leeds, 2024-25"
    fonts = {str(f) for p in reader.pages for f in (p["/Resources"].get("/Font") or {}).values()}
    assert fonts  # the embedded DejaVu font, not a standard one
    first = _text(reader.pages[0])
    assert "How are things in Leeds?" in first and "2024-25" in first


def test_each_indicator_page_has_its_title_and_sentence(figures, leeds_pack):
    reader = PdfReader(io.BytesIO(leeds_pack))
    figs = easyread.easy_read_area(figures, LEEDS, "2024-25")
    for number, fig in enumerate(figs, start=3):
        text = _text(reader.pages[number - 1])
        assert fig.title in text, (number, fig.indicator_id)
        assert fig.sentence in text, (number, fig.sentence, text)
        assert f"Page {number} of {len(reader.pages)}" in text
    control = _text(reader.pages[2 + [f.indicator_id for f in figs].index("control")])
    assert "8 out of 10 people said they have control over their life." in control
    assert "Leeds is about the same as most places." in control
    assert "Exact figure: 80.0%." in control
    assert "Hard words" in _text(reader.pages[-1])


def test_suppression_holds_in_the_pack(figures, scilly_pack):
    reader = PdfReader(io.BytesIO(scilly_pack))
    figs = easyread.easy_read_area(figures, SCILLY, "2024-25")
    suppressed = [i for i, f in enumerate(figs) if f.suppressed]
    assert len(suppressed) >= 20
    for i in suppressed:
        text = _text(reader.pages[2 + i])
        assert easyread.NOT_ENOUGH in text
        assert "Exact figure" not in text
        assert not re.search(r"\d+\.\d", text), text  # no figure of any kind
        assert not re.search(r"\b\d+ out of 10\b", text.replace("Page", "")), text
    # and the hidden figures' real values never appear anywhere in the file's text
    everything = " ".join(_text(p) for p in reader.pages)
    assert "%" not in everything.replace("Exact figure: 0.0%", "")


def test_the_picture_is_drawn_on_the_left(leeds_pack):
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(leeds_pack)[2]
    image = page.render(scale=0.5).to_pil().convert("L")
    width, height = image.size
    left = image.crop((0, int(height * 0.15), int(width * 0.3), int(height * 0.6)))
    dark = sum(left.histogram()[:100])
    assert dark > 500  # the indicator's picture, not an empty column


def test_cli_writes_the_pack(fixture_db, tmp_path, capsys, monkeypatch):
    import shutil

    db = tmp_path / "cli.duckdb"
    shutil.copy(fixture_db, db)
    out = tmp_path / "leeds.pdf"
    code = cli.main(["easyread-pack", "--area", LEEDS, "--period", "2024-25", "-o", str(out), "--db", str(db)])
    assert code == 0
    reader = PdfReader(str(out))
    assert len(reader.pages) == easyread_pack.pack_pages(len(catalogue.load().indicators))
    assert "easy-read pack for Leeds, 2024-25" in capsys.readouterr().out
    code = cli.main(["easyread-pack", "--area", "E99999999", "--period", "2024-25", "-o", str(out), "--db", str(db)])
    assert code == 2
    assert "E99999999" in capsys.readouterr().err
    code = cli.main(["easyread-pack", "--area", LEEDS, "--period", "1999-00", "-o", str(out), "--db", str(db)])
    assert code == 2
    assert "years with data" in capsys.readouterr().err


def test_pack_file_name():
    assert easyread_pack.pack_file_name("Bournemouth, Christchurch and Poole", "2024-25") == \
        "easy-read-bournemouth-christchurch-and-poole-2024-25.pdf"
