#!/usr/bin/env bash
# The aligner at scale (issue 7's promise): generates a corpus of N articles under /tmp
# (never in the repository), then runs examples/align_scale.rs on it, which loads it and
# times `align::align` alone, RUNS times, printing the best and the median as a JSON
# line; the corpus is removed at the end. Usage: bench/align_scale.sh [N] [RUNS]
set -euo pipefail
N=${1:-10000}
RUNS=${2:-5}
cd "$(dirname "$0")/.."
cargo build --release --quiet --example gen_corpus --example align_scale
WORK=$(mktemp -d /tmp/readout-align.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
target/release/examples/gen_corpus "$N" "$WORK/corpus" >&2
target/release/examples/align_scale "$WORK/corpus" "$RUNS"
