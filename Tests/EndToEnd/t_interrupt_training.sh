# Ctrl-C during the training loop stops it; the session goes on and the model is usable.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e
start_shell 100 30
wait_prompt 10
while IFS= read -r line; do
  case "$line" in '#'*|'') continue ;; esac
  case "$line" in for*) break ;; esac
  type_line "$line"
  wait_prompt 60
done < "$(dirname "$0")/tutorial.py"
type_line "for _ in range(10**7):"
type_line "  batch_xs, batch_ys = mnist.train.next_batch(100)"
type_line "  sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})"
type_line ""
wait_for 'training: step' 20
keys C-c
wait_for '^KeyboardInterrupt' 10
wait_prompt 10
type_line "correct_prediction = tf.equal(tf.argmax(y,1), tf.argmax(y_,1))"
type_line "accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))"
type_line "print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))"
wait_for '^0\.[0-9]+$' 30
keys C-d
expect_sane_tty
