import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import JSZip from 'jszip';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectFirstPageDrawn, expectSamePicture, firstPageAgainstPdfjs, inkShare, ZOOM } from '../helpers/preview';
import { ARTIFACTS, expect, test } from './fixtures';

const pdfText = (file: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

test('build a fact sheet, preview it, export it, and run the saved settings again after a reload', async ({ app, harness }) => {
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '简报生成', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: '简报生成' })).toBeVisible();

  await app.getByRole('radiogroup', { name: '模板' }).getByRole('radio', { name: '单个产业概况' }).check();
  await expect(app.getByText('请选择一个产业。')).toBeVisible();
  // The box asks in the same words as the help below it.
  await expect(app.getByText('选择一个产业', { exact: true })).toBeVisible();
  await expect(app.getByText('全部产业（留空）')).toHaveCount(0);
  await expect(app.getByRole('button', { name: '预览' })).toBeDisabled();
  const entities = app.getByRole('combobox', { name: '产业' });
  await entities.click();
  await entities.fill('智能机器人');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Escape');
  await expect(app.getByText('请选择一个产业。')).toBeHidden();
  await app.getByRole('radiogroup', { name: '简报语言' }).getByRole('radio', { name: '中英双语' }).check();
  await app.getByRole('textbox', { name: '标题', exact: true }).fill('机器人产业周报');
  await app.getByRole('textbox', { name: '编写人' }).fill('政策研究室');
  await app.getByRole('textbox', { name: '密级标注' }).fill('内部资料');

  await app.getByRole('button', { name: '预览' }).click();
  // The first page, drawn by pdf.js under the page's own Content-Security-Policy, and its words.
  // In both languages it runs a few lines past one page at full size: set a little tighter, it is one
  // page, down to the last quoted passage of its sources.
  await expectFirstPageDrawn(app, { name: '第 1 页，共 1 页', text: /机器人产业周报[\s\S]*智能机器人[\s\S]*Smart robots[\s\S]*new engine of the province's economic growth/ });
  await expect(app.getByText('共 1 页', { exact: false })).toBeVisible();
  // Zoom: in by one step from the fitted width, then back to the width of the region.
  const toolbar = app.getByRole('toolbar', { name: '预览缩放' });
  const first = app.getByRole('img', { name: '第 1 页，共 1 页' });
  const fitted = (await first.boundingBox())!.width;
  await toolbar.getByRole('button', { name: '放大' }).click();
  await expect(toolbar.getByRole('button', { name: '适合宽度' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await first.boundingBox())!.width).toBeGreaterThan(fitted);
  await expect(first).toHaveAttribute('data-painted', 'true');
  await toolbar.getByRole('button', { name: '适合宽度' }).click();
  await expect.poll(async () => (await first.boundingBox())!.width).toBeCloseTo(fitted, 0);
  await app.screenshot({ path: path.join(ARTIFACTS, 'briefing-builder-preview.png'), fullPage: true });

  await app.getByRole('button', { name: '导出 PDF' }).click();
  await expect(app.getByRole('status')).toContainText('已导出', { timeout: 30_000 });
  const saved = fs.readdirSync(harness.saveDir);
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatch(/^briefing-fact-sheet-smart-robots-bilingual-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = pdfText(path.join(harness.saveDir, saved[0]!));
  expect(text).toContain('机器人产业周报');
  expect(text).toContain('智能机器人');
  expect(text).toContain('Smart robots');
  expect(text).toContain('超过100亿元');
  expect(text).toContain('内部资料');

  // The same briefing as Word, to finish there (the builder offered only the PDF).
  await app.getByRole('button', { name: '导出 Word' }).click();
  await expect(app.getByRole('status')).toContainText(/已导出：.*\.docx/, { timeout: 30_000 });
  const word = fs.readdirSync(harness.saveDir).find((f) => f.endsWith('.docx'));
  expect(word).toMatch(/^briefing-fact-sheet-smart-robots-bilingual-\d{4}-\d{2}-\d{2}\.docx$/);
  const documentXml = await (await JSZip.loadAsync(fs.readFileSync(path.join(harness.saveDir, word!)))).file('word/document.xml')!.async('string');
  for (const words of ['机器人产业周报', '智能机器人', 'Smart robots', '超过100亿元']) expect(documentXml).toContain(words);

  await app.getByRole('textbox', { name: '简报名称' }).fill('机器人周报');
  await app.getByRole('button', { name: '保存简报设置' }).click();
  await expect(app.getByRole('status')).toContainText('已保存简报设置“机器人周报”');

  await app.reload();
  await app.getByRole('button', { name: '打开 机器人周报' }).click();
  await expect(app.getByRole('textbox', { name: '标题', exact: true })).toHaveValue('机器人产业周报');
  await expect(app.getByRole('radiogroup', { name: '简报语言' }).getByRole('radio', { name: '中英双语' })).toBeChecked();
  await app.getByRole('button', { name: '预览' }).click();
  await expectFirstPageDrawn(app, { name: /^第 1 页，共 \d+ 页$/, text: /机器人产业周报/ });
});

test('the industries field says what leaving it empty means, with the usual room before the next field, in both languages', async ({ app }) => {
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '简报生成', exact: true }).click();
  const entities = app.getByRole('combobox', { name: '产业' });
  /** The space between the field's hint (or warning) and the label of the field below it. */
  const roomBelowHint = async (hint: string, nextLabel: string): Promise<number> => {
    const above = (await app.getByText(hint, { exact: true }).boundingBox())!;
    const below = (await app.getByText(nextLabel, { exact: true }).boundingBox())!;
    return below.y - (above.y + above.height);
  };
  await expect(entities).toHaveAccessibleDescription('一页简报和完整简报留空即包含全部产业；单个产业概况须选择一个产业。');
  // The form's other fields stand 24 px apart; the hint touched 简报语言 (2 px) when it took that gap.
  expect(await roomBelowHint('一页简报和完整简报留空即包含全部产业；单个产业概况须选择一个产业。', '简报语言')).toBeGreaterThanOrEqual(16);

  await app.getByRole('radiogroup', { name: '模板' }).getByRole('radio', { name: '单个产业概况' }).check();
  await expect(entities).toHaveAccessibleDescription('请选择一个产业。');
  await entities.click();
  await entities.fill('智能机器人');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Escape');
  await expect(entities).toHaveAccessibleDescription('单个产业概况只写所选的这一个产业。');
  await app.getByRole('radiogroup', { name: '模板' }).getByRole('radio', { name: '一页简报' }).check();

  // In English the hint runs onto two lines.
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  const hint = 'Leave empty for every industry in a one-page brief or a full briefing; a fact sheet needs exactly one.';
  await expect(app.getByRole('combobox', { name: 'Industries' })).toHaveAccessibleDescription(hint);
  expect((await app.getByText(hint, { exact: true }).boundingBox())!.height).toBeGreaterThan(30);
  expect(await roomBelowHint(hint, 'Briefing language')).toBeGreaterThanOrEqual(16);
});

test('a briefing of several pages is drawn page by page: the last when it is scrolled to from the keyboard', async ({ app }) => {
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '简报生成', exact: true }).click();
  await app.getByRole('radiogroup', { name: '模板' }).getByRole('radio', { name: '完整简报' }).check();
  await app.getByRole('button', { name: '预览' }).click();
  await expectFirstPageDrawn(app, { name: /^第 1 页，共 \d+ 页$/, text: /广东产业集群简报/ });
  const count = Number(/共 (\d+) 页/.exec((await app.getByText(/共 \d+ 页，/).textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThan(2);
  const last = app.getByRole('img', { name: `第 ${count} 页，共 ${count} 页` });
  await expect(last).not.toHaveAttribute('data-painted', 'true');
  const pages = app.getByRole('region', { name: '简报预览页面' });
  await pages.focus();
  await expect(pages).toBeFocused();
  await app.keyboard.press('End');
  await expect(last).toHaveAttribute('data-painted', 'true', { timeout: 30_000 });
  await expect(last).toHaveAccessibleDescription(new RegExp(`第${count}页，共${count}页$`));
});

test('a one-page brief in English from the English interface', async ({ app, harness }) => {
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Briefings' }).click();
  // A fact sheet's box and help ask for the same thing: one industry.
  await app.getByRole('radiogroup', { name: 'Template' }).getByRole('radio', { name: 'Fact sheet (one industry)' }).check();
  await expect(app.getByText('Choose one industry', { exact: true })).toBeVisible();
  await expect(app.getByText('Choose one industry.', { exact: true })).toBeVisible();
  await expect(app.getByText('All industries (leave empty)')).toHaveCount(0);
  await app.getByRole('radiogroup', { name: 'Template' }).getByRole('radio', { name: 'One-page brief' }).check();
  await app.getByRole('radiogroup', { name: 'Briefing language' }).getByRole('radio', { name: 'English' }).check();
  await app.getByRole('textbox', { name: 'Title', exact: true }).fill('Clusters at a glance, week 48');
  await app.getByRole('button', { name: 'Preview' }).click();
  await expectFirstPageDrawn(app, { name: 'Page 1 of 1', text: /^Clusters at a glance, week 48/ });
  // One page, said in the singular.
  await expect(app.getByText(/^1 page, \d+ KB$/)).toBeVisible();
  await app.getByRole('checkbox', { name: 'Open the file after exporting' }).uncheck();
  await app.getByRole('button', { name: 'Export PDF' }).click();
  await expect(app.getByRole('status')).toContainText('Exported', { timeout: 30_000 });
  const [file] = fs.readdirSync(harness.saveDir);
  const text = pdfText(path.join(harness.saveDir, file!));
  expect(text).toContain('Clusters at a glance, week 48');
  expect(text).toContain('nearly 3 trillion yuan');
  expect(text).toContain('New-generation electronics and information technology');
});

test('the builder fills 编写人 from settings, keeps its choices while you visit other pages, and shows the preview\'s progress at once', async ({ app }) => {
  const nav = app.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '简报生成', exact: true }).click();
  await expect(app.getByRole('textbox', { name: '编写人' })).toHaveValue('测试分析员');
  await expect(app.getByText('点击“预览”在此查看 PDF。')).toBeVisible();

  await app.getByRole('radiogroup', { name: '模板' }).getByRole('radio', { name: '完整简报' }).check();
  await app.getByRole('radiogroup', { name: '简报语言' }).getByRole('radio', { name: '英文' }).check();
  await app.getByRole('textbox', { name: '编写人' }).fill('产业研究处');
  await app.getByRole('textbox', { name: '密级标注' }).fill('内部资料 注意保存');
  await nav.getByRole('link', { name: '仪表盘' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '仪表盘' })).toBeVisible();
  await nav.getByRole('link', { name: '简报生成', exact: true }).click();
  await expect(app.getByRole('radiogroup', { name: '模板' }).getByRole('radio', { name: '完整简报' })).toBeChecked();
  await expect(app.getByRole('radiogroup', { name: '简报语言' }).getByRole('radio', { name: '英文' })).toBeChecked();
  await expect(app.getByRole('textbox', { name: '编写人' })).toHaveValue('产业研究处');
  await expect(app.getByRole('textbox', { name: '密级标注' })).toHaveValue('内部资料 注意保存');

  // Pressing Preview replaces the empty state at once with what is happening.
  await app.getByRole('radiogroup', { name: '模板' }).getByRole('radio', { name: '一页简报' }).check();
  await app.getByRole('button', { name: '预览' }).click();
  await expect(app.getByText('点击“预览”在此查看 PDF。')).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: /第 [12] 步（共 2 步）/ })).toBeVisible();
  await expectFirstPageDrawn(app, { name: '第 1 页，共 1 页', text: /^Industry clusters at a glance[\s\S]*Prepared by 产业研究处/ });
  await expect(app.getByText('共 1 页', { exact: false })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: /第 [12] 步/ })).toHaveCount(0);
  // The title's placeholder is the English briefing's own title (it was the Chinese one, whatever the briefing's language).
  await expect(app.getByRole('textbox', { name: '标题', exact: true })).toHaveAttribute('placeholder', 'Industry clusters at a glance');

  // Changing a choice after the preview says the pane shows the briefing as it was; a new preview clears it.
  const stale = app.getByRole('status').filter({ hasText: '预览显示的是更改之前的设置' });
  await expect(stale).toHaveCount(0);
  await app.getByRole('radiogroup', { name: '简报语言' }).getByRole('radio', { name: '中文' }).check();
  await expect(stale).toBeVisible();
  await app.getByRole('button', { name: '预览' }).click();
  await expectFirstPageDrawn(app, { name: '第 1 页，共 1 页', text: /^产业集群一页简报/ });
  await expect(stale).toHaveCount(0);

  // A long name stays on one line in its card; the buttons say 打开 / 删除 and name it only to assistive tech.
  const long = '二〇二六年第四季度全省战略性新兴产业集群发展情况专题简报（供厅务会参阅）';
  await app.getByRole('textbox', { name: '简报名称' }).fill(long);
  await app.getByRole('button', { name: '保存简报设置' }).click();
  const saved = app.getByRole('region', { name: '已保存的简报' });
  const open = saved.getByRole('button', { name: `打开 ${long}` });
  await expect(open).toHaveText('打开');
  await expect(saved.getByRole('button', { name: `删除 ${long}` })).toHaveText('删除');
  const name = saved.getByTitle(long);
  const box = await name.boundingBox();
  const lineHeight = await name.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect(box!.height).toBeLessThan(lineHeight * 1.5);
});

test('a PDF the preview cannot read is refused in words, and the next preview draws again', async ({ app }) => {
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '简报生成', exact: true }).click();
  // The channel's answer damaged on its way (as a broken file would be): the bytes are not a PDF.
  await app.route('**/__harness/rpc/previewBriefing', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value: { pdfBase64: string } };
    body.value.pdfBase64 = Buffer.from('%PDF-1.7\n% nothing else').toString('base64');
    await route.fulfill({ response, json: body });
  });
  await app.getByRole('button', { name: '预览' }).click();
  await expect(app.getByRole('alert')).toContainText(/^预览无法显示这份 PDF（第 1 页：.+）。PDF 本身已生成，可以导出后用其他阅读器查看。$/, { timeout: 60_000 });
  await expect(app.getByRole('img', { name: /^第 1 页/ })).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: /第 [12] 步/ })).toHaveCount(0);
  await expect(app.getByRole('button', { name: '预览' })).toBeEnabled();
  await expect(app.getByText('没有可显示的预览，原因见提示信息。')).toBeVisible();
  await expect(app.getByText('点击“预览”在此查看 PDF。')).toHaveCount(0);

  await app.unroute('**/__harness/rpc/previewBriefing');
  await app.getByRole('button', { name: '预览' }).click();
  await expectFirstPageDrawn(app, { name: '第 1 页，共 1 页', text: /测试分析员/ });
  await expect(app.getByRole('alert')).toHaveCount(0);
});

test('a slow preview counts its seconds, and the first page shown at once is the very page pdf.js draws on the screen', async ({ app }) => {
  // With the motion most people have on: the press must not start any.
  await app.emulateMedia({ reducedMotion: 'no-preference' });
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '简报生成', exact: true }).click();
  // The answer held back until the page has said how long it has been waiting.
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await app.route('**/__harness/rpc/previewBriefing', async (route) => {
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });
  const fontsBefore = await app.evaluate(() => (document.fonts as unknown as Set<FontFace>).size);
  await app.getByRole('button', { name: '预览' }).click();
  // The buttons turned off at the press change at once: no colour fades (each makes the browser draw
  // the window again and again while the PDF is made). getAnimations brings the styles up to date
  // first; the navigation's own highlight (outside the page, from the click that opened it) is not counted.
  const pageAnimations = (): Promise<string[]> =>
    app.evaluate(() =>
      document
        .getAnimations()
        .filter((a) => a.effect instanceof KeyframeEffect && a.effect.target?.closest('main'))
        .map((a) => (a instanceof CSSTransition ? a.transitionProperty : a.id)),
    );
  expect(await pageAnimations()).toEqual([]);
  const status = app.getByRole('status').filter({ hasText: /第 1 步（共 2 步）/ });
  await expect(status).toContainText(/已用 [1-9]\d* 秒/);
  await expect(app.getByRole('button', { name: '预览' })).toBeDisabled();
  release();
  const first = await expectFirstPageDrawn(app, { name: '第 1 页，共 1 页', text: /测试分析员/ });
  // pdf.js draws the PDF's glyphs itself: no font of the PDF is added to the page, which would make the
  // browser lay the whole builder out again while page 1 is being drawn.
  expect(await app.evaluate(() => (document.fonts as unknown as Set<FontFace>).size)).toBe(fontsBefore);
  await app.unroute('**/__harness/rpc/previewBriefing');
  await expect(app.getByRole('button', { name: '预览' })).toBeEnabled();

  // Page 1 was drawn at once from the service's record of it (no pdf.js), and that canvas put in the page.
  // Drawn again by pdf.js for the screen at the same scale, it is the same picture.
  await expect(first, 'page 1 is its drawing off the screen').toHaveAttribute('data-copied', 'true');
  await expect(first, 'page 1 drawn from the service\'s record of it').toHaveAttribute('data-drawn-from', 'record');
  expectSamePicture(await firstPageAgainstPdfjs(app, first, ZOOM));
});

test('page 1 drawn at once is the page pdf.js draws, in every template and language', async ({ app }) => {
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '简报生成', exact: true }).click();
  const template = app.getByRole('radiogroup', { name: '模板' });
  const language = app.getByRole('radiogroup', { name: '简报语言' });
  const cases: [string, string, RegExp][] = [
    ['一页简报', '英文', /Industry clusters at a glance/],
    ['一页简报', '中英双语', /产业集群一页简报[\s\S]*Industry clusters at a glance/],
    ['完整简报', '中文', /广东省战略性产业集群与未来产业/],
    ['完整简报', '英文', /Guangdong/],
  ];
  for (const [name, lang, text] of cases) {
    await template.getByRole('radio', { name }).check();
    await language.getByRole('radio', { name: lang }).check();
    await app.getByRole('button', { name: '预览' }).click();
    const first = await expectFirstPageDrawn(app, { name: /^第 1 页，共 \d+ 页$/, text });
    await expect(first, `${name} · ${lang}: drawn from the service's record`).toHaveAttribute('data-drawn-from', 'record');
    expectSamePicture(await firstPageAgainstPdfjs(app, first, ZOOM), `${name} · ${lang}`);
  }
});

/**
 * pdf.js's worker, as on a laptop far busier than this machine: it starts on a message of kind `action`
 * `ms` after it is sent. Only the speed is changed; the worker's own file is served, with that wait in front.
 */
async function slowPdfWorker(app: Page, action: 'GetOperatorList' | 'GetDocRequest', ms: number): Promise<void> {
  await app.route('**/assets/pdf.worker*.mjs', async (route) => {
    const response = await route.fetch();
    const slow = `{ const add = self.addEventListener.bind(self);
      self.addEventListener = (type, listener, options) => add(type, type !== 'message' ? listener : (e) =>
        e.data && e.data.action === ${JSON.stringify(action)} ? setTimeout(() => listener(e), ${ms}) : listener(e), options); }\n`;
    await route.fulfill({ response, body: slow + (await response.text()) });
  });
}

test('page 1 is on the screen before pdf.js has opened the PDF: the service drew it', async ({ app }) => {
  // pdf.js opens a PDF 5 s after it is asked to (a laptop far busier than this machine).
  await slowPdfWorker(app, 'GetDocRequest', 5_000);
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '简报生成', exact: true }).click();
  await app.getByRole('button', { name: '预览' }).click();
  const first = app.getByRole('img', { name: '第 1 页，共 1 页' });
  await expect(first).toHaveAttribute('data-painted', 'true');
  await expect(first).toHaveAttribute('data-drawn-from', 'record');
  // Shown while pdf.js has still not opened the PDF: zooming waits for it, and the status is gone.
  const toolbar = app.getByRole('toolbar', { name: '预览缩放' });
  await expect(toolbar.getByRole('button', { name: '放大' })).toBeDisabled();
  await expect(app.getByRole('status').filter({ hasText: /第 [12] 步/ })).toHaveCount(0);
  expect(await inkShare(first), 'share of page 1 that is drawn on').toBeGreaterThan(0.005);
  // Then pdf.js has it: zoom, and page 1's own text for a screen reader.
  await expectFirstPageDrawn(app, { name: '第 1 页，共 1 页', text: /测试分析员/ });
  await expect(toolbar.getByRole('button', { name: '放大' })).toBeEnabled();
});

test('a first page slow to draw says so (step 2 of 2) until it is on the screen', async ({ app }) => {
  await slowPdfWorker(app, 'GetOperatorList', 1_500);
  // An answer without page 1's record (the service could not take it): pdf.js draws page 1.
  await app.route('**/__harness/rpc/previewBriefing', async (route) => {
    const response = await route.fetch();
    const envelope = (await response.json()) as { ok: boolean; value?: { firstPage?: unknown } };
    delete envelope.value?.firstPage;
    await route.fulfill({ response, json: envelope });
  });
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '简报生成', exact: true }).click();
  // Every status line the pane shows, in order, as the page itself sees them.
  await app.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenSteps: string[] }).seenSteps = seen;
    new MutationObserver(() => {
      for (const el of Array.from(document.querySelectorAll('[role="status"]'))) {
        const step = /第 [12] 步[^已]*/.exec(el.textContent ?? '')?.[0];
        if (step && seen.at(-1) !== step) seen.push(step);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await app.getByRole('button', { name: '预览' }).click();
  await expect(app.getByRole('status').filter({ hasText: '第 2 步（共 2 步）：正在显示第一页…' })).toBeVisible();
  await expect(app.getByRole('button', { name: '预览' })).toBeDisabled();
  await expectFirstPageDrawn(app, { name: '第 1 页，共 1 页', text: /测试分析员/ });
  await expect(app.getByRole('status').filter({ hasText: /第 [12] 步/ })).toHaveCount(0);
  expect(await app.evaluate(() => (window as unknown as { seenSteps: string[] }).seenSteps)).toEqual(['第 1 步（共 2 步）：正在生成 PDF…', '第 2 步（共 2 步）：正在显示第一页…']);
  await expect(app.getByRole('button', { name: '预览' })).toBeEnabled();
});
