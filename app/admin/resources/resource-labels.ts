import type { RESOURCE_KINDS } from '@/lib/admin-validation';

// The words the admin pages use for a resource's kind and booking policy. (No value import from
// lib/admin-validation: the forms are client code, and that module pulls in server code.)

type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const KIND_LABELS: Record<ResourceKind, string> = {
  room: 'Room',
  equipment: 'Equipment',
  vehicle: 'Vehicle',
  other: 'Other',
};

export const RESOURCE_KIND_OPTIONS = Object.keys(KIND_LABELS) as ResourceKind[];

export const POLICY_LABELS: Record<'instant' | 'approval', string> = {
  instant: 'Booked at once when free',
  approval: 'Held as requested until a manager confirms',
};

/** Enabled or disabled, in the badge colours of the users' standing. */
export const resourceStatus = (resource: { disabled: boolean }) =>
  resource.disabled
    ? { label: 'Disabled', style: 'bg-red-100 text-red-800' }
    : { label: 'Enabled', style: 'bg-green-100 text-green-800' };
