package org.peersupport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OpenID provider in the test JVM, as a hospital's would be: Spring Authorization Server on
 * a port of its own with its own issuer, signing keys and sign-in form, started once per JVM like
 * the database. The app is configured to trust it as "Test Hospital" (registration
 * {@value #REGISTRATION}); tests add the people it knows with {@link #person}. Nothing of the
 * app's client is mocked: redirects, codes, tokens and the key set are the real protocol.
 */
public final class TestOidcProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String REGISTRATION = "test-hospital";

    static final String CLIENT_ID = "peer-support";

    static final String CLIENT_SECRET = "test-provider-secret";

    /**
     * Someone the provider can sign in. {@code issuer}: a different issuer to put in their tokens,
     * or null; {@code extra}: more claims for their ID token.
     */
    public record Person(String email, String password, boolean emailVerified, String name, String issuer,
            List<String> amr, Map<String, Object> extra) {
    }

    private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();

    /** The app's addresses the provider sends people back to (for example http://127.0.0.1:54321). */
    private static final Set<String> APP_BASES = new CopyOnWriteArraySet<>();

    private static String issuer;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String at = issuer();
        TestPropertyValues.of(
                "spring.security.oauth2.client.registration." + REGISTRATION + ".client-id=" + CLIENT_ID,
                "spring.security.oauth2.client.registration." + REGISTRATION + ".client-secret=" + CLIENT_SECRET,
                "spring.security.oauth2.client.registration." + REGISTRATION + ".client-name=Test Hospital",
                "spring.security.oauth2.client.registration." + REGISTRATION + ".scope=openid,email,profile",
                "spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri=" + at).applyTo(context);
    }

    /** The provider's issuer, starting it first if this JVM has not yet. */
    public static synchronized String issuer() {
        if (issuer == null) {
            int port = freePort();
            issuer = "http://127.0.0.1:" + port;
            new SpringApplicationBuilder(Provider.class).web(org.springframework.boot.WebApplicationType.SERVLET)
                    .run("--server.port=" + port, "--server.address=127.0.0.1",
                            "--spring.config.location=optional:classpath:/test-oidc-provider.properties",
                            "--spring.main.banner-mode=off", "--spring.jmx.enabled=false",
                            "--test-oidc.issuer=" + issuer);
        }
        return issuer;
    }

    /** Lets the provider sign in this person, with this password at its own sign-in form. */
    public static Person person(String email, String password, boolean emailVerified, String name) {
        return person(new Person(email, password, emailVerified, name, null, List.of("pwd"), Map.of()));
    }

    public static Person person(Person person) {
        PEOPLE.put(person.email(), person);
        return person;
    }

    /** Lets the provider send people back to the app at this address (scheme, host and port). */
    public static void allowApp(String baseUrl) {
        APP_BASES.add(baseUrl);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Not a @Configuration, so that the app's component scan, which sees test classes too, leaves it out. */
    @EnableWebSecurity
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class})
    static class Provider {

        @Bean
        SecurityFilterChain provider(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people() {
            return email -> {
                Person person = PEOPLE.get(email);
                if (person == null) {
                    throw new UsernameNotFoundException("unknown");
                }
                return User.withUsername(email).password("{noop}" + person.password()).roles("USER").build();
            };
        }

        /** The app as a client, sent back to any address a test allowed, as it is found. */
        @Bean
        RegisteredClientRepository clients() {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient client) {
                    // The server saves a client to re-encode its secret; this one is made afresh at each look.
                }

                @Override
                public RegisteredClient findById(String id) {
                    return CLIENT_ID.equals(id) ? client() : null;
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return CLIENT_ID.equals(clientId) ? client() : null;
                }
            };
        }

        private static RegisteredClient client() {
            RegisteredClient.Builder client = RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .scope(OidcScopes.OPENID).scope(OidcScopes.EMAIL).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build());
            // Loopback addresses may come back on any port (RFC 8252); others must be allowed by a test.
            client.redirectUri("http://127.0.0.1/login/oauth2/code/" + REGISTRATION);
            for (String base : APP_BASES) {
                client.redirectUri(base + "/login/oauth2/code/" + REGISTRATION);
                client.postLogoutRedirectUri(base + "/login?signedOut");
            }
            return client.build();
        }

        /** What a hospital's provider says of a person: their e-mail, whether it verified it, their name, how. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                Person person = PEOPLE.get(context.getPrincipal().getName());
                if (person == null) {
                    return;
                }
                context.getClaims().claim("email", person.email()).claim("email_verified", person.emailVerified())
                        .claim("name", person.name()).claim("amr", person.amr());
                person.extra().forEach((claim, value) -> context.getClaims().claim(claim, value));
                if (person.issuer() != null) {
                    context.getClaims().issuer(person.issuer());
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                        .keyID(UUID.randomUUID().toString()).build();
                return new ImmutableJWKSet<>(new JWKSet(key));
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings(org.springframework.core.env.Environment environment) {
            return AuthorizationServerSettings.builder().issuer(environment.getProperty("test-oidc.issuer")).build();
        }
    }
}
