package callsim.app.web;

import callsim.app.auth.Session;
import callsim.app.store.DrillRow;
import java.io.IOException;

/** POST {@code /drills/{id}/override}: a supervisor's score for one technique, with the reason. */
final class OverrideForm {
    static final int MAX_REASON = 2000;

    private final Drills drills;

    OverrideForm(Drills drills) {
        this.drills = drills;
    }

    void submit(Request request) throws IOException {
        Session session = request.session().orElseThrow(() -> new WebException(403, "log in to change scores"));
        if (!drills.access().validCsrf(session, request.form("csrf").orElse(""))) {
            throw new WebException(403, "missing or wrong CSRF token: reload the page and try again");
        }
        String id = request.pathPart("id");
        DrillRow row = drills.visible(request.user(), id);
        if (!drills.access().canOverride(request.user(), row)) throw new WebException(403, "you may not change scores on this drill");
        String technique = request.form("technique").map(String::trim).filter(t -> !t.isEmpty())
                .orElseThrow(() -> WebException.badRequest("technique: missing"));
        String reason = request.form("reason").map(String::trim).orElse("");
        if (reason.isEmpty()) throw WebException.badRequest("reason: say why the score changes");
        if (reason.length() > MAX_REASON) throw WebException.badRequest("reason: at most " + MAX_REASON + " characters");
        int score = score(request.form("score").orElse(""));
        try {
            drills.store().override(id, technique, score, reason, request.user().username());
        } catch (IllegalArgumentException e) {
            throw WebException.badRequest(e.getMessage());
        }
        Reply.redirect(request.exchange(), Paths.drill(id) + "#t-" + Paths.segment(technique));
    }

    private static int score(String value) {
        try {
            int score = Integer.parseInt(value.trim());
            if (score >= 0 && score <= 100) return score;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw WebException.badRequest("score: expected a whole number from 0 to 100, got '" + value + "'");
    }
}
