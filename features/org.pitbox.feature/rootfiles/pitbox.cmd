@echo off
rem Starts PitBox with the Java on PATH or JAVA_HOME (21 or newer). The native Eclipse launcher is p2-only.
setlocal
set HERE=%~dp0
set JAVA=java
if defined JAVA_HOME set JAVA=%JAVA_HOME%\bin\java
for %%f in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set LAUNCHER=%%f
"%JAVA%" -Dosgi.requiredJavaVersion=21 %PITBOX_VM_ARGS% -jar "%LAUNCHER%" -install "%HERE%." %*
