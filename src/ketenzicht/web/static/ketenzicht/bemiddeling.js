// Zorgbemiddelingstafel: waiting requests against free and soon-free places per zorgvorm.
(function () {
  const data = JSON.parse(document.getElementById("grafiek-data").textContent);
  new Chart(document.getElementById("grafiek-zorgvormen"), {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: "wachtende hulpvragen", data: data.wachtend, backgroundColor: "#a90061" },
        { label: "plekken nu vrij", data: data.vrij, backgroundColor: "#39870c" },
        { label: "plekken binnenkort vrij", data: data.straks, backgroundColor: "#8fcae7" },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
})();

// Capaciteit melden: the chosen offer's last reported numbers filled in, to change what changed.
(function () {
  const keuze = document.getElementById("cap-aanbod");
  if (!keuze) return;
  const vul = () => {
    const o = keuze.selectedOptions[0];
    if (!o) return;
    document.getElementById("cap-plaatsen").value = o.dataset.plaatsen;
    document.getElementById("cap-bezet").value = o.dataset.bezet;
    document.getElementById("cap-wachtlijst").value = o.dataset.wachtlijst;
  };
  keuze.addEventListener("change", vul);
  vul();
})();
