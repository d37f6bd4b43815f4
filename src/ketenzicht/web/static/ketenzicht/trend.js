// Charts of the monitor trend page; data comes from the server in #grafiek-data.
(function () {
  const data = JSON.parse(document.getElementById("grafiek-data").textContent);
  // every axis from zero: a change of 13.4 to 13.8 clients per fte is not a doubling
  const opties = {
    responsive: true, maintainAspectRatio: false, animation: false,
    scales: { y: { beginAtZero: true } },
  };
  function lijn(id, reeksen) {
    new Chart(document.getElementById(id), { type: "line", data: { labels: data.peildata, datasets: reeksen }, options: opties });
  }
  lijn("grafiek-workload", [{ label: "Workload (cliënten per beschikbare fte)", data: data.workload, borderColor: "#01689b", backgroundColor: "#01689b" }]);
  lijn("grafiek-fte", [
    { label: "FTE formatie", data: data.fte_formatie, borderColor: "#42145f", backgroundColor: "#42145f" },
    { label: "FTE beschikbaar", data: data.fte_beschikbaar, borderColor: "#39870c", backgroundColor: "#39870c" },
  ]);
  lijn("grafiek-wacht", [
    { label: "Wachtlijst bij de start", data: data.start, borderColor: "#a90061", backgroundColor: "#a90061" },
    { label: "Interne wachtlijst", data: data.intern, borderColor: "#e17000", backgroundColor: "#e17000" },
  ]);
})();
