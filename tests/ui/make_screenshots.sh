#!/usr/bin/env bash
# Screenshots of every screen at 1280x800 for the README, and of the main
# screens at the four sizes restaurants use (800x1280 portrait, 1024x768,
# 1280x800, 1920x1080) as NAME-WxH.png, drawn by the real foh-terminal under
# Xvfb on the demo Saturday at 19:30 (a fresh cache each), at the scale the
# terminal picks for the size (1.35 at 1920x1080).
#   tests/ui/make_screenshots.sh [build/bin/foh-terminal] [docs/screenshots]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$root/build/bin/foh-terminal}"
out="${2:-$root/docs/screenshots}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LIBGL_ALWAYS_SOFTWARE=1

login='{"tap_item":"member_Camille Rousseau"}
{"tap_item":"key_1"}
{"tap_item":"key_2"}
{"tap_item":"key_3"}
{"tap_item":"key_4"}
{"tap_item":"key_ok"}
{"wait_item":["tab_floor",5000]}
{"wait_frames":20}'

size=1280x800  # the window of the next shot()
# shot NAME EXTRA-ARGS SCRIPT-LINES
shot() {
  local name="$1" extra="$2" steps="$3"
  rm -f "$work/foh.sqlite"*
  printf '%s\n{"wait_frames":6}\n{"screenshot":"%s"}\n' "$steps" "$out/$name.png" > "$work/$name.jsonl"
  # The kiosk is fullscreen: its X screen is the kiosk's size (on a larger one the
  # picture is drawn at --size in a corner of a black screen).
  local screen=1920x1280
  [[ "$extra" == *--kiosk* ]] && screen="$size"
  # shellcheck disable=SC2086
  xvfb-run -a -s "-screen 0 ${screen}x24" "$bin" --db "$work/foh.sqlite" --assets "$root/assets" \
    --now 2026-11-28T19:30:00 --size "$size" $extra --script "$work/$name.jsonl"
  echo "$out/$name.png"
}

shot login "" '{"tap_item":"member_Léa Fontaine"}
{"tap_item":"key_1"}'
shot floor "" "$login"
shot floor-table "" "$login
{\"tap_item\":\"table_7\"}"
shot floor-actions "" "$login
{\"long_press_item\":\"table_7\"}"
shot floor-legend "" "$login
{\"tap_item\":\"floor_legend\"}"
shot seat "" "$login
{\"tap_item\":\"tab_seat\"}
{\"tap_item\":\"party_plus\"}
{\"tap_item\":\"party_plus\"}"
shot reservations "" "$login
{\"tap_item\":\"tab_reservations\"}"
shot timeline "" "$login
{\"tap_item\":\"tab_reservations\"}
{\"tap_item\":\"mode_timeline\"}"
shot booking-form "" "$login
{\"tap_item\":\"tab_reservations\"}
{\"tap_item\":\"mode_form\"}
{\"tap_item\":\"form_name\"}
{\"text\":\"Zoë 🎉\"}
{\"tap_item\":\"form_create\"}"
shot waitlist "" "$login
{\"tap_item\":\"tab_waitlist\"}"
shot shift "" "$login
{\"tap_item\":\"tab_shift\"}"
shot editor "" "$login
{\"tap_item\":\"tab_editor\"}
{\"tap_item\":\"edit_table_13\"}"
size=1920x1080  # a wall screen at the door; the loop below shows the portrait tablet
shot kiosk "--kiosk" '{"tap_item":"party_plus"}
{"tap_item":"kiosk_next"}
{"tap_item":"kiosk_name"}
{"text":"Zoë Lefèvre"}'
shot kiosk-joined "--kiosk" '{"tap_item":"kiosk_next"}
{"tap_item":"kiosk_name"}
{"text":"Zoë Lefèvre"}
{"tap_item":"kiosk_phone"}
{"text":"0612345678"}
{"tap_item":"kiosk_join"}'
size=800x1280
shot kiosk-keyboard-800x1280 "--kiosk" '{"tap_item":"kiosk_next"}
{"tap_item":"kiosk_name"}
{"tap_item":"kb_z"}
{"tap_item":"kb_o"}
{"tap_item":"kb_é"}'
size=1280x800
wrong='{"tap_item":"member_Mehdi Benali"}'
for _ in 1 2 3 4 5; do
  wrong="$wrong
{\"tap_item\":\"key_9\"}
{\"tap_item\":\"key_9\"}
{\"tap_item\":\"key_9\"}
{\"tap_item\":\"key_9\"}
{\"tap_item\":\"key_ok\"}"
done
shot lockout "" "$wrong"

# The main screens at every size: the seat button, the lists' actions and the
# floor must be whole in portrait and wide.
for size in 800x1280 1024x768 1280x800 1920x1080; do
  shot "floor-$size" "" "$login"
  shot "seat-$size" "" "$login
{\"tap_item\":\"tab_seat\"}
{\"tap_item\":\"party_plus\"}
{\"tap_item\":\"party_plus\"}"
  shot "reservations-$size" "" "$login
{\"tap_item\":\"tab_reservations\"}"
  shot "timeline-$size" "" "$login
{\"tap_item\":\"tab_reservations\"}
{\"tap_item\":\"mode_timeline\"}"
  shot "waitlist-$size" "" "$login
{\"tap_item\":\"tab_waitlist\"}"
  shot "shift-$size" "" "$login
{\"tap_item\":\"tab_shift\"}"
  shot "kiosk-$size" "--kiosk" '{"wait_frames":2}'
  shot "editor-$size" "" "$login
{\"tap_item\":\"tab_editor\"}
{\"tap_item\":\"edit_table_13\"}"
done
# The smallest screen that must stay usable: the floor scrolls rather than
# shrink its tables under a fingertip; the editor's toolbar wraps.
size=800x600
shot "seat-$size" "" "$login
{\"tap_item\":\"tab_seat\"}"
shot "editor-$size" "" "$login
{\"tap_item\":\"tab_editor\"}"
