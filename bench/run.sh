#!/usr/bin/env bash
# Whole-program figures for readout, in pseudo-terminals, beside less and newsboat:
# time to the first frame, keypress latency, bytes written per step, peak memory (one
# reader and a crowd of readers), and time to align; then the targets, met or missed.
#
#   bench/run.sh                 # everything (about 8 minutes on 2 busy cores)
#   RUNS=3 CROWD=10 bench/run.sh # fewer repetitions, a smaller crowd
#
# Works in a fresh temporary directory (removed at the end), with HOME, XDG_* and
# READOUT_STATE_DIR pointed into it, so nothing of the user's — ~/.config, reading
# state, less history, newsboat's cache — is read or written. In the repository it only
# builds (target/) and reads; the report goes to standard output.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RUNS=${RUNS:-10}       # repetitions of each first-frame measure (the machine is shared: medians)
CROWD=${CROWD:-50}     # concurrent readers
CROWD_MAX_MIB=${CROWD_MAX_MIB:-6144} # skip a crowd whose estimate exceeds this
MEASURE=(python3 "$ROOT/bench/measure.py")

say() { printf '==> %s\n' "$*" >&2; }

# ----- tools -----
missing=()
command -v less >/dev/null || missing+=(less)
command -v newsboat >/dev/null || missing+=(newsboat)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    if [[ $(id -u) -eq 0 ]]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
fi
# termprobe lives in the shared tools beside the repository (or anywhere on PATH).
if [[ -x "$ROOT/../shared/tools/termprobe" ]]; then
    PROBE=("$ROOT/../shared/tools/termprobe")
    PROBE_NAME=termprobe
elif command -v termprobe >/dev/null; then
    PROBE=("$(command -v termprobe)")
    PROBE_NAME=termprobe
else
    PROBE=("${MEASURE[@]}" probe)
    PROBE_NAME="bench/measure.py probe"
fi

# ----- a private world -----
WORK=$(mktemp -d "${TMPDIR:-/tmp}/readout-bench.XXXXXX")
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK"/{bin,fig,runs,home,config,cache,data,state,newsboat}
# pyte (a VT100 emulator, with wcwidth) lets measure.py and termprobe read the screen.
# It goes into the private world and is found through PYTHONPATH, so neither the
# system's Python nor the user's is touched, and HOME moving below does not lose it.
say "installing pyte into $WORK/py (pip)"
if python3 -m pip install --quiet --disable-pip-version-check --target "$WORK/py" \
        'pyte==0.8.2' 'wcwidth>=0.2' >/dev/null 2>&1; then
    export PYTHONPATH="$WORK/py${PYTHONPATH:+:$PYTHONPATH}"
else
    say "pip could not install pyte: screen-text waits fall back to quiet-time measures"
fi
fig() { cat >"$WORK/fig/$1.json"; }                 # fig NAME < json
loadavg() { printf '{"loadavg": "%s"}\n' "$(cut -d' ' -f1-3 /proc/loadavg)" | fig "load.$1"; }
state() { mktemp -d "$WORK/state/run.XXXXXX"; }     # a fresh reading state per run

# ----- build (a copy, so a rebuild in the tree meanwhile changes nothing) -----
say "building readout and gen_corpus (release)"
cargo build --release --quiet --bin readout --example gen_corpus
cp target/release/readout target/release/examples/gen_corpus "$WORK/bin/"
READOUT="$WORK/bin/readout"
RUSTC_VERSION=$(rustc -V)

# From here on, HOME and XDG_* are ours (cargo and rustup, which need the real HOME,
# are done with).
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache"
export XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state"
export LESSHISTFILE=- LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
unset READOUT_ARTICLES LESS LESSOPEN LESSCLOSE NO_COLOR

# ----- corpora -----
say "generating 1,000 and 10,000 articles"
"$WORK/bin/gen_corpus" 1000 "$WORK/c1k" >&2
"$WORK/bin/gen_corpus" 10000 "$WORK/c10k" >&2
declare -A DIR=([bundled]="$ROOT/articles" [1k]="$WORK/c1k" [10k]="$WORK/c10k")
declare -A ARGS=([bundled]="" [1k]="--articles $WORK/c1k" [10k]="--articles $WORK/c10k")
CORPORA=(bundled 1k 10k)
for c in "${CORPORA[@]}"; do
    # shellcheck disable=SC2086
    "$READOUT" ${ARGS[$c]} check >/dev/null 2>&1 && ok=true || ok=false
    printf '{"bytes": %s, "files": %s, "check_clean": %s}\n' \
        "$(du -sb "${DIR[$c]}" | cut -f1)" "$(find "${DIR[$c]}" -maxdepth 1 -type f | wc -l)" "$ok" |
        fig "disk.$c"
done

{
    printf '{"date": "%s", "nproc": %s, "cpu": "%s", "rustc": "%s",' \
        "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" "$RUSTC_VERSION"
    printf ' "commit": "%s", "dirty_files": %s, "probe": "%s",' \
        "$(git rev-parse --short HEAD)" "$(git status --porcelain | wc -l)" "$PROBE_NAME"
    printf ' "less": "%s", "newsboat": "%s", "hyperfine": "%s"}\n' \
        "$(less --version | head -1)" "$(newsboat -v | head -1)" "$(hyperfine --version)"
} | fig machine

# The article every comparison uses: the first of the bundled corpus, as readout opens it.
ID=$("$READOUT" list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$READOUT" read "$ID" --width 76 >"$WORK/article.txt"

# newsboat: the same articles as a local feed, read through `exec:cat`.
nb() { # nb NAME DIR: a feed, urls, config and a filled cache under $WORK/newsboat/NAME
    local d="$WORK/newsboat/$1"
    mkdir -p "$d"
    "${MEASURE[@]}" rss "$2" "$d/feed.xml" >/dev/null
    printf '"exec:cat %s"\n' "$d/feed.xml" >"$d/urls"
    # The oldest first, so the first article opened is the one less shows (2.21 lists
    # date-desc oldest first); text at the same measure as `readout read`.
    printf '%s\n' 'auto-reload no' 'refresh-on-startup no' 'show-read-feeds yes' \
        'article-sort-order date-desc' 'text-width 76' 'confirm-exit no' >"$d/config"
    newsboat -q -u "$d/urls" -C "$d/config" -c "$d/cache.db" -x reload >/dev/null 2>&1
}
NEWSBOAT_CORPORA=(bundled 1k)
for c in "${NEWSBOAT_CORPORA[@]}"; do nb "$c" "${DIR[$c]}"; done
newsboat_cmd() { local d="$WORK/newsboat/$1"; echo newsboat -u "$d/urls" -C "$d/config" -c "$d/cache.db"; }

# Readout loads a directory in the background: its first frame comes at once and the
# list fills in. Runs that must wait for the whole corpus use measure.py's probe, which
# watches the screen (pyte) for "Articles N"; termprobe only knows about quiet.
declare -A COUNT=([bundled]="$("$READOUT" list | wc -l)" [1k]=1000 [10k]=10000)
loaded() { echo "Articles ${COUNT[$1]}\\b"; }
MPROBE=("${MEASURE[@]}" probe --timeout 180)

# ----- 1. time to the first frame and to the whole corpus on screen (80x24) -----
say "first frame: readout, less, newsboat ($RUNS runs each)"
loadavg start
# readout on the bundled corpus and less on one article, interleaved so that both see
# the same machine (it is shared: other jobs come and go), through both drivers; and
# the CPU time of a start-and-quit (perf stat), which waiting for a CPU does not inflate.
declare -A FILES=()
cpu=false
perf stat -e task-clock -x, -o /dev/null true >/dev/null 2>&1 && cpu=true
for i in $(seq "$RUNS"); do
    f="$WORK/runs/ff-bundled-$i.jsonl"
    env READOUT_STATE_DIR="$(state)" "${MPROBE[@]}" --mark 'Articles [1-9]' \
        --until "$(loaded bundled)" --keys q -- "$READOUT" >"$f"
    FILES[readout.bundled]+=" $f"
    f="$WORK/runs/ff-less-$i.jsonl"
    "${MPROBE[@]}" --keys q -- less "$WORK/article.txt" >"$f"
    FILES[less]+=" $f"
    if [[ $PROBE_NAME == termprobe ]]; then
        f="$WORK/runs/ff-tp-readout-$i.jsonl"
        env READOUT_STATE_DIR="$(state)" "${PROBE[@]}" --keys q -- "$READOUT" >"$f"
        FILES[termprobe.readout]+=" $f"
        f="$WORK/runs/ff-tp-less-$i.jsonl"
        "${PROBE[@]}" --keys q -- less "$WORK/article.txt" >"$f"
        FILES[termprobe.less]+=" $f"
    fi
    if $cpu; then
        env READOUT_STATE_DIR="$(state)" "${PROBE[@]}" --keys q -- \
            perf stat -e task-clock -x, -o "$WORK/runs/cpu-readout-$i.csv" "$READOUT" >/dev/null
        "${PROBE[@]}" --keys q -- \
            perf stat -e task-clock -x, -o "$WORK/runs/cpu-less-$i.csv" less "$WORK/article.txt" >/dev/null
    fi
done
for k in "${!FILES[@]}"; do
    # shellcheck disable=SC2086
    "${MEASURE[@]}" frame ${FILES[$k]} | fig "ff.$k"
done
if $cpu; then
    "${MEASURE[@]}" cputime "$WORK"/runs/cpu-readout-*.csv | fig cpu.readout.bundled
    "${MEASURE[@]}" cputime "$WORK"/runs/cpu-less-*.csv | fig cpu.less
fi
for c in 1k 10k; do
    files=()
    for i in $(seq "$RUNS"); do
        f="$WORK/runs/ff-$c-$i.jsonl"
        # shellcheck disable=SC2086
        env READOUT_STATE_DIR="$(state)" "${MPROBE[@]}" --mark 'Articles [1-9]' \
            --until "$(loaded "$c")" --keys q -- "$READOUT" ${ARGS[$c]} >"$f"
        files+=("$f")
    done
    "${MEASURE[@]}" frame "${files[@]}" | fig "ff.readout.$c"
done
for c in "${NEWSBOAT_CORPORA[@]}"; do
    files=()
    for i in $(seq "$RUNS"); do
        f="$WORK/runs/ff-newsboat-$c-$i.jsonl"
        # shellcheck disable=SC2046
        "${MPROBE[@]}" --settle 0.3 --until 'Your feeds' --keys q -- $(newsboat_cmd "$c") >"$f"
        files+=("$f")
    done
    "${MEASURE[@]}" frame "${files[@]}" | fig "ff.newsboat.$c"
done
loadavg first-frame

# ----- 2. keypress latency at 80x24: key written -> last byte of the redraw -----
say "keypress latency"
J10=$(printf 'j %.0s' $(seq 10))
J20=$(printf 'j %.0s' $(seq 20))
PAGES=$(printf '<Space> b %.0s' $(seq 5))
CS=$(printf 'c <Esc> %.0s' $(seq 3))
for c in bundled 10k; do
    fl="$WORK/runs/keys-list-$c.jsonl"
    fr="$WORK/runs/keys-reader-$c.jsonl"
    if [[ $c == bundled ]]; then drive=("${PROBE[@]}"); else drive=("${MPROBE[@]}" --until "$(loaded "$c")"); fi
    # shellcheck disable=SC2086
    env READOUT_STATE_DIR="$(state)" "${drive[@]}" --keys "$J10 q" -- "$READOUT" ${ARGS[$c]} >"$fl"
    # shellcheck disable=SC2086
    env READOUT_STATE_DIR="$(state)" "${drive[@]}" --keys "<Enter> $J20 $PAGES $CS q" -- \
        "$READOUT" ${ARGS[$c]} >"$fr"
    "${MEASURE[@]}" keys "$fl" j | fig "key.$c.list-j"
    "${MEASURE[@]}" keys "$fr" j 1 | fig "key.$c.reader-j"
    "${MEASURE[@]}" keys "$fr" '<Space>' 1 | fig "key.$c.reader-space"
    "${MEASURE[@]}" keys "$fr" b 1 | fig "key.$c.reader-b"
    "${MEASURE[@]}" keys "$fr" c 1 | fig "key.$c.compare-c"
    "${MEASURE[@]}" keys "$fr" '<Esc>' 1 | fig "key.$c.compare-esc"
done
f="$WORK/runs/keys-less.jsonl"
"${PROBE[@]}" --keys "$J10 $(printf '<Space> %.0s' $(seq 5)) q" -- less "$WORK/article.txt" >"$f"
"${MEASURE[@]}" keys "$f" j | fig key.less.j
"${MEASURE[@]}" keys "$f" '<Space>' | fig key.less.space
loadavg keys

# ----- 3. bytes written to the terminal, step by step (80x24) -----
say "bytes per step"
f="$WORK/runs/bytes-readout.jsonl"
env READOUT_STATE_DIR="$(state)" "${PROBE[@]}" \
    --keys '<Enter> j <Space> c <Esc> <resize:40x100> q' -- "$READOUT" >"$f"
cp "$f" "$WORK/fig/bytes.readout.jsonl"
f="$WORK/runs/bytes-readout-zoomed.jsonl"
env READOUT_STATE_DIR="$(state)" "${PROBE[@]}" --keys '<Enter> z j <Space> q' -- "$READOUT" >"$f"
cp "$f" "$WORK/fig/bytes.readout-zoomed.jsonl"
f="$WORK/runs/bytes-less.jsonl"
"${PROBE[@]}" --keys '<Space> j <Space> <resize:40x100> q' -- less "$WORK/article.txt" >"$f"
cp "$f" "$WORK/fig/bytes.less.jsonl"
f="$WORK/runs/bytes-newsboat.jsonl"
# newsboat's pager has no one-line step on these keys (its arrows want keypad mode).
# shellcheck disable=SC2046
"${PROBE[@]}" --settle 0.3 --keys '<Enter> <Enter> <Space> q q q' -- $(newsboat_cmd bundled) >"$f"
cp "$f" "$WORK/fig/bytes.newsboat.jsonl"

# ----- 4. peak memory: one reader per corpus (and on no corpus at all), then a crowd -----
say "peak memory"
KEYS_FEW='<Enter> j <Space> c <Esc> q'
mkdir -p "$WORK/empty"
for c in "${CORPORA[@]}" empty; do
    t="$WORK/runs/time-$c.txt"
    if [[ $c == empty ]]; then
        args=(--articles "$WORK/empty")
        until=()
    else
        # shellcheck disable=SC2206
        args=(${ARGS[$c]})
        until=(--until "$(loaded "$c")")
    fi
    env READOUT_STATE_DIR="$(state)" "${MPROBE[@]}" "${until[@]}" --keys "$KEYS_FEW" -- \
        /usr/bin/time -v -o "$t" "$READOUT" "${args[@]}" >/dev/null
    printf '{"maxrss_kib": %s}\n' "$("${MEASURE[@]}" maxrss "$t")" | fig "mem.readout.$c"
done
t="$WORK/runs/time-less.txt"
"${PROBE[@]}" --keys '<Space> q' -- /usr/bin/time -v -o "$t" less "$WORK/article.txt" >/dev/null
printf '{"maxrss_kib": %s}\n' "$("${MEASURE[@]}" maxrss "$t")" | fig mem.less
for c in "${NEWSBOAT_CORPORA[@]}"; do
    t="$WORK/runs/time-newsboat-$c.txt"
    # shellcheck disable=SC2046
    "${PROBE[@]}" --settle 0.3 --keys '<Enter> <Enter> <Space> q q q' -- \
        /usr/bin/time -v -o "$t" $(newsboat_cmd "$c") >/dev/null
    printf '{"maxrss_kib": %s}\n' "$("${MEASURE[@]}" maxrss "$t")" | fig "mem.newsboat.$c"
done
for c in "${CORPORA[@]}"; do
    one=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["maxrss_kib"])' \
        "$WORK/fig/mem.readout.$c.json")
    if ((one * CROWD / 1024 > CROWD_MAX_MIB)); then
        say "crowd of $CROWD on $c skipped: about $((one * CROWD / 1024)) MiB > $CROWD_MAX_MIB"
        printf '{"skipped": "about %s MiB for %s readers, over CROWD_MAX_MIB=%s"}\n' \
            "$((one * CROWD / 1024))" "$CROWD" "$CROWD_MAX_MIB" | fig "crowd.$c"
        continue
    fi
    say "crowd: $CROWD readers at once on $c"
    # Every reader shares one state directory, as one user with many windows does:
    # saving merges under a lock.
    # shellcheck disable=SC2086
    "${MEASURE[@]}" crowd --n "$CROWD" --settle 0.3 --timeout 300 --until "$(loaded "$c")" \
        --env READOUT_STATE_DIR="$(state)" --keys '<Enter> j j <Space> c <Esc>' -- \
        "$READOUT" ${ARGS[$c]} | fig "crowd.$c"
done
loadavg memory

# ----- 5. time to align (and to load only, for the difference) -----
say "align and list timings (hyperfine)"
for c in "${CORPORA[@]}"; do
    runs=10
    [[ $c == 10k ]] && runs=5
    # shellcheck disable=SC2086
    hyperfine -N --style none --warmup 1 --runs "$runs" \
        --export-json "$WORK/runs/hf-$c.json" \
        -n align "$READOUT ${ARGS[$c]} align --json" \
        -n list "$READOUT ${ARGS[$c]} list" >/dev/null 2>&1
    cp "$WORK/runs/hf-$c.json" "$WORK/fig/hyperfine.$c.json"
done
loadavg align

# ----- 6. where the time goes: a flat profile of a reader on 10k that loads, then `c` -----
# Samples are split by thread: readout-loader (reading, parsing, aligning) and readout
# (absorbing batches, drawing, and here mostly the comparison grid built on `c`).
if perf record -q -o /dev/null true >/dev/null 2>&1; then
    say "profile: start-up and \`c\` on 10k"
    # shellcheck disable=SC2086
    env READOUT_STATE_DIR="$(state)" "${MPROBE[@]}" --until "$(loaded 10k)" --keys 'c q' -- \
        perf record -q -F 999 -o "$WORK/runs/perf.data" "$READOUT" ${ARGS[10k]} >/dev/null
    report() { perf report -i "$WORK/runs/perf.data" --stdio --no-children "$@" 2>/dev/null |
        grep -v -e '^#' -e '^$' | sed -E 's/[ -]+$//'; }
    { report --sort comm; echo; report --sort comm,dso,symbol --percent-limit 1 | head -40; } \
        >"$WORK/fig/profile.txt" || true
fi
loadavg end

"${MEASURE[@]}" report "$WORK/fig"
