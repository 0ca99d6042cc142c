#!/usr/bin/env python3
"""Fine-tunes a pretrained encoder into the Citelens transformer labeller (docs/classifier.md).

Reads encoder inputs written by `citelens transformer-data` (token ids made by the same Java code that labels at
run time), fine-tunes MiniLM-L6 / E5-small / BGE-small loaded from their ONNX graphs (bert.py), fits a softmax
temperature and precision-first thresholds on held-out rows, and writes model.onnx (fp32), model.int8.onnx,
settings.json and report.json to --out. Fixed seed, single process: the same data and arguments give the same
model on the same machine.

  python3 train.py --data a.jsonl,b.jsonl --encoder ENCODER.onnx --encoder-name minilm-l6 --out DIR
"""
import argparse
import hashlib
import json
import math
import os
import random
import re
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bert import Classifier, load_encoder  # noqa: E402
from quantize import quantize  # noqa: E402

LABELS = ["supporting", "contrasting", "mentioning"]
# The run time's tokenizer: its [MASK] is the target marker in every encoder input (TransformerInputBuilder).
TOKENIZER = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                         "../../resources/org/citelens/classify/transformer/tokenizer.json")


def marker_token_id():
    with open(TOKENIZER, encoding="utf-8") as f:
        return json.load(f)["model"]["vocab"]["[MASK]"]


def read_rows(paths):
    rows = []
    for path in paths.split(","):
        with open(path, encoding="utf-8") as f:
            rows += [json.loads(line) for line in f if line.strip()]
    return rows


def layer_rate(name, layers, decay):
    """The learning-rate factor of a parameter under layer-wise decay: the head 1, the top encoder layer decay, each
    layer below it decay times its upper neighbour's, the embeddings (and their norm) below the bottom layer."""
    layer = re.search(r"(?:^|\.)encoder\.layers\.(\d+)\.", name)
    if layer:
        return decay ** (layers - int(layer.group(1)))
    return decay ** (layers + 1) if re.search(r"(?:^|\.)encoder\.", name) else 1.0


def batches(rows, size, rng):
    """Length-bucketed batches (little padding), in random order."""
    order = sorted(range(len(rows)), key=lambda i: (len(rows[i]["ids"]), rng.random()))
    chunks = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(chunks)
    return chunks


def tensors(rows, idx):
    n = max(len(rows[i]["ids"]) for i in idx)
    ids = torch.zeros((len(idx), n), dtype=torch.long)
    types = torch.zeros_like(ids)
    mask = torch.zeros_like(ids)
    for r, i in enumerate(idx):
        k = len(rows[i]["ids"])
        ids[r, :k] = torch.tensor(rows[i]["ids"])
        types[r, :k] = torch.tensor(rows[i]["types"])
        mask[r, :k] = 1
    return ids, mask, types


def logits_of(model, rows, size=32, own=None):
    """The exported head's logits for each row; with a DatasetHeads model and an `own` array, that array also gets
    each row's own dataset head's logits from the same pass."""
    model.eval()
    out = np.zeros((len(rows), 3), dtype=np.float64)
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]["ids"]))
    with torch.no_grad():
        for s in range(0, len(order), size):
            idx = order[s:s + size]
            if own is None:
                out[idx] = model(*tensors(rows, idx)).double().numpy()
            else:
                main, mine = model.both(*tensors(rows, idx), [rows[i]["dataset"] for i in idx])
                out[idx] = main.double().numpy()
                own[idx] = mine.double().numpy()
    return out


class DatasetHeads(torch.nn.Module):
    """The classifier plus one more linear head per named dataset, on the same pooled states. A set whose labels were
    made under other guidelines (the clinical set: "according to" as supporting, no context) then shapes the shared
    encoder without pulling the shipped head's decision boundary towards its own; only the shipped head is exported.
    The linear labeller's domain feature copies do the same (docs/classifier.md, fast labeller)."""

    def __init__(self, base, names):
        super().__init__()
        self.base = base
        self.extra = torch.nn.ModuleDict({n: torch.nn.Linear(base.size, 3) for n in names})

    def both(self, ids, mask, types, datasets):
        pooled = self.base.pooled(ids, mask, types)
        main = self.base.head(pooled)
        own = main
        for name, head in self.extra.items():
            mine = torch.tensor([d == name for d in datasets]).unsqueeze(1)
            own = torch.where(mine, head(pooled), own)
        return main, own

    def forward(self, ids, mask, types, datasets):
        return self.both(ids, mask, types, datasets)[1]


def softmax(z, t=1.0):
    z = z / t
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(logits, gold):
    best, best_nll = 1.0, float("inf")
    for t in np.exp(np.linspace(math.log(0.3), math.log(5.0), 200)):
        p = softmax(logits, t)
        nll = -np.mean(np.log(p[np.arange(len(gold)), gold] + 1e-12))
        if nll < best_nll:
            best, best_nll = float(t), nll
    return best


def decide(p, ts, tc):
    s_ok = p[:, 0] >= ts if ts > 0 else p[:, 0] >= np.maximum(p[:, 1], p[:, 2])
    c_ok = p[:, 1] >= tc if tc > 0 else p[:, 1] >= np.maximum(p[:, 0], p[:, 2])
    pred = np.full(len(p), 2)
    pred[s_ok] = 0
    pred[c_ok & (~s_ok | (p[:, 1] > p[:, 0]))] = 1
    return pred


def scores(gold, pred):
    out = {}
    f1s = []
    for k, name in enumerate(LABELS):
        tp = int(((pred == k) & (gold == k)).sum())
        npred, ngold = int((pred == k).sum()), int((gold == k).sum())
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f)
        out[name] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "predicted": npred, "gold": ngold}
    out["macroF1"] = round(float(np.mean(f1s)), 4)
    out["accuracy"] = round(float((gold == pred).mean()), 4) if len(gold) else 0.0
    return out


def fit_platt(p, correct):
    """conf = sigmoid(a * logit(p) + b), fitted by Newton steps on the log loss: the decided label's probability
    mapped to how often such decisions are right (the threshold rule makes raw probabilities of a 'mentioning'
    decision pessimistic)."""
    x = np.log(np.clip(p, 1e-6, 1 - 1e-6) / np.clip(1 - p, 1e-6, 1))
    X = np.stack([x, np.ones_like(x)], axis=1)
    w = np.array([1.0, 0.0])
    for _ in range(50):
        q = 1 / (1 + np.exp(-(X @ w)))
        g = X.T @ (q - correct) + 1e-3 * w
        h = (X * (q * (1 - q))[:, None]).T @ X + 1e-3 * np.eye(2)
        w = w - np.linalg.solve(h, g)
    return [float(w[0]), float(w[1])]


def platt_for(p, pred, gold, preferred):
    """One confidence mapping per decided label, fitted on the preferred rows when 20 of them carry that decision,
    else on every row that does."""
    out = []
    for k in range(3):
        mine = (pred == k) & preferred
        use = mine if mine.sum() >= 20 else (pred == k)
        out.append(fit_platt(p[use, k], (gold[use] == k).astype(float)) if use.sum() >= 5 else [1.0, 0.0])
    return out


def calibrated_confidence(p, pred, platt):
    conf = p[np.arange(len(p)), pred]
    out = conf.copy()
    for k, (a, b) in enumerate(platt):
        m = pred == k
        x = np.log(np.clip(conf[m], 1e-6, 1 - 1e-6) / np.clip(1 - conf[m], 1e-6, 1))
        out[m] = 1 / (1 + np.exp(-(a * x + b)))
    return out


def ece(conf, correct, bins=10):
    total = 0.0
    for b in range(bins):
        m = (conf >= b / bins) & (conf < (b + 1) / bins) if b < bins - 1 else (conf >= b / bins)
        if m.any():
            total += m.sum() / len(conf) * abs(conf[m].mean() - correct[m].mean())
    return round(float(total), 4)


def threshold_for(p, gold, k, target, min_predicted, plateau_min=0):
    """The lowest threshold whose precision (Laplace-smoothed) on held-out rows reaches the target. When none does
    and plateau_min is set, the threshold (in steps of 0.05) with the best smoothed precision among those that
    still predict at least plateau_min rows, the lowest on ties: the label is then shipped at the best precision
    the model reaches, rather than never given."""
    best, best_p = 0.99, -1.0
    for t in np.arange(0.30, 0.99, 0.01):
        chosen = p[:, k] >= t
        n = int(chosen.sum())
        if n < min_predicted:
            break
        tp = int((chosen & (gold == k)).sum())
        if (tp + 1) / (n + 2) >= target:
            return float(round(t, 2))
    if plateau_min:
        for t in np.arange(0.30, 0.99, 0.05):
            chosen = p[:, k] >= t
            n = int(chosen.sum())
            if n < plateau_min:
                break
            smoothed = (int((chosen & (gold == k)).sum()) + 1) / (n + 2)
            if smoothed > best_p + 1e-9:
                best, best_p = float(round(t, 2)), smoothed
    return best


def batch_loss(logits, rows, weights, distil, temperature):
    """Class-weighted cross-entropy on the labelled rows, plus (weight `distil`) the KL divergence from the teacher's
    softened scores on rows that carry them (Hinton et al. 2015, scaled by T squared); each row counts once in the
    batch mean, and an unlabelled row contributes only its distillation term."""
    gold = torch.tensor([max(r["label"], 0) for r in rows])
    if distil <= 0:
        return torch.nn.functional.cross_entropy(logits, gold, weight=weights)
    labelled = torch.tensor([r["label"] >= 0 for r in rows], dtype=torch.float32)
    ce = torch.nn.functional.cross_entropy(logits, gold, weight=weights, reduction="none") * labelled
    has = torch.tensor(["teacher" in r for r in rows], dtype=torch.float32)
    teacher = torch.tensor([r.get("teacher", [0.0, 0.0, 0.0]) for r in rows], dtype=torch.float32)
    kl = torch.nn.functional.kl_div(torch.log_softmax(logits / temperature, dim=1),
                                    torch.softmax(teacher / temperature, dim=1), reduction="none").sum(dim=1)
    return ((1 - distil) * ce + distil * temperature ** 2 * kl * has).mean()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="comma-separated transformer-data JSONL files")
    ap.add_argument("--encoder", required=True, help="the pretrained encoder's fp32 ONNX file")
    ap.add_argument("--encoder-name", required=True)
    ap.add_argument("--name", required=True, help="the model name recorded on every statement it labels")
    ap.add_argument("--out", required=True)
    ap.add_argument("--train-splits", default="train")
    ap.add_argument("--calibration-datasets", default="", help="datasets whose held-out rows choose the supporting threshold")
    ap.add_argument("--contrasting-calibration-datasets", default="",
                    help="datasets whose held-out rows choose the contrasting threshold (default: as for supporting); "
                         "pool sets when one has too few contrasting rows to choose on")
    ap.add_argument("--contrasting-plateau", type=int, default=20,
                    help="when no contrasting threshold reaches --precision, ship the best-precision one that still "
                         "predicts this many held-out rows (0: never label contrasting then)")
    ap.add_argument("--serve-max-tokens", type=int, default=96, help="input cap written to settings.json for run time")
    ap.add_argument("--serve-sentence-tokens", type=int, default=64)
    ap.add_argument("--oversample", default="", help="DATASET=N[,...]: repeat that set's training rows N times")
    ap.add_argument("--class-weights", default="1,1,1", help="loss weights for supporting, contrasting, mentioning")
    ap.add_argument("--epochs", type=float, default=3)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--warmup", type=float, default=0.06)
    ap.add_argument("--precision", type=float, default=0.85)
    ap.add_argument("--screen-cues", default="CONTRAST",
                    help="cue kinds that send a statement to the transformer whatever the screen says")
    ap.add_argument("--screen", type=float, default=0.8,
                    help="the fast model's probability of mentioning from which the default labeller skips the transformer")
    ap.add_argument("--distil", type=float, default=0.0,
                    help="weight of the distillation loss (0 to 1): rows carrying a teacher's logits (transformer-data "
                         "--teacher) also learn the teacher's softened scores; unlabelled rows learn only those")
    ap.add_argument("--distil-temperature", type=float, default=2.0)
    ap.add_argument("--layers", type=int, default=0, help="keep only the encoder's bottom N layers (0: all)")
    ap.add_argument("--dataset-heads", default="",
                    help="datasets whose rows train a head of their own beside the exported one (fp32 figures of "
                         "those heads in report.json as .../argmax-own-head)")
    ap.add_argument("--scaffold", default="",
                    help="DATASET[,...]: sets whose labels mean something else (athar's sentiment), trained as a "
                         "scaffold task (Cohan et al. 2019): a head of their own, their training rows only (the "
                         "exported head never labels their notion, so their held-out rows judge nothing here)")
    ap.add_argument("--sample", default="",
                    help="DATASET:LABEL=FRACTION[,...]: keep that seeded fraction of those training rows")
    ap.add_argument("--pool", choices=["mean", "mean+marker"], default="mean",
                    help="what the head reads: the mean of the encoder's states, or that and the target marker's state")
    ap.add_argument("--layer-decay", type=float, default=1.0,
                    help="layer-wise learning-rate decay (Howard and Ruder 2018; Sun et al. 2019): the head learns at "
                         "--lr, the top encoder layer at lr x F, each lower layer F times slower, the embeddings last")
    ap.add_argument("--init-state", default="",
                    help="an encoder state written by pretrain.py (encoder.pt): fine-tuning starts from it instead "
                         "of the ONNX graph's weights (the graph still gives the architecture)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (smoke tests)")
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    os.makedirs(a.out, exist_ok=True)
    rows = read_rows(a.data)
    scaffold = [d for d in a.scaffold.split(",") if d]
    rows = [r for r in rows if r["dataset"] not in scaffold or r["split"] == "train"]
    train_splits = set(a.train_splits.split(","))
    if a.distil > 0:
        train_splits.add("unlabelled")
    train = [r for r in rows if r["split"] in train_splits]
    if a.distil > 0 and not any("teacher" in r for r in train):
        sys.exit("train.py: --distil needs rows with a teacher's logits (transformer-data --teacher)")
    for spec in filter(None, a.sample.split(",")):
        sample = re.fullmatch(r"([^:=]+):([a-z]+)=([01](?:\.\d+)?)", spec)
        if not sample or sample.group(2) not in LABELS or float(sample.group(3)) > 1:
            sys.exit(f"train.py: --sample takes DATASET:LABEL=FRACTION (a label of {LABELS}, 0 to 1), not '{spec}'")
        name, label, fraction = sample.groups()
        keep = random.Random(a.seed)
        train = [r for r in train
                 if r["dataset"] != name or r["label"] != LABELS.index(label) or keep.random() < float(fraction)]
    for spec in filter(None, a.oversample.split(",")):
        name, times = spec.split("=")
        train += [r for r in train if r["dataset"] == name] * (int(times) - 1)
    held = [r for r in rows if r["split"] == "dev"]
    test = [r for r in rows if r["split"] == "test"]
    print(f"train.py: {len(train)} training rows, {len(held)} dev rows, {len(test)} test rows (never trained on)",
          file=sys.stderr)

    encoder, hidden, layers = load_encoder(a.encoder, keep_layers=a.layers)
    if a.init_state:
        # Checked here rather than left to torch, so a state of another encoder or depth is one line, not a traceback.
        missing, unexpected = encoder.load_state_dict(torch.load(a.init_state), strict=False)
        if missing or unexpected:
            sys.exit(f"train.py: --init-state {a.init_state} does not fit the encoder "
                     f"(missing {missing[:3]}, unexpected {unexpected[:3]})")
    model = Classifier(encoder, hidden, marker_id=marker_token_id() if a.pool == "mean+marker" else None)
    own_heads = [d for d in a.dataset_heads.split(",") if d] + scaffold
    if own_heads:
        model = DatasetHeads(model, own_heads)
    # Parameter groups by weight decay and layer-wise rate; with --layer-decay 1 they are the two plain groups, in the
    # same order, so the shipped recipe trains exactly as before the option.
    groups, rate_of = {}, {}
    for n, p in model.named_parameters():
        plain = n.endswith(".bias") or "norm" in n
        rate = layer_rate(n, layers, a.layer_decay)
        group = groups.setdefault((plain, rate), {"params": [], "weight_decay": 0.0 if plain else a.weight_decay,
                                                  "lr": a.lr * rate})
        group["params"].append(p)
        rate_of[n] = group["lr"]
    opt = torch.optim.AdamW(list(groups.values()), lr=a.lr)
    rng = random.Random(a.seed)
    steps_per_epoch = math.ceil(len(train) / a.batch)
    total = max(1, int(steps_per_epoch * a.epochs))
    if a.max_steps:
        total = min(total, a.max_steps)
    warm = max(1, int(total * a.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (total - s) / max(1, total - warm)))
    weights = torch.tensor([float(w) for w in a.class_weights.split(",")])
    losses, step, start = [], 0, time.time()
    while step < total:
        for idx in batches(train, a.batch, rng):
            if step >= total:
                break
            model.train()
            logits = (model(*tensors(train, idx), [train[i]["dataset"] for i in idx]) if own_heads
                      else model(*tensors(train, idx)))
            loss = batch_loss(logits, [train[i] for i in idx], weights, a.distil, a.distil_temperature)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            losses.append(float(loss))
            step += 1
            if step % 20 == 0 or step == total:
                rate = step / (time.time() - start)
                print(f"train.py: step {step}/{total}, loss {np.mean(losses[-20:]):.4f}, {rate:.2f} steps/s, "
                      f"ETA {(total - step) / rate / 60:.1f} min", file=sys.stderr, flush=True)

    report = {"name": a.name, "encoder": a.encoder_name, "datasetHeads": own_heads, "scaffold": scaffold, "sample": a.sample, "pool": a.pool, "oversample": a.oversample, "classWeights": a.class_weights, "distil": a.distil, "distilTemperature": a.distil_temperature, "layers": layers, "layerDecay": a.layer_decay, "initState": a.init_state,
              "learningRates": {"head": next(v for n, v in rate_of.items() if "encoder." not in n),
                                "embeddings": next(v for n, v in rate_of.items() if n.endswith("encoder.word.weight")),
                                **{f"layer{i}": next(v for n, v in rate_of.items() if f"encoder.layers.{i}." in n)
                                   for i in range(layers)}},
              "steps": step, "epochs": a.epochs,
              "batch": a.batch, "lr": a.lr, "seed": a.seed, "trainRows": len(train), "losses": losses,
              "trainSeconds": round(time.time() - start, 1)}
    # The held-out rows' raw logits, so calibration and thresholds can be refitted (recalibrate.py) without training
    # again: they are all the fitting below reads.
    # Scored once: on E5-small the 2,724 held-out rows take about five minutes of two cores per pass.
    held_own = np.zeros((len(held), 3)) if own_heads else None
    test_own = np.zeros((len(test), 3)) if own_heads else None
    held_logits = logits_of(model, held, own=held_own) if held else None
    test_logits = logits_of(model, test, own=test_own) if test else None
    for part, part_rows, part_own in (("dev", held, held_own), ("test", test, test_own)):
        for ds in own_heads:
            m = np.array([r["dataset"] == ds for r in part_rows])
            if m.any():
                g = np.array([r["label"] for r in part_rows])[m]
                report[f"{part}/{ds}/argmax-own-head"] = scores(g, decide(softmax(part_own[m]), 0, 0))
    with open(os.path.join(a.out, "heldout-logits.jsonl"), "w", encoding="utf-8") as f:
        for part, part_rows, part_logits, part_own in (("dev", held, held_logits, held_own),
                                                         ("test", test, test_logits, test_own)):
            for k, (r, z) in enumerate(zip(part_rows, part_logits if part_rows else [])):
                line = {"id": r["id"], "split": part, "dataset": r["dataset"], "label": r["label"],
                        "logits": [round(float(v), 6) for v in z]}
                if part_own is not None and r["dataset"] in own_heads:
                    line["ownHeadLogits"] = [round(float(v), 6) for v in part_own[k]]
                f.write(json.dumps(line) + "\n")
    temperature, ts, tc, platt = 1.0, 0.0, 0.0, [[1.0, 0.0]] * 3
    if held:
        hl = held_logits
        hg = np.array([r["label"] for r in held])
        temperature = fit_temperature(hl, hg)
        hp = softmax(hl, temperature)
        cal = set(a.calibration_datasets.split(",")) - {""}
        cal_c = set(a.contrasting_calibration_datasets.split(",")) - {""} or cal
        pick = np.array([not cal or r["dataset"] in cal for r in held])
        pick_c = np.array([not cal_c or r["dataset"] in cal_c for r in held])
        ts = threshold_for(hp[pick], hg[pick], 0, a.precision, 5)
        tc = threshold_for(hp[pick_c], hg[pick_c], 1, a.precision, 3, a.contrasting_plateau)
        hpred = decide(hp, ts, tc)
        platt = platt_for(hp, hpred, hg, pick)
        for ds in sorted({r["dataset"] for r in held}):
            m = np.array([r["dataset"] == ds for r in held])
            report[f"dev/{ds}/argmax"] = scores(hg[m], decide(hp[m], 0, 0))
            report[f"dev/{ds}/shipped"] = scores(hg[m], decide(hp[m], ts, tc))
            conf = calibrated_confidence(hp[m], hpred[m], platt)
            report[f"dev/{ds}/ece"] = ece(conf, (hpred[m] == hg[m]).astype(float))
    if test:
        tl = softmax(test_logits, temperature)
        tg = np.array([r["label"] for r in test])
        for ds in sorted({r["dataset"] for r in test}):
            m = np.array([r["dataset"] == ds for r in test])
            report[f"test/{ds}/argmax"] = scores(tg[m], decide(tl[m], 0, 0))
            report[f"test/{ds}/shipped"] = scores(tg[m], decide(tl[m], ts, tc))
            tpred = decide(tl[m], ts, tc)
            report[f"test/{ds}/ece"] = ece(calibrated_confidence(tl[m], tpred, platt), (tpred == tg[m]).astype(float))
    report.update({"temperature": temperature, "supportingThreshold": ts, "contrastingThreshold": tc,
                   "confidenceCalibration": platt})
    for k, v in report.items():
        if k != "losses":
            print(f"train.py: {k}: {v}", file=sys.stderr)

    if own_heads:
        model = model.base  # only the shipped head is exported
    model.eval()
    fp32 = os.path.join(a.out, "model.fp32.onnx")
    example = tensors(train, list(range(min(2, len(train)))))
    torch.onnx.export(model, example, fp32, opset_version=14, input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["logits"], dynamic_axes={n: {0: "batch", 1: "tokens"} for n in
                                                             ["input_ids", "attention_mask", "token_type_ids"]} | {"logits": {0: "batch"}})
    quantize(fp32, os.path.join(a.out, "model.onnx"))
    # The name carries a digest of the shipped graph, so it changes exactly when the model does.
    with open(os.path.join(a.out, "model.onnx"), "rb") as f:
        name = f"{a.name}-{hashlib.sha256(f.read()).hexdigest()[:8]}"
    # Fixed expected logits for the Java runtime test: the first three training rows through the fp32 graph.
    probe = train[:3]
    report["probe"] = {"ids": [r["ids"] for r in probe], "types": [r["types"] for r in probe],
                       "logits": logits_of(model, probe).round(5).tolist()}
    scaffold_said = f"scaffold {','.join(scaffold)}; " if scaffold else ""
    settings = {"name": name, "encoder": a.encoder_name, "maxTokens": a.serve_max_tokens,
                "sentenceTokens": a.serve_sentence_tokens,
                "temperature": temperature, "supportingThreshold": ts, "contrastingThreshold": tc,
                "screenThreshold": a.screen, "screenCues": [c for c in a.screen_cues.split(",") if c],
                "confidenceCalibration": platt, "description": f"{a.encoder_name} fine-tuned on {len(train)} rows of {a.data.replace(os.sep, '/')} "
                               f"(splits {','.join(sorted(train_splits))}; "
                               f"{f'distilled at weight {a.distil}, T {a.distil_temperature}; ' if a.distil > 0 else ''}oversampled {a.oversample or 'none'}; {scaffold_said}{f'sampled {a.sample}; ' if a.sample else ''}{f'layer-wise lr decay {a.layer_decay}; ' if a.layer_decay != 1 else ''}{'encoder MLM-pretrained further on the training text first; ' if a.init_state else ''}class weights {a.class_weights}{'; the head reads the mean and the target marker' if a.pool == 'mean+marker' else ''}), "
                               f"{a.epochs} epochs, batch {a.batch}, lr {a.lr}, seed {a.seed}; "
                               f"temperature and thresholds (precision {a.precision}) from {len(held)} dev rows"}
    with open(os.path.join(a.out, "settings.json"), "w", encoding="utf-8") as f:
        json.dump(settings, f, indent=2)
    with open(os.path.join(a.out, "report.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    print(f"train.py: wrote {a.out}/model.onnx, settings.json, report.json", file=sys.stderr)


if __name__ == "__main__":
    main()
