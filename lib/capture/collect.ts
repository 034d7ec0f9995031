/**
 * The collector's whole job in the page, at capture time: read the page
 * (errors, entities, environment, what the recorder saw) and cover its
 * secrets for the screenshot that follows. Runs in the isolated world.
 */
import { readRecording } from '../recorder/read';
import type { CollectorResult } from '../schema';
import type { CollectOptions } from './collect-options';
import { collectEntities } from './entities';
import { readEnvironment } from './environment';
import { afterPaint, findMaskTargets, placeMasks, removeMasks } from './masks';
import type { ShadowRootReader } from './secret-walk';
import { collectPageSnapshot } from './snapshot';
import { vanishedErrors } from './watcher';

/** Masks come off by themselves if the background never asks (it crashed, the tab closed). */
const maskSafetyTimeoutMs = 5000;

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
  const masked = placeMasks(
    document,
    findMaskTargets(document, view, {
      maskEmails: options.maskEmails,
      maskPatterns: options.maskPatterns,
      scope: options.screenshotMode === 'visible' ? 'viewport' : 'document',
      openOrClosedShadowRoot,
    }),
  );
  view.setTimeout(() => removeMasks(document), maskSafetyTimeoutMs);
  const maskPlaced = view.performance.now();
  await afterPaint(view);
  const timing = {
    readMs: read - started,
    maskMs: maskPlaced - read,
    paintMs: view.performance.now() - maskPlaced,
  };
  return { snapshot, masked, timing };
}
