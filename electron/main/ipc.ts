/**
 * The generic binder: every contract channel is bound here, once. It refuses calls from any frame
 * other than the app's own page, then hands over to the transport-free dispatcher, which validates
 * input and output and turns failures into typed errors.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, ipcChannel, type Envelope } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { isTrustedSender } from '../services/app-page';
import { dispatch } from '../services/dispatch';
import type { Handlers } from '../services/handlers';

export function bindContract(handlers: Handlers): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannel(channel), async (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope> => {
      if (!isTrustedSender(event.senderFrame, process.env.ELECTRON_RENDERER_URL)) {
        return { ok: false, error: new AppError('FORBIDDEN_SENDER', 'sender is not the app page').toPayload() };
      }
      return dispatch(handlers, channel, input);
    });
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(ipcChannel(channel)));
}
