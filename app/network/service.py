"""The digits CNN through convcore: the model as data, a prediction, one unit's computation."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

import convcore
from convcore import ConvError, network

from .data import committed_accuracy, digits, weights
from .explorer import explorer_url
from .models import Accuracy, Activation, ModelOut, PredictOut, TestImageOut, UnitOut
from .params import ImageIn, TestImageParams, UnitIn

LAYERS = network.DIGITS_CNN


@lru_cache
def model() -> ModelOut:
    """Layers, weights and the accuracy of the committed weights on the fixed split."""
    train, test = committed_accuracy()
    d = digits()
    return ModelOut(
        layers=network.describe(LAYERS),
        weights={name: w.tolist() for name, w in weights().items()},
        accuracy=Accuracy(train=train, test=test),
        split={"train": d.cut, "test": d.test_count},
    )


def _activations(image: np.ndarray) -> list[np.ndarray]:
    """[x, out of layer 1, ..., logits] for one (8, 8) image, batch axis kept."""
    return network.forward(LAYERS, weights(), network.digits_input(image))


def predict(body: ImageIn) -> PredictOut:
    """Every layer's output for the image, the logits and the class probabilities."""
    acts = _activations(body.array())
    names = [("input", "input")] + [(la.name, la.kind) for la in LAYERS]
    logits = acts[-1][0]  # (10,)
    probs = convcore.softmax(logits)
    return PredictOut(
        image=body.image,
        activations=[
            Activation(name=name, kind=kind, shape=list(a.shape[1:]), values=a[0].tolist())
            for (name, kind), a in zip(names, acts, strict=True)
        ],
        logits=logits.tolist(),
        probabilities=probs.tolist(),
        prediction=int(probs.argmax()),
    )


def unit(body: UnitIn) -> UnitOut:
    """The window, weights, bias and value of one conv or max-pool unit, from the engine's
    own step traces (forward_steps, pool_steps) over the previous layer's real output."""
    i = next(k for k, la in enumerate(LAYERS) if la.name == body.layer)
    layer, acts = LAYERS[i], _activations(body.array())
    source, out = acts[i], acts[i + 1]  # (1, C_in, H, W), (1, C, H_out, W_out)
    _, C, H_out, W_out = out.shape
    if not (body.channel < C and body.row < H_out and body.col < W_out):
        raise ConvError(
            f"{layer.name} has {C} maps of {H_out}x{W_out}: channel {body.channel}, row "
            f"{body.row}, column {body.col} is outside them",
            code="network_unit_outside",
            params={"layer": layer.name, "channels": C, "height": H_out, "width": W_out,
                    "channel": body.channel, "row": body.row, "col": body.col},
        )  # fmt: skip
    where = {"layer": layer.name, "kind": layer.kind, "channel": body.channel, "row": body.row,
             "col": body.col, "source": LAYERS[i - 1].name if i else "input"}  # fmt: skip
    if isinstance(layer, network.Conv2d):
        return _conv_unit(layer, source, where, k=body.row * W_out + body.col)
    assert isinstance(layer, network.MaxPool2d)  # UnitIn's layer names only conv and pool
    k = (body.channel * H_out + body.row) * W_out + body.col  # pool_steps' (n, c, oh, ow) order
    return _pool_unit(layer, source, where, k)


def _conv_unit(layer: network.Conv2d, source: np.ndarray, where: dict, k: int) -> UnitOut:
    f = where["channel"]
    w = weights()[f"{layer.name}.weight"][f : f + 1]  # (1, C_in, kH, kW): this filter alone
    b = weights()[f"{layer.name}.bias"][f : f + 1]
    step = next(convcore.forward_steps(source, w, b, layer.stride, layer.padding,
                                       start=k, stop=k + 1))  # fmt: skip
    inside = ~(step.row_pad[:, None] | step.col_pad[None, :])  # (kH, kW)
    return UnitOut(
        **where, value=step.value, rows=step.rows.tolist(), cols=step.cols.tolist(),
        inside=inside.tolist(), window=step.window.tolist(), weight=step.kernel.tolist(),
        bias=step.bias, products=step.products.tolist(), partials=step.partials.tolist(),
        explorer=explorer_url(source[0], w, b, layer.stride, layer.padding, k),
    )  # fmt: skip


def _pool_unit(layer: network.MaxPool2d, source: np.ndarray, where: dict, k: int) -> UnitOut:
    step = next(convcore.pool_steps(source, "max", layer.kernel_size, layer.stride,
                                    start=k, stop=k + 1))  # fmt: skip
    return UnitOut(
        **where, value=step.value, rows=step.rows.tolist(), cols=step.cols.tolist(),
        inside=step.inside.tolist(), window=step.window.tolist(),
        chosen=None if step.chosen is None else list(step.chosen),
    )  # fmt: skip


def test_image(params: TestImageParams) -> TestImageOut:
    d = digits()
    at = d.cut + params.index
    image = d.images[at].astype(int).tolist()  # (8, 8) counts
    return TestImageOut(index=params.index, dataset_index=at, image=image, label=int(d.labels[at]))
