"""HTML pages: the explorer (/), the image lab (/lab), the receptive field (/receptive) and the
lessons (/lessons, /lessons/<slug>), each with its initial state as JSON."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .learn.images import IMAGES
from .learn.params import MAX_ITERATIONS, LearnParams
from .network.params import TEST_LAST, TrainParams
from .presets import presets
from .receptive.erf import ErfParams
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
RF_BOUNDS = {"k": [1, 11], "s": [1, 4], "p": [0, 8], "d": [1, 8], "size": [8, 128], "layers": 8,
             "seeds": [1, 16]}  # fmt: skip


@router.get("/receptive", response_class=HTMLResponse)
def receptive(request: Request) -> HTMLResponse:
    """The receptive field of a stack of conv layers, grown layer by layer."""
    defaults = {k: StackParams.model_fields[k].default for k in ("layers", "size")}
    defaults["seeds"] = ErfParams.model_fields["seeds"].default
    state = _common() | {"defaults": defaults, "bounds": RF_BOUNDS}
    return templates.TemplateResponse(
        request, "receptive.html", {"page": "receptive", "initial_state": state}
    )


# The seed's order (issue 12); each slug is a page and a module static/js/lessons/<slug>.js.
LESSONS = (
    "convolution", "correlation", "sharing", "equivariance", "kernel-size", "output-size",
    "receptive-field",
)  # fmt: skip


@router.get("/lessons", response_class=HTMLResponse)
def lessons(request: Request) -> HTMLResponse:
    """The lessons, in the seed's order."""
    state = _common() | {"lessons": LESSONS}
    return templates.TemplateResponse(
        request, "lessons.html", {"page": "lessons", "lessons": LESSONS, "initial_state": state}
    )


@router.get("/lessons/{slug}", response_class=HTMLResponse)
def lesson(request: Request, slug: str) -> HTMLResponse:
    """One lesson: its figure, a question to predict, and a link into the explorer."""
    if slug not in LESSONS:
        raise HTTPException(404, f"there is no lesson {slug!r}")
    i = LESSONS.index(slug)
    context = {
        "page": "lessons", "slug": slug, "number": i + 1,
        "prev": LESSONS[i - 1] if i else None,
        "next": LESSONS[i + 1] if i + 1 < len(LESSONS) else None,
        # lesson 7 links to the small network's page once a branch adds it
        "initial_state": _common() | {"slug": slug, "lessons": LESSONS, "network": any(
            getattr(route, "path", None) == "/network" for route in request.app.routes)},
    }  # fmt: skip
    return templates.TemplateResponse(request, "lesson.html", context)


@router.get("/learn", response_class=HTMLResponse)
def learn(request: Request) -> HTMLResponse:
    """Learn a kernel by gradient descent, live."""
    fields = LearnParams.model_fields
    names = ("target", "kernel_size", "image", "size", "lr_scale", "iterations", "seed", "init")
    targets = [{"name": p.name, "sizes": [k for k in p.sizes if k <= 7]} for p in presets()]
    choices = {"targets": targets, "images": list(IMAGES), "iterations": [1, MAX_ITERATIONS]}
    state = _common() | {"defaults": {k: fields[k].default for k in names}, "choices": choices}
    return templates.TemplateResponse(
        request, "learn.html", {"page": "learn", "initial_state": state}
    )


@router.get("/variants", response_class=HTMLResponse)
def variants(request: Request) -> HTMLResponse:
    """Backward pass explained, transposed conv two ways, grouped/separable, im2col, export."""
    return templates.TemplateResponse(
        request, "variants.html", {"page": "variants", "initial_state": _common()}
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
