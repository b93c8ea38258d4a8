# --help and --version work without a terminal; a missing file is a clean error.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e
"$SHELL_BIN" --version | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+'
"$SHELL_BIN" --help | grep -q 'USAGE: mnist-shell'
out=$("$SHELL_BIN" /nonexistent/file.py 2>&1) && exit 1
echo "$out" | grep -q "can't open file '/nonexistent/file.py'"
