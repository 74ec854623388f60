/** The page runs under the app's Content-Security-Policy (the harness sends the same header as main). */
import { REFUSED, probeCsp } from '../helpers/csp';
import { expect, test } from './fixtures';

test('inline scripts, eval and remote requests are refused by the Content-Security-Policy', async ({ app }) => {
  await expect(app.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
  expect(await probeCsp(app)).toEqual(REFUSED);
});
