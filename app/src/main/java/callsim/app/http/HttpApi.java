package callsim.app.http;

import callsim.app.asterisk.OutboundDrills;
import callsim.app.auth.Authenticator;
import callsim.app.report.ReportJson;
import callsim.app.store.DrillStore;
import callsim.app.web.Access;
import callsim.app.web.WebApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The serve HTTP port: {@code /health}, {@code /api/calls} (control-token protected) to ring agents
 * through AMI, and the review UI and JSON API of {@link WebApp} over the review store (logins, access rules).
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = System.getLogger(HttpApi.class.getName());
    private final HttpServer server;

    private HttpApi(HttpServer server) {
        this.server = server;
    }

    /** Only /health and /api/calls (tests of the calls endpoint; the server always adds the review UI). */
    public static HttpApi start(InetSocketAddress address, Optional<OutboundDrills> outbound, ControlToken token)
            throws IOException {
        return started(create(address, outbound, token), address);
    }

    /** The review UI and JSON API over the review store, with logins and access rules; and /health, /api/calls. */
    public static HttpApi start(InetSocketAddress address, DrillStore store, Authenticator auth, Access access, Clock clock,
                                Optional<OutboundDrills> outbound, ControlToken token) throws IOException {
        HttpServer server = create(address, outbound, token);
        WebApp.install(server, store, auth, access, clock);
        return started(server, address);
    }

    private static HttpServer create(InetSocketAddress address, Optional<OutboundDrills> outbound, ControlToken token)
            throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        // Enough threads for a few reviewers whose browsers stream recordings while pages load.
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/health", exchange -> send(exchange, 200, "text/plain", "ok\n".getBytes(StandardCharsets.UTF_8)));
        if (token != null) {
            CallsEndpoint calls = new CallsEndpoint(outbound, token);
            server.createContext("/api/calls", exchange -> {
                try {
                    calls.handle(exchange);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.ERROR, "HTTP " + exchange.getRequestURI() + " failed", e);
                    text(exchange, 500, "internal error");
                }
            });
        }
        return server;
    }

    private static HttpApi started(HttpServer server, InetSocketAddress address) {
        server.start();
        LOG.log(Level.INFO, "review UI and API on http://" + address.getHostString() + ":" + server.getAddress().getPort() + "/");
        return new HttpApi(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void json(HttpExchange exchange, JsonNode node) throws IOException {
        json(exchange, 200, node);
    }

    static void json(HttpExchange exchange, int status, JsonNode node) throws IOException {
        send(exchange, status, "application/json", ReportJson.MAPPER.writeValueAsBytes(node));
    }

    static void text(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
