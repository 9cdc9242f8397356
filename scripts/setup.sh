#!/usr/bin/env bash
# Installs the Debian packages FOH needs to build, test and run. Idempotent:
# installs only what is missing; as non-root it prints the apt-get line and stops.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3
  nlohmann-json3-dev libssl-dev doctest-dev libsqlite3-dev sqlite3
  libcurl4-openssl-dev libsdl2-dev libimgui-dev libstb-dev
  libbenchmark-dev coinor-cbc libcpp-httplib-dev libpq-dev libspdlog-dev
  postgresql postgresql-contrib
  clang libclang-rt-14-dev clang-format clang-tidy
  xvfb xauth libgl1-mesa-dri libglx-mesa0 fonts-dejavu-core fonts-noto-core tzdata
  fonts-material-design-icons-iconfont
  chromium
)
# Node for the browser tests (tests/browser: puppeteer-core drives chromium);
# Debian's nodejs and npm unless a node with npm is already installed.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The browser tests' npm packages, exactly as package-lock.json pins them.
browser_deps() {
  local dir="$root/tests/browser"
  [ -f "$dir/package-lock.json" ] || return 0
  # npm ci empties node_modules first: only when the lock is newer than the install.
  [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ] && return 0
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  browser_deps
  exit 0
fi

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "FOH needs these Debian packages; run as root:" >&2
  echo "  apt-get update && $cmd" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$cmd
browser_deps
