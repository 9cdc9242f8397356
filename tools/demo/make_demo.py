#!/usr/bin/env python3
"""Writes the demo restaurant (assets/demo/restaurant.json, the R.json of
foh-plan) and its busy Saturday (assets/demo/day.json, the D.json), then checks
them with verify_demo.py and fails loudly on any problem.

  python3 tools/demo/make_demo.py [OUTPUT_DIR]

Deterministic: ids are uuid5 of names, the salts and the random choices come
from fixed seeds, so a re-run writes the same bytes. Standard library only.
The day is written as seen at 19:45: lunch is over, the first dinner tables
are seated, the rest are booked.
"""
import datetime
import hashlib
import json
import pathlib
import random
import sys
import uuid

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import demo_floor as F  # noqa: E402
import demo_people as P  # noqa: E402
import verify_demo  # noqa: E402
from demo_day import make_day  # noqa: E402

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://foh.example.com/demo/le-comptoir-des-halles")
PIN_ITERATIONS = 600000


def uid(kind, key):
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))


def stamp(date, hh, mm, ss=0):
    """Paris winter time (CET, +01:00): every demo timestamp falls outside DST."""
    return f"{date}T{hh:02d}:{mm:02d}:{ss:02d}+01:00"


RID = uid("restaurant", "le-comptoir-des-halles")
CREATED = stamp("2025-01-15", 10, 0)
UPDATED = stamp("2026-11-20", 9, 30)


def settings():
    return {
        "default_duration": 90,
        "turn_times": {"1": 60, "2": 75, "4": 90, "6": 120, "8": 150},
        "slot_minutes": 15,
        "max_covers_per_slot": 36,
        "max_covers_per_service": 300,
        "capacity_types": [
            {"name": "Couple", "load_cost": 1, "min_party": 1, "max_party": 2},
            {"name": "Table de 4", "load_cost": 2, "min_party": 3, "max_party": 4},
            {"name": "Table de 6", "load_cost": 3, "min_party": 5, "max_party": 6},
            {"name": "Groupe", "load_cost": 5, "min_party": 7, "max_party": 99},
        ],
        # 0 = Sunday .. 6 = Saturday (the load-unit seed's convention)
        "defaults_calendar": [
            {"day_of_week": 0, "max_daily_load": 90, "is_open": True},
            {"day_of_week": 1, "max_daily_load": 0, "is_open": False},
            {"day_of_week": 2, "max_daily_load": 180, "is_open": True},
            {"day_of_week": 3, "max_daily_load": 180, "is_open": True},
            {"day_of_week": 4, "max_daily_load": 200, "is_open": True},
            {"day_of_week": 5, "max_daily_load": 240, "is_open": True},
            {"day_of_week": 6, "max_daily_load": 260, "is_open": True},
        ],
        "calendar_overrides": [
            {"date": "2026-12-24", "override_max_load": None, "is_blocked": True,
             "reason": "Réveillon de Noël : privatisation"},
            {"date": "2026-12-31", "override_max_load": 150, "is_blocked": False,
             "reason": "Saint-Sylvestre : menu unique, un seul service"},
        ],
        "locale": "fr",
        "timezone": "Europe/Paris",
        "late_after_minutes": 15,
        "idle_logout_seconds": 300,
        "currency": "EUR",
    }


def restaurant():
    return {
        "id": RID, "name": "Le Comptoir des Halles",
        "address": "14 rue Montorgueil, 75001 Paris", "phone": "+33 1 42 36 18 50",
        "email": "contact@comptoir-des-halles.example.com",
        "settings": settings(), "is_pro": True, "created_at": CREATED, "updated_at": UPDATED,
    }


def floor_rows():
    plans = [{"id": uid("floor_plan", k), "restaurant_id": RID, "name": n, "sort_order": o,
              "updated_at": UPDATED} for k, n, o in F.PLANS]
    zones = [{"id": uid("zone", k), "restaurant_id": RID, "floor_plan_id": uid("floor_plan", p),
              "name": n, "color": c, "position_x": x, "position_y": y, "width": w, "height": h,
              "sort_order": o, "updated_at": UPDATED} for k, p, n, c, x, y, w, h, o in F.ZONES]
    plan_of = {z[0]: z[1] for z in F.ZONES}
    tables = []
    for name, zone, shape, x, y, w, h, rot, cmin, cmax, chairs in F.TABLES:
        combos = {k: v for k, v in F.COMBINATIONS.items() if name in k.split("+")}
        tables.append({
            "id": uid("table", name), "restaurant_id": RID,
            "floor_plan_id": uid("floor_plan", plan_of[zone]), "zone_id": uid("zone", zone),
            "name": name, "capacity_min": cmin, "capacity_max": cmax,
            "position_x": x, "position_y": y, "width": w, "height": h, "rotation": rot,
            "shape": shape, "chair_sides": chairs, "capacity_overrides": combos,
            "fill_group": F.FILL_GROUP[zone], "updated_at": UPDATED,
        })
    return plans, zones, tables


def services():
    def row(key, name, start, end, days, label, message, special_date=None):
        return {"id": uid("service", key), "restaurant_id": RID, "name": name,
                "start_time": start, "end_time": end, "days_of_week": days,
                "is_special": special_date is not None, "specific_date": special_date,
                "label": label, "message": message, "updated_at": UPDATED}
    return [
        row("midi", "Midi", "12:00:00", "14:30:00", [2, 3, 4, 5, 6], "Déjeuner",
            "Formule du jour entrée-plat ou plat-dessert."),
        row("soir", "Soir", "19:00:00", "23:00:00", [2, 3, 4, 5, 6], "Dîner",
            "Dernière commande à 22 h 30."),
        row("brunch", "Brunch dominical", "11:30:00", "15:00:00", [7], "Brunch",
            "Brunch à volonté le dimanche."),
        # runs past midnight: belongs to the 31st
        row("saint-sylvestre", "Saint-Sylvestre", "19:30:00", "01:00:00", [4], "Réveillon",
            "Menu unique de la Saint-Sylvestre, coupe de champagne à minuit.", "2026-12-31"),
    ]


def team():
    rows = []
    for key, role, name, email, pin, tabs in P.TEAM:
        salt = hashlib.sha256(f"foh-demo-pin-salt/{key}".encode()).digest()[:16]
        digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, PIN_ITERATIONS, 32)
        rows.append({
            "id": uid("team_member", key), "restaurant_id": RID, "user_id": None, "role": role,
            "display_name": name, "email": email,
            "pin": f"pbkdf2-sha256${PIN_ITERATIONS}${digest.hex()}", "pin_salt": salt.hex(),
            "allowed_tabs": tabs, "is_active": True,
            "created_at": stamp("2025-02-03", 10, 0), "updated_at": UPDATED,
        })
    return rows


def write(path, obj):
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv):
    out = pathlib.Path(argv[1]) if len(argv) > 1 else pathlib.Path(__file__).resolve().parents[2] / "assets/demo"
    out.mkdir(parents=True, exist_ok=True)
    plans, zones, tables = floor_rows()
    venue = {"restaurant": restaurant(), "floor_plans": plans, "zones": zones, "tables": tables,
             "services": services(), "team_members": team()}
    day = make_day(venue, uid, stamp, random.Random(20261128))
    write(out / "restaurant.json", venue)
    write(out / "day.json", day)
    # Check what was written, as a reader will see it.
    venue = json.loads((out / "restaurant.json").read_text(encoding="utf-8"))
    day = json.loads((out / "day.json").read_text(encoding="utf-8"))
    errors = verify_demo.Checker(venue, day).run()
    errors += verify_demo.verify_pins(venue, {t[2]: t[4] for t in P.TEAM})
    for e in errors:
        print(f"make_demo: {e}", file=sys.stderr)
    if errors:
        print(f"make_demo: FAILED with {len(errors)} problems", file=sys.stderr)
        return 1
    live = [r for r in day["reservations"] if r["status"] in verify_demo.LIVE]
    print(f"make_demo: wrote {out}: {len(tables)} tables, {len(F.COMBINATIONS)} combinations, "
          f"{len(day['reservations'])} reservations ({len(live)} live, "
          f"{sum(r['party_size'] for r in day['reservations'])} covers), {len(day['requests'])} requests")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
