"""A plain BERT encoder in PyTorch, loaded from the fp32 ONNX graphs that ship in langchain4j's embedding jars.

There is no `transformers` package on this machine (docs/classifier.md, "Transformer labeller"): the encoder is
small enough to write out. Biases, LayerNorms and embeddings keep their HuggingFace names in the ONNX graph; the
large matrices are anonymous initialisers, found through the MatMul node that uses them
(`/encoder/layer.N/attention/self/query/MatMul`), stored transposed.
"""
import math

import onnx
import torch
from onnx import numpy_helper
from torch import nn


class Layer(nn.Module):
    def __init__(self, hidden, heads, intermediate, dropout):
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)
        self.attention_out = nn.Linear(hidden, hidden)
        self.attention_norm = nn.LayerNorm(hidden, eps=1e-12)
        self.intermediate = nn.Linear(hidden, intermediate)
        self.output = nn.Linear(intermediate, hidden)
        self.output_norm = nn.LayerNorm(hidden, eps=1e-12)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, additive_mask):
        b, n, h = x.shape
        d = h // self.heads

        def split(t):
            return t.view(b, n, self.heads, d).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(d) + additive_mask
        attended = self.dropout(scores.softmax(-1)) @ v
        attended = attended.transpose(1, 2).reshape(b, n, h)
        x = self.attention_norm(x + self.dropout(self.attention_out(attended)))
        # BERT's exact (erf) GELU, as in the ONNX graphs.
        inner = nn.functional.gelu(self.intermediate(x))
        return self.output_norm(x + self.dropout(self.output(inner)))


class Encoder(nn.Module):
    def __init__(self, vocab, hidden, layers, heads, intermediate, max_positions, dropout=0.1):
        super().__init__()
        self.word = nn.Embedding(vocab, hidden)
        self.position = nn.Embedding(max_positions, hidden)
        self.token_type = nn.Embedding(2, hidden)
        self.norm = nn.LayerNorm(hidden, eps=1e-12)
        self.dropout = nn.Dropout(dropout)
        self.layers = nn.ModuleList(Layer(hidden, heads, intermediate, dropout) for _ in range(layers))

    def forward(self, ids, mask, types):
        positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        x = self.dropout(self.norm(self.word(ids) + self.position(positions) + self.token_type(types)))
        additive = (1.0 - mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, additive)
        return x


class Classifier(nn.Module):
    """Pooled encoder output, dropout, one linear layer: logits for supporting, contrasting, mentioning.

    The pooled vector is the mean of the encoder's states over the real tokens; with `marker_id` set, the mean of the
    states at the target marker's token ([MASK]) follows it, so the head sees which of a sentence's citations is being
    labelled (the "entity start" pooling of relation classification, Baldini Soares et al. 2019). A row whose marker
    was cut off reads its mean twice."""

    def __init__(self, encoder, hidden, labels=3, dropout=0.1, marker_id=None):
        super().__init__()
        self.encoder = encoder
        self.marker_id = marker_id
        self.size = hidden if marker_id is None else 2 * hidden
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(self.size, labels)

    def pooled(self, ids, mask, types):
        """The vector every head reads, after dropout."""
        states = self.encoder(ids, mask, types)
        m = mask.unsqueeze(-1).to(states.dtype)
        mean = (states * m).sum(1) / m.sum(1).clamp(min=1e-9)
        if self.marker_id is None:
            return self.dropout(mean)
        at = (ids == self.marker_id).unsqueeze(-1).to(states.dtype) * m
        count = at.sum(1)
        marker = torch.where(count > 0, (states * at).sum(1) / count.clamp(min=1.0), mean)
        return self.dropout(torch.cat([mean, marker], dim=-1))

    def forward(self, ids, mask, types):
        return self.head(self.pooled(ids, mask, types))


def load_encoder(onnx_path, dropout=0.1, keep_layers=0):
    """Builds an Encoder with the ONNX graph's weights; sizes are read off the graph.

    keep_layers > 0 keeps only the bottom layers: a shallower encoder costs proportionally less per statement, and
    dropping the top layers loses the least (Sajjad et al. 2023, "On the effect of dropping layers of pre-trained
    transformer models")."""
    graph = onnx.load(onnx_path).graph
    init = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    matmul = {n.name: n.input[1] for n in graph.node if n.op_type == "MatMul" and n.input[1] in init}
    layers = len({name.split("/")[2] for name in matmul if name.startswith("/encoder/layer.")})
    if keep_layers:
        if keep_layers > layers:
            raise ValueError(f"--layers {keep_layers}: the encoder has only {layers} layers")
        layers = keep_layers
    vocab, hidden = init["embeddings.word_embeddings.weight"].shape
    intermediate = init["encoder.layer.0.intermediate.dense.bias"].shape[0]
    heads = hidden // 32  # MiniLM-L6, E5-small and BGE-small: 12 heads of 32
    encoder = Encoder(vocab, hidden, layers, heads, intermediate,
                      init["embeddings.position_embeddings.weight"].shape[0], dropout)
    state = {
        "word.weight": init["embeddings.word_embeddings.weight"],
        "position.weight": init["embeddings.position_embeddings.weight"],
        "token_type.weight": init["embeddings.token_type_embeddings.weight"],
        "norm.weight": init["embeddings.LayerNorm.weight"],
        "norm.bias": init["embeddings.LayerNorm.bias"],
    }
    parts = {"query": "attention/self/query", "key": "attention/self/key", "value": "attention/self/value",
             "attention_out": "attention/output/dense", "intermediate": "intermediate/dense", "output": "output/dense"}
    for l in range(layers):
        for ours, theirs in parts.items():
            state[f"layers.{l}.{ours}.weight"] = init[matmul[f"/encoder/layer.{l}/{theirs}/MatMul"]].t().contiguous()
            state[f"layers.{l}.{ours}.bias"] = init[f"encoder.layer.{l}.{theirs.replace('/', '.')}.bias"]
        for ours, theirs in (("attention_norm", "attention.output.LayerNorm"), ("output_norm", "output.LayerNorm")):
            state[f"layers.{l}.{ours}.weight"] = init[f"encoder.layer.{l}.{theirs}.weight"]
            state[f"layers.{l}.{ours}.bias"] = init[f"encoder.layer.{l}.{theirs}.bias"]
    encoder.load_state_dict(state)
    return encoder, hidden, layers
