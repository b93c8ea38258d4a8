# No UTF-8 locale (LANG=C LC_ALL=C, then LC_ALL=POSIX): the shell switches its character type to
# C.UTF-8 (see the terminal notes), so statements run, non-ASCII input survives, and the views
# draw their block glyphs in tmux (a UTF-8 terminal) with no mojibake and no crash. With
# TERM=dumb as well, the inline views are drawn in ASCII.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e
no_mojibake() {
  if screen | grep -Eq 'Ã|â|Â|�|\?\?\?'; then
    echo "    mojibake on screen:" >&2; screen | tail -30 | sed 's/^/    | /' >&2; return 1
  fi
}
for locale in "LANG=C LC_ALL=C" "LANG= LC_ALL=POSIX"; do
  SHELL_ENV="$locale"
  restart_shell 100 34
  wait_prompt 10
  type_line 'print(1+1, len("héllo"), "é∑")'
  wait_for '^2 5 é∑$' 10
  wait_prompt 10
  load_data
  type_line ":digit test 0"
  wait_for '^test\[0\]  label 7' 10
  wait_prompt 10
  expect_screen '▀'
  no_mojibake
  type_line ":browse"
  wait_for 'test\[0\]  label 7' 20
  expect_screen '▀'
  expect_screen 'q back'
  no_mojibake
  keys q
  wait_prompt 10
  type_line "print(mnist.train.images.shape)"
  wait_for '^\(55000, 784\)' 10
  keys C-d
  expect_sane_tty
done

# TERM=dumb and no UTF-8 locale: plain text, and the views draw in ASCII.
SHELL_ENV="LANG=C LC_ALL=C TERM=dumb"
restart_shell 100 34
wait_prompt 10
load_data
type_line ":digit test 0"
wait_for '^test\[0\]  label 7' 10
wait_prompt 10
# (The shell's own words may still hold a "·" or "→": like Python 3.7+ in the C locale, text is UTF-8.)
view=$(screen | sed -n '/^test\[0\]  label 7/,/^>>>/p')
[ "$(echo "$view" | grep -c .)" -gt 8 ] || { echo "    no digit drawn: $view" >&2; exit 1; }
if echo "$view" | LC_ALL=C grep -q '[^ -~]'; then
  echo "    non-ASCII view with TERM=dumb LC_ALL=C:" >&2; echo "$view" | sed 's/^/    | /' >&2; exit 1
fi
keys C-d
expect_sane_tty
