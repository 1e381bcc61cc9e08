/**
 * A CIN census file checked against DfE's XML schema for its year (the schemas beside this file:
 * CIN_schema_<year it ends>.xsd), with each error's line, in plain words.
 */
import type { CollectionYear } from '../collection-year.ts';
import type { ReturnFile } from '../statutory-return.ts';
import { checkAgainstSchema } from '../xml-schema.ts';
import { cinYearLabels } from './tables.ts';

export interface SchemaCheck {
  valid: boolean;
  errors: { line: number | null; message: string }[];
}

const schemas = new Map<string, Promise<string | null>>();

function schemaOf(fileName: string): Promise<string | null> {
  let schema = schemas.get(fileName);
  if (!schema) {
    schema = import('node:fs/promises')
      .then(({ readFile }) => readFile(new URL(`./schemas/${fileName}`, import.meta.url), 'utf8'))
      .catch(() => null);
    schemas.set(fileName, schema);
  }
  return schema;
}

/** Checks a census file against the year's schema; a year without a schema is said so, as an error. */
export async function schemaCheckCinCensus(file: ReturnFile, year: CollectionYear): Promise<SchemaCheck> {
  const { schemaFile } = cinYearLabels(year);
  const schema = await schemaOf(schemaFile);
  if (schema === null) return { valid: false, errors: [{ line: null, message: `There is no CIN census schema for ${year.label} to check the file against` }] };
  const result = await checkAgainstSchema({ fileName: 'census.xml', contents: file.contents }, { fileName: schemaFile, contents: schema });
  return { valid: result.valid, errors: result.errors.map((error) => ({ line: error.line, message: plainMessageOf(error.message) })) };
}

/**
 * xmllint's message without its own vocabulary: "Schemas validity error : Element 'Sex': [facet
 * 'enumeration'] The value 'X' is not…" reads "Element 'Sex': The value 'X' is not…".
 */
function plainMessageOf(message: string): string {
  return message.replace(/^Schemas validity error : /, '').replace(/\[facet '[^']+'\]\s*/g, '').replace(/\{''\}/g, '').trim();
}
