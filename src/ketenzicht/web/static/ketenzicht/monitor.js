// Charts of the monitor page; data comes from the server in #grafiek-data.
(function () {
  const data = JSON.parse(document.getElementById("grafiek-data").textContent);
  const opties = { indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false };
  new Chart(document.getElementById("grafiek-workload"), {
    type: "bar",
    data: { labels: data.gis, datasets: [{ label: "Workload (cliënten per beschikbare fte)", data: data.workload, backgroundColor: "#01689b" }] },
    options: { ...opties, plugins: { subtitle: { display: true, text: "Landelijk: " + data.landelijk_workload } } },
  });
  new Chart(document.getElementById("grafiek-wachtenden"), {
    type: "bar",
    data: {
      labels: data.gis,
      datasets: [
        { label: "Wachtlijst bij de start", data: data.start, backgroundColor: "#a90061" },
        { label: "Interne wachtlijst", data: data.intern, backgroundColor: "#e17000" },
      ],
    },
    options: { ...opties, scales: { x: { stacked: true }, y: { stacked: true } } },
  });
})();
