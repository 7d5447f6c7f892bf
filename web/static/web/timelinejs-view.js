// Draws the filtered timeline with TimelineJS (served by this server): the API's TimelineJS export,
// with statements put in one group. TimelineJS's own font stylesheet (which loads fonts from
// another host) is switched off; timelinejs-overrides.css sets local fonts instead.
(function () {
  "use strict";
  var frame = document.getElementById("timelinejs");
  var status = document.getElementById("timelinejs-status");
  if (!frame) return;

  function say(message) {
    status.textContent = message;
    status.hidden = false;
  }

  if (typeof window.TL === "undefined") {
    say("TimelineJS did not load. The timeline page shows everything it would.");
    return;
  }

  fetch(frame.dataset.src, { headers: { Accept: "application/vnd.timelinejs+json" }, credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error("the timeline could not be read (" + response.status + ")");
      return response.json();
    })
    .then(function (data) {
      data.events.forEach(function (slide) {
        if (String(slide.unique_id).indexOf("statement-") === 0) slide.group = "Statements";
      });
      if (!data.events.length) {
        say("Nothing on the timeline matches these filters.");
        return;
      }
      frame.classList.add("drawn");
      new window.TL.Timeline(frame, data, {
        font: null,
        theme: null,
        language: "en",
        hash_bookmark: false,
        timenav_height_percentage: 35,
      });
    })
    .catch(function (error) {
      say("TimelineJS could not draw this timeline: " + error.message + ".");
    });
})();
