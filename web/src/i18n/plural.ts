/** `1 dag` / `3 dager`: the number with the singular or the plural word. */
export const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);
