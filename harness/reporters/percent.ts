/** A ratio as a whole percentage: 0.8571 → "86%". */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
