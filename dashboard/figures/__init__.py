"""Indicator figures: the catalogue, values and intervals, comparisons, groups, words, CSV rows."""
