"""Seeded synthetic data for every dataset, for demonstrations and tests.

    python -m dashboard sample --seed 2024 --areas 22 --years 6

Areas are real councils; every answer and record is invented. Where the real published ASCOF
2020-21 slice has a council's value (control, direct payments, self-directed support), the
synthetic data for that council is centred on it, so the sample looks like the real spread.
Some areas are made better or worse than the rest and some get a trend, so the statistics have
something true to find; the smallest councils fall under the small-numbers threshold.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard import config
from dashboard.data.reference import financial_year, period_of_date

#: The sample's councils, in order of preference when fewer are asked for (the first 20 cover
#: 6 regions; 16 of them published 2020-21 survey measures). Size is a rough scale of the
#: number of people supported (1.0 = a mid-sized council).
SAMPLE_AREAS: dict[str, float] = {
    "E08000035": 1.6,  # Leeds
    "E08000034": 1.0,  # Kirklees
    "E08000036": 0.9,  # Wakefield
    "E06000014": 0.5,  # York
    "E08000012": 1.3,  # Liverpool
    "E10000020": 2.0,  # Norfolk
    "E10000025": 1.4,  # Oxfordshire
    "E06000038": 0.45,  # Reading
    "E06000037": 0.4,  # West Berkshire
    "E06000040": 0.35,  # Windsor and Maidenhead
    "E06000033": 0.5,  # Southend-on-Sea
    "E09000002": 0.55,  # Barking and Dagenham
    "E09000004": 0.6,  # Bexley
    "E09000010": 0.7,  # Enfield
    "E09000017": 0.7,  # Hillingdon
    "E09000018": 0.6,  # Hounslow
    "E06000046": 0.4,  # Isle of Wight
    "E06000027": 0.4,  # Torbay
    "E06000060": 1.2,  # Buckinghamshire
    "E06000053": 0.006,  # Isles of Scilly: small numbers, suppressed
    "E09000001": 0.03,  # City of London: small numbers
    "E06000017": 0.12,  # Rutland
}

#: Deliberate stories the statistics should find (logit shifts per year, or fixed).
TRENDS = {  # area -> (indicator family, logit change per year)
    "E08000035": ("control", 0.12),  # Leeds: control getting better
    "E09000018": ("control", -0.13),  # Hounslow: control getting worse
    "E10000020": ("direct_payments", -0.06),  # Norfolk: fewer direct payments each year
    "E06000038": ("coproduction", 0.45),  # Reading: co-production getting deeper
}
SHIFTS = {  # area -> {family: fixed logit shift}
    "E08000034": {"choice": 0.45, "control": 0.3},  # Kirklees: better
    "E09000010": {"choice": -0.45, "information": -0.35},  # Enfield: worse
    "E06000027": {"satisfaction": 0.4, "social_contact": 0.35},  # Torbay: better
    "E09000002": {"breakdowns": 0.7, "satisfaction": -0.3},  # Barking and Dagenham: more breakdowns
    "E10000025": {"dp_experience": -0.8, "clawback": 1.0},  # Oxfordshire: over-audited direct payments
    "E08000012": {"coproduction": -0.9},  # Liverpool: co-production mostly informing
}

AGE_BANDS = ["18-64", "65 and over"]
SUPPORT_REASONS = [
    "Learning Disability Support",
    "Physical Support",
    "Mental Health Support",
    "Sensory Support",
    "Support with Memory and Cognition",
    "Social Support",
]
SUPPORT_REASON_WEIGHTS = [0.26, 0.45, 0.12, 0.04, 0.08, 0.05]
SETTINGS = ["community", "residential", "nursing"]
MECHANISM_LABELS = [
    "Direct Payment",
    "Part Direct Payment",
    "Council-managed personal budget",
    "Individual Service Fund",
    "Council-commissioned support",
]
DP_USES = ["employs personal assistants", "agency", "other"]
BREAKDOWN_CATEGORIES = [
    "transition to adult services",
    "hospital or ATU discharge",
    "housing",
    "NHS specialist commissioning",
    "crisis response",
    "provider handover",
    "other",
]
BREAKDOWN_WEIGHTS = [0.18, 0.22, 0.17, 0.09, 0.14, 0.12, 0.08]
ACTIVITIES = [
    "writing a service specification",
    "choosing providers",
    "recruiting staff",
    "partnership board",
    "commissioning decision",
    "reviewing a policy",
    "delivering training",
]
LEVELS = ["informed", "consulted", "engaged", "co-designed", "co-produced"]
I_STATEMENTS = {
    "wellbeing and independence": [
        "I can live the life I want and do the things that are important to me",
        "I am in control of planning my care and support",
    ],
    "information and advice": ["I can get information and advice that helps me think about my options"],
    "active and supportive communities": ["I have opportunities to make friends and keep in touch with people"],
    "flexible and integrated care and support": [
        "I can get access to the money quickly without having to go through over-complicated procedures",
        "I have care and support that is directed by me and responsive to my needs",
    ],
    "when things need to change": [
        "When I move between services, settings or areas, there is a plan for what happens next and who will do what",
    ],
    "workforce": ["I am supported by people who help me to make links in my local area"],
}
NOTE_TEMPLATES = {
    "transition to adult services": "Adult team not at the year 13 review; plan agreed late.",
    "hospital or ATU discharge": "Community provider not commissioned in time for planned discharge.",
    "housing": "Tenancy offer withdrawn by the housing provider.",
    "NHS specialist commissioning": "Funding split not agreed between council and NHS commissioner.",
    "crisis response": "No out-of-hours support available; police called.",
    "provider handover": "New provider started without the support plan.",
    "other": "Paperwork lost between teams.",
}


@dataclass
class AreaProfile:
    code: str
    size: float
    control: float
    dp_share: float
    sds_share: float


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return float(np.log(p / (1 - p)))


def _expit(x):
    return 1 / (1 + np.exp(-x))


def _published_2020_21() -> dict[tuple[str, str], float]:
    """Real published 2020-21 outcomes for the sample's councils, from the committed slice."""
    path = config.SAMPLE_DATA_DIR / "reference" / "ascof_2020_21_slice.csv"
    if not path.exists():
        return {}
    frame = pd.read_csv(path, encoding="cp1252", dtype=str)
    frame = frame[(frame["Measure Type"] == "Outcome") & (frame["ASCOF Measure Code"].isin(["1B", "1C2A", "1C1A"]))]
    values = {}
    for row in frame.itertuples(index=False):
        try:
            values[(row[3], row[4])] = float(row[7]) / 100
        except ValueError:
            continue
    return values


def _shift(area: str, family: str, year_index: int) -> float:
    value = SHIFTS.get(area, {}).get(family, 0.0)
    trend = TRENDS.get(area)
    if trend and trend[0] == family:
        value += trend[1] * (year_index - 1)  # 2020-21 stays at its published value
    return value


def _person_key(area: str, index: int) -> str:
    return hashlib.sha256(f"sample:{area}:{index}".encode()).hexdigest()[:20]


def generate(seed: int = 2024, areas: int = 22, years: int = 6, last_year: int = 2024) -> dict[str, pd.DataFrame]:
    """Every dataset as a DataFrame, ready to write (see ``write``)."""
    rng = np.random.default_rng(seed)
    codes = list(SAMPLE_AREAS)[:areas]
    published = _published_2020_21()
    first = last_year - years + 1
    year_list = list(range(first, last_year + 1))

    survey, support, dpx, breaks, coprod, checkins = [], [], [], [], [], []
    for code in codes:
        size = SAMPLE_AREAS[code]
        profile = AreaProfile(
            code=code,
            size=size,
            control=published.get((code, "1B"), rng.uniform(0.74, 0.82)),
            dp_share=published.get((code, "1C2A"), rng.uniform(0.2, 0.32)),
            sds_share=published.get((code, "1C1A"), rng.uniform(0.86, 0.97)),
        )
        person_offset = 0
        for yi, year in enumerate(year_list):
            period = financial_year(year)
            index_from_2020 = year - 2020 + 1
            # ---- survey respondents
            n = max(3, int(rng.poisson(1800 * size)))
            age = rng.choice(AGE_BANDS, n, p=[0.42, 0.58])
            reason = rng.choice(SUPPORT_REASONS, n, p=SUPPORT_REASON_WEIGHTS)
            setting = rng.choice(SETTINGS, n, p=[0.72, 0.18, 0.10])
            dp_p = profile.dp_share
            mech = np.where(
                setting == "community",
                rng.choice([1, 2, 3, 4], n, p=[dp_p * 0.85, dp_p * 0.15, (1 - dp_p) * 0.7, (1 - dp_p) * 0.3]),
                4,
            )
            mech_effect = np.select([mech == 1, mech == 2, mech == 3], [0.45, 0.25, 0.0], -0.25)
            control_logit = _logit(profile.control) + _shift(code, "control", index_from_2020) + mech_effect - 0.05
            has_control = rng.random(n) < _expit(control_logit)
            q3a = np.where(has_control, rng.choice([1, 2], n, p=[0.45, 0.55]), rng.choice([3, 4], n, p=[0.8, 0.2]))
            choice_logit = _logit(0.70) + _shift(code, "choice", index_from_2020) + mech_effect
            q2c = np.where(
                rng.random(n) < 0.1, 3, np.where(rng.random(n) < _expit(choice_logit), 1, 2)
            )
            sat_logit = _logit(0.63) + _shift(code, "satisfaction", index_from_2020) + mech_effect / 2
            q1 = np.where(rng.random(n) < _expit(sat_logit), rng.choice([1, 2], n), rng.choice([3, 4, 5, 6, 7], n, p=[0.45, 0.25, 0.15, 0.1, 0.05]))
            soc_logit = _logit(0.42) + _shift(code, "social_contact", index_from_2020)
            q8a = np.where(rng.random(n) < _expit(soc_logit), 1, rng.choice([2, 3, 4], n, p=[0.5, 0.3, 0.2]))
            info_logit = _logit(0.68) + _shift(code, "information", index_from_2020)
            q12 = np.where(
                rng.random(n) < 0.25, 1, np.where(rng.random(n) < _expit(info_logit), rng.choice([2, 3], n), rng.choice([4, 5], n))
            )
            # some people skip a question
            def skip(values, share=0.03):
                values = values.astype("float")
                values[rng.random(n) < share] = np.nan
                return values

            weight = np.where(age == "18-64", 0.9, 1.1) * rng.uniform(0.85, 1.15, n)
            survey.append(
                pd.DataFrame(
                    {
                        "area_code": code,
                        "period": period,
                        "age_band": age,
                        "support_reason": reason,
                        "support_setting": setting,
                        "delivery_mechanism": mech,
                        "q1_satisfaction": skip(q1),
                        "q2c_choice": skip(q2c),
                        "q3a_control": skip(q3a, 0.02),
                        "q8a_social_contact": skip(q8a),
                        "q12_information": skip(q12),
                        "weight": weight.round(4),
                    }
                )
            )

            # ---- support records at 31 March
            m = max(2, int(rng.poisson(3500 * size)))
            dp_share = float(_expit(_logit(profile.dp_share) + _shift(code, "direct_payments", index_from_2020)))
            sds = max(profile.sds_share, dp_share + 0.05)
            isf = 0.02 + 0.06 * rng.random()
            probs = np.array([dp_share * 0.88, dp_share * 0.12, max(sds - dp_share - isf, 0.01), isf, 1 - sds])
            probs = probs / probs.sum()
            mechanism = rng.choice(MECHANISM_LABELS, m, p=probs)
            age_s = rng.choice(AGE_BANDS, m, p=[0.45, 0.55])
            reason_s = rng.choice(SUPPORT_REASONS, m, p=SUPPORT_REASON_WEIGHTS)
            is_dp = np.isin(mechanism, MECHANISM_LABELS[:2])
            start = date(year, 4, 1)
            agreed = [start + timedelta(days=int(d)) for d in rng.integers(0, 330, m)]
            median_days = 18 + 30 * rng.random() + (25 if code == "E10000025" else 0)
            wait = rng.lognormal(np.log(median_days), 0.6, m).round().astype(int)
            first_paid = [
                (a + timedelta(days=int(w))) if dp and rng.random() > 0.04 else None
                for a, w, dp in zip(agreed, wait, is_dp)
            ]
            first_paid = [fp if fp is None or fp <= date(year + 1, 3, 31) else None for fp in first_paid]
            support.append(
                pd.DataFrame(
                    {
                        "person_key": [_person_key(code, person_offset + i) for i in range(m)],
                        "area_code": code,
                        "period": period,
                        "age_band": age_s,
                        "support_reason": reason_s,
                        "delivery_mechanism": mechanism,
                        "dp_use": np.where(is_dp, rng.choice(DP_USES, m, p=[0.55, 0.3, 0.15]), None),
                        "date_agreed": [a if dp else None for a, dp in zip(agreed, is_dp)],
                        "date_first_paid": first_paid,
                    }
                )
            )
            person_offset += int(m * 0.2)  # most people carry on from one year to the next

            # ---- direct-payment experience survey
            holders = int(is_dp.sum())
            k = max(1, int(rng.binomial(holders, 0.3))) if holders else 0
            if k:
                tone = _shift(code, "dp_experience", index_from_2020)

                def agreement(base):
                    agree = rng.random(k) < _expit(_logit(base) + tone)
                    return np.where(agree, rng.choice([4, 5], k, p=[0.6, 0.4]), rng.choice([1, 2, 3], k, p=[0.25, 0.35, 0.4]))

                claw_rate = 0.1 * np.exp(_shift(code, "clawback", index_from_2020))
                dpx.append(
                    pd.DataFrame(
                        {
                            "area_code": code,
                            "period": period,
                            "use_flexibly": agreement(0.66),
                            "know_how_much": agreement(0.8),
                            "paid_quickly": agreement(0.55),
                            "trusted_to_decide": agreement(0.7),
                            "clawback_letters": rng.poisson(claw_rate, k),
                            "unauthorised_spend_letters": rng.poisson(claw_rate * 0.6, k),
                        }
                    )
                )

            # ---- collaboration breakdowns
            rate = 14 * np.exp(_shift(code, "breakdowns", index_from_2020)) / 1000
            b = int(rng.poisson(rate * m))
            if b:
                day = [start + timedelta(days=int(d)) for d in rng.integers(0, 365, b)]
                category = rng.choice(BREAKDOWN_CATEGORIES, b, p=BREAKDOWN_WEIGHTS)
                delay = rng.lognormal(np.log(21), 0.8, b).round().astype(int)
                resolved = [
                    (d + timedelta(days=int(x))) if rng.random() > 0.08 else None for d, x in zip(day, delay)
                ]
                resolved = [r if r is None or r <= date(last_year + 1, 3, 31) else None for r in resolved]
                breaks.append(
                    pd.DataFrame(
                        {
                            "area_code": code,
                            "breakdown_date": day,
                            "period": [period_of_date(d) for d in day],
                            "category": category,
                            "days_delayed": delay,
                            "people_affected": rng.choice([1, 1, 1, 2, 3], b),
                            "resolved_date": resolved,
                            "escalated": rng.random(b) < 0.2 + 0.15 * (delay > 40),
                            "note": [NOTE_TEMPLATES[c] for c in category],
                        }
                    )
                )

            # ---- co-production activities
            a = max(1, int(rng.poisson(60 * min(size, 1.5) + 6)))
            depth = _shift(code, "coproduction", index_from_2020)
            level_logits = np.array([0.6, 0.5, 0.3, 0.0, -0.3]) + depth * np.array([-1, -0.5, 0, 0.5, 1])
            level_p = np.exp(level_logits) / np.exp(level_logits).sum()
            level = rng.choice(LEVELS, a, p=level_p)
            deep = np.isin(level, ["co-designed", "co-produced"])
            self_adv = np.where(rng.random(a) < np.where(deep, 0.92, 0.5), rng.integers(1, 9, a), 0)
            family = rng.integers(0, 6, a)
            pros = rng.integers(2, 12, a)
            raised = rng.random(a) < 0.55
            status = np.where(raised, np.where(rng.random(a) < 0.6 + 0.2 * deep, "completed", "open"), "none")
            coprod.append(
                pd.DataFrame(
                    {
                        "area_code": code,
                        "activity_date": [start + timedelta(days=int(d)) for d in rng.integers(0, 365, a)],
                        "period": period,
                        "activity": rng.choice(ACTIVITIES, a),
                        "self_advocates": self_adv,
                        "family_carers": family,
                        "professionals": pros,
                        "level": level,
                        "people_paid": [int(rng.integers(0, s + f + 1)) if deep_ else int(rng.integers(0, max(1, (s + f) // 3) + 1)) for s, f, deep_ in zip(self_adv, family, deep)],
                        "you_said": np.where(raised, "People asked for easy-read papers a week before meetings.", None),
                        "we_did": np.where(status == "completed", "Papers now go out in easy read ten days before.", None),
                        "action_status": status,
                    }
                )
            )

            # ---- I-statement check-ins
            statements = [(t, s) for t, ss in I_STATEMENTS.items() for s in ss]
            c = max(1, int(rng.poisson(160 * min(size, 1.5))))
            picks = rng.integers(0, len(statements), c)
            yes_p = _expit(_logit(0.55) + _shift(code, "control", index_from_2020) / 2 + _shift(code, "coproduction", index_from_2020) / 3)
            draw = rng.random(c)
            checkins.append(
                pd.DataFrame(
                    {
                        "area_code": code,
                        "period": period,
                        "theme": [statements[i][0] for i in picks],
                        "statement": [statements[i][1] for i in picks],
                        "answer": np.where(draw < yes_p, "yes", np.where(draw < yes_p + (1 - yes_p) / 2, "sometimes", "no")),
                        "answered_by": rng.choice(["person", "family carer"], c, p=[0.7, 0.3]),
                    }
                )
            )

    frames = {
        "survey_responses": pd.concat(survey, ignore_index=True),
        "support_records": pd.concat(support, ignore_index=True),
        "dp_experience": pd.concat(dpx, ignore_index=True),
        "breakdowns": pd.concat(breaks, ignore_index=True),
        "coproduction_activities": pd.concat(coprod, ignore_index=True),
        "i_statement_checkins": pd.concat(checkins, ignore_index=True),
    }
    for name in ["survey_responses"]:
        for col in ["q1_satisfaction", "q2c_choice", "q3a_control", "q8a_social_contact", "q12_information"]:
            frames[name][col] = frames[name][col].astype("Int64")
    return frames


#: file written for each dataset table
SAMPLE_FILES = {
    "survey_responses": "survey_responses.csv.gz",
    "support_records": "support_records.csv.gz",
    "dp_experience": "dp_experience.csv.gz",
    "breakdowns": "breakdowns.csv.gz",
    "coproduction_activities": "coproduction_activities.csv.gz",
    "i_statement_checkins": "i_statement_checkins.csv.gz",
}


def write(frames: dict[str, pd.DataFrame], out_dir: Path) -> dict[str, int]:
    """Write each dataset as gzip CSV (byte-for-byte repeatable for the same seed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, frame in frames.items():
        path = out_dir / SAMPLE_FILES[table]
        text = frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(text)
        counts[table] = len(frame)
    return counts
