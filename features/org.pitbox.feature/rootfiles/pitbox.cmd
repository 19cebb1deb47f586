@echo off
rem Starts PitBox with the Java on PATH or JAVA_HOME (21 or newer). The native Eclipse launcher is p2-only.
setlocal
set HERE=%~dp0
set JAVA=java
if defined JAVA_HOME set JAVA=%JAVA_HOME%\bin\java
for %%f in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set LAUNCHER=%%f
rem JavaCPP (video's FFmpeg) loads native libraries into their bundle's class loader through Runtime.loadLibrary0
set PITBOX_VM_ARGS=--add-opens=java.base/java.lang=ALL-UNNAMED %PITBOX_VM_ARGS%
rem exit status 23 asks for a restart (Window > Plugins > Restart now)
:start
"%JAVA%" -Dosgi.requiredJavaVersion=21 %PITBOX_VM_ARGS% -jar "%LAUNCHER%" -install "%HERE%." %*
if %ERRORLEVEL%==23 goto start
exit /b %ERRORLEVEL%
