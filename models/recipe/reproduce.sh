#!/usr/bin/env bash
# Reproduce the shipped bundles from scratch on a 2-core CPU (about 2.5 hours): render the synthetic
# splits, train the ablation models (hybrid, ANN-only, SNN-only) with one recipe at strides 4 (the
# method's default) and 8, and the 3D-CNN baseline; evaluate them on the test split, export the
# hybrid at the shipped stride and the 3D CNN as bundles, and write the model card with the stride study.
#   cd models/recipe && ./reproduce.sh
set -euo pipefail
cd "$(dirname "$0")"
PY=/usr/bin/python3
RUNS=runs
BUNDLES=../bundles
SHIPPED=4  # the stride of the product bundle; the model card says why

name() {  # MODEL STRIDE -> run name: runs/hybrid is s=4, runs/hybrid-s8 is s=8
  if [ "$2" = 4 ]; then echo "$1"; else echo "$1-s$2"; fi
}

for stride in 4 8; do
  for model in hybrid ann snn; do
    run=$(name "$model" "$stride")
    $PY -m respike_recipe.train --model "$model" --out "$RUNS/$run" --set stride="$stride" --seed 0 --resume \
      2>&1 | tee "$RUNS/$run.log"
  done
done
$PY -m respike_recipe.train --model c3d --out "$RUNS/c3d" --seed 0 --resume 2>&1 | tee "$RUNS/c3d.log"

studies=()
for stride in 4 8; do
  runs=()
  for model in hybrid ann snn; do runs+=("$RUNS/$(name "$model" "$stride")"); done
  if [ "$stride" = "$SHIPPED" ]; then
    $PY -m respike_recipe.evaluate --runs "${runs[@]}" "$RUNS/c3d" --out "$RUNS/ablation.json"
  else
    $PY -m respike_recipe.evaluate --runs "${runs[@]}" --out "$RUNS/ablation-s$stride.json"
    studies+=("$RUNS/ablation-s$stride.json")
  fi
done
hybrid=$(name hybrid "$SHIPPED")
# Accuracy on the encoded test clips, which `respike classify` is checked against (goes into the manifests).
for run in "$hybrid" c3d; do
  $PY -m respike_recipe.evaluate_mp4 --run "$RUNS/$run" --clips ../../pipelines/samples/test-clips
done
$PY -m respike_recipe.export --run "$RUNS/$hybrid" --name respike-hybrid-synthetic --out "$BUNDLES/respike-hybrid"
$PY -m respike_recipe.export --run "$RUNS/c3d" --name c3d-baseline-synthetic --out "$BUNDLES/c3d-baseline"
$PY -m respike_recipe.report --ablation "$RUNS/ablation.json" --runs "$RUNS" --out "$BUNDLES" \
  --bundles "$BUNDLES/respike-hybrid" "$BUNDLES/c3d-baseline" --stride-study "${studies[@]}"
