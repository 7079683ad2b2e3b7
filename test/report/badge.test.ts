import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { badgeColor, renderBadge } from '../../src/report/badge.js';

describe('the SVG badge', () => {
  it.each([
    [0, '#e0443e'],
    [24, '#e0443e'],
    [25, '#f08c00'],
    [50, '#d4a106'],
    [75, '#74b816'],
    [99, '#74b816'],
    [100, '#2f9e44'],
  ])('%i %% is %s', (percent, color) => {
    expect(badgeColor(percent)).toBe(color);
    expect(renderBadge('roadmap', `${percent} %`, percent)).toContain(`fill="${color}"`);
  });

  it('is valid XML with its text and an accessible name', () => {
    const svg = renderBadge('roadmap', '42 %', 42);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('aria-label="roadmap: 42 %"');
    expect(svg).toContain('<text x="30.5" y="14">roadmap</text>');
    expect(svg).toMatch(/>42 %<\/text>/);
  });

  it('stays valid XML whatever the label, and grows with the text', () => {
    const svg = renderBadge('<road & "map">', '100%', 100);
    expect(XMLValidator.validate(svg)).toBe(true);
    const width = (s: string) => Number(/width="(\d+)"/.exec(s)?.[1]);
    expect(width(renderBadge('roadmap', '100 %', 100))).toBeGreaterThan(width(renderBadge('roadmap', '0 %', 0)));
  });
});
