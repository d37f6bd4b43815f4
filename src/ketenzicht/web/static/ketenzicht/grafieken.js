// Every chart writes its numbers the Dutch way (2.650, 13,8), as the tables beside it do,
// whatever the browser's own language.
Chart.defaults.locale = "nl-NL";
