// Trend chart of the doorbraak monitor: share in time per milestone, with the target dashed.
(function () {
  const data = JSON.parse(document.getElementById("grafiek-data").textContent);
  const kleuren = ["#01689b", "#a90061", "#e17000", "#39870c", "#42145f"];
  const datasets = [];
  data.reeksen.forEach(function (r, i) {
    const kleur = kleuren[i % kleuren.length];
    datasets.push({ label: r.label, data: r.data.map(function (x) { return x === null ? null : Math.round(x * 100); }), borderColor: kleur, backgroundColor: kleur, spanGaps: true });
    datasets.push({ label: "doel " + r.label.toLowerCase(), data: data.maanden.map(function () { return Math.round(r.doel * 100); }), borderColor: kleur, borderDash: [6, 4], pointRadius: 0, borderWidth: 1 });
  });
  new Chart(document.getElementById("grafiek-trend"), {
    type: "line",
    data: { labels: data.maanden, datasets: datasets },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: 100, title: { display: true, text: "% op tijd" } } } },
  });
})();
