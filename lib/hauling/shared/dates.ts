/**
 * Service dates are calendar days (Postgres `date`), exchanged as "YYYY-MM-DD". Prisma carries
 * them as Dates at UTC midnight, so converting through UTC never shifts the day.
 */
export function fromDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
