package callsim.review.store;

/** The database could not answer a read or write (unreachable, or the statement failed); the message says which. */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
