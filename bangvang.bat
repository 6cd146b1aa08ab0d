@echo off
rem Bang Vang without activating anything: bangvang validate ^| build ^| serve ^| import ... ^| new ...
rem Runs the project's own environment (.venv); creates it on first use with the steps of the
rem Makefile's .venv/.runtime target (pinned, hash-checked packages) and again when requirements.txt
rem changes. BANGVANG_VENV=C:\path\to\venv uses another, ready environment (nothing is installed then).
setlocal
for /f "tokens=2 delims=:." %%c in ('chcp') do set "BV_OLDCP=%%c"
chcp 65001 >nul
if not defined PYTHONIOENCODING set "PYTHONIOENCODING=utf-8"
set "BV_HERE=%~dp0"
if defined BANGVANG_VENV (set "BV_VENV=%BANGVANG_VENV%") else (set "BV_VENV=%BV_HERE%.venv")
set "BV_PY=%BV_VENV%\Scripts\python.exe"

if defined BANGVANG_VENV (
  if exist "%BV_PY%" goto run
  echo bangvang: BANGVANG_VENV=%BANGVANG_VENV% không phải môi trường Python ^(thiếu Scripts\python.exe^). 1>&2
  set "BV_RC=1"
  goto done
)
if not exist "%BV_PY%" goto install
if not exist "%BV_VENV%\.runtime" goto install
"%BV_PY%" -c "import os,sys; sys.exit(os.path.getmtime(sys.argv[1]) > os.path.getmtime(sys.argv[2]))" "%BV_HERE%requirements.txt" "%BV_VENV%\.runtime"
if errorlevel 1 goto install
goto run

:install
echo bangvang: lần đầu chạy (hoặc requirements.txt vừa thay đổi): cài môi trường Python vào %BV_VENV% — vài phút, cần mạng. 1>&2
echo bangvang: [1/3] tạo môi trường Python... 1>&2
if not exist "%BV_PY%" (
  where py >nul 2>&1 && py -3 -m venv "%BV_VENV%" || python -m venv "%BV_VENV%"
)
if not exist "%BV_PY%" goto failed
echo bangvang: [2/3] tải và cài các gói đã ghim phiên bản trong requirements.txt (bước lâu nhất)... 1>&2
"%BV_PY%" -m pip install --disable-pip-version-check -q --require-hashes -r "%BV_HERE%requirements.txt" || goto failed
echo bangvang: [3/3] cài Bảng Vàng vào môi trường... 1>&2
"%BV_PY%" -m pip install --disable-pip-version-check -q --no-deps --no-build-isolation -e "%BV_HERE%." || goto failed
type nul > "%BV_VENV%\.runtime"
echo bangvang: đã cài xong. 1>&2

:run
"%BV_PY%" -m generator %*
set "BV_RC=%ERRORLEVEL%"
goto done

:failed
echo bangvang: không cài được môi trường Python — cần Python 3.11 trở lên (python.org, chọn "Add python.exe to PATH") và mạng để tải gói; xem HUONG-DAN.md, mục cài đặt. 1>&2
set "BV_RC=1"

:done
if defined BV_OLDCP chcp %BV_OLDCP% >nul
endlocal & exit /b %BV_RC%
