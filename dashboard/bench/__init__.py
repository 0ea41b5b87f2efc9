"""``python -m dashboard bench``: how fast the dashboard is at sample and at national scale.

Streamlit-free logic (the command in ``dashboard/cli/commands/bench.py`` only parses arguments):

- ``dataset``: a synthetic data set at a chosen scale, written as import files and loaded
  through the real import path (``importers.prepare`` + ``batches.write``), cached by its
  parameters under ``data/bench/``.
- ``values``: indicator values three ways on the same data (the dashboard's own path, pandas
  on tables held in memory, DuckDB aggregating raw rows at request time); values are checked
  to agree before any time is reported.
- ``pages``: every page's server-side run (Streamlit AppTest, cold and warm) and its time to
  rendered in Chromium against an empty Streamlit page served the same way.
- ``report``: the table printed and the JSON written.

Timings are reported against the targets of issue 13; nothing here asserts a timing.
"""
