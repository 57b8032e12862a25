import type { Editor } from '../api/get-editor-config';
import './office.css';

/** The "editing: Name" mark beside a file someone has open in the Document Server. */
export function EditingBadge({ fileName, editors }: { fileName: string; editors: Editor[] }) {
  const names = editors.map((e) => e.name).join(', ');
  return (
    <span
      className="office-editing-badge"
      role="status"
      aria-label={`${fileName} is being edited by ${names}`}
      title={`Open in the document editor: ${names}`}
    >
      editing: {names}
    </span>
  );
}
