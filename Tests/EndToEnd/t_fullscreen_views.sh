# The full-screen views (:browse, the confusion matrix, :train, :draw) and :step: open each, press
# its keys, resize the window, leave with q and with Ctrl-C, and find a working prompt and a sane
# terminal.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e
start_shell 110 36
wait_prompt 10
# Before there is any data, the views say what to do first.
type_line ":browse"
wait_for 'no MNIST data is loaded yet' 10
wait_prompt 10
# The tutorial up to the training loop, then :train instead of the loop.
while IFS= read -r line; do
  case "$line" in '#'*|'') continue ;; esac
  case "$line" in for*) break ;; esac
  type_line "$line"
  wait_prompt 60
done < "$(dirname "$0")/tutorial.py"
type_line ":draw"
wait_for 'no trained model yet' 10   # the canvas opens without a trained model
keys Escape
wait_prompt 10
type_line ":draw"
wait_for 'no trained model yet' 10
keys C-c                             # Ctrl-C leaves the canvas too
wait_prompt 10
# :train opens the dashboard: pause, one step, resume, resize, stop with Ctrl-C.
type_line ":train 100000"
wait_for 'steps/s' 20
wait_for 'validation accuracy' 20
keys Space
wait_for 'PAUSED' 10
before=$(screen | grep -oE '^step [0-9]+' | head -1)
keys s
wait_for 'PAUSED' 5
sleep 0.5
after=$(screen | grep -oE '^step [0-9]+' | head -1)
[ "$before" != "$after" ] || { echo "    s did not take a step ($before)" >&2; exit 1; }
keys Space
tm resize-window -t e2e -x 90 -y 30
sleep 0.5
tm resize-window -t e2e -x 50 -y 12
wait_for 'needs at least' 10
tm resize-window -t e2e -x 110 -y 36
wait_for 'weights 9' 10
keys C-c
wait_for '^trained [0-9]+ steps .*stopped early' 10
wait_prompt 10
# :step shows the loss before and after and the weight changes.
type_line ":step"
wait_for 'loss on this batch of 100 [0-9.]+ → [0-9.]+' 20
wait_prompt 10
# :browse: move, jump to a mistake, resize, leave.
type_line ":browse test"
wait_for 'test\[0\]  label 7  predicted' 20
keys j
wait_for 'test\[1\]  label 2' 5
keys m
wait_for '✗ mistake' 5
tm resize-window -t e2e -x 30 -y 10
wait_for 'needs at least' 10
tm resize-window -t e2e -x 110 -y 36
wait_for '✗ mistake' 10
keys q
wait_prompt 10
type_line ":browse --mistakes --label 3"
wait_for 'labelled 3, mistakes only' 20
wait_for 'label 3  predicted [0-24-9] ✗' 5
keys C-c
wait_prompt 10
# The confusion matrix: choose a cell, browse its images, back to the matrix, quit.
type_line ":browse --confusion"
wait_for 'overall accuracy' 20
wait_for 'label [0-9], predicted [0-9] \(wrong\)' 5
keys Enter
wait_for 'q back to the matrix' 10
keys q
wait_for 'overall accuracy' 5
keys C-c                             # Ctrl-C leaves the matrix
wait_prompt 10
# The session still works, and the terminal is sane after leaving.
type_line "correct_prediction = tf.equal(tf.argmax(y,1), tf.argmax(y_,1))"
type_line "accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))"
type_line "print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))"
wait_for '^0\.[89][0-9]+' 30
keys C-d
expect_sane_tty
