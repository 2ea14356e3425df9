#!/usr/bin/env bash
# Loading at scale: generates a corpus of N articles under /tmp (never in the
# repository), times `cat` reading its files, then runs examples/load_scale.rs on it (the
# reader's background load, one batch a turn, a frame after each) and prints both as
# JSON lines; the corpus is removed at the end. Usage: bench/load_scale.sh N [RUNS]
# BEFORE=path/to/another/load_scale runs that build too, in each round (before/after).
set -euo pipefail
N=${1:?usage: bench/load_scale.sh N [RUNS]}
RUNS=${2:-3}
cd "$(dirname "$0")/.."
cargo build --release --quiet --example gen_corpus --example load_scale
WORK=$(mktemp -d /tmp/readout-scale.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
target/release/examples/gen_corpus "$N" "$WORK/corpus" >&2
printf '{"corpus_bytes": %s}\n' "$(du -sb "$WORK/corpus" | cut -f1)"
for _ in $(seq "$RUNS"); do
    # Both read from the page cache: the corpus was just written (or read by the last run).
    start=$(date +%s.%N)
    find "$WORK/corpus" -name '*.md' -print0 | xargs -0 cat >/dev/null
    end=$(date +%s.%N)
    printf '{"cat_ms": %.0f}\n' "$(echo "($end - $start) * 1000" | bc -l)"
    if [ -n "${BEFORE:-}" ]; then
        printf '{"build": "before"} '
        "$BEFORE" "$WORK/corpus"
        printf '{"build": "after"} '
    fi
    target/release/examples/load_scale "$WORK/corpus"
done
