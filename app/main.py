"""create_app(): static files, page and API routers, one ConvError -> 422 handler."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles

from convcore import ConvError

from . import errors, images
from .resources import STATIC
from .routes import conv, docs, pages, receptive
from .routes import images as image_routes
from .settings import get_settings


def create_app() -> FastAPI:
    settings = get_settings()
    app = FastAPI(
        title="ConvScope",
        summary="See how a convolution layer works, step by step.",
        version="0.1.0",
        max_body_size=settings.max_upload_bytes + 64 * 1024,
        docs_url=None,  # routes/docs.py serves Swagger UI from static/, never from a CDN
        redoc_url=None,
    )
    # The body limit is enforced before parsing; below it, never spool an upload to disk.
    images.keep_uploads_in_memory(settings.max_upload_bytes + (1 << 20))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.add_exception_handler(ConvError, errors.conv_error)
    app.add_exception_handler(RequestValidationError, errors.invalid_request)

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict[str, str]:
        """Liveness probe."""
        return {"status": "ok"}

    for module in (pages, docs, conv, receptive, image_routes):
        app.include_router(module.router)
    return app


app = create_app()
