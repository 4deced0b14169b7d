package org.peersupport.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Local development only (the dev profile of {@code ./mvnw spring-boot:run}): a hospital's
 * identity provider to sign in with, "Demo Hospital", started before the app reads its providers
 * (it reads the provider's discovery document at start-up). It knows every e-mail, with the
 * password {@value #PASSWORD}: a roster physician without an account gets one at first sign-in;
 * the demo accounts sign in as themselves. So it starts only over the embedded demo database, never
 * with DATABASE_URL; {@code DEMO_SSO=false} leaves it out too. The packaged jar contains no
 * authorization server, so this does nothing there.
 */
class DemoIdentityProvider implements EnvironmentPostProcessor {

    static final String ENABLED = "peersupport.demo-sso.enabled";

    static final String REGISTRATION = "demo-hospital";

    static final String PASSWORD = "demo hospital password";

    private static final String AUTHORIZATION_SERVER =
            "org.springframework.security.oauth2.server.authorization.client.RegisteredClient";

    private final Log log;

    DemoIdentityProvider(DeferredLogFactory logs) {
        this.log = logs.getLog(DemoIdentityProvider.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, false)
                || !ClassUtils.isPresent(AUTHORIZATION_SERVER, DemoIdentityProvider.class.getClassLoader())) {
            return;
        }
        // It signs anyone in as anyone: only over the embedded demo database, never over real accounts.
        if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
            log.info("Demo identity provider: not started, as the app uses the database at DATABASE_URL");
            return;
        }
        String port = environment.getProperty("server.port", "8080");
        List<String> appBases = List.of("http://localhost:" + port, "http://127.0.0.1:" + port,
                environment.getProperty("peersupport.base-url", "http://localhost:" + port));
        String issuer = IdentityProvider.start(environment.getProperty("peersupport.demo-sso.port", Integer.class, 0),
                REGISTRATION, email -> new IdentityProvider.Person(email, PASSWORD, true,
                        email.substring(0, Math.max(0, email.indexOf('@'))), null, List.of("pwd"), Map.of()),
                () -> appBases);
        String prefix = "spring.security.oauth2.client.";
        Map<String, Object> client = new LinkedHashMap<>();
        client.put(prefix + "registration." + REGISTRATION + ".client-id", IdentityProvider.CLIENT_ID);
        client.put(prefix + "registration." + REGISTRATION + ".client-secret", IdentityProvider.CLIENT_SECRET);
        client.put(prefix + "registration." + REGISTRATION + ".client-name", "Demo Hospital");
        client.put(prefix + "registration." + REGISTRATION + ".scope", "openid,email,profile");
        client.put(prefix + "provider." + REGISTRATION + ".issuer-uri", issuer);
        environment.getPropertySources().addFirst(new MapPropertySource("demoIdentityProvider", client));
        log.info("Demo identity provider at " + issuer + ": \"Sign in with Demo Hospital\" takes any e-mail with "
                + "the password \"" + PASSWORD + "\"");
    }
}
