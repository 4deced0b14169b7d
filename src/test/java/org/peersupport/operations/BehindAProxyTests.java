package org.peersupport.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.peersupport.account.security.SignInThrottle;
import org.peersupport.account.security.SignInThrottleAccess;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real server, as a TLS proxy on this machine (a trusted one) forwards requests: the
 * session cookie and HSTS follow HTTPS, and no redirect repeats the Host header a client sent.
 */
@IntegrationTest
class BehindAProxyTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    Fixtures fixtures;

    @Test
    void over_https_the_session_cookie_is_secure_and_host_only_and_hsts_is_sent() throws IOException {
        List<String> response = send("GET /login HTTP/1.1", "Host: peers.example.org", "X-Forwarded-Proto: https",
                "X-Forwarded-For: 203.0.113.7");

        assertThat(status(response)).isEqualTo("HTTP/1.1 200");
        String cookie = header(response, "Set-Cookie");
        assertThat(cookie).startsWith("__Host-SESSION=").contains("; Secure", "; HttpOnly", "; Path=/",
                "; SameSite=Lax").doesNotContainIgnoringCase("Domain=");
        assertThat(header(response, "Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void over_plain_http_as_in_development_the_cookie_keeps_a_name_a_browser_accepts() throws IOException {
        List<String> response = send("GET /login HTTP/1.1", "Host: localhost");

        String cookie = header(response, "Set-Cookie");
        assertThat(cookie).startsWith("SESSION=").contains("; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Secure");
        assertThat(header(response, "Strict-Transport-Security")).isNull();
    }

    @Test
    void a_redirect_never_carries_a_host_the_client_made_up() throws IOException {
        for (List<String> response : List.of(send("GET / HTTP/1.1", "Host: attacker.example"),
                send("GET / HTTP/1.1", "Host: attacker.example", "X-Forwarded-Proto: https"),
                send("GET /reports HTTP/1.1", "Host: attacker.example", "X-Forwarded-Host: attacker.example"))) {
            assertThat(status(response)).isEqualTo("HTTP/1.1 302");
            assertThat(header(response, "Location")).isEqualTo("/login");
        }
        List<String> signInFirst = send("GET /roster HTTP/1.1", "Host: attacker.example");
        assertThat(status(signInFirst)).isEqualTo("HTTP/1.1 302");
        assertThat(header(signInFirst, "Location")).isEqualTo("/login");
    }

    @Test
    void sign_in_pauses_follow_the_clients_address_that_the_proxy_forwards() throws IOException {
        SignInThrottleAccess.pause(throttle, "203.0.113.7", fixtures.now());
        String email = Fixtures.uniqueEmail("behind");
        List<String> paused = send("POST /login?email=" + email + " HTTP/1.1", "Host: localhost",
                "X-Forwarded-For: 203.0.113.7", "Content-Length: 0");
        assertThat(header(paused, "Location")).isEqualTo("/login?wait");
        // Another client behind the same proxy is not paused (it goes on to the CSRF check).
        List<String> other = send("POST /login?email=" + email + " HTTP/1.1", "Host: localhost",
                "X-Forwarded-For: 203.0.113.8", "Content-Length: 0");
        assertThat(header(other, "Location")).isNotEqualTo("/login?wait");
    }

    @Test
    void every_page_carries_a_permissions_policy() {
        for (String page : new String[] {"/login", "/crisis", "/actuator/health/readiness"}) {
            assertThat(mvc.get().uri(page).exchange().getResponse().getHeader("Permissions-Policy")).as(page)
                    .contains("camera=()", "microphone=()", "geolocation=()");
        }
    }

    /** A raw HTTP/1.1 exchange, so that the Host header is exactly what a client could send. */
    private List<String> send(String requestLine, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String whole = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            for (String line : whole.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                lines.add(line);
            }
            return lines;
        }
    }

    private static String status(List<String> response) {
        return response.get(0).substring(0, Math.min(12, response.get(0).length()));
    }

    private static String header(List<String> response, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return response.stream().skip(1).filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).trim()).findFirst().orElse(null);
    }
}
