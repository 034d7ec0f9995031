/** The filler's whole job on the help-center page, given the page and its payload. */
import { toErrorShape } from '../errors';
import { translatorFor } from '../i18n';
import type { FillPayload } from '../schema';
import { fillClassicForm, findClassicForm, type FillOptions } from './classic';
import { showFillPanel } from './panel';
import type { FillerResult } from './result';

export async function fillRequestForm(
  document: Document,
  payload: FillPayload,
  options: FillOptions = {},
): Promise<FillerResult> {
  const form = findClassicForm(document);
  if (!form) return { error: { code: 'not-a-request-form', detail: document.location.href } };
  try {
    const items = await fillClassicForm(form, payload, options);
    showFillPanel(document, items, translatorFor(payload.locale));
    return { filledAt: new Date().toISOString(), url: document.location.href, items };
  } catch (error) {
    return { error: toErrorShape(error) };
  }
}
