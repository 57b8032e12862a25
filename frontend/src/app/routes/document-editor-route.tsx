import { useParams, useSearchParams } from 'react-router';
import { DocumentEditor } from '@/features/office/components/document-editor';

/**
 * /documents/edit/:fileId — the Document Server's editor, full page (loaded with its own CSP);
 * ?share=S for a file of a share with the user.
 */
export function DocumentEditorRoute() {
  const { fileId = '' } = useParams();
  const [search] = useSearchParams();
  return <DocumentEditor fileId={fileId} shareId={search.get('share')} />;
}
