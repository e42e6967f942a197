"""/docs: the OpenAPI browser, served from static/vendor so it works with no internet."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

VENDOR = "/static/vendor/swagger-ui"
router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs() -> HTMLResponse:
    """Swagger UI on the app's own files; no validator badge (it would call an outside host)."""
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="ConvScope API",
        swagger_js_url=f"{VENDOR}/swagger-ui-bundle.js",
        swagger_css_url=f"{VENDOR}/swagger-ui.css",
        swagger_favicon_url=f"{VENDOR}/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},
    )
