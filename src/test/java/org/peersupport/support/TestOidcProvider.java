package org.peersupport.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.peersupport.demo.IdentityProvider;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID provider in the test JVM, as a hospital's would be (the demo's
 * {@link IdentityProvider}: Spring Authorization Server on a port of its own, with its own issuer,
 * signing keys and sign-in form), started once per JVM like the database. The app is configured
 * to trust it as "Test Hospital" (registration {@value #REGISTRATION}); tests add the people it
 * knows with {@link #person}. Nothing of the app's client is mocked: redirects, codes, tokens and
 * the key set are the real protocol.
 */
public final class TestOidcProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String REGISTRATION = "test-hospital";

    private static final Map<String, IdentityProvider.Person> PEOPLE = new ConcurrentHashMap<>();

    /** The app's addresses the provider sends people back to (for example http://127.0.0.1:54321). */
    private static final Set<String> APP_BASES = new CopyOnWriteArraySet<>();

    private static String issuer;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String at = issuer();
        String registration = "spring.security.oauth2.client.registration." + REGISTRATION;
        TestPropertyValues.of(registration + ".client-id=" + IdentityProvider.CLIENT_ID,
                registration + ".client-secret=" + IdentityProvider.CLIENT_SECRET,
                registration + ".client-name=Test Hospital", registration + ".scope=openid,email,profile",
                "spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri=" + at).applyTo(context);
    }

    /** The provider's issuer, starting it first if this JVM has not yet. */
    public static synchronized String issuer() {
        if (issuer == null) {
            issuer = IdentityProvider.start(0, REGISTRATION, PEOPLE::get, () -> List.copyOf(APP_BASES));
        }
        return issuer;
    }

    /** Lets the provider sign in this person, with this password at its own sign-in form. */
    public static IdentityProvider.Person person(String email, String password, boolean emailVerified, String name) {
        return person(new IdentityProvider.Person(email, password, emailVerified, name, null, List.of("pwd"),
                Map.of()));
    }

    public static IdentityProvider.Person person(IdentityProvider.Person person) {
        PEOPLE.put(person.email(), person);
        return person;
    }

    /** Lets the provider send people back to the app at this address (scheme, host and port). */
    public static void allowApp(String baseUrl) {
        APP_BASES.add(baseUrl);
    }
}
