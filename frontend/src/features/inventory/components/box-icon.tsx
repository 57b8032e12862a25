import { Icon, type IconProps } from '@/components/icons';

/** A parcel: the Inventory entry of the sidebar. */
export function BoxIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M21 8 12 3 3 8v8l9 5 9-5V8Z" />
      <path d="m3 8 9 5 9-5" />
      <path d="M12 13v8" />
    </Icon>
  );
}
