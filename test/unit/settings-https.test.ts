import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseManagedPolicy } from '@/lib/managed';
import { defaultSettings, helpCenterUrlProblem, managedPolicySchema, settingsSchema } from '@/lib/schema';
import { readSettings, readUserSettings, writeSettings } from '@/lib/storage';
import httpSettingsFixture from '../fixtures/storage/settings-http.json';

// Issue 15: the help-center URL must be https in the settings and the policy schemas.
beforeEach(() => fakeBrowser.reset());

describe('the help-center URL is https only', () => {
  it.each([
    ['https', 'https://help.acme.example/hc/ja/requests/new', true],
    ['http', 'http://help.acme.example/hc/ja/requests/new', false],
    ['HTTP in capitals', 'HTTP://help.acme.example/hc/ja/requests/new', false],
    ['javascript', 'javascript:alert(1)', false],
    ['ftp', 'ftp://help.acme.example/', false],
  ])('%s: settings %s, policy the same', (_name, url, accepted) => {
    expect(settingsSchema.shape.helpCenterUrl.safeParse(url).success).toBe(accepted);
    expect(managedPolicySchema.shape.helpCenterUrl.safeParse(url).success).toBe(accepted);
  });

  it.each([
    ['https://help.acme.example/hc/ja/requests/new', undefined],
    ['http://help.acme.example/hc/ja/requests/new', 'http'],
    ['  HTTP://help.acme.example/', 'http'],
    ['help.acme.example', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
  ] as const)('the settings page names the problem of %j: %s', (url, problem) => {
    expect(helpCenterUrlProblem(url)).toBe(problem);
  });

  it('a policy with an http help center is ignored and named, its other values kept', () => {
    expect(
      parseManagedPolicy({ helpCenterUrl: 'http://help.acme.example/hc/ja/requests/new', maskEmails: true }),
    ).toEqual({ policy: { maskEmails: true }, invalid: ['helpCenterUrl'], refusedMaskPatterns: [] });
  });

  it('a stored http URL (fixture of a version that allowed it) falls back to the default, the rest kept', async () => {
    await fakeBrowser.storage.local.set(httpSettingsFixture.local);
    const expected = { ...httpSettingsFixture.local.settings, helpCenterUrl: defaultSettings.helpCenterUrl };
    await expect(readUserSettings()).resolves.toEqual(expected);
    await expect(readSettings()).resolves.toEqual(expected);
  });

  it('an http URL is never written', async () => {
    await expect(
      writeSettings({ ...defaultSettings, helpCenterUrl: 'http://help.acme.example/hc/ja/requests/new' }),
    ).rejects.toThrow();
  });
});
