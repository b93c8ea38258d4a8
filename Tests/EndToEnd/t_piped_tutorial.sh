# The tutorial piped on stdin: no prompt, no escape codes, prints the accuracy.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e
script="$(cd "$(dirname "$0")" && pwd)/tutorial.py"
cd "$E2E_TMP"
out=$("$SHELL_BIN" < "$script")
echo "$out" | tail -3
if printf '%s' "$out" | grep -q $'\x1b'; then echo "escape codes in piped output"; exit 1; fi
echo "$out" | grep -q '>>>' && { echo "prompt in piped output"; exit 1; }
acc=$(echo "$out" | tail -1)
python3 -c "import sys; a=float('$acc'); sys.exit(0 if 0.90 <= a <= 0.94 else 1)"  # unseeded: 0.91–0.92 typical; the seeded 0.91 check is in the unit tests
