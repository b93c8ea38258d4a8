# A learner types the tutorial line by line at the prompt and sees ~0.92.
. "$(dirname "$0")/lib.sh"; trap cleanup EXIT
set -e
start_shell 100 30
wait_prompt 10
while IFS= read -r line; do
  case "$line" in '#'*|'') continue ;; esac
  type_line "$line"
  case "$line" in
    for*) continue ;;          # the block continues with '... '
    '  '*) continue ;;
  esac
  wait_prompt 60
done < "$(dirname "$0")/tutorial.py"
# the for-block ends when an unindented line arrives (no blank line needed), as in the file
wait_for '^0\.9[0-9]+' 60
expect_screen '^0\.9[1-3]'
keys C-d
expect_sane_tty
