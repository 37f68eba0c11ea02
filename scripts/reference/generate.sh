#!/bin/sh
# Regenerates every golden fixture: runs each scripts/reference/*.py with the Debian Python
# (python3-scipy, python3-pandas, python3-statsmodels). Usage: sh scripts/reference/generate.sh
set -eu
cd "$(dirname "$0")/../.."
for script in scripts/reference/*.py; do
  echo "fixtures: $script"
  /usr/bin/python3 "$script"
done
