#!/usr/bin/env bash
# Leave-one-family-out: for each held-out style family, train the hybrid and the 3D CNN on the other
# families, then measure both on the held-out family (whole frames and person crops) and on the
# families they saw (respike_recipe.generalisation). Resumable: rerun the same command.
#   cd models/recipe && ./lofo.sh                      # the model card's configuration
#   SIZE=64 PER_CLASS=300 EPOCHS=8 OUT=runs/proxy ./lofo.sh   # a proxy to decide with
#   SETS='snn_widths=[32,64,128,256]' MODELS=hybrid ./lofo.sh   # model config fields (train --set)
#   TRAIN_ARGS='--lr 4e-3' MODELS=hybrid ./lofo.sh               # other train options
set -euo pipefail
cd "$(dirname "$0")"
PY=/usr/bin/python3
SIZE=${SIZE:-64}
PER_CLASS=${PER_CLASS:-600}
EPOCHS=${EPOCHS:-12}
HOLDOUTS=${HOLDOUTS:-"photo stick"}
MODELS=${MODELS:-"hybrid c3d"}
TEST_PER_CLASS=${TEST_PER_CLASS:-100}
THREADS=${THREADS:-1}
OUT=${OUT:-runs/lofo}
read -r -a sets <<< "${SETS:-}"
read -r -a train_args <<< "${TRAIN_ARGS:-}"
mkdir -p "$OUT"
runs=()
for family in $HOLDOUTS; do
  for model in $MODELS; do
    run="$OUT/$model-$family"
    extra=()
    [ "$model" = hybrid ] && extra=(--set fusion_pos=true)
    for field in "${sets[@]}"; do extra+=(--set "$field"); done
    $PY -m respike_recipe.train --model "$model" --out "$run" --holdout "$family" --set size="$SIZE" "${extra[@]}" \
      --train-per-class "$PER_CLASS" --epochs "$EPOCHS" --seed 0 --threads "$THREADS" "${train_args[@]}" --resume >> "$run.log" 2>&1
    runs+=("$run")
  done
done
$PY -m respike_recipe.generalisation --runs "${runs[@]}" --per-class "$TEST_PER_CLASS" --out "$OUT/generalisation.json"
