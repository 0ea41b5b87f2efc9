"""README's "How figures are counted" states the rules the release layer applies."""

from __future__ import annotations

import re

from dashboard.config import PROJECT_ROOT
from dashboard.release import rules


def section() -> str:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## How figures are counted")
    return text[start:text.index("\n## ", start + 5)]


def test_readme_quotes_every_threshold_as_the_code_has_it():
    quoted = dict(re.findall(r"`([A-Z_]+) = (\d+)`", section()))
    for name in ("SMALL_BELOW", "ROUND_TO", "DECIMALS", "MIN_COUNCILS", "WINDOW_YEARS", "WINDOW_ORIGIN", "MIN_MEDIAN_RECORDS"):
        assert int(quoted[name]) == getattr(rules, name), name


def test_readme_words_match_the_thresholds():
    text = section()
    assert f"rounded to the nearest {rules.ROUND_TO}" in text
    assert f"at\n  least {rules.MIN_COUNCILS} councils" in text or f"least {rules.MIN_COUNCILS} councils" in text
    assert f"at least {rules.MIN_MEDIAN_RECORDS} records" in text
    assert "1 decimal\n    place" in text or "1 decimal place" in text
    assert f"count of 1-{rules.SMALL_BELOW - 1}" in text and f"base under {rules.SMALL_BELOW}" in text


def test_readme_lists_every_reason_a_cell_is_not_shown():
    text = " ".join(section().split())
    for reason in rules.REASONS.values():
        assert reason.removeprefix("Not shown: ") in text, reason
