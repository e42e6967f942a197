"""ConvScope web app: FastAPI server, pages and streaming API over convcore."""
