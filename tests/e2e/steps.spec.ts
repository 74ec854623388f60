/** The data-driven steps (tests/helpers/steps.ts) that the real-Electron workflows use, checked on today's screens. */
import { perform } from '../helpers/steps';
import { expect, test } from './fixtures';

test('step lists drive the page by role, name and label', async ({ app }) => {
  await perform(app, [
    { see: '总览' },
    { click: '查看 智能机器人', role: 'link' },
    { see: '智能机器人' },
    { seeText: 'China Daily', within: { role: 'table', name: '数据' } },
    { click: 'English', within: { role: 'group', name: '界面语言' } },
    { see: 'Smart robots' },
  ]);
  await expect(perform(app, [], 'an unwritten screen')).rejects.toThrow(/No steps written yet for an unwritten screen/);
});
