# Tab completes by context: module attributes, a data set's members, shell commands.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e
start_shell 100 30
wait_prompt 10
type_line "import tensorflow as tf"
wait_prompt 10
keys -l "tf.nn.so"; keys Tab
wait_for '^>>> tf\.nn\.softmax' 5
keys C-u
type_line "from tensorflow.examples.tutorials.mnist import input_data"
wait_prompt 10
type_line 'mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)'
wait_prompt 30
keys -l "mnist.tr"; keys Tab
wait_for '^>>> mnist\.train' 5
keys -l ".next_b"; keys Tab
wait_for '^>>> mnist\.train\.next_batch' 5
keys C-u
keys -l ":hel"; keys Tab
wait_for '^>>> :help' 5
keys C-u
keys C-d
expect_sane_tty
