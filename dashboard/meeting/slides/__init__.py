"""A partnership board meeting as a sequence of slides (data, not pixels).

``build_meeting(store, figs, area_code, period)`` returns a ``Meeting``: the slides in order,

1. the agenda;
2. the headline for each domain (with the board's own red / amber / green rating beside what
   the data says);
3. one indicator per slide: value, benchmark, trend in words, change since the last meeting;
4. group highlights (control, choice and satisfaction by age band, support reason and how
   support is arranged);
5. "you said, we did": open actions, then actions completed;
6. the board's self-assessment beside the data.

Every slide carries its easy-read version (``Slide.easy``), built on ``dashboard.easyread`` so a
sentence reads the same as on the Easy read pages. The meeting page (``pages/meeting.py``)
renders slides as HTML with ``slide_html``; the packs (``dashboard/meeting/packs/``) write the same
slides to PPTX and PDF. Only suppressed figures (``Figures``) are used: nothing here can show a
count of 1-4 or a figure from fewer than 5 people.

The package, by job: ``model`` (Slide, EasySlide, Meeting), ``chart`` (the trend chart drawn for a
room), ``builders`` (each kind of slide, and ``build_meeting``), ``render`` (a slide as HTML).
"""

from dashboard.meeting.slides.builders import (ACTIONS_PER_SLIDE, DIMENSION_SHORT, GROUP_INDICATORS, RATING_COLUMN,
                                               action_slides, agenda_slide, build_meeting, domain_slide, footer_for,
                                               group_figures, groups_slide, indicator_slide, self_assessment_slide)
from dashboard.meeting.slides.chart import trend_chart
from dashboard.meeting.slides.model import (ACTIONS, AGENDA, DOMAIN, GROUPS, INDICATOR, SELF_ASSESSMENT, SLIDE_KINDS,
                                            EasySlide, Meeting, Slide)
from dashboard.meeting.slides.render import slide_html, table_html

__all__ = [
    "AGENDA", "DOMAIN", "INDICATOR", "GROUPS", "ACTIONS", "SELF_ASSESSMENT", "SLIDE_KINDS", "EasySlide", "Slide", "Meeting",
    "RATING_COLUMN", "ACTIONS_PER_SLIDE", "GROUP_INDICATORS", "DIMENSION_SHORT",
    "agenda_slide", "domain_slide", "indicator_slide", "group_figures", "groups_slide", "action_slides",
    "self_assessment_slide", "build_meeting", "footer_for", "trend_chart", "slide_html", "table_html",
]
