import { expect, test } from './test';

test('a unit below its target shows the remediation, and "Try it" brings it to the target', async ({ dashboard }) => {
  await dashboard.goto();
  // demo.csv, account beta (cross): MB 1,161.4625, MM 893.15 => HF 1.30, below the target 1.5.
  // Collateral to add = 1.5 * 893.15 - 1,161.4625 = 178.2625 (shown 178.26); then HF = 1.5 exactly.
  const beta = dashboard.unitCard('beta', 'Cross');
  await expect(dashboard.healthFactor(beta)).toHaveText('1.30');
  const remedy = beta.getByRole('region', { name: /back to HF 1\.5/ });
  await expect(remedy).toContainText('178.26');
  await remedy.getByRole('button', { name: 'Try it: add the collateral' }).click();
  await expect(dashboard.healthFactor(beta)).toHaveText('1.50');
  await expect(beta.getByRole('region', { name: /back to HF/ })).toHaveCount(0);
});
