# labs/lib/check-lib.sh — what every lab's check.sh shares (POSIX sh).
#
# A checker never trusts a number written down in advance: it runs trapeze
# itself, reads the figures from trapeze's own output (--json, --events, the
# console), and compares them with the student's answers.txt. It prints one
# line per question, ✓ or ✗, with a hint in the student's language, and never
# the expected value itself. Exit status: 0 when every answer is right, 1 when
# some are wrong or missing, 2 when the checker could not run at all.
#
# The answers file is read strictly, so that a slip is reported instead of
# being graded as something the student did not mean: a question answered
# twice is an error (which answer counts would be a guess), a key that is not
# a question of the lab and a line that is not "key = value" are warned about,
# and a figure must be one number ("0 0" is not 0).
#
# Usage inside a lab's check.sh:
#     LAB_DIR=$(cd "$(dirname "$0")" && pwd)
#     . "$LAB_DIR/../lib/check-lib.sh"
#     lab_init "$@"                       # finds trapeze, answers.txt, the language
#     lab_run native --kernel "$(lab_kernel hello)" --stats
#     lab_int q1 "$(json_get native exceptions.ecall_from_s)" "hint" "힌트"
#     lab_finish
#
# Environment: TRAPEZE (the trapeze binary), BUILD (build directory, default
# "build", relative to the repository root), LANG/LC_ALL/LC_MESSAGES (ko* for
# Korean hints).

# ---- setup --------------------------------------------------------------------

LAB_ROOT=$(cd "$LAB_DIR/../.." && pwd)
LAB_NAME=$(basename "$LAB_DIR")
LAB_PASS=0
LAB_FAIL=0

# The student's language: the first of LC_ALL, LC_MESSAGES, LANG that is set
# decides (the POSIX order of precedence).
lab_lang() {
    l=${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}
    case $l in ko*) echo ko ;; *) echo en ;; esac
}
LAB_LANG=$(lab_lang)

# msg EN KO: print the message in the student's language.
msg() { if [ "$LAB_LANG" = ko ]; then printf '%s\n' "$2"; else printf '%s\n' "$1"; fi; }

lab_die() {   # EN KO: the checker itself cannot go on
    msg "check.sh: $1" "check.sh: $2" >&2
    exit 2
}

# lab_init [ANSWERS_FILE]: find trapeze and the answers; make a work directory;
# read the answers file (see lab_read_answers).
lab_init() {
    case ${1:-} in
    -h|--help)
        msg "usage: $0 [ANSWERS_FILE]   (default: answers.txt in $LAB_DIR)" \
            "사용법: $0 [답안_파일]   (기본값: $LAB_DIR 의 answers.txt)"
        exit 0 ;;
    esac
    [ $# -le 1 ] || lab_die "one answers file at most (usage: $0 [ANSWERS_FILE])" \
        "답안 파일은 하나만 지정할 수 있습니다 (사용법: $0 [답안_파일])"
    LAB_ANSWERS=${1:-$LAB_DIR/answers.txt}
    # the name the student knows the file by, for the per-question messages
    LAB_ANSWERS_NAME=${1:-answers.txt}
    if [ -n "${TRAPEZE:-}" ]; then
        LAB_T=$TRAPEZE
    else
        b=${BUILD:-build}
        case $b in /*) ;; *) b=$LAB_ROOT/$b ;; esac
        LAB_T=$b/trapeze
    fi
    [ -x "$LAB_T" ] || lab_die "cannot find trapeze at '$LAB_T': run 'make' in $LAB_ROOT first (or set TRAPEZE=/path/to/trapeze)" \
        "'$LAB_T'에서 trapeze를 찾을 수 없습니다: 먼저 $LAB_ROOT 에서 'make'를 실행하세요 (또는 TRAPEZE=/경로/trapeze 를 지정하세요)"
    LAB_RV32=$(cd "$(dirname "$LAB_T")" && pwd)/rv32
    [ -f "$LAB_ANSWERS" ] || lab_die "no answers file '$LAB_ANSWERS': copy answers.template.txt to answers.txt and fill it in" \
        "답안 파일 '$LAB_ANSWERS'이(가) 없습니다: answers.template.txt를 answers.txt로 복사한 뒤 답을 채우세요"
    [ -r "$LAB_ANSWERS" ] || lab_die "cannot read the answers file '$LAB_ANSWERS'" \
        "답안 파일 '$LAB_ANSWERS'을(를) 읽을 수 없습니다"
    LAB_WORK=$(mktemp -d "${TMPDIR:-/tmp}/trapeze-lab.XXXXXX") || lab_die "cannot create a temporary directory" "임시 디렉터리를 만들 수 없습니다"
    trap 'rm -rf "$LAB_WORK"' EXIT
    trap 'rm -rf "$LAB_WORK"; exit 2' HUP INT PIPE TERM
    msg "== $LAB_NAME: checking $LAB_ANSWERS (running trapeze to measure the true figures...)" \
        "== $LAB_NAME: $LAB_ANSWERS 채점 중 (정답 수치를 재기 위해 trapeze를 실행합니다...)"
    lab_read_answers
}

# lab_kernel NAME: the path of a guest kernel ELF built with trapeze.
lab_kernel() { echo "$LAB_RV32/guests/$1/$1.elf"; }

# lab_run TAG [EXPECTED_STATUS] -- ARGS...: run `trapeze run ARGS` with its
# console in $LAB_WORK/TAG.out, stderr in TAG.err, figures in TAG.json (and
# flattened in TAG.flat), and its exit status in LAB_RC. A status other than
# EXPECTED_STATUS (default 0) means the run itself went wrong.
lab_run() {
    tag=$1; shift
    want=0
    if [ "$1" != -- ]; then want=$1; shift; fi
    shift   # --
    "$LAB_T" run "$@" --json "$LAB_WORK/$tag.json" >"$LAB_WORK/$tag.out" 2>"$LAB_WORK/$tag.err"
    LAB_RC=$?
    if [ "$LAB_RC" -ne "$want" ]; then
        sed 's/^/    /' "$LAB_WORK/$tag.err" >&2
        lab_die "'trapeze run $*' ended with status $LAB_RC (expected $want)" \
            "'trapeze run $*'이(가) 종료 상태 ${LAB_RC}로 끝났습니다 (기대값 $want)"
    fi
    json_flatten <"$LAB_WORK/$tag.json" >"$LAB_WORK/$tag.flat"
}

# lab_scenario FILE: a scenario of this lab, by file name.
lab_scenario() { echo "$LAB_DIR/$1"; }

# ---- reading trapeze's output ------------------------------------------------

# json_flatten: JSON on stdin → one "path<TAB>value" line per scalar, e.g.
# "guests.0.traps.illegal_instruction	55". Strings lose their quotes.
json_flatten() {
    awk '
    BEGIN { RS = "\001"; }
    {
        s = $0; n = length(s); i = 1; depth = 0;
        while (i <= n) {
            c = substr(s, i, 1);
            if (c == "{" || c == "[") {
                p = (depth == 0) ? "" : path_here();
                depth++; kind[depth] = c; idx[depth] = 0; pre[depth] = p;
                haskey = 0; i++; continue;
            }
            if (c == "}" || c == "]") { depth--; haskey = 0; i++; continue; }
            if (c == ",") { if (kind[depth] == "[") idx[depth]++; haskey = 0; i++; continue; }
            if (c == ":" || c ~ /[ \t\r\n]/) { i++; continue; }
            if (c == "\"") {
                j = i + 1; v = "";
                while (j <= n) {
                    d = substr(s, j, 1);
                    if (d == "\\") { v = v substr(s, j + 1, 1); j += 2; continue; }
                    if (d == "\"") break;
                    v = v d; j++;
                }
                i = j + 1;
                # a string followed by ":" is a key
                k = i; while (k <= n && substr(s, k, 1) ~ /[ \t\r\n]/) k++;
                if (kind[depth] == "{" && !haskey && substr(s, k, 1) == ":") { keyd[depth] = v; haskey = 1; continue; }
                emit(v); continue;
            }
            j = i; while (j <= n && substr(s, j, 1) !~ /[,}\] \t\r\n]/) j++;
            emit(substr(s, i, j - i)); i = j;
        }
    }
    function path_here(   q) {
        q = pre[depth];
        if (kind[depth] == "[") q = q (q == "" ? "" : ".") idx[depth];
        else q = q (q == "" ? "" : ".") keyd[depth];
        return q;
    }
    function emit(v) { print path_here() "\t" v; haskey = 0; }
    '
}

# json_get TAG PATH: the value at PATH in run TAG's figures; empty if absent.
json_get() { awk -F '\t' -v p="$2" '$1 == p { print $2; exit }' "$LAB_WORK/$1.flat"; }

# json_num TAG PATH: like json_get, but 0 when absent (a cause never taken is
# simply not listed).
json_num() { v=$(json_get "$1" "$2"); echo "${v:-0}"; }

# guest_index TAG NAME: the index of guest NAME in run TAG's "guests" array.
guest_index() {
    awk -F '\t' -v n="$2" '$1 ~ /^guests\.[0-9]+\.name$/ && $2 == n { split($1, a, "."); print a[2]; exit }' \
        "$LAB_WORK/$1.flat"
}

# guest_get TAG NAME FIELD / guest_num TAG NAME FIELD: a per-guest figure.
guest_get() { i=$(guest_index "$1" "$2"); [ -n "$i" ] && json_get "$1" "guests.$i.$3"; }
guest_num() { v=$(guest_get "$1" "$2" "$3"); echo "${v:-0}"; }

# guest_sum TAG NAME GROUP: the sum of a per-guest group of counters, e.g.
# every trap cause: guest_sum run chatty traps.
guest_sum() {
    i=$(guest_index "$1" "$2")
    awk -F '\t' -v p="guests.$i.$3." 'index($1, p) == 1 { s += $2 } END { print s + 0 }' "$LAB_WORK/$1.flat"
}

# calc EXPR: arithmetic with decimals (awk), e.g. calc "100 * (3 - 2) / 2".
calc() { awk "BEGIN { printf \"%.6f\n\", $1 }"; }

# ---- the student's answers ---------------------------------------------------

# answers_table FILE: FILE's "key = value" lines → one line per key,
# "key<TAB>count<TAB>answer lines<TAB>first line<TAB>value" (key and value
# trimmed and lower-cased, "#" starts a comment, a UTF-8 byte-order mark is
# dropped). A line with an empty value ("q3 =", as in the template) answers
# nothing and is not counted; a key answered more than once keeps the numbers
# of all its lines and the last value ("-" when it has none). A line that is
# not "key = value" comes out as "=bad<TAB>0<TAB>-<TAB>line number<TAB>" ("="
# can never be in a key). No field but the value is ever empty: the shell's
# read would merge two tabs.
answers_table() {
    awk '
        NR == 1 { sub(/^\357\273\277/, ""); }
        { sub(/#.*/, ""); sub(/\r$/, ""); }
        /^[ \t]*$/ { next }
        !index($0, "=") { print "=bad\t0\t-\t" NR "\t"; next }
        {
            key = substr($0, 1, index($0, "=") - 1); val = substr($0, index($0, "=") + 1);
            gsub(/^[ \t]+|[ \t]+$/, "", key); gsub(/^[ \t]+|[ \t]+$/, "", val);
            if (key == "") { print "=bad\t0\t-\t" NR "\t"; next }
            key = tolower(key);
            if (!(key in first)) { first[key] = NR; order[++nk] = key; }
            if (val == "") next;
            n[key]++; lines[key] = lines[key] (lines[key] == "" ? "" : ", ") NR; v[key] = tolower(val);
        }
        END { for (i = 1; i <= nk; i++) { k = order[i]; print k "\t" (n[k] + 0) "\t" (n[k] ? lines[k] : "-") "\t" first[k] "\t" v[k]; } }
    ' "$1"
}

# lab_read_answers: read the student's file into $LAB_WORK/answers.tab, and
# warn (without failing) about keys that are no question of this lab (the
# keys of answers.template.txt) and about lines that are not "key = value".
lab_read_answers() {
    answers_table "$LAB_ANSWERS" >"$LAB_WORK/answers.tab"
    answers_table "$LAB_DIR/answers.template.txt" | cut -f1 >"$LAB_WORK/questions"
    tab=$(printf '\t')
    while IFS=$tab read -r k _ _ ln _; do
        if [ "$k" = "=bad" ]; then
            msg "  ! line $ln of $LAB_ANSWERS_NAME is not 'key = value': ignored" \
                "  ! ${LAB_ANSWERS_NAME}의 ${ln}행은 '키 = 값' 형식이 아니어서 무시합니다"
        elif ! grep -qxF -- "$k" "$LAB_WORK/questions"; then
            msg "  ! unknown key $k in $LAB_ANSWERS_NAME (line $ln): this lab has no such question; ignored" \
                "  ! 알 수 없는 키 $k (${LAB_ANSWERS_NAME} ${ln}행): 이 실습에 없는 문항이라 무시합니다"
        fi
    done <"$LAB_WORK/answers.tab"
}

# lab_answer KEY: set LAB_A to the student's value for KEY and return 0; or,
# when KEY is unanswered or answered more than once, count it as wrong, say
# why, and return 1.
lab_answer() {
    row=$(awk -F '\t' -v k="$1" '$1 == k { print; exit }' "$LAB_WORK/answers.tab")
    count=$(printf '%s' "$row" | cut -f2)
    LAB_A=$(printf '%s' "$row" | cut -f5-)
    case ${count:-0} in
    0) lab_missing "$1"; return 1 ;;
    1) return 0 ;;
    *) lab_twice "$1" "$(printf '%s' "$row" | cut -f3)"; return 1 ;;
    esac
}

# to_number TEXT: the number TEXT holds, or empty if TEXT is not exactly one
# number. Decimal or 0x-hex; a percentage may end in "%"; thousands may be
# grouped with commas ("1,234"). Anything else is not a number: "0 0",
# "1,5" (a decimal comma would silently become 15), "12abc".
to_number() {
    printf '%s\n' "$1" | awk '{
        s = $0; gsub(/^[ \t]+|[ \t]+$/, "", s);
        sub(/[ \t]*%$/, "", s);
        # mawk has no {m,n} repetition: 1 to 3 digits, then groups of exactly 3
        if (s ~ /^[-+]?[0-9]([0-9][0-9]?)?(,[0-9][0-9][0-9])+(\.[0-9]*)?$/) gsub(/,/, "", s);
        if (s ~ /^0x[0-9a-f]+$/) {
            v = 0; h = "0123456789abcdef";
            for (i = 3; i <= length(s); i++) v = v * 16 + index(h, substr(s, i, 1)) - 1;
            printf "%.0f\n", v; exit;
        }
        # "%.12g": a bare print would round a decimal to 6 significant digits
        if (s ~ /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)$/) printf "%.12g\n", s + 0;
    }'
}

# ---- verdicts ------------------------------------------------------------------

lab_ok() { LAB_PASS=$((LAB_PASS + 1)); printf '  ✓ %s\n' "$1"; }
lab_bad() {   # KEY HINT_EN HINT_KO
    LAB_FAIL=$((LAB_FAIL + 1))
    if [ "$LAB_LANG" = ko ]; then printf '  ✗ %s — 힌트: %s\n' "$1" "$3"
    else printf '  ✗ %s — hint: %s\n' "$1" "$2"; fi
}
lab_missing() {
    LAB_FAIL=$((LAB_FAIL + 1))
    msg "  ✗ $1 — no answer in $LAB_ANSWERS_NAME (write '$1 = ...')" \
        "  ✗ $1 — ${LAB_ANSWERS_NAME}에 답이 없습니다 ('$1 = ...' 형식으로 쓰세요)"
}
lab_twice() {   # KEY LINES
    LAB_FAIL=$((LAB_FAIL + 1))
    msg "  ✗ $1 — answered more than once in $LAB_ANSWERS_NAME (lines $2): keep one answer" \
        "  ✗ $1 — ${LAB_ANSWERS_NAME}에 답이 두 번 이상 있습니다 (${2}행): 하나만 남기세요"
}
lab_nan() {
    LAB_FAIL=$((LAB_FAIL + 1))
    msg "  ✗ $1 — expected one number, got '$2' (decimals take '.'; ',' only groups thousands)" \
        "  ✗ $1 — 숫자 하나를 써야 합니다 (입력: '$2'; 소수점은 '.', ','는 천 단위 구분에만 씁니다)"
}

# How close a figure must be. Every lab sheet states these next to the
# questions. A percentage is right within 0.05 percentage points: one decimal,
# correctly rounded, always passes, yet figures 0.1 point apart (compute's
# full vs para overhead) are told apart. A ratio or an average is right
# within 1 % of the true value: close enough to reject the usual slips (the
# ratio minus one, the machine's M-mode cycles for the VMM's own).
LAB_PCT_TOL=0.05
LAB_REL_TOL=0.01

# lab_num KEY EXPECTED ABS_TOLERANCE HINT_EN HINT_KO: a figure, right when
# |answer - expected| <= tolerance.
lab_num() {
    lab_answer "$1" || return 0
    a=$LAB_A
    v=$(to_number "$a")
    [ -n "$v" ] || { lab_nan "$1" "$a"; return; }
    [ -n "$2" ] || lab_die "$1: trapeze did not report the figure this question needs" \
        "$1: 이 문항에 필요한 수치를 trapeze가 보고하지 않았습니다"
    if awk -v a="$v" -v e="$2" -v t="$3" 'BEGIN { d = a - e; if (d < 0) d = -d; exit !(d <= t + 1e-9) }'
    then lab_ok "$1"; else lab_bad "$1" "$4" "$5"; fi
}

# lab_pct KEY EXPECTED HINT_EN HINT_KO: a percentage, within LAB_PCT_TOL points.
lab_pct() { lab_num "$1" "$2" "$LAB_PCT_TOL" "$3" "$4"; }

# lab_int KEY EXPECTED HINT_EN HINT_KO: an exact count.
lab_int() { lab_num "$1" "$2" 0 "$3" "$4"; }

# lab_rel KEY EXPECTED REL_TOLERANCE HINT_EN HINT_KO: within a fraction of
# the expected value (0.02 = 2 %).
lab_rel() {
    t=$(awk -v e="$2" -v r="$3" 'BEGIN { if (e < 0) e = -e; printf "%.6f", e * r }')
    lab_num "$1" "$2" "$t" "$4" "$5"
}

# lab_word KEY EXPECTED HINT_EN HINT_KO: a word measured from the run
# (compared case-insensitively; "-" and "_" and spaces are the same).
lab_word() {
    lab_answer "$1" || return 0
    a=$LAB_A
    [ -n "$2" ] || lab_die "$1: trapeze did not report what this question needs" \
        "$1: 이 문항에 필요한 값을 trapeze가 보고하지 않았습니다"
    na=$(printf '%s' "$a" | tr 'A-Z -' 'a-z__')
    ne=$(printf '%s' "$2" | tr 'A-Z -' 'a-z__')
    if [ "$na" = "$ne" ]; then lab_ok "$1"; else lab_bad "$1" "$3" "$4"; fi
}

# lab_choice KEY SHA256 HINT_EN HINT_KO: a reasoning question (a letter, or
# yes/no). The checker stores only a hash of "LAB:KEY:answer", so reading
# check.sh does not give the answer away.
lab_hash() { printf '%s' "$LAB_NAME:$1:$2" | sha256sum | cut -d' ' -f1; }
lab_choice() {
    lab_answer "$1" || return 0
    a=$(printf '%s' "$LAB_A" | tr -d ' ().')
    case $a in yes|y|true|예|네) a=yes ;; no|n|false|아니오|아니요) a=no ;; esac
    a=${a#type}; a=${a%형}   # "type 1", "1형" → "1"
    if [ "$(lab_hash "$1" "$a")" = "$2" ]; then lab_ok "$1"; else lab_bad "$1" "$3" "$4"; fi
}

lab_finish() {
    total=$((LAB_PASS + LAB_FAIL))
    if [ "$LAB_FAIL" -eq 0 ]; then
        msg "== $LAB_NAME: all $total answers are right." "== $LAB_NAME: $total 문항 모두 맞았습니다."
        exit 0
    fi
    msg "== $LAB_NAME: $LAB_PASS of $total right; fix the ✗ answers and run check.sh again." \
        "== $LAB_NAME: $total 문항 중 $LAB_PASS 문항이 맞았습니다. ✗ 표시된 답을 고친 뒤 check.sh를 다시 실행하세요."
    exit 1
}
