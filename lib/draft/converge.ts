/**
 * Two views of one draft (the popup and its "open in a tab" copy) converge
 * on the stored draft. A view takes storage changes only while nothing it
 * typed is on its way (a value on its way is never overwritten), so a
 * change another view stored meanwhile would be missed for good; when its
 * saver goes idle, the view therefore reads the stored draft again
 * (issue 15, item 5: "re-reads or merges the stored draft when its saver
 * goes idle"). Plain TypeScript, so unit tests drive it without React.
 */

export interface IdleSaver {
  onIdle(listener: () => void): () => void;
  editCount(): number;
  getState(): { pending: number };
}

/**
 * On each idle moment of `saver`, reads the stored draft and hands it to
 * `apply` — unless the user typed again while it was read (the read is
 * then older than what the view shows, and the next idle moment reads
 * again) or a later read was started. Returns the unsubscribe function.
 */
export function takeStoredWhenIdle<Stored>(
  saver: IdleSaver,
  read: () => Promise<Stored | undefined>,
  apply: (stored: Stored) => void,
): () => void {
  let latestRead = 0;
  return saver.onIdle(() => {
    latestRead += 1;
    const thisRead = latestRead;
    const editsAtRead = saver.editCount();
    read().then(
      (stored) => {
        const stale =
          thisRead !== latestRead || saver.editCount() !== editsAtRead || saver.getState().pending > 0;
        if (stored !== undefined && !stale) apply(stored);
      },
      () => {
        // A failed read changes nothing on screen; the storage listener and the next idle moment try again.
      },
    );
  });
}
