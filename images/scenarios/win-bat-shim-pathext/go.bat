@echo off
rem Installed by the team dev-setup: runs the go.exe next to this script.
setlocal
"%~dp0go.exe" %*
exit /b %ERRORLEVEL%
