"""Conv plan and step streams (filled in by the streaming-API work)."""

from fastapi import APIRouter

router = APIRouter(tags=["conv"])
