import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  screenshotContentScript,
  screenshotRequestKey,
  storeScreenshotRequest,
  takeScreenshotRequest,
} from '@/lib/capture/html2canvas/key';
import { takeHtml2canvasScreenshot } from '@/lib/capture/html2canvas/request';
import type { ScreenshotRequest } from '@/lib/capture/html2canvas/types';

const valid: ScreenshotRequest = { mode: 'full-page', maskSelectors: ['input[type=password]'] };

describe('the request slot in the isolated world', () => {
  beforeEach(() => {
    Reflect.deleteProperty(globalThis, Symbol.for(screenshotRequestKey));
  });

  it.each([
    ['full page', valid],
    [
      'error area with every option',
      {
        mode: 'error-area',
        maskSelectors: [],
        maxHeightCss: 2000,
        areaPadding: 40,
        errorSelector: '.oops',
        prune: false,
      },
    ],
  ])('accepts a %s request, once', (_name, request) => {
    storeScreenshotRequest(request);
    expect(takeScreenshotRequest()).toEqual({ ok: true, request });
    expect(takeScreenshotRequest()).toEqual({
      ok: false,
      detail: 'no screenshot request was stored before the script ran',
    });
  });

  it.each([
    ['nothing stored', undefined, 'no screenshot request'],
    ['not an object', 'full-page', 'invalid screenshot request'],
    ['the visible mode (captureVisibleTab’s)', { mode: 'visible', maskSelectors: [] }, 'mode'],
    ['no mask list', { mode: 'full-page' }, 'maskSelectors'],
    ['an empty selector', { mode: 'full-page', maskSelectors: ['  '] }, 'maskSelectors.0'],
    ['a tiny height cap', { mode: 'full-page', maskSelectors: [], maxHeightCss: 5 }, 'maxHeightCss'],
    ['a negative padding', { mode: 'error-area', maskSelectors: [], areaPadding: -1 }, 'areaPadding'],
    ['a fractional padding', { mode: 'error-area', maskSelectors: [], areaPadding: 1.5 }, 'areaPadding'],
  ])('refuses %s', (_name, request, detail) => {
    if (request !== undefined) storeScreenshotRequest(request);
    const taken = takeScreenshotRequest();
    expect(taken.ok).toBe(false);
    expect(!taken.ok && taken.detail).toContain(detail);
  });

  it('stores under the shared symbol (the serialised function cannot import the key)', () => {
    storeScreenshotRequest(valid);
    expect(Reflect.get(globalThis, Symbol.for('helpdraft.screenshot-request'))).toEqual(valid);
  });
});

describe('takeHtml2canvasScreenshot (background)', () => {
  beforeEach(() => fakeBrowser.reset());

  const success = {
    ok: true,
    dataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    width: 1200,
    height: 3200,
    mode: 'full-page',
  };

  it('stores the request, runs the screenshot script and returns its result', async () => {
    const executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValueOnce([{ frameId: 0, result: undefined, documentId: 'd' }] as never)
      .mockResolvedValueOnce([{ frameId: 0, result: success, documentId: 'd' }] as never);
    await expect(takeHtml2canvasScreenshot(7, valid)).resolves.toEqual(success);
    expect(executeScript).toHaveBeenNthCalledWith(1, {
      target: { tabId: 7 },
      func: storeScreenshotRequest,
      args: [valid],
    });
    expect(executeScript).toHaveBeenNthCalledWith(2, {
      target: { tabId: 7 },
      files: [screenshotContentScript],
    });
    expect(screenshotContentScript).toBe('/content-scripts/screenshot.js');
  });

  it.each([
    [
      'a failure from the page',
      { ok: false, reason: 'no-error-area', detail: 'none' },
      { ok: false, reason: 'no-error-area', detail: 'none' },
    ],
    [
      'no result',
      undefined,
      { ok: false, reason: 'failed', detail: 'the page gave no readable screenshot result' },
    ],
    [
      'a malformed result',
      { ok: true, dataUrl: 'javascript:1' },
      { ok: false, reason: 'failed', detail: 'the page gave no readable screenshot result' },
    ],
    [
      'an unknown reason',
      { ok: false, reason: 'other', detail: '' },
      { ok: false, reason: 'failed', detail: 'the page gave no readable screenshot result' },
    ],
  ])('answers %s', async (_name, result, expected) => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValueOnce([] as never)
      .mockResolvedValueOnce([{ frameId: 0, result, documentId: 'd' }] as never);
    await expect(takeHtml2canvasScreenshot(7, valid)).resolves.toEqual(expected);
  });

  it('answers a refused injection', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(
      new Error(
        'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      ),
    );
    await expect(takeHtml2canvasScreenshot(7, valid)).resolves.toEqual({
      ok: false,
      reason: 'failed',
      detail: expect.stringContaining('Cannot access contents of the page'),
    });
  });

  it('answers when the page never does', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValueOnce([] as never)
      .mockReturnValueOnce(new Promise(() => undefined) as never);
    await expect(takeHtml2canvasScreenshot(7, valid, 20)).resolves.toEqual({
      ok: false,
      reason: 'failed',
      detail: 'the page gave no screenshot within 20 ms',
    });
  });

  it('refuses an invalid request without touching the tab', async () => {
    const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    const result = await takeHtml2canvasScreenshot(7, { mode: 'visible', maskSelectors: [] } as never);
    expect(result).toMatchObject({ ok: false, reason: 'failed' });
    expect(executeScript).not.toHaveBeenCalled();
  });
});
