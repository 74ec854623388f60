/**
 * The generic, transport-free half of the binder: validate the input against the contract, call the
 * handler, validate the output, and turn every failure into a typed error envelope. The Electron
 * binder (electron/main/ipc.ts) and the browser harness (electron/web/server.ts) both call this.
 */
import { contract, isChannel, type Envelope } from '../../shared/contract';
import { AppError, toErrorPayload } from '../../shared/errors';
import { issueDetails } from '../../shared/text';
import type { Handlers } from './handlers';

export async function dispatch(handlers: Handlers, channel: unknown, rawInput: unknown): Promise<Envelope> {
  if (!isChannel(channel)) {
    return { ok: false, error: new AppError('UNKNOWN_CHANNEL', 'unknown channel', { channel: String(channel).slice(0, 80) }).toPayload() };
  }
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, error: new AppError('INVALID_INPUT', 'invalid input', issueDetails(parsed.error.issues[0], channel)).toPayload() };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = contract[channel].output.parse(await handler(parsed.data));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}
