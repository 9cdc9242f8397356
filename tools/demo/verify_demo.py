#!/usr/bin/env python3
"""Checks the demo restaurant and day: the rules the engine will hold them to.

  python3 tools/demo/verify_demo.py [assets/demo]

Exit status 0 when both files pass, 1 with one line per problem otherwise.
Checks: unique ids; unique table names per floor plan; combinations naming
existing, adjacent tables of one floor plan, declared alike on every member;
tables inside their zone and never overlapping; reservations within a service,
fitting their table or declared combination, never two live ones overlapping
on a table (alone or as a member of a combination); pacing and load limits;
blocked tables free; rows of the day dated that day.
"""
import datetime
import json
import math
import pathlib
import sys

LIVE = {"Pending", "Confirmed", "Arrived", "Seated"}
STATUSES = LIVE | {"Completed", "Cancelled", "No-show"}
SOURCES = {"Site web", "Téléphone", "Walk-in", "App", "TheFork", "Google", "Liste d'attente"}
WAITLIST_STATUSES = {"waiting", "notified", "called", "converted", "expired", "cancelled"}
SHAPES = {"round", "square", "rectangular"}
ROLES = {"Admin", "Manager", "Server"}
TABLE_GAP = 20       # free units between two tables' footprints (chairs)
COMBO_REACH = 30     # members of a combination stand at most this far apart
# The terminal's font atlas (platform/fonts.cpp): Basic Latin, Latin-1 and
# Latin Extended-A, plus a few typographic signs.
GLYPHS = [(0x20, 0x17F), (0x2013, 0x2014), (0x2018, 0x201E), (0x2022, 0x2022), (0x2026, 0x2026),
          (0x20AC, 0x20AC), (0x2190, 0x2193), (0x2212, 0x2212)]


def minutes(hms):
    h, m, *s = (int(p) for p in hms.split(":"))
    if not (0 <= h < 24 and 0 <= m < 60 and all(0 <= x < 60 for x in s)):
        raise ValueError(f"bad time {hms!r}")
    return h * 60 + m


def footprint(t):
    """Axis-aligned box of the rotated table (rotation about its centre)."""
    w, h = t["width"], t["height"]
    cx, cy = t["position_x"] + w / 2, t["position_y"] + h / 2
    if t["shape"] == "round":
        hw, hh = w / 2, h / 2
    else:
        a = math.radians(t["rotation"])
        hw = abs(w / 2 * math.cos(a)) + abs(h / 2 * math.sin(a))
        hh = abs(w / 2 * math.sin(a)) + abs(h / 2 * math.cos(a))
    return (cx - hw, cy - hh, cx + hw, cy + hh)


def gap(a, b):
    """Distance between two boxes along the axis where they are apart (<0: overlap)."""
    return max(b[0] - a[2], a[0] - b[2], b[1] - a[3], a[1] - b[3])


def turn_minutes(settings, party, own):
    if own is not None:
        return own
    sizes = [int(k) for k in settings["turn_times"] if int(k) <= party]
    if sizes:
        return settings["turn_times"][str(max(sizes))]
    return settings["default_duration"]


class Checker:
    def __init__(self, venue, day):
        self.v, self.d = venue, day
        self.errors = []
        self.settings = venue["restaurant"]["settings"]
        self.tables = {t["id"]: t for t in venue["tables"]}
        self.by_name = {(t["floor_plan_id"], t["name"]): t for t in venue["tables"]}
        self.zones = {z["id"]: z for z in venue["zones"]}

    def fail(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    # ---------------------------------------------------------------- venue
    def check_ids(self):
        seen = {}
        rows = [("restaurant", [self.v["restaurant"]])]
        rows += [(k, self.v[k]) for k in ("floor_plans", "zones", "tables", "services", "team_members")]
        rows += [(k, self.d[k]) for k in ("reservations", "requests", "waitlist_entries", "customers",
                                          "daily_table_overrides", "daily_extra_tables", "daily_floor_notes")]
        rid = self.v["restaurant"]["id"]
        for coll, items in rows:
            for i, r in enumerate(items):
                if r["id"] in seen:
                    self.fail(f"{coll}[{i}].id", f"duplicate of {seen[r['id']]}")
                seen[r["id"]] = f"{coll}[{i}]"
                if "restaurant_id" in r and r["restaurant_id"] != rid:
                    self.fail(f"{coll}[{i}].restaurant_id", "not the demo restaurant")

    def check_tables(self, tables, label):
        plans = {p["id"] for p in self.v["floor_plans"]}
        extra = tables is not self.v["tables"]  # the day's tables join the permanent ones
        names = set(self.by_name) if extra else set()
        for i, t in enumerate(tables):
            where = f"{label}[{i}] (table {t['name']})"
            if t["floor_plan_id"] not in plans:
                self.fail(where, "unknown floor_plan_id")
            if (t["floor_plan_id"], t["name"]) in names:
                self.fail(where, "duplicate name in its floor plan")
            names.add((t["floor_plan_id"], t["name"]))
            if not 1 <= t["capacity_min"] <= t["capacity_max"] <= 99:
                self.fail(where, "capacity_min/capacity_max out of order")
            if t["shape"] not in SHAPES or not 1 <= t["chair_sides"] <= 15:
                self.fail(where, "bad shape or chair_sides")
            z = self.zones.get(t["zone_id"])
            box = footprint(t)
            if z is None or z["floor_plan_id"] != t["floor_plan_id"]:
                self.fail(where, "zone_id not a zone of its floor plan")
            elif (box[0] < z["position_x"] or box[1] < z["position_y"]
                  or box[2] > z["position_x"] + z["width"] or box[3] > z["position_y"] + z["height"]):
                self.fail(where, f"footprint {box} outside zone {z['name']}")
        others = list(self.v["tables"]) if extra else []
        for i, a in enumerate(tables):
            for b in list(tables[i + 1:]) + others:
                if a["floor_plan_id"] == b["floor_plan_id"] and gap(footprint(a), footprint(b)) < TABLE_GAP:
                    self.fail(f"{label}: tables {a['name']} and {b['name']}", "overlap or touch")

    def check_combinations(self):
        declared = {}
        for t in self.v["tables"]:
            for key, seats in t["capacity_overrides"].items():
                members = key.split("+")
                if t["name"] not in members:
                    self.fail(f"table {t['name']}", f"declares {key} without being a member")
                declared.setdefault((t["floor_plan_id"], key), set()).add(seats)
        for (plan, key), seats in declared.items():
            members = [self.by_name.get((plan, n)) for n in key.split("+")]
            if None in members or len(set(key.split("+"))) != len(members) or len(members) < 2:
                self.fail(f"combination {key}", "names a table missing from its floor plan")
                continue
            if len(seats) != 1:
                self.fail(f"combination {key}", f"declared with different seats {sorted(seats)}")
            for m in members:
                if key not in m["capacity_overrides"]:
                    self.fail(f"combination {key}", f"not declared on member {m['name']}")
            for a, b in zip(members, members[1:]):
                if gap(footprint(a), footprint(b)) > COMBO_REACH:
                    self.fail(f"combination {key}", f"tables {a['name']} and {b['name']} not adjacent")
        return {key: next(iter(s)) for (_, key), s in declared.items()}

    # ---------------------------------------------------------------- day
    def services_on(self, date):
        dow = datetime.date.fromisoformat(date).isoweekday()
        out = []
        for s in self.v["services"]:
            if s["is_special"] and s["specific_date"] != date:
                continue
            if not s["is_special"] and dow not in s["days_of_week"]:
                continue
            out.append(s)
        return out

    def held_tables(self, i, r, combos):
        where = f"reservations[{i}] ({r['guest_name']}, {r['time']})"
        t = self.tables.get(r["table_id"])
        if t is None:
            self.fail(where, "table_id names no table")
            return []
        names = r["table_number"].split("+")
        if names[0] != t["name"]:
            self.fail(where, f"table_number {r['table_number']} does not start with table {t['name']}")
        held = [self.by_name.get((t["floor_plan_id"], n)) for n in names]
        if None in held:
            self.fail(where, f"table_number {r['table_number']} names an unknown table")
            return []
        p = r["party_size"]
        if len(held) == 1 and not t["capacity_min"] <= p <= t["capacity_max"]:
            self.fail(where, f"party {p} does not fit table {t['name']}")
        if len(held) > 1 and (r["table_number"] not in combos or p > combos[r["table_number"]]):
            self.fail(where, f"party {p} does not fit combination {r['table_number']}")
        return held

    def check_reservations(self, combos):
        d, s = self.d, self.settings
        services = self.services_on(d["date"])
        unavailable = {o["table_id"] for o in d["daily_table_overrides"] if o["is_hidden"] or o["is_blocked"]}
        customers = {c["id"] for c in d["customers"]}
        members = {m["id"] for m in self.v["team_members"]}
        spans = {}  # table id -> [(start, end, where)]
        slot_covers, service_covers, load = {}, {}, 0
        for i, r in enumerate(d["reservations"]):
            where = f"reservations[{i}] ({r['guest_name']}, {r['time']})"
            if r["status"] not in STATUSES or r["source"] not in SOURCES or not 1 <= r["party_size"] <= 99:
                self.fail(where, "bad status, source or party_size")
            if r["date"] != d["date"]:
                self.fail(where, "date is not the day's date")
            if r["customer_id"] is not None and r["customer_id"] not in customers:
                self.fail(where, "customer_id names no customer")
            if r["created_by"] is not None and r["created_by"] not in members:
                self.fail(where, "created_by names no team member")
            start = minutes(r["time"])
            svc = [x for x in services if minutes(x["start_time"]) <= start < minutes(x["end_time"])]
            if len(svc) != 1 or svc[0]["id"] != r["service_id"]:
                self.fail(where, "time not within its service")
            held = self.held_tables(i, r, combos)
            if r["status"] == "Cancelled":
                continue
            slot = start // s["slot_minutes"]
            slot_covers[slot] = slot_covers.get(slot, 0) + r["party_size"]
            service_covers[r["service_id"]] = service_covers.get(r["service_id"], 0) + r["party_size"]
            if r["status"] not in LIVE:
                if r["status"] == "Completed":
                    load += self.load_cost(r["party_size"])
                continue
            load += self.load_cost(r["party_size"])
            end = start + turn_minutes(s, r["party_size"], r["duration"])
            for t in held:
                if t["id"] in unavailable:
                    self.fail(where, f"table {t['name']} is blocked or hidden today")
                for (a, b, other) in spans.get(t["id"], []):
                    if start < b and a < end:
                        self.fail(where, f"overlaps {other} on table {t['name']}")
                spans.setdefault(t["id"], []).append((start, end, where))
        for slot, covers in slot_covers.items():
            if s["max_covers_per_slot"] and covers > s["max_covers_per_slot"]:
                self.fail(f"slot {slot * s['slot_minutes'] // 60:02d}h{slot * s['slot_minutes'] % 60:02d}",
                          f"{covers} covers > max_covers_per_slot")
        for sid, covers in service_covers.items():
            if s["max_covers_per_service"] and covers > s["max_covers_per_service"]:
                self.fail(f"service {sid}", f"{covers} covers > max_covers_per_service")
        if load > self.day_load_limit():
            self.fail("day", f"load {load} > limit {self.day_load_limit()}")

    def load_cost(self, party):
        for ct in self.settings["capacity_types"]:
            if ct["min_party"] <= party <= ct["max_party"]:
                return ct["load_cost"]
        self.fail("capacity_types", f"no type for party {party}")
        return 0

    def day_load_limit(self):
        date = self.d["date"]
        for o in self.settings["calendar_overrides"]:
            if o["date"] == date:
                return 0 if o["is_blocked"] else o["override_max_load"]
        dow = datetime.date.fromisoformat(date).isoweekday() % 7  # 0 = Sunday
        day = next(x for x in self.settings["defaults_calendar"] if x["day_of_week"] == dow)
        return day["max_daily_load"] if day["is_open"] else 0

    def check_day_rows(self):
        d = self.d
        zones = set(self.zones)
        for i, q in enumerate(d["requests"]):
            minutes(q["time"])
            if not 1 <= q["party_size"] <= 99 or ("zone_id" in q and q["zone_id"] not in zones):
                self.fail(f"requests[{i}]", "bad party_size or zone_id")
        for i, w in enumerate(d["waitlist_entries"]):
            if w["status"] not in WAITLIST_STATUSES or w["date"] != d["date"]:
                self.fail(f"waitlist_entries[{i}]", "bad status or date")
        for coll in ("daily_table_overrides", "daily_extra_tables", "daily_floor_notes"):
            for i, row in enumerate(d[coll]):
                if row["date"] != d["date"]:
                    self.fail(f"{coll}[{i}]", "date is not the day's date")
        for i, o in enumerate(d["daily_table_overrides"]):
            if o["table_id"] not in self.tables:
                self.fail(f"daily_table_overrides[{i}]", "table_id names no table")

    def check_team(self):
        for i, m in enumerate(self.v["team_members"]):
            algo, iters, digest = m["pin"].split("$")
            if m["role"] not in ROLES or algo != "pbkdf2-sha256" or int(iters) < 600000:
                self.fail(f"team_members[{i}]", "bad role or pin hash format")
            if len(bytes.fromhex(digest)) != 32 or len(bytes.fromhex(m["pin_salt"])) != 16:
                self.fail(f"team_members[{i}]", "pin hash must be 32 bytes, salt 16 bytes")

    def check_text(self, value, where):
        """Every string must be drawable with the terminal's glyphs."""
        if isinstance(value, dict):
            for k, x in value.items():
                self.check_text(x, f"{where}.{k}")
        elif isinstance(value, list):
            for i, x in enumerate(value):
                self.check_text(x, f"{where}[{i}]")
        elif isinstance(value, str):
            bad = [c for c in value if not any(a <= ord(c) <= b for a, b in GLYPHS)]
            if bad:
                self.fail(where, f"characters outside the terminal's glyph ranges: {bad}")

    def run(self):
        self.check_text(self.v, "R")
        self.check_text(self.d, "D")
        self.check_ids()
        self.check_tables(self.v["tables"], "tables")
        self.check_tables(self.d["daily_extra_tables"], "daily_extra_tables")
        combos = self.check_combinations()
        self.check_reservations(combos)
        self.check_day_rows()
        self.check_team()
        return self.errors


def verify_pins(venue, pins):
    """pins: display_name -> PIN. Slow on purpose (600 000 iterations each)."""
    import hashlib
    errors = []
    for m in venue["team_members"]:
        _, iters, digest = m["pin"].split("$")
        got = hashlib.pbkdf2_hmac("sha256", pins[m["display_name"]].encode(),
                                  bytes.fromhex(m["pin_salt"]), int(iters), 32).hex()
        if got != digest:
            errors.append(f"team member {m['display_name']}: pin hash does not match the demo PIN")
    return errors


def main(argv):
    folder = pathlib.Path(argv[1] if len(argv) > 1 else pathlib.Path(__file__).parents[2] / "assets/demo")
    venue = json.loads((folder / "restaurant.json").read_text(encoding="utf-8"))
    day = json.loads((folder / "day.json").read_text(encoding="utf-8"))
    errors = Checker(venue, day).run()
    for e in errors:
        print(f"demo: {e}", file=sys.stderr)
    if not errors:
        print(f"demo: ok ({len(venue['tables'])} tables, {len(day['reservations'])} reservations)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
