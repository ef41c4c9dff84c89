'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';

// What My absences says after a request or a cancel. It is kept by the layout, which stays while
// the page changes year (a page with other search params is a new page): a request for another
// year takes the page there, and its "Request sent" comes along.

export interface Flash {
  /** Which part of the page says it: the request form, or the list (after a cancel). */
  from: 'request' | 'list';
  message: string;
}

const FlashContext = createContext<{
  flash: Flash | null;
  setFlash: (flash: Flash | null) => void;
}>({ flash: null, setFlash: () => {} });

export const useFlash = () => useContext(FlashContext);

export function FlashProvider({ children }: { children: ReactNode }) {
  const [flash, setFlash] = useState<Flash | null>(null);
  return <FlashContext.Provider value={{ flash, setFlash }}>{children}</FlashContext.Provider>;
}

/** The message of one part of the page, announced as a status. */
export function FlashMessage({
  from,
  className = '',
}: {
  from: Flash['from'];
  className?: string;
}) {
  const { flash } = useFlash();
  return (
    <div aria-live="polite" className={className}>
      {flash?.from === from && (
        <p
          role="status"
          className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800"
        >
          {flash.message}
        </p>
      )}
    </div>
  );
}
