// Draws the score history (Chart.js) from the canvas's data-points attribute. No inline script: the page's content
// security policy allows only this origin's files.
(function () {
  const canvas = document.getElementById('history-chart');
  if (!canvas || typeof Chart === 'undefined') return;
  const points = JSON.parse(canvas.dataset.points);
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map(p => p.label),
      datasets: [
        { label: 'Score', data: points.map(p => p.score), borderColor: '#1f4e79', backgroundColor: '#1f4e79',
          pointStyle: points.map(p => p.changed ? 'triangle' : 'circle'),
          pointRadius: points.map(p => p.changed ? 9 : 4) },
        { label: '90% interval, low', data: points.map(p => p.low), borderColor: '#8aa9c6', borderDash: [4, 4], pointRadius: 0, fill: false },
        { label: '90% interval, high', data: points.map(p => p.high), borderColor: '#8aa9c6', borderDash: [4, 4], pointRadius: 0, fill: '-1',
          backgroundColor: 'rgba(138, 169, 198, 0.2)' }
      ]
    },
    options: {
      animation: false,
      scales: { y: { min: 0, max: 100, title: { display: true, text: 'Score (1–100)' } } },
      plugins: {
        tooltip: { callbacks: { afterLabel: ctx => ctx.datasetIndex === 0
          ? points[ctx.dataIndex].algorithm + (points[ctx.dataIndex].changed ? ' (algorithm version changed)' : '') : '' } }
      }
    }
  });
})();
