# Bảng Vàng — the two set-up commands are `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test validate serve golden sample browser clean help bench

help:
	@echo "make site      cài môi trường (.venv), kiểm tra dữ liệu và xây dựng trang vào site/"
	@echo "make test      chạy toàn bộ bộ kiểm thử (cài Chromium của Debian nếu thiếu)"
	@echo "make serve     xem trước trực tiếp tại http://127.0.0.1:8000"
	@echo "make validate  chỉ kiểm tra dữ liệu"
	@echo "make golden    tạo lại các tệp golden của trang mẫu sau khi sửa mẫu trang"
	@echo "make bench     đo hiệu năng với dữ liệu tổng hợp (YEARS=\"1 5 10\")"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	$(BIN)/python -m pip install --disable-pip-version-check -q --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

site: $(VENV)/.runtime
	$(BIN)/python -m generator build

validate: $(VENV)/.runtime
	$(BIN)/python -m generator validate

serve: $(VENV)/.runtime
	$(BIN)/python -m generator serve

# Debian's chromium for the browser tests; the project installs it, nothing by hand.
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(VENV)/.dev browser
	$(BIN)/python -m pytest -q

golden: $(VENV)/.dev
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_render.py

sample: $(VENV)/.runtime
	$(BIN)/python -m generator.sample_data data

clean:
	rm -rf site site.tmp-* site.old-* .pytest_cache

YEARS ?= 1 5 10
bench: $(VENV)/.dev browser
	$(BIN)/python -m generator.bench --years $(YEARS)
