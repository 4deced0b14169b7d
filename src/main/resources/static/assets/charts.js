// Dashboard charts, drawn from the data table beside each chart, so the table is the one source
// of the figures (for screen readers and copying) and the page needs no inline script or data.
// <canvas data-chart-table="id" data-chart-type="bar|line" data-chart-columns="1,2" [data-chart-max="100"]>
// plots those columns of the table's body: the row's <th> is the label, a cell's data-value the value.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  var colours = ['#1a4fa0', '#c0392b', '#2e7d32', '#6a1b9a', '#ef6c00'];
  document.querySelectorAll('canvas[data-chart-table]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-chart-table'));
    if (!table) {
      return;
    }
    var columns = canvas.getAttribute('data-chart-columns').split(',').map(Number);
    var headings = table.querySelectorAll('thead th');
    var rows = Array.prototype.filter.call(table.querySelectorAll('tbody tr'), function (row) {
      return row.querySelector('th') !== null;
    });
    var labels = rows.map(function (row) { return row.querySelector('th').textContent.trim(); });
    var type = canvas.getAttribute('data-chart-type') || 'bar';
    var datasets = columns.map(function (column, i) {
      return {
        label: headings[column] ? headings[column].textContent.trim() : '',
        data: rows.map(function (row) {
          var cell = row.children[column];
          var value = cell ? cell.getAttribute('data-value') : null;
          return value === null ? null : Number(value);
        }),
        backgroundColor: colours[i % colours.length],
        borderColor: colours[i % colours.length],
        tension: 0.2
      };
    });
    var max = canvas.getAttribute('data-chart-max');
    var chart = new Chart(canvas, {
      type: type,
      data: {labels: labels, datasets: datasets},
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: type === 'bar' && labels.length > 4 ? 'y' : 'x',
        plugins: {legend: {display: datasets.length > 1}},
        scales: type === 'bar' && labels.length > 4
          ? {x: {beginAtZero: true, max: max ? Number(max) : undefined, ticks: {precision: 0}}}
          : {y: {beginAtZero: true, max: max ? Number(max) : undefined, ticks: {precision: 0}}}
      }
    });
    canvas.setAttribute('data-chart-ready', String(chart.data.datasets[0].data.length));
  });
});
