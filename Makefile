# Kubelike developer entry points. `make help` lists the targets.
SHELL := /bin/bash

DOTNET ?= dotnet
# Where `make run` keeps its data (embedded PostgreSQL, certificates, kubeconfig).
DATA_DIR ?= .kubelike
# Arguments for the benchmark program, e.g. make bench BENCH_ARGS='--quick'
BENCH_ARGS ?=

export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.DEFAULT_GOAL := build
.PHONY: help build deps run test bench format format-check openapi clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-13s %s\n", $$1, $$2}'

build: ## Publish the kubelike executable to bin/kubelike (Release, framework-dependent)
	$(DOTNET) publish src/Kubelike/Kubelike.csproj -c Release -o bin --nologo
	@test -x bin/kubelike || { echo "bin/kubelike is missing or not executable" >&2; exit 1; }

deps: ## Install missing Debian packages (PostgreSQL, ...)
	hack/install-deps.sh

# As root, the node agent runs in the server on Kubelike's own containerd under $(DATA_DIR)/containerd, stopped
# (host changes undone) when the server ends; otherwise the server runs without a node.
run: deps build ## Build, then run the server (and its node on a containerd of its own) in the foreground with its data in .kubelike/
	@if [[ $$(id -u) == 0 ]]; then \
	  eval "$$(hack/containerd.sh start $(abspath $(DATA_DIR))/containerd)"; \
	  trap 'hack/containerd.sh stop $(abspath $(DATA_DIR))/containerd >/dev/null' EXIT; \
	  bin/kubelike server --data-dir $(DATA_DIR) --container-runtime-endpoint "$$KUBELIKE_CONTAINERD_SOCKET"; \
	else \
	  bin/kubelike server --data-dir $(DATA_DIR) --no-node; \
	fi

test: ## Install what is missing, build, run every test; ends with "N passed, N failed"
	hack/run-tests.sh

bench: deps ## Build the benchmarks in Release and run them with $(BENCH_ARGS)
	$(DOTNET) run -c Release --project test/Kubelike.Benchmarks -- $(BENCH_ARGS)

openapi: ## Regenerate the OpenAPI v3 documents in api-spec/openapi/ (a test fails when the checked-in ones are stale)
	$(DOTNET) run --project src/Kubelike/Kubelike.csproj -- openapi --out api-spec/openapi

format: ## Format the code (dotnet format)
	$(DOTNET) format Kubelike.sln

format-check: ## Fail if dotnet format would change anything
	$(DOTNET) format Kubelike.sln --verify-no-changes

clean: ## Remove build outputs and test results (keeps the data in .kubelike/)
	rm -rf bin .test-results src/*/bin src/*/obj test/*/bin test/*/obj
