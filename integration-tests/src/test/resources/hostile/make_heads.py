"""Writes the hostile head graphs of HostileInputTest (run once with /usr/bin/python3; the .onnx files are
committed). Both have the signature of respike-hybrid's head.onnx (ann_pooled, snn_mean [N,128] ->
logits [N,10]) and ignore what they are given:
  nan-head.onnx:  logits = features * 0 + [NaN, 0, ...]      (a broken graph)
  huge-head.onnx: logits = features * 0 + [3e38, -3e38, 0, ...]  (finite, but a float sum overflows)"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def head(bias, path):
    w = numpy_helper.from_array(np.zeros((128, 10), np.float32), "w")
    b = numpy_helper.from_array(np.array(bias, np.float32).reshape(1, 10), "b")
    nodes = [
        helper.make_node("MatMul", ["ann_pooled", "w"], ["a"]),
        helper.make_node("MatMul", ["snn_mean", "w"], ["s"]),
        helper.make_node("Add", ["a", "s"], ["as"]),
        helper.make_node("Add", ["as", "b"], ["logits"]),
    ]
    inputs = [helper.make_tensor_value_info(n, TensorProto.FLOAT, ["batch", 128]) for n in ("ann_pooled", "snn_mean")]
    outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 10])]
    graph = helper.make_graph(nodes, "head", inputs, outputs, [w, b])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)


head([float("nan")] + [0.0] * 9, "nan-head.onnx")
head([3e38, -3e38] + [0.0] * 8, "huge-head.onnx")
