# Ctrl-C during a download and while reading the data from disk: the statement stops with
# KeyboardInterrupt, the prompt comes back and works, MNIST_data/ holds no partial file, and
# the terminal is sane after exit. The download comes from a local server that sends the files
# slowly (support/trickle_server.py); MNIST_SHELL_NO_BUNDLE turns the bundled copy off and
# MNIST_SHELL_MIRRORS points the shell at the server.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../../Sources/MNISTData/Resources/mnist"
server_pid=
stop_server() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; cleanup; }
trap stop_server EXIT
set -e
python3 -u "$here/support/trickle_server.py" "$data" 20000 >"$E2E_TMP/port" 2>"$E2E_TMP/server.log" &
server_pid=$!
for _ in $(seq 50); do [ -s "$E2E_TMP/port" ] && break; sleep 0.1; done
port=$(cat "$E2E_TMP/port")
[ -n "$port" ] || { echo "    the trickle server did not start" >&2; exit 1; }

# no_partial_files: MNIST_data/ may hold only whole files, never a temporary one.
no_partial_files() {
  local leftovers
  leftovers=$(ls -A "$E2E_TMP/work/MNIST_data" 2>/dev/null | grep -E '\.part|\.tmp|^\.' || true)
  [ -z "$leftovers" ] || { echo "    partial files left: $leftovers" >&2; return 1; }
}

SHELL_ENV="MNIST_SHELL_NO_BUNDLE=1 MNIST_SHELL_MIRRORS=http://127.0.0.1:$port/" start_shell 110 30
wait_prompt 10
type_line "from tensorflow.examples.tutorials.mnist import input_data"
wait_prompt 10
type_line 'mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)'
wait_for 'No bundled copy of MNIST found' 10
for _ in $(seq 100); do grep -q 'GET /train-images-idx3-ubyte.gz started' "$E2E_TMP/server.log" && break; sleep 0.1; done
sleep 1   # well into the file (about 20 KB of 9.9 MB)
keys C-c
wait_for 'KeyboardInterrupt' 10
wait_prompt 10
# The server saw the client go away long before the end of the file.
for _ in $(seq 50); do grep -q 'ended after' "$E2E_TMP/server.log" && break; sleep 0.1; done
ended=$(grep -oE 'GET /train-images-idx3-ubyte.gz ended after [0-9]+ of [0-9]+' "$E2E_TMP/server.log" | head -1)
sent=$(echo "$ended" | awk '{ print $5 }'); size=$(echo "$ended" | awk '{ print $7 }')
[ -n "$sent" ] && [ "$sent" -lt $((size / 10)) ] || {
  echo "    the download did not stop early:" >&2; cat "$E2E_TMP/server.log" >&2; exit 1; }
no_partial_files
[ -z "$(ls -A "$E2E_TMP/work/MNIST_data" 2>/dev/null)" ] || { echo "    MNIST_data/ is not empty" >&2; exit 1; }
type_line "1+1"
wait_for '^2$' 10
wait_prompt 10
# mnist was never bound.
type_line "print('mnist' in dir())"
wait_for '^False$' 10
keys C-d
expect_sane_tty

# Ctrl-C while the bundled files are copied and read from disk.
restart_shell 110 30
wait_prompt 10
type_line "from tensorflow.examples.tutorials.mnist import input_data"
wait_prompt 10
rm -rf "$E2E_TMP/work/MNIST_data"
type_line 'mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)'
wait_for 'Extracting MNIST_data/train-images' 20
keys C-c
wait_prompt 30
# Either the read stopped (then mnist is unbound and a KeyboardInterrupt was shown) or it had
# already finished (reading takes ~0.1 s; the Ctrl-C then lands on the prompt). Both leave whole files.
type_line "print('mnist' in dir())"
wait_for '^(True|False)$' 10
if screen | grep -qx 'False'; then
  screen | grep -q KeyboardInterrupt || { echo "    the read stopped without a KeyboardInterrupt" >&2; exit 1; }
fi
no_partial_files
type_line 'mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)'
wait_prompt 60
type_line "print(mnist.train.num_examples, mnist.test.images.shape)"
wait_for '^55000 \(10000, 784\)' 10
keys C-d
expect_sane_tty
