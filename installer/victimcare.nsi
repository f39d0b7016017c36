; VictimCare installer for Windows 10/11 (NSIS 3, Unicode, MUI2, Simplified Chinese).
;   makensis /DVERSION=0.1.0 /DBUNDLE=dist\victimcare /DOUTFILE=dist\VictimCare-0.1.0-setup.exe installer\victimcare.nsi
; VERSION comes from pyproject.toml (installer/version.py); BUNDLE is the PyInstaller onedir folder (an absolute
; path: makensis works in this script's folder, so the icon below is found relative to it).
; /DFAST stores the files uncompressed (the Linux test compiles this script over the Linux bundle).
; Per-machine install into Program Files. The vault is NOT here: it lives in each user's own app-data folder
; (%LOCALAPPDATA%\VictimCare\vault) and neither an upgrade nor the uninstaller ever touches it.

!ifndef VERSION
  !error "pass /DVERSION=x.y.z (python installer/version.py)"
!endif
!ifndef BUNDLE
  !error "pass /DBUNDLE=<PyInstaller onedir folder>"
!endif
!ifndef OUTFILE
  !define OUTFILE "VictimCare-${VERSION}-setup.exe"
!endif

Unicode true
!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID /FINAL lzma
!endif

!include "MUI2.nsh"
!include "x64.nsh"

!define APP_NAME "被拐卖受害人救助个案管理"
!define APP_ID "VictimCare"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_ID}"
InstallDirRegKey HKLM "Software\${APP_ID}" "InstallDir"
RequestExecutionLevel admin
ShowInstDetails show
ShowUninstDetails show
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "LegalCopyright" "VictimCare"

!define MUI_ICON "..\resources\icons\victimcare.ico"
!define MUI_UNICON "..\resources\icons\victimcare.ico"
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TEXT "将在本机安装 ${APP_NAME} ${VERSION}。$\r$\n$\r$\n若已安装旧版本，请先关闭正在运行的程序；升级会保留全部个案数据，首次登录时自动备份并升级保险库。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\victimcare.exe"
!insertmacro MUI_PAGE_FINISH

!define MUI_WELCOMEPAGE_TITLE "卸载 ${APP_NAME}"
!define MUI_WELCOMEPAGE_TEXT "将从本机删除程序文件。$\r$\n$\r$\n个案数据（保险库）不会被删除：它保存在每个用户自己的应用数据文件夹中（%LOCALAPPDATA%\VictimCare\vault），以后重新安装即可继续使用。若要把数据带到另一台电脑，请先在“设置 → 备份与恢复”中备份。"
!insertmacro MUI_UNPAGE_WELCOME
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "本软件需要 64 位 Windows 10 或 Windows 11。"
    Abort
  ${EndIf}
  SetRegView 64
  ; an instance still running would keep its files locked
  FindWindow $0 "" "${APP_NAME}"
  StrCmp $0 0 +3
    MessageBox MB_ICONEXCLAMATION "请先关闭正在运行的 ${APP_NAME}，然后再安装。"
    Abort
FunctionEnd

Section "程序文件" SecMain
  SectionIn RO
  SetShellVarContext all
  ; an upgrade replaces the program folder as a whole (no stale module of the old version stays behind);
  ; the vault is not in it
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\victimcare.exe" "" "$INSTDIR\victimcare.exe" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\卸载 ${APP_NAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\victimcare.exe" "" "$INSTDIR\victimcare.exe" 0

  WriteRegStr HKLM "Software\${APP_ID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "VictimCare"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\victimcare.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  SetRegView 64
  ; only what the installer put here: the program folder, shortcuts and registry keys.
  ; Never $LOCALAPPDATA\VictimCare (each user's vault, backups and settings).
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\victimcare.exe"
  Delete "$INSTDIR\victimcare-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\${APP_ID}"
SectionEnd
