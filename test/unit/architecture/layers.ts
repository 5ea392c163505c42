/**
 * The layer rules of docs/ARCHITECTURE.md, read from the code itself: every import (static,
 * dynamic, re-export, `new URL(…, import.meta.url)` for workers) of every file under src/, and
 * the globals core may not touch. Comments and strings never count: the files are parsed with
 * TypeScript's own parser (the <script> blocks of .svelte files likewise).
 */
import ts from 'typescript';
import path from 'node:path';

export interface SourceFile {
  /** Path relative to the project root, with forward slashes ("src/core/gan/trainer.ts"). */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  rule: string;
  detail: string;
}

/** The layer a file under src/ belongs to: its first folder (core, state, charts, …), or "root". */
export function layerOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'src') return 'outside';
  return parts.length > 2 ? parts[1] : 'root';
}

/** The one module that sets the test hooks (globalThis.forgelab). */
export const HOOKS_MODULE = 'src/state/shared/hooks.ts';

const FORBIDDEN_IN_CORE = new Set(['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'HTMLElement', 'HTMLCanvasElement', 'requestAnimationFrame']);

function scriptsOf(file: SourceFile): string[] {
  if (!file.path.endsWith('.svelte')) return [file.text];
  return [...file.text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

interface Found {
  specifiers: string[];
  globals: string[];
  mathRandom: boolean;
  /** Writes or reads of the test hooks global (`globalThis.forgelab`, `window.forgelab`). */
  testHooks: boolean;
}

function scan(text: string, name: string): Found {
  const sf = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Found = { specifiers: [], globals: [], mathRandom: false, testHooks: false };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      found.specifiers.push(node.arguments[0].text);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && node.arguments?.length === 2 && ts.isStringLiteralLike(node.arguments[0]) && node.arguments[1].getText(sf) === 'import.meta.url') {
      found.specifiers.push(node.arguments[0].text);
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Math' && node.name.text === 'random') {
      found.mathRandom = true;
    } else if (ts.isPropertyAccessExpression(node) && node.name.text === 'forgelab') {
      found.testHooks = true;
    }
    if (ts.isIdentifier(node) && FORBIDDEN_IN_CORE.has(node.text)) {
      const p = node.parent;
      const isMemberName = (ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isPropertyAssignment(p) && p.name === node) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || (ts.isPropertyDeclaration(p) && p.name === node) || (ts.isParameter(p) && p.name === node) || (ts.isVariableDeclaration(p) && p.name === node);
      if (!isMemberName) found.globals.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Resolve a relative specifier to a project path (extension as written); packages stay as they are. */
function target(from: string, spec: string): { kind: 'file'; path: string } | { kind: 'package'; name: string } {
  if (!spec.startsWith('.')) return { kind: 'package', name: spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0] };
  return { kind: 'file', path: path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)) };
}

const isUnder = (p: string, dir: string) => p === dir || p.startsWith(dir + '/');

export function checkLayers(files: readonly SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    if (!isUnder(file.path, 'src')) continue;
    const layer = layerOf(file.path);
    for (const text of scriptsOf(file)) {
      const found = scan(text, file.path);
      for (const spec of found.specifiers) {
        const t = target(file.path, spec);
        const bad = (rule: string) => out.push({ file: file.path, rule, detail: spec });
        if (t.kind === 'file') {
          if (!isUnder(t.path, 'src')) {
            bad('nothing in src imports from outside src');
            continue;
          }
          const to = layerOf(t.path);
          if (layer === 'core' && to !== 'core') bad('core imports only core and tfjs');
          if (layer === 'workers' && to !== 'core' && to !== 'workers') bad('workers import core and the worker protocol, never state or components');
          if (layer === 'charts' && (to === 'state' || to === 'components')) bad('charts never import state or components');
          if (layer === 'i18n' && to !== 'core' && to !== 'i18n') bad('i18n imports only core (the settings tables it translates)');
        } else {
          if (layer === 'core' && !t.name.startsWith('@tensorflow/')) bad('core imports only core and tfjs');
          if ((layer === 'charts' || layer === 'workers') && t.name === 'svelte') bad(`${layer} do not import Svelte`);
        }
      }
      if (found.testHooks && file.path !== HOOKS_MODULE) out.push({ file: file.path, rule: `only ${HOOKS_MODULE} touches globalThis.forgelab`, detail: 'forgelab' });
      if (layer === 'core') {
        if (found.mathRandom) out.push({ file: file.path, rule: 'core never calls Math.random (use core/shared/rng.ts)', detail: 'Math.random' });
        for (const g of new Set(found.globals)) out.push({ file: file.path, rule: 'core has no DOM', detail: g });
      }
    }
  }
  return out;
}
