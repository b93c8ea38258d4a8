# Helpers for end-to-end tests that drive mnist-shell in a real terminal (tmux).
# Each test runs in its own tmux server (socket) so tests never see each other.

: "${SHELL_BIN:?SHELL_BIN must point at the mnist-shell binary}"

E2E_TMP=$(mktemp -d /tmp/mnist-e2e.XXXXXX)
SOCK="$E2E_TMP/tmux.sock"
export MNIST_SHELL_HOME="$E2E_TMP/home"
mkdir -p "$MNIST_SHELL_HOME"

tm() { tmux -S "$SOCK" "$@"; }

# start_shell COLS ROWS [ARGS...]: runs mnist-shell in a fresh tmux window, in $E2E_TMP/work.
# SHELL_ENV (e.g. "LC_ALL=C TERM=dumb") adds or overrides environment variables for the shell.
SHELL_ENV=${SHELL_ENV:-}
start_shell() {
  local cols=$1 rows=$2; shift 2
  mkdir -p "$E2E_TMP/work"
  tm -f /dev/null new-session -d -s e2e -x "$cols" -y "$rows" \
    "cd '$E2E_TMP/work' && env MNIST_SHELL_HOME='$MNIST_SHELL_HOME' LANG=C.UTF-8 TERM=tmux-256color $SHELL_ENV '$SHELL_BIN' $*; echo '[exit '\$?']'; stty -a | tr '\n' ' ' | sed 's/^/[stty] /'; echo; sleep 600"
}

screen() { tm capture-pane -p -J -S -200 -t e2e; }

# wait_for REGEX [SECONDS]: polls the screen until REGEX matches (grep -E).
wait_for() {
  local re=$1 limit=${2:-20} waited=0
  while ! screen | grep -Eq -- "$re"; do
    sleep 0.1; waited=$((waited + 1))
    if [ "$waited" -ge $((limit * 10)) ]; then
      echo "    timed out after ${limit}s waiting for /$re/; screen was:" >&2
      screen | sed 's/^/    | /' | tail -40 >&2
      return 1
    fi
  done
}

# type_line TEXT: types TEXT literally and presses Enter.
type_line() { tm send-keys -t e2e -l -- "$1"; tm send-keys -t e2e Enter; }
keys() { tm send-keys -t e2e "$@"; }

# expect_screen REGEX: the current screen must match.
expect_screen() {
  if ! screen | grep -Eq -- "$1"; then
    echo "    expected /$1/ on screen; screen was:" >&2
    screen | sed 's/^/    | /' | tail -40 >&2
    return 1
  fi
}

# the terminal after the shell exited must be cooked again
expect_sane_tty() {
  wait_for '\[stty\]' 10 || return 1
  local line; line=$(screen | grep '\[stty\]')
  echo "$line" | grep -q ' icanon' && echo "$line" | grep -q ' echo ' || {
    echo "    terminal not restored: $line" >&2; return 1; }
}

# restart_shell COLS ROWS [ARGS...]: ends the tmux server and starts the shell again.
restart_shell() {
  tm kill-server 2>/dev/null || true
  local i=0
  while tm has-session 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  sleep 0.2
  start_shell "$@"
}

cleanup() {
  tm kill-server 2>/dev/null || true
  sleep 0.2
  rm -rf "$E2E_TMP" 2>/dev/null || true
  return 0
}

# last_line: the last non-blank line of the screen.
last_line() { screen | sed -e 's/[[:space:]]*$//' | grep -v '^$' | tail -1; }

# wait_prompt [SECONDS]: waits until the last non-blank line is a fresh '>>>' prompt.
wait_prompt() {
  local limit=${1:-20} waited=0
  while ! last_line | grep -Eq '^>>>$'; do
    sleep 0.1; waited=$((waited + 1))
    if [ "$waited" -ge $((limit * 10)) ]; then
      echo "    timed out after ${limit}s waiting for a prompt; screen was:" >&2
      screen | sed 's/^/    | /' | tail -40 >&2
      return 1
    fi
  done
}

# load_data: imports input_data and reads MNIST into `mnist` at the prompt (the bundled copy).
load_data() {
  type_line "from tensorflow.examples.tutorials.mnist import input_data"
  wait_prompt 10
  type_line 'mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)'
  wait_for 'Extracting MNIST_data/t10k-labels' 60
  wait_prompt 60
}
