import QRCode from 'qrcode';

/**
 * A QR code of a URL as inline SVG, drawn at build time. The library's SVG has no style attributes,
 * so it passes a strict CSP; colours come from our CSS through currentColor.
 */
export async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return svg
    .replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(label)}" focusable="false" `)
    .replace(/ fill="#ffffff"/g, ' class="zl-qr-bg"')
    .replace(/ stroke="#000000"/g, ' stroke="currentColor"');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
