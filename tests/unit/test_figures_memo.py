"""Results kept with the figures (one data version): worked out once, never changed by a caller."""

from __future__ import annotations

from dashboard.figures import comparison
from dashboard.figures.indicators import build_figures, per_figures


def test_worked_out_once_per_arguments(store):
    figs = build_figures(store)
    calls = []

    @per_figures
    def slow(figs, store, indicator_id, codes):
        calls.append(indicator_id)
        return figs.areas_for(indicator_id, figs.latest_period())

    first = slow(figs, store, "control", ["E08000035"])
    again = slow(figs, store, "control", ["E08000035"])
    other = slow(figs, store, "choice", ["E08000035"])
    assert calls == ["control", "choice"]
    assert first.equals(again) and not first.equals(other)
    # a new data version builds new figures: nothing is carried over
    slow(build_figures(store), store, "control", ["E08000035"])
    assert calls == ["control", "choice", "control"]


def test_a_caller_changing_its_copy_changes_nothing_shared(store):
    figs = build_figures(store)
    period = figs.latest_period()
    codes = tuple(figs.areas["area_code"])
    first = comparison.compared(figs, store, "control", period, comparison.Choice(), codes)
    before = first.copy()
    first["value"] = -1.0
    first.loc[first.index[0], "area_name"] = "changed"
    again = comparison.compared(figs, store, "control", period, comparison.Choice(), codes)
    assert again.equals(before)
    shown = figs.areas_for("control", period)
    shown["value"] = -1.0
    assert (figs.areas_for("control", period)["value"] != -1.0).all()
    part = figs.indicator("control")
    part["value"] = -1.0
    assert (figs.indicator("control")["value"] != -1.0).all()
