import { describe, expect, it } from 'vitest';
import { minimalHeic, minimalJpeg, minimalPdf, minimalPng, windowsProgram } from '../../../test/support/document-fixtures.ts';
import { detectDocumentContentType, sha256Of } from './detect-content-type.ts';
import { cleanFileName } from './repository.ts';
import { attachmentDisposition } from './routes.ts';

describe('what a document is, from its bytes', () => {
  it('recognises a PDF, a PNG, a JPEG and a HEIC photo by their bytes', async () => {
    expect(await detectDocumentContentType(minimalPdf())).toBe('application/pdf');
    expect(await detectDocumentContentType(minimalPng())).toBe('image/png');
    expect(await detectDocumentContentType(minimalJpeg())).toBe('image/jpeg');
    expect(await detectDocumentContentType(minimalHeic())).toBe('image/heic');
  });

  it('refuses a Windows program, whatever it is called, and other kinds of file', async () => {
    expect(await detectDocumentContentType(windowsProgram())).toBeUndefined();
    // A zip that is no Word or OpenDocument file, a GIF, an empty file.
    expect(await detectDocumentContentType(Buffer.from('PK\u0003\u0004' + '\0'.repeat(60), 'latin1'))).toBeUndefined();
    expect(await detectDocumentContentType(Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;', 'latin1'))).toBeUndefined();
    expect(await detectDocumentContentType(Buffer.alloc(0))).toBeUndefined();
  });

  it('takes UTF-8 text without control characters as plain text, and nothing else', async () => {
    expect(await detectDocumentContentType(Buffer.from('Visit notes\r\nZoë said she felt safe at home.\tSigned\n', 'utf8'))).toBe('text/plain');
    expect(await detectDocumentContentType(Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x0a]))).toBeUndefined(); // not UTF-8
    expect(await detectDocumentContentType(Buffer.from('Hi\u0000there', 'utf8'))).toBeUndefined();
    expect(await detectDocumentContentType(Buffer.from('\u001b[31mred', 'utf8'))).toBeUndefined();
  });

  it('hashes the file as SHA-256 in hex', () => {
    expect(sha256Of(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('keeps only the last part of a file name, without control characters, and offers it safely on download', () => {
    expect(cleanFileName('C:\\Users\\worker\\Desktop\\letter.pdf')).toBe('letter.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('"quoted"\r\n.pdf')).toBe('quoted.pdf');
    expect(cleanFileName('   ')).toBe('document');
    expect(attachmentDisposition('Zoë letter.pdf')).toBe('attachment; filename="Zo_ letter.pdf"; filename*=UTF-8\'\'Zo%C3%AB%20letter.pdf');
  });
});
