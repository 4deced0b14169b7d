package org.peersupport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The test server's port, chosen free before the app starts, and the app's public address on it
 * (BASE_URL): a passkey is bound to the origin the browser opened, which the app must know when it
 * starts, so a port only known afterwards would not do.
 */
public class TestServerPort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = freePort();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testServerPort",
                Map.of("server.port", port, "peersupport.base-url", "http://localhost:" + port)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
