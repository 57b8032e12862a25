import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { FileNode } from '../api/node';
import { hasThumbnail, useThumbnail } from '../api/get-thumbnail';
import { NodeIcon } from './node-icon';

/**
 * A picture's thumbnail where the file manager shows an icon: fetched once the row scrolls into
 * view (with the session's token, so as a blob: URL), the icon meanwhile and whenever there is
 * none (other types, unreadable pictures).
 */
export function NodeThumbnail({ node, size = 22 }: { node: FileNode; size?: number }) {
  const wanted = hasThumbnail(node);
  const holder = useRef<HTMLSpanElement>(null);
  const visible = useVisible(holder, wanted);
  const thumbnail = useThumbnail(node.id, node.etag, wanted && visible);
  // One blob: URL per fetched thumbnail, let go when the row goes or the content changes.
  const url = useMemo(
    () => (thumbnail.data === undefined ? null : URL.createObjectURL(thumbnail.data)),
    [thumbnail.data],
  );
  useEffect(
    () => () => {
      if (url !== null) {
        URL.revokeObjectURL(url);
      }
    },
    [url],
  );

  if (!wanted) {
    return <NodeIcon node={node} size={size} />;
  }
  return (
    <span ref={holder} className="file-thumbnail" style={{ width: size, height: size }}>
      {url === null ? (
        <NodeIcon node={node} size={size} />
      ) : (
        <img className="file-thumbnail__image" src={url} alt="" width={size} height={size} />
      )}
    </span>
  );
}

/** Whether the element has come near the viewport (once true, stays true); true at once without IntersectionObserver. */
function useVisible(element: RefObject<HTMLElement | null>, enabled: boolean): boolean {
  const [visible, setVisible] = useState(false);
  const canObserve = typeof IntersectionObserver !== 'undefined';
  useEffect(() => {
    const target = element.current;
    if (!enabled || visible || target === null || !canObserve) {
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(target);
    return () => {
      observer.disconnect();
    };
  }, [element, enabled, visible, canObserve]);
  return visible || !canObserve;
}
