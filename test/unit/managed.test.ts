import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import {
  applyPolicy,
  featuresOf,
  isLocked,
  managedFeatureKeys,
  managedSettingKeys,
  noPolicy,
  parseManagedPolicy,
  userSettingsToSave,
} from '@/lib/managed';
import { defaultSettings, managedPolicySchema, type Settings } from '@/lib/schema';
import {
  readManagedPolicy,
  readSettings,
  readSettingsAndPolicy,
  readUserSettings,
  watchSettings,
  writeSettings,
} from '@/lib/storage';

const root = path.resolve(import.meta.dirname, '../..');

const mine: Settings = {
  ...defaultSettings,
  language: 'en',
  personalEmail: 'hanako.sato@example.co.jp',
  maskEmails: false,
  maskPatterns: ['MY-[0-9]+'],
};

beforeEach(() => fakeBrowser.reset());

describe('parseManagedPolicy', () => {
  it.each([
    ['nothing', undefined, {}, [], []],
    ['an empty area', {}, {}, [], []],
    ['not a record', 'yes', {}, [], []],
    [
      'good values',
      { language: 'ja', maskEmails: true, exportEnabled: false, sharedAddresses: ['it@acme.example'] },
      { language: 'ja', maskEmails: true, exportEnabled: false, sharedAddresses: ['it@acme.example'] },
      [],
      [],
    ],
    [
      'bad values beside good ones',
      {
        helpCenterUrl: 'javascript:alert(1)',
        language: 'fr',
        maskPatterns: ['(unclosed', 'EMP-[0-9]+'],
        articleSearchEnabled: false,
      },
      { articleSearchEnabled: false, maskPatterns: ['EMP-[0-9]+'] },
      ['helpCenterUrl', 'language'],
      ['(unclosed'],
    ],
    [
      'only refused patterns: the user’s own stay',
      { maskPatterns: ['x*', '(a+)+$'] },
      {},
      [],
      ['x*', '(a+)+$'],
    ],
    ['an empty list of patterns: none, locked', { maskPatterns: [] }, { maskPatterns: [] }, [], []],
    ['patterns that are not a list', { maskPatterns: 'EMP-[0-9]+' }, {}, ['maskPatterns'], []],
    ['keys of a newer version', { futureSetting: 1, maskEmails: true }, { maskEmails: true }, [], []],
  ])('%s', (_name, raw, policy, invalid, refusedMaskPatterns) => {
    expect(parseManagedPolicy(raw)).toEqual({ policy, invalid, refusedMaskPatterns });
  });
});

describe('applyPolicy', () => {
  it('puts every value the organisation set over the user’s, and leaves the rest', () => {
    const applied = applyPolicy(mine, {
      language: 'ja',
      maskEmails: true,
      maskPatterns: ['EMP-[0-9]{6}'],
      helpCenterUrl: 'https://help.acme.example/hc/ja/requests/new',
      exportEnabled: false,
    });
    expect(applied).toEqual({
      ...mine,
      language: 'ja',
      maskEmails: true,
      maskPatterns: ['EMP-[0-9]{6}'],
      helpCenterUrl: 'https://help.acme.example/hc/ja/requests/new',
    });
    expect(applyPolicy(mine, {})).toEqual(mine);
  });

  it.each(managedSettingKeys)('locks %s only when the organisation set it', (key) => {
    expect(isLocked({}, key)).toBe(false);
    expect(isLocked({ [key]: defaultSettings[key] }, key)).toBe(true);
  });

  it.each([
    [{}, { export: true, articleSearch: true }],
    [{ exportEnabled: true }, { export: true, articleSearch: true }],
    [{ exportEnabled: false }, { export: false, articleSearch: true }],
    [{ articleSearchEnabled: false }, { export: true, articleSearch: false }],
  ])('features under %j', (policy, features) => {
    expect(featuresOf(policy)).toEqual(features);
  });

  it('saves the user’s own value for a locked setting, never the organisation’s', () => {
    const policy = { language: 'ja' as const, maskEmails: true };
    const form = { ...applyPolicy(mine, policy), personalEmail: 'taro@example.co.jp' };
    expect(userSettingsToSave(form, mine, policy)).toEqual({ ...mine, personalEmail: 'taro@example.co.jp' });
  });
});

describe('the managed area in the browser (fake browser)', () => {
  it('a managed value overrides the user’s setting everywhere settings are read', async () => {
    await writeSettings(mine);
    await fakeBrowser.storage.managed.set({ language: 'ja', maskEmails: true, exportEnabled: false });
    expect(await readSettings()).toEqual({ ...mine, language: 'ja', maskEmails: true });
    // The user's own settings are kept underneath, for the settings page and for a lifted policy.
    expect(await readUserSettings()).toEqual(mine);
    const { managed } = await readSettingsAndPolicy();
    expect(isLocked(managed.policy, 'language')).toBe(true);
    expect(isLocked(managed.policy, 'personalEmail' as never)).toBe(false);
    expect(featuresOf(managed.policy).export).toBe(false);
    await fakeBrowser.storage.managed.clear();
    expect(await readSettings()).toEqual(mine);
  });

  it('reads no policy when the browser refuses the managed area (Firefox without one)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    expect(await readManagedPolicy()).toEqual(noPolicy);
    await writeSettings(mine);
    expect(await readSettings()).toEqual(mine);
  });

  it('tells watchers when the policy changes, with the settings in force', async () => {
    await writeSettings(mine);
    const seen: Settings[] = [];
    const lifetime = new AbortController();
    watchSettings((settings) => seen.push(settings), lifetime.signal);
    await fakeBrowser.storage.managed.set({ language: 'ja' });
    await vi.waitFor(() => expect(seen.at(-1)?.language).toBe('ja'));
    await writeSettings({ ...mine, personalEmail: 'taro@example.co.jp' });
    await vi.waitFor(() =>
      expect(seen.at(-1)).toEqual({ ...mine, language: 'ja', personalEmail: 'taro@example.co.jp' }),
    );
    lifetime.abort();
    const count = seen.length;
    await fakeBrowser.storage.managed.set({ language: 'en' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveLength(count);
  });
});

/**
 * Chrome and Edge publish only what public/managed_schema.json declares:
 * the schema and the zod policy must name the same keys with the same types.
 */
describe('public/managed_schema.json', () => {
  const schema = JSON.parse(readFileSync(path.join(root, 'public/managed_schema.json'), 'utf8')) as {
    type: string;
    properties: Record<string, { type: string; enum?: string[]; items?: { type: string } }>;
  };
  const jsonType = (field: z.ZodType): string => {
    if (field instanceof z.ZodBoolean) return 'boolean';
    if (field instanceof z.ZodArray) return 'array';
    return 'string';
  };

  it('declares exactly the policy’s keys', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(managedPolicySchema.shape).sort());
    expect([...managedSettingKeys, ...managedFeatureKeys].sort()).toEqual(
      Object.keys(managedPolicySchema.shape).sort(),
    );
  });

  it.each(Object.entries(managedPolicySchema.shape))('types %s as zod does', (key, field) => {
    const declared = schema.properties[key]!;
    expect(declared.type).toBe(jsonType(field as z.ZodType));
    if (declared.type === 'array') expect(declared.items?.type).toBe('string');
    if (field instanceof z.ZodEnum) expect(declared.enum?.sort()).toEqual([...field.options].sort());
  });

  it('is the file the manifest names', async () => {
    const { default: config } = await import('../../wxt.config');
    const manifest = config.manifest as (env: Record<string, unknown>) => Record<string, unknown>;
    expect(manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production' }).storage).toEqual({
      managed_schema: 'managed_schema.json',
    });
  });
});
