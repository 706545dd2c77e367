#!/bin/sh
# By hand, not in CI: does a subscribed agenda file update in Thunderbird when leersteun
# rewrites it? Needs Debian's thunderbird, xvfb and sqlite3 (python3). Run from the repo:
#   sh tests/handmatig/thunderbird_agenda.sh
# It subscribes a fresh profile to out/agenda.ics of a copy of the example folder, records an
# evaluation and moves a planned observation, rewrites the file, waits for Thunderbird's
# refresh (set to one minute) and prints the events Thunderbird holds before and after.
set -eu
ROOT=$(pwd)
WERK=$(mktemp -d)
cp -r "$ROOT/cases" "$ROOT/leersteun.yaml" "$WERK/"
export LEERSTEUN_VANDAAG=2026-11-24
ls() { "$ROOT/.venv/bin/python" -m leersteun "$@"; }
cd "$WERK"
ls agenda --weken 8 --ics out/agenda.ics >/dev/null
mkdir -p profiel
cat > profiel/user.js <<PREFS
user_pref("calendar.registry.ls.type", "ics");
user_pref("calendar.registry.ls.uri", "file://$WERK/out/agenda.ics");
user_pref("calendar.registry.ls.name", "leersteun");
user_pref("calendar.registry.ls.cache.enabled", true);
user_pref("calendar.registry.ls.refreshInterval", "1");
user_pref("calendar.registry.ls.readOnly", true);
user_pref("calendar.list.sortOrder", "ls");
user_pref("mail.provider.suppress_dialog_on_startup", true);
user_pref("mail.shell.checkDefaultClient", false);
PREFS
Xvfb :78 -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
DISPLAY=:78 thunderbird --profile "$WERK/profiel" --no-remote >/dev/null 2>&1 &
TB=$!
toon() {
  python3 - "$WERK/profiel/calendar-data/cache.sqlite" <<'PY'
import sqlite3, sys, datetime as dt
con = sqlite3.connect(sys.argv[1])
for start, titel in con.execute("select event_start, title from cal_events order by event_start, title"):
    print(dt.date.fromtimestamp(start // 1_000_000), titel[:80])
PY
}
sleep 30; echo "== voor"; toon
ls evaluatie arthur --beslissing verderzetten --volgende 21-12-2026 </dev/null >/dev/null
ls overleg finn --soort observatie --datum 24-11-2026 --met ondersteuner --volgende 8-12-2026 >/dev/null
ls agenda --weken 8 --ics out/agenda.ics >/dev/null
sleep 80; echo "== na de verversing"; toon
kill $TB $XVFB
