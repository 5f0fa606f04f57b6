#!/usr/bin/env bash
# Run a zonesim calibration on Slurm: round after round, an array of N shards computes its slices of
# the round (`zonesim calibrate <file> --shard i/N --from $OUT/run`), then one job merges them into
# the run folder and absorbs the round (`zonesim merge … --out $OUT/run`); the loop ends when the run
# folder's status.json says "finished": true (docs/calibration.md, "A large calibration on a cluster").
# Every round is planned from the run folder's state only, so the result is byte-identical to a
# single-machine run of the same file.
#
# Run the driver on a login node (or as a small long-running job), from the zonesim checkout after `npm ci`:
#
#   CALIBRATION=scenarios/calibrations/henan.yaml N=16 docs/cluster/slurm-calibration.sh
#
# Resuming: shards commit every finished model run to $OUT/shards/k/run.sqlite and the run folder
# keeps the state after every merged round. If the driver, a shard or a merge stops, run the same
# command again: it continues with the round the run folder's state calls for, and shards reuse the
# model runs they already hold. (Shards delete the runs of rounds already merged.)
#
# Variables (environment, with defaults):
#   CALIBRATION  calibration file (default scenarios/calibrations/henan.yaml)
#   N            shards per round (default 8)
#   OUT          results folder on storage every node can reach (default results/<calibration name>)
#   ZONESIM      how to call zonesim (default "node bin/zonesim.mjs", run from the checkout)
#
# The #SBATCH lines below apply to the shard tasks; adjust them to your cluster (partition, account).
# A round of the Henan calibration is a few hundred to a few thousand model runs of ~0.2 s.
#SBATCH --job-name=zonesim-calibration-shard
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=01:00:00
#SBATCH --output=logs/%x-%A_%a.out

set -euo pipefail

CALIBRATION=${CALIBRATION:-scenarios/calibrations/henan.yaml}
N=${N:-8}
OUT=${OUT:-results/$(basename "$CALIBRATION" .yaml)}
ZONESIM=${ZONESIM:-node bin/zonesim.mjs}
export CALIBRATION N OUT ZONESIM

finished() {
  [ -f "${OUT}/run/status.json" ] && grep -q '"finished": true' "${OUT}/run/status.json"
}

case "${1:-drive}" in
  drive)
    mkdir -p logs "$OUT/shards"
    # Validate the file (and print the plan) before anything is queued.
    $ZONESIM calibrate "$CALIBRATION" --dry-run
    round=0
    until finished; do
      round=$((round + 1))
      # One round: the shards (waiting for the whole array), then the merge that absorbs it.
      sbatch --wait --array="0-$((N - 1))" --export=ALL "$0" shard
      sbatch --wait --job-name=zonesim-calibration-merge --cpus-per-task=2 --output=logs/%x-%j.out --export=ALL "$0" merge
      grep -h '"next"' "${OUT}/run/status.json" || true
    done
    echo "finished after ${round} round(s) of this driver; the report is ${OUT}/run/calibration.html"
    ;;
  shard)
    : "${SLURM_ARRAY_TASK_ID:?run as an array task (sbatch --array)}"
    $ZONESIM calibrate "$CALIBRATION" \
      --shard "$((SLURM_ARRAY_TASK_ID + 1))/${N}" \
      --from "${OUT}/run" \
      --out "${OUT}/shards/${SLURM_ARRAY_TASK_ID}" \
      --workers "${SLURM_CPUS_PER_TASK:-1}" --quiet
    ;;
  merge)
    shards=()
    for ((k = 0; k < N; k++)); do shards+=("${OUT}/shards/${k}"); done
    $ZONESIM merge "${shards[@]}" --out "${OUT}/run" --quiet
    ;;
  *)
    echo "usage: $0 [drive|shard|merge]" >&2
    exit 2
    ;;
esac
