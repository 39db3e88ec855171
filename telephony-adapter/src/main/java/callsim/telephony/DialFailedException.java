package callsim.telephony;

/** A dial attempt that did not lead to an established call (rejected, unanswered, unreachable). */
public final class DialFailedException extends RuntimeException {
    private final int statusCode;

    public DialFailedException(String message, int statusCode) {
        super(message);
        this.statusCode = statusCode;
    }

    public DialFailedException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = 0;
    }

    /** The SIP final response status (e.g. 486, 488), or 0 when there was none (timeout, I/O error). */
    public int statusCode() {
        return statusCode;
    }
}
