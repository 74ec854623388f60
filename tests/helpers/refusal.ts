/** The typed error a channel call was refused with (the test fails if it was not refused). */
import type { ErrorPayload } from '../../shared/errors';

export async function refusal(work: Promise<unknown>): Promise<ErrorPayload> {
  try {
    await work;
  } catch (error) {
    return error as ErrorPayload;
  }
  throw new Error('expected a refusal');
}
