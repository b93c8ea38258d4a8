# Mistakes give Python-style errors with hints, and every name survives them.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e
start_shell 100 40
wait_prompt 10
type_line "import tensorflow as tf"
type_line "x = tf.placeholder(tf.float32, [None, 784])"
type_line "W = tf.Variable(tf.zeros([10, 10]))"
wait_prompt 10
type_line "y = tf.matmul(x, W)"
wait_for "Dimensions must be equal, but are 784 and 10" 10
wait_prompt 5
type_line "z = tf.Variabel(1.0)"
wait_for "has no attribute 'Variabel'" 5
type_line "print(undefined_name)"
wait_for "NameError: name 'undefined_name' is not defined" 5
type_line "x = (1,"
type_line ""
type_line ")"
wait_prompt 5
type_line "if True"
wait_for "SyntaxError" 5
wait_prompt 5
type_line "print(W)"
wait_for "<tf.Variable 'Variable:0' shape=\(10, 10\) dtype=float32_ref>" 5
keys C-d
expect_sane_tty
