/**
 * Rendering of Vega-Lite specs to SVG text in Node: compile to Vega, run a
 * headless `View` (no canvas needed for SVG) and serialise its scene.
 * Vega's SVG renderer escapes text and attribute values, so names taken
 * from inputs are safe to inline in HTML.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Renders one Vega-Lite spec to a standalone SVG document string. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { spec: vegaSpec } = compile(spec);
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
