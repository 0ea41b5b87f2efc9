"""One-off: cut the sample's councils, all regions and England out of a published ASCOF file.

    python tools/make_ascof_slice.py PATH/TO/ascof-2020-21-open-data.xlsx

Writes ``sample_data/reference/ascof_2020_21_slice.csv`` in the published CSV shape
(Windows-1252, the publisher's header). Not used at run time.
"""

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from dashboard.data.sample import SAMPLE_AREAS  # noqa: E402

source = Path(sys.argv[1])
frame = pd.read_excel(source, engine="calamine", dtype=str)
keep = frame["Geographical Level"].isin(["Region", "England"]) | (
    (frame["Geographical Level"] == "Council") & frame["ONS Code"].isin(SAMPLE_AREAS)
)
out = ROOT / "sample_data" / "reference" / "ascof_2020_21_slice.csv"
frame[keep].to_csv(out, index=False, encoding="cp1252")
print(f"wrote {keep.sum()} rows to {out}")
