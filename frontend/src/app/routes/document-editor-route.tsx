import { useParams } from 'react-router';
import { DocumentEditor } from '@/features/office/components/document-editor';

/** /documents/edit/:fileId — the Document Server's editor, full page (loaded with its own CSP). */
export function DocumentEditorRoute() {
  const { fileId = '' } = useParams();
  return <DocumentEditor fileId={fileId} />;
}
