#!/usr/bin/env bash
# Runs every end-to-end test (Tests/EndToEnd/t_*.sh) against a built mnist-shell
# in tmux and prints a closing line "e2e: N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
SHELL_BIN=$(cd "$(dirname "${1:-.build/release/mnist-shell}")" && pwd)/$(basename "${1:-.build/release/mnist-shell}")
export SHELL_BIN
[ -x "$SHELL_BIN" ] || { echo "e2e: no binary at $SHELL_BIN" >&2; exit 2; }
command -v tmux >/dev/null || { echo "e2e: tmux is not installed" >&2; exit 2; }
pass=0; fail=0; failed=()
for t in "$here"/t_*.sh; do
  name=$(basename "$t" .sh)
  start=$(date +%s%N)
  if bash "$t" >"/tmp/$name.log" 2>&1; then
    pass=$((pass + 1)); status=ok
  else
    fail=$((fail + 1)); status=FAIL; failed+=("$name")
  fi
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  printf '%-40s %s (%d.%01ds)\n' "$name" "$status" $((ms / 1000)) $(((ms % 1000) / 100))
  [ "$status" = FAIL ] && sed 's/^/  /' "/tmp/$name.log"
done
[ ${#failed[@]} -gt 0 ] && echo "failed: ${failed[*]}"
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
