/**
 * The one protocol map for every runtime message, in the spirit of
 * @webext-core/messaging: each message names its request and response
 * schemas and who may send it. Both ends validate with `safeParse`.
 */
import { z } from 'zod';
import { browser, type Browser } from 'wxt/browser';
import { errorShapeSchema, HelpDraftError, toErrorShape } from './errors';
import { deliver, type Delivery } from './message-delivery';
import {
  articleSearchResultSchema,
  draftEditSchema,
  draftSchema,
  draftStatusSchema,
  fillPayloadSchema,
  fillReportSchema,
  storedAttachmentRefSchema,
} from './schema';

/** Extension pages (popup, options) versus content scripts running in a web page. */
export type SenderKind = 'extension-page' | 'content-script';

/** After attachments changed: the description too, when HelpDraft had written it and rewrote it to list them. */
const attachmentsChangedSchema = draftSchema
  .pick({ attachments: true })
  .extend({ rewrittenDescription: z.string().optional() });

export const protocol = {
  /** Popup → background: the draft for this tab, capturing the tab first when it has none (or on `recapture`). */
  openDraftForTab: {
    from: 'extension-page',
    request: z.object({ tabId: z.number().int(), recapture: z.boolean() }),
    response: z.object({ draftId: z.string() }),
  },
  /** Popup → background: one edit of the draft's fields; the background is the only writer of drafts. */
  updateDraft: {
    from: 'extension-page',
    request: z.object({ draftId: z.string(), edit: draftEditSchema }),
    // The fields the background may derive from new answers come back with the acknowledgement.
    response: draftSchema.pick({
      updatedAt: true,
      title: true,
      priority: true,
      category: true,
      connector: true,
      description: true,
    }),
  },
  /** Popup → background: the user marks a draft sent (they submitted it on the help center), or takes that back. */
  setDraftStatus: {
    from: 'extension-page',
    request: z.object({ draftId: z.string(), status: draftStatusSchema.exclude(['filled']) }),
    response: z.object({}),
  },
  /** Popup → background: a copy of the draft (attachments included) as a new draft. */
  duplicateDraft: {
    from: 'extension-page',
    request: z.object({ draftId: z.string() }),
    response: z.object({ draftId: z.string() }),
  },
  /** Popup → background: files the popup stored in IndexedDB, to add to the draft (checked again there). */
  addAttachments: {
    from: 'extension-page',
    request: z.object({ draftId: z.string(), attachments: z.array(storedAttachmentRefSchema).min(1) }),
    response: attachmentsChangedSchema,
  },
  /** Popup → background: take an attachment off the draft and delete its bytes. */
  removeAttachment: {
    from: 'extension-page',
    request: z.object({ draftId: z.string(), attachmentId: z.string() }),
    response: attachmentsChangedSchema,
  },
  /**
   * Popup → background: the popup stored an annotated image (PNG) under
   * `annotatedId`; it replaces the attachment, whose original is kept.
   */
  annotateAttachment: {
    from: 'extension-page',
    request: z.object({
      draftId: z.string(),
      attachmentId: z.string(),
      annotatedId: z.string().min(1),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      size: z.number().int().positive(),
    }),
    response: attachmentsChangedSchema,
  },
  /** Popup → background: an annotated image back to its original; the annotated bytes are deleted. */
  restoreAttachmentOriginal: {
    from: 'extension-page',
    request: z.object({ draftId: z.string(), attachmentId: z.string() }),
    response: attachmentsChangedSchema,
  },
  /** Popup → background: delete the draft and its attachments. */
  deleteDraft: {
    from: 'extension-page',
    request: z.object({ draftId: z.string() }),
    response: z.object({}),
  },
  /** Popup → background: open the help-center form, fill it with the draft, report per field. */
  fillDraft: {
    from: 'extension-page',
    request: z.object({ draftId: z.string() }),
    response: fillReportSchema,
  },
  /**
   * Popup → background: search the help center's public articles for these words (the user
   * clicked; the words were on screen). The background sends only the words that pass its own check.
   */
  searchArticles: {
    from: 'extension-page',
    request: z.object({ draftId: z.string(), words: z.string().max(1000) }),
    response: articleSearchResultSchema,
  },
  /** Filler (content script) → background: what to fill into this tab, if a fill is pending for it. */
  getFillPayload: {
    from: 'content-script',
    request: z.object({}),
    response: fillPayloadSchema,
  },
} as const satisfies Record<string, { from: SenderKind; request: z.ZodType; response: z.ZodType }>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<Protocol[T]['response']>;

export type Handlers = {
  [T in MessageType]: (
    request: RequestOf<T>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<ResponseOf<T>>;
};

const envelopeSchema = z.object({ type: z.string(), data: z.unknown() });

const resultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorShapeSchema }),
]);

function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(protocol, type);
}

/** Sends a message to the background and returns its validated answer, or throws a HelpDraftError. */
export async function sendMessage<T extends MessageType>(
  type: T,
  data: RequestOf<T>,
): Promise<ResponseOf<T>> {
  return readAnswer(type, await deliver(type, data));
}

/** The validated answer of a delivered message, or the HelpDraftError that says why there is none. */
export function readAnswer<T extends MessageType>(type: T, delivery: Delivery): ResponseOf<T> {
  // "Could not establish connection. Receiving end does not exist.": Chromium stopped the
  // service worker while the message waited for it. Nothing was done; sending again is safe.
  if (!delivery.delivered) throw new HelpDraftError('background-unavailable', delivery.reason);
  // No answer at all: the worker stopped before it replied (the channel closed empty).
  if (delivery.answer === undefined) throw new HelpDraftError('background-unavailable', `${type}: no answer`);
  const result = resultSchema.safeParse(delivery.answer);
  if (!result.success) throw new HelpDraftError('bad-message', `${type}: no valid answer`);
  if (!result.data.ok) throw new HelpDraftError(result.data.error.code, result.data.error.detail);
  const value = protocol[type].response.safeParse(result.data.value);
  if (!value.success) throw new HelpDraftError('bad-message', `${type}: ${value.error.message}`);
  return value.data as ResponseOf<T>;
}

export function senderKind(
  sender: Browser.runtime.MessageSender,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== browser.runtime.id) return null;
  // A content script's sender carries the web page's URL; extension pages carry our own origin.
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab?.id !== undefined) return 'content-script';
  return null;
}

/**
 * Routes every protocol message to its handler, checking the sender and the
 * request shape first. Messages that are not ours are left alone (return
 * undefined) so other listeners can answer them.
 */
export function createMessageListener(handlers: Handlers) {
  const extensionOrigin = browser.runtime.getURL('/');
  return (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (response: unknown) => void,
  ) => {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success || !isMessageType(envelope.data.type)) return undefined;
    const type = envelope.data.type;
    const definition = protocol[type];
    const reply = (promise: Promise<unknown>) => {
      promise.then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) => sendResponse({ ok: false, error: toErrorShape(error) }),
      );
      // Keeps the channel open for the asynchronous answer (runtime.onMessage contract).
      return true;
    };
    if (senderKind(sender, extensionOrigin) !== definition.from) {
      return reply(Promise.reject(new HelpDraftError('bad-message', `${type}: unexpected sender`)));
    }
    const request = definition.request.safeParse(envelope.data.data);
    if (!request.success) {
      return reply(Promise.reject(new HelpDraftError('bad-message', `${type}: ${request.error.message}`)));
    }
    const handler = handlers[type] as (
      request: unknown,
      sender: Browser.runtime.MessageSender,
    ) => Promise<unknown>;
    return reply(handler(request.data, sender));
  };
}

/** Listens for protocol messages until the signal aborts. */
export function listenForMessages(handlers: Handlers, signal?: AbortSignal): void {
  const listener = createMessageListener(handlers);
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
