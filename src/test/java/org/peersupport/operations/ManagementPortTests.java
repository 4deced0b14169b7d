package org.peersupport.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.peersupport.PeerSupportApplication;
import org.peersupport.support.TestDatabase;
import org.peersupport.support.TestMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With MANAGEMENT_PORT set, the metrics are served there, for the internal network, and no longer
 * on the public port; the load balancer's probes stay on the public port too.
 */
class ManagementPortTests {

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void metrics_move_to_the_management_port_and_are_not_served_publicly() throws Exception {
        int management = freePort();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PeerSupportApplication.class)
                .initializers(new TestDatabase(), new TestMail())
                .run("--server.port=0", "--management.server.port=" + management,
                        "--peersupport.management.port=" + management, "--peersupport.scheduling.enabled=false",
                        "--spring.session.jdbc.cleanup-cron=-", "--spring.datasource.hikari.maximum-pool-size=4")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            HttpResponse<String> internal = get(management, "/actuator/prometheus");
            assertThat(internal.statusCode()).isEqualTo(200);
            assertThat(internal.body()).contains("peersupport_cases_open");

            HttpResponse<String> outside = get(port, "/actuator/prometheus");
            assertThat(outside.statusCode()).isIn(302, 404);
            assertThat(outside.body()).doesNotContain("peersupport_cases_open");

            assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
            assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
