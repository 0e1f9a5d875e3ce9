# tests/lib/guests.sh — reading a VMM run's console in the test suites.
#
# Under the VMM every line a guest prints reaches the console prefixed with
# "[name] "; a guest is correct when, prefix removed, it printed exactly
# what the same kernel prints on the bare machine, kept in
# tests/integration/expected/<kernel>.out. Sourced after tests/lib/tap.sh
# (it writes into $work).

EXP=${EXP:-tests/integration/expected}

# guest_output LOG NAME: the lines guest NAME printed, prefix removed
guest_output() { sed -n "s/^\[$2\] //p" "$1"; }

# same_as_native LOG NAME [KERNEL]: succeeds when guest NAME printed exactly
# the native output of KERNEL (default: NAME); the differences, if any, stay
# in $work/NAME.diff for the reader.
same_as_native() {
    guest_output "$1" "$2" > "$work/$2.virt"
    diff -u "$EXP/${3:-$2}.out" "$work/$2.virt" > "$work/$2.diff"
}
