#!/usr/bin/env bash
# Gives a trained transformer labeller its early exit (docs/classifier.md, "Early exit"): a linear probe on layer 6's
# pooled states sends statements it finds plainly mentioning no further, so only the others pay for layers 7 to 12.
#   add-early-exit.sh MODEL_DIR OUT_DIR
# MODEL_DIR holds train.py's model.onnx and settings.json; OUT_DIR receives lower.onnx, upper.onnx and settings.json
# (the model's settings with the probe, named "<model>-exit6"), a folder Classifiers.load and --model take. Called by
# train-shipped.sh after training; needs target/citelens.jar and Debian's python3-torch and python3-onnx.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
if [ $# -ne 2 ]; then echo "usage: add-early-exit.sh MODEL_DIR OUT_DIR" >&2; exit 2; fi
model=$1; out=$2
layer=6
for f in model.onnx settings.json; do
  [ -f "$model/$f" ] || { echo "add-early-exit.sh: $model/$f is missing (a folder written by train.py)" >&2; exit 1; }
done
mkdir -p "$out"
work=target/transformer
mkdir -p "$work"
# The corpus statements the probe is measured on (the share escalated): the bundled corpus ingested with the fast
# labeller (its labels unused), exported. Reused if present: it depends on the corpus and the pipeline only.
if [ ! -f "$work/corpus-statements.jsonl" ]; then
  rm -rf "$work/corpus-index"
  java -jar target/citelens.jar ingest --corpus corpus/europepmc-crops --index "$work/corpus-index" --labeller fast
  java -jar target/citelens.jar export --index "$work/corpus-index" --format jsonl --out "$work/corpus-statements.jsonl"
fi
py=src/main/python/transformer/early_exit.py
/usr/bin/python3 "$py" expose --model "$model/model.onnx" --layer $layer --out "$work/exposed.onnx"
java -jar target/citelens.jar exit-features --model "$model" --exposed "$work/exposed.onnx" \
  --data corpus/datasets/clinical.tsv,corpus/annotations/citelens.tsv \
  --statements "$work/corpus-statements.jsonl" --out "$work/exit-features.jsonl"
rm -f "$work/exposed.onnx"
/usr/bin/python3 "$py" split --model "$model/model.onnx" --layer $layer --out-lower "$out/lower.onnx" --out-upper "$out/upper.onnx"
# The threshold: the lowest that takes none of the model's supporting or contrasting decisions on our dev split.
/usr/bin/python3 "$py" probe --features "$work/exit-features.jsonl" --settings "$model/settings.json" --layer $layer \
  --threshold dev --write "$out/settings.json" | tee "$out/exit-table.txt"
