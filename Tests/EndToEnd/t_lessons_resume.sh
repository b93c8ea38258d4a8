# A learner types lessons 1 to 3, quits, and the next run resumes at lesson 4.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e
start_shell 110 40
wait_for 'Lesson 1 of 14' 10
wait_prompt 5
type_line ":help"
wait_for '^\[ok\]' 5
type_line "answer = 6 * 7"
wait_for 'Lesson 1 done' 10
type_line ":next"
wait_for 'Lesson 2 of 14' 10
type_line "from tensorflow.examples.tutorials.mnist import input_data"
wait_prompt 10
type_line 'mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)'
wait_for 'Extracting MNIST_data/t10k-labels' 60
wait_prompt 60
type_line "mnist.train.images.shape"
wait_for '^\(55000, 784\)' 10
type_line ":digit train 0"
wait_for 'train\[0\]  label [0-9]' 10
type_line "mnist.train.labels[0]"
wait_for 'Lesson 2 done' 10
type_line ":next"
wait_for 'Lesson 3 of 14' 10
type_line "total = 2.718 + 7.389 + 20.086"
wait_prompt 5
type_line "probs = [2.718 / total, 7.389 / total, 20.086 / total]"
wait_for 'All at once' 10
type_line ":next"
wait_for 'Lesson 4 of 14|Type :next for lesson 4' 10
if ! screen | grep -q 'Lesson 4 of 14'; then type_line ":next"; wait_for 'Lesson 4 of 14' 10; fi
wait_prompt 5
keys C-d
expect_sane_tty
restart_shell 110 40
wait_for 'Lesson 4 of 14' 120
wait_prompt 60
type_line ":lessons"
wait_for '4' 5
keys C-d
expect_sane_tty
