/**
 * The kinds of file a document may be, by content type, each with the words a person knows it by.
 * Browser-safe (no detection here: see detect-content-type.ts).
 */
export const documentContentTypeNames = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/heic': 'HEIC photo',
  'image/heif': 'HEIF photo',
  'text/plain': 'Text',
} as const;

export type DocumentContentType = keyof typeof documentContentTypeNames;
export const documentContentTypes = Object.keys(documentContentTypeNames) as [DocumentContentType, ...DocumentContentType[]];

/** The refusal of a file of another kind, in the GOV.UK file upload component's words. */
export const wrongFileTypeMessage = 'The selected file must be a PDF, Word document, OpenDocument text, JPG, PNG, HEIC photo or plain text file';

/** The refusal of a file over the limit, in the GOV.UK file upload component's words. */
export const fileTooLargeMessage = (maxMegabytes: number) => `The selected file must be smaller than ${maxMegabytes} MB`;

export const noFileMessage = 'Select a file';
export const emptyFileMessage = 'The selected file is empty';
