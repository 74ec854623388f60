import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { BUILTIN_METRICS, CATEGORIES, QUALIFIERS, TIERS, UNITS } from '../../shared/domain';
import { ERROR_CODES, describeError } from '../../shared/errors';
import { formatValue } from '../../shared/format';
import { MESSAGES } from '../../shared/i18n';

type Tree = { [key: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const lookup = (t: Tree, key: string): string | undefined =>
  key.split('.').reduce<string | Tree | undefined>((node, k) => (typeof node === 'object' ? node[k] : undefined), t) as string | undefined;
const MAY_BE_EMPTY = new Set(['qualifier.exact', 'unit.count']);

describe('UI strings', () => {
  const zh = MESSAGES['zh-CN'] as unknown as Tree;
  const en = MESSAGES.en as unknown as Tree;

  it('exist in both languages, key for key', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('take the same placeholders in both languages (a {{count}} in one is no {{n}} in the other)', () => {
    const names = (t: Tree, k: string): string[] => [...new Set([...lookup(t, k)!.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!))].sort();
    // A plural key's _one may spell the number out ("1 figure", "one row"): compare its _other, and each key alike.
    const differing = keys(en)
      .filter((k) => !k.endsWith('_one'))
      .map((k) => [k, names(en, k).join(','), names(zh, k).join(',')] as const)
      .filter(([, a, b]) => a !== b);
    expect(differing).toEqual([]);
  });

  it('are never empty, except where emptiness is the meaning', () => {
    for (const lang of [zh, en]) for (const k of keys(lang)) if (!MAY_BE_EMPTY.has(k)) expect(lookup(lang, k), k).not.toBe('');
  });

  it('name every category, tier, qualifier, unit and metric of the domain', () => {
    for (const lang of [zh, en]) {
      for (const c of CATEGORIES) expect(lookup(lang, `category.${c}`)).toBeTruthy();
      for (const t of TIERS) expect(lookup(lang, `tier.${t}`)).toBeTruthy();
      for (const q of QUALIFIERS) expect(lookup(lang, `qualifierName.${q}`)).toBeTruthy();
      for (const u of UNITS) expect(lookup(lang, `unit.${u}`)).toBeDefined();
      for (const m of BUILTIN_METRICS) expect(lookup(lang, `metric.${m}`)).toBeTruthy();
    }
  });

  it('count in English with the number: "1 figure", never "1 figures"', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: MESSAGES.en } }, lng: 'en', interpolation: { escapeValue: false } });
    // Every string that takes a number (the plural forms folded into their key), with every number in it 1.
    const counted = [...new Set(keys(en).filter((k) => /\{\{\w+\}\}/.test(lookup(en, k)!)).map((k) => k.replace(/_(one|other)$/, '')))];
    expect(counted.length).toBeGreaterThan(50);
    const ones = (k: string): Record<string, number> => Object.fromEntries([...(lookup(en, k) ?? lookup(en, `${k}_other`))!.matchAll(/\{\{(\w+)\}\}/g)].map((m) => [m[1]!, 1]));
    // A countable noun in the plural right after the number (or after one word: "1 more figures", "1 open annotations").
    const plural = /(?:^|[^\d.#])1 (?:[a-z]+ )?(figures|changes|annotations|rows|columns|pages|errors|cells|industries|edits|sources|items|values|metrics|entities|issues|findings|references|paragraphs|records|sheets|files|backups)\b/;
    const wrong = counted.map((k) => [k, i18n.t(k, { ...ones(k), count: 1 })] as const).filter(([, text]) => plural.test(text));
    expect(wrong).toEqual([]);
    // And the plural stays plural.
    expect(i18n.t('catalog.inUse', { count: 2 })).toBe('2 figures');
  });

  it('describe every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      const payload = { code, message: '', details: { path: '/x.sqlite', found: 9, supported: 1, reason: 'r', where: 'w', id: 'i', what: 'w', channel: 'c' } };
      expect(describeError(payload, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
      expect(describeError(payload, 'en')).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});

describe('figure formatting', () => {
  it('keeps unit and qualifier with the number in both languages', () => {
    expect(formatValue(30000, '100m_yuan', 'nearly', 'zh-CN')).toBe('近3万亿元');
    expect(formatValue(30000, '100m_yuan', 'nearly', 'en')).toBe('nearly 3 trillion yuan');
    expect(formatValue(10000, '100m_yuan', 'over', 'en')).toBe('over 1 trillion yuan');
    expect(formatValue(5000, '100m_yuan', 'over', 'en')).toBe('over 500 billion yuan');
    expect(formatValue(5000, '100m_yuan', 'over', 'zh-CN')).toBe('超过5000亿元');
    expect(formatValue(100, '100m_yuan', 'over', 'en')).toBe('over 10 billion yuan');
    expect(formatValue(5.2, 'percent', 'exact', 'zh-CN')).toBe('5.2%');
    expect(formatValue(12, 'percent', 'target', 'en')).toBe('target: 12%');
    expect(formatValue(3.5, '10k_yuan', 'about', 'zh-CN')).toBe('约3.5万元');
  });

  it('never loses digits', () => {
    expect(formatValue(1234.56789, '100m_yuan', 'exact', 'zh-CN')).toBe('1234.56789亿元');
    expect(formatValue(12345.6, '100m_yuan', 'exact', 'zh-CN')).toBe('1.23456万亿元');
    expect(formatValue(12345, 'yuan', 'exact', 'zh-CN')).toBe('1.2345万元');
    expect(formatValue(0.1 + 0.2, 'percent', 'exact', 'en')).toBe('0.3%');
  });
});
