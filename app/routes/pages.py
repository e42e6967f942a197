"""HTML pages: the explorer (/) and the image lab (/lab), each with its initial state as JSON."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..settings import get_settings

templates = Jinja2Templates(directory=Path(__file__).resolve().parents[2] / "templates")
router = APIRouter(include_in_schema=False)


def _limits() -> dict[str, int]:
    return {k: v for k, v in asdict(get_settings()).items() if k.startswith("max_")}


@router.get("/", response_class=HTMLResponse)
def explorer(request: Request) -> HTMLResponse:
    """The animated convolution explorer."""
    return templates.TemplateResponse(
        request, "index.html", {"page": "explorer", "initial_state": {"limits": _limits()}}
    )


@router.get("/lab", response_class=HTMLResponse)
def lab(request: Request) -> HTMLResponse:
    """The image lab: your own image through real filters."""
    return templates.TemplateResponse(
        request, "lab.html", {"page": "lab", "initial_state": {"limits": _limits()}}
    )
