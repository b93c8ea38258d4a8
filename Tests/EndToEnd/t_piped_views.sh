# Views print plain text into a pipe (no escape codes), and say what they need first.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e
cd "$E2E_TMP"
out=$(printf '%s\n' ':weights' ':digit test 0' \
  'from tensorflow.examples.tutorials.mnist import input_data' \
  'mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)' \
  ':digit test 0' ':nosuchcommand' | "$SHELL_BIN" 2>&1)
echo "$out" | head -60
if printf '%s' "$out" | grep -q $'\x1b'; then echo "escape codes in piped output"; exit 1; fi
echo "$out" | grep -q "no model yet" || echo "$out" | grep -q "needs a \[784, 10\] weight variable"
echo "$out" | grep -q "no MNIST data is loaded yet"
echo "$out" | grep -q "test\[0\]  label 7"
echo "$out" | grep -Eq '[@#%*+=]{3,}'        # ASCII shading of the digit
echo "$out" | grep -q "unknown command ':nosuchcommand'"
