package callsim.app.web;

/** A request the web layer refuses, with the status and a message safe to show the user. */
final class WebException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    WebException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static WebException notFound() {
        return new WebException(404, "not found");
    }

    static WebException badRequest(String message) {
        return new WebException(400, message);
    }
}
