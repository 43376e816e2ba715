import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/**
 * The one module that knows resvg: SVG to PNG with the CJK font shipped as an npm package
 * (Noto Sans SC, OFL), so Chinese renders on a server without any fonts installed. System
 * fonts are not loaded: the picture is the same on every machine.
 */
const require = createRequire(import.meta.url);

export function cjkFontFile(): string {
  return join(dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json')), '400Regular', 'NotoSansSC_400Regular.ttf');
}

export function svgToPng(svg: string, family: string): Buffer {
  const resvg = new Resvg(svg, {
    background: '#FFFFFF',
    font: { fontFiles: [cjkFontFile()], loadSystemFonts: false, defaultFontFamily: family, sansSerifFamily: family },
  });
  return resvg.render().asPng();
}
