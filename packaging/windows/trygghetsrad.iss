; Inno Setup 6 script for Trygghetsråd: a per-user install that needs no administrator rights.
; Built by packaging\windows\build.ps1 after PyInstaller, from the project root:
;     ISCC.exe /DAppVersion=x.y.z packaging\windows\trygghetsrad.iss
; The version comes from trygghetsrad\__init__.py (__version__) through build.ps1; this file
; holds no version of its own. Output: dist\trygghetsrad-VERSION-setup.exe
;
; Per-user by default (PrivilegesRequired=lowest: installs under the user's own program folder,
; %LOCALAPPDATA%\Programs\Trygghetsrad). IT can install it for all users instead with
;     trygghetsrad-VERSION-setup.exe /ALLUSERS /VERYSILENT
; No file association: the app has no document type of its own (its database and backups are
; ordinary .sqlite files opened with Arkiv → Öppna databas).
; Uninstalling removes the program only; the database and backups in %LOCALAPPDATA%\Trygghetsrad
; stay where they are.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z (build.ps1 does this)
#endif
#define AppName "Trygghetsråd"
#define AppExe "trygghetsrad.exe"
#define Root "..\.."

[Setup]
; AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{6F0C5E2A-8B3D-4C71-9A5E-2D7B41C3E9A8}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Trygghetsråd
AppCopyright=Fri programvara under GNU GPL version 3 eller senare
VersionInfoProductTextVersion={#AppVersion}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\Trygghetsrad
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=trygghetsrad-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\trygghetsrad.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\Swedish.isl")
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"
#else
; Inno Setup ships no Swedish translation by default: put the user-contributed Swedish.isl
; in its Languages folder to get a Swedish wizard; until then it is English.
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole program folder, so no library of an older Qt or Python is left.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\trygghetsrad\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "Möten, årshjul, lägesbild och åtgärdsplan för trygghetsrådet"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
