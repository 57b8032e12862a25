import { Icon, type IconProps } from '@/components/icons';

export function ShareIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="18" cy="5" r="3" />
      <circle cx="6" cy="12" r="3" />
      <circle cx="18" cy="19" r="3" />
      <path d="m8.6 13.5 6.8 4" />
      <path d="m15.4 6.5-6.8 4" />
    </Icon>
  );
}

export function LinkIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M10 13a5 5 0 0 0 7.1 0l3-3a5 5 0 0 0-7.1-7.1l-1.7 1.7" />
      <path d="M14 11a5 5 0 0 0-7.1 0l-3 3a5 5 0 0 0 7.1 7.1l1.7-1.7" />
    </Icon>
  );
}

/** The mark beside a shared item's name in the file manager. */
export function SharedBadge({
  name,
  withUsers,
  byLink,
}: {
  name: string;
  withUsers: boolean;
  byLink: boolean;
}) {
  const how = [withUsers && 'with people', byLink && 'by link'].filter(Boolean).join(' and ');
  const label = `${name} is shared ${how}`;
  return (
    <span className="shared-badge" title={`Shared ${how}`} aria-label={label} role="img">
      {byLink && !withUsers ? (
        <LinkIcon width={16} height={16} aria-hidden="true" />
      ) : (
        <ShareIcon width={16} height={16} aria-hidden="true" />
      )}
    </span>
  );
}
