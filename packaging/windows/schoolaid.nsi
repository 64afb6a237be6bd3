; SchoolAid (校助) for Windows 10/11: installs the folder PyInstaller made (dist\schoolaid) for the current
; user only — no administrator needed on a school's shared PC — with a Start menu entry, a desktop shortcut
; and the backup files (.sabk) opening in SchoolAid's read-only view. Built on Windows (README, "Windows"):
;     makensis /DVERSION=0.1.0 /DSOURCE=dist\schoolaid packaging\windows\schoolaid.nsi
; Checked on Linux by tools/check_packages.py --nsis with a stand-in folder (makensis from Debian's nsis).

Unicode true
!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef SOURCE
  !define SOURCE "..\..\dist\schoolaid"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\schoolaid-${VERSION}-setup.exe"
!endif

!define APP "SchoolAid"
!define APP_ZH "校助"
!define CLASSES "Software\Classes"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\SchoolAid"

Name "${APP_ZH} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
SetCompressor /SOLID lzma
Icon "..\..\resources\icons\schoolaid.ico"
UninstallIcon "..\..\resources\icons\schoolaid.ico"

!include "MUI2.nsh"
!define MUI_ICON "..\..\resources\icons\schoolaid.ico"
!define MUI_UNICON "..\..\resources\icons\schoolaid.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\schoolaid.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_ZH} ${APP}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_ZH} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "SchoolAid"

Section "${APP_ZH}" main
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"

  CreateDirectory "$SMPROGRAMS\${APP_ZH}"
  CreateShortcut "$SMPROGRAMS\${APP_ZH}\${APP_ZH}.lnk" "$INSTDIR\schoolaid.exe"
  CreateShortcut "$SMPROGRAMS\${APP_ZH}\卸载${APP_ZH}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APP_ZH}.lnk" "$INSTDIR\schoolaid.exe"

  ; A backup double-clicked opens the read-only view.
  WriteRegStr HKCU "${CLASSES}\.sabk" "" "SchoolAid.Backup"
  WriteRegStr HKCU "${CLASSES}\SchoolAid.Backup" "" "校助备份文件"
  WriteRegStr HKCU "${CLASSES}\SchoolAid.Backup\DefaultIcon" "" "$INSTDIR\schoolaid.exe,0"
  WriteRegStr HKCU "${CLASSES}\SchoolAid.Backup\shell\open\command" "" '"$INSTDIR\schoolaid.exe" --view-backup "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_ZH} ${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\schoolaid.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; The program only: the databases and backups in the user's data folder stay (they are the school's records).
Section "Uninstall"
  SetShellVarContext current
  Delete "$DESKTOP\${APP_ZH}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_ZH}"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKCU "${CLASSES}\SchoolAid.Backup"
  DeleteRegValue HKCU "${CLASSES}\.sabk" ""
  DeleteRegKey /ifempty HKCU "${CLASSES}\.sabk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
