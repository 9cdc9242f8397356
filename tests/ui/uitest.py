"""Runs foh-terminal for real (under Xvfb, Mesa llvmpipe) with a script and
checks what it dumped and drew. Standard library only.

    uitest.py --binary build/bin/foh-terminal --assets assets --case login

Each case gets a fresh temporary --db, the fixed clock of the demo Saturday,
a 1280x800 window at scale 1. A case is a function below: it writes script
steps, runs the binary, and asserts on the JSON dumps and PNG screenshots.
"""
import argparse
import json
import os
import re
import shutil
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time

NOW = "2026-11-28T19:30:00"  # the demo's busy Saturday, dinner service
ADMIN, MANAGER, SERVER = "Camille Rousseau", "Julien Moreau", "Léa Fontaine"
PINS = {ADMIN: "1234", MANAGER: "2468", SERVER: "1111"}


class Failure(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failure(what)


class Run:
    """One temporary workspace: a database, scripts, dumps, screenshots."""

    def __init__(self, args, name):
        self.args = args
        self.dir = tempfile.mkdtemp(prefix=f"foh-ui-{name}-")
        self.db = os.path.join(self.dir, "foh.sqlite")
        self.steps = []
        self.runs = 0

    def path(self, name):
        return os.path.join(self.dir, name)

    # ---- script building
    def step(self, **kw):
        self.steps.append(kw)

    def tap_item(self, item):
        self.step(tap_item=item)

    def tap(self, x, y):
        self.step(tap=[x, y])

    def text(self, s):
        self.step(text=s)

    def key(self, k):
        self.step(key=k)

    def wait_frames(self, n):
        self.step(wait_frames=n)

    def wait_ms(self, n):
        self.step(wait_ms=n)

    def drag(self, x0, y0, x1, y1, ms=300):
        self.step(drag=[x0, y0, x1, y1, ms])

    def login(self, member, pin=None):
        self.tap_item(f"member_{member}")
        for d in pin or PINS[member]:
            self.tap_item(f"key_{d}")
        self.tap_item("key_ok")
        self.wait_frames(4)

    def dump(self, name):
        path = self.path(name + ".json")
        self.step(dump=path)
        return path

    def screenshot(self, name):
        path = self.path(name + ".png")
        self.step(screenshot=path)
        return path

    # ---- running
    def command(self, extra=()):
        """Writes the steps so far as the next script; the command line that plays it."""
        self.runs += 1
        script = self.path(f"script{self.runs}.jsonl")
        with open(script, "w", encoding="utf-8") as f:
            for s in self.steps:
                f.write(json.dumps(s, ensure_ascii=False) + "\n")
        self.steps = []
        return [self.args.binary, "--db", self.db, "--assets", self.args.assets,
                "--now", NOW, "--size", "1280x800", "--scale", "1",
                "--script", script, *extra]

    def start(self, extra=()):
        """Starts the binary in the background (a test acts while it runs)."""
        env = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1")
        return subprocess.Popen(self.command(extra), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env)

    def run(self, extra=(), expect_rc=0, timeout=120):
        cmd = self.command(extra)
        env = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1")
        t0 = time.monotonic()
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
        took = time.monotonic() - t0
        print(f"  run {self.runs}: rc={p.returncode} in {took:.1f}s")
        if p.returncode != expect_rc:
            raise Failure(f"foh-terminal exited {p.returncode} (expected {expect_rc})\n"
                          f"cmd: {' '.join(cmd)}\nstderr:\n{p.stderr[-4000:]}")
        return p

    def load(self, path):
        check(os.path.exists(path), f"no dump written at {path}")
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    def cleanup(self):
        if not self.args.keep:
            shutil.rmtree(self.dir, ignore_errors=True)


def png_size(path):
    check(os.path.exists(path), f"no screenshot at {path}")
    with open(path, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def check_screenshot(path, size=(1280, 800)):
    check(png_size(path) == size, f"{path}: size {png_size(path)}, expected {size}")
    check(os.path.getsize(path) > 5000, f"{path}: suspiciously small ({os.path.getsize(path)} bytes)")


def last_message(d):
    return d["messages"][-1]["text"] if d["messages"] else ""


# ------------------------------------------------------------------ cases

def case_login(r):
    """Log in by PIN: the member is set and the role's first tab shows."""
    before = r.dump("before")
    r.login(ADMIN)
    after = r.dump("after")
    shot = r.screenshot("floor")
    r.run()
    b, a = r.load(before), r.load(after)
    check(b["screen"] == "login" and b["member"] is None, f"starts on the login screen: {b['screen']}")
    check(a["member"] and a["member"]["name"] == ADMIN, f"logged in as {ADMIN}: {a['member']}")
    check(a["member"]["role"] == "Admin", "role Admin")
    check(a["screen"] == "floor", f"first tab is the floor, got {a['screen']}")
    check("editor" in a["tabs"], f"an admin sees the editor tab: {a['tabs']}")
    check(a["reservations"]["count"] >= 100, "the demo day is loaded")
    check(a["lockout"]["failed_attempts"] == 0, "no failed attempt counted")
    check_screenshot(shot)


def case_keyboard(r):
    """Typing on glass: the booking form's name on the on-screen AZERTY keyboard
    (accents one tap away, a capital at the start), its phone on the phone pad;
    the keyboard closes on OK and the field keeps what was typed."""
    r.login(ADMIN)
    r.tap_item("tab_reservations")
    r.tap_item("mode_form")
    r.tap_item("form_name")
    for k in ("z", "o", "é", "space", "l", "e", "f", "è", "v", "r", "e"):
        r.tap_item(f"kb_{k}")
    r.wait_frames(3)
    typed = r.dump("typed")
    shot = r.screenshot("azerty")
    r.tap_item("kb_done")
    r.wait_frames(3)
    r.tap_item("form_phone")
    for k in "0612345678":
        r.tap_item(f"kb_{k}")
    r.wait_frames(3)
    phone = r.dump("phone")
    pad = r.screenshot("phone_pad")
    r.run(["--locale", "fr"])
    t, p = r.load(typed), r.load(phone)
    check(t["form"]["name"] == "Zoé Lefèvre", f"typed on the keyboard: {t['form']}")
    check(p["form"]["phone"] == "0612345678" and p["form"]["name"] == "Zoé Lefèvre",
          f"the phone on the pad, the name kept: {p['form']}")
    check_screenshot(shot)
    check_screenshot(pad)


def case_first_tap_tab(r):
    """ImGui 1.86 has no touch source: the first tap on a tab must still switch it."""
    r.login(ADMIN)
    r.tap_item("tab_reservations")
    one = r.dump("one")
    r.tap_item("tab_waitlist")
    two = r.dump("two")
    r.tap_item("tab_floor")
    three = r.dump("three")
    r.run()
    check(r.load(one)["screen"] == "reservations", f"first tap: {r.load(one)['screen']}")
    check(r.load(two)["screen"] == "waitlist", f"second tab: {r.load(two)['screen']}")
    check(r.load(three)["screen"] == "floor", f"back: {r.load(three)['screen']}")


def case_server_tabs(r):
    """A server sees only their allowed tabs."""
    r.login(SERVER)
    d = r.dump("server")
    r.run()
    tabs = r.load(d)["tabs"]
    check("editor" not in tabs, f"no editor for a server: {tabs}")
    check("floor" in tabs, f"floor for a server: {tabs}")


def case_lockout(r):
    """Five wrong PINs lock the keypad; the right PIN is refused while locked;
    after the lock has passed it works."""
    for _ in range(5):
        r.login(SERVER, pin="9999")
    locked = r.dump("locked")
    shot = r.screenshot("lockout")
    r.login(SERVER)  # right PIN, but locked
    still = r.dump("still")
    r.wait_ms(31000)  # the fixed clock moves 31 s
    r.login(SERVER)
    after = r.dump("after")
    r.run()
    lk, st, af = r.load(locked), r.load(still), r.load(after)
    check(lk["member"] is None, "no login with wrong PINs")
    check(lk["lockout"]["failed_attempts"] >= 5, f"5 failures counted: {lk['lockout']}")
    check(0 < lk["lockout"]["remaining_seconds"] <= 30, f"locked for 30 s: {lk['lockout']}")
    check(lk["login"]["message"] != "", "the login screen says why")
    check(st["member"] is None, "the right PIN is refused while locked")
    check(af["member"] and af["member"]["name"] == SERVER, f"unlocked after 30 s: {af['lockout']}")
    check_screenshot(shot)


def case_idle_logout(r):
    """The session ends after settings.idle_logout_seconds without input."""
    r.login(ADMIN)
    r.dump("logged_in")  # waits for the login job: idle time counts from there
    r.wait_ms(400 * 1000)
    d = r.dump("idle")
    r.run()
    check(r.load(d)["member"] is None, "logged out after idle time")


def case_kiosk_join(r):
    """A guest joins at the kiosk and sees a position; the entry waits for staff."""
    r.tap_item("party_plus")  # 3 guests
    r.tap_item("kiosk_next")
    r.tap_item("kiosk_name")
    r.text("Zoë Lefèvre")
    r.tap_item("kiosk_phone")  # the phone pad opens
    for d in "0612345678":
        r.tap_item(f"kb_{d}")
    r.tap_item("kiosk_join")
    joined = r.dump("joined")
    shot = r.screenshot("kiosk")
    r.run(extra=["--kiosk"])
    j = r.load(joined)
    check(j["screen"] == "kiosk", "kiosk mode")
    check(j["kiosk"]["step"] == "joined", f"joined step: {j['kiosk']}")
    check(j["kiosk"].get("position", 0) >= 1, f"a position is shown: {j['kiosk']}")
    # The dinner rush is on: every table is taken, so the engine's quote is a real wait.
    check(j["kiosk"].get("quoted_minutes", 0) > 0, f"a quoted wait from the engine: {j['kiosk']}")
    entry = [w for w in j["waitlist"] if w["guest_name"] == "Zoë Lefèvre"]
    check(len(entry) == 1, "one waitlist entry for the guest")
    check(entry[0]["party_size"] == 3, f"party of 3: {entry[0]}")
    check(entry[0]["unconfirmed"], "unconfirmed until staff accept it")
    check_screenshot(shot)


def case_walk_in(r):
    """Seat a walk-in at the engine's suggested table."""
    r.login(ADMIN)
    r.tap_item("tab_seat")
    r.tap_item("src_walkin")
    r.tap_item("party_plus")  # 3 guests
    r.wait_frames(4)
    before = r.dump("before")
    shot = r.screenshot("seat")
    r.tap_item("seat_confirm")
    after = r.dump("after")
    r.run()
    b, a = r.load(before), r.load(after)
    suggested = b["seat"]["suggestion"]
    check(suggested, f"the engine suggests a table: {b['seat']}")
    check(a["reservations"]["count"] == b["reservations"]["count"] + 1, "one reservation more")
    new = [x for x in a["reservations"]["rows"]
           if x["id"] not in {y["id"] for y in b["reservations"]["rows"]}]
    check(len(new) == 1, "exactly one new reservation")
    check(new[0]["status"] == "Seated", f"seated: {new[0]}")
    check(new[0]["party_size"] == 3, f"party of 3: {new[0]}")
    check(new[0]["table_number"] == suggested, f"at the suggested table {suggested}: {new[0]}")
    check(not a["message_is_error"], f"no error: {a['message']}")
    check_screenshot(shot)


def case_editor_drag(r):
    """Drag a table in the editor, save, restart: the table stays moved."""
    r.login(ADMIN)
    r.tap_item("tab_editor")
    r.wait_frames(4)
    before = r.dump("before")
    r.step(drag_item=["edit_table_5", 60, 0])  # into the free space on its right
    dragged = r.dump("dragged")
    r.tap_item("edit_save")
    saved = r.dump("saved")
    r.run()
    r.login(ADMIN)
    restarted = r.dump("restarted")
    r.run()
    def table5(d):
        return [t for t in r.load(d)["tables"] if t["name"] == "5"][0]
    t0, t1 = table5(before), table5(restarted)
    check(r.load(dragged)["editor"]["dirty"], "the drag changed the draft")
    check(not r.load(saved)["message_is_error"], f"saved: {r.load(saved)['message']}")
    check(r.load(saved)["editor"]["issues"] == 0, "no overlap after the drag")
    check(t1["x"] - t0["x"] >= 20, f"table 5 moved right after restart: {t0} -> {t1}")
    check(abs(t1["y"] - t0["y"]) < 15, f"not vertically: {t0} -> {t1}")


def case_double_tap_seat(r):
    """Issue 12: a double tap on Seat seated two phantom walk-ins (tables 23 and 39).
    The second tap lands on the same spot: the screen has left the party."""
    r.login(ADMIN)
    r.tap_item("tab_seat")
    r.tap_item("src_walkin")
    r.tap_item("party_plus")
    r.tap_item("party_plus")  # 4 guests
    before = r.dump("before")
    r.tap_item("seat_confirm")
    r.tap_item("seat_confirm")  # the same spot, a double tap later
    r.tap_item("seat_confirm")  # and a third
    after = r.dump("after")
    r.run()
    b, a = r.load(before), r.load(after)
    new = [x for x in a["reservations"]["rows"]
           if x["id"] not in {y["id"] for y in b["reservations"]["rows"]}]
    check(len(new) == 1, f"one walk-in seated, not {len(new)}: {[x['table_number'] for x in new]}")
    check(new[0]["party_size"] == 4, f"party of 4: {new[0]}")
    check(a["seat_pick"] is None, f"the seat screen left the party: {a['seat_pick']}")


def case_slow_write(r):
    """Issue 12 item 11: a write on a slow disk (each Store job waits 1.5 s) runs off
    the frame: frames keep coming, the seat button stays disabled until the write
    lands (its command id pending), the busy state says so, and taps meanwhile
    seat one party."""
    r.login(ADMIN)
    r.tap_item("tab_seat")
    r.tap_item("src_walkin")
    r.tap_item("party_plus")
    r.tap_item("party_plus")  # 4 guests
    before = r.dump("before")
    r.step(double_tap_item="seat_confirm")  # the second tap lands while the first write runs
    during1 = r.path("during1.json")
    r.step(dump_now=during1)
    r.wait_frames(10)  # ten frames drawn while the write runs
    during2 = r.path("during2.json")
    r.step(dump_now=during2)
    r.step(wait_item=["busy", 5000])  # shown once the write has run for a while
    during3 = r.path("during3.json")
    r.step(dump_now=during3)
    r.step(double_tap_item="seat_confirm")  # under the busy state: nothing behind it takes it
    after = r.dump("after")  # waits for the write to land
    r.run(["--write-delay-ms", "1500"])
    b, d1, d2, d3, a = map(r.load, (before, during1, during2, during3, after))
    check(d1["busy"] and d1["seat_command"] in d1["pending_writes"],
          f"the seat is being written, its button disabled: {d1['pending_writes']} {d1['seat_command']}")
    check(d2["busy"] and d2["seat_command"] == d1["seat_command"]
          and d2["seat_command"] in d2["pending_writes"], f"still written: {d2['pending_writes']}")
    check(d2["frames"] >= d1["frames"] + 10, f"frames kept coming: {d1['frames']} -> {d2['frames']}")
    check(d3["busy"] and "busy" in d3["items"] and "busy_cancel" not in d3["items"],
          f"the busy state shows the write, without Cancel: {[i for i in d3['items'] if 'busy' in i]}")
    new = [x for x in a["reservations"]["rows"]
           if x["id"] not in {y["id"] for y in b["reservations"]["rows"]}]
    check(len(new) == 1, f"one walk-in seated, not {len(new)}: {[x['table_number'] for x in new]}")
    check(not a["busy"] and a["pending_writes"] == [], f"landed: {a['pending_writes']}")
    check(a["seat_pick"] is None, f"the seat screen left the party: {a['seat_pick']}")
    f = d3["frame_ms"]
    print(f"  app.frame() while writing: p50 {f['p50']:.2f} ms, p99 {f['p99']:.2f} ms, max {f['max']:.2f} ms"
          f" over {f['count']} frames")
    check(f["max"] < 500, f"no frame waited for the 1.5 s write: {f}")


def joins_on(db, date):
    """The day's joined pairs in the cache: (table name, partner name)."""
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT json_extract(t.json, '$.name'), json_extract(p.json, '$.name') "
            "FROM daily_table_overrides o "
            "JOIN tables t ON t.id = json_extract(o.json, '$.table_id') "
            "JOIN tables p ON p.id = json_extract(o.json, '$.joined_with') "
            "WHERE json_extract(o.json, '$.date') = ?", (date,)).fetchall()
    finally:
        con.close()


def case_day_join(r):
    """Issue 13 item 5: a Server joins two tables from the floor. Tonight 2 and 3
    have guests: refused, no Confirm. Tomorrow they join (one row, synced through
    the outbox) and the engine has the pair 2+3; Undo splits them again."""
    r.login(SERVER)
    r.tap_item("day_join")
    r.tap_item("table_2")
    r.tap_item("table_3")
    refused = r.dump("refused")
    r.tap_item("day_join_cancel")
    r.tap_item("day_next")  # tomorrow: nobody sits there yet
    r.wait_frames(2)
    r.tap_item("day_join")
    r.tap_item("table_2")
    r.tap_item("table_3")
    asked = r.dump("asked")
    r.tap_item("day_join_confirm")
    joined = r.dump("joined")  # waits for the write to land
    r.tap_item("day_undo")
    undone = r.dump("undone")
    r.run()
    f, a, j, u = map(r.load, (refused, asked, joined, undone))
    check("day_join_confirm" not in f["items"], "no Confirm for tables with guests")
    check(any("occupée" in i for i in f["items"]), f"the reason is shown: {[i for i in f['items'] if i.startswith('error:')]}")
    check(f["selected_table"] is None, "a tap in join mode opens no table")
    check("day_join_confirm" in a["items"], f"Confirm offered for a free pair: {a['items'][:40]}")
    check(not j["message_is_error"] and "2+3" in last_message(j), f"joined: {last_message(j)}")
    check(j["outbox"] == a["outbox"] + 1, f"one write: outbox {a['outbox']} -> {j['outbox']}")
    check(j["day_joins"] == ["2+3"], f"the engine has the pair: {j['day_joins']}")
    check(not u["message_is_error"] and "day_undo" not in u["items"], f"undone: {last_message(u)}")
    check(u["day_joins"] == [] and u["outbox"] == j["outbox"] + 1, f"split again by Undo: {u['day_joins']}")
    check(joins_on(r.db, u["date"]) == [], "no join left in the cache")


def case_day_note(r):
    """Issue 13 item 5: a Manager writes the day's note on the floor; it is saved
    (one write) and shown; a Server sees it with no way to edit it."""
    r.login(MANAGER)
    r.tap_item("day_note_edit")
    r.tap_item("day_note_field")
    r.step(key="End")
    r.text(" Groupe de 12 à 21h.")
    r.tap_item("day_note_save")
    saved = r.dump("saved")  # waits for the write to land
    r.tap_item("logout")
    r.wait_frames(2)
    r.login(SERVER)
    server = r.dump("server")
    r.run()
    s, v = r.load(saved), r.load(server)
    check(not s["message_is_error"] and last_message(s).startswith("Note du jour enregistrée"),
          f"saved: {last_message(s)}")
    con = sqlite3.connect(r.db)
    try:
        notes = [n for (n,) in con.execute(
            "SELECT json_extract(json, '$.note') FROM daily_floor_notes WHERE "
            "json_extract(json, '$.date') = ?", (NOW[:10],))]
    finally:
        con.close()
    # The demo has two notes that day (the whole floor's, the terrace's): the one shown was edited.
    check(len(notes) == 2 and sum(n.endswith(" Groupe de 12 à 21h.") for n in notes) == 1,
          f"the note in the cache: {notes}")
    check(v["member"] and "day_note_edit" not in v["items"] and "day_join" in v["items"],
          "a Server reads the note and may join tables, not edit the note")


def fill_form(r, name=None, phone=None, party=None, time=None):
    r.tap_item("tab_reservations")
    r.tap_item("mode_form")
    fields = [("form_name", name), ("form_phone", phone), ("form_party", party), ("form_time", time)]
    for item, value in fields:
        if value is None:
            continue
        r.tap_item(item)
        r.step(key="End")
        for _ in range(6):  # clear the default ("2", "20:00")
            r.step(key="Backspace")
        if value:
            r.text(value)
    r.tap_item("form_create")


def case_create_reservation(r):
    """Create a booking with the form and see it on the timeline."""
    r.login(ADMIN)
    before = r.dump("before")
    fill_form(r, name="Hélène Dubois-Œuvray", phone="06 12 34 56 78", party="4", time="21:15")
    created = r.dump("created")
    r.run()
    b, c = r.load(before), r.load(created)
    check(c["reservations"]["count"] == b["reservations"]["count"] + 1,
          f"one booking more: {c['message']} {c['form']}")
    row = [x for x in c["reservations"]["rows"] if x["guest_name"] == "Hélène Dubois-Œuvray"]
    check(len(row) == 1, "the booking is stored")
    check(row[0]["party_size"] == 4 and row[0]["time"] == "21:15", f"as typed: {row[0]}")
    check(row[0]["table_number"], f"with a table: {row[0]}")
    # The timeline shows one floor plan at a time: open the booking's.
    table = [t for t in c["tables"] if t["name"] == row[0]["table_number"].split("+")[0]][0]
    plan = [p["name"] for p in c["floor_plans"] if p["id"] == table["floor_plan_id"]][0]
    r.login(ADMIN)
    r.tap_item("tab_reservations")
    # Found by search as a host would ("dubois", no accents), picked, then the
    # timeline brings the picked booking's row into view.
    r.tap_item("res_search")
    r.text("dubois")
    r.wait_frames(2)
    r.tap_item("row_Hélène Dubois-Œuvray")
    r.tap_item("mode_timeline")
    r.tap_item(f"tl_plan_{plan}")
    r.wait_frames(4)
    timeline = r.dump("timeline")
    shot = r.screenshot("timeline")
    r.run()
    t = r.load(timeline)
    check(t["reservations_mode"] == "timeline", "timeline shown")
    check("bar_Hélène Dubois-Œuvray" in t["items"],
          f"its bar is drawn on the timeline of {plan} (table {row[0]['table_number']})")
    check_screenshot(shot)


def case_guest_card(r):
    """The booking form finds a known guest as the host types (no accent), links the one tapped,
    and the booking saved names that customer."""
    r.login(ADMIN)
    r.tap_item("tab_reservations")
    r.tap_item("mode_form")
    r.tap_item("form_name")
    r.text("schafer")  # the demo's Jürgen Schäfer
    r.wait_frames(6)   # the search runs on the Store's worker and lands
    found = r.dump("found")
    r.tap_item("guest_match")
    r.wait_frames(2)
    linked = r.dump("linked")
    r.tap_item("form_create")
    r.wait_frames(6)
    done = r.dump("done")
    r.run()
    f, l, d = r.load(found), r.load(linked), r.load(done)
    check(f["form"]["matches"] == ["Jürgen Schäfer"], f"found as typed: {f['form']['matches']}")
    check("guest_match" in f["items"], "the match is a button")
    check(l["form"]["guest"] and l["form"]["name"] == "Jürgen Schäfer",
          f"linked, the booking takes the name: {l['form']}")
    check("card:form_guest" in l["items"], "the guest's card is shown")
    row = [x for x in d["reservations"]["rows"] if x["guest_name"] == "Jürgen Schäfer"
           and x["customer_id"] == l["form"]["guest"]]
    check(len(row) >= 1, f"the booking names the customer: {d['message']}")


def case_later_day(r):
    """Book for tomorrow from the status bar's day picker; seating stays on today."""
    r.login(ADMIN)
    r.tap_item("day_next")
    r.wait_frames(2)
    # Tomorrow is a Sunday: brunch only (11:30-15:00); an evening is refused (ui.override_booking).
    fill_form(r, name="Marius Lefèvre", phone="06 98 76 54 32", party="2", time="12:30")
    booked = r.dump("booked")
    r.tap_item("tab_seat")
    r.wait_frames(2)
    seat = r.dump("seat")
    r.tap_item("today_only_back")
    r.wait_frames(2)
    back = r.dump("back")
    r.run()
    b, s, t = r.load(booked), r.load(seat), r.load(back)
    check(b["today"] == "2026-11-28" and b["date"] == "2026-11-29", f"tomorrow shown: {b['date']}")
    row = [x for x in b["reservations"]["rows"] if x["guest_name"] == "Marius Lefèvre"]
    check(len(row) == 1, f"booked on the day shown, tomorrow: {b['message']} {b['form']}")
    check("today_only_back" in s["items"] and "seat_confirm" not in s["items"],
          "the seat screen does not seat on another day")
    check(t["date"] == "2026-11-28", f"back to today: {t['date']}")
    check(all(x["guest_name"] != "Marius Lefèvre" for x in t["reservations"]["rows"]),
          "today's list does not hold tomorrow's booking")


def set_tables(r, tables_by_guest, date=NOW[:10]):
    """Puts bookings of `date` on other tables (None: no table) straight in the
    cache, as a day booked online could be: the wasteful day a case starts from."""
    c = sqlite3.connect(r.db)
    try:
        tables = [json.loads(j) for (j,) in c.execute("SELECT json FROM tables")]
        ids = {t["name"]: t["id"] for t in tables}
        for guest, table in tables_by_guest.items():
            rows = c.execute("SELECT id, json FROM reservations WHERE date = ? AND "
                             "json_extract(json, '$.guest_name') = ?", (date, guest)).fetchall()
            check(len(rows) == 1, f"one booking of {guest} on {date}, found {len(rows)}")
            row = json.loads(rows[0][1])
            row["table_id"] = ids[table] if table else None
            row["table_number"] = table or ""
            c.execute("UPDATE reservations SET json = ? WHERE id = ?",
                      (json.dumps(row, ensure_ascii=False), rows[0][0]))
        c.commit()
    finally:
        c.close()


def plan_lines(d):
    """{guest: destination table} of a dumped re-plan preview ("20:15  Nom (6) : 9 → 27")."""
    out = {}
    for line in d["optimise"]["lines"]:
        who, moves = line.split("  ", 1)[1].rsplit("\u00a0: ", 1)
        out[who.rsplit(" (", 1)[0]] = moves.split(" → ")[1]
    return out


def case_optimise(r):
    """A manager's "Optimise tonight" on a wasteful day: the preview, an Apply
    refused as stale once a party it moves is seated, a fresh plan applied."""
    r.login(MANAGER)
    r.run()  # the first run seeds the demo day
    # A four on a 4-6 top (27), a six and a four booked with no table.
    set_tables(r, {"Marie-Thérèse Perrin": "27", "Amélie Barbé": None, "Léa Forêt": None})
    r.login(MANAGER)
    r.tap_item("tab_reservations")
    r.tap_item("res_optimise")
    r.wait_frames(2)
    preview = r.dump("preview")
    shot = r.screenshot("preview")
    r.tap_item("tab_floor")  # the four on table 27 is seated there before the manager applies
    r.tap_item("table_27")
    r.tap_item("table_seat_next")
    r.wait_frames(2)
    r.tap_item("seat_confirm")
    r.wait_frames(2)
    r.tap_item("tab_reservations")
    r.tap_item("opt_apply")
    r.wait_frames(2)
    stale = r.dump("stale")
    r.tap_item("res_optimise")
    r.wait_frames(2)
    fresh = r.dump("fresh")
    r.tap_item("opt_apply")
    r.wait_frames(2)
    applied = r.dump("applied")
    r.run()
    p, s, f, a = r.load(preview), r.load(stale), r.load(fresh), r.load(applied)
    check(p["optimise"] and p["optimise"]["moves"] == len(p["optimise"]["lines"]),
          f"a preview, one line per move: {p['optimise']} {p['message']}")
    lines = "\n".join(p["optimise"]["lines"])
    seated = ("Amélie Barbé (6)\u00a0: sans table → ", "Léa Forêt (4)\u00a0: sans table → ")
    check(all(x in lines for x in seated), f"the tableless parties are seated:\n{lines}")
    check("Marie-Thérèse Perrin (4)\u00a0: 27 → " in lines, f"the four leaves the 4-6 top:\n{lines}")
    check(p["optimise"]["covers_after"] == p["optimise"]["covers_before"] + 10,
          f"ten covers more: {p['optimise']}")
    check_screenshot(shot)
    refusal = s["optimise"]["refusal"]  # in French, as the terminal speaks
    check(s["message_is_error"] and refusal.startswith("Marie-Thérèse Perrin\u00a0: déjà Install"),
          f"the stale plan is refused and says why: {s['message']} {s['optimise']}")
    rows = {x["guest_name"]: x for x in s["reservations"]["rows"]}
    check(all(rows[g]["table_number"] == "" for g in ("Léa Forêt", "Amélie Barbé")),
          "nothing of the refused plan was written")
    moved = plan_lines(f)
    check("Léa Forêt" in moved and "Marie-Thérèse Perrin" not in moved,
          f"the fresh plan seats Léa, leaves the seated party be: {moved}")
    check(a["optimise"] is None and not a["message_is_error"], f"applied: {a['message']}")
    n = f["optimise"]["moves"]
    said = f"{n} " + ("réservation déplacée" if n == 1 else "réservations déplacées")
    check(a["message"] == said, f"the message counts the moves: {a['message']}")
    check(a["outbox"] == s["outbox"] + n, f"one patch per move: {s['outbox']} -> {a['outbox']}")
    rows = {x["guest_name"]: x for x in a["reservations"]["rows"]}
    for guest, table in moved.items():
        check(rows[guest]["table_number"] == table, f"{guest} on {table}: {rows[guest]}")


def case_day_turns(r):
    """Left on overnight, the terminal turns to the new day by itself, and not
    before a service past midnight (the demo's New Year's Eve, to 01:00) ends."""
    r.login(ADMIN)
    r.wait_ms(3 * 60 * 1000)  # 00:01: New Year's Eve still runs
    still = r.dump("still")
    r.wait_ms(60 * 60 * 1000)  # 01:01: it has ended
    turned = r.dump("turned")
    r.run(extra=("--now", "2026-12-31T23:58:00"))
    s, t = r.load(still), r.load(turned)
    check(s["today"] == "2026-12-31" and s["date"] == "2026-12-31",
          f"00:01 belongs to New Year's Eve: today {s['today']}, shown {s['date']}")
    check(t["today"] == "2027-01-01" and t["date"] == "2027-01-01",
          f"01:01 is the new day: today {t['today']}, shown {t['date']}")


BAD_INPUTS = [  # (field values, the field, the expected error code)
    ({"name": ""}, "name", "name_empty"),
    ({"name": "A" * 300}, "name", "name_too_long"),
    ({"name": "Zoé \U0001F389"}, "name", "name_bad_chars"),
    ({"party": "0"}, "party", "party_out_of_range"),
    ({"party": "100"}, "party", "party_out_of_range"),
    ({"phone": "06 12 AB 56"}, "phone", "phone_bad_chars"),
]


def case_bad_input(r):
    """Each bad input shows its message next to the field and saves nothing."""
    for i, (values, field, code) in enumerate(BAD_INPUTS):
        r.login(ADMIN)
        args = {"name": "Martin", "phone": "0612345678", "party": None}
        args.update(values)
        fill_form(r, **args)
        d = r.dump(f"bad{i}")
        shot = r.screenshot(f"bad{i}") if i == 0 else None
        r.run()
        j = r.load(d)
        check(j["form"]["submitted"], f"{values}: the form was submitted")
        check(j["form"]["errors"].get(field) == code,
              f"{values}: expected {field}={code}, got {j['form']['errors']}")
        check(j["reservations_mode"] == "form", f"{values}: the form stays open")
        check(j["outbox"] == 0, f"{values}: nothing written (outbox {j['outbox']})")
        names = [x["guest_name"] for x in j["reservations"]["rows"]]
        check(args["name"] not in names or args["name"] == "", f"{values}: nothing saved")
        if shot:
            check_screenshot(shot)


def case_kiosk_bad_input(r):
    """The kiosk refuses an empty name and a bad one, and joins nothing."""
    r.tap_item("kiosk_next")
    r.tap_item("kiosk_phone")  # the phone pad opens
    for d in "0612345678":
        r.tap_item(f"kb_{d}")
    r.tap_item("kiosk_join")  # empty name
    empty = r.dump("empty")
    r.tap_item("kiosk_name")
    r.text("\U0001F600\U0001F600")
    r.tap_item("kiosk_join")
    emoji = r.dump("emoji")
    r.run(extra=["--kiosk"])
    for path in (empty, emoji):
        j = r.load(path)
        check(j["kiosk"]["step"] == "details", f"still on the details step: {j['kiosk']}")
        check(all(not w["unconfirmed"] for w in j["waitlist"]), "no kiosk entry stored")


def case_long_press(r):
    """A long-press on a table opens its actions at the finger; a tap only selects."""
    r.login(ADMIN)
    r.tap_item("tab_floor")
    r.wait_frames(4)
    before = r.dump("before")
    r.step(long_press_item="table_7")
    r.wait_frames(4)
    opened = r.dump("opened")
    shot = r.screenshot("actions")
    r.tap_item("table_block")  # the menu's button (drawn last, over the panel's)
    r.wait_frames(4)
    acted = r.dump("acted")
    r.tap_item("table_8")
    tapped = r.dump("tapped")
    r.run()
    b, o, a, t = r.load(before), r.load(opened), r.load(acted), r.load(tapped)
    check(b["floor"]["actions_table"] is None and "table_actions" not in b["items"], "no menu at first")
    check(o["floor"]["actions_table"] == "7", f"the long-press opened table 7's actions: {o['floor']}")
    check("table_actions" in o["items"], "the actions menu is drawn")
    check(o["selected_table"] is None, f"a long-press is not also a tap: {o['selected_table']}")
    check(a["floor"]["actions_table"] is None and "table_actions" not in a["items"],
          "an action closes the menu")
    check(not a["message_is_error"], f"blocking table 7 worked: {a['message']}")
    check(t["selected_table"] == "8" and t["floor"]["actions_table"] is None,
          f"a tap selects without the menu: {t['selected_table']} {t['floor']}")
    check_screenshot(shot)


def case_pinch(r):
    """Two fingers spreading zoom the floor in, closing zoom it out; no table gets tapped."""
    r.login(ADMIN)
    r.tap_item("tab_floor")
    r.wait_frames(4)
    before = r.dump("before")
    r.step(pinch_item=["table_9", 1.8])
    wider = r.dump("wider")
    shot = r.screenshot("zoomed")
    r.step(pinch_item=["table_9", 0.6])
    closer = r.dump("closer")
    r.run()
    b, w, c = r.load(before), r.load(wider), r.load(closer)
    zb, zw, zc = b["floor"]["zoom"], w["floor"]["zoom"], c["floor"]["zoom"]
    check(zb == 1.0, f"the floor starts unzoomed: {zb}")
    check(zw > 1.4, f"spreading two fingers zooms in: {zb} -> {zw}")
    check(zc < zw * 0.8, f"closing them zooms out: {zw} -> {zc}")
    check(w["selected_table"] is None and w["floor"]["actions_table"] is None,
          f"a pinch taps nothing: {w['selected_table']} {w['floor']}")
    check_screenshot(shot)


def wait_for_file(path, proc, seconds):
    """Until `path` exists; fails early when the terminal has exited."""
    end = time.monotonic() + seconds
    while not os.path.exists(path):
        if proc.poll() is not None:
            raise Failure(f"foh-terminal exited {proc.returncode} before writing {path}:\n"
                          f"{proc.stderr.read()[-4000:]}")
        check(time.monotonic() < end, f"no {path} after {seconds} s")
        time.sleep(0.02)
    time.sleep(0.1)  # the dump is being written


def case_backend_sync(r):
    """Against the local backend: online PIN login, a walk-in reaches PostgreSQL,
    another client's change shows in the terminal within 2 s."""
    from backend import LocalBackend  # tests/ui/backend.py
    with LocalBackend(r.args.backend_bin, keep=r.args.keep) as be:
        go = r.path("go")
        r.step(wait_item=[f"member_{ADMIN}", 60000])  # the first pull brings the team
        r.login(ADMIN)
        logged = r.dump("logged")
        r.tap_item("tab_seat")
        r.tap_item("src_walkin")
        r.tap_item("party_plus")  # 3 guests
        r.wait_frames(4)
        before = r.dump("before")
        r.tap_item("seat_confirm")
        seated = r.dump("seated")
        r.step(wait_file=go)
        afters = []
        for i in range(12):  # ~3 s of dumps, 250 ms apart
            r.wait_ms(250)
            afters.append(r.dump(f"after{i}"))
        proc = r.start(["--backend", be.url, "--anon-key", be.anon_key,
                        "--restaurant", be.restaurant_id, "--device-token", be.device_token()])
        try:
            wait_for_file(seated, proc, 120)
            lg, b, s = r.load(logged), r.load(before), r.load(seated)
            check(lg["member"] and lg["member"]["name"] == ADMIN, f"logged in: {lg['member']}")
            check(lg["member"]["online"], "by the backend's pin-login, not offline")
            new = [x for x in s["reservations"]["rows"]
                   if x["id"] not in {y["id"] for y in b["reservations"]["rows"]}]
            check(len(new) == 1 and new[0]["status"] == "Seated", f"one walk-in seated: {new}")
            rows = []
            for _ in range(100):  # pushed by the sync thread
                rows = be.get("reservations", f"id=eq.{new[0]['id']}")
                if rows:
                    break
                time.sleep(0.1)
            check(len(rows) == 1, f"the walk-in reached PostgreSQL: {rows}")
            check(rows[0]["status"] == "Seated" and rows[0]["party_size"] == 3, f"as seated: {rows[0]}")
            check(rows[0]["table_number"] == new[0]["table_number"], f"same table: {rows[0]}")
            other = next(x for x in b["reservations"]["rows"] if x["status"] == "Confirmed")
            be.patch("reservations", f"id=eq.{other['id']}", {"guest_name": "Changé par la caisse"})
            changed_at = time.monotonic() * 1000
            open(go, "w").close()
            out, err = proc.communicate(timeout=120)
            check(proc.returncode == 0, f"foh-terminal exited {proc.returncode}:\n{err[-4000:]}")
        finally:
            if proc.poll() is None:
                proc.kill()
        seen = [d for d in map(r.load, afters)
                if any(x["guest_name"] == "Changé par la caisse" for x in d["reservations"]["rows"])]
        check(seen, "another client's change reached the terminal")
        took = seen[0]["monotonic_ms"] - changed_at
        print(f"  another client's change shown {took:.0f} ms after it was written")
        check(took <= 2000, f"shown within 2 s, took {took:.0f} ms")
        check(seen[0]["sync"]["connection"] in ("online", "syncing"), f"online: {seen[0]['sync']}")


def secrets_in(text, secrets):
    """The secrets (PINs as whole numbers, keys, hashes, salts) found in a log's text."""
    found = [name for name, value in secrets.items()
             if value and (re.search(rf"(?<![0-9]){re.escape(value)}(?![0-9])", text)
                           if value.isdigit() else value in text)]
    if "eyJ" in text:
        found.append("a JWT-shaped token (eyJ...)")
    return found


def log_events(text, where, json_only=True):
    """The JSON lines of a log; with json_only, every line must be one."""
    events = []
    for n, line in enumerate(text.splitlines(), 1):
        if not json_only and not line.startswith("{"):
            continue  # foh-backend's stdout (its port) shares the file
        try:
            events.append(json.loads(line))
        except ValueError:
            check(False, f"{where}:{n} is not one JSON object: {line[:200]}")
    return events


def case_log_secrets(r):
    """A wrong PIN then the right one, online: the terminal's log and foh-backend's
    log both record the logins, and neither holds a PIN, hash, salt, key or token."""
    from backend import LocalBackend  # tests/ui/backend.py
    wrong = "9876"
    with LocalBackend(r.args.backend_bin, keep=r.args.keep) as be:
        r.step(wait_item=[f"member_{ADMIN}", 60000])  # the first pull brings the team
        r.login(ADMIN, pin=wrong)
        refused = r.dump("refused")
        r.login(ADMIN)
        logged = r.dump("logged")
        r.run(extra=["--backend", be.url, "--anon-key", be.anon_key,
                     "--restaurant", be.restaurant_id, "--device-token", be.device_token()])
        team = be.get("team_members", "order=display_name")
        with open(os.path.join(be.folder, "backend.log"), encoding="utf-8") as f:
            backend_log = f.read()
    check(r.load(refused)["member"] is None, "the wrong PIN is refused")
    lg = r.load(logged)
    check(lg["member"] and lg["member"]["online"], f"logged in online: {lg['member']}")
    with open(os.path.join(os.path.dirname(r.db), "foh-terminal.log"), encoding="utf-8") as f:
        terminal_log = f.read()
    secrets = {"the wrong PIN": wrong, "the right PIN": PINS[ADMIN],
               "the anon key": be.anon_key, "the device token": be.device_token(),
               "the service key": be.env.get("FOH_SERVICE_KEY", "")}
    for m in team:
        secrets[f"{m['display_name']}'s PIN hash"] = m.get("pin") or ""
        secrets[f"{m['display_name']}'s PIN salt"] = m.get("pin_salt") or ""
    check(any(m.get("pin") for m in team), f"the backend's PIN hashes were read: {team[:1]}")
    admin = next(m["id"] for m in team if m["display_name"] == ADMIN)
    events = log_events(terminal_log, "foh-terminal.log")
    kinds = [(e.get("event"), e.get("member")) for e in events]
    check(("login_refused", admin) in kinds, f"the refusal is logged: {kinds}")
    check(("login", admin) in kinds, f"the login is logged: {kinds}")
    check(any(e.get("event") == "start" for e in events), f"the start is logged: {kinds}")
    logins = [e for e in log_events(backend_log, "backend.log", json_only=False) if e.get("path", "").endswith("/pin-login")]
    check(sorted(e.get("status") for e in logins) == [200, 401],
          f"foh-backend logs the refused pin-login and the good one: {logins}")
    for name, text in (("foh-terminal.log", terminal_log), ("backend.log", backend_log)):
        leaked = secrets_in(text, secrets)
        check(not leaked, f"{name} holds {', '.join(leaked)}")


def case_browse_days_no_push(r):
    """Showing other days reads them but never wakes the sync; a write does, once."""
    r.login(ADMIN)
    before = r.dump("before")
    r.tap_item("day_next")
    r.tap_item("day_next")
    later = r.dump("later")
    r.tap_item("day_prev")
    r.tap_item("day_prev")
    back = r.dump("back")
    r.tap_item("tab_seat")
    r.tap_item("src_walkin")
    r.tap_item("seat_confirm")
    seated = r.dump("seated")
    r.run()
    b, l, k, s = map(r.load, (before, later, back, seated))
    check(l["date"] != b["date"], f"another day is shown: {b['date']} -> {l['date']}")
    check(k["date"] == b["date"], f"back to today: {k['date']}")
    check(l["sync"]["wakes"] == b["sync"]["wakes"] == k["sync"]["wakes"],
          f"browsing days woke no push: {b['sync']} {l['sync']} {k['sync']}")
    check(s["outbox"] > k["outbox"], f"the walk-in was written: outbox {k['outbox']} -> {s['outbox']}")
    check(s["sync"]["wakes"] == k["sync"]["wakes"] + 1, f"the write woke the sync once: {s['sync']}")


def case_kiosk_leave_pin(r):
    """Leaving the kiosk: one wrong PIN counts one attempt (not one per manager);
    a manager's PIN leaves."""
    r.tap_item("kiosk_staff")
    for d in "9999":
        r.tap_item(f"key_{d}")
    r.tap_item("kiosk_leave_ok")
    wrong = r.dump("wrong")
    for d in PINS[MANAGER]:
        r.tap_item(f"key_{d}")
    r.tap_item("kiosk_leave_ok")
    left = r.dump("left")
    r.run(extra=["--kiosk"])
    w, lf = r.load(wrong), r.load(left)
    check(w["screen"] == "kiosk" and w["kiosk"]["message"], f"refused, with a message: {w['kiosk']}")
    check(w["lockout"]["failed_attempts"] == 1, f"one attempt counted: {w['lockout']}")
    check(lf["screen"] == "login", f"the manager's PIN left the kiosk: {lf['screen']}")
    check(lf["lockout"]["failed_attempts"] == 0, f"a good PIN clears the count: {lf['lockout']}")


def poison_cache(db):
    """A reservation at "24:00" and a walk-in created "-infinity" on the demo
    day, as PostgreSQL accepts them and the engine does not (issue 11)."""
    con = sqlite3.connect(db)
    bad = {}
    for table, column, value in (("reservations", "time", "24:00"),
                                 ("waitlist_entries", "created_at", "-infinity")):
        row_id, text = con.execute(
            f"SELECT id, json FROM {table} WHERE date = '2026-11-28' ORDER BY rowid LIMIT 1").fetchone()
        row = json.loads(text)
        row[column] = value
        if table == "waitlist_entries":
            row["status"] = "waiting"  # would head the queue
        con.execute(f"UPDATE {table} SET json = ? WHERE id = ?", (json.dumps(row), row_id))
        bad[table] = row_id
    con.commit()
    con.close()
    return bad


def case_poisoned_row(r):
    """A row the engine cannot read: the terminal starts, loads the rest of the
    day, and a manager (not a server) sees it set aside with the reason."""
    first = r.dump("first")
    r.run()  # the first run seeds the demo restaurant
    before = r.load(first)
    bad = poison_cache(r.db)
    server = r.dump("start")
    r.login(SERVER)
    as_server = r.dump("server")
    r.tap_item("logout")
    r.login(MANAGER)
    as_manager = r.dump("manager")
    r.tap_item("set_aside")
    r.wait_frames(4)
    listed = r.dump("listed")
    shot = r.screenshot("set_aside")
    r.run()  # exits 0: before, it exited 5 at every start
    s, sv, m, ls = r.load(server), r.load(as_server), r.load(as_manager), r.load(listed)
    check(s["reservations"]["count"] == before["reservations"]["count"] - 1,
          f"the day loads without the bad booking: {s['reservations']['count']}")
    check(all(x["id"] != bad["reservations"] for x in s["reservations"]["rows"]), "bad booking left out")
    waiting = [w for w in s["waitlist"] if w["status"] in ("waiting", "notified", "called")]
    check(waiting and all("position" in w for w in waiting),
          f"the good walk-ins keep their order and quotes: {waiting}")
    check(all(w["id"] != bad["waitlist_entries"] for w in s["waitlist"]), "bad walk-in left out")
    check(not sv["set_aside"]["shown"] and "set_aside" not in sv["items"],
          f"a server sees no notice: {sv['set_aside']}")
    rows = {x["table"]: x for x in m["set_aside"]["rows"]}
    check(set(rows) == {"reservations", "waitlist_entries"}, f"both rows set aside: {rows}")
    check(rows["reservations"]["id"] == bad["reservations"], "by id")
    check("24:00" in rows["reservations"]["reason"], f"with the reason: {rows['reservations']}")
    check("-infinity" in rows["waitlist_entries"]["reason"], f"with the reason: {rows['waitlist_entries']}")
    check(m["set_aside"]["shown"] and "set_aside" in m["items"], "a manager sees the notice")
    check(ls["set_aside"]["open"], "the notice opens the set-aside view")
    check(f"set_aside_row_{bad['reservations']}" in ls["items"], "the view lists the row")
    check_screenshot(shot)


def case_grow_party(r):
    """Booked 4, arrived 6: with the booking picked, +, +, Seat (3 taps), the party grows."""
    # 4 at 19:45 on table 8 (2-4) in the demo, in view at the top of the pick list
    # (the same three taps as booked 6, arrived 8: the engine proposes a table for the new size).
    guest, booked, table_booked = "Tomáš Dvořák", 4, "8"
    r.login(ADMIN)
    r.tap_item("tab_seat")
    r.tap_item(f"pick_{guest}")
    r.wait_frames(2)
    picked = r.dump("picked")
    r.tap_item("party_plus")
    r.tap_item("party_plus")
    r.wait_frames(4)
    grown = r.dump("grown")
    shot = r.screenshot("grow_party")
    r.tap_item("seat_confirm")
    r.wait_frames(4)
    after = r.dump("after")
    shot_after = r.screenshot("grow_party_seated")
    r.run()
    p, g, a = r.load(picked), r.load(grown), r.load(after)
    check(p["seat"]["party_size"] == booked, f"picked as booked: {p['seat']}")
    check(g["seat"]["party_size"] == booked + 2, f"two taps on +: {booked + 2} guests: {g['seat']}")
    table = g["seat"]["suggestion"]
    check(table and table != table_booked,
          f"the engine proposes a table for {booked + 2}, not {table_booked}: {g['seat']}")
    row = [x for x in a["reservations"]["rows"] if x["guest_name"] == guest][0]
    check(row["status"] == "Seated", f"seated: {row}")
    check(row["party_size"] == booked + 2, f"the booking itself grew: {row}")
    check(row["table_number"] == table, f"at the proposed table {table}: {row}")
    check(a["reservations"]["count"] == p["reservations"]["count"], "no walk-in was added")
    check(not a["message_is_error"], f"no error: {a['message']}")
    check_screenshot(shot)
    check_screenshot(shot_after)
    if r.args.keep:
        print(f"  screenshots: {shot} {shot_after}")


# ---------------------------------------------------------- writes & waits
# Issue 12 items 3 and 11: one write per intent, and the frame never waits.

class HungBackend:
    """A backend that hangs: a TCP socket on 127.0.0.1 that accepts every
    connection, reads what it is sent, and never answers."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.requests = []  # the first bytes of each connection ("POST /functions/v1/pin-login")
        self.conns = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)  # kept open: the client waits for an answer
            threading.Thread(target=self._read, args=(conn,), daemon=True).start()

    def _read(self, conn):
        try:
            self.requests.append(conn.recv(4096).decode("latin-1"))
        except OSError:
            pass

    def close(self):
        self.sock.close()
        for c in self.conns:
            c.close()


def restaurant_id(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT id FROM restaurants").fetchone()[0]
    finally:
        con.close()


def pin_taps(r, pin):
    for d in pin:
        r.tap_item(f"key_{d}")


def case_hung_backend(r):
    """A backend that accepts and never answers: frames keep coming, the PIN
    login shows its busy state, Cancel works, the cached hash logs in within
    seconds, and a walk-in is seated locally meanwhile."""
    r.run()  # seeds the demo restaurant: the team and its cached PIN hashes
    backend = HungBackend()
    try:
        r.wait_frames(4)
        r.tap_item(f"member_{SERVER}")
        pin_taps(r, PINS[SERVER])
        r.tap_item("key_ok")
        r.step(wait_item=["busy", 5000])
        busy1 = r.path("busy1.json")
        r.step(dump_now=busy1)
        r.wait_ms(400)
        busy2 = r.path("busy2.json")
        r.step(dump_now=busy2)
        shot = r.path("busy.png")
        r.step(screenshot_now=shot)
        r.tap_item("busy_cancel")
        cancelled = r.path("cancelled.json")
        r.step(dump_now=cancelled)
        pin_taps(r, PINS[SERVER])
        r.tap_item("key_ok")
        r.step(wait_item=["busy", 5000])
        asked = r.path("asked.json")
        r.step(dump_now=asked)
        logged = r.dump("logged")  # waits for the login job to land
        r.tap_item("tab_seat")
        r.tap_item("src_walkin")
        r.tap_item("party_plus")  # 3 guests
        r.wait_frames(4)
        before = r.dump("before")
        r.tap_item("seat_confirm")
        seated = r.dump("seated")
        t0 = time.monotonic()
        r.run(["--backend", backend.url, "--anon-key", "anon", "--restaurant", restaurant_id(r.db),
               "--device-token", "a-registered-terminal"], timeout=90)
        print(f"  the run with the hung backend took {time.monotonic() - t0:.1f} s")
        b1, b2, c, a, lg = map(r.load, (busy1, busy2, cancelled, asked, logged))
        b, s = r.load(before), r.load(seated)
        check(any("pin-login" in q for q in backend.requests),
              f"the terminal asked the hung backend's pin-login: {[q[:60] for q in backend.requests]}")
    finally:
        backend.close()
    check(b1["busy"] and b2["busy"] and b1["member"] is None, f"the login is running: {b1['busy']}")
    check(b2["frames"] > b1["frames"] and b2["monotonic_ms"] > b1["monotonic_ms"],
          f"frames keep coming while the backend hangs: {b1['frames']} -> {b2['frames']}")
    check("busy" in b2["items"] and "busy_cancel" in b2["items"], f"the busy state shows: {b2['items']}")
    check_screenshot(shot)
    check(not c["busy"] and c["member"] is None and c["screen"] == "login",
          f"Cancel stops the wait, nobody is logged in: {c['busy']} {c['member']}")
    check(c["lockout"]["failed_attempts"] == 0, f"a cancelled login counts nothing: {c['lockout']}")
    check(c["frames"] > b2["frames"], "and the frames go on")
    took = lg["monotonic_ms"] - a["monotonic_ms"]
    print(f"  PIN login against the hung backend landed {took:.0f} ms after the busy state showed")
    check(lg["member"] and lg["member"]["name"] == SERVER and not lg["member"]["online"],
          f"logged in from the cached hash: {lg['member']} {lg['login']}")
    check(took < 8000, f"within a few seconds, took {took:.0f} ms")
    new = [x for x in s["reservations"]["rows"]
           if x["id"] not in {y["id"] for y in b["reservations"]["rows"]}]
    check(len(new) == 1 and new[0]["status"] == "Seated" and new[0]["party_size"] == 3,
          f"one walk-in seated locally: {new} {s['message']}")
    check(s["outbox"] == b["outbox"] + 1, f"its change waits in the outbox: {b['outbox']} -> {s['outbox']}")
    check(s["sync"]["connection"] != "online", f"not online: {s['sync']}")
    fm = s["frame_ms"]  # every frame of the run, the hung login's included
    print(f"  app.frame() over {fm['count']} frames: p50 {fm['p50']:.2f} ms, p99 {fm['p99']:.2f} ms, "
          f"max {fm['max']:.2f} ms")
    check(fm["max"] < 1000, f"no frame waited on the backend (its try lasts 3 s): {fm}")


def type_field(r, item, value):
    """Types into a field on a physical keyboard (the on-screen one steps aside)."""
    r.tap_item(item)
    r.step(key="End")
    for _ in range(6):  # clear a default ("2", "20:00")
        r.step(key="Backspace")
    r.text(value)


def new_rows(before, after):
    ids = {y["id"] for y in before}
    return [x for x in after if x["id"] not in ids]


def case_double_tap_create(r):
    """A double tap on Create stores one booking, not two."""
    r.login(ADMIN)
    r.tap_item("tab_reservations")
    r.tap_item("mode_form")
    type_field(r, "form_name", "Gaëlle Double")
    type_field(r, "form_phone", "06 11 22 33 44")
    type_field(r, "form_time", "21:45")
    before = r.dump("before")
    r.step(double_tap_item="form_create")
    after = r.dump("after")
    r.run()
    b, a = r.load(before), r.load(after)
    new = new_rows(b["reservations"]["rows"], a["reservations"]["rows"])
    check(len(new) == 1, f"one booking, not {len(new)}: {new} {a['message']}")
    check(new[0]["guest_name"] == "Gaëlle Double" and new[0]["time"] == "21:45", f"as typed: {new[0]}")
    # One write: the booking, and the new phone's customer card saved with it (issue 13 item 2).
    check(a["outbox"] == b["outbox"] + 2, f"one write: outbox {b['outbox']} -> {a['outbox']}")
    con = sqlite3.connect(r.db)
    n = con.execute("SELECT count(*) FROM reservations WHERE "
                    "json_extract(json, '$.guest_name') = 'Gaëlle Double'").fetchone()[0]
    c = con.execute("SELECT count(*) FROM customers WHERE "
                    "json_extract(json, '$.phone') = '06 11 22 33 44'").fetchone()[0]
    con.close()
    check(n == 1, f"one row in the cache, not {n}")
    check(c == 1, f"one customer for the new phone, not {c}")


def waitlist_rows(db, name):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM waitlist_entries WHERE "
                           "json_extract(json, '$.guest_name') = ?", (name,)).fetchone()[0]
    finally:
        con.close()


def case_double_tap_add(r):
    """A double tap on the waitlist's Add queues the party once."""
    r.login(ADMIN)
    r.tap_item("tab_waitlist")
    r.tap_item("wl_add")
    type_field(r, "wl_name", "Noémie Deux")
    type_field(r, "wl_phone", "0611223344")
    before = r.dump("before")
    r.step(double_tap_item="wl_add_ok")
    after = r.dump("after")
    r.run()
    b, a = r.load(before), r.load(after)
    new = new_rows(b["waitlist"], a["waitlist"])
    check(len(new) == 1 and new[0]["guest_name"] == "Noémie Deux",
          f"one entry, not {len(new)}: {new} {a['message']}")
    check(a["outbox"] == b["outbox"] + 1, f"one write: outbox {b['outbox']} -> {a['outbox']}")
    check(waitlist_rows(r.db, "Noémie Deux") == 1, "one row in the cache")


def case_double_tap_join(r):
    """A double tap on the kiosk's Join queues the guest once."""
    r.wait_frames(4)  # the quotes of the first frame: a party no table seats is told at once
    r.tap_item("kiosk_party_2")
    type_field(r, "kiosk_name", "Timothée Deux")
    type_field(r, "kiosk_phone", "0611223344")
    before = r.dump("before")
    r.step(double_tap_item="kiosk_join")
    after = r.dump("after")
    shot = r.screenshot("joined")
    r.wait_ms(2500)
    r.tap_item("kiosk_done")
    done = r.dump("done")
    r.run(extra=["--kiosk"])
    b, a, d = r.load(before), r.load(after), r.load(done)
    new = new_rows(b["waitlist"], a["waitlist"])
    check(len(new) == 1 and new[0]["guest_name"] == "Timothée Deux",
          f"one entry, not {len(new)}: {new} {a['kiosk']}")
    check(waitlist_rows(r.db, "Timothée Deux") == 1, "one row in the cache")
    # The second tap lands where Done is drawn next: the guest still sees their place.
    check(a["kiosk"]["step"] == "joined" and a["kiosk"].get("position", 0) >= 1,
          f"the confirmation stays: {a['kiosk']}")
    check_screenshot(shot)
    check(d["kiosk"]["step"] == "party", f"Done takes the guest back to the start: {d['kiosk']}")


# ---- WAITLIST, PIN, KIOSK (issue 12, items 7, 9, 10)

def png_pixels(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB/RGBA PNG (stdlib zlib)."""
    import zlib
    with open(path, "rb") as f:
        data = f.read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, color = struct.unpack(">IIBB", body[:10])
            check(depth == 8 and color in (2, 6), f"{path}: 8-bit RGB(A) expected")
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, bpp, rows


def content_box(path):
    """Bounding box of what is drawn (pixels well above the background), as
    fractions of the screen, below the top band where the staff exit and the
    language sit in their corners, left of where a scroll bar may be."""
    w, h, bpp, rows = png_pixels(path)
    xs, ys = [], []
    for y in range(0, h, 4):
        line = rows[y]
        for x in range(0, w, 4):
            if y < h * 0.1 or x > w * 0.97:
                continue  # the corners' buttons (staff, language); a scroll bar
            if sum(line[x * bpp:x * bpp + 3]) > 180:
                xs.append(x), ys.append(y)
    check(xs, f"{path}: nothing drawn")
    return min(xs) / w, min(ys) / h, max(xs) / w, max(ys) / h


def check_guest_page(path, size):
    check_screenshot(path, size)
    x0, y0, x1, y1 = content_box(path)
    check(x1 - x0 > 0.3 and y1 - y0 > 0.3,
          f"{path}: the page fills the screen, not a corner: {x0:.2f},{y0:.2f}-{x1:.2f},{y1:.2f}")
    check(abs((x0 + x1) / 2 - 0.5) < 0.06, f"{path}: centred: {x0:.2f}..{x1:.2f}")


def kiosk_guest_flow(r, name_keys, phone_bad, phone_more):
    """Party 4 in one tap, a name on the on-screen keyboard, a phone number that
    is refused, then completed; dumps and screenshots along the way."""
    r.wait_frames(5)  # the fullscreen window settles at the screen's size
    shots = {"start": r.screenshot("start")}
    r.tap_item("kiosk_party_4")
    r.tap_item("kiosk_name")
    for k in name_keys:
        r.tap_item(f"kb_{k}")
    r.tap_item("kiosk_phone")
    for k in phone_bad:
        r.tap_item(f"kb_{k}")
    r.tap_item("kiosk_join")
    bad = r.dump("bad")
    shots["bad"] = r.screenshot("bad")
    r.tap_item("kiosk_phone")
    for k in phone_more:
        r.tap_item(f"kb_{k}")
    r.tap_item("kb_done")
    r.tap_item("kiosk_consent")
    r.tap_item("kiosk_join")
    joined = r.dump("joined")
    shots["joined"] = r.screenshot("joined")
    return bad, joined, shots


def check_guest_flow(r, bad, joined, name, phone):
    b, j = r.load(bad), r.load(joined)
    check(b["kiosk"]["step"] == "details", f"a short number is refused: {b['kiosk']}")
    check(all(not w["unconfirmed"] for w in b["waitlist"]), "nothing joined with it")
    check(j["kiosk"]["step"] == "joined", f"joined with a real number: {j['kiosk']}")
    entry = [w for w in j["waitlist"] if w["unconfirmed"]]
    check(len(entry) == 1 and entry[0]["guest_name"] == name and entry[0]["party_size"] == 4,
          f"one entry, typed on the keyboard: {entry}")
    # Behind everyone already waiting (join order), with a real quote.
    check(j["kiosk"]["position"] == len(j["waitlist"]), f"at the back: {j['kiosk']}")
    check(j["kiosk"]["quoted_minutes"] > 0, f"a real wait, not 'table free now': {j['kiosk']}")


def case_kiosk_wall(r):
    """The kiosk on a 1920x1080 wall screen: centred large pages, "0612" refused."""
    bad, joined, shots = kiosk_guest_flow(r, ["z", "o", "é"], "0612", "345678")
    r.run(extra=["--kiosk", "--size", "1920x1080"])
    check_guest_flow(r, bad, joined, "Zoé", "0612345678")
    for s in shots.values():
        check_guest_page(s, (1920, 1080))


def case_kiosk_portrait(r):
    """The kiosk on an 800x1280 portrait tablet, an international number."""
    bad, joined, shots = kiosk_guest_flow(r, ["s", "a", "m"], "+33", "612345678")
    r.run(extra=["--kiosk", "--size", "800x1280"])
    check_guest_flow(r, bad, joined, "Sam", "+33612345678")
    for s in shots.values():
        check_guest_page(s, (800, 1280))


def case_kiosk_server_pin(r):
    """At the kiosk exit a server's PIN says a manager's is needed and counts
    nothing; a wrong PIN counts one; a manager's leaves."""
    r.tap_item("kiosk_staff")
    for d in PINS[SERVER]:
        r.tap_item(f"key_{d}")
    r.tap_item("kiosk_leave_ok")
    server = r.dump("server")
    shot = r.screenshot("server")
    for d in "9999":
        r.tap_item(f"key_{d}")
    r.tap_item("kiosk_leave_ok")
    wrong = r.dump("wrong")
    for d in PINS[MANAGER]:
        r.tap_item(f"key_{d}")
    r.tap_item("kiosk_leave_ok")
    left = r.dump("left")
    r.run(extra=["--kiosk"])
    s, w, lf = r.load(server), r.load(wrong), r.load(left)
    check(s["screen"] == "kiosk", "a server's PIN does not leave the kiosk")
    check(s["kiosk"]["message"] == "Il faut le code d'un responsable",
          f"says a manager's PIN is needed: {s['kiosk']}")
    check(s["lockout"]["failed_attempts"] == 0, f"not counted: {s['lockout']}")
    check(w["lockout"]["failed_attempts"] == 1, f"a wrong PIN counts one: {w['lockout']}")
    check(lf["screen"] == "login", f"the manager's PIN leaves: {lf['screen']}")
    check_screenshot(shot)


def case_lockout_per_member(r):
    """One member's five wrong PINs lock that member only: another logs in."""
    for _ in range(5):
        r.login(SERVER, pin="9999")
    locked = r.dump("locked")
    r.tap_item("member_Mehdi Benali")
    other = r.dump("other")
    shot = r.screenshot("other")
    r.login("Mehdi Benali", pin="2222")
    after = r.dump("after")
    r.run()
    lk, o, a = r.load(locked), r.load(other), r.load(after)
    check(lk["lockout"]["remaining_seconds"] > 0, f"Léa is locked: {lk['lockout']}")
    check(o["lockout"]["remaining_seconds"] == 0 and o["lockout"]["failed_attempts"] == 0,
          f"the screen shows Mehdi unlocked: {o['lockout']}")
    check(a["member"] and a["member"]["name"] == "Mehdi Benali", f"Mehdi logs in: {a['member']}")
    check_screenshot(shot)


def case_override_booking(r):
    """A booking at 16:00 (no service) is refused; a Manager's explicit override saves it, noted."""
    r.login(MANAGER)
    before = r.dump("before")
    r.tap_item("tab_reservations")
    r.tap_item("mode_form")
    type_field(r, "form_name", "Hors Service")
    type_field(r, "form_time", "16:00")
    r.tap_item("form_create")  # refused: nothing saved
    r.wait_frames(2)
    refused = r.dump("refused")
    shot = r.screenshot("override_refused")
    r.tap_item("form_override")
    r.wait_frames(2)
    r.tap_item("form_create")
    r.wait_frames(4)
    saved = r.dump("saved")
    r.run()
    b, f, s = r.load(before), r.load(refused), r.load(saved)
    check(f["reservations"]["count"] == b["reservations"]["count"],
          f"the refused booking is not saved: {f['message']}")
    check("form_override" in f["items"], "the form offers the override")
    check(s["reservations"]["count"] == b["reservations"]["count"] + 1,
          f"overridden, it is saved: {s['message']}")
    with sqlite3.connect(r.db) as c:
        rows = [json.loads(j) for (j,) in c.execute("SELECT json FROM reservations")]
    row = [x for x in rows if x.get("guest_name") == "Hors Service"]
    check(len(row) == 1, "one booking")
    note = row[0].get("notes", "")
    check("Julien Moreau" in note and "16:00" in note,
          f"the notes record who overrode what: {note!r}")
    check_screenshot(shot)
    if r.args.keep:
        print(f"  screenshot: {shot}")


def case_waitlist_join_order(r):
    """A party of 4 added at 19:30 joins behind the eight already waiting (the
    demo's queue has stamps up to 19:44), and no same-size party ahead of it is
    quoted longer; the quote is shown before adding."""
    r.login(ADMIN)
    r.tap_item("tab_waitlist")
    r.tap_item("wl_add")
    type_field(r, "wl_name", "Hugo Quatre")
    type_field(r, "wl_party", "4")
    before = r.dump("before")
    shot = r.screenshot("add")
    r.tap_item("wl_add_ok")
    after = r.dump("after")
    r.run()
    b, a = r.load(before), r.load(after)
    queued = [w for w in a["waitlist"] if w["status"] in ("waiting", "notified", "called")]
    queued.sort(key=lambda w: w["position"])
    names = [w["guest_name"] for w in queued]
    check(names[-1] == "Hugo Quatre", f"the new party is last: {names}")
    check(queued[-1]["position"] == len(queued), f"at position {len(queued)}: {queued[-1]}")
    for size in {w["party_size"] for w in queued}:
        quotes = [w["quoted_minutes"] for w in queued if w["party_size"] == size]
        check(quotes == sorted(quotes), f"party of {size}: quotes in join order {quotes}")
    check(len(b["waitlist"]) + 1 == len(a["waitlist"]), "one party added")
    check_screenshot(shot)


def case_shift_export(r):
    """The shift tab for a host, its report exported as CSV into the data folder:
    the file the message names, RFC 4180, with the demo's lunch as counted here."""
    r.login(SERVER)  # Léa hosts: her tabs hold the reservations, so the shift too
    r.tap_item("tab_shift")
    r.wait_frames(2)
    shown = r.dump("shown")
    r.tap_item("shift_service_1b45cf47-6dfe-50f3-870c-740924852690")  # Midi
    r.tap_item("shift_export")
    r.wait_frames(2)
    done = r.dump("done")
    r.run()
    s, d = r.load(shown), r.load(done)
    check(s["screen"] == "shift", f"the shift tab opened: {s['screen']}")
    path = os.path.join(r.dir, "foh-bilan-2026-11-28.csv")
    check(path in last_message(d), f"the message names the file: {last_message(d)}")
    with open(path, "rb") as f:
        raw = f.read().decode("utf-8")
    check(raw.startswith("Date,Service,Mesure,"), f"French header: {raw[:60]!r}")
    check(raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", ""), "CRLF records")
    with open(os.path.join(r.args.assets, "demo", "day.json"), encoding="utf-8") as f:
        day = json.load(f)
    lunch = [x for x in day["reservations"] if x["time"] < "15:00"
             and x["status"] in ("Seated", "Completed")]
    covers = sum(x["party_size"] for x in lunch)
    check(f"2026-11-28,Midi,Couverts,,{covers},\r\n" in raw,
          f"lunch served {covers} covers: {raw[:400]!r}")


CASES = {name[5:]: fn for name, fn in globals().items() if name.startswith("case_")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--assets", required=True)
    ap.add_argument("--case", action="append", help="case name (default: all)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folders")
    ap.add_argument("--backend-bin", help="foh-backend, for backend_* cases "
                    "(default: next to --binary)")
    args = ap.parse_args()
    if not args.backend_bin:
        args.backend_bin = os.path.join(os.path.dirname(os.path.abspath(args.binary)), "foh-backend")
    names = args.case or sorted(CASES)
    failed = 0
    for name in names:
        if name not in CASES:
            print(f"unknown case {name}; known: {', '.join(sorted(CASES))}")
            return 2
        r = Run(args, name)
        print(f"[{name}] {CASES[name].__doc__.splitlines()[0]}  ({r.dir})")
        try:
            CASES[name](r)
            print(f"[{name}] ok")
            r.cleanup()
        except (Failure, subprocess.TimeoutExpired) as e:
            failed += 1
            print(f"[{name}] FAILED: {e}\n  files kept in {r.dir}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
