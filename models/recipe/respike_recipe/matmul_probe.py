"""A one-node ONNX graph, C = A @ B with free sizes, that the Java benchmark runs through ONNX Runtime to
measure the GFLOP/s this machine reaches (the peak the model's own GFLOP/s is compared with).

    /usr/bin/python3 -m respike_recipe.matmul_probe --out ../bench/matmul.onnx
"""
import argparse
from pathlib import Path

import onnx
from onnx import TensorProto, helper


def build() -> onnx.ModelProto:
    a = helper.make_tensor_value_info("a", TensorProto.FLOAT, ["m", "k"])
    b = helper.make_tensor_value_info("b", TensorProto.FLOAT, ["k", "n"])
    c = helper.make_tensor_value_info("c", TensorProto.FLOAT, ["m", "n"])
    graph = helper.make_graph([helper.make_node("MatMul", ["a", "b"], ["c"])], "matmul_probe", [a, b], [c])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="respike")
    onnx.checker.check_model(model)
    return model


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(build(), args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
