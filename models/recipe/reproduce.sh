#!/usr/bin/env bash
# Reproduce the shipped bundles from scratch on a 2-core CPU (about 2.5 hours): render the synthetic
# splits, train the four ablation models with one recipe, evaluate them on the test split, export
# the hybrid and the 3D-CNN bundles and write the model card.
#   cd models/recipe && ./reproduce.sh
set -euo pipefail
cd "$(dirname "$0")"
PY=/usr/bin/python3
RUNS=runs
BUNDLES=../bundles

for model in hybrid ann snn c3d; do
  $PY -m respike_recipe.train --model "$model" --out "$RUNS/$model" --seed 0 --resume \
    2>&1 | tee "$RUNS/$model.log"
done
# The stride study of the model card: the same recipe with one group per clip.
for model in hybrid ann snn; do
  $PY -m respike_recipe.train --model "$model" --out "$RUNS/$model-s16" --set stride=16 --seed 0 --resume \
    2>&1 | tee "$RUNS/$model-s16.log"
done
$PY -m respike_recipe.evaluate --runs "$RUNS/hybrid" "$RUNS/ann" "$RUNS/snn" "$RUNS/c3d" \
  --out "$RUNS/ablation.json"
$PY -m respike_recipe.evaluate --runs "$RUNS/hybrid-s16" "$RUNS/ann-s16" "$RUNS/snn-s16" \
  --out "$RUNS/ablation-s16.json"
# Accuracy on the encoded test clips, which `respike classify` is checked against (goes into the manifests).
for model in hybrid c3d; do
  $PY -m respike_recipe.evaluate_mp4 --run "$RUNS/$model" --clips ../../pipelines/samples/test-clips
done
$PY -m respike_recipe.export --run "$RUNS/hybrid" --name respike-hybrid-synthetic --out "$BUNDLES/respike-hybrid"
$PY -m respike_recipe.export --run "$RUNS/c3d" --name c3d-baseline-synthetic --out "$BUNDLES/c3d-baseline"
$PY -m respike_recipe.report --ablation "$RUNS/ablation.json" --runs "$RUNS" --out "$BUNDLES" \
  --bundles "$BUNDLES/respike-hybrid" "$BUNDLES/c3d-baseline" --stride-study "$RUNS/ablation-s16.json"
