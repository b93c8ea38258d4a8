# TERM unknown to terminfo, and TERM=dumb: the shell starts (an unknown TERM gets a clear note and
# plain line editing), runs statements, shows views inline instead of full screen, and leaves the
# terminal sane.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e

SHELL_ENV="TERM=xterm-nonexistent"
start_shell 100 34
wait_prompt 10
expect_screen 'No entry for terminal type "xterm-nonexistent"'
type_line "1+1"
wait_for '^2$' 10
wait_prompt 10
load_data
type_line ":digit test 0"
wait_for '^test\[0\]  label 7' 10
wait_prompt 10
type_line ":browse"
wait_for 'full-screen views cannot run on this terminal \(TERM=xterm-nonexistent\)' 10
wait_prompt 10
# The model, then :train: without a dashboard it trains in place (it used to train 0 steps).
while IFS= read -r line; do
  case "$line" in '#'*|''|*read_data_sets*|*import\ input_data) continue ;; for*) break ;; esac
  type_line "$line"
  wait_prompt 30
done < "$(dirname "$0")/tutorial.py"
type_line ":train 50"
wait_for '^trained 50 steps \(step 0 → 50\)' 60
wait_prompt 10
type_line ":plot"
wait_for 'training \(50 steps\)' 10
wait_prompt 10
keys C-d
expect_sane_tty

SHELL_ENV="TERM=dumb"
restart_shell 100 34
wait_prompt 10
type_line "x = 6 * 7"
wait_prompt 10
type_line "print(x)"
wait_for '^42$' 10
wait_prompt 10
load_data
type_line ":browse test"
wait_for '\(full-screen views need a terminal\)' 10
wait_for '^test\[0\]  label 7' 10
wait_prompt 10
# plain mode: no colour or other attributes anywhere on the screen
if tm capture-pane -p -e -t e2e | grep -q $'\e\['; then echo "    escape codes with TERM=dumb" >&2; exit 1; fi
keys C-d
expect_sane_tty
