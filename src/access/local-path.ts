/** A path on this site: starts with one `/`, no backslash (browsers read `/\` as `//`), no spaces or control characters. */
export function isLocalPath(value: string): boolean {
  return /^\/(?![/\\])[^\\\s\p{Cc}]*$/u.test(value) && value.length <= 1000;
}
