/**
 * The page's breadcrumb and active tab for the category (issue 16, item 4;
 * lib/capture/page-context.ts), and their redaction on the way into the
 * capture (lib/capture/capture.ts: nothing unmasked is stored).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildCapture } from '@/lib/capture/capture';
import { collectPageContext } from '@/lib/capture/page-context';
import { collectPageSnapshot } from '@/lib/capture/snapshot';
import type { PageSnapshot } from '@/lib/schema';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('collectPageContext', () => {
  it.each([
    [
      'an ARIA breadcrumb and a selected tab',
      `<nav aria-label="Breadcrumb"><ol><li><a href="/users">Users</a></li><li>Taro Yamada</li></ol></nav>
       <div role="tablist"><button role="tab" aria-selected="false">Profile</button><button role="tab" aria-selected="true">Authentication</button></div>`,
      { breadcrumb: ['Users', 'Taro Yamada'], activeTab: 'Authentication' },
    ],
    [
      'a Japanese breadcrumb by class, links only',
      `<div class="breadcrumb"><a href="/apps">アプリ</a> › <a href="/apps/1">Salesforce</a></div>`,
      { breadcrumb: ['アプリ', 'Salesforce'], activeTab: '' },
    ],
    [
      'a Bootstrap tab row only',
      `<ul class="nav-tabs"><li><a>Info</a></li><li class="active"><a>SSO</a></li></ul>`,
      { breadcrumb: [], activeTab: 'SSO' },
    ],
  ])('reads %s', (_name, html, context) => {
    document.body.innerHTML = html;
    expect(collectPageContext(document, window)).toEqual(context);
  });

  it.each([
    ['nothing of the kind', '<h1>Dashboard</h1><p>Welcome</p>'],
    [
      'a hidden breadcrumb and a hidden tab',
      '<nav aria-label="breadcrumb" hidden><li>Users</li></nav><div style="display:none"><span role="tab" aria-selected="true">SSO</span></div>',
    ],
  ])('reads nothing from %s', (_name, html) => {
    document.body.innerHTML = html;
    expect(collectPageContext(document, window)).toBeUndefined();
  });

  it('keeps the steps short and few', () => {
    const steps = Array.from({ length: 12 }, (_, index) => `<li>${'x'.repeat(300)}${index}</li>`).join('');
    document.body.innerHTML = `<nav aria-label="breadcrumb"><ol>${steps}</ol></nav>`;
    const context = collectPageContext(document, window)!;
    expect(context.breadcrumb).toHaveLength(8);
    expect(Math.max(...context.breadcrumb.map((step) => step.length))).toBe(100);
  });

  it('is part of the page snapshot only when the page shows one', () => {
    document.body.innerHTML = '<h1>Dashboard</h1>';
    expect(collectPageSnapshot(document, window)).not.toHaveProperty('context');
    document.body.innerHTML = '<nav aria-label="breadcrumb"><li>Users</li></nav>';
    expect(collectPageSnapshot(document, window).context).toEqual({ breadcrumb: ['Users'], activeTab: '' });
  });
});

describe('the page context in the capture', () => {
  const snapshot: PageSnapshot = {
    url: 'https://acme.onelogin.com/users/5/edit',
    title: 'Users | OneLogin',
    heading: 'Taro',
    context: { breadcrumb: ['Users', 'client_secret=s3cr3t-value'], activeTab: 'Authentication' },
    errors: [],
    viewport: { width: 1, height: 1, devicePixelRatio: 1 },
    entities: [],
    environment: {
      browser: 'Chromium',
      browserVersion: '156',
      os: 'Linux',
      uiLanguage: 'ja',
      timeZone: 'Asia/Tokyo',
      viewport: { width: 1, height: 1, devicePixelRatio: 1 },
      extensionVersion: '0.1.0',
    },
    recording: { available: false, events: [], dropped: 0 },
  };

  it('is redacted like every other text', () => {
    const capture = buildCapture(snapshot, 'id', 'now');
    expect(capture.context?.activeTab).toBe('Authentication');
    expect(capture.context?.breadcrumb[0]).toBe('Users');
    expect(capture.context?.breadcrumb[1]).not.toContain('s3cr3t-value');
    expect(capture.redactions.length).toBeGreaterThan(0);
  });

  it('is absent when the snapshot has none', () => {
    expect(buildCapture({ ...snapshot, context: undefined }, 'id', 'now')).not.toHaveProperty('context');
  });
});
