package callsim.telephony;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;

/**
 * RFC 3261 digest authentication (MD5, {@code qop=auth} or none) of new calls against {@link SipCredentials}.
 * Nonces are stateless: the time they were issued, signed with a key of this process, valid for 5 minutes.
 */
final class DigestAuthenticator {
    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    /** What to do with a request: go on, challenge it (401), or refuse it (403) with a reason for the log. */
    record Verdict(Kind kind, String reason, boolean stale) {
        enum Kind { AUTHENTICATED, CHALLENGE, FORBIDDEN }

        static final Verdict OK = new Verdict(Kind.AUTHENTICATED, "", false);
    }

    private final SipCredentials credentials;
    private final LongSupplier clockMillis;
    private final byte[] key = new byte[32];

    DigestAuthenticator(SipCredentials credentials) {
        this(credentials, System::currentTimeMillis);
    }

    DigestAuthenticator(SipCredentials credentials, LongSupplier clockMillis) {
        this.credentials = credentials;
        this.clockMillis = clockMillis;
        new SecureRandom().nextBytes(key);
    }

    String realm() {
        return credentials.realm();
    }

    /** A fresh nonce for a 401 challenge. */
    String nonce() {
        String issued = Long.toString(clockMillis.getAsLong(), 16);
        return issued + "." + sign(issued);
    }

    Verdict check(Request request) {
        AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (auth == null) return new Verdict(Verdict.Kind.CHALLENGE, "no credentials", false);
        if (!"Digest".equalsIgnoreCase(auth.getScheme()) || !realm().equals(auth.getRealm())) {
            return new Verdict(Verdict.Kind.CHALLENGE, "credentials for another scheme or realm", false);
        }
        String algorithm = auth.getAlgorithm();
        if (algorithm != null && !algorithm.equalsIgnoreCase("MD5")) {
            return new Verdict(Verdict.Kind.FORBIDDEN, "digest algorithm " + algorithm + " not supported (MD5 only)", false);
        }
        String nonce = auth.getNonce();
        if (nonce == null || !validNonce(nonce)) return new Verdict(Verdict.Kind.CHALLENGE, "unknown nonce", false);
        if (expired(nonce)) return new Verdict(Verdict.Kind.CHALLENGE, "expired nonce", true);
        String username = auth.getUsername();
        Optional<String> ha1 = username == null ? Optional.empty() : credentials.ha1(username);
        String fromUser = fromUser(request);
        if (ha1.isEmpty() || auth.getResponse() == null || auth.getURI() == null
                || !MessageDigest.isEqual(expected(ha1.get(), request.getMethod(), auth).getBytes(StandardCharsets.US_ASCII),
                        auth.getResponse().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return new Verdict(Verdict.Kind.FORBIDDEN, "wrong user name or password for '" + username + "'", false);
        }
        if (!username.equals(fromUser)) {
            return new Verdict(Verdict.Kind.FORBIDDEN, "authenticated as '" + username + "' but calling as '" + fromUser + "'", false);
        }
        return Verdict.OK;
    }

    private String expected(String ha1, String method, AuthorizationHeader auth) {
        String uri = auth.getParameter("uri") != null ? auth.getParameter("uri") : auth.getURI().toString();
        String ha2 = md5(method + ":" + uri);
        String qop = auth.getQop();
        if (qop == null) return md5(ha1 + ":" + auth.getNonce() + ":" + ha2);
        String nc = auth.getParameter("nc") != null ? auth.getParameter("nc") : String.format("%08x", auth.getNonceCount());
        return md5(ha1 + ":" + auth.getNonce() + ":" + nc + ":" + auth.getCNonce() + ":" + qop + ":" + ha2);
    }

    private boolean validNonce(String nonce) {
        int dot = nonce.indexOf('.');
        return dot > 0 && MessageDigest.isEqual(sign(nonce.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private boolean expired(String nonce) {
        try {
            long issued = Long.parseLong(nonce.substring(0, nonce.indexOf('.')), 16);
            return clockMillis.getAsLong() - issued > NONCE_LIFETIME.toMillis();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String fromUser(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        return from != null && from.getAddress().getURI() instanceof SipURI uri ? uri.getUser() : null;
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
