package callsim.telephony.asterisk;

/** An AMI action could not be sent or Asterisk refused it; the message says which and why. */
public final class AmiUnavailableException extends Exception {
    public AmiUnavailableException(String message) {
        super(message);
    }

    public AmiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
