; Inno Setup script for the Windows installer of Qianli CRM.
; Build the client first with PyInstaller (onedir):
;   pyinstaller --noconfirm --windowed --name Qianli ^
;     --add-data "resources;resources" --add-data "app/migrations;app/migrations" main.py
; then compile this script with ISCC.exe installer.iss; the setup lands in dist\installer.

#define AppName "Qianli CRM"
#define AppNameZh "千里 CRM"
#define AppVersion "0.1.0"
#define AppPublisher "Qianli"
#define AppExe "Qianli.exe"

[Setup]
AppId={{6B1C7A52-7E0B-4F5D-9F2A-2B8D9E5C1A01}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\Qianli
DefaultGroupName={#AppName}
OutputDir=dist\installer
OutputBaseFilename=QianliSetup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
UninstallDisplayIcon={app}\{#AppExe}

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "dist\Qianli\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} Demo"; Filename: "{app}\{#AppExe}"; Parameters: "demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; User data (settings, the SQLite file, logs) lives in the per-user folders that
; platformdirs chooses (%LOCALAPPDATA%\Qianli\Qianli); it is left in place on uninstall
; so a reinstall keeps the office's data.
