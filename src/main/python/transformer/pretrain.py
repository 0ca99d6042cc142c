#!/usr/bin/env python3
"""Continues a pretrained encoder's masked-language-model training on the labeller's own training text, before
fine-tuning (task-adaptive pretraining, Gururangan et al. 2020, "Don't Stop Pretraining"; docs/classifier.md, run 17).

The encoders that ship in langchain4j's jars are embedding models: their ONNX graphs carry no MLM head. The head is
BERT's (a dense layer, GELU and LayerNorm, then the word embeddings, tied, plus a bias); it starts untrained, so for
--head-steps the encoder is frozen and only the head learns (an untrained head's gradients would otherwise pull the
encoder towards noise), then both learn. Masking is BERT's: 15% of the word pieces, 80% of those become [MASK], 10% a
random word piece, 10% stay; [CLS], [SEP], [UNK] (our "other work" marker) and [MASK] (the target marker) are never
chosen. Only rows of --splits are read, so a clinical fold's held-out papers never lend their text.

  python3 pretrain.py --data DATA.jsonl --encoder ENCODER.onnx --out DIR [--steps N] [--threads N]

Writes DIR/encoder.pt (the encoder's state, for `train.py --init-state`) and DIR/pretrain.json (losses, settings).
"""
import argparse
import json
import os
import random
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bert import load_encoder  # noqa: E402
from train import batches, read_rows, tensors  # noqa: E402

# bert-base-uncased (the tokenizer of all three encoders): ids below 999 are [PAD], [unusedN], [UNK], [CLS], [SEP]
# and [MASK]; word pieces start at 999.
FIRST_WORD_PIECE = 999
MASK_ID = 103


class MlmHead(nn.Module):
    """BERT's prediction head over the tied word embeddings."""

    def __init__(self, word):
        super().__init__()
        hidden = word.weight.shape[1]
        self.word = word
        self.dense = nn.Linear(hidden, hidden)
        self.norm = nn.LayerNorm(hidden, eps=1e-12)
        self.bias = nn.Parameter(torch.zeros(word.weight.shape[0]))

    def forward(self, states):
        return self.norm(nn.functional.gelu(self.dense(states))) @ self.word.weight.t() + self.bias


def mask_tokens(ids, mask, rng, rate, vocab):
    """BERT's corruption: returns the corrupted ids and the targets (-100 where nothing is predicted)."""
    chosen = (torch.rand(ids.shape, generator=rng) < rate) & (ids >= FIRST_WORD_PIECE) & (mask > 0)
    targets = torch.where(chosen, ids, torch.full_like(ids, -100))
    draw = torch.rand(ids.shape, generator=rng)
    corrupted = ids.clone()
    corrupted[chosen & (draw < 0.8)] = MASK_ID
    swap = chosen & (draw >= 0.8) & (draw < 0.9)
    corrupted[swap] = torch.randint(FIRST_WORD_PIECE, vocab, ids.shape, generator=rng)[swap]
    return corrupted, targets


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="comma-separated transformer-data JSONL files")
    ap.add_argument("--encoder", required=True, help="the pretrained encoder's fp32 ONNX file")
    ap.add_argument("--out", required=True)
    ap.add_argument("--splits", default="train", help="the rows whose text is read (never the held-out ones)")
    ap.add_argument("--steps", type=int, default=700)
    ap.add_argument("--head-steps", type=int, default=100, help="steps that train the head alone, encoder frozen")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=5e-5, help="the encoder's peak rate")
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--mask-rate", type=float, default=0.15)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    if a.head_steps >= a.steps:
        sys.exit(f"pretrain.py: --head-steps {a.head_steps} leaves no step for the encoder (--steps {a.steps})")

    torch.set_num_threads(a.threads)
    random.seed(a.seed)
    torch.manual_seed(a.seed)
    rng = torch.Generator().manual_seed(a.seed)
    splits = set(a.splits.split(","))
    # One copy of each text: a statement found in two sets, or repeated by a recipe, teaches the MLM nothing twice.
    seen, rows = set(), []
    for r in read_rows(a.data):
        key = tuple(r["ids"])
        if r["split"] in splits and key not in seen:
            seen.add(key)
            rows.append(r)
    if not rows:
        sys.exit(f"pretrain.py: no rows of splits {sorted(splits)} in {a.data}")
    print(f"pretrain.py: {len(rows)} distinct texts of splits {','.join(sorted(splits))}", file=sys.stderr)
    os.makedirs(a.out, exist_ok=True)

    encoder, _, layers = load_encoder(a.encoder)
    head = MlmHead(encoder.word)
    vocab = encoder.word.weight.shape[0]
    own = [p for n, p in head.named_parameters() if not n.startswith("word.")]
    head_opt = torch.optim.AdamW(own, lr=a.head_lr, weight_decay=0.01)
    enc_opt = torch.optim.AdamW(encoder.parameters(), lr=a.lr, weight_decay=0.01)
    joint = a.steps - a.head_steps
    warm = max(1, int(joint * 0.06))
    enc_sched = torch.optim.lr_scheduler.LambdaLR(
        enc_opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (joint - s) / max(1, joint - warm)))
    order_rng = random.Random(a.seed)
    losses, step, start = [], 0, time.time()
    while step < a.steps:
        for idx in batches(rows, a.batch, order_rng):
            if step >= a.steps:
                break
            ids, mask, types = tensors(rows, idx)
            corrupted, targets = mask_tokens(ids, mask, rng, a.mask_rate, vocab)
            picked = targets >= 0
            if not picked.any():
                continue
            frozen = step < a.head_steps
            encoder.train(not frozen)
            head.train()
            with torch.set_grad_enabled(not frozen):
                states = encoder(corrupted, mask, types)
            logits = head(states[picked])
            loss = nn.functional.cross_entropy(logits, targets[picked])
            head_opt.zero_grad()
            enc_opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(list(encoder.parameters()) + own, 1.0)
            head_opt.step()
            if not frozen:
                enc_opt.step()
                enc_sched.step()
            losses.append(float(loss))
            step += 1
            if step % 20 == 0 or step == a.steps:
                rate = step / (time.time() - start)
                print(f"pretrain.py: step {step}/{a.steps}{' (head only)' if frozen else ''}, MLM loss "
                      f"{np.mean(losses[-20:]):.3f}, {rate:.2f} steps/s, ETA {(a.steps - step) / rate / 60:.1f} min",
                      file=sys.stderr, flush=True)
    torch.save(encoder.state_dict(), os.path.join(a.out, "encoder.pt"))
    report = {"encoder": a.encoder, "data": a.data, "splits": sorted(splits), "texts": len(rows), "steps": step,
              "headSteps": a.head_steps, "batch": a.batch, "lr": a.lr, "headLr": a.head_lr, "maskRate": a.mask_rate,
              "seed": a.seed, "epochs": round(step * a.batch / len(rows), 2), "layers": layers,
              "firstLoss": round(float(np.mean(losses[:20])), 4),
              "headOnlyLoss": round(float(np.mean(losses[max(0, a.head_steps - 20):a.head_steps])), 4),
              "lastLoss": round(float(np.mean(losses[-20:])), 4), "losses": losses,
              "seconds": round(time.time() - start, 1)}
    with open(os.path.join(a.out, "pretrain.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    print(f"pretrain.py: MLM loss {report['firstLoss']} -> {report['headOnlyLoss']} (head alone) -> "
          f"{report['lastLoss']} over {step} steps ({report['epochs']} epochs); wrote {a.out}/encoder.pt",
          file=sys.stderr)


if __name__ == "__main__":
    main()
