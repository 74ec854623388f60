/**
 * The application menu with the usual roles (edit, view, window), so shortcuts work everywhere.
 * The Edit menu keeps the text-editing roles and adds "Undo change / Redo change", which only tell
 * the page (MENU_CHANNEL); the page undoes through the contract like its own Ctrl/Cmd+Z.
 */
import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/contract';

const send = (command: MenuCommand) => (): void => {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  win?.webContents.send(MENU_CHANNEL, command);
};

export function installMenu(): void {
  const isMac = process.platform === 'darwin';
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: '撤销修改 Undo change', click: send('undo') },
      { label: '重做修改 Redo change', click: send('redo') },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    edit,
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
