# Runs in the Windows guest over WinRM (elevated): puts the asked-for Go in place and a Node >= 20 for the bundled
# engine, then verifies the machine with a PATH read afresh from the registry (as a new shell would see it).
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'  # Invoke-WebRequest is many times slower while drawing progress
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12

$goKind = if ($env:GOVERITY_GO) { $env:GOVERITY_GO } else { 'msi' }
$goVersion = if ($env:GOVERITY_GO_VERSION) { $env:GOVERITY_GO_VERSION } else { '1.23.4' }
$nodeVersion = if ($env:GOVERITY_NODE_VERSION) { $env:GOVERITY_NODE_VERSION } else { '22.12.0' }
$engine = 'C:\goverity\goverity.mjs'
function Log($m) { Write-Output "goverity-vm: $m" }

# MSIs change the machine PATH; this session's copy is from before them.
function Update-Path {
  $env:Path = [Environment]::GetEnvironmentVariable('Path', 'Machine') + ';' + [Environment]::GetEnvironmentVariable('Path', 'User')
}

function Install-Msi($url, $sha256) {
  $file = Join-Path $env:TEMP (Split-Path $url -Leaf)
  Invoke-WebRequest -UseBasicParsing -Uri $url -OutFile $file
  $got = (Get-FileHash -Algorithm SHA256 $file).Hash.ToLower()
  if ($got -ne $sha256.ToLower()) { throw "checksum mismatch for $url`: $got, expected $sha256" }
  $p = Start-Process msiexec.exe -ArgumentList @('/i', $file, '/qn', '/norestart') -Wait -PassThru
  if ($p.ExitCode -ne 0 -and $p.ExitCode -ne 3010) { throw "msiexec $file exited $($p.ExitCode)" }
  Remove-Item $file
}

Update-Path
$node = Get-Command node -ErrorAction SilentlyContinue
$nodeMajor = if ($node) { [int]((& node -p 'process.versions.node.split(".")[0]') | Select-Object -First 1) } else { 0 }
if ($nodeMajor -lt 20) {
  $base = "https://nodejs.org/dist/v$nodeVersion"
  $msi = "node-v$nodeVersion-x64.msi"
  $line = ((Invoke-WebRequest -UseBasicParsing -Uri "$base/SHASUMS256.txt").Content -split "`n") | Where-Object { $_ -match "\s$([regex]::Escape($msi))$" }
  if (-not $line) { throw "no $msi in $base/SHASUMS256.txt (check GOVERITY_NODE_VERSION)" }
  Install-Msi "$base/$msi" (($line -split '\s+')[0])
  Update-Path
}
Log "node $(& node --version)"

$defaultExpect = 'any'
switch ($goKind) {
  'msi' {
    $file = "go$goVersion.windows-amd64.msi"
    $sum = $env:GOVERITY_GO_SHA256
    if (-not $sum) {
      $listed = (Invoke-RestMethod -UseBasicParsing -Uri 'https://go.dev/dl/?mode=json&include=all') | ForEach-Object { $_.files } | Where-Object { $_.filename -eq $file }
      if (-not $listed) { throw "go.dev lists no $file (check GOVERITY_GO_VERSION)" }
      $sum = $listed[0].sha256
    }
    Install-Msi "https://go.dev/dl/$file" $sum
    Update-Path
    # No gcc on a fresh Windows: cgo is rightly reported missing, so a working MSI install is degraded.
    $defaultExpect = 'degraded'
  }
  'existing' { $defaultExpect = 'any' }
  'none' { $defaultExpect = 'absent' }
  default { throw "GOVERITY_GO must be msi, existing or none, not $goKind" }
}
$expect = if ($env:GOVERITY_EXPECT) { $env:GOVERITY_EXPECT } else { $defaultExpect }

& node $engine verify
$code = $LASTEXITCODE
$got = switch ($code) { 0 { 'ready' } 10 { 'degraded' } 11 { 'broken' } 12 { 'absent' } default { "error (exit $code)" } }
if ($expect -eq 'any' -or ($expect -split ',') -contains $got) {
  Log "verdict $got (expected: $expect)"
  exit 0
}
Log "verdict $got, expected $expect"
exit 1
