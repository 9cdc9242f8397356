#!/usr/bin/env bash
# Sets up, builds and runs FOH on the embedded default (standalone: the local
# SQLite cache is the store, seeded with the demo restaurant on first run).
# With no display, it prints the seating plan of the demo day instead.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/bin/foh-terminal ]; then
  exec build/bin/foh-terminal "$@"
fi
exec build/bin/foh-plan assign --restaurant assets/demo/restaurant.json --requests assets/demo/day.json
