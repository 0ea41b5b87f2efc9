"""``python -m dashboard sample --seed N --areas K --years Y``: write synthetic sample data."""

from __future__ import annotations

from pathlib import Path

from dashboard import config


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "sample",
        help="write seeded synthetic data for every dataset",
        description="Write seeded synthetic data for every dataset into sample_data/ (real councils, "
        "invented people). The same seed always writes the same files.",
    )
    parser.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
    parser.add_argument("--areas", type=int, default=22, help="number of councils, up to 22 (default 22)")
    parser.add_argument("--years", type=int, default=6, help="financial years ending 2024-25 (default 6)")
    parser.add_argument("--out", type=Path, default=config.SAMPLE_DATA_DIR, help="output folder (default sample_data/)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from dashboard.data import sample

    if not 1 <= args.areas <= len(sample.SAMPLE_AREAS):
        raise ValueError(f"--areas must be between 1 and {len(sample.SAMPLE_AREAS)}")
    if not 1 <= args.years <= 15:
        raise ValueError("--years must be between 1 and 15")
    counts = sample.write(sample.generate(seed=args.seed, areas=args.areas, years=args.years), args.out)
    print(f"Wrote sample data to {args.out}")
    for table, rows in counts.items():
        print(f"  {table}: {rows:,} rows")
    return 0
