import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages, translate } from '@/lib/i18n';
import { ja } from '@/lib/i18n/ja';

const root = path.resolve(import.meta.dirname, '../..');

describe('locale files', () => {
  it.each(Object.keys(messages))('%s has exactly the keys of ja', (locale) => {
    expect(Object.keys(messages[locale as keyof typeof messages]).sort()).toEqual(Object.keys(ja).sort());
  });

  it.each(Object.keys(messages))('%s fills the same parameters as ja in every message', (locale) => {
    const parameters = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [key, text] of Object.entries(ja)) {
      expect(parameters(messages[locale as keyof typeof messages][key as keyof typeof ja]), key).toEqual(
        parameters(text),
      );
    }
  });

  it.each(['ja', 'en'])('the manifest strings exist in public/_locales/%s', (locale) => {
    const manifestMessages = JSON.parse(
      readFileSync(path.join(root, `public/_locales/${locale}/messages.json`), 'utf8'),
    );
    expect(Object.keys(manifestMessages).sort()).toEqual([
      'actionTitle',
      'extensionDescription',
      'extensionName',
    ]);
  });
});

describe('translate', () => {
  it.each([
    ['ja', 'field.titleLength', { count: 12 }, '12 / 150 文字'],
    ['en', 'field.titleLength', { count: 12 }, '12 / 150 characters'],
    ['ja', 'priority.urgent', {}, '緊急'],
    [
      'en',
      'error.permission-missing',
      { origin: 'https://x.example' },
      expect.stringContaining('(https://x.example)'),
    ],
  ] as const)('%s %s', (locale, key, params, expected) => {
    expect(translate(locale, key, params)).toEqual(expected);
  });

  it('leaves an unknown parameter visible rather than dropping text', () => {
    expect(translate('ja', 'field.titleLength')).toBe('{count} / 150 文字');
  });
});

/**
 * Every visible string comes from the locale files: JSX text and
 * user-facing attributes in components hold no literal words.
 */
describe('components hold no hard-coded user-facing text', () => {
  const folders = ['components', 'entrypoints/popup', 'entrypoints/options'];
  const files = folders.flatMap((folder) =>
    readdirSync(path.join(root, folder))
      .filter((name) => name.endsWith('.tsx'))
      .map((name) => path.join(folder, name)),
  );

  it.each(files)('%s', (file) => {
    const source = readFileSync(path.join(root, file), 'utf8');
    // `(?<!=)`: an arrow's `=>` opens no JSX text.
    const jsxText = [...source.matchAll(/(?<!=)>([^<>{}]*[\p{L}][^<>{}]*)</gu)]
      .map((match) => match[1]!.trim())
      // Between a generic's `>` and the next `<`, or a JSX ternary's branches, lies TypeScript
      // (statements end in `;`, ternaries read `) : cond ? (`), not JSX text.
      .filter((text) => text && !/;|\)\s*:|\?\s*\(/.test(text));
    const attributes = [...source.matchAll(/\b(alt|title|placeholder|aria-label)="([^"]*\p{L}[^"]*)"/gu)].map(
      (match) => match[0],
    );
    expect([...jsxText, ...attributes]).toEqual([]);
  });
});
