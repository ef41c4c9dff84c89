'use client';

import type { ReactNode } from 'react';

/** A link to the request form that also puts the keyboard there, on its first field. */
export function ToFormLink({ children }: { children: ReactNode }) {
  return (
    <a
      href="#typeId"
      onClick={(event) => {
        const field = document.getElementById('typeId');
        if (!field) return;
        event.preventDefault();
        field.scrollIntoView({ block: 'center' });
        field.focus();
      }}
      className="font-medium text-brand-700 underline"
    >
      {children}
    </a>
  );
}
