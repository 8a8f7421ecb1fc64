/** Fails when any of the addresses, or anything shaped like an email, is in the payload. */
export function expectNoEmail(payload: unknown, ...emails: string[]): void {
  const text = JSON.stringify(payload ?? null);
  for (const email of emails) expect(text).not.toContain(email);
  expect(text).not.toMatch(/"email"\s*:/);
  expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
}
