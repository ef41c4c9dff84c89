'use client';

import { useState } from 'react';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; received: number; total: number | null }
  | { phase: 'done'; fileName: string }
  | { phase: 'failed'; message: string };

const EVENT_START = 'BEGIN:VEVENT';

/** Counts the events in a stream of text chunks, including one split across two chunks. */
function eventCounter() {
  let tail = '';
  return (chunk: string) => {
    const text = tail + chunk;
    const count = text.split(EVENT_START).length - 1;
    tail = text.slice(-(EVENT_START.length - 1));
    return count;
  };
}

/**
 * Downloads the calendar as a file while showing how far it got: the server announces the
 * number of events, the page counts them as they arrive.
 */
export function useIcsExport(calendarPath: string, fileName: string) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const start = async () => {
    setState({ phase: 'running', received: 0, total: null });
    try {
      const response = await fetch(`/api/calendars/${calendarPath}/export`);
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { message?: string } | null;
        throw new Error(body?.message ?? 'The export failed. Please try again.');
      }
      const total = Number(response.headers.get('x-event-count')) || null;
      const decoder = new TextDecoder();
      const count = eventCounter();
      const parts: Uint8Array[] = [];
      let received = 0;
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        received += count(decoder.decode(value, { stream: true }));
        setState({ phase: 'running', received, total });
      }
      const downloadName =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        `${fileName}.ics`;
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'text/calendar' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = downloadName;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ phase: 'done', fileName: downloadName });
    } catch (error) {
      setState({
        phase: 'failed',
        message: error instanceof Error ? error.message : 'The export failed.',
      });
    }
  };
  return { state, start };
}

export function ExportProgress({ state }: { state: ExportState }) {
  if (state.phase === 'idle') return null;
  return (
    <div
      role="status"
      className="absolute right-0 z-10 mt-1 w-64 rounded-md border border-slate-200 bg-white p-3 text-sm shadow"
    >
      {state.phase === 'running' && (
        <>
          <p>
            Exporting… {state.received}
            {state.total ? ` of ${state.total}` : ''} events
          </p>
          <progress
            className="mt-1 w-full"
            aria-label="Export progress"
            value={state.received}
            max={state.total ?? undefined}
          />
        </>
      )}
      {state.phase === 'done' && <p>Downloaded {state.fileName}.</p>}
      {state.phase === 'failed' && <p className="text-red-700">{state.message}</p>}
    </div>
  );
}
