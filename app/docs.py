"""/docs: the OpenAPI browser, served from static/vendor so it works with no internet.

FastAPI's own Swagger page starts the UI with an inline script, which the app's CSP forbids;
this page is the same markup with the start-up in static/js/docs-init.js.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

VENDOR = "/static/vendor/swagger-ui"
PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{VENDOR}/swagger-ui.css">
<link rel="icon" href="{VENDOR}/favicon-32x32.png">
<title>ConvScope API</title>
</head>
<body>
<div id="swagger-ui"></div>
<script src="{VENDOR}/swagger-ui-bundle.js"></script>
<script src="/static/js/docs-init.js"></script>
</body>
</html>
"""
router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs() -> HTMLResponse:
    """Swagger UI on the app's own files."""
    return HTMLResponse(PAGE)
