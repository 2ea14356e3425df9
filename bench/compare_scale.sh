#!/usr/bin/env bash
# The comparison at scale: generates a corpus of N articles under /tmp (never in the
# repository), then runs examples/compare_scale.rs on it RUNS times (the first `c`, `]`,
# a resize and `G`, each with its frame) and prints one JSON line per run; the corpus is
# removed at the end. Usage: bench/compare_scale.sh N [RUNS]
set -euo pipefail
N=${1:?usage: bench/compare_scale.sh N [RUNS]}
RUNS=${2:-3}
cd "$(dirname "$0")/.."
cargo build --release --quiet --example gen_corpus --example compare_scale
WORK=$(mktemp -d /tmp/readout-compare.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
target/release/examples/gen_corpus "$N" "$WORK/corpus" >&2
for _ in $(seq "$RUNS"); do
    target/release/examples/compare_scale "$WORK/corpus"
done
