# History survives a restart: a line typed in one run is recalled with Up in the next.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e
start_shell 80 24
wait_prompt 10
type_line "answer = 6 * 7"
wait_prompt 5
keys C-d
expect_sane_tty
[ -s "$MNIST_SHELL_HOME/state/history" ] || { echo "no history file written"; exit 1; }
restart_shell 80 24
wait_prompt 10
keys Up
wait_for '^>>> answer = 6 \* 7' 5
keys Enter
type_line "answer"
wait_for '^42$' 5
keys C-d
expect_sane_tty
