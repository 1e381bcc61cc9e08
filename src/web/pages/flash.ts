/** A one-off message carried to the next page, such as "Visit recorded". */
const key = 'safeguard:flash';

export function setFlash(message: string): void {
  window.sessionStorage.setItem(key, message);
}

export function takeFlash(): string | undefined {
  const message = window.sessionStorage.getItem(key) ?? undefined;
  window.sessionStorage.removeItem(key);
  return message;
}
