# :draw with the keyboard and with the mouse (SGR 1006 reports under TERM=xterm-256color, as
# terminal.md describes): the prediction shown is checked, Enter keeps the drawing as `drawn`.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e
mkdir -p "$E2E_TMP/work"
# Like start_shell, but with TERM=xterm-256color so that ncurses decodes SGR mouse reports.
tm -f /dev/null new-session -d -s e2e -x 120 -y 40 \
  "cd '$E2E_TMP/work' && env MNIST_SHELL_HOME='$MNIST_SHELL_HOME' LANG=C.UTF-8 TERM=xterm-256color '$SHELL_BIN'; echo '[exit '\$?']'; stty -a | tr '\n' ' ' | sed 's/^/[stty] /'; echo; sleep 600"
wait_prompt 10
while IFS= read -r line; do
  case "$line" in '#'*|'') continue ;; esac
  case "$line" in for*) break ;; esac
  type_line "$line"
  wait_prompt 60
done < "$(dirname "$0")/tutorial.py"
type_line ":train 1000"
wait_for 'done: 1000 steps' 120
keys q
wait_for '^trained 1000 steps' 10
wait_prompt 10
# Keyboard: a vertical stroke is a 1.
type_line ":draw"
wait_for 'draw a digit' 10
keys Up Up Up Up Up Up Up Up Space
for _ in $(seq 16); do keys Down; done
wait_for 'the model says 1 ' 10
keys w
wait_for 'why 1 and not' 5
tm resize-window -t e2e -x 50 -y 12
wait_for 'needs at least' 10
tm resize-window -t e2e -x 120 -y 40
wait_for 'why 1 and not' 10
keys Enter
wait_for 'drawn: your digit as the model sees it  predicted 1' 10
wait_prompt 10
type_line "print(sess.run(tf.argmax(y, 1), feed_dict={x: drawn}))"
wait_for '^\[1\]' 10
# Mouse: a horizontal bar then a stroke down from its right end (a 7), drawn with SGR reports.
# At 120x40 the canvas is 56x28 cells (two columns, one row a pixel) from row 2 of the screen.
type_line ":draw"
wait_for 'draw a digit' 10
sgr() { tm send-keys -t e2e -l "$(printf '\033[<%s;%d;%d%s' "$1" "$2" "$3" "$4")"; }
sgr 0 15 8 M
for x in $(seq 17 2 41); do sgr 32 "$x" 8 M; done
for y in $(seq 9 26); do sgr 32 $((41 - (y - 8) / 2)) "$y" M; done
sgr 0 33 26 m
wait_for 'the model says 7 ' 10
keys u
wait_for 'Draw a digit: the model' 10
keys c q
wait_prompt 10
type_line "print(drawn.shape)"
wait_for '^\(1, 784\)' 10
keys C-d
expect_sane_tty
