/** A confidence as a percentage: "0.975" → "97.5%". */
export const level = (c: string) => `${(Number(c) * 100).toFixed(1).replace(/\.0$/, '')}%`;
