/**
 * The figures' SQL names its parameters (:laCode, :from, :to, :judgedOn, :holidays, :withinDays,
 * :withinUnit); they are bound to $n in order of first use, so a query only sends the parameters
 * it reads. '::type' casts are not parameters.
 */

const parameterPattern = /(?<![:\w]):([a-zA-Z][a-zA-Z0-9]*)/g;

/** Replaces :name with $n (each name once, in order of first use); '::type' casts are left alone. */
export function bindNamed(sql: string, values: Record<string, unknown>): { text: string; values: unknown[] } {
  const order: string[] = [];
  const text = sql.replace(parameterPattern, (_match, name: string) => {
    if (!(name in values)) throw new Error(`No value for SQL parameter :${name}`);
    let index = order.indexOf(name);
    if (index === -1) index = order.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text, values: order.map((name) => values[name]) };
}

/** Whether the SQL reads the parameter :name. */
export const readsParameter = (sql: string, name: string): boolean => new RegExp(`(?<![:\\w]):${name}\\b`).test(sql);
