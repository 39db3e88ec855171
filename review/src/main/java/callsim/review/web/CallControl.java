package callsim.review.web;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code /api/calls} asks of the app: list recent and scheduled drill calls, and place one (ring an
 * agent's phone through the PBX). The app implements it; the review module serves it, behind the control token.
 */
public interface CallControl {
    JsonNode list();

    /**
     * @param request the posted JSON ({@code agent}, optional {@code scenario}, {@code difficulty}, {@code at})
     * @throws IllegalArgumentException for a request that is wrong (400), with the reason
     * @throws Unavailable when the PBX cannot be reached or there is no link to one (503)
     */
    JsonNode place(JsonNode request);

    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }
}
