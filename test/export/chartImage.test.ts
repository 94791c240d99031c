// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findChartSvg, serializeSvg } from '../../src/export/chartImage';

describe('chart SVG export', () => {
  it('writes a standalone SVG: namespace, size, a background, and computed paint inlined', () => {
    document.body.innerHTML = `
      <style>.line { stroke: rgb(78, 161, 255); stroke-width: 2px; }</style>
      <div id="chart"><svg class="recharts-surface" width="300" height="200" viewBox="0 0 300 200">
        <path class="line" d="M0 0L300 200"/><text x="5" y="10">HF</text></svg></div>`;
    const svg = findChartSvg(document.getElementById('chart')!)!;
    const { text, width, height } = serializeSvg(svg, '#121720');
    expect([width, height]).toEqual([300, 200]);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('<rect width="100%" height="100%" fill="#121720"');
    expect(text).toMatch(/<path[^>]*style="[^"]*stroke:\s?rgb\(78, 161, 255\)/);
    // the live chart is untouched
    expect(svg.querySelector('rect')).toBeNull();
  });
});
