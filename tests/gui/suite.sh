#!/bin/bash
# tests/gui/suite.sh — the GTK dashboard (TAP).
#
# Runs under Xvfb (re-executes itself through xvfb-run when there is no
# display). Checks the command line, the headless screenshots in English
# and Korean, that bad scenarios end --screenshot with a message naming the
# file and a non-zero status (and no PNG), that an unknown --compare kernel
# is reported once, that a too-small screen is named as the reason for a
# smaller screenshot, then runs the cmocka widget tests
# (tests/gui/test_dashboard.c), which also compare the dashboard's figures
# with the CLI's `--json` output and check the screenshots' size and content.
set -u
BUILD=${BUILD:-build}
if [ -z "${TRAPEZE_GUI_SUITE_XVFB:-}" ]; then
    export TRAPEZE_GUI_SUITE_XVFB=1
    exec xvfb-run -a -s "-screen 0 1920x1200x24" "$0" "$@"
fi
D=$BUILD/trapeze-dashboard
T=$BUILD/trapeze
W=$BUILD/gui/tests/test_dashboard
export GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
. "$(dirname "$0")/../lib/tap.sh"
tap_workdir
# The mode comparison of the screenshots uses the small 'hello' kernel, to
# keep the suite quick (emulating 'tasks' takes seconds).
CMP="--compare hello"

# ---- command line ------------------------------------------------------------
$D --help > "$work/help.out" 2>&1
check "--help exits 0 and prints the usage" "[ $? -eq 0 ] && grep -q '^Usage: trapeze-dashboard' $work/help.out"
$D --frobnicate > "$work/badopt.out" 2>&1
rc=$?
check "an unknown option exits 2 and names it" "[ $rc -eq 2 ] && grep -q \"unknown option '--frobnicate'\" $work/badopt.out"
$D --lang fr --screenshot "$work/x.png" > "$work/badlang.out" 2>&1
rc=$?
check "--lang fr is refused (exit 2)" "[ $rc -eq 2 ] && grep -q \"expected 'ko' or 'en'\" $work/badlang.out"
$D --size 10x10 --screenshot "$work/x.png" > "$work/badsize.out" 2>&1
rc=$?
check "--size 10x10 is refused (exit 2)" "[ $rc -eq 2 ] && [ ! -e $work/x.png ]"

# ---- screenshots -------------------------------------------------------------
$D --screenshot "$work/en.png" --lang en --run-cycles 8000000 $CMP > "$work/en.log" 2>&1
rc=$?
check "screenshot (English) exits 0" "[ $rc -eq 0 ] && [ -s $work/en.png ]"
$D --screenshot "$work/ko.png" --lang ko --run-cycles 3000000 --size 1600x1000 $CMP > "$work/ko.log" 2>&1
rc=$?
check "screenshot (Korean, 1600x1000) exits 0" "[ $rc -eq 0 ] && [ -s $work/ko.png ]"
$D --screenshot "$work/end.png" --scenario vmm/scenarios/containment.json --run-cycles 0 $CMP > "$work/end.log" 2>&1
rc=$?
check "screenshot of a scenario run to its end (containment) exits 0" "[ $rc -eq 0 ] && [ -s $work/end.png ]"
check "no warnings from GTK while rendering" "! grep -E 'CRITICAL|Gtk-WARNING \\*\\*.*(allocat|snapshot|size)' $work/en.log $work/ko.log $work/end.log"

# ---- bad input in headless mode ----------------------------------------------
$D --screenshot "$work/missing.png" --scenario "$work/does-not-exist.json" > "$work/missing.log" 2>&1
rc=$?
check "missing scenario: exit 1, message names the file, no PNG" \
    "[ $rc -eq 1 ] && grep -q 'does-not-exist.json' $work/missing.log && [ ! -e $work/missing.png ]"
printf '{ "guests": [ { "kernel": "hello" }, ] }\n' > "$work/bad.json"
$D --screenshot "$work/bad.png" --scenario "$work/bad.json" > "$work/bad.log" 2>&1
rc=$?
check "malformed JSON: exit 1, message names the file, no PNG" \
    "[ $rc -eq 1 ] && grep -q 'bad.json' $work/bad.log && [ ! -e $work/bad.png ]"
printf '{ "guests": [ { "kernel": "hello", "mode": "warp" } ] }\n' > "$work/mode.json"
$D --screenshot "$work/mode.png" --scenario "$work/mode.json" > "$work/mode.log" 2>&1
rc=$?
check "unknown guest mode: exit 1, message names the key" \
    "[ $rc -eq 1 ] && grep -q 'mode' $work/mode.log && [ ! -e $work/mode.png ]"
check "no crash on bad input (no 'Segmentation' or 'Aborted')" \
    "! grep -E 'Segmentation|Aborted|core dumped' $work/missing.log $work/bad.log $work/mode.log"

# ---- the mode comparison's kernel ----------------------------------------------
$D --screenshot "$work/nope.png" --compare nope --run-cycles 1000 > "$work/nope.log" 2>&1
rc=$?
said=$(grep -c "unknown kernel 'nope'" "$work/nope.log")
check "unknown --compare kernel: exit 1, said once, no PNG" "[ $rc -eq 1 ] && [ $said -eq 1 ] && [ ! -e $work/nope.png ]"

# ---- a screen smaller than the window ---------------------------------------------
# (xvfb-run's default screen, 1280x1024): the warning names the screen.
xvfb-run -a -s "-screen 0 1280x1024x24" $D --screenshot "$work/small.png" --run-cycles 1000 $CMP > "$work/small.log" 2>&1
rc=$?
check "a screen too small for --size: exit 0, the warning says the screen is 1280x1024" \
    "[ $rc -eq 0 ] && grep -q 'the screen is only 1280x1024, too small for a 1400x900 window' $work/small.log"

# ---- widget tests (cmocka) -----------------------------------------------------
$T -q --json "$work/default.json" > /dev/null 2>&1
$T run vmm/scenarios/containment.json -q --json "$work/containment.json" > /dev/null 2>&1
MIXED=labs/05-full-para-emulated/mixed.json
$T run $MIXED -q --json "$work/mixed.json" > /dev/null 2>&1
export TRAPEZE_CLI_CASES="-=$work/default.json;vmm/scenarios/containment.json=$work/containment.json;$MIXED=$work/mixed.json"
export TRAPEZE_SCREENSHOTS="$work/en.png=1400x900;$work/ko.png=1600x1000;$work/end.png=1400x900"
CMOCKA_MESSAGE_OUTPUT=TAP "$W" > "$work/widgets.out" 2>"$work/widgets.err"
status=$?
while IFS= read -r line; do
    case $line in
    "ok "*) ok "widgets: ${line#ok * - }" ;;
    "not ok "*) not_ok "widgets: ${line#not ok * - }" ;;
    "#"*) echo "$line" ;;
    esac
done < "$work/widgets.out"
check "widget tests exit 0" "[ $status -eq 0 ]"
[ $status -eq 0 ] || sed 's/^/# /' "$work/widgets.err"
tap_done
