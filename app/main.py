"""create_app(): static files, one router per feature, one error handler per kind of 4xx."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from convcore import ConvError

from . import docs, errors, pages, presets
from .body_limit import BodyLimit
from .capacity import Busy
from .concepts import routes as concepts
from .conv import routes as conv
from .export import routes as export
from .lab import decode
from .lab import routes as lab
from .learn import routes as learn
from .network import routes as network
from .pool import routes as pool
from .receptive import routes as receptive
from .resources import STATIC
from .security import SecurityHeaders
from .settings import get_settings
from .variants import routes as variants


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
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.add_exception_handler(ConvError, errors.conv_error)
    app.add_exception_handler(RequestValidationError, errors.invalid_request)
    app.add_exception_handler(HTTPException, errors.http_error)
    app.add_exception_handler(Busy, errors.busy)
    if settings.cors_origins:  # none unless a school configures it
        origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"])
    # Outermost, so that every response (errors and static files too) carries the headers.
    app.add_middleware(SecurityHeaders, frame_ancestors=settings.frame_ancestors)

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, str]:
        """Liveness probe; `async`, so it never queues behind heavy work in the thread pool."""
        return {"status": "ok"}

    for feature in (
        pages,
        docs,
        presets,
        conv,
        lab,
        receptive,
        concepts,
        learn,
        pool,
        export,
        variants,
        network,
    ):
        app.include_router(feature.router)
    return app


app = create_app()
