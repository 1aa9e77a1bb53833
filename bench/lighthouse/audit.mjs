// Lighthouse mobile audit of three storefront pages, median of several runs per page.
//
//   cd bench/lighthouse && npm ci && node audit.mjs [--base http://localhost:8080] [--runs 5]
//
// Needs a running shop (./mvnw spring-boot:run or the packaged jar) and a Chromium
// (CHROME_PATH, default /usr/bin/chromium). Prints one table in Markdown, ready for
// docs/performance.md, and leaves the HTML report of each page's median run in reports/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, copyFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const base = option('--base', 'http://localhost:8080');
const runs = Number(option('--runs', '5'));
const pages = [
  ['accueil', '/'],
  ['liste', '/products'],
  ['produit', '/products/confiture-de-figues'],
];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time',
  'cumulative-layout-shift', 'speed-index'];

mkdirSync('reports', { recursive: true });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`| page | performance | accessibilité | bonnes pratiques | SEO | FCP | LCP | TBT | CLS | SI |`);
console.log(`|---|---|---|---|---|---|---|---|---|---|`);
for (const [name, path] of pages) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const output = `reports/${name}-${run}`;
    execFileSync('npx', ['lighthouse', base + path, '--quiet', '--form-factor=mobile',
      '--chrome-flags=--headless=new --no-sandbox', '--output=json', '--output=html',
      `--output-path=${output}`], {
      stdio: 'inherit',
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    });
    const report = JSON.parse(readFileSync(`${output}.report.json`, 'utf8'));
    results.push({ output, report, performance: report.categories.performance.score });
  }
  // The median run by performance score stands for the page, as Lighthouse's docs advise.
  const chosen = [...results].sort((a, b) => a.performance - b.performance)[Math.floor(runs / 2)];
  copyFileSync(`${chosen.output}.report.html`, `reports/${name}.html`);
  const scores = categories.map((c) => Math.round(median(results.map((r) => r.report.categories[c].score)) * 100));
  const values = metrics.map((m) => chosen.report.audits[m].displayValue);
  const all = results.map((r) => Math.round(r.performance * 100)).join(', ');
  console.log(`| ${name} | ${scores[0]} (${all}) | ${scores.slice(1).join(' | ')} | ${values.join(' | ')} |`);
}
