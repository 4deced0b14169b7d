package org.peersupport.demo;

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
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
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
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An OpenID provider as a hospital's would be: Spring Authorization Server on a port of its own,
 * with its own issuer, signing keys and sign-in form, in a small application of its own inside
 * this JVM. The demo of {@code ./mvnw spring-boot:run} starts one ({@link DemoIdentityProvider}),
 * and so do the tests. Never in the packaged jar, which does not contain the authorization server.
 */
public final class IdentityProvider {

    /** The app's client id and secret at the provider. */
    public static final String CLIENT_ID = "peer-support";

    public static final String CLIENT_SECRET = "demo-provider-secret";

    /**
     * Someone the provider can sign in. {@code issuer}: a different issuer to put in their tokens,
     * or null; {@code extra}: more claims for their ID token.
     */
    public record Person(String email, String password, boolean emailVerified, String name, String issuer,
            List<String> amr, Map<String, Object> extra) {
    }

    /** The provider's settings: who it knows, and where it may send people back to (the app's addresses). */
    record Settings(String issuer, String registrationId, Function<String, Person> people,
            Supplier<List<String>> appBases) {
    }

    private IdentityProvider() {
    }

    /**
     * Starts a provider on 127.0.0.1 at {@code port} (0: any free port) and answers its issuer.
     * {@code people} finds a person by e-mail (null: unknown); {@code appBases} lists the app's
     * addresses (scheme, host, port) it sends people back to, read at each sign-in.
     */
    public static String start(int port, String registrationId, Function<String, Person> people,
            Supplier<List<String>> appBases) {
        int chosen = port == 0 ? freePort() : port;
        String issuer = "http://127.0.0.1:" + chosen;
        new SpringApplicationBuilder(Provider.class).web(WebApplicationType.SERVLET)
                .initializers(context -> context.getBeanFactory().registerSingleton("identityProviderSettings",
                        new Settings(issuer, registrationId, people, appBases)))
                .run("--server.port=" + chosen, "--server.address=127.0.0.1",
                        "--spring.config.location=optional:classpath:/identity-provider.properties",
                        "--spring.main.banner-mode=off", "--spring.jmx.enabled=false",
                        "--spring.main.log-startup-info=false");
        return issuer;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Not a @Configuration, so that the app's component scan leaves it out; it is this application's source. */
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
        UserDetailsService people(Settings settings) {
            return email -> {
                Person person = settings.people().apply(email);
                if (person == null) {
                    throw new UsernameNotFoundException("unknown");
                }
                return User.withUsername(email).password("{noop}" + person.password()).roles("USER").build();
            };
        }

        /** The app as a client, sent back to its addresses as they are now. */
        @Bean
        RegisteredClientRepository clients(Settings settings) {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient client) {
                    // The server saves a client to re-encode its secret; this one is made afresh at each look.
                }

                @Override
                public RegisteredClient findById(String id) {
                    return CLIENT_ID.equals(id) ? client(settings) : null;
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return CLIENT_ID.equals(clientId) ? client(settings) : null;
                }
            };
        }

        private static RegisteredClient client(Settings settings) {
            String callback = "/login/oauth2/code/" + settings.registrationId();
            RegisteredClient.Builder client = RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .scope(OidcScopes.OPENID).scope(OidcScopes.EMAIL).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build());
            // Loopback addresses may come back on any port (RFC 8252); others must be listed.
            client.redirectUri("http://127.0.0.1" + callback);
            for (String base : settings.appBases().get()) {
                client.redirectUri(base + callback);
                client.postLogoutRedirectUri(base + "/login?signedOut");
            }
            return client.build();
        }

        /** What a hospital's provider says of a person: their e-mail, whether it verified it, their name, how. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(Settings settings) {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                Person person = settings.people().apply(context.getPrincipal().getName());
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
                RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                        .privateKey((RSAPrivateKey) pair.getPrivate()).keyID(UUID.randomUUID().toString()).build();
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
        AuthorizationServerSettings settings(Settings settings) {
            return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
        }
    }
}
