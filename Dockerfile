# One image for every akhbar service; compose picks the service with the command.
# Built from the repository root: docker build -t akhbar .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_LINK_MODE=copy UV_PROJECT_ENVIRONMENT=/opt/venv \
    PATH=/opt/venv/bin:$PATH AKHBAR_DATA_DIR=/data
RUN pip install --no-cache-dir uv

WORKDIR /app
COPY pyproject.toml uv.lock ./
COPY shared shared
COPY services services
COPY cli cli
# the training member is part of the workspace (uv resolves it) but not installed: --no-dev
COPY training training
RUN uv sync --frozen --no-dev

RUN useradd --system --create-home akhbar && mkdir -p /data && chown akhbar /data
USER akhbar
EXPOSE 9100
ENTRYPOINT ["akhbar"]
CMD ["--help"]
