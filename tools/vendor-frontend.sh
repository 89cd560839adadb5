#!/usr/bin/env bash
# Copies the front-end packages from npm into src/Nastavnik.Web/wwwroot/lib.
# The copies are committed so that the app serves every asset itself (no CDN)
# and a fresh clone needs no npm to run. Re-run after bumping a version here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lib="$here/../src/Nastavnik.Web/wwwroot/lib"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund bootstrap@5.3.8 bootstrap-icons@1.13.1 htmx.org@2.0.7 chart.js@4.6.1 cytoscape@3.34.4 >/dev/null
rm -rf "$lib" && mkdir -p "$lib/bootstrap" "$lib/bootstrap-icons/fonts" "$lib/htmx" "$lib/chart.js" "$lib/cytoscape"
cp node_modules/bootstrap/dist/css/bootstrap.min.css "$lib/bootstrap/"
cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js "$lib/bootstrap/"
cp node_modules/bootstrap/LICENSE "$lib/bootstrap/"
cp node_modules/bootstrap-icons/font/bootstrap-icons.min.css "$lib/bootstrap-icons/"
cp node_modules/bootstrap-icons/font/fonts/bootstrap-icons.woff2 node_modules/bootstrap-icons/font/fonts/bootstrap-icons.woff "$lib/bootstrap-icons/fonts/"
cp node_modules/bootstrap-icons/LICENSE "$lib/bootstrap-icons/"
cp node_modules/htmx.org/dist/htmx.min.js "$lib/htmx/"
cp node_modules/htmx.org/LICENSE "$lib/htmx/"
# The monitoring dashboard's charts and the mentoring network graph (issue 13).
cp node_modules/chart.js/dist/chart.umd.min.js node_modules/chart.js/LICENSE.md "$lib/chart.js/"
cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape/LICENSE "$lib/cytoscape/"
echo "vendored into $lib"
