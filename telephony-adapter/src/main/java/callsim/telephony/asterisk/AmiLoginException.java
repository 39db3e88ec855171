package callsim.telephony.asterisk;

/** Asterisk refused the AMI login: wrong user or secret, or the user may not read the events callsim needs. */
public final class AmiLoginException extends Exception {
    public AmiLoginException(String message) {
        super(message);
    }
}
