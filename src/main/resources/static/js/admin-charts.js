/*
 * The dashboard's two charts (Chart.js, served from its WebJar). The figures come from the
 * page, as JSON computed by the server; each chart has the same data as a table under it,
 * for screen readers and for whoever wants the exact numbers.
 */
const data = JSON.parse(document.getElementById('chart-data')?.textContent || '{}');
const style = getComputedStyle(document.documentElement);
const brand = style.getPropertyValue('--cpt-color-brand').trim() || '#8a3a16';
const ink = style.getPropertyValue('--cpt-color-ink').trim() || '#2b211c';
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;

if (window.Chart && data.days) {
  window.Chart.defaults.color = ink;
  window.Chart.defaults.animation = reducedMotion ? false : window.Chart.defaults.animation;
  const euro = new Intl.NumberFormat(document.documentElement.lang || 'fr', { style: 'currency', currency: 'EUR' });
  new window.Chart(document.getElementById('sales-chart'), {
    type: 'line',
    data: {
      labels: data.days,
      datasets: [{ data: data.revenue, borderColor: brand, backgroundColor: brand, pointRadius: 0, tension: 0.2 }],
    },
    options: {
      maintainAspectRatio: false,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => euro.format(item.parsed.y) } } },
      scales: { y: { beginAtZero: true, ticks: { callback: (value) => euro.format(value) } } },
    },
  });
  new window.Chart(document.getElementById('top-chart'), {
    type: 'bar',
    data: { labels: data.products, datasets: [{ data: data.units, backgroundColor: brand }] },
    options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false } } },
  });
}
