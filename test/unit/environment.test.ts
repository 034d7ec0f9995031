import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  describeEnvironment,
  readEnvironment,
  unknownName,
  type EnvironmentInput,
} from '@/lib/capture/environment';
import { environmentSchema } from '@/lib/schema';

const ua = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
  firefoxUbuntu: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:140.0) Gecko/20100101 Firefox/140.0',
  chromiumDebian:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
  safariIpad:
    'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15',
  chromeIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/138.0.7204.119 Mobile/15E148 Safari/604.1',
  firefoxIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/140.0 Mobile/15E148 Safari/605.1.15',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
  samsung:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36',
  opera:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 OPR/124.0.0.0',
  chromeOs:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  windows7: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0',
  ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
};

const chromeBrands = [
  { brand: 'Not A(Brand', version: '8' },
  { brand: 'Chromium', version: '156' },
  { brand: 'Google Chrome', version: '156' },
];
const chromeFull = [
  { brand: 'Not A(Brand', version: '8.0.0.0' },
  { brand: 'Chromium', version: '156.0.7435.84' },
  { brand: 'Google Chrome', version: '156.0.7435.84' },
];

const rest = {
  uiLanguage: 'ja',
  timeZone: 'Asia/Tokyo',
  viewport: { width: 1440, height: 900, devicePixelRatio: 2 },
  extensionVersion: '0.1.0',
};

type Case = [
  string,
  Omit<EnvironmentInput, keyof typeof rest>,
  { browser: string; browserVersion: string; os: string },
];

describe('describeEnvironment', () => {
  it.each<Case>([
    [
      'Chrome on Windows 11 via client hints',
      {
        userAgent: ua.chromeWindows,
        userAgentData: { brands: chromeBrands, platform: 'Windows', fullVersionList: chromeFull },
        platformVersion: '19.0.0',
      },
      { browser: 'Google Chrome', browserVersion: '156.0.7435.84', os: 'Windows 11' },
    ],
    [
      'Chrome on Windows 10 via client hints',
      {
        userAgent: ua.chromeWindows,
        userAgentData: { brands: chromeBrands, platform: 'Windows', fullVersionList: chromeFull },
        platformVersion: '10.0.0',
      },
      { browser: 'Google Chrome', browserVersion: '156.0.7435.84', os: 'Windows 10' },
    ],
    [
      'Chrome on Windows 7 via client hints',
      {
        userAgent: ua.chromeWindows,
        userAgentData: { brands: chromeBrands, platform: 'Windows' },
        platformVersion: '0.1.0',
      },
      { browser: 'Google Chrome', browserVersion: '156', os: 'Windows 7' },
    ],
    [
      'Chrome on Windows, low-entropy hints only',
      { userAgent: ua.chromeWindows, userAgentData: { brands: chromeBrands, platform: 'Windows' } },
      { browser: 'Google Chrome', browserVersion: '156', os: 'Windows 10/11' },
    ],
    [
      'Chrome on macOS via client hints',
      {
        userAgent: ua.chromeMac,
        userAgentData: { brands: chromeBrands, platform: 'macOS', fullVersionList: chromeFull },
        platformVersion: '15.3.1',
      },
      { browser: 'Google Chrome', browserVersion: '156.0.7435.84', os: 'macOS 15.3.1' },
    ],
    [
      'Chrome on macOS 14.0 via client hints',
      {
        userAgent: ua.chromeMac,
        userAgentData: { brands: chromeBrands, platform: 'macOS' },
        platformVersion: '14.0.0',
      },
      { browser: 'Google Chrome', browserVersion: '156', os: 'macOS 14.0' },
    ],
    [
      'Chrome on macOS, user agent only',
      { userAgent: ua.chromeMac },
      { browser: 'Chrome/Chromium', browserVersion: '156', os: 'macOS 10.15+' },
    ],
    [
      'Edge on Windows 11 via client hints',
      {
        userAgent: ua.edgeWindows,
        userAgentData: {
          brands: [
            { brand: 'Microsoft Edge', version: '156' },
            { brand: 'Not)A;Brand', version: '24' },
            { brand: 'Chromium', version: '156' },
          ],
          platform: 'Windows',
          fullVersionList: [
            { brand: 'Microsoft Edge', version: '156.0.3485.54' },
            { brand: 'Not)A;Brand', version: '24.0.0.0' },
            { brand: 'Chromium', version: '156.0.7435.84' },
          ],
        },
        platformVersion: '15.0.0',
      },
      { browser: 'Microsoft Edge', browserVersion: '156.0.3485.54', os: 'Windows 11' },
    ],
    [
      'Edge, user agent only',
      { userAgent: ua.edgeWindows },
      { browser: 'Microsoft Edge', browserVersion: '156', os: 'Windows 10/11' },
    ],
    [
      'Firefox on Linux',
      { userAgent: ua.firefoxLinux },
      { browser: 'Firefox', browserVersion: '140.0', os: 'Linux' },
    ],
    [
      'Firefox on Ubuntu',
      { userAgent: ua.firefoxUbuntu },
      { browser: 'Firefox', browserVersion: '140.0', os: 'Linux (Ubuntu)' },
    ],
    [
      'Firefox on Windows',
      { userAgent: ua.firefoxWindows },
      { browser: 'Firefox', browserVersion: '140.0', os: 'Windows 10/11' },
    ],
    [
      'Firefox on macOS',
      { userAgent: ua.firefoxMac },
      { browser: 'Firefox', browserVersion: '140.0', os: 'macOS 10.15+' },
    ],
    [
      'Chromium on Debian, user agent only (same as Chrome’s)',
      { userAgent: ua.chromiumDebian },
      { browser: 'Chrome/Chromium', browserVersion: '156', os: 'Linux' },
    ],
    [
      'Chromium on Debian via client hints',
      {
        userAgent: ua.chromiumDebian,
        userAgentData: {
          brands: [
            { brand: 'Chromium', version: '156' },
            { brand: 'Not-A.Brand', version: '24' },
          ],
          platform: 'Linux',
          fullVersionList: [
            { brand: 'Chromium', version: '156.0.7435.84' },
            { brand: 'Not-A.Brand', version: '24.0.0.0' },
          ],
        },
        platformVersion: '6.12.38',
      },
      { browser: 'Chromium', browserVersion: '156.0.7435.84', os: 'Linux' },
    ],
    [
      'headless Chromium 156 on Debian, as the end-to-end harness reports it',
      {
        userAgent:
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
        userAgentData: {
          brands: [
            { brand: 'Not:A-Brand', version: '8' },
            { brand: 'Chromium', version: '156' },
          ],
          platform: 'Linux',
          fullVersionList: [
            { brand: 'Not:A-Brand', version: '8.0.0.0' },
            { brand: 'Chromium', version: '156.0.8078.79' },
          ],
        },
        platformVersion: '',
      },
      { browser: 'Chromium', browserVersion: '156.0.8078.79', os: 'Linux' },
    ],
    [
      'headless Chromium, user agent only',
      {
        userAgent:
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      },
      { browser: 'Headless Chrome', browserVersion: '156', os: 'Linux' },
    ],
    [
      'Brave via client hints',
      {
        userAgent: ua.chromeWindows,
        userAgentData: {
          brands: [
            { brand: 'Brave', version: '156' },
            { brand: 'Chromium', version: '156' },
            { brand: 'Not_A Brand', version: '24' },
          ],
          platform: 'Windows',
        },
        platformVersion: '19.0.0',
      },
      { browser: 'Brave', browserVersion: '156', os: 'Windows 11' },
    ],
    [
      'Opera via client hints',
      {
        userAgent: ua.opera,
        userAgentData: {
          brands: [
            { brand: 'Opera', version: '124' },
            { brand: 'Chromium', version: '140' },
            { brand: 'Not/A)Brand', version: '24' },
          ],
          platform: 'Windows',
          fullVersionList: [
            { brand: 'Opera', version: '124.0.5705.42' },
            { brand: 'Chromium', version: '140.0.7339.186' },
            { brand: 'Not/A)Brand', version: '24.0.0.0' },
          ],
        },
      },
      { browser: 'Opera', browserVersion: '124.0.5705.42', os: 'Windows 10/11' },
    ],
    [
      'Opera, user agent only',
      { userAgent: ua.opera },
      { browser: 'Opera', browserVersion: '124', os: 'Windows 10/11' },
    ],
    [
      'Safari on iPhone',
      { userAgent: ua.safariIphone },
      { browser: 'Safari', browserVersion: '18.5', os: 'iOS 18.5' },
    ],
    [
      'Safari on iPad',
      { userAgent: ua.safariIpad },
      { browser: 'Safari', browserVersion: '17.4', os: 'iPadOS 17.4' },
    ],
    [
      'Safari on macOS',
      { userAgent: ua.safariMac },
      { browser: 'Safari', browserVersion: '18.5', os: 'macOS 10.15+' },
    ],
    [
      'Chrome on iPhone',
      { userAgent: ua.chromeIphone },
      { browser: 'Google Chrome', browserVersion: '138.0.7204.119', os: 'iOS 18.5' },
    ],
    [
      'Firefox on iPhone',
      { userAgent: ua.firefoxIphone },
      { browser: 'Firefox', browserVersion: '140.0', os: 'iOS 18.5' },
    ],
    [
      'Chrome on Android via client hints (the user agent’s "Android 10; K" is frozen)',
      {
        userAgent: ua.chromeAndroid,
        userAgentData: { brands: chromeBrands, platform: 'Android', fullVersionList: chromeFull },
        platformVersion: '15.0.0',
      },
      { browser: 'Google Chrome', browserVersion: '156.0.7435.84', os: 'Android 15' },
    ],
    [
      'Chrome on Android, user agent only',
      { userAgent: ua.chromeAndroid },
      { browser: 'Chrome/Chromium', browserVersion: '156', os: 'Android' },
    ],
    [
      'Samsung Internet',
      { userAgent: ua.samsung },
      { browser: 'Samsung Internet', browserVersion: '28.0', os: 'Android 14' },
    ],
    [
      'ChromeOS via client hints',
      {
        userAgent: ua.chromeOs,
        userAgentData: { brands: chromeBrands, platform: 'Chrome OS' },
        platformVersion: '16328.55.0',
      },
      { browser: 'Google Chrome', browserVersion: '156', os: 'ChromeOS 16328.55.0' },
    ],
    [
      'ChromeOS, user agent only',
      { userAgent: ua.chromeOs },
      { browser: 'Chrome/Chromium', browserVersion: '156', os: 'ChromeOS' },
    ],
    [
      'Firefox on Windows 7',
      { userAgent: ua.windows7 },
      { browser: 'Firefox', browserVersion: '115.0', os: 'Windows 7' },
    ],
    [
      'Internet Explorer 11',
      { userAgent: ua.ie11 },
      { browser: 'Internet Explorer', browserVersion: '11.0', os: 'Windows 10/11' },
    ],
    [
      'hints with an unknown platform fall back to the user agent',
      { userAgent: ua.chromeMac, userAgentData: { brands: chromeBrands, platform: '' } },
      { browser: 'Google Chrome', browserVersion: '156', os: 'macOS 10.15+' },
    ],
    [
      'hints with only GREASE brands fall back to the user agent',
      {
        userAgent: ua.edgeWindows,
        userAgentData: { brands: [{ brand: 'Not_A Brand', version: '99' }], platform: 'Windows' },
      },
      { browser: 'Microsoft Edge', browserVersion: '156', os: 'Windows 10/11' },
    ],
    [
      'malformed hints',
      {
        userAgent: ua.firefoxLinux,
        userAgentData: {
          brands: 'Chrome' as unknown as [],
          platform: 42 as unknown as string,
          fullVersionList: [null] as unknown as [],
        },
      },
      { browser: 'Firefox', browserVersion: '140.0', os: 'Linux' },
    ],
    [
      'prototype words as brands',
      { userAgent: ua.firefoxLinux, userAgentData: { brands: [{ brand: 'constructor', version: '1' }] } },
      { browser: 'constructor', browserVersion: '1', os: 'Linux' },
    ],
    ['empty user agent', { userAgent: '' }, { browser: unknownName, browserVersion: '', os: unknownName }],
    [
      'garbage user agent',
      { userAgent: '\u0000<script>alert(1)</script>' },
      { browser: unknownName, browserVersion: '', os: unknownName },
    ],
  ])('%s', (_name, input, expected) => {
    const environment = describeEnvironment({ ...rest, ...input });
    expect(environment).toEqual({ ...rest, ...expected });
    expect(environmentSchema.safeParse(environment).success).toBe(true);
  });

  it.each([
    ['Not A(Brand'],
    ['Not)A;Brand'],
    ['Not/A)Brand'],
    ['Not.A/Brand'],
    ['Not_A Brand'],
    [';Not A Brand'],
    ['Not-A.Brand'],
    ['Not:A-Brand'],
  ])('skips the GREASE brand %s', (grease) => {
    const environment = describeEnvironment({
      ...rest,
      userAgent: ua.chromeWindows,
      userAgentData: {
        brands: [
          { brand: grease, version: '99' },
          { brand: 'Google Chrome', version: '156' },
        ],
      },
    });
    expect(environment.browser).toBe('Google Chrome');
  });

  it('passes the languages, time zone, viewport and extension version through', () => {
    expect(
      describeEnvironment({
        userAgent: ua.firefoxLinux,
        uiLanguage: 'en',
        pageLanguage: 'ja',
        timeZone: 'Europe/Berlin',
        viewport: { width: 800, height: 600, devicePixelRatio: 1.25 },
        extensionVersion: '1.2.3',
      }),
    ).toEqual({
      browser: 'Firefox',
      browserVersion: '140.0',
      os: 'Linux',
      uiLanguage: 'en',
      pageLanguage: 'ja',
      timeZone: 'Europe/Berlin',
      viewport: { width: 800, height: 600, devicePixelRatio: 1.25 },
      extensionVersion: '1.2.3',
    });
  });

  it('leaves out an empty page language and zeroes impossible numbers', () => {
    const environment = describeEnvironment({
      ...rest,
      userAgent: ua.firefoxLinux,
      pageLanguage: '  ',
      viewport: { width: Number.NaN, height: Infinity, devicePixelRatio: 2 },
    });
    expect(environment).not.toHaveProperty('pageLanguage');
    expect(environment.viewport).toEqual({ width: 0, height: 0, devicePixelRatio: 2 });
  });

  it('caps long texts', () => {
    const environment = describeEnvironment({
      ...rest,
      userAgent: `Mozilla/5.0 (X11; Linux x86_64) Firefox/${'1'.repeat(500)}`,
      userAgentData: { brands: [{ brand: 'B'.repeat(500), version: '1' }] },
      timeZone: 'Z'.repeat(500),
    });
    expect(environment.browser.length).toBeLessThanOrEqual(100);
    expect(environment.timeZone.length).toBeLessThanOrEqual(100);
  });
});

function fakeWindow(navigator: unknown, extra: Record<string, unknown> = {}): Window {
  return {
    navigator,
    document: { documentElement: { lang: 'ja' } },
    innerWidth: 1280,
    innerHeight: 720,
    devicePixelRatio: 1.5,
    ...extra,
  } as unknown as Window;
}

describe('readEnvironment', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  it('reads the user agent, its high-entropy client hints, the page and the viewport', async () => {
    const getHighEntropyValues = vi.fn(async () => ({
      fullVersionList: chromeFull,
      platformVersion: '19.0.0',
    }));
    const view = fakeWindow({
      userAgent: ua.chromeWindows,
      userAgentData: { brands: chromeBrands, platform: 'Windows', getHighEntropyValues },
    });
    expect(await readEnvironment(view, '0.1.0', 'ja')).toEqual({
      browser: 'Google Chrome',
      browserVersion: '156.0.7435.84',
      os: 'Windows 11',
      uiLanguage: 'ja',
      pageLanguage: 'ja',
      timeZone,
      viewport: { width: 1280, height: 720, devicePixelRatio: 1.5 },
      extensionVersion: '0.1.0',
    });
    expect(getHighEntropyValues).toHaveBeenCalledWith(['fullVersionList', 'platformVersion']);
  });

  it('reads a browser without client hints (Firefox)', async () => {
    const environment = await readEnvironment(fakeWindow({ userAgent: ua.firefoxLinux }), '0.1.0', 'en');
    expect(environment).toMatchObject({
      browser: 'Firefox',
      browserVersion: '140.0',
      os: 'Linux',
      uiLanguage: 'en',
    });
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('denied'))],
    [
      'throws',
      () => {
        throw new Error('boom');
      },
    ],
    ['returns garbage', () => 'not a promise'],
    ['resolves to null', async () => null],
  ])('uses the low-entropy hints when getHighEntropyValues %s', async (_name, getHighEntropyValues) => {
    const view = fakeWindow({
      userAgent: ua.chromeWindows,
      userAgentData: { brands: chromeBrands, platform: 'Windows', getHighEntropyValues },
    });
    expect(await readEnvironment(view, '0.1.0', 'ja')).toMatchObject({
      browser: 'Google Chrome',
      browserVersion: '156',
      os: 'Windows 10/11',
    });
  });

  it('does not wait forever for getHighEntropyValues', async () => {
    vi.useFakeTimers();
    const view = fakeWindow({
      userAgent: ua.chromeMac,
      userAgentData: {
        brands: chromeBrands,
        platform: 'macOS',
        getHighEntropyValues: () => new Promise(() => {}),
      },
    });
    const pending = readEnvironment(view, '0.1.0', 'ja');
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toMatchObject({
      browser: 'Google Chrome',
      browserVersion: '156',
      os: 'macOS 10.15+',
    });
  });

  it('never throws, whatever the page did to its globals', async () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    ) as Window;
    const environment = await readEnvironment(hostile, '0.1.0', 'ja');
    expect(environment).toEqual({
      browser: unknownName,
      browserVersion: '',
      os: unknownName,
      uiLanguage: 'ja',
      timeZone,
      viewport: { width: 0, height: 0, devicePixelRatio: 0 },
      extensionVersion: '0.1.0',
    });
    expect(environmentSchema.safeParse(environment).success).toBe(true);
  });

  it('works on the real (happy-dom) window', async () => {
    document.documentElement.lang = 'ja';
    const environment = await readEnvironment(window, '0.1.0', 'ja');
    expect(environmentSchema.safeParse(environment).success).toBe(true);
    expect(environment.pageLanguage).toBe('ja');
    expect(environment.viewport.width).toBe(window.innerWidth);
  });
});
