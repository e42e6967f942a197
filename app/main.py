"""create_app(): static files, one router per feature, one error handler per kind of 4xx."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from convcore import ConvError

from . import docs, errors, pages, presets
from .body_limit import BodyLimit
from .conv import routes as conv
from .lab import decode
from .lab import routes as lab
from .receptive import routes as receptive
from .settings import get_settings

ROOT = Path(__file__).resolve().parent.parent


def create_app() -> FastAPI:
    settings = get_settings()
    app = FastAPI(
        title="ConvScope",
        summary="See how a convolution layer works, step by step.",
        version="0.1.0",
        docs_url=None,  # docs.py serves Swagger UI from static/, never from a CDN
        redoc_url=None,
    )
    # The body limit is enforced before parsing; below it, never spool an upload to disk.
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes + errors.BODY_SLACK)
    decode.keep_uploads_in_memory(settings.max_upload_bytes + (1 << 20))
    app.mount("/static", StaticFiles(directory=ROOT / "static"), name="static")

    app.add_exception_handler(ConvError, errors.conv_error)
    app.add_exception_handler(RequestValidationError, errors.invalid_request)
    app.add_exception_handler(HTTPException, errors.http_error)

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict[str, str]:
        """Liveness probe."""
        return {"status": "ok"}

    for feature in (pages, docs, presets, conv, lab, receptive):
        app.include_router(feature.router)
    return app


app = create_app()
