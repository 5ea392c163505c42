/**
 * Sharing a view: the link to copy (the route, every setting and the seed are already in the
 * hash) and its QR code. The clipboard can be refused (no permission, an insecure origin, an
 * old browser), so copying says what happened and the caller shows the link to copy by hand.
 */
import { encode } from 'uqr';
import { t } from '../../i18n';

export interface CopyResult {
  ok: boolean;
  message: string;
}

/** Copy text: the async Clipboard API first, then the old selection-and-execCommand way. */
export async function copyText(text: string, fallbackField?: HTMLInputElement | null): Promise<CopyResult> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return { ok: true, message: t().shared.share.copied };
  } catch {
    if (fallbackField) {
      fallbackField.focus();
      fallbackField.select();
      try {
        // deprecated but still the only synchronous fallback where the Clipboard API is refused
        if (document.execCommand('copy')) return { ok: true, message: t().shared.share.copied };
      } catch {
        /* refused as well: fall through */
      }
    }
    return { ok: false, message: t().shared.share.refused };
  }
}

/** The QR code's modules (true = dark), with a quiet zone of 4 modules as the standard asks. */
export function qrModules(text: string): boolean[][] {
  // medium error correction: a projector's glare and a phone at an angle still read it
  return encode(text, { ecc: 'M', border: 4 }).data;
}

/** Draw a QR code on a canvas, each module a whole number of device pixels (crisp to scan). */
export function drawQr(canvas: HTMLCanvasElement, text: string, cssSize: number): void {
  const modules = qrModules(text);
  const n = modules.length;
  const ratio = globalThis.devicePixelRatio || 1;
  const cell = Math.max(1, Math.floor((cssSize * ratio) / n));
  canvas.width = cell * n;
  canvas.height = cell * n;
  canvas.style.width = `${(cell * n) / ratio}px`;
  canvas.style.height = `${(cell * n) / ratio}px`;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (modules[y][x]) ctx.fillRect(x * cell, y * cell, cell, cell);
}
