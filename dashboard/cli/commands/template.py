"""``python -m dashboard template DATASET -o FILE``: write an import template (CSV or XLSX)."""

from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    from dashboard.data.importers import NAMES

    parser = subparsers.add_parser(
        "template",
        help="write an import template for a dataset (CSV, or XLSX with a notes sheet)",
        description="Write the template for a dataset: a CSV with the header row, or an Excel workbook with "
        "the header and a notes sheet explaining each column and its allowed values. The format follows "
        "the file name's ending (.csv or .xlsx).",
    )
    parser.add_argument("dataset", choices=NAMES, help="which dataset")
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write (.csv or .xlsx)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from dashboard.data.importers.templates import template

    suffix = args.output.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError("the output file must end in .csv or .xlsx")
    args.output.write_bytes(template(args.dataset, suffix.lstrip(".")))
    print(f"Wrote the {args.dataset} template to {args.output}")
    return 0
