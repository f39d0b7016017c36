# Build the VictimCare Windows installer on a Windows 10/11 PC (x64) with Python 3.11 and NSIS 3 installed:
#   powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
# 1. a fresh venv (build\win-venv) with the pinned dependencies from pyproject.toml and PyInstaller,
# 2. the PyInstaller onedir bundle (installer\victimcare.spec),
# 3. the frozen self-check (victimcare-cli.exe --self-check must print OK),
# 4. makensis: dist\VictimCare-<version>-setup.exe, version from pyproject.toml.
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Fail($Message) { Write-Host "错误：$Message" -ForegroundColor Red; exit 1 }

$Py = (Get-Command py -ErrorAction SilentlyContinue)
if (-not $Py) { Fail "找不到 Python 启动器 py（请安装 Python 3.11，勾选 py launcher）。" }
& py -3.11 -c "import sys; assert sys.version_info[:2] == (3, 11)" 2>$null
if ($LASTEXITCODE -ne 0) { Fail "需要 Python 3.11（py -3.11）。" }
$Makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $Makensis) {
    foreach ($Candidate in @("${env:ProgramFiles(x86)}\NSIS\makensis.exe", "$env:ProgramFiles\NSIS\makensis.exe")) {
        if (Test-Path $Candidate) { $Makensis = $Candidate }
    }
}
if (-not $Makensis) { Fail "找不到 makensis（请安装 NSIS 3）。" }

$Venv = Join-Path $Root "build\win-venv"
if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
& py -3.11 -m venv $Venv
if ($LASTEXITCODE -ne 0) { Fail "无法创建虚拟环境。" }
$VPy = Join-Path $Venv "Scripts\python.exe"
& $VPy -m pip install --upgrade pip
# the project with exactly the versions pyproject.toml pins, then the build tools (pinned as in its test extras)
& $VPy -m pip install "$Root" "pyinstaller==6.22.3" "pyinstaller-hooks-contrib==2026.9"
if ($LASTEXITCODE -ne 0) { Fail "依赖安装失败。" }

$Version = (& $VPy installer\version.py).Trim()
$Dist = Join-Path $Root "dist"
$Work = Join-Path $Root "build\pyinstaller"
& $VPy -m PyInstaller --noconfirm --clean --distpath $Dist --workpath $Work installer\victimcare.spec
if ($LASTEXITCODE -ne 0) { Fail "PyInstaller 打包失败。" }
$Bundle = Join-Path $Dist "victimcare"

$Reported = (& (Join-Path $Bundle "victimcare-cli.exe") --version).Trim()
if ($Reported -ne "VictimCare $Version") { Fail "程序包版本（$Reported）与 pyproject.toml（$Version）不一致。" }
$Check = (& (Join-Path $Bundle "victimcare-cli.exe") --self-check)
if ($LASTEXITCODE -ne 0 -or ($Check | Select-Object -Last 1) -ne "OK") { Fail "冻结程序自检未通过。" }

$Setup = Join-Path $Dist "VictimCare-$Version-setup.exe"
& $Makensis /WX "/DVERSION=$Version" "/DBUNDLE=$Bundle" "/DOUTFILE=$Setup" installer\victimcare.nsi
if ($LASTEXITCODE -ne 0) { Fail "makensis 生成安装程序失败。" }
Write-Host "安装程序：$Setup"
