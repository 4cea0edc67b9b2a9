@echo off
setlocal
if "%~1"=="version" (
  echo go version go1.99.0 windows/amd64
  exit /b 0
)
"%~dp0go.exe" %*
exit /b %ERRORLEVEL%
