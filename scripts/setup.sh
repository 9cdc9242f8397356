#!/usr/bin/env bash
# Installs the Debian packages FOH needs to build, test and run. Idempotent:
# installs only what is missing; as non-root it prints the apt-get line and stops.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3
  nlohmann-json3-dev libssl-dev doctest-dev libsqlite3-dev sqlite3
  libcurl4-openssl-dev libsdl2-dev libimgui-dev libstb-dev
  libbenchmark-dev coinor-cbc libcpp-httplib-dev libpq-dev
  postgresql postgresql-contrib
  clang libclang-rt-14-dev
  xvfb xauth libgl1-mesa-dri libglx-mesa0 fonts-dejavu-core fonts-noto-core tzdata
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "FOH needs these Debian packages; run as root:" >&2
  echo "  apt-get update && $cmd" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$cmd
