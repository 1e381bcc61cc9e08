/** Today's date in England, whatever the server's time zone. */
export const todayInLondon = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
