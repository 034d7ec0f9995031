import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { drawCropOverlay, drawTextMarker } from '@/lib/annotate/overlay';
import { decodeImage, encodeAnnotated } from '@/lib/annotate/export';
import { displayScale, toImagePoint, type Size } from '@/lib/annotate/geometry';
import { shapeFromDrag } from '@/lib/annotate/drag';
import { emptyHistory, push, redo, undo, type History } from '@/lib/annotate/history';
import { renderAnnotations } from '@/lib/annotate/render';
import { shapeSchema, type Point, type Shape, type ShapeKind } from '@/lib/annotate/shapes';
import { strokeFor, textSizeFor } from '@/lib/annotate/style';
import { getAttachmentBlob } from '@/lib/attachments';
import { HelpDraftError, toErrorShape, type ErrorShape } from '@/lib/errors';
import type { Translate } from '@/lib/i18n';
import type { AttachmentRef } from '@/lib/schema';
import { AnnotateToolbar } from './AnnotateToolbar';
import { ErrorMessage } from './ErrorMessage';
import type { AnnotatedImage } from './useAnnotation';

interface Drag {
  start: Point;
  pointerId: number;
}

/**
 * The screenshot annotator: the image on a canvas at full resolution, shown
 * scaled to the popup's width; drags (and clicks, for text) become shapes in
 * image pixels, drawn by the same renderer as the saved PNG. Escape cancels
 * the shape being drawn, Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes.
 */
export function Annotator({
  attachment,
  busy,
  error,
  onSave,
  onCancel,
  t,
}: {
  attachment: AttachmentRef;
  /** True while the annotated image is being stored. */
  busy: boolean;
  error?: ErrorShape;
  onSave: (image: AnnotatedImage) => void;
  onCancel: () => void;
  t: Translate;
}) {
  const root = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<Drag>(undefined);
  const [bitmap, setBitmap] = useState<ImageBitmap>();
  const [problem, setProblem] = useState<ErrorShape>();
  const [tool, setTool] = useState<ShapeKind>('rectangle');
  const [history, setHistory] = useState<History>(emptyHistory);
  const [drawing, setDrawing] = useState<Shape>();
  const [pendingText, setPendingText] = useState<{ at: Point; size: number }>();
  const [text, setText] = useState('');
  const [encoding, setEncoding] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let decoded: ImageBitmap | undefined;
    getAttachmentBlob(attachment.id)
      .then(async (blob) => {
        if (!blob) throw new HelpDraftError('attachment-missing', attachment.name);
        decoded = await decodeImage(blob);
        if (cancelled) decoded.close();
        else setBitmap(decoded);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setProblem(toErrorShape(failure));
      });
    return () => {
      cancelled = true;
      decoded?.close();
    };
  }, [attachment.id, attachment.name]);

  // Keyboard shortcuts work from the moment the annotator opens.
  useEffect(() => root.current?.focus(), []);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!bitmap || !context) return;
    const image = { width: bitmap.width, height: bitmap.height };
    const shapes = drawing ? [...history.shapes, drawing] : history.shapes;
    renderAnnotations(context, bitmap, image, shapes, { crop: false });
    const scale = canvas.current ? displayScale(canvas.current.getBoundingClientRect(), image) : 1;
    drawCropOverlay(context, image, shapes, strokeFor(scale));
    if (pendingText) drawTextMarker(context, pendingText.at, pendingText.size);
  }, [bitmap, history.shapes, drawing, pendingText]);

  const image: Size | undefined = bitmap ? { width: bitmap.width, height: bitmap.height } : undefined;

  /** Ends the shape being drawn (a drag, or a text being typed) without keeping it. */
  const cancelDrawing = useCallback((): boolean => {
    const active = drag.current !== undefined || pendingText !== undefined;
    drag.current = undefined;
    setDrawing(undefined);
    setPendingText(undefined);
    return active;
  }, [pendingText]);

  const pointer = (event: PointerEvent<HTMLCanvasElement>, size: Size) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      at: toImagePoint({ x: event.clientX, y: event.clientY }, box, size),
      scale: displayScale(box, size),
    };
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!image || event.button !== 0 || busy) return;
    event.preventDefault();
    event.currentTarget.focus();
    const { at, scale } = pointer(event, image);
    if (tool === 'text') {
      setPendingText({ at, size: textSizeFor(scale) });
      return;
    }
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { start: at, pointerId: event.pointerId };
    setDrawing(undefined);
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const started = drag.current;
    if (!started || !image || tool === 'text' || event.pointerId !== started.pointerId) return;
    const { at, scale } = pointer(event, image);
    setDrawing(shapeFromDrag(tool, started.start, at, image, scale));
  };

  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const started = drag.current;
    if (!started || !image || tool === 'text' || event.pointerId !== started.pointerId) return;
    const { at, scale } = pointer(event, image);
    const shape = shapeFromDrag(tool, started.start, at, image, scale);
    drag.current = undefined;
    setDrawing(undefined);
    if (shape) setHistory((current) => push(current, shape));
  };

  const placeText = () => {
    if (!pendingText) return;
    const shape = shapeSchema.safeParse({ kind: 'text', ...pendingText.at, size: pendingText.size, text });
    if (!shape.success) return;
    setHistory((current) => push(current, shape.data));
    setPendingText(undefined);
    setText('');
    canvas.current?.focus();
  };

  const onUndo = () => {
    if (!cancelDrawing()) setHistory(undo);
  };
  const onRedo = () => {
    cancelDrawing();
    setHistory(redo);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      if (cancelDrawing()) {
        event.preventDefault();
        event.stopPropagation();
      }
      return;
    }
    // The text field keeps its own undo.
    if (!(event.ctrlKey || event.metaKey) || event.target instanceof HTMLInputElement) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      onUndo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      onRedo();
    }
  };

  const save = async () => {
    if (!bitmap) return;
    cancelDrawing();
    setEncoding(true);
    setProblem(undefined);
    try {
      onSave(await encodeAnnotated(bitmap, history.shapes));
    } catch (failure) {
      setProblem(toErrorShape(failure));
    } finally {
      setEncoding(false);
    }
  };

  const saving = busy || encoding;
  return (
    <section
      ref={root}
      className="annotator"
      data-testid="annotator"
      data-shape-count={history.shapes.length}
      aria-labelledby="annotator-heading"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <h3 id="annotator-heading">{t('annotate.heading', { name: attachment.name })}</h3>
      <AnnotateToolbar
        tool={tool}
        onTool={(chosen) => {
          cancelDrawing();
          setTool(chosen);
        }}
        canUndo={history.shapes.length > 0 || drawing !== undefined || pendingText !== undefined}
        canRedo={history.undone.length > 0}
        onUndo={onUndo}
        onRedo={onRedo}
        t={t}
      />
      <p className="hint" id="annotate-hint">
        {tool === 'text' ? t('annotate.textHint') : t('annotate.hint')}
      </p>
      {bitmap ? (
        <canvas
          ref={canvas}
          className={`annotate-canvas tool-${tool}`}
          data-testid="annotate-canvas"
          width={bitmap.width}
          height={bitmap.height}
          tabIndex={0}
          aria-label={t('annotate.canvasLabel', { name: attachment.name })}
          aria-describedby="annotate-hint"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => cancelDrawing()}
        />
      ) : problem ? null : (
        <p className="status" role="status">
          {t('annotate.loading')}
        </p>
      )}
      {pendingText ? (
        <div className="annotate-text">
          <label htmlFor="annotate-text-input">{t('annotate.textLabel')}</label>
          <input
            id="annotate-text-input"
            data-testid="annotate-text-input"
            autoFocus
            maxLength={200}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                placeText();
              }
            }}
          />
          <button
            type="button"
            data-testid="annotate-text-place"
            disabled={text.trim() === ''}
            onClick={placeText}
          >
            {t('annotate.textPlace')}
          </button>
        </div>
      ) : null}
      {problem ? <ErrorMessage error={problem} t={t} testId="annotate-error" /> : null}
      {error ? <ErrorMessage error={error} t={t} testId="annotate-error" /> : null}
      <div className="annotate-actions">
        <button
          type="button"
          className="primary"
          data-testid="annotate-save"
          disabled={!bitmap || saving || history.shapes.length === 0}
          onClick={() => void save()}
        >
          {saving ? t('annotate.saving') : t('annotate.save')}
        </button>
        <button type="button" data-testid="annotate-cancel" disabled={saving} onClick={onCancel}>
          {t('annotate.cancel')}
        </button>
      </div>
    </section>
  );
}
