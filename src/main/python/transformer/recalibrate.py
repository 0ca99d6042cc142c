#!/usr/bin/env python3
"""Refits a trained labeller's temperature, thresholds and confidence mapping from the held-out logits that train.py
wrote (heldout-logits.jsonl), without training again, and reports what each choice gives (docs/classifier.md,
"Method"). The graph does not change; settings.json does, and with it the labels, so the model's name gets a
digest of the decision settings too.

  python3 recalibrate.py --model DIR [--confidence-datasets citelens,clinical] [--write]

Only dev rows are fitted on. Test rows are scored after the fit, for the report; --crossfit DATASET also reports
that dataset's dev ECE with its papers split in two halves, each half's mapping fitted on the other half and on the
other datasets' dev rows, so the figure is not in-sample.
"""
import argparse
import hashlib
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train import calibrated_confidence, decide, ece, fit_temperature, platt_for, scores, softmax, threshold_for  # noqa: E402


def read(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    for r in rows:
        r["paper"] = r["id"].split("_")[0]
    return rows


def arrays(rows):
    return (np.array([r["logits"] for r in rows], dtype=np.float64), np.array([r["label"] for r in rows]),
            np.array([r["dataset"] for r in rows]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, help="train.py's output folder (heldout-logits.jsonl, settings.json)")
    ap.add_argument("--calibration-datasets", default="citelens")
    ap.add_argument("--contrasting-calibration-datasets", default="citelens,clinical")
    ap.add_argument("--confidence-datasets", default="citelens",
                    help="datasets whose dev rows fit the confidence mapping (train.py: the calibration datasets)")
    ap.add_argument("--precision", type=float, default=0.85)
    ap.add_argument("--contrasting-plateau", type=int, default=20)
    ap.add_argument("--crossfit", default="clinical")
    ap.add_argument("--write", action="store_true", help="write the refitted settings.json")
    a = ap.parse_args()

    rows = read(os.path.join(a.model, "heldout-logits.jsonl"))
    dev = [r for r in rows if r["split"] == "dev"]
    test = [r for r in rows if r["split"] == "test"]
    hl, hg, hd = arrays(dev)
    temperature = fit_temperature(hl, hg)
    hp = softmax(hl, temperature)
    cal = set(a.calibration_datasets.split(",")) - {""}
    cal_c = set(a.contrasting_calibration_datasets.split(",")) - {""} or cal
    conf_sets = set(a.confidence_datasets.split(",")) - {""}
    ts = threshold_for(hp[np.isin(hd, list(cal))], hg[np.isin(hd, list(cal))], 0, a.precision, 5)
    pick_c = np.isin(hd, list(cal_c))
    tc = threshold_for(hp[pick_c], hg[pick_c], 1, a.precision, 3, a.contrasting_plateau)
    hpred = decide(hp, ts, tc)
    platt = platt_for(hp, hpred, hg, np.isin(hd, list(conf_sets)))
    report = {"temperature": temperature, "supportingThreshold": ts, "contrastingThreshold": tc,
              "confidenceCalibration": platt}
    for part, part_rows in (("dev", dev), ("test", test)):
        if not part_rows:
            continue
        z, g, d = arrays(part_rows)
        p = softmax(z, temperature)
        pred = decide(p, ts, tc)
        for ds in sorted(set(d)):
            m = d == ds
            report[f"{part}/{ds}/shipped"] = scores(g[m], pred[m])
            report[f"{part}/{ds}/argmax"] = scores(g[m], decide(p[m], 0, 0))["macroF1"]
            report[f"{part}/{ds}/ece"] = ece(calibrated_confidence(p[m], pred[m], platt), (pred[m] == g[m]).astype(float))
    if a.crossfit:
        target = hd == a.crossfit
        papers = sorted({r["paper"] for r, t in zip(dev, target) if t})
        half = {p: int(hashlib.sha1(p.encode()).hexdigest(), 16) % 2 for p in papers}
        conf = np.zeros(len(dev))
        for h in (0, 1):
            this = np.array([t and half[r["paper"]] == h for r, t in zip(dev, target)])
            fit_rows = np.isin(hd, list(conf_sets - {a.crossfit})) | (target & ~this)
            fitted = platt_for(hp[fit_rows], hpred[fit_rows], hg[fit_rows], np.ones(int(fit_rows.sum()), dtype=bool))
            conf[this] = calibrated_confidence(hp[this], hpred[this], fitted)
        report[f"dev/{a.crossfit}/ece-crossfit"] = ece(conf[target], (hpred[target] == hg[target]).astype(float))
    for k, v in report.items():
        print(f"recalibrate.py: {k}: {v}", file=sys.stderr)
    if a.write:
        path = os.path.join(a.model, "settings.json")
        settings = json.load(open(path, encoding="utf-8"))
        decision = {"temperature": temperature, "supportingThreshold": ts, "contrastingThreshold": tc,
                    "confidenceCalibration": platt}
        settings.update(decision)
        base = settings["name"].rsplit("-", 1)[0]
        graph = hashlib.sha256(open(os.path.join(a.model, "model.onnx"), "rb").read()).hexdigest()
        settings["name"] = f"{base}-{hashlib.sha256((graph + json.dumps(decision, sort_keys=True)).encode()).hexdigest()[:8]}"
        settings["description"] += f"; recalibrated (confidence mapping from {','.join(sorted(conf_sets))} dev rows)"
        json.dump(settings, open(path, "w", encoding="utf-8"), indent=2)
        print(f"recalibrate.py: wrote {path} as {settings['name']}", file=sys.stderr)


if __name__ == "__main__":
    main()
