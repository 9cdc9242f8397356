"""The demo's busy Saturday: customers, ~120 reservations placed on the floor
without breaking the overlap rule, ~40 new booking requests, a waitlist and
the day's table override, extra table and floor notes.

Reservations are placed in booking order on the best free single table (fewest
wasted seats, then fill_group), else on a declared combination; a party that
finds nothing, or that pacing would refuse, is not booked.
"""
import hashlib
import unicodedata

import demo_floor as F
import demo_people as P
from verify_demo import turn_minutes

DATE = "2026-11-28"          # a Saturday
NOW = 19 * 60 + 45           # the moment the day is written as seen
LUNCH_TIMES = {"12:00": 3, "12:15": 5, "12:30": 9, "12:45": 7, "13:00": 6, "13:15": 3,
               "13:30": 2, "13:45": 1}
DINNER_TIMES = {"19:00": 1, "19:15": 1, "19:30": 2, "19:45": 4, "20:00": 14, "20:15": 12,
                "20:30": 10, "20:45": 6, "21:00": 3, "21:15": 2, "21:30": 2, "21:45": 2, "22:00": 1}
PARTY_SIZES = {1: 4, 2: 50, 3: 10, 4: 24, 5: 4, 6: 5, 7: 1, 8: 2}
TARGET = {"midi": 46, "soir": 56}  # bookings that hold a table; a few stay free for requests
# at most this many tables held at once at dinner, so tonight's rush leaves room for the requests
BUSY_TABLES = {"midi": 99, "soir": 25}
CANCELLED = 8                       # cancelled since: they hold no table
SOURCES = {"Site web": 30, "Téléphone": 28, "TheFork": 16, "Google": 12, "App": 6}


def pick(rng, weights):
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def hm(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}:00"


class Floor:
    """Who holds which table when, for placing the existing reservations."""

    def __init__(self, venue):
        self.settings = venue["restaurant"]["settings"]
        blocked = F.BLOCKED_TABLE
        self.tables = [t for t in venue["tables"] if t["name"] != blocked]
        by_name = {t["name"]: t for t in venue["tables"]}
        self.combos = [(k, [by_name[n] for n in k.split("+")], seats)
                       for k, seats in F.COMBINATIONS.items()]
        self.held = {t["id"]: [] for t in venue["tables"]}
        self.slot_covers, self.service_covers = {}, {}

    def free(self, t, start, end):
        return all(end <= a or b <= start for a, b in self.held[t["id"]])

    def busy_at(self, minute):
        return sum(any(a <= minute < b for a, b in spans) for spans in self.held.values())

    def idle_before(self, t, start):
        return start - max([b for a, b in self.held[t["id"]] if b <= start], default=0)

    def place(self, party, start, service, busy_cap):
        s = self.settings
        slot = start // s["slot_minutes"]
        if (self.slot_covers.get(slot, 0) + party > s["max_covers_per_slot"]
                or self.service_covers.get(service, 0) + party > s["max_covers_per_service"]):
            return None
        end = start + turn_minutes(s, party, None)
        singles = [t for t in self.tables
                   if t["capacity_min"] <= party <= t["capacity_max"] and self.free(t, start, end)]
        # a careful host: fewest wasted seats, then the table whose last party leaves
        # just before, so that whole evenings stay free on other tables
        singles.sort(key=lambda t: (t["capacity_max"] - party, self.idle_before(t, start),
                                    t["fill_group"], int(t["name"])))
        choice = [singles[0]] if singles else None
        if choice is None:
            # a combination only for a party no member seats alone, wasting few seats
            combos = [(seats - party, len(m), m) for k, m, seats in self.combos
                      if max(t["capacity_max"] for t in m) < party <= seats <= party + 3
                      and all(self.free(t, start, end) for t in m)]
            choice = min(combos, key=lambda c: c[:2])[2] if combos else None
        if choice is None or any(self.busy_at(m) + len(choice) > busy_cap for m in range(start, end, 15)):
            return None
        for t in choice:
            self.held[t["id"]].append((start, end))
        self.slot_covers[slot] = self.slot_covers.get(slot, 0) + party
        self.service_covers[service] = self.service_covers.get(service, 0) + party
        return choice


def phone(rng):
    return "+33 6 " + " ".join(f"{rng.randrange(100):02d}" for _ in range(4))


def email(name):
    plain = name.lower().replace("œ", "oe").replace("ł", "l")
    plain = "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))
    plain = "".join(c if c.isalnum() else "." for c in plain)
    return f"{plain}@example.com"


def customers(rid, uid, stamp, rng):
    names, rows = set(), []
    pool = list(P.INTERNATIONAL)
    while len(names) < 60:
        name = pool.pop() if pool else f"{rng.choice(P.FIRST_NAMES)} {rng.choice(P.LAST_NAMES)}"
        if name in names:
            continue
        names.add(name)
        k = len(rows)
        tags = []
        visits = rng.choice([0, 1, 1, 2, 3, 4, 6, 9, 14, 23])
        if k % 10 == 3:
            tags.append("VIP")
        if visits >= 6:
            tags.append("Habitué")
        notes = ""
        if k % 9 == 4:
            tags.append("Allergie")
            notes = rng.choice(P.ALLERGY_NOTES)
        classification = "VIP" if "VIP" in tags else ("Regular" if visits >= 3 else "New")
        created = stamp(f"2025-{(1, 2, 11, 12)[k % 4]:02d}-{1 + k % 27:02d}", 12, k % 60)  # winter: +01:00
        rows.append({
            "id": uid("customer", name), "restaurant_id": rid, "name": name, "phone": phone(rng),
            "email": email(name) if k % 3 else "", "notes": notes, "tags": tags,
            "classification": classification, "visit_count": visits,
            "no_show_count": 1 if k % 17 == 5 else 0, "cancellation_count": 1 if k % 11 == 7 else 0,
            # The latest visit (the backend's, migration 025), a November evening before the day.
            "last_visit": stamp(f"2026-11-{1 + (k * 7) % 27:02d}", 20, 15) if visits else None,
            "created_at": created, "updated_at": stamp("2026-11-20", 9, 30),
        })
    return rows


def booking_stamp(stamp, rng):
    day = rng.randrange(1, 28)
    return stamp(f"2026-11-{day:02d}", rng.randrange(8, 23), rng.randrange(60), rng.randrange(60))


def minutes_of(hhmm):
    h, m = hhmm.split(":")[:2]
    return int(h) * 60 + int(m)


def place_bookings(venue, rng):
    """Bookings in the order they were made: (service key, party, start, tables)."""
    sid = {s["name"]: s["id"] for s in venue["services"]}
    floor, placed, counts = Floor(venue), [], {"midi": 0, "soir": 0}
    for _ in range(4000):
        if counts["midi"] >= TARGET["midi"] and counts["soir"] >= TARGET["soir"]:
            break
        key = "midi" if rng.random() < 0.4 else "soir"
        if counts[key] >= TARGET[key]:
            continue
        start = minutes_of(pick(rng, LUNCH_TIMES if key == "midi" else DINNER_TIMES))
        party = pick(rng, PARTY_SIZES)
        tables = floor.place(party, start, sid["Midi" if key == "midi" else "Soir"], BUSY_TABLES[key])
        if tables:
            placed.append((key, party, start, tables, False))
            counts[key] += 1
    if counts != TARGET:
        raise SystemExit(f"make_demo: could place only {counts} of {TARGET} reservations")
    for k in range(CANCELLED):  # a table that fitted when booked, since given to others
        key = "midi" if k % 3 == 0 else "soir"
        start = minutes_of(pick(rng, LUNCH_TIMES if key == "midi" else DINNER_TIMES))
        party = pick(rng, {1: 1, 2: 6, 3: 1, 4: 3, 6: 1})
        fits = [t for t in floor.tables if t["capacity_min"] <= party <= t["capacity_max"]]
        placed.append((key, party, start, [rng.choice(fits)], True))
    placed.sort(key=lambda p: (p[2], int(p[3][0]["name"])))
    return placed


def statuses(placed, rng):
    """Status per booking as seen at 19:45, plus the special cases' indices."""
    out = []
    for key, party, start, _, cancelled in placed:
        if cancelled:
            out.append("Cancelled")
        elif key == "midi":
            out.append("Completed")
        elif start < 19 * 60 + 30:
            out.append("Seated")
        elif start == 19 * 60 + 30:
            out.append(rng.choice(["Seated", "Seated", "Arrived"]))
        elif start == NOW:
            out.append(rng.choice(["Arrived", "Confirmed", "Confirmed"]))
        else:
            out.append("Pending" if rng.random() < 0.15 else "Confirmed")
    lunch = [i for i, p in enumerate(placed) if p[0] == "midi" and not p[4]]
    early = [i for i, p in enumerate(placed) if p[0] == "soir" and p[2] == 19 * 60 + 15 and not p[4]]
    out[lunch[len(lunch) // 2]] = "No-show"
    out[early[-1]] = "Confirmed"  # 30 minutes past its time: flagged late
    return out


def reservation_rows(venue, custs, uid, stamp, rng):
    rid = venue["restaurant"]["id"]
    settings = venue["restaurant"]["settings"]
    sid = {s["name"]: s["id"] for s in venue["services"]}
    staff = [m["id"] for m in venue["team_members"] if m["role"] != "Admin"]
    placed = place_bookings(venue, rng)
    status = statuses(placed, rng)
    pool = custs[:]
    rng.shuffle(pool)
    partial = next(i for i, (k, party, start, _, _) in enumerate(placed)
                   if 19 * 60 + 30 <= start <= 20 * 60 and party >= 3 and status[i] != "Cancelled")
    walk_ins = [i for i, s in enumerate(status) if s == "Seated" and placed[i][1] <= 4 and i != partial][-3:]
    cust_names, used = [c["name"] for c in custs], set()
    rows = []
    for i, (key, party, start, tables, _) in enumerate(placed):
        st = "Arrived" if i == partial else status[i]
        source = pick(rng, SOURCES)
        if i in walk_ins:
            source = "Walk-in" if i != walk_ins[-1] else "Liste d'attente"
        cust = pool.pop() if source not in ("Walk-in", "Liste d'attente") and pool and rng.random() < 0.6 else None
        if cust:
            name, tel, mail = cust["name"], cust["phone"], cust["email"]
        else:
            name = cust_names[0]
            while name in cust_names or name in used:
                name = f"{rng.choice(P.FIRST_NAMES)} {rng.choice(P.LAST_NAMES)}"
            tel, mail = phone(rng), (email(name) if source != "Walk-in" and rng.random() < 0.5 else "")
        used.add(name)
        tags = [t for t in (cust["tags"] if cust else []) if t in ("VIP", "Habitué", "Allergie")]
        notes = cust["notes"] if cust else ""
        if rng.random() < 0.15:
            tags.append(rng.choice(P.RESERVATION_TAGS))
        if not notes and rng.random() < 0.2:
            notes = rng.choice(P.RESERVATION_NOTES)
        duration = None
        if key == "soir" and start == 19 * 60 and party <= 2 and not any(r["duration"] for r in rows):
            duration, notes = 40, "Avant le théâtre : 40 minutes, plat unique"
        created = stamp(DATE, start // 60, start % 60) if source == "Walk-in" else booking_stamp(stamp, rng)
        if source == "Liste d'attente":
            created = stamp(DATE, 19, 12, 30)
        seated = None
        if st in ("Seated", "Completed"):
            late = rng.randrange(0, 8) if st == "Completed" else rng.randrange(0, min(8, NOW - start))
            seated = stamp(DATE, (start + late) // 60, (start + late) % 60)
        end = start + turn_minutes(settings, party, duration)
        updated = {"Completed": stamp(DATE, end // 60, end % 60),
                   "Seated": seated,
                   "Arrived": stamp(DATE, (start - 3) // 60, (start - 3) % 60),
                   "No-show": stamp(DATE, (start + 30) // 60, (start + 30) % 60),
                   "Cancelled": stamp(DATE, 10, 5 + i % 50)}.get(st, created)
        arrived = {"Completed": party, "Seated": party, "Arrived": party}.get(st)
        if i == partial:
            arrived, notes = party - 1, "Une personne en retard, arrivée partielle"
        rows.append({
            "id": uid("reservation", f"{DATE}/{i}"), "restaurant_id": rid,
            "customer_id": cust["id"] if cust else None,
            "service_id": sid["Midi" if key == "midi" else "Soir"],
            "table_id": tables[0]["id"], "table_number": "+".join(t["name"] for t in tables),
            "guest_name": name, "guest_phone": tel, "guest_email": mail, "party_size": party,
            "date": DATE, "time": hm(start), "duration": duration, "status": st,
            "tags": tags, "notes": notes, "source": source,
            "created_by": rng.choice(staff) if source in ("Téléphone", "Walk-in", "Liste d'attente") else None,
            "seated_at": seated, "arrived_count": arrived, "created_at": created, "updated_at": updated,
        })
    return rows


REQUEST_TIMES = {"19:45": 3, "20:00": 4, "20:15": 4, "20:30": 5, "20:45": 4, "21:00": 4,
                 "21:15": 4, "21:30": 5, "21:45": 5, "22:00": 3}


def requests(venue, uid, rng):
    """New bookings for foh-plan, in the order they are made: most for tonight,
    some with a zone preference, one while closed and one party too large."""
    settings = venue["restaurant"]["settings"]
    zones = [z["id"] for z in venue["zones"]]
    rows = []
    for k in range(40):
        party, time = pick(rng, PARTY_SIZES), pick(rng, REQUEST_TIMES) + ":00"
        if k == 11:
            party, time = 2, "15:30:00"   # between services: closed
        if k == 27:
            party, time = 14, "20:30:00"  # larger than any table or combination
        row = {"id": uid("request", f"{DATE}/{k}"), "party_size": party, "time": time,
               "duration": turn_minutes(settings, party, None)}
        if k % 6 == 4:
            row["zone_id"] = rng.choice(zones)
        rows.append(row)
    return rows


WAITLIST = [  # name, party, preferred time, status, minute of 19h it joined, notes, terrace
    ("Gaëlle Prévost", 2, None, "notified", 5, "", False),
    ("Bastien Côté", 4, None, "notified", 12, "Avec une poussette", False),
    ("Inès Rivière", 2, None, "waiting", 18, "", True),
    ("Grégoire Lemaître", 3, "20:30:00", "waiting", 24, "", False),
    ("Aïssata N'Diaye", 2, None, "waiting", 29, "Au bar en attendant", False),
    ("Noël Brûlé", 5, None, "waiting", 33, "", False),
    ("Zoé Lœuillet", 2, "21:00:00", "waiting", 38, "Fumeurs : terrasse si possible", True),
    ("Timothée Jégou", 6, None, "waiting", 44, "Anniversaire surprise", False),
]


def waitlist(venue, uid, stamp):
    rid = venue["restaurant"]["id"]
    soir = next(s["id"] for s in venue["services"] if s["name"] == "Soir")
    terrace = next(p["id"] for p in venue["floor_plans"] if p["name"] == "Terrasse")
    rows = []
    for k, (name, party, time, status, joined, notes, on_terrace) in enumerate(WAITLIST):
        token = hashlib.sha256(f"foh-demo-waitlist/{name}".encode()).hexdigest()[:32]
        notified = stamp(DATE, 19, 40 + k) if status == "notified" else None
        rows.append({
            "id": uid("waitlist_entry", f"{DATE}/{name}"), "restaurant_id": rid, "date": DATE,
            "time": time, "party_size": party, "service_id": soir,
            "preferred_floor_plan_id": terrace if on_terrace else None,
            "guest_name": name, "guest_email": "", "guest_phone": f"+33 7 {61 + k} 2{k} 48 {10 + 7 * k}",
            "notes": notes, "status": status, "notified_at": notified, "called_at": None,
            "notification_token": token, "position_in_queue": k + 1,
            "created_at": stamp(DATE, 19, joined), "updated_at": notified or stamp(DATE, 19, joined),
        })
    return rows


def daily_rows(venue, uid, stamp):
    rid = venue["restaurant"]["id"]
    by_name = {t["name"]: t for t in venue["tables"]}
    terrace = next(p["id"] for p in venue["floor_plans"] if p["name"] == "Terrasse")
    blocked = by_name[F.BLOCKED_TABLE]
    overrides = [{
        "id": uid("daily_table_override", f"{DATE}/{blocked['name']}"), "restaurant_id": rid,
        "table_id": blocked["id"], "date": DATE, "position_x": None, "position_y": None,
        "is_hidden": False, "is_blocked": True, "updated_at": stamp(DATE, 10, 20),
    }]
    name, zone, shape, x, y, w, h, rot, cmin, cmax, chairs = F.EXTRA_TABLE
    extras = [{
        "id": uid("daily_extra_table", f"{DATE}/{name}"), "restaurant_id": rid,
        "floor_plan_id": terrace, "zone_id": uid("zone", zone), "date": DATE, "name": name,
        "capacity_min": cmin, "capacity_max": cmax, "position_x": x, "position_y": y,
        "width": w, "height": h, "rotation": rot, "shape": shape, "chair_sides": chairs,
        "updated_at": stamp(DATE, 17, 50),
    }]
    notes = [
        {"id": uid("daily_floor_note", f"{DATE}/salle"), "restaurant_id": rid, "floor_plan_id": None,
         "date": DATE, "updated_at": stamp(DATE, 10, 25),
         "note": f"Table {blocked['name']} bloquée : radiateur en panne, technicien lundi. "
                 "Menu du marché : plus que 6 cœurs de ris de veau."},
        {"id": uid("daily_floor_note", f"{DATE}/terrasse"), "restaurant_id": rid, "floor_plan_id": terrace,
         "date": DATE, "updated_at": stamp(DATE, 17, 55),
         "note": f"Braseros allumés à 18 h 30, plaids au vestiaire. Table {name} ajoutée ce soir près du brasero."},
    ]
    return overrides, extras, notes


def make_day(venue, uid, stamp, rng):
    custs = customers(venue["restaurant"]["id"], uid, stamp, rng)
    reservations = reservation_rows(venue, custs, uid, stamp, rng)
    overrides, extras, notes = daily_rows(venue, uid, stamp)
    return {
        "date": DATE,
        "reservations": reservations,
        "requests": requests(venue, uid, rng),
        "waitlist_entries": waitlist(venue, uid, stamp),
        "customers": custs,
        "daily_table_overrides": overrides,
        "daily_extra_tables": extras,
        "daily_floor_notes": notes,
    }
