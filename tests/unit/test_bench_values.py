"""The benchmark's value check (dashboard vs pandas vs DuckDB on raw rows) finds real differences."""

from __future__ import annotations

from dashboard.bench import values


def test_three_ways_agree_on_the_fixture_data(store, figures):
    tables = values.load_tables(store)
    period = figures.latest_period()
    problems, compared = values.check_agreement(store, figures, tables, period)
    assert problems == []
    assert compared > 2 * len(values.PANDAS)  # every indicator, areas each


def test_a_missing_row_is_reported(store, figures):
    tables = values.load_tables(store)
    period = figures.latest_period()
    survey = tables["survey_responses"]
    first = survey.index[(survey["period"] == period) & survey["q3a_control"].between(1, 4)][0]
    tables["survey_responses"] = survey.drop(index=first)
    problems, _ = values.check_agreement(store, figures, tables, period)
    assert any(p.startswith("control:") and "base differs" in p for p in problems), problems


def test_a_different_rule_is_reported(store, figures, monkeypatch):
    tables = values.load_tables(store)
    period = figures.latest_period()
    spec = values.PANDAS["direct_payments"]
    monkeypatch.setitem(values.PANDAS, "direct_payments", values.PandasIndicator(
        spec.table, spec.columns, spec.keep, values._isin("delivery_mechanism", ["Direct Payment"])))
    problems, _ = values.check_agreement(store, figures, tables, period)
    assert any(p.startswith("direct_payments:") and "count differs" in p for p in problems), problems
