#!/usr/bin/env bash
# The kill test: deploy/cluster.sh kill-test (SIGKILL of one instance under load through nginx).
# deploy/kill-test.sh --term is the graceful variant (deploy/cluster.sh term-test).
# Every variable of deploy/cluster.sh --help applies.
set -euo pipefail
case "${1:-}" in
  -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  --term) exec "$(dirname "${BASH_SOURCE[0]}")/cluster.sh" term-test ;;
  "") exec "$(dirname "${BASH_SOURCE[0]}")/cluster.sh" kill-test ;;
  *) echo "unknown argument '$1' (--term or nothing)" >&2; exit 2 ;;
esac
