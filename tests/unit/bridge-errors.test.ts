/**
 * A refused call reaches the page as the typed error, in Electron too. Electron's contextBridge
 * copies a thrown Error with its message only — as structured cloning does — so the preload's
 * client rejects with a plain object, and the page's getApi turns it back into a CallError whose
 * code the page words in the person's language.
 */
import { describe, expect, it } from 'vitest';
import { CallError, createClient, withPlainRejections } from '../../shared/client';
import { describeError } from '../../shared/errors';
import { asCallError } from '../../renderer/src/api';

const refusing = createClient(async () => ({
  ok: false,
  error: { code: 'DB_LOCKED', message: 'database is locked', details: { path: '/data/cluster-brief.db' } },
}));

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('the call was expected to fail');
    },
    (error: unknown) => error,
  );
}

describe('a failed call across the bridge', () => {
  it('loses its payload when it crosses as an Error (what the page saw before)', async () => {
    const crossed = structuredClone(await rejectionOf(refusing.listSources({})));
    expect(asCallError(crossed)).not.toBeInstanceOf(CallError);
  });

  it('keeps its code, words and details when the preload rejects with a plain object', async () => {
    const crossed = structuredClone(await rejectionOf(withPlainRejections(refusing).listSources({})));
    const error = asCallError(crossed);
    expect(error).toBeInstanceOf(CallError);
    const payload = (error as CallError).payload;
    expect(payload).toMatchObject({ code: 'DB_LOCKED', details: { path: '/data/cluster-brief.db' } });
    expect(describeError(payload, 'zh-CN')).toBe(describeError({ code: 'DB_LOCKED', message: '', details: { path: '/data/cluster-brief.db' } }, 'zh-CN'));
  });

  it('passes a successful answer through unchanged', async () => {
    const answering = withPlainRejections(createClient(async () => ({ ok: true, value: [] })));
    await expect(answering.listSources({})).resolves.toEqual([]);
  });
});
