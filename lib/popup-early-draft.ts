/**
 * The popup's request for its draft, sent by its first, small script before
 * React, zod and the rest of the popup are loaded: the capture in the
 * background (collector, screenshot, storage) runs while the popup's code is
 * still being read, instead of after it (docs/PERFORMANCE.md, popup rows).
 * This module stays free of zod and React for that reason.
 */
import { deliver, type Delivery } from './message-delivery';
import { findTargetTab, requestedDraftId } from './popup-target';

export interface EarlyDraftRequest {
  tabId: number;
  delivery: Promise<Delivery>;
}

let pending: Promise<EarlyDraftRequest | undefined> | undefined;

/**
 * Asks the background for the draft of the popup's tab (capturing it when it
 * has none), as the popup would on opening. Nothing is asked for a
 * `?draftId=` view, which opens its draft without capturing, nor when the
 * tab cannot be told: the popup then resolves it itself and reports why.
 */
export function startEarlyDraftRequest(search: string): void {
  if (requestedDraftId(search) !== undefined) return;
  pending = findTargetTab(search).then(
    (target): EarlyDraftRequest | undefined => {
      if (!target.found) return undefined;
      performance.mark('helpdraft:draft-requested');
      return {
        tabId: target.tabId,
        delivery: deliver('openDraftForTab', { tabId: target.tabId, recapture: false }).then((delivery) => {
          performance.mark('helpdraft:draft-answered');
          return delivery;
        }),
      };
    },
    () => undefined,
  );
}

/**
 * The request started for this popup, once: the popup's first opening takes
 * it (its tab and its answer); a recapture or a second opening asks anew.
 */
export async function takeEarlyDraftRequest(): Promise<EarlyDraftRequest | undefined> {
  const request = pending;
  pending = undefined;
  return request;
}
