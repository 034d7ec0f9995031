/**
 * Handing a protocol message to the background, without checking the answer:
 * the one piece of messaging that needs no zod, so the popup's first script
 * can send its draft request before the schemas are loaded
 * (lib/popup-early-draft.ts). lib/messaging.ts reads every delivery.
 */
import { browser } from 'wxt/browser';
import type { MessageType, RequestOf } from './messaging';

/** The background's answer as it came, unchecked, or why the message did not arrive. */
export type Delivery = { delivered: true; answer: unknown } | { delivered: false; reason: string };

export async function deliver<T extends MessageType>(type: T, data: RequestOf<T>): Promise<Delivery> {
  try {
    return { delivered: true, answer: await browser.runtime.sendMessage({ type, data }) };
  } catch (error) {
    return { delivered: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
