// Client JavaScript per page of the last production build (UI.md: "client JS per route kept small").
// Next 16 no longer prints sizes after `next build`; this reads the build's manifests instead: the framework
// files every page loads (rootMainFiles) plus the entry chunks of the page and each layout above it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const distDir = join(import.meta.dirname, '..', process.env.NEXT_DIST_DIR || '.next');
const appDir = join(distDir, 'server', 'app');
if (!existsSync(join(distDir, 'build-manifest.json'))) {
  console.error(`no production build in ${distDir}: run \`pnpm --filter @pf/web build\` first`);
  process.exit(1);
}

function* manifestsUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* manifestsUnder(path);
    else if (entry.name === 'page_client-reference-manifest.js') yield path;
  }
}

const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(join(distDir, file));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes).length });
  }
  return sizes.get(file);
}

const framework = JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8')).rootMainFiles;
const rows = [];
for (const manifestPath of manifestsUnder(appDir)) {
  const routeKey = relative(appDir, manifestPath).split(sep).slice(0, -1).join('/');
  if (routeKey.startsWith('_')) continue;
  const sandbox = { globalThis: {} };
  new Function('globalThis', readFileSync(manifestPath, 'utf8'))(sandbox.globalThis);
  const manifest = Object.values(sandbox.globalThis.__RSC_MANIFEST)[0];
  const pageEntry = `[project]/apps/web/src/app/${routeKey}/page`;
  // The page and every layout of its folder chain (`…/app/layout`, `…/app/(app)/layout`, …).
  const chain = Object.keys(manifest.entryJSFiles).filter(
    (entry) => entry === pageEntry || (entry.endsWith('/layout') && pageEntry.startsWith(entry.replace(/layout$/, ''))),
  );
  const files = new Set([...framework, ...chain.flatMap((entry) => manifest.entryJSFiles[entry])]);
  const route = `/${routeKey.replace(/\(\w+\)\/?/g, '')}`.replace(/\/$/, '') || '/';
  const total = [...files].reduce(
    (sum, file) => {
      const size = sizeOf(file.startsWith('static/') ? file : file.replace(/^\/_next\//, ''));
      return { raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip };
    },
    { raw: 0, gzip: 0 },
  );
  rows.push({ route, files: files.size, ...total });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
rows.sort((a, b) => a.route.localeCompare(b.route));
const shared = framework.reduce((sum, file) => sum + sizeOf(file).gzip, 0);
console.log(
  `client JS per page (${relative(process.cwd(), distDir)}; gzip = what travels; framework shared by all: ${kb(shared)} gzip)`,
);
console.log(`${'route'.padEnd(28)}${'files'.padStart(6)}${'raw'.padStart(12)}${'gzip'.padStart(12)}`);
for (const row of rows)
  console.log(
    `${row.route.padEnd(28)}${String(row.files).padStart(6)}${kb(row.raw).padStart(12)}${kb(row.gzip).padStart(12)}`,
  );
