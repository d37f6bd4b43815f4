// Charts of the page "wachtenden per regio"; data comes from the server in #grafiek-data.

// The area over the peildata, drawn when the htmx fragment arrives (web/_gebieden_trend.html).
window.tekenGebiedenTrend = function (data) {
  new Chart(document.getElementById("grafiek-gebieden-trend"), {
    type: "line",
    data: {
      labels: data.peildata,
      datasets: [
        { label: "Wachtlijst bij de start", data: data.start, borderColor: "#a90061", backgroundColor: "#a90061" },
        { label: "Interne wachtlijst", data: data.intern, borderColor: "#e17000", backgroundColor: "#e17000" },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } },
  });
};

(function () {
  const data = JSON.parse(document.getElementById("grafiek-data").textContent);
  const opties = { indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false };
  const elkGebied = { ticks: { autoSkip: false } }; // every area named, not every other one
  new Chart(document.getElementById("grafiek-wachtenden"), {
    type: "bar",
    data: {
      labels: data.gebieden,
      datasets: [
        { label: "Wachtlijst bij de start", data: data.start, backgroundColor: "#a90061" },
        { label: "Interne wachtlijst", data: data.intern, backgroundColor: "#e17000" },
      ],
    },
    options: { ...opties, scales: { x: { stacked: true }, y: { ...elkGebied, stacked: true } } },
  });
  new Chart(document.getElementById("grafiek-aandeel"), {
    type: "bar",
    data: {
      labels: data.gebieden,
      datasets: [{ label: "% van de cliënten dat wacht", data: data.aandeel, backgroundColor: "#01689b" }],
    },
    options: {
      ...opties,
      scales: { y: elkGebied },
      plugins: {
        subtitle: {
          display: data.aandeel_totaal !== null,
          text: "Samen: " + Number(data.aandeel_totaal).toLocaleString("nl-NL") + "%",
        },
      },
    },
  });
})();
