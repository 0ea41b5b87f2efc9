"""Draws the easy-read pictures in assets/easyread/ (one per catalogue indicator, and faces).

    python tools/draw_easyread_pictures.py

Simple shapes only (path, circle, rect, line, polyline, ellipse): they render the same in the
browser and in the PDF pack (fpdf2 draws SVG as vectors). Thick near-black outlines (#0b0c0c)
give every picture at least 3:1 contrast on white, whatever its fill. Drawn for this project;
licence: see assets/easyread/LICENCE.md.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets" / "easyread"
INK, BLUE, YELLOW, GREEN, RED, WHITE, GREY = "#0b0c0c", "#0b3d91", "#ffdd00", "#00703c", "#a8320f", "#ffffff", "#b1b4b6"
S = f'stroke="{INK}" stroke-width="4" stroke-linejoin="round" stroke-linecap="round"'


def svg(body: str, name: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f"<!-- {name}: drawn for the Good Lives dashboard -->{body}</svg>\n"
    )


def person(x, y, s=1.0, fill=BLUE):
    """A person 40*s wide, 80*s tall, top-left at (x, y)."""
    return (
        f'<g transform="translate({x} {y}) scale({s})">'
        f'<circle cx="20" cy="12" r="11" fill="{fill}" {S}/>'
        f'<path d="M3 56 L3 40 Q3 27 20 27 Q37 27 37 40 L37 56 L30 56 L30 78 L10 78 L10 56 Z" fill="{fill}" {S}/></g>'
    )


def coin(cx, cy, r=14):
    k = r / 14
    return (
        f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{YELLOW}" {S}/>'
        f'<g transform="translate({cx - 7 * k} {cy - 9 * k}) scale({k})" fill="none" stroke="{INK}" stroke-width="3" stroke-linecap="round">'
        '<path d="M12 2 Q4 1 4 8 L4 18 M0 10 L10 10 M0 18 L14 18"/></g>'
    )


def tick(x, y, s=1.0, colour=GREEN):
    return (
        f'<g transform="translate({x} {y}) scale({s})"><circle cx="14" cy="14" r="14" fill="{colour}" {S}/>'
        f'<polyline points="7,14 12,20 22,8" fill="none" stroke="{WHITE}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></g>'
    )


def wheel(cx, cy, r=22):
    return (
        f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="{INK}" stroke-width="7"/>'
        f'<circle cx="{cx}" cy="{cy}" r="6" fill="{BLUE}" {S}/>'
        f'<line x1="{cx - r}" y1="{cy}" x2="{cx + r}" y2="{cy}" {S}/>'
        f'<line x1="{cx}" y1="{cy}" x2="{cx}" y2="{cy + r}" {S}/>'
    )


def clock(cx, cy, r=20, hands=((0, -12), (9, 0))):
    out = f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{WHITE}" {S}/>'
    for dx, dy in hands:
        out += f'<line x1="{cx}" y1="{cy}" x2="{cx + dx}" y2="{cy + dy}" {S}/>'
    return out + f'<circle cx="{cx}" cy="{cy}" r="2.5" fill="{INK}"/>'


def calendar(x, y, w=56, h=50):
    out = f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="4" fill="{WHITE}" {S}/>'
    out += f'<rect x="{x}" y="{y}" width="{w}" height="13" rx="4" fill="{RED}" {S}/>'
    out += f'<line x1="{x + 14}" y1="{y - 6}" x2="{x + 14}" y2="{y + 6}" {S}/><line x1="{x + w - 14}" y1="{y - 6}" x2="{x + w - 14}" y2="{y + 6}" {S}/>'
    for row in range(3):
        for col in range(4):
            out += f'<rect x="{x + 6 + col * 12}" y="{y + 19 + row * 10}" width="7" height="6" fill="{GREY}"/>'
    return out


def envelope(x, y, w=60, h=42, fill=WHITE):
    return (
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="3" fill="{fill}" {S}/>'
        f'<polyline points="{x},{y} {x + w / 2},{y + h * 0.55} {x + w},{y}" fill="none" {S}/>'
    )


def bubble(x, y, w=62, h=42, fill=WHITE):
    return (
        f'<path d="M{x + 6} {y} L{x + w - 6} {y} Q{x + w} {y} {x + w} {y + 6} L{x + w} {y + h - 6} Q{x + w} {y + h} {x + w - 6} {y + h} '
        f'L{x + 22} {y + h} L{x + 8} {y + h + 12} L{x + 10} {y + h} L{x + 6} {y + h} Q{x} {y + h} {x} {y + h - 6} '
        f'L{x} {y + 6} Q{x} {y} {x + 6} {y} Z" fill="{fill}" {S}/>'
    )


def building(x, y, w=44, h=44):
    out = f'<polygon points="{x - 3},{y + 12} {x + w / 2},{y - 4} {x + w + 3},{y + 12}" fill="{GREY}" {S}/>'
    out += f'<rect x="{x}" y="{y + 12}" width="{w}" height="{h - 12}" fill="{WHITE}" {S}/>'
    for i in range(3):
        cx = x + 8 + i * (w - 16) / 2
        out += f'<line x1="{cx}" y1="{y + 18}" x2="{cx}" y2="{y + h - 4}" {S}/>'
    return out


def heart(cx, cy, s=1.0, fill=RED):
    return (
        f'<g transform="translate({cx} {cy}) scale({s})"><path d="M0 10 L-16 -4 Q-24 -14 -14 -20 Q-6 -24 0 -14 '
        f'Q6 -24 14 -20 Q24 -14 16 -4 Z" fill="{fill}" {S}/></g>'
    )


def arrow(x1, y1, x2, y2, colour=INK):
    import math

    ang = math.atan2(y2 - y1, x2 - x1)
    a1 = (x2 - 10 * math.cos(ang - 0.5), y2 - 10 * math.sin(ang - 0.5))
    a2 = (x2 - 10 * math.cos(ang + 0.5), y2 - 10 * math.sin(ang + 0.5))
    return (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" stroke-width="5" stroke-linecap="round"/>'
        f'<polyline points="{a1[0]:.1f},{a1[1]:.1f} {x2},{y2} {a2[0]:.1f},{a2[1]:.1f}" fill="none" stroke="{colour}" '
        'stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>'
    )


PICTURES = {
    # a person at a fork: two ways to go
    "choice": person(6, 18) + f'<path d="M68 92 L68 58 M68 58 L50 34 M68 58 L86 34" fill="none" stroke="{INK}" stroke-width="6" stroke-linecap="round"/>'
    + f'<polyline points="46,46 48,30 62,34" fill="none" stroke="{INK}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>'
    + f'<polyline points="74,34 88,30 90,46" fill="none" stroke="{INK}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>',
    # "i" for information in a circle, and a leaflet
    "information": f'<rect x="8" y="18" width="44" height="62" rx="3" fill="{WHITE}" {S}/>'
    + "".join(f'<line x1="16" y1="{32 + i * 11}" x2="44" y2="{32 + i * 11}" {S}/>' for i in range(4))
    + f'<circle cx="68" cy="46" r="24" fill="{BLUE}" {S}/><circle cx="68" cy="34" r="4" fill="{WHITE}"/>'
    + f'<line x1="68" y1="44" x2="68" y2="60" stroke="{WHITE}" stroke-width="7" stroke-linecap="round"/>',
    # a person with a steering wheel: in control
    "control": person(4, 16) + wheel(70, 52, 24),
    "control_direct_payment": person(2, 16, 0.9) + wheel(62, 40, 20) + coin(78, 78, 14),
    "control_council_commissioned": person(2, 16, 0.9) + wheel(62, 38, 20) + building(56, 62, 36, 34),
    # a person holding money
    "direct_payments": person(8, 14) + coin(70, 36, 16) + coin(74, 72, 16),
    # money and a list with ticks: choosing how it is spent
    "self_directed_support": f'<rect x="42" y="12" width="50" height="66" rx="3" fill="{WHITE}" {S}/>'
    + "".join(f'<polyline points="{48},{28 + i * 18} {52},{32 + i * 18} {58},{24 + i * 18}" fill="none" stroke="{GREEN}" stroke-width="4" stroke-linecap="round"/>'
              f'<line x1="64" y1="{28 + i * 18}" x2="86" y2="{28 + i * 18}" {S}/>' for i in range(3))
    + coin(24, 70, 18),
    # a provider's building holding the money, and the person who directs it
    "individual_service_funds": building(44, 18, 48, 52) + coin(68, 60, 12) + person(4, 20, 0.9) + arrow(40, 82, 56, 82),
    # a calendar and money: waiting for the first payment
    "days_to_first_payment": calendar(8, 20, 58, 52) + coin(76, 74, 17),
    # a shopping bag: using the money your way
    "dp_flexible_use": f'<path d="M20 38 L80 38 L74 92 L26 92 Z" fill="{BLUE}" {S}/>'
    + f'<path d="M36 40 L36 28 Q36 14 50 14 Q64 14 64 28 L64 40" fill="none" {S}/>' + coin(50, 66, 15),
    # money with speed lines: paid quickly
    "dp_paid_quickly": coin(62, 50, 26)
    + "".join(f'<line x1="{6 + i * 4}" y1="{32 + i * 18}" x2="{28 + i * 2}" y2="{32 + i * 18}" stroke="{INK}" stroke-width="5" stroke-linecap="round"/>' for i in range(3)),
    # a shield with a tick: trusted
    "dp_trusted": f'<path d="M40 10 L70 20 L70 46 Q70 74 40 88 Q10 74 10 46 L10 20 Z" fill="{BLUE}" {S}/>'
    + f'<polyline points="26,48 36,58 54,36" fill="none" stroke="{WHITE}" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>'
    + coin(78, 76, 16),
    # money with an arrow going back: money taken back
    "clawbacks_per_100": coin(68, 56, 22) + f'<path d="M44 28 Q24 16 12 36" fill="none" stroke="{RED}" stroke-width="6" stroke-linecap="round"/>'
    + f'<polyline points="8,22 12,38 28,34" fill="none" stroke="{RED}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>'
    + envelope(8, 62, 36, 26),
    # a letter with a warning mark
    "unauthorised_spend_per_100": envelope(6, 30, 62, 44)
    + f'<polygon points="76,40 96,78 56,78" fill="{YELLOW}" {S}/><line x1="76" y1="52" x2="76" y2="66" {S}/><circle cx="76" cy="72" r="2.5" fill="{INK}"/>',
    # a broken chain: services not working together
    "breakdowns_per_1000": f'<rect x="6" y="36" width="40" height="26" rx="13" fill="none" stroke="{BLUE}" stroke-width="8" transform="rotate(-20 26 49)"/>'
    + f'<rect x="54" y="38" width="40" height="26" rx="13" fill="none" stroke="{BLUE}" stroke-width="8" transform="rotate(-20 74 51)"/>'
    + f'<polyline points="46,20 52,30 46,36" fill="none" stroke="{RED}" stroke-width="4" stroke-linecap="round"/>'
    + f'<polyline points="52,64 46,72 54,80" fill="none" stroke="{RED}" stroke-width="4" stroke-linecap="round"/>',
    # an hourglass: waiting
    "breakdown_days_delayed": f'<line x1="24" y1="10" x2="76" y2="10" stroke="{INK}" stroke-width="6" stroke-linecap="round"/>'
    + f'<line x1="24" y1="90" x2="76" y2="90" stroke="{INK}" stroke-width="6" stroke-linecap="round"/>'
    + f'<path d="M30 12 L70 12 Q70 36 50 50 Q70 64 70 88 L30 88 Q30 64 50 50 Q30 36 30 12 Z" fill="{WHITE}" {S}/>'
    + f'<path d="M38 86 L62 86 Q60 72 50 66 Q40 72 38 86 Z" fill="{YELLOW}" {S}/>',
    # a calendar with a tick: sorted out within 4 weeks
    "breakdowns_resolved_28_days": calendar(6, 22, 60, 54) + tick(62, 56, 1.2),
    # steps up to a manager: passed to senior managers
    "breakdowns_escalated": f'<path d="M6 92 L6 74 L28 74 L28 56 L50 56 L50 38 L94 38 L94 92 Z" fill="{GREY}" {S}/>'
    + person(64, 2, 0.42) + person(10, 40, 0.4, YELLOW) + arrow(30, 44, 54, 22, RED),
    # people round a table: planning together
    "coproduced_activities": person(4, 14, 0.7, BLUE) + person(36, 4, 0.7, YELLOW) + person(68, 14, 0.7, GREEN)
    + f'<ellipse cx="50" cy="78" rx="44" ry="14" fill="{WHITE}" {S}/>',
    # a person with a hand up: taking part in decisions
    "decisions_with_self_advocates": person(16, 18, 1.0, YELLOW)
    + f'<path d="M52 50 L66 16" fill="none" stroke="{INK}" stroke-width="9" stroke-linecap="round"/>'
    + f'<circle cx="67" cy="13" r="6" fill="{YELLOW}" {S}/>' + tick(64, 58, 1.1),
    # a group, one person highlighted: self-advocates in the room
    "self_advocate_share": person(2, 20, 0.7, GREY) + person(30, 20, 0.7, YELLOW) + person(58, 20, 0.7, GREY)
    + f'<rect x="26" y="14" width="36" height="68" rx="6" fill="none" stroke="{BLUE}" stroke-width="4" stroke-dasharray="6 4"/>'
    + person(80, 40, 0.45, GREY),
    # a clock and money: paid for your time
    "people_paid_for_time": clock(38, 42, 28, ((0, -18), (13, 0))) + coin(74, 74, 18),
    # a speech bubble and a tick: you said, we did
    "you_said_we_did": bubble(6, 10, 62, 40) + "".join(f'<line x1="16" y1="{22 + i * 12}" x2="56" y2="{22 + i * 12}" {S}/>' for i in range(2))
    + tick(58, 56, 1.3),
    # a speech bubble with "I" and a tick: I statements
    "i_statements_yes": bubble(6, 10, 56, 46, YELLOW)
    + f'<line x1="34" y1="20" x2="34" y2="46" stroke="{INK}" stroke-width="6" stroke-linecap="round"/>'
    + f'<line x1="26" y1="20" x2="42" y2="20" {S}/><line x1="26" y1="46" x2="42" y2="46" {S}/>' + tick(60, 58, 1.3),
    # two people and a heart: seeing people I like
    "social_contact": person(4, 22, 0.85, BLUE) + person(60, 22, 0.85, GREEN) + heart(50, 26, 0.7),
    # a big heart with a tick: happy with my support
    "satisfaction": heart(46, 52, 2.0) + tick(62, 60, 1.1),
}

FACES = {
    "happy": f'<circle cx="50" cy="50" r="44" fill="{YELLOW}" stroke="{INK}" stroke-width="5"/>'
    + f'<circle cx="34" cy="40" r="6" fill="{INK}"/><circle cx="66" cy="40" r="6" fill="{INK}"/>'
    + f'<path d="M28 60 Q50 82 72 60" fill="none" stroke="{INK}" stroke-width="6" stroke-linecap="round"/>',
    "neutral": f'<circle cx="50" cy="50" r="44" fill="{WHITE}" stroke="{INK}" stroke-width="5"/>'
    + f'<circle cx="34" cy="40" r="6" fill="{INK}"/><circle cx="66" cy="40" r="6" fill="{INK}"/>'
    + f'<line x1="30" y1="66" x2="70" y2="66" stroke="{INK}" stroke-width="6" stroke-linecap="round"/>',
    "sad": f'<circle cx="50" cy="50" r="44" fill="{GREY}" stroke="{INK}" stroke-width="5"/>'
    + f'<circle cx="34" cy="40" r="6" fill="{INK}"/><circle cx="66" cy="40" r="6" fill="{INK}"/>'
    + f'<path d="M28 74 Q50 52 72 74" fill="none" stroke="{INK}" stroke-width="6" stroke-linecap="round"/>',
    "question": f'<circle cx="50" cy="50" r="44" fill="{WHITE}" stroke="{INK}" stroke-width="5" stroke-dasharray="10 6"/>'
    + f'<path d="M36 38 Q36 22 50 22 Q64 22 64 36 Q64 46 52 50 L52 60" fill="none" stroke="{INK}" stroke-width="7" stroke-linecap="round"/>'
    + f'<circle cx="52" cy="74" r="5" fill="{INK}"/>',
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "faces").mkdir(exist_ok=True)
    for name, body in PICTURES.items():
        (OUT / f"{name}.svg").write_text(svg(body, name), encoding="utf-8")
    for name, body in FACES.items():
        (OUT / "faces" / f"{name}.svg").write_text(svg(body, f"{name} face"), encoding="utf-8")
    print(f"wrote {len(PICTURES)} pictures and {len(FACES)} faces to {OUT}")


if __name__ == "__main__":
    main()
