// The admin pages' shared looks, so that every table and button reads the same.

export const card = 'rounded-xl border border-slate-200 bg-white shadow-sm';
export const tableClass = 'w-full text-left text-sm';
export const theadClass = 'bg-slate-50 text-slate-600';
export const th = 'px-4 py-2 font-medium';
export const td = 'px-4 py-2 align-top';
export const input =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500';
export const primaryButton =
  'rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60';
export const secondaryButton =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60';
export const smallButton =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60';
export const dangerButton =
  'rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60';
