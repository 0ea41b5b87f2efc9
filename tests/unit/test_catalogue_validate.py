"""The catalogue's own rules (``catalogue.validate``), each broken once on purpose."""

from __future__ import annotations

import dataclasses

import pytest

from dashboard.figures import catalogue


@pytest.fixture(scope="module")
def real():
    return catalogue.load()


def with_indicator(cat: catalogue.Catalogue, index: int, **changes) -> catalogue.Catalogue:
    indicators = list(cat.indicators)
    indicators[index] = dataclasses.replace(indicators[index], **changes)
    return dataclasses.replace(cat, indicators=tuple(indicators))


def test_the_shipped_catalogue_is_valid(real):
    catalogue.validate(real)  # raises if not
    assert set(catalogue.FIXED_IDS) <= set(real.ids)


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"domain": "nowhere"}, "unknown domain 'nowhere'"),
        ({"kind": "ratio"}, "kind must be one of"),
        ({"unit": "furlongs"}, "unit must be one of"),
        ({"polarity": "up"}, "polarity must be one of"),
        ({"id": "Bad-Id"}, "id must be snake_case words"),
        ({"ascof_codes": ("1C2A",)}, "ascof_codes must be two measure groups"),
        ({"ascof_codes": ("1C2A", "3D 2A")}, "ascof_codes must be two measure groups"),
    ],
)
def test_each_broken_field_is_named(real, changes, words):
    index = next(i for i, ind in enumerate(real.indicators) if ind.id not in catalogue.FIXED_IDS)
    broken = with_indicator(real, index, **changes)
    with pytest.raises(ValueError) as raised:
        catalogue.validate(broken)
    assert words in str(raised.value)
    assert f"indicator {broken.indicators[index].id!r}" in str(raised.value)


def test_an_id_used_twice_is_refused(real):
    broken = dataclasses.replace(real, indicators=real.indicators + (real.indicators[-1],))
    with pytest.raises(ValueError, match="id used twice"):
        catalogue.validate(broken)


def test_a_proportion_needs_an_out_of_10_sentence(real):
    index = next(i for i, ind in enumerate(real.indicators) if ind.kind == "proportion")
    broken = with_indicator(real, index, easy_read_sentence="Some people said yes.")
    with pytest.raises(ValueError, match="out_of_10"):
        catalogue.validate(broken)


def test_a_fixed_id_cannot_be_dropped(real):
    broken = dataclasses.replace(real, indicators=tuple(i for i in real.indicators if i.id != "control"))
    with pytest.raises(ValueError, match="'control' is missing"):
        catalogue.validate(broken)


def test_a_domain_needs_an_indicator(real):
    empty = catalogue.Domain(id="empty_domain", name="Empty", easy_read_name="Empty", description="")
    broken = dataclasses.replace(real, domains=real.domains + (empty,))
    with pytest.raises(ValueError, match="domain 'empty_domain' has no indicator"):
        catalogue.validate(broken)


def test_splits_and_group_medians_belong_to_their_kinds(real):
    rate = next(i for i, ind in enumerate(real.indicators) if ind.kind == "rate")
    with pytest.raises(ValueError, match="only a proportion can be split"):
        catalogue.validate(with_indicator(real, rate, split_query="by_group_survey"))
    with pytest.raises(ValueError, match="median_group_query is for medians only"):
        catalogue.validate(with_indicator(real, rate, median_group_query="group_median_x"))
    median = next(ind for ind in real.indicators if ind.kind == "median")
    assert median.group_median_query == f"group_median_{median.id}"  # the documented default
    assert real.indicators[rate].group_median_query is None
