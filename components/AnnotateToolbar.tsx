import type { Translate } from '@/lib/i18n';
import { shapeKinds, type ShapeKind } from '@/lib/annotate/shapes';

/** The annotator's tools (one pressed at a time) and undo / redo, all real buttons. */
export function AnnotateToolbar({
  tool,
  onTool,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  t,
}: {
  tool: ShapeKind;
  onTool: (tool: ShapeKind) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  t: Translate;
}) {
  return (
    <div className="annotate-toolbar" role="toolbar" aria-label={t('annotate.tools')}>
      {shapeKinds.map((kind) => (
        <button
          key={kind}
          type="button"
          data-testid={`annotate-tool-${kind}`}
          aria-pressed={tool === kind}
          onClick={() => onTool(kind)}
        >
          {t(`annotate.tool.${kind}`)}
        </button>
      ))}
      <span className="annotate-history">
        <button
          type="button"
          data-testid="annotate-undo"
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z"
          onClick={onUndo}
        >
          {t('annotate.undo')}
        </button>
        <button
          type="button"
          data-testid="annotate-redo"
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
          onClick={onRedo}
        >
          {t('annotate.redo')}
        </button>
      </span>
    </div>
  );
}
