import { useParams, useSearchParams } from 'react-router';
import { TextEditor } from '@/features/office/components/text-editor';

/**
 * /documents/text/:fileId — the built-in editor for text, markdown, code and CSV;
 * ?share=S&folder=F for a file of a share with the user (F: the share's folder to go back to).
 */
export function TextEditorRoute() {
  const { fileId = '' } = useParams();
  const [search] = useSearchParams();
  const shareId = search.get('share');
  return (
    <TextEditor
      key={`${fileId}/${shareId ?? ''}`}
      fileId={fileId}
      shareId={shareId}
      shareFolderId={search.get('folder')}
    />
  );
}
