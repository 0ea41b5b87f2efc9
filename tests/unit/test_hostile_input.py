"""Hostile input: formula injection in every download, XLSX zip bombs and oversized files,
markup in names. (The pages are walked in tests/browser/test_editors_and_audit.py.)"""

from __future__ import annotations

import ast
import io
import time
import tracemalloc
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard.figures import exports
from dashboard.data.importers import ImportRefused, Source
from dashboard.data.importers import prepare, templates
from dashboard.data.importers.reading import read_table
from tests.conftest import ROOT

DANGEROUS = ["=1+2", "+SUM(A1:A2)", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")']


# ------------------------------------------------------------------ formula injection


def test_one_helper_neutralises_every_formula_start():
    frame = pd.DataFrame({"text": DANGEROUS + ["plain", "1-2", ""], "number": list(range(7)) + [-1, 2, 3]})
    frame["=header"] = "x"
    out = pd.read_csv(io.BytesIO(exports.to_csv(frame)), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert out.columns.tolist() == ["text", "number", "'=header"]
    assert out["text"].tolist()[:7] == ["'" + v.replace("\r", "\n") for v in DANGEROUS]
    assert out["text"].tolist()[7:] == ["plain", "1-2", ""]
    assert out["number"].tolist()[7] == "-1"  # numbers are numbers, not text: left alone


def _is_safe(value) -> bool:
    return not (isinstance(value, str) and value.startswith(exports.FORMULA_STARTS))


@pytest.mark.parametrize("dataset", ["ascof", "survey", "support", "breakdowns"])
def test_templates_are_formula_safe(dataset):
    assert all(_is_safe(c) for c in templates.template_csv(dataset).decode().strip().split(","))
    book = load_workbook(io.BytesIO(templates.template_xlsx(dataset)))
    cells = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert cells and all(_is_safe(v) for v in cells)
    assert all(c.data_type != "f" for sheet in book.worksheets for row in sheet.iter_rows() for c in row)


def _download_calls() -> list[tuple[str, str, str]]:
    """Every ``download_button`` call in the app: (where, the source of its data argument)."""
    found = []
    for path in [*ROOT.glob("pages/*.py"), *ROOT.glob("dashboard/**/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "download_button":
                data = next((k.value for k in node.keywords if k.arg == "data"), None)
                if data is None and len(node.args) > 1:
                    data = node.args[1]
                mime = next((ast.unparse(k.value) for k in node.keywords if k.arg == "mime"), "")
                if data is None and len(node.args) > 3:
                    mime = ast.unparse(node.args[3])
                found.append((f"{path.relative_to(ROOT)}:{node.lineno}", ast.unparse(data), mime))
    return found


def test_every_csv_and_xlsx_download_goes_through_the_one_helper():
    calls = _download_calls()
    assert len(calls) >= 10
    safe = ("exports.to_csv(", "csv_bytes(", "template_csv(", "template_xlsx(", "_pack(", "build_pack(")
    for where, data, mime in calls:
        if "pdf" in mime or "presentation" in mime:
            continue
        assert any(s in data for s in safe), f"{where}: download data {data} is not made by exports.to_csv"
    # the helpers named there use it
    assert "exports.to_csv" in (ROOT / "dashboard" / "views" / "themes" / "panels.py").read_text()
    assert "safe_csv.to_csv" in (ROOT / "dashboard" / "records" / "audit.py").read_text()


def test_theme_and_action_csvs_carry_no_formula(store, figures):
    from dashboard.views import themes

    ctx = themes.Context(store, figures, "E08000035", "2024-25", "all")
    panel = themes.key_figures_panel(ctx, themes.COLLABORATION)
    panel.csv.loc[0, panel.csv.columns[0]] = "=cmd|' /C calc'!A0"
    text = panel.csv_bytes().decode("utf-8-sig")
    assert "'=cmd" in text and "\n=cmd" not in text and ",=cmd" not in text


# ------------------------------------------------------------------ zip bombs and oversized files


def _workbook_with(part: str, data: bytes) -> bytes:
    """A real workbook (the survey template) with one more part added."""
    base = zipfile.ZipFile(io.BytesIO(templates.template_xlsx("survey")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for item in base.infolist():
            book.writestr(item, base.read(item.filename))
        book.writestr(part, data)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_parsing():
    bomb = _workbook_with("xl/worksheets/sheet9.xml", b"<" * (300 * 1024 * 1024))  # 300 MB of one byte
    assert len(bomb) < 1024 * 1024  # under a megabyte packed
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ImportRefused) as refused:
        read_table(Source("bomb.xlsx", bomb))
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    message = str(refused.value)
    assert "bomb.xlsx" in message and "packed" in message and "to 1" in message
    assert seconds < 5 and peak < 20 * 1024 * 1024, (seconds, peak)  # never unpacked
    print(f"zip bomb: {len(bomb) / 1024:.0f} KB packed, 300 MB unpacked, refused in {seconds * 1000:.0f} ms, "
          f"peak {peak / 1024 / 1024:.1f} MB")


def test_a_workbook_that_unpacks_past_the_limit_is_refused():
    import random

    rng = random.Random(1)
    text = " ".join(rng.choice(["alpha", "beta"]) for _ in range(2_000_000)).encode()  # 11 MB, ~23 to 1: no bomb
    book = _workbook_with("xl/worksheets/sheet9.xml", text)
    with pytest.raises(ImportRefused) as refused:
        read_table(Source("big.xlsx", book), limit_mb=1)  # 1 MB limit: 8 MB unpacked at most
    assert "would unpack to" in str(refused.value) and "big.xlsx" in str(refused.value)


def test_an_oversized_file_is_refused_by_size(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_bytes(b"area_code,period\n" + b"E08000035,2024-25\n" * 70_000)  # 1.2 MB
    with pytest.raises(ImportRefused, match="is too big"):
        Source.from_path(path, limit_mb=1)
    with pytest.raises(ImportRefused, match="is too big"):
        read_table(Source("huge.csv", path.read_bytes()), limit_mb=1)


def test_an_ordinary_workbook_still_imports():
    good = ROOT / "tests" / "fixtures" / "imports" / "good" / "ascof-2020-21-slice.xlsx"
    plan = prepare("ascof", [Source.from_path(good)], period="2020-21")
    assert plan.row_count > 500
