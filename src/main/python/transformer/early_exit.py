"""Builds and measures the early exit of a transformer labeller (docs/classifier.md, "Early exit").

A linear probe on the mean-pooled output of a middle layer of the int8 graph says which statements are plainly
mentioning; only the others pay for the upper layers. This script does the offline parts; the Java side
(`citelens exit-features`) runs the graph. add-early-exit.sh chains them for a trained model, as the shipped one was.

  early_exit.py expose --model MODEL.onnx --layer N --out OUT.onnx
      writes the graph with the output of layer N (1-based: the first N layers) as a second output, "hidden".
  early_exit.py split --model MODEL.onnx --layer N --out-lower LOWER.onnx --out-upper UPPER.onnx
      cuts the graph in two at layer N: LOWER takes the three inputs and gives "hidden"; UPPER takes "hidden" and
      attention_mask and gives the logits. Together they are the same bytes of weights as MODEL; the shipped
      model is such a pair (EarlyExitSplitTiming times the halves).
  early_exit.py probe --features FEATURES.jsonl --settings settings.json [--lower-rate R --upper-rate R] [--l2 0.01]
                      [--threshold T|dev --write OUT/settings.json]
      fits the probe on the training rows (the rows the shipped model was trained on), then prints, for each exit
      threshold on the probe's probability of mentioning, the share of corpus statements that would go on to the
      upper layers, statements/s estimated from the two halves' measured rates if given, and the shipped model's supporting and contrasting decisions the
      exit would lose on the held-out rows. Choose the threshold on dev. With --write, also writes the settings of
      a two-graph model (with split's lower.onnx and upper.onnx beside it) that Classifiers.load runs with the exit.

Needs only Debian's python3-onnx, python3-numpy and python3-torch (as train.py).
"""
import argparse
import json
import os
import sys

import numpy as np


def expose(a):
    import onnx
    from onnx import TensorProto, helper
    model = onnx.load(a.model)
    name = hidden_name(a.layer)
    if not any(name in n.output for n in model.graph.node):
        sys.exit(f"early_exit.py: {a.model} has no tensor {name} (is it a graph written by train.py?)")
    model.graph.node.append(helper.make_node("Identity", [name], ["hidden"]))
    model.graph.output.append(helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", None]))
    onnx.save(model, a.out)
    print(f"early_exit.py: wrote {a.out} with layer {a.layer}'s output as 'hidden'", file=sys.stderr)


def hidden_name(layer):
    return f"/encoder/layers.{layer - 1}/output_norm/Add_1_output_0"


def subgraph(graph, outputs, stops):
    """The nodes and weights that compute `outputs` from the tensors in `stops`, in the graph's order.
    (onnx.utils.Extractor does the same but takes many minutes on a 12-layer graph.)"""
    producer = {o: n for n in graph.node for o in n.output}
    weights = {i.name: i for i in graph.initializer}
    seen, nodes, used, stack = set(), set(), set(), list(outputs)
    while stack:
        t = stack.pop()
        if t in seen or t in stops:
            continue
        seen.add(t)
        if t in weights:
            used.add(t)
        elif t in producer:
            node = producer[t]
            if id(node) not in nodes:
                nodes.add(id(node))
                stack.extend(i for i in node.input if i)
        else:
            sys.exit(f"early_exit.py: {t} is needed but is neither computed nor given")
    return [n for n in graph.node if id(n) in nodes], [weights[w] for w in sorted(used)]


def split(a):
    import onnx
    from onnx import TensorProto, helper
    model = onnx.load(a.model)
    g = model.graph
    name = hidden_name(a.layer)
    hidden = helper.make_tensor_value_info(name, TensorProto.FLOAT, ["batch", "tokens", None])
    inputs = {i.name: i for i in g.input}
    lower_nodes, lower_weights = subgraph(g, [name], set(inputs))
    upper_nodes, upper_weights = subgraph(g, [o.name for o in g.output], {name, "attention_mask"})
    for out, graph in ((a.out_lower, helper.make_graph(lower_nodes, "lower", list(g.input), [hidden], lower_weights)),
                       (a.out_upper, helper.make_graph(upper_nodes, "upper", [hidden, inputs["attention_mask"]],
                                                       list(g.output), upper_weights))):
        part = helper.make_model(graph, opset_imports=model.opset_import)
        part.ir_version = model.ir_version
        onnx.checker.check_model(part)
        onnx.save(part, out)
    print(f"early_exit.py: wrote {a.out_lower} (layers 1 to {a.layer}) and {a.out_upper} (the rest); "
          f"the hidden tensor is {name}", file=sys.stderr)


def probe(a):
    import torch
    torch.manual_seed(13)
    settings = json.load(open(a.settings))
    rows = [json.loads(line) for line in open(a.features)]
    labels = {"SUPPORTING": 0, "CONTRASTING": 1, "MENTIONING": 2}
    x = np.array([r["pooled"] for r in rows], dtype=np.float32)
    train = [i for i, r in enumerate(rows) if r["split"] == "train"]
    mean, scale = x[train].mean(0), x[train].std(0) + 1e-6
    xs = torch.tensor((x - mean) / scale)
    y = torch.tensor([labels.get(r["gold"], 2) for r in rows])
    # The shipped model's recipe: our rows count twice, contrasting weighs 2.
    w = torch.tensor([2.0 if r["dataset"] == "citelens" else 1.0 for r in rows])
    idx = torch.tensor(train)
    weight = torch.zeros(x.shape[1], 3, requires_grad=True)
    bias = torch.zeros(3, requires_grad=True)
    opt = torch.optim.LBFGS([weight, bias], max_iter=500, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        ce = torch.nn.functional.cross_entropy(xs[idx] @ weight + bias, y[idx], weight=torch.tensor([1.0, 2.0, 1.0]),
                                               reduction="none")
        loss = (ce * w[idx]).sum() / w[idx].sum() + a.l2 * (weight ** 2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    with torch.no_grad():
        mentioning = torch.softmax(xs @ weight + bias, 1)[:, 2].numpy()
    # The model's own decisions, by the trainer's rule (DecisionRule.java's twin).
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from train import decide, softmax
    shipped = decide(softmax(np.array([r["logits"] for r in rows]), settings["temperature"]),
                     settings["supportingThreshold"], settings["contrastingThreshold"])
    corpus = [i for i, r in enumerate(rows) if r["dataset"] == "corpus"]
    parts = [("citelens", "dev"), ("clinical", "dev"), ("citelens", "test")]
    print(f"probe on layer {a.layer} ({len(train)} training rows, L2 {a.l2}); {len(corpus)} corpus statements past the screen")
    lossless_on_dev = []
    for t in THRESHOLDS:
        escalated = float(np.mean([mentioning[i] < t for i in corpus])) if corpus else float("nan")
        line = [f"exit at {t:.2f}: {escalated:.3f} escalated"]
        if a.lower_rate and a.upper_rate:
            # Every statement pays for the lower layers, the escalated share for the upper ones too.
            line[0] += f", {1 / (1 / a.lower_rate + escalated / a.upper_rate):.0f} statements/s"
        for dataset, split in parts:
            held = [i for i, r in enumerate(rows) if r["dataset"] == dataset and r["split"] == split and r["reaches"]]
            rare = [i for i in held if shipped[i] != 2]
            lost = [i for i in rare if mentioning[i] >= t]
            right = sum(1 for i in lost if shipped[i] == labels[rows[i]["gold"]])
            line.append(f"{dataset} {split}: {len(lost)} of {len(rare)} rare decisions lost ({right} of them right)")
            if (dataset, split) == ("citelens", "dev") and not lost:
                lossless_on_dev.append(t)
        print(" | ".join(line))
    if a.write:
        if a.threshold == "dev":
            # The choice made for the shipped model: the lowest threshold at which the exit takes none of the model's
            # supporting or contrasting decisions on our dev split.
            if not lossless_on_dev:
                sys.exit("early_exit.py: every threshold loses a rare decision on dev; no exit written")
            threshold = min(lossless_on_dev)
        else:
            threshold = float(a.threshold)
        # The runtime's settings: the model's own, a new name (its labels may differ, so relabel redoes them), the probe.
        out = dict(settings)
        out["name"] = f"{settings['name']}-exit{a.layer}"
        out["description"] = (settings.get("description", "") + f"; early exit after layer {a.layer} at "
                              f"P(mentioning) {threshold} (a linear probe, L2 {a.l2}, on {len(train)} training rows)")
        out["earlyExit"] = {"layer": a.layer, "threshold": threshold, "mean": [float(v) for v in mean],
                            "scale": [float(v) for v in scale], "weights": weight.detach().tolist(),
                            "bias": bias.detach().tolist()}
        with open(a.write, "w") as f:
            json.dump(out, f, indent=2)
        print(f"early_exit.py: wrote {a.write} ({out['name']}, exit at {threshold})", file=sys.stderr)


THRESHOLDS = (0.5, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="command", required=True)
    e = sub.add_parser("expose")
    e.add_argument("--model", required=True)
    e.add_argument("--layer", type=int, default=6)
    e.add_argument("--out", required=True)
    s = sub.add_parser("split")
    s.add_argument("--model", required=True)
    s.add_argument("--layer", type=int, default=6)
    s.add_argument("--out-lower", required=True)
    s.add_argument("--out-upper", required=True)
    p = sub.add_parser("probe")
    p.add_argument("--features", required=True)
    p.add_argument("--settings", required=True)
    p.add_argument("--layer", type=int, default=6)
    p.add_argument("--lower-rate", type=float,
                   help="statements/s of the lower half on one thread (EarlyExitSplitTiming), for an estimate")
    p.add_argument("--upper-rate", type=float, help="the same for the upper half")
    p.add_argument("--l2", type=float, default=0.01)
    p.add_argument("--threshold", default="dev",
                   help="the exit threshold written by --write: a number, or dev (the default) for the lowest of the"
                        " table's thresholds that loses none of the model's rare decisions on our dev split")
    p.add_argument("--write", help="write the model's settings.json with this probe and threshold to this path")
    a = ap.parse_args()
    {"expose": expose, "split": split, "probe": probe}[a.command](a)


if __name__ == "__main__":
    main()
