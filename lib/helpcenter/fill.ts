/** The filler's whole job on the help-center page, given the page and its payload. */
import { toErrorShape } from '../errors';
import { translatorFor } from '../i18n';
import type { FillPayload } from '../schema';
import { fillClassicForm, type FillOptions } from './classic';
import { waitForRequestForm, type DetectOptions } from './detect';
import { showFillPanel } from './panel';
import { readLiveOptions } from './options';
import { fillReactForm } from './react';
import type { FillerResult } from './result';
import { decideTicketForm } from './ticket-form';

export async function fillRequestForm(
  document: Document,
  payload: FillPayload,
  options: FillOptions & DetectOptions = {},
): Promise<FillerResult> {
  const t = translatorFor(payload.locale);
  try {
    const page = await waitForRequestForm(document, options);
    if (page.kind === 'sign-in' || page.kind === 'not-a-form') {
      showFillPanel(document, [], t, { problem: page.kind });
      return { error: { code: 'not-a-request-form', detail: page.kind } };
    }
    let ticketForm = '';
    if (page.kind === 'classic') {
      const decision = decideTicketForm(document, page.form);
      if (decision.action === 'reload') return { reload: { url: decision.url, ticketForm: decision.label } };
      ticketForm = decision.label;
    }
    // From the form being ready to every field done (the benchmark's "fill time").
    const started = performance.now();
    const timing = { uploadWaitMs: 0 };
    const items =
      page.kind === 'classic'
        ? await fillClassicForm(page.form, payload, { ...options, timing })
        : await fillReactForm(page.form, payload, { ...options, timing });
    const fillMs = performance.now() - started;
    // After the fill, so reading them (opening comboboxes) never delays or disturbs it.
    const liveOptions = await readLiveOptions(page.form, page.kind, options.signal).catch(() => undefined);
    showFillPanel(document, items, t, { generation: page.kind, ticketForm });
    return {
      filledAt: new Date().toISOString(),
      url: document.location.href,
      items,
      form: { generation: page.kind, ticketForm },
      timing: { fillMs, uploadWaitMs: timing.uploadWaitMs },
      ...(liveOptions ? { options: liveOptions } : {}),
    };
  } catch (error) {
    return { error: toErrorShape(error) };
  }
}
