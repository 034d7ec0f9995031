/** The editor's shapes with undo and redo (pure): a new shape clears what was undone. */
import type { Shape } from './shapes';

export interface History {
  shapes: readonly Shape[];
  /** Undone shapes, the last undone last. */
  undone: readonly Shape[];
}

export const emptyHistory: History = { shapes: [], undone: [] };

export function push(history: History, shape: Shape): History {
  return { shapes: [...history.shapes, shape], undone: [] };
}

export function undo(history: History): History {
  const last = history.shapes.at(-1);
  return last ? { shapes: history.shapes.slice(0, -1), undone: [...history.undone, last] } : history;
}

export function redo(history: History): History {
  const last = history.undone.at(-1);
  return last ? { shapes: [...history.shapes, last], undone: history.undone.slice(0, -1) } : history;
}
