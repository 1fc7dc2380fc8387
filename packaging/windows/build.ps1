# Builds Trygghetsrad for Windows from a clean checkout: a virtual environment with the
# runtime and build dependencies, the PyInstaller onedir build, a smoke test of the frozen
# program, and the per-user Inno Setup installer.
#
#     pwsh -File packaging\windows\build.ps1      (PowerShell 7; Windows PowerShell 5.1:
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1)
#
# Needs Python 3.11+ (the `py` launcher or -Python) and Inno Setup 6.3+ (ISCC.exe on PATH or in
# its default folder; `choco install innosetup` or `winget install JRSoftware.InnoSetup`).
# Output: dist\trygghetsrad\ (the program) and dist\trygghetsrad-VERSION-setup.exe.
# PyInstaller does not cross-compile: this must run on Windows (PITFALLS 19).
param(
    [string]$Python = "",
    [switch]$SkipSmokeTest,
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Checked {
    param([string]$What, [scriptblock]$Block)
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit $LASTEXITCODE)" }
}

# The one version number lives in trygghetsrad\__init__.py.
$match = Select-String -Path "trygghetsrad\__init__.py" -Pattern '^__version__ = "(.+)"$'
if (-not $match) { throw "no __version__ in trygghetsrad\__init__.py" }
$Version = $match.Matches[0].Groups[1].Value
Write-Host "Trygghetsrad $Version"

# 1. A fresh build environment (never the developer's own).
$Venv = Join-Path $Root ".venv-build"
if (-not (Test-Path "$Venv\Scripts\python.exe")) {
    if ($Python) { Invoke-Checked "venv" { & $Python -m venv $Venv } }
    else { Invoke-Checked "venv" { & py -3.11 -m venv $Venv } }
}
$Py = "$Venv\Scripts\python.exe"
Invoke-Checked "pip upgrade" { & $Py -m pip install --quiet --upgrade pip }
Invoke-Checked "pip install" { & $Py -m pip install --quiet ".[build]" }

# 2. The onedir build: dist\trygghetsrad\trygghetsrad.exe (windowed) and
#    trygghetsrad-cli.exe (console, for the command line and this smoke test).
$started = Get-Date
Invoke-Checked "PyInstaller" {
    & $Py -m PyInstaller --noconfirm --clean --log-level WARN `
        --distpath dist --workpath build\pyinstaller packaging\trygghetsrad.spec
}
Write-Host ("PyInstaller took {0:N0} s" -f ((Get-Date) - $started).TotalSeconds)

# 3. Smoke test of the frozen program with a temporary database.
if (-not $SkipSmokeTest) {
    $Cli = Join-Path $Root "dist\trygghetsrad\trygghetsrad-cli.exe"
    $Tmp = Join-Path ([System.IO.Path]::GetTempPath()) ("trygghetsrad-smoke-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $Tmp | Out-Null
    $env:QT_QPA_PLATFORM = "offscreen"
    $Db = Join-Path $Tmp "smoke.sqlite"
    try {
        $out = & $Cli --version
        if ($LASTEXITCODE -ne 0 -or ($out -join "") -notmatch [regex]::Escape($Version)) {
            throw "--version printed '$out'"
        }
        Invoke-Checked "--exit-after-startup (new database)" { & $Cli --db $Db --exit-after-startup }
        Invoke-Checked "demo" { & $Cli --db $Db demo }
        Invoke-Checked "list people" { & $Cli --db $Db list people | Out-Null }
        Invoke-Checked "--exit-after-startup (example data)" { & $Cli --db $Db --exit-after-startup }
        $year = (Get-Date).Year
        $today = (Get-Date).ToString("yyyy-MM-dd")
        $pdfs = @()
        & $Cli export minutes --help *> $null
        if ($LASTEXITCODE -eq 0) {
            $meetings = (& $Cli --db $Db list meetings --json) -join "`n" | ConvertFrom-Json
            # (PowerShell 7 turns ISO date strings into DateTime objects)
            $day = { param($m) if ($m.starts_at -is [datetime]) { $m.starts_at.ToString("yyyy-MM-dd") } else { "$($m.starts_at)".Substring(0, 10) } }
            $past = @($meetings | Where-Object { (& $day $_) -lt $today })
            $meeting = if ($past.Count -gt 0) { $past[-1].id } else { $meetings[0].id }
            $pdf = Join-Path $Tmp "protokoll.pdf"
            Invoke-Checked "export minutes" { & $Cli --db $Db export minutes $meeting $pdf }
            $pdfs += $pdf
        }
        & $Cli export wheel --help *> $null
        if ($LASTEXITCODE -eq 0) {
            $pdf = Join-Path $Tmp "arshjul.pdf"
            Invoke-Checked "export wheel" { & $Cli --db $Db export wheel $year $pdf }
            $pdfs += $pdf
        }
        foreach ($pdf in $pdfs) {
            $head = [System.Text.Encoding]::ASCII.GetString([System.IO.File]::ReadAllBytes($pdf), 0, 5)
            if ($head -ne "%PDF-") { throw "$pdf is not a PDF" }
            if ((Get-Item $pdf).Length -lt 1000) { throw "$pdf is too small to be a report" }
        }
        Write-Host "Smoke test passed ($($pdfs.Count) PDF exports)"
    }
    finally {
        Remove-Item -Recurse -Force $Tmp -ErrorAction SilentlyContinue
        Remove-Item Env:\QT_QPA_PLATFORM -ErrorAction SilentlyContinue
    }
}

# 4. The installer.
if (-not $SkipInstaller) {
    $Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
    if (-not $Iscc) {
        foreach ($candidate in @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
                                 "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                                 "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe")) {
            if (Test-Path $candidate) { $Iscc = $candidate; break }
        }
    }
    if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found" }
    Invoke-Checked "Inno Setup" { & $Iscc /Q "/DAppVersion=$Version" "packaging\windows\trygghetsrad.iss" }
    Write-Host "Installer: dist\trygghetsrad-$Version-setup.exe"
}
