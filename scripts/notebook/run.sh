#!/usr/bin/env bash
# Execute the analysts' notebook (notebooks/medical-code-graph.ipynb) headless against a running API.
#
#   GRAPHQL_URL=http://127.0.0.1:4000/graphql scripts/notebook/run.sh
#
# - Makes a project-local virtualenv in .venv/notebook (git-ignored via .venv/) with python3 (3.11+),
#   and installs notebooks/requirements.txt only when it (or the Python version) changed (hash stamp).
# - Executes the notebook with nbconvert; the executed copy and the PNGs land in notebooks/out/ (git-ignored).
# - Exits non-zero when the notebook fails: API unreachable, GraphQL errors, failed sanity checks.
# Works without a TTY (CI=true); needs nothing installed beyond python3 with venv and pip.
#
# Environment:
#   GRAPHQL_URL    endpoint (default http://127.0.0.1:4000/graphql)
#   NOTEBOOK_OUT   folder for the PNGs and the executed notebook (default notebooks/out)
#   PYTHON         interpreter for the virtualenv (default python3)
#   NOTEBOOK_VENV  virtualenv folder (default .venv/notebook)
#   NOTEBOOK_TIMEOUT  seconds per cell (default 300)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

NOTEBOOK="notebooks/medical-code-graph.ipynb"
REQUIREMENTS="notebooks/requirements.txt"
VENV="${NOTEBOOK_VENV:-$ROOT/.venv/notebook}"
PYTHON="${PYTHON:-python3}"
OUT="${NOTEBOOK_OUT:-$ROOT/notebooks/out}"
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac
export GRAPHQL_URL="${GRAPHQL_URL:-http://127.0.0.1:4000/graphql}"
export NOTEBOOK_OUT="$OUT"

log() { printf '[notebook] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s; }

command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found (need Python 3.11+ with venv and pip)"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
  || die "$("$PYTHON" -V 2>&1) is too old: the pinned requirements need Python 3.11+"

# --- virtualenv -------------------------------------------------------------------------------------
t0=$(now)
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
  log "creating virtualenv $VENV ($("$PYTHON" -V 2>&1))"
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  "$PYTHON" -m venv "$VENV" || die "python -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"
fi
VPY="$VENV/bin/python"

# The stamp covers the requirements and the interpreter, so a changed pin or Python rebuilds.
stamp_file="$VENV/.requirements.sha256"
want_stamp="$( { cat "$REQUIREMENTS"; "$VPY" -c 'import sys; print(sys.version)'; } | "$VPY" -c \
  'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')"
if [[ "$(cat "$stamp_file" 2>/dev/null || true)" != "$want_stamp" ]]; then
  log "installing $REQUIREMENTS into $VENV"
  export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off
  rm -f "$stamp_file"
  "$VPY" -m pip install --quiet --requirement "$REQUIREMENTS" || die "pip install failed"
  # A kernelspec inside the venv, found first through JUPYTER_PATH (below), so the notebook runs on this
  # venv's Python even when the user has another "python3" kernel registered.
  "$VPY" -m ipykernel install --prefix "$VENV" --name python3 --display-name "Python 3 (notebook venv)" >/dev/null \
    || die "ipykernel install failed"
  echo "$want_stamp" > "$stamp_file"
else
  log "requirements unchanged, reusing $VENV"
fi
t1=$(now)

# --- execute ----------------------------------------------------------------------------------------
# Keep Jupyter, IPython and matplotlib state out of $HOME (may be read-only or shared in CI).
scratch="$(mktemp -d "${TMPDIR:-/tmp}/medcodes-notebook.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
export JUPYTER_PATH="$VENV/share/jupyter"
export JUPYTER_CONFIG_DIR="$scratch/jupyter-config"
export JUPYTER_RUNTIME_DIR="$scratch/jupyter-runtime"
export JUPYTER_DATA_DIR="$scratch/jupyter-data"
export JUPYTER_PLATFORM_DIRS=1
export IPYTHONDIR="$scratch/ipython"
export MPLCONFIGDIR="$scratch/matplotlib"
export MPLBACKEND=Agg
export PYDEVD_DISABLE_FILE_VALIDATION=1
export PYTHONWARNINGS="${PYTHONWARNINGS:-ignore::DeprecationWarning}"

# Plain tracebacks in logs (CI, no TTY): IPython's colours would show up as escape codes.
if [[ -n "${CI:-}" || ! -t 2 ]]; then
  mkdir -p "$IPYTHONDIR/profile_default"
  echo "c.InteractiveShell.colors = 'nocolor'" > "$IPYTHONDIR/profile_default/ipython_kernel_config.py"
fi

mkdir -p "$OUT"
# Only the files this notebook writes: NOTEBOOK_OUT may be a folder with other things in it.
rm -f "$OUT"/[0-9]-*.png "$OUT/medical-code-graph.executed.ipynb"

log "executing $NOTEBOOK against $GRAPHQL_URL"
status=0
"$VENV/bin/jupyter" nbconvert \
  --to notebook --execute \
  --ExecutePreprocessor.timeout="${NOTEBOOK_TIMEOUT:-300}" \
  --ExecutePreprocessor.kernel_name=python3 \
  --output-dir "$OUT" --output medical-code-graph.executed \
  "$NOTEBOOK" || status=$?
t2=$(now)

if [[ $status -ne 0 ]]; then
  log "FAILED (exit $status) after $((t2 - t1)) s: see the error above"
  exit "$status"
fi

shopt -s nullglob
pngs=("$OUT"/[0-9]-*.png)
[[ ${#pngs[@]} -gt 0 ]] || die "the notebook ran but wrote no PNG into $OUT"
log "OK: venv $((t1 - t0)) s, execution $((t2 - t1)) s"
log "executed notebook: $OUT/medical-code-graph.executed.ipynb"
log "figures (${#pngs[@]}) in $OUT:"
for p in "${pngs[@]}"; do printf '  %s\n' "$p"; done
