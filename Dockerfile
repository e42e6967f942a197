# ConvScope server image. Build: docker build -t convscope .   Run: docker run -p 8000:8000 convscope
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /build

# The wheel carries app, static files and templates as the `convscope` package; the build folder
# is removed, so nothing runs from a working directory that could shadow the installed package.
COPY pyproject.toml README.md LICENSE ./
COPY convcore ./convcore
COPY app ./app
COPY templates ./templates
COPY static ./static
RUN pip install --no-cache-dir . && rm -rf /build

WORKDIR /
USER 10001:10001
EXPOSE 8000
# No curl in the slim image: the probe is Python's own urllib.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["convscope", "serve", "--host", "0.0.0.0", "--port", "8000"]
