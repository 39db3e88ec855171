package callsim.telephony;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.List;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * One JAIN-SIP stack with a UDP listening point, its factories and a few header helpers. Each
 * endpoint and dialer owns its own stack (unique stack name), so several live in one JVM.
 */
final class SipAgent implements AutoCloseable {
    private static final int PORT_ATTEMPTS = 5;

    final SipStack stack;
    final SipProvider provider;
    final MessageFactory messages = new MessageFactoryImpl();
    final HeaderFactory headers = new HeaderFactoryImpl();
    final AddressFactory addresses = new AddressFactoryImpl();
    final String host;
    final int port;
    private final String userAgent;
    private final ListeningPoint listeningPoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SipAgent(SipStack stack, ListeningPoint listeningPoint, SipProvider provider, String host, String userAgent) {
        this.stack = stack;
        this.listeningPoint = listeningPoint;
        this.provider = provider;
        this.host = host;
        this.port = listeningPoint.getPort();
        this.userAgent = userAgent;
    }

    static SipAgent start(String role, SipEndpointConfig config, SipListener listener) throws IOException {
        String host = InetAddress.getByName(config.bindAddress()).getHostAddress();
        SipStack stack;
        try {
            stack = new SipStackImpl(stackProperties(role));
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IOException("cannot create SIP stack: " + e.getMessage(), e);
        }
        try {
            ListeningPoint point = listen(stack, host, config.port());
            SipProvider provider = stack.createSipProvider(point);
            provider.addSipListener(listener);
            stack.start();
            return new SipAgent(stack, point, provider, host, config.userAgent());
        } catch (IOException | SipException | TooManyListenersException | RuntimeException e) {
            stack.stop();
            throw e instanceof IOException io ? io : new IOException("cannot start SIP on " + host + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    private static ListeningPoint listen(SipStack stack, String host, int port) throws IOException {
        // JAIN-SIP keeps port 0 in its Via headers, so pick a concrete free port ourselves
        IOException last = null;
        for (int attempt = 0; attempt < (port == 0 ? PORT_ATTEMPTS : 1); attempt++) {
            int candidate = port == 0 ? freeUdpPort(host) : port;
            try {
                return stack.createListeningPoint(host, candidate, ListeningPoint.UDP);
            } catch (Exception e) {
                last = new IOException("cannot listen for SIP on " + host + ":" + candidate + "/udp: " + e.getMessage(), e);
            }
        }
        throw last;
    }

    private static int freeUdpPort(String host) throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(host, 0))) {
            return probe.getLocalPort();
        }
    }

    private static Properties stackProperties(String role) {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "callsim-" + role + "-" + UUID.randomUUID());
        // dialogs are created explicitly: with automatic support the stack answers stray BYEs itself
        // (481 with RFC 2543 wording, no log line) before we can see them
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", JainSipStackLogger.class.getName());
        properties.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JainSipServerLogger.class.getName());
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        properties.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", LoggingMessageParserFactory.class.getName());
        return properties;
    }

    /** Our Contact: {@code <sip:user@host:port>}. */
    ContactHeader contact(String user) throws ParseException {
        SipURI uri = addresses.createSipURI(user == null || user.isEmpty() ? null : user, host);
        uri.setPort(port);
        Address address = addresses.createAddress(uri);
        return headers.createContactHeader(address);
    }

    Header serverHeader() throws ParseException {
        return headers.createServerHeader(List.of(userAgent));
    }

    Header userAgentHeader() throws ParseException {
        return headers.createUserAgentHeader(List.of(userAgent));
    }

    static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            stack.deleteSipProvider(provider);
            stack.deleteListeningPoint(listeningPoint);
        } catch (Exception ignored) {
            // stopping the stack below releases everything anyway
        }
        try {
            stack.stop();
        } catch (RuntimeException e) {
            // JAIN-SIP's UDP processor throws a NullPointerException when stopped before its worker
            // threads were set up (seen when a stack is closed right after it started). Its UDP socket is
            // closed before that point, so the port is free; a daemon timer thread may outlive the stack.
            System.getLogger(SipAgent.class.getName()).log(System.Logger.Level.DEBUG, "SIP stack stop: " + e);
        }
    }
}
