"""HTML pages: the explorer (/), the image lab (/lab) and the receptive field (/receptive),
each with its initial state as JSON."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .network.params import TEST_LAST, TrainParams
from .presets import presets
from .receptive.params import StackParams
from .resources import TEMPLATES
from .settings import limits

templates = Jinja2Templates(directory=TEMPLATES)
router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def explorer(request: Request) -> HTMLResponse:
    """The animated convolution explorer."""
    return templates.TemplateResponse(
        request, "index.html", {"page": "explorer", "initial_state": _common()}
    )


@router.get("/lab", response_class=HTMLResponse)
def lab(request: Request) -> HTMLResponse:
    """The image lab: your own image through real filters."""
    return templates.TemplateResponse(
        request, "lab.html", {"page": "lab", "initial_state": _common()}
    )


# The page's editor bounds (a readable classroom range inside what the API accepts); the
# default stack and input size are the API's own, so they live in one place.
RF_BOUNDS = {"k": [1, 11], "s": [1, 4], "p": [0, 8], "d": [1, 8], "size": [8, 128], "layers": 8}


@router.get("/receptive", response_class=HTMLResponse)
def receptive(request: Request) -> HTMLResponse:
    """The receptive field of a stack of conv layers, grown layer by layer."""
    defaults = {k: StackParams.model_fields[k].default for k in ("layers", "size")}
    state = _common() | {"defaults": defaults, "bounds": RF_BOUNDS}
    return templates.TemplateResponse(
        request, "receptive.html", {"page": "receptive", "initial_state": state}
    )


@router.get("/network", response_class=HTMLResponse)
def network(request: Request) -> HTMLResponse:
    """A small CNN on handwritten digits: draw, see every layer, open a unit, train live."""
    fields = TrainParams.model_fields
    bounds = {
        name: [getattr(m, key) for key in ("ge", "le") for m in f.metadata if hasattr(m, key)]
        for name, f in fields.items()
    }
    train = {"defaults": {name: f.default for name, f in fields.items()}, "bounds": bounds}
    state = _common() | {"train": train, "test_last": TEST_LAST}
    return templates.TemplateResponse(
        request, "network.html", {"page": "network", "initial_state": state}
    )


def _common() -> dict[str, object]:
    """What every page starts from: the server's limits and the kernel presets."""
    return {"limits": limits(), "kernels": [p.model_dump() for p in presets()]}
