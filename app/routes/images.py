"""Image lab API (filled in by the image-lab work)."""

from fastapi import APIRouter

router = APIRouter(prefix="/api/images", tags=["images"])
