/**
 * Finds the secrets on the page the screenshot must not show: password and
 * secret fields, one-time codes, encoded SAML messages and tokens, and
 * (when the user asks) email addresses. Nothing is laid over the page: the
 * targets' rectangles are painted into the captured image by the background
 * (lib/capture/mask-measure.ts, lib/background/paint-masks.ts).
 */
// Finding what is secret lives in secret-targets.ts (with secret-labels.ts and secret-walk.ts);
// re-exported so the collector and the tests keep importing it from here.
export { findMaskTargets, maxBoxesPerText } from './secret-targets';

/** The overlay of earlier versions; its id is still skipped by the text walk and html2canvas's clone. */
export const maskHostId = 'helpdraft-capture-masks';
/** The attribute html2canvas's clone is masked by (set for the capture, removed after). */
export const maskAttribute = 'data-helpdraft-mask';

export interface MaskTarget {
  /** What to cover: an element's box, or the boxes of a piece of text. */
  rects: DOMRect[];
  rule: string;
  element: Element;
  /**
   * Measures the target again, in the top document's viewport (CSS px), for the
   * check right before and after the screenshot: the page may have moved it.
   * Without it the element's own box is measured.
   */
  measure?: () => DOMRect[];
}

export interface MaskOptions {
  maskEmails: boolean;
  /** Extra patterns (settings or the organisation's policy): each match gets its own box. */
  maskPatterns?: readonly string[];
  /**
   * `viewport` for captureVisibleTab (only what is on screen needs a box);
   * `document` for the html2canvas modes, which draw the whole page or a
   * region off screen: every secret is marked, wherever it is.
   */
  scope: 'viewport' | 'document';
}
