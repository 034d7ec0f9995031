/**
 * The recorder's bounded buffer. Each event is stored already serialized (a
 * JSON string built from the recorder's own values), so handing the recording
 * over never walks objects a page could have tampered with (no `toJSON`, no
 * getters on Object.prototype or Array.prototype).
 *
 * When more than `max` events arrive, the first half is kept (what went wrong
 * first is often the cause) and the rest is a ring of the latest (what the
 * user saw last); `dropped` counts what fell out in between.
 */
import type { RecordedEvent } from '../schema';
import { cap } from './format';
import type { Intrinsics } from './intrinsics';
import { MAX_EVENTS } from './protocol';

/** An event's fields after `type` and `time`, in order; `undefined` values are left out. */
export type EventFields = ReadonlyArray<readonly [name: string, value: string | number | undefined]>;

export type RecordEvent = (type: RecordedEvent['type'], fields: EventFields) => void;

export interface RecorderBuffer {
  record: RecordEvent;
  /** The whole recording as a JSON string (`recordingSchema`'s shape, `available: true`). */
  json: () => string;
}

export function eventJson(x: Intrinsics, type: string, time: string, fields: EventFields): string {
  let out = '{"type":' + x.json(type) + ',"time":' + x.json(time);
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const value = field?.[1];
    if (field === undefined || value === undefined) continue;
    out +=
      ',' +
      x.json(field[0]) +
      ':' +
      // Integers only (the schema's line, column, status); anything else would not be valid JSON.
      (typeof value === 'number'
        ? value >= 0 && value <= 1e9
          ? '' + (value - (value % 1))
          : '0'
        : x.json(cap(x, value)));
  }
  return out + '}';
}

export function createBuffer(x: Intrinsics, max = MAX_EVENTS): RecorderBuffer {
  const store = x.bare<string>();
  const head = max >> 1;
  const ring = max - head;
  let total = 0;

  return {
    record(type, fields) {
      try {
        const event = eventJson(x, type, x.now(), fields);
        store[total < head ? total : head + ((total - head) % ring)] = event;
        total++;
      } catch {
        // Recording must never disturb the page.
      }
    },
    json() {
      const kept = total < max ? total : max;
      let events = '';
      for (let i = 0; i < kept; i++) {
        // Chronological: the head, then the ring from its oldest entry.
        const slot = i < head || total <= max ? i : head + ((total - max + i - head) % ring);
        events += (i === 0 ? '' : ',') + store[slot];
      }
      return '{"available":true,"events":[' + events + '],"dropped":' + (total - kept) + '}';
    },
  };
}
