package callsim.app.http;

import callsim.app.asterisk.OutboundDrills;
import callsim.app.auth.Authenticator;
import callsim.app.report.ReportJson;
import callsim.app.report.ReportStore;
import callsim.app.store.DrillStore;
import callsim.app.web.Access;
import callsim.app.web.WebApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The serve HTTP port: {@code /health}, {@code /api/calls} (token-protected) to ring agents through AMI,
 * and the drills. With a {@link DrillStore} the drills are the review UI and API of {@link WebApp} (logins,
 * access rules); the {@link ReportStore} variant is the older open read-only API over the data directory
 * ({@code /api/drills}, {@code /api/drills/ID}, {@code /api/drills/ID/recording.wav}), kept until the
 * server is wired to the review store.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = System.getLogger(HttpApi.class.getName());
    private final HttpServer server;

    private HttpApi(HttpServer server) {
        this.server = server;
    }

    public static HttpApi start(InetSocketAddress address, ReportStore store) throws IOException {
        return start(address, store, Optional.empty(), null);
    }

    /** With {@code /api/calls} for drills placed through AMI (token may be null when there is no AMI). */
    public static HttpApi start(InetSocketAddress address, ReportStore store, Optional<OutboundDrills> outbound,
                                ControlToken token) throws IOException {
        HttpServer server = create(address, outbound, token);
        server.createContext("/api/drills", exchange -> {
            try {
                drills(exchange, store);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, "text/plain", (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.ERROR, "HTTP " + exchange.getRequestURI() + " failed", e);
                send(exchange, 500, "text/plain", "internal error\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        return started(server, address);
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
        LOG.log(Level.INFO, "HTTP API on http://" + address.getHostString() + ":" + server.getAddress().getPort() + "/api/drills");
        return new HttpApi(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void drills(HttpExchange exchange, ReportStore store) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", "only GET\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().replaceFirst("^/api/drills/?", "").split("/");
        if (parts.length == 1 && parts[0].isEmpty()) {
            ArrayNode list = ReportJson.MAPPER.createArrayNode();
            for (String id : store.ids()) {
                store.report(id).ifPresent(r -> list.addObject()
                        .put("id", id).put("scenario", r.path("scenario").asText())
                        .put("agent", r.path("agent").asText()).put("startedAt", r.path("startedAt").asText())
                        .put("outcome", r.path("outcome").asText()).put("complete", r.path("complete").asBoolean()));
            }
            json(exchange, list);
            return;
        }
        String id = parts[0];
        if (parts.length == 1) {
            Optional<JsonNode> report = store.report(id);
            if (report.isEmpty()) send(exchange, 404, "text/plain", ("no drill " + id + "\n").getBytes(StandardCharsets.UTF_8));
            else json(exchange, report.get());
        } else if (parts.length == 2 && parts[1].equals("recording.wav")) {
            Path wav = store.drillDir(id).resolve("recording.wav");
            if (!Files.exists(wav)) send(exchange, 404, "text/plain", "no recording\n".getBytes(StandardCharsets.UTF_8));
            else send(exchange, 200, "audio/wav", Files.readAllBytes(wav));
        } else {
            send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
        }
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
