#!/usr/bin/env bash
# The browser tests need Debian's Chromium (Playwright cannot download its own browser here),
# CJK fonts so Chinese renders, and poppler's pdftotext/pdffonts to read PDFs back.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Not `fc-list | grep -q`: grep quitting early fails the pipeline under pipefail.
fonts="$(fc-list : family 2>/dev/null || true)"
[[ "$fonts" == *"Noto Sans CJK"* ]] || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "Missing Debian packages: ${missing[*]} (install them as root; browser/PDF tests need them)" >&2
    exit 1
fi
