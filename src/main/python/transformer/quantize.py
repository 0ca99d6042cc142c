"""Dynamic int8 quantisation of an exported classifier graph, with the `onnx` package alone.

onnxruntime's Python quantiser is not installable here (docs/classifier.md), so the rewrite is done by hand, the
way onnxruntime's dynamic quantiser does it: every MatMul with a constant weight becomes
DynamicQuantizeLinear(x) -> MatMulInteger(x_q, W_q) -> Cast -> Mul(x_scale * w_scale), with per-column symmetric
int8 weights; the word-embedding table is stored as int8 with a scale per row and dequantised after the Gather,
so only the rows a batch uses are touched. Everything else stays fp32.
"""
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto


def quantize(src, dst):
    model = onnx.load(src)
    graph = model.graph
    init = {i.name: i for i in graph.initializer}
    new_nodes, drop = [], set()
    for node in graph.node:
        if node.op_type == "MatMul" and node.input[1] in init and len(init[node.input[1]].dims) == 2:
            w = numpy_helper.to_array(init[node.input[1]]).astype(np.float32)
            scale = np.maximum(np.abs(w).max(axis=0), 1e-8) / 127.0
            wq = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
            base = node.input[1].replace(":", "_").replace("/", "_")
            graph.initializer.append(numpy_helper.from_array(wq, base + "_q"))
            graph.initializer.append(numpy_helper.from_array(scale.astype(np.float32), base + "_scale"))
            drop.add(node.input[1])
            x, y, p = node.input[0], node.output[0], node.name + "_q"
            new_nodes += [
                helper.make_node("DynamicQuantizeLinear", [x], [p + "_x", p + "_xs", p + "_xz"], name=p + "_dql"),
                helper.make_node("MatMulInteger", [p + "_x", base + "_q", p + "_xz"], [p + "_i32"], name=p + "_mmi"),
                helper.make_node("Cast", [p + "_i32"], [p + "_f32"], to=TensorProto.FLOAT, name=p + "_cast"),
                helper.make_node("Mul", [p + "_xs", base + "_scale"], [p + "_s"], name=p + "_scale"),
                helper.make_node("Mul", [p + "_f32", p + "_s"], [y], name=p + "_out"),
            ]
        elif node.op_type == "Gather" and node.input[0] in init and init[node.input[0]].dims[0] > 10000:
            table = numpy_helper.to_array(init[node.input[0]]).astype(np.float32)
            scale = np.maximum(np.abs(table).max(axis=1), 1e-8) / 127.0
            tq = np.clip(np.round(table / scale[:, None]), -127, 127).astype(np.int8)
            base = node.input[0].replace(".", "_")
            graph.initializer.append(numpy_helper.from_array(tq, base + "_q"))
            graph.initializer.append(numpy_helper.from_array(scale.astype(np.float32), base + "_rowscale"))
            graph.initializer.append(numpy_helper.from_array(np.array([-1], dtype=np.int64), base + "_axes"))
            drop.add(node.input[0])
            ids, y, p = node.input[1], node.output[0], node.name + "_q"
            new_nodes += [
                helper.make_node("Gather", [base + "_q", ids], [p + "_rows"], name=p + "_gather"),
                helper.make_node("Cast", [p + "_rows"], [p + "_f32"], to=TensorProto.FLOAT, name=p + "_cast"),
                helper.make_node("Gather", [base + "_rowscale", ids], [p + "_s"], name=p + "_gscale"),
                helper.make_node("Unsqueeze", [p + "_s", base + "_axes"], [p + "_s3"], name=p + "_unsq"),
                helper.make_node("Mul", [p + "_f32", p + "_s3"], [y], name=p + "_out"),
            ]
        else:
            new_nodes.append(node)
    kept = [i for i in graph.initializer if i.name not in drop]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    del graph.node[:]
    graph.node.extend(new_nodes)
    onnx.checker.check_model(model)
    onnx.save(model, dst)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: quantize.py FP32.onnx INT8.onnx")
    quantize(sys.argv[1], sys.argv[2])
