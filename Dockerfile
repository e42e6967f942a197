# ConvScope server image. Build: docker build -t convscope .   Run: docker run -p 8000:8000 convscope
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /srv/convscope

COPY pyproject.toml README.md ./
COPY convcore ./convcore
COPY app ./app
COPY templates ./templates
COPY static ./static
RUN pip install --no-cache-dir . && useradd --create-home convscope

USER convscope
EXPOSE 8000
CMD ["python", "-m", "uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
