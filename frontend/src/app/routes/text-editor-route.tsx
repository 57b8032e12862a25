import { useParams } from 'react-router';
import { TextEditor } from '@/features/office/components/text-editor';

/** /documents/text/:fileId — the built-in editor for text, markdown, code and CSV. */
export function TextEditorRoute() {
  const { fileId = '' } = useParams();
  return <TextEditor key={fileId} fileId={fileId} />;
}
