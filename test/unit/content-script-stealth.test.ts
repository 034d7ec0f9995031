/**
 * No content script announces HelpDraft to the page (issue 15, item 5). WXT's isolated-world
 * entrypoint builds a ContentScriptContext, which posts `wxt:content-script-started` to the page
 * with window.postMessage unless the definition sets `noScriptStartedPostMessage`
 * (node_modules/wxt/dist/utils/content-script-context.mjs, stopOldScripts; WXT 0.20.27). A MAIN-world
 * script gets no context (node_modules/wxt/dist/virtual/content-script-main-world-entrypoint.mjs).
 * test/e2e/stealth.e2e.ts checks the same from a page, in Chromium.
 */
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '@/lib/content-script-context';
import wxtConfig from '../../wxt.config';

interface ContentScriptDefinition {
  world?: 'ISOLATED' | 'MAIN';
  noScriptStartedPostMessage?: boolean;
}

const entrypoints = import.meta.glob<{ default: ContentScriptDefinition }>('/entrypoints/*.content.ts', {
  eager: true,
});
const definitions = Object.entries(entrypoints).map(
  ([file, module]) => [file.replace('/entrypoints/', ''), module.default] as const,
);

describe('content scripts', () => {
  it('are all found (a new one is checked too)', () => {
    expect(definitions.map(([file]) => file).sort()).toEqual(
      expect.arrayContaining([
        'collector.content.ts',
        'filler.content.ts',
        'recorder-bridge.content.ts',
        'recorder.content.ts',
        'screenshot.content.ts',
      ]),
    );
  });

  it('only the recorder runs in the MAIN world, where WXT makes no context', () => {
    expect(definitions.filter(([, definition]) => definition.world === 'MAIN').map(([file]) => file)).toEqual(
      ['recorder.content.ts'],
    );
  });

  it.each(definitions.filter(([, definition]) => definition.world !== 'MAIN'))(
    '%s posts no started message to the page',
    (_file, definition) => {
      expect(definition.noScriptStartedPostMessage).toBe(true);
    },
  );
});

describe('the content-script context put in place of WXT’s', () => {
  it('announces nothing to the page when a script starts', () => {
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const posted = vi.spyOn(window, 'postMessage');
    const context = new ContentScriptContext('collector', {});
    expect(dispatched).not.toHaveBeenCalled();
    expect(posted).not.toHaveBeenCalled();
    expect(context.isValid).toBe(true);
  });

  it.each<[string, (context: ContentScriptContext) => void]>([
    ['notifyInvalidated', (context) => context.notifyInvalidated()],
    ['abort', (context) => context.abort('gone')],
  ])('%s invalidates it and runs the onInvalidated callbacks once', (_name, invalidate) => {
    const context = new ContentScriptContext('collector');
    const callback = vi.fn();
    context.onInvalidated(callback);
    invalidate(context);
    invalidate(context);
    expect([context.isValid, context.signal.aborted, callback.mock.calls.length]).toEqual([false, true, 1]);
  });

  it('is what the build resolves WXT’s module to (wxt.config.ts)', async () => {
    const config =
      typeof wxtConfig.vite === 'function'
        ? await wxtConfig.vite({
            mode: 'production',
            command: 'build',
            browser: 'chrome',
            manifestVersion: 3,
          })
        : undefined;
    const aliases = (config?.resolve?.alias ?? []) as Array<{ find: RegExp; replacement: string }>;
    const alias = aliases.find((entry) => entry.find.test('wxt/utils/content-script-context'));
    expect(alias?.replacement).toMatch(/lib\/content-script-context\.ts$/);
  });
});
