"""Remap the Open Innovations UTLA hex map (pre-2023 boundaries) to the 153 councils of 2023.

Run once by hand (the dashboard never reads the source at run time):
    python tools/remap_hexmap.py /path/to/utla-hexmap.hexjson sample_data/reference/hexmap-2023.hexjson

Source: Open Innovations, odileeds/hexmaps, MIT licence, "Copyright (c) 2017- Open Innovations".
Changes (as the data README lists them): E10000002 -> E06000060 Buckinghamshire;
E10000023 -> E06000065 North Yorkshire; E10000027 -> E06000066 Somerset; E10000006 Cumbria ->
E06000063 Cumberland (Cumbria's hex) + E06000064 Westmorland and Furness (the free hex east of
it); E10000021 Northamptonshire -> E06000062 West Northamptonshire (its hex) + E06000061 North
Northamptonshire (the hex east of it, the rest of that row moved one column east).
"""

import json
import sys

CREDIT = "Hex layout: Open Innovations (odileeds/hexmaps), MIT licence, Copyright (c) 2017- Open Innovations; remapped to 2023 council boundaries."


def remap(source: dict) -> dict:
    hexes = dict(source["hexes"])

    def rename(old, new, name):
        cell = hexes.pop(old)
        hexes[new] = {**cell, "n": name, "id": new, "name": name}

    rename("E10000002", "E06000060", "Buckinghamshire")
    rename("E10000023", "E06000065", "North Yorkshire")
    rename("E10000027", "E06000066", "Somerset")
    cumbria = hexes.pop("E10000006")
    hexes["E06000063"] = {**cumbria, "n": "Cumberland", "id": "E06000063", "name": "Cumberland"}
    taken = {(c["q"], c["r"]) for c in hexes.values()}
    assert (cumbria["q"] + 1, cumbria["r"]) not in taken
    hexes["E06000064"] = {"n": "Westmorland and Furness", "id": "E06000064", "name": "Westmorland and Furness",
                          "q": cumbria["q"] + 1, "r": cumbria["r"]}
    northants = hexes.pop("E10000021")
    for cell in hexes.values():
        if cell["r"] == northants["r"] and cell["q"] > northants["q"]:
            cell["q"] += 1
    hexes["E06000062"] = {**northants, "n": "West Northamptonshire", "id": "E06000062", "name": "West Northamptonshire"}
    hexes["E06000061"] = {"n": "North Northamptonshire", "id": "E06000061", "name": "North Northamptonshire",
                          "q": northants["q"] + 1, "r": northants["r"]}
    positions = [(c["q"], c["r"]) for c in hexes.values()]
    assert len(positions) == len(set(positions)), "two hexes in one place"
    return {"layout": source["layout"], "credit": CREDIT, "licence": "MIT", "hexes": dict(sorted(hexes.items()))}


if __name__ == "__main__":
    src, out = sys.argv[1:3]
    with open(src, encoding="utf-8") as fh:
        data = remap(json.load(fh))
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    print(f"{len(data['hexes'])} hexes written to {out}")
