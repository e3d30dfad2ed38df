#!/usr/bin/env bash
# What would reach the recipe's targets? Trains a set of variants side by side on one CUDA GPU with the
# same data (batch 64 and lr 4e-3 so that a GPU, which is launch-bound on these small models, gets
# through 40 epochs in minutes), evaluates each on the test split and appends one JSON line per run to
# $STUDY/results.jsonl. Not the shipped recipe: reproduce.sh is (CPU, batch 16, 20 epochs).
#   cd models/recipe && STUDY=runs/study TRAIN_S=400 ./gpu_study.sh
set -u
cd "$(dirname "$0")"
PY=${PY:-python3}
STUDY=${STUDY:-runs/study}
TRAIN_S=${TRAIN_S:-1200}   # wall-clock cap per training; an unfinished run is evaluated at its last epoch
EPOCHS=${EPOCHS:-40}
DEVICE=${DEVICE:-cuda}
PER_CLASS=${PER_CLASS:-300}
TEST_PER_CLASS=${TEST_PER_CLASS:-100}
mkdir -p "$STUDY"
export PYTHONUNBUFFERED=1

# Render every split once, in parallel, before the runs read them.
for size in 64 96; do
  for split in "train $PER_CLASS" "val 30" "test $TEST_PER_CLASS"; do
    set -- $split
    $PY -c "from respike_recipe import data as D; D.build_split('$1', $2, size=$size)" 2>/dev/null &
  done
done
wait

variant() {  # NAME MODEL [--set ...]
  local name=$1 model=$2
  shift 2
  timeout "$TRAIN_S" $PY -m respike_recipe.train --model "$model" --out "$STUDY/$name" --device "$DEVICE" \
    --threads 2 --epochs "$EPOCHS" --batch-size 64 --lr 4e-3 --warmup-epochs 2 \
    --train-per-class "$PER_CLASS" "$@" > "$STUDY/$name.log" 2>&1
  $PY -m respike_recipe.evaluate --runs "$STUDY/$name" --per-class "$TEST_PER_CLASS" \
    --out "$STUDY/$name.json" >> "$STUDY/$name.log" 2>&1 &&
    $PY -c "
import json
from respike_recipe.runs import load_checkpoint
r = json.load(open('$STUDY/$name.json'))['$name']
h = load_checkpoint('$STUDY/$name')['history']
print(json.dumps({'run': '$name', 'args': '$model $*', 'epochs_done': len(h), 'acc': r['test_accuracy'],
                  'energy_uj': r['energy_uj_per_clip'], 'spike_rate': r['mean_spike_rate'],
                  'train_acc': h[-1]['train_acc'], 'val_acc': h[-1]['val_acc'],
                  'epoch_s': sum(e['seconds'] for e in h) / len(h), 'confusion': r['confusion']}))
" >> "$STUDY/results.jsonl"
}

variant hybrid-s8 hybrid --set stride=8 &
variant snn-s8 snn --set stride=8 &
variant ann-s8 ann --set stride=8 &
variant c3d c3d &
variant hybrid-s8-96px hybrid --set stride=8 --set size=96 &
variant hybrid-s16 hybrid --set stride=16 &
variant hybrid-s8-wide hybrid --set stride=8 --set 'ann_widths=[32,64,128,256]' --set 'snn_widths=[32,64,128,256]' &
wait
echo "study done: $(wc -l < "$STUDY/results.jsonl") runs evaluated"
