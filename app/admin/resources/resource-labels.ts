import type { RESOURCE_KINDS } from '@/lib/admin-validation';

// A resource's kinds and booking policies, named in admin.resources.kinds / .policies. (No value
// import from lib/admin-validation: the forms are client code, and that module pulls in server code.)

type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_KIND_OPTIONS: ResourceKind[] = ['room', 'equipment', 'vehicle', 'other'];

/** Enabled or disabled (a key of admin.resources.status), in the badge colours of the users' standing. */
export const resourceStatus = (resource: { disabled: boolean }) =>
  resource.disabled
    ? ({ key: 'disabled', style: 'bg-red-100 text-red-800' } as const)
    : ({ key: 'enabled', style: 'bg-green-100 text-green-800' } as const);
