# duban in a container: a static binary on distroless.
#
#   docker build -t duban .
#   docker run -p 8080:8080 -v duban-data:/var/lib/duban duban
#
# The build stage makes the same static, reproducible binary as
# `make build` (pure-Go SQLite: no cgo, no glibc). The final stage is
# distroless static (nonroot, uid 65532): it holds CA certificates (for
# SMTP over TLS and PostgreSQL with sslmode) and tzdata, though duban
# itself needs no tzdata — its workday zone (Asia/Shanghai, UTC+8 with no
# DST since 1991) is a fixed zone (internal/workday/zone.go).
#
# No HEALTHCHECK: distroless has no shell and no curl, and duban has no
# probe subcommand; use the orchestrator's HTTP probe on GET /healthz
# (and /readyz) instead.

ARG GO_VERSION=1.26
FROM golang:${GO_VERSION} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X github.com/duban/duban/internal/buildinfo.Stamp=${VERSION}" \
      -o /out/duban ./cmd/duban \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot AS final
COPY --from=build /out/duban /usr/local/bin/duban
COPY --from=build --chown=65532:65532 /out/data /var/lib/duban
USER 65532:65532
ENV DUBAN_ADDR=0.0.0.0:8080 \
    DUBAN_DATA=/var/lib/duban
VOLUME ["/var/lib/duban"]
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/duban"]
CMD ["serve"]
