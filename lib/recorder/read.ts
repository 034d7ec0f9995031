/**
 * For the collector (ISOLATED world, injected at capture time): what the
 * recorder saw on the page since it loaded, validated.
 */
import { recordingSchema, type Recording } from './recording-schema';
import { RECORDER_ACCESSOR, type RecorderAccessor } from './protocol';

export function unavailableRecording(): Recording {
  return { available: false, events: [], dropped: 0 };
}

/**
 * The page's recording, through the bridge's accessor on `scope` (the isolated
 * world's globalThis). `{ available: false, events: [], dropped: 0 }` when no
 * bridge ran (not a OneLogin host, or the page loaded before the extension was
 * installed or enabled), when the handshake failed, when the recorder does not
 * answer within `timeoutMs`, or when its answer is not a valid recording.
 * Texts and URLs come as the page produced them: redact before storing.
 */
export async function readRecording(
  scope: typeof globalThis = globalThis,
  timeoutMs = 500,
): Promise<Recording> {
  const accessor = (scope as unknown as Record<symbol, Partial<RecorderAccessor> | undefined>)[
    RECORDER_ACCESSOR
  ];
  if (typeof accessor?.read !== 'function') return unavailableRecording();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const answer = await Promise.race([
      accessor.read(timeoutMs),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(resolve, timeoutMs, undefined);
      }),
    ]);
    const parsed = recordingSchema.safeParse(answer);
    return parsed.success ? parsed.data : unavailableRecording();
  } catch {
    return unavailableRecording();
  } finally {
    clearTimeout(timer);
  }
}
