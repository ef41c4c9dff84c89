import type { FormState } from '@/lib/action';

/** A form's outcome, announced: a status after success, an alert after a refusal. */
export function FormMessage({ state }: { state: Pick<FormState, 'ok' | 'message'> }) {
  return (
    <div aria-live="polite">
      {state.message && (
        <p
          role={state.ok ? 'status' : 'alert'}
          className={`rounded-md border px-3 py-2 text-sm ${state.ok ? 'border-green-200 bg-green-50 text-green-800' : 'border-red-200 bg-red-50 text-red-800'}`}
        >
          {state.message}
        </p>
      )}
    </div>
  );
}
