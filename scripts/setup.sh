#!/usr/bin/env bash
# Set-up for a fresh machine (Node 20 and npm present, run as root or with sudo available):
# installs Debian's Chromium and poppler-utils when missing, installs the npm packages exactly
# as locked, builds, and runs the main job on the bundled default.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages…"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "gradsheet setup: please install ${missing[*]} (apt-get install ${missing[*]}) and run again" >&2
    exit 2
  fi
fi

npm ci --no-audit --no-fund
npm run build

# The main job, on the bundled default: the lecture worksheet and its verified answer key, as
# HTML and PDF, in ./out.
bin/gradsheet build
