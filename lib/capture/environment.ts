/**
 * The reporter's environment for a ticket: browser and version, operating
 * system, languages, time zone, viewport and the extension's version.
 * `describeEnvironment` is pure (user-agent client hints first, the
 * user-agent string otherwise); `readEnvironment` gathers its input in a page
 * and never throws.
 */
import type { Environment } from '../schema';

export interface BrandVersion {
  brand: string;
  version: string;
}

export interface EnvironmentInput {
  userAgent: string;
  /** `navigator.userAgentData` (Chromium), with `fullVersionList` from `getHighEntropyValues`. */
  userAgentData?: { brands?: BrandVersion[]; platform?: string; fullVersionList?: BrandVersion[] };
  /** `platformVersion` from `getHighEntropyValues`: tells Windows 11 from 10, and the macOS version. */
  platformVersion?: string;
  uiLanguage: string;
  pageLanguage?: string;
  timeZone: string;
  viewport: { width: number; height: number; devicePixelRatio: number };
  extensionVersion: string;
}

/** What is shown when the browser or the OS cannot be told. */
export const unknownName = 'Unknown';

/** Every text from the browser is cut here; real values are far shorter. */
const maxTextLength = 100;
/** How long `getHighEntropyValues` may take before the low-entropy values are used alone. */
const highEntropyTimeoutMs = 1000;

function clean(value: unknown, maxLength = maxTextLength): string {
  if (typeof value !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return text.length > maxLength ? text.slice(0, maxLength) : text;
}

function finite(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** GREASE brands ("Not A(Brand", "Not)A;Brand", "Not_A Brand"…) that Chromium adds to keep parsers honest. */
function isGrease(brand: string): boolean {
  return brand.replace(/[^a-z]/gi, '').toLowerCase() === 'notabrand';
}

/** Brand names as client hints spell them → the name shown in a ticket. */
const brandNames: ReadonlyMap<string, string> = new Map([
  ['google chrome', 'Google Chrome'],
  ['chromium', 'Chromium'],
  ['microsoft edge', 'Microsoft Edge'],
  ['opera', 'Opera'],
  ['opera gx', 'Opera GX'],
  ['brave', 'Brave'],
  ['vivaldi', 'Vivaldi'],
  ['yabrowser', 'Yandex Browser'],
  ['yandex', 'Yandex Browser'],
  ['samsung internet', 'Samsung Internet'],
  ['headlesschrome', 'Headless Chrome'],
]);

/** Which client-hint brand names the browser: its own brand over "Google Chrome" over "Chromium". */
function rankBrand(brand: string): number {
  const key = brand.toLowerCase();
  if (key === 'chromium') return 2;
  if (key === 'google chrome') return 1;
  return 0;
}

function brandsOf(list: unknown): BrandVersion[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter(
      (item): item is BrandVersion => typeof item?.brand === 'string' && typeof item?.version === 'string',
    )
    .map((item) => ({ brand: clean(item.brand), version: clean(item.version) }))
    .filter((item) => item.brand && !isGrease(item.brand));
}

/** Chrome's reduced user agent says `156.0.0.0`: only the major version is real. */
function unreduced(version: string): string {
  return /^\d+\.0\.0\.0$/.test(version) ? (version.split('.')[0] ?? version) : version;
}

/** The user-agent token that carries a browser's version. */
const versionTokens: ReadonlyMap<string, RegExp> = new Map([
  ['Google Chrome', /(?:Chrome|CriOS)\/([\d.]+)/],
  ['Chromium', /(?:Chromium|Chrome)\/([\d.]+)/],
  ['Headless Chrome', /HeadlessChrome\/([\d.]+)/],
  ['Microsoft Edge', /Edg(?:e|A|iOS)?\/([\d.]+)/],
  ['Opera', /(?:OPR|OPT|OPiOS)\/([\d.]+)/],
  ['Opera GX', /OPR\/([\d.]+)/],
  ['Yandex Browser', /YaBrowser\/([\d.]+)/],
  ['Samsung Internet', /SamsungBrowser\/([\d.]+)/],
  ['Vivaldi', /Vivaldi\/([\d.]+)/],
]);

function browserFromHints(input: EnvironmentInput): { browser: string; browserVersion: string } | undefined {
  const brands = brandsOf(input.userAgentData?.brands);
  const fullVersions = brandsOf(input.userAgentData?.fullVersionList);
  const candidates = fullVersions.length > 0 ? fullVersions : brands;
  const chosen = [...candidates].sort((a, b) => rankBrand(a.brand) - rankBrand(b.brand))[0];
  if (!chosen) return undefined;
  const browser = brandNames.get(chosen.brand.toLowerCase()) ?? chosen.brand;
  const full = fullVersions.find((item) => item.brand === chosen.brand)?.version;
  const major =
    brands.find((item) => item.brand === chosen.brand)?.version ?? chosen.version.split('.')[0] ?? '';
  if (full) return { browser, browserVersion: full };
  // No full version list: the user-agent token when it is not reduced and agrees on the major version.
  const token = versionTokens.get(browser)?.exec(input.userAgent)?.[1];
  const fromToken = token ? unreduced(token) : '';
  const browserVersion = fromToken && fromToken.split('.')[0] === major.split('.')[0] ? fromToken : major;
  return { browser, browserVersion };
}

/** Browsers by their user-agent token, most specific first (Edge and Opera also say "Chrome"). */
const userAgentBrowsers: readonly [string, RegExp][] = [
  ['Microsoft Edge', /Edg(?:e|A|iOS)?\/([\d.]+)/],
  ['Opera', /(?:OPR|OPT|OPiOS)\/([\d.]+)/],
  ['Samsung Internet', /SamsungBrowser\/([\d.]+)/],
  ['Yandex Browser', /YaBrowser\/([\d.]+)/],
  ['Vivaldi', /Vivaldi\/([\d.]+)/],
  ['Firefox', /(?:FxiOS|Firefox)\/([\d.]+)/],
  ['Google Chrome', /CriOS\/([\d.]+)/],
  ['Headless Chrome', /HeadlessChrome\/([\d.]+)/],
  ['Chromium', /Chromium\/([\d.]+)/],
  // Chrome and Chromium send the same user agent; only client hints (sent by both in secure contexts) tell them apart.
  ['Chrome/Chromium', /Chrome\/([\d.]+)/],
  ['Safari', /Version\/([\d.]+)(?:\s+Mobile\/\S+)?\s+Safari\//],
  ['Internet Explorer', /Trident\/.*\brv:([\d.]+)/],
];

function browserFromUserAgent(userAgent: string): { browser: string; browserVersion: string } {
  for (const [browser, pattern] of userAgentBrowsers) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) return { browser, browserVersion: unreduced(version) };
  }
  return { browser: unknownName, browserVersion: '' };
}

/** `14.0.0` → `14.0` (at least `keep` parts), `15.3.1` unchanged. */
function trimVersion(version: string, keep: number): string {
  const parts = version.split('.');
  while (parts.length > keep && parts[parts.length - 1] === '0') parts.pop();
  return parts.join('.');
}

/** Windows by `platformVersion` (Microsoft's client-hint table): 13 and later is Windows 11. */
function windowsFromPlatformVersion(platformVersion: string): string | undefined {
  const match = /^(\d+)\.(\d+)/.exec(platformVersion);
  if (!match) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major >= 13) return 'Windows 11';
  if (major >= 1) return 'Windows 10';
  return ({ 1: 'Windows 7', 2: 'Windows 8', 3: 'Windows 8.1' } as Record<number, string>)[minor] ?? 'Windows';
}

function linuxFromUserAgent(userAgent: string): string {
  const distribution =
    /\b(Ubuntu|Fedora|Debian|Linux Mint|openSUSE|Arch Linux|Manjaro|CentOS|Red Hat)\b/i.exec(userAgent)?.[1];
  return distribution ? `Linux (${distribution})` : 'Linux';
}

function osFromUserAgent(userAgent: string): string {
  const apple = /\b(iPhone|iPad|iPod)\b.*?\bOS (\d+(?:_\d+)*)/.exec(userAgent);
  if (apple) return `${apple[1] === 'iPad' ? 'iPadOS' : 'iOS'} ${(apple[2] ?? '').replace(/_/g, '.')}`;
  if (/\b(iPhone|iPod)\b/.test(userAgent)) return 'iOS';
  if (/\biPad\b/.test(userAgent)) return 'iPadOS';
  const android = /\bAndroid (\d+(?:\.\d+)*)/.exec(userAgent);
  // Chrome's reduced user agent always says "Android 10; K": the version is frozen, not real.
  if (android) return /Android 10; K\)/.test(userAgent) ? 'Android' : `Android ${android[1]}`;
  if (/\bAndroid\b/.test(userAgent)) return 'Android';
  if (/\bCrOS\b/.test(userAgent)) return 'ChromeOS';
  const windows = /\bWindows NT (\d+\.\d+)/.exec(userAgent);
  if (windows) {
    const names: Record<string, string> = {
      '10.0': 'Windows 10/11',
      '6.3': 'Windows 8.1',
      '6.2': 'Windows 8',
      '6.1': 'Windows 7',
    };
    return names[windows[1] ?? ''] ?? 'Windows';
  }
  if (/\bWindows\b/.test(userAgent)) return 'Windows';
  const mac = /\bMac OS X (\d+[._]\d+(?:[._]\d+)?)/.exec(userAgent);
  if (mac) {
    const version = (mac[1] ?? '').replace(/_/g, '.');
    // Browsers freeze macOS 11 and later at 10.15(.7) in the user agent.
    return /^10\.15(?:\.\d+)?$/.test(version) ? 'macOS 10.15+' : `macOS ${version}`;
  }
  if (/\bMacintosh\b/.test(userAgent)) return 'macOS';
  if (/\b(Linux|X11)\b/.test(userAgent)) return linuxFromUserAgent(userAgent);
  return unknownName;
}

function osFromHints(input: EnvironmentInput): string | undefined {
  const platform = clean(input.userAgentData?.platform).toLowerCase();
  const version = clean(input.platformVersion);
  switch (platform) {
    case 'windows':
      return (version && windowsFromPlatformVersion(version)) || osFromUserAgent(input.userAgent);
    case 'macos':
      return version ? `macOS ${trimVersion(version, 2)}` : osFromUserAgent(input.userAgent);
    case 'android':
      return version ? `Android ${trimVersion(version, 1)}` : 'Android';
    case 'ios':
      return version ? `iOS ${trimVersion(version, 2)}` : 'iOS';
    case 'chrome os':
    case 'chromeos':
    case 'chromium os':
      return version ? `ChromeOS ${version}` : 'ChromeOS';
    case 'linux':
      // platformVersion on Linux is the kernel's, which tells support nothing.
      return linuxFromUserAgent(input.userAgent);
    case 'fuchsia':
      return 'Fuchsia';
    default:
      return undefined;
  }
}

/**
 * Names the browser and its version and the operating system, from
 * user-agent client hints when given (the full version list over the major
 * versions, GREASE brands skipped, Windows 11 told from 10 by
 * `platformVersion`) and from the user-agent string otherwise.
 */
export function describeEnvironment(input: EnvironmentInput): Environment {
  const userAgent = clean(input?.userAgent, 1000);
  const safe: EnvironmentInput = { ...input, userAgent };
  let browser = { browser: unknownName, browserVersion: '' };
  let os = unknownName;
  try {
    browser = browserFromHints(safe) ?? browserFromUserAgent(userAgent);
    os = osFromHints(safe) ?? osFromUserAgent(userAgent);
  } catch {
    // Malformed hints: keep what is known.
  }
  const pageLanguage = clean(input?.pageLanguage, 35);
  return {
    browser: browser.browser,
    browserVersion: browser.browserVersion,
    os,
    uiLanguage: clean(input?.uiLanguage, 35),
    ...(pageLanguage ? { pageLanguage } : {}),
    timeZone: clean(input?.timeZone),
    viewport: {
      width: finite(input?.viewport?.width),
      height: finite(input?.viewport?.height),
      devicePixelRatio: finite(input?.viewport?.devicePixelRatio),
    },
    extensionVersion: clean(input?.extensionVersion),
  };
}

/** `navigator.userAgentData`, which the DOM typings do not describe yet. */
interface NavigatorUAData {
  brands?: readonly BrandVersion[];
  platform?: string;
  getHighEntropyValues?: (
    hints: string[],
  ) => Promise<{ fullVersionList?: BrandVersion[]; platformVersion?: string }>;
}

function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), milliseconds);
    Promise.resolve(promise).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/** `UTC+09:00` from the clock's offset, for the rare runtime without a named zone. */
function offsetZone(): string {
  const offset = -new Date().getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `UTC${sign}${hours}:${minutes}`;
}

function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** Adds `navigator.userAgentData` and its high-entropy values (full versions, platform version) to the input. */
async function readClientHints(navigator: Navigator | undefined, input: EnvironmentInput): Promise<void> {
  const data = (navigator as (Navigator & { userAgentData?: NavigatorUAData }) | undefined)?.userAgentData;
  if (!data || typeof data !== 'object') return;
  const userAgentData: NonNullable<EnvironmentInput['userAgentData']> = {};
  input.userAgentData = userAgentData;
  if (Array.isArray(data.brands)) userAgentData.brands = brandsCopy(data.brands);
  if (typeof data.platform === 'string') userAgentData.platform = data.platform;
  if (typeof data.getHighEntropyValues !== 'function') return;
  const high = await withTimeout(
    data.getHighEntropyValues(['fullVersionList', 'platformVersion']),
    highEntropyTimeoutMs,
  );
  if (Array.isArray(high?.fullVersionList)) userAgentData.fullVersionList = brandsCopy(high.fullVersionList);
  if (typeof high?.platformVersion === 'string') input.platformVersion = high.platformVersion;
}

/**
 * Gathers the environment in a page (user agent and its client hints, time
 * zone, `<html lang>`, viewport) and describes it. Never throws: what cannot
 * be read is left out or unknown.
 */
export async function readEnvironment(
  view: Window,
  extensionVersion: string,
  uiLanguage: string,
): Promise<Environment> {
  const navigator = attempt(() => view.navigator, undefined);
  const input: EnvironmentInput = {
    userAgent: attempt(() => String(navigator?.userAgent ?? ''), ''),
    uiLanguage,
    timeZone:
      attempt(() => Intl.DateTimeFormat().resolvedOptions().timeZone ?? '', '') || attempt(offsetZone, ''),
    viewport: {
      width: attempt(() => view.innerWidth, 0),
      height: attempt(() => view.innerHeight, 0),
      devicePixelRatio: attempt(() => view.devicePixelRatio, 0),
    },
    extensionVersion,
  };
  const pageLanguage = attempt(() => view.document.documentElement.lang, '');
  if (pageLanguage) input.pageLanguage = pageLanguage;

  try {
    await readClientHints(navigator, input);
  } catch {
    // No client hints: the user-agent string alone.
  }

  try {
    return describeEnvironment(input);
  } catch {
    return describeEnvironment({
      userAgent: '',
      uiLanguage,
      timeZone: '',
      viewport: input.viewport,
      extensionVersion,
    });
  }
}

/** Plain copies of brand entries (the browser's are live, frozen objects). */
function brandsCopy(list: readonly BrandVersion[]): BrandVersion[] {
  return list.map((item) => ({ brand: String(item?.brand ?? ''), version: String(item?.version ?? '') }));
}
