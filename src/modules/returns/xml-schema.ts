/**
 * Checking an XML return against DfE's schema with libxml2 compiled to WebAssembly (xmllint-wasm):
 * no native code, so it runs on any machine with Node. Loaded when a file is first checked.
 */

export interface SchemaVerdict {
  valid: boolean;
  errors: { line: number | null; message: string }[];
}

/**
 * The file's schema errors, each with its line. The validator's memory grows as a file needs (its
 * own default stops at 32 MiB, which a census of a few thousand children outgrows), up to 2 GiB; a
 * file it still cannot check is said so as an error, not thrown.
 */
export async function checkAgainstSchema(xml: { fileName: string; contents: string }, schema: { fileName: string; contents: string }): Promise<SchemaVerdict> {
  const { memoryPages, validateXML } = await import('xmllint-wasm');
  try {
    const result = await validateXML({ xml: [xml], schema: [schema], maxMemoryPages: 2 * memoryPages.GiB });
    return { valid: result.valid, errors: result.errors.map((error) => ({ line: error.loc?.lineNumber ?? null, message: error.message })) };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { valid: false, errors: [{ line: null, message: `The file could not be checked against the schema ${schema.fileName}: ${message}` }] };
  }
}
