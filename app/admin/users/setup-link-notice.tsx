import { CopyField } from '../_components/copy-field';
import { formatDateTime } from '../_components/ui';
import type { SetupLink } from './actions';

/** A password-setup link shown once, to copy and hand to the person. */
export function SetupLinkNotice({ link }: { link: SetupLink }) {
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
      <CopyField id="setup-link" label={`Setup link for ${link.name}`} value={link.url} />
      <p className="text-xs text-amber-900">
        Shown only now: copy it and send it to {link.name} yourself. It works once, until{' '}
        {formatDateTime(new Date(link.expiresAt))} UTC. Anyone holding it can choose the password,
        so send it by a channel only they read.
      </p>
    </div>
  );
}
