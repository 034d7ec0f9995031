/**
 * The collector's whole job in the page, at capture time: read the page
 * (errors, entities, environment, what the recorder saw) and measure its
 * secrets for the screenshot that follows. Runs in the isolated world.
 * Nothing is laid over the page: the background paints the reported
 * rectangles into the captured image (docs/ARCHITECTURE.md, "Masks").
 */
import { readRecording } from '../recorder/read';
import type { CollectorResult } from '../schema';
import type { CollectOptions } from './collect-options';
import { collectEntities } from './entities';
import { readEnvironment } from './environment';
import { keepMaskTargets } from './mask-measure';
import { findMaskTargets } from './masks';
import type { ShadowRootReader } from './secret-walk';
import { collectPageSnapshot } from './snapshot';
import { vanishedErrors } from './watcher';

export async function collectPage(
  document: Document,
  view: Window,
  options: CollectOptions,
  /** The browser's reader of closed shadow roots (lib/capture/secret-walk.ts), when it has one. */
  openOrClosedShadowRoot?: ShadowRootReader,
): Promise<CollectorResult> {
  const started = view.performance.now();
  const [recording, environment] = await Promise.all([
    readRecording(globalThis),
    readEnvironment(view, options.extensionVersion, options.uiLanguage),
  ]);
  const page = collectPageSnapshot(document, view);
  const snapshot = {
    ...page,
    // Messages the watcher saw vanish before this capture (lib/capture/watcher.ts), redacted with the rest.
    errors: [...page.errors, ...vanishedErrors(globalThis, page.errors, Date.now())],
    entities: collectEntities(document, view),
    environment,
    recording,
  };
  const read = view.performance.now();
  const html2canvasMode = options.screenshotMode !== 'visible';
  const targets = findMaskTargets(document, view, {
    maskEmails: options.maskEmails,
    maskPatterns: options.maskPatterns,
    scope: html2canvasMode ? 'document' : 'viewport',
    openOrClosedShadowRoot,
  });
  // html2canvas's clone is masked by attribute as well (lib/capture/html2canvas/mask.ts): an extra layer.
  const masks = keepMaskTargets(document, view, targets, html2canvasMode);
  const masked = targets.map((target) => ({ rule: target.rule, where: 'screenshot' }));
  const measured = view.performance.now();
  // No overlay to wait for: paintMs stays in the timing for the benchmark's table, now zero.
  const timing = { readMs: read - started, maskMs: measured - read, paintMs: 0 };
  return { snapshot, masked, masks, timing };
}
