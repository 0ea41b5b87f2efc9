"""The theme pages (direct payments, collaboration breakdowns, co-production): the data behind
every chart, assembled and suppressed here so that a page only renders what it is given.

Every function returns :class:`Panel` objects: a chart with its sentence, the table people read
and the rows of its CSV download. All three come from the same suppressed rows, so a number
hidden in one is hidden in all: a count of 1-4 is blanked, and where a total shown elsewhere
would reveal one hidden cell, the next smallest cell is hidden too (secondary suppression).
Distributions are counts in bins of days, never single records. Free-text breakdown notes are
read only by :func:`breakdown_notes`, which the page calls for signed-in editors alone.

The package, by job:

- ``context``: :class:`Theme` and the reader's :class:`Context` (area, year, comparison group);
- ``panels``: :class:`Panel`, :class:`Section` and the panels every theme shares (key figures,
  areas, trend, distributions in bins);
- ``direct_payments``, ``collaboration``, ``coproduction``: each theme, its panels and sections;
- here: the page composition (``THEMES`` and ``SECTIONS``) and the names the pages call.
"""

from __future__ import annotations

from dashboard.views.themes.collaboration import (COLLABORATION, breakdown_notes, category_trend_panel,
                                                  collaboration_sections, delay_panel, heatmap_panel)
from dashboard.views.themes.context import Context, Theme
from dashboard.views.themes.coproduction import (COPRODUCTION, actions_panel, coproduction_sections,
                                                 decisions_panel, i_statements_panel, levels_panel,
                                                 participants_panel, recorded_actions)
from dashboard.views.themes.direct_payments import (DIRECT_PAYMENTS, agreement_panel, control_panel,
                                                    direct_payments_sections, payment_wait_panel)
from dashboard.views.themes.panels import (Panel, Section, areas_panel, best_area, key_figures, key_figures_panel,
                                           sentence_name, trend_panel)

THEMES = {t.key: t for t in (DIRECT_PAYMENTS, COLLABORATION, COPRODUCTION)}
SECTIONS = {
    DIRECT_PAYMENTS.key: direct_payments_sections,
    COLLABORATION.key: collaboration_sections,
    COPRODUCTION.key: coproduction_sections,
}

__all__ = [
    "THEMES", "SECTIONS", "Context", "Theme", "Panel", "Section",
    "DIRECT_PAYMENTS", "COLLABORATION", "COPRODUCTION",
    "direct_payments_sections", "collaboration_sections", "coproduction_sections",
    "key_figures", "key_figures_panel", "best_area", "sentence_name", "areas_panel", "trend_panel",
    "payment_wait_panel", "agreement_panel", "control_panel",
    "delay_panel", "category_trend_panel", "heatmap_panel", "breakdown_notes",
    "levels_panel", "decisions_panel", "participants_panel", "actions_panel", "i_statements_panel",
    "recorded_actions",
]
