/**
 * The generic client built from the contract. The preload gives it an IPC transport; the browser
 * harness gives it an HTTP transport. Either way the page sees the same object.
 */
import { CHANNELS, Envelope, contract, type Channel, type Input, type MenuCommand, type Output } from './contract';
import { AppError, type ErrorPayload } from './errors';

export type Transport = (channel: Channel, input: unknown) => Promise<unknown>;
export type Client = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> };

/** What the page may listen to besides calls: menu commands from main. Returns the unsubscribe. */
export interface AppEvents {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
/** The whole object the preload (or the harness bridge) puts on the window. */
export type Bridge = Client & AppEvents;

/** Thrown in the page when a call fails; carries the typed payload from the other side. */
export class CallError extends AppError {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.code, payload.message, payload.details);
    this.payload = payload;
  }
}

export function createClient(transport: Transport): Client {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNELS) {
    client[channel] = async (input: unknown) => {
      const envelope = Envelope.parse(await transport(channel, input ?? {}));
      if (!envelope.ok) throw new CallError(envelope.error);
      return contract[channel].output.parse(envelope.value);
    };
  }
  return client as Client;
}

/**
 * The client as it must cross Electron's contextBridge: a failed call rejects with a plain
 * `{ name, message, payload }` object, not the CallError. The bridge copies an Error with its
 * message only (its own properties are lost, as with structured cloning), which left the page with
 * "AppError: …" instead of the typed error; a plain object is copied whole, and the page's getApi
 * (renderer/src/api.ts, asCallError) makes its own CallError from the payload again.
 */
export function withPlainRejections(client: Client): Client {
  const plain: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNELS) {
    const call = client[channel] as (input: unknown) => Promise<unknown>;
    plain[channel] = (input: unknown) =>
      call(input).catch((error: unknown) =>
        Promise.reject(error instanceof CallError ? { name: 'CallError', message: error.message, payload: error.payload } : error),
      );
  }
  return plain as Client;
}
