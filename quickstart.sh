#!/bin/bash
# Quick start, step 1 of 2 (README.md): on a fresh Debian 12 machine, as root,
# install the Debian packages that are missing, build, install (library,
# headers, pkg-config file, the khcn tool, the Python module) and run the
# main job: the report on the bundled plans.
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  build-essential autoconf automake libtool pkgconf
  libcbor-dev libcunit1-dev swig
  python3 python3-dev python3-numpy python3-pandas python3-pytest python3-cbor2
  python3-matplotlib python3-nbclient python3-nbformat python3-ipykernel python3-distributed
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "== building libkhcn"
[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure PYTHON=/usr/bin/python3
make -j2
echo "== installing"
make install
ldconfig

echo "== main job"
make -s main-job
