# A tiny terminal (20×8) and a huge one (300×100): the shell starts and works in both, the
# full-screen views say what size they need or fill the space, survive being resized while open
# (tiny → huge → tiny → medium), and the terminal is sane after exit.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e

start_shell 20 8
wait_prompt 10
type_line "1+1"
wait_for '^2$' 10
load_data
type_line ":browse"
wait_for 'needs at' 20
tm resize-window -t e2e -x 300 -y 100
wait_for 'test\[0\]  label 7' 10
keys j
wait_for 'test\[1\]  label 2' 10
tm resize-window -t e2e -x 20 -y 8
wait_for 'needs at' 10
keys j
tm resize-window -t e2e -x 80 -y 24
wait_for 'test\[2\]  label 1' 10
tm resize-window -t e2e -x 20 -y 8
wait_for 'needs at' 10
keys q
wait_prompt 10
type_line ":digit test 0"
wait_prompt 10
type_line "print(mnist.test.labels.shape)"
wait_for '^\(10000, 10\)' 10
wait_prompt 10
keys C-d
expect_sane_tty

restart_shell 300 100
wait_prompt 10
load_data
while IFS= read -r line; do
  case "$line" in '#'*|''|*read_data_sets*|*import\ input_data) continue ;; for*) break ;; esac
  type_line "$line"
  wait_prompt 30
done < "$(dirname "$0")/tutorial.py"
type_line ":train 300"
wait_for 'done: 300 steps' 60
expect_screen 'weights 9'
tm resize-window -t e2e -x 120 -y 40
sleep 0.3
tm resize-window -t e2e -x 300 -y 100
wait_for 'done: 300 steps' 10
keys q
wait_for '^trained 300 steps' 10
wait_prompt 10
type_line ":browse --confusion"
wait_for 'overall accuracy' 20
tm resize-window -t e2e -x 20 -y 8
wait_for 'needs at' 10
tm resize-window -t e2e -x 300 -y 100
wait_for 'overall accuracy' 10
keys q
wait_prompt 10
type_line ":digit test 0"
wait_for '^test\[0\]  label 7  predicted 7' 10
wait_prompt 10
keys C-d
expect_sane_tty
