#!/usr/bin/env bash
# Run a zonesim experiment as a Slurm job array: N shards, each a deterministic slice of the tasks
# (`zonesim experiment <file> --shard i/N`), then a dependent job that merges them into one folder
# whose files are byte-identical to a single-machine run (docs/experiments.md, "Scaling out").
#
# Submit from the zonesim checkout (with `npm ci` done) on a login node:
#
#   EXPERIMENT=scenarios/experiments/sobol-8-levers.yaml N=8 docs/cluster/slurm-array.sh
#
# which submits
#   1. the array:  sbatch --array=0-(N-1) slurm-array.sh shard   — task k runs shard k+1 of N into $OUT/shards/k
#   2. the merge:  sbatch --dependency=afterok:<array> slurm-array.sh merge — writes $OUT/merged
#
# Resuming: every shard commits each finished task to $OUT/shards/k/run.sqlite. If array tasks
# fail or hit their time limit, run the same submit command again: finished shards find all their tasks
# stored and exit in seconds, interrupted ones compute only what is missing, then the merge runs.
# `zonesim merge` refuses incomplete shards and names them.
#
# Variables (environment, with defaults):
#   EXPERIMENT  experiment file (default scenarios/experiments/sobol-8-levers.yaml)
#   N           number of shards (default 8)
#   OUT         results folder on storage every node can reach (default results/<experiment name>)
#   ZONESIM     how to call zonesim (default "node bin/zonesim.mjs", run from the checkout)
#
# The #SBATCH lines below apply to the shard tasks; adjust them to your cluster (partition, account).
#SBATCH --job-name=zonesim-shard
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=02:00:00
#SBATCH --output=logs/%x-%A_%a.out

set -euo pipefail

EXPERIMENT=${EXPERIMENT:-scenarios/experiments/sobol-8-levers.yaml}
N=${N:-8}
OUT=${OUT:-results/$(basename "$EXPERIMENT" .yaml)}
ZONESIM=${ZONESIM:-node bin/zonesim.mjs}
export EXPERIMENT N OUT ZONESIM

case "${1:-submit}" in
  submit)
    mkdir -p logs "$OUT/shards"
    # Validate the file (and print the design size) before anything is queued.
    $ZONESIM experiment "$EXPERIMENT" --dry-run
    array=$(sbatch --parsable --array="0-$((N - 1))" --export=ALL "$0" shard)
    merge=$(sbatch --parsable --dependency="afterok:${array}" --job-name=zonesim-merge --cpus-per-task=1 \
      --output=logs/%x-%j.out --export=ALL "$0" merge)
    echo "submitted shards ${array} (array of ${N}) and merge ${merge}; results in ${OUT}/merged"
    ;;
  shard)
    : "${SLURM_ARRAY_TASK_ID:?run as an array task (sbatch --array)}"
    $ZONESIM experiment "$EXPERIMENT" \
      --shard "$((SLURM_ARRAY_TASK_ID + 1))/${N}" \
      --out "${OUT}/shards/${SLURM_ARRAY_TASK_ID}" \
      --workers "${SLURM_CPUS_PER_TASK:-1}" --quiet
    ;;
  merge)
    shards=()
    for ((k = 0; k < N; k++)); do shards+=("${OUT}/shards/${k}"); done
    $ZONESIM merge "${shards[@]}" --out "${OUT}/merged" --quiet
    ;;
  *)
    echo "usage: $0 [submit|shard|merge]" >&2
    exit 2
    ;;
esac
