# The two commands of the README: `make demo` and `make test`. Both create .venv if absent.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export VIRTUAL_ENV := $(abspath $(VENV))
# Set by some shells for maturin; it breaks linking of `cargo test`.
unexport PYO3_BUILD_EXTENSION_MODULE

.PHONY: demo test build build-dev rust-test py-test bench lint clean fuzz wheel sdist

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.tools: $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet 'maturin>=1.9.4,<2'
	touch $@

# Release build of the extension, installed in the venv with the runtime dependencies only
# (numpy, pandas, matplotlib, tqdm): what the demo needs.
build: $(VENV)/.tools
	$(BIN)/maturin develop --release --quiet

# The same with the dev tools the tests use (pytest, hypothesis, rapidfuzz, dask, mypy, ruff,
# jupyter).
build-dev: $(VENV)/.tools
	$(BIN)/maturin develop --release --extras dev --quiet

# An abi3 wheel (one file for every CPython >= 3.10 on this platform) and the sdist, in dist/.
wheel: $(VENV)/.tools
	$(BIN)/maturin build --release --out dist

sdist: $(VENV)/.tools
	$(BIN)/maturin sdist --out dist

demo: build
	$(BIN)/quotelens quotes seeds
	$(BIN)/quotelens report seeds -o report.html

rust-test:
	cargo test --quiet

py-test: build-dev
	$(BIN)/python -m pytest -q

test: rust-test py-test lint

bench: build-dev
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_attribution.py
	$(BIN)/python benchmarks/bench_sim.py
	$(BIN)/python benchmarks/bench_lsh.py --max 300000
	$(BIN)/python benchmarks/bench_claims.py --sizes 40,400
	$(BIN)/python benchmarks/bench_report.py 1000

lint: build-dev
	cargo fmt --check
	cargo clippy --all-targets --features python -- -D warnings
	$(BIN)/ruff check python tests benchmarks
	$(BIN)/mypy python/quotelens

# Short cargo-fuzz runs of every target (FUZZ_SECONDS each) from the committed seeds in
# fuzz/seeds/ (inputs that once crashed are kept there); what the fuzzer learns goes to
# fuzz/corpus/ (not committed); a crash leaves its input in fuzz/artifacts/ and fails the run.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := normalize article scorers locate minhash
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install --quiet --locked cargo-fuzz
	cd fuzz && for t in $(FUZZ_TARGETS); do \
		mkdir -p corpus/$$t; cargo +nightly fuzz run --release $$t corpus/$$t seeds/$$t -- \
			-max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=1 || exit 1; \
	done

clean:
	rm -rf $(VENV) target python/quotelens/*.so
