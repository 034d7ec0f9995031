import type { Capture, Entity, PageSnapshot, RecordedEvent, Redaction } from '../schema';
import { redactText, redactUrl, type Redacted, type RedactionOptions } from './redact';

/**
 * Turns what the collector read into a Capture with every text redacted:
 * nothing unmasked is ever stored. `masked` lists what was covered in the
 * screenshot; together with the text redactions it is shown to the user.
 */
export function buildCapture(
  snapshot: PageSnapshot,
  id: string,
  capturedAt: string,
  masked: Redaction[] = [],
  options: RedactionOptions = {},
): Capture {
  const redactions: Redaction[] = [];
  const clean = (result: Redacted) => {
    redactions.push(...result.redactions);
    return result.text;
  };
  const text = (value: string, where: string) => clean(redactText(value, where, options));
  const optionalText = (value: string | undefined, where: string) =>
    value === undefined ? {} : { [where]: text(value, where) };

  const entity = (item: Entity): Entity => ({
    kind: item.kind,
    ...(item.id === undefined ? {} : { id: text(item.id, 'entity') }),
    ...(item.name === undefined ? {} : { name: text(item.name, 'entity') }),
    ...(item.email === undefined ? {} : { email: text(item.email, 'entity') }),
    ...(item.section === undefined ? {} : { section: text(item.section, 'entity') }),
  });
  const event = (item: RecordedEvent): RecordedEvent =>
    item.type === 'failed-request'
      ? {
          ...item,
          url: clean(redactUrl(item.url, 'recording', options)),
          ...optionalText(item.statusText, 'statusText'),
        }
      : item.type === 'exception'
        ? {
            ...item,
            text: text(item.text, 'recording'),
            ...(item.source ? { source: clean(redactUrl(item.source, 'recording', options)) } : {}),
          }
        : { ...item, text: text(item.text, 'recording') };

  return {
    id,
    url: clean(redactUrl(snapshot.url, 'url', options)),
    title: text(snapshot.title, 'title'),
    heading: text(snapshot.heading, 'heading'),
    ...(snapshot.context
      ? {
          context: {
            breadcrumb: snapshot.context.breadcrumb.map((step) => text(step, 'heading')),
            activeTab: text(snapshot.context.activeTab, 'heading'),
          },
        }
      : {}),
    capturedAt,
    errors: snapshot.errors.map((error) => ({
      ...error,
      text: text(error.text, 'error'),
      ...(error.field === undefined ? {} : { field: text(error.field, 'error') }),
    })),
    viewport: snapshot.viewport,
    entities: snapshot.entities.map(entity),
    environment: snapshot.environment,
    recording: { ...snapshot.recording, events: snapshot.recording.events.map(event) },
    redactions: [...redactions, ...masked],
  };
}
