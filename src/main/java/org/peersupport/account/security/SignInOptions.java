package org.peersupport.account.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * How people may sign in: the OpenID Connect providers configured by environment (Spring Boot's
 * {@code spring.security.oauth2.client.registration.<id>.*} and {@code provider.<id>.issuer-uri}),
 * each limited, if {@code peersupport.sso.<id>.hospitals} says so, to the ids of chosen hospitals;
 * and whether the password form is offered at all ({@code PASSWORD_SIGN_IN}).
 */
@Component
public class SignInOptions {

    /**
     * The reasons a provider's sign-in can be refused, as the sign-in page names them
     * ({@code ?refused=}): who the person is here ({@link ProviderAccounts.Refusal}), or what
     * went wrong in the protocol ({@link ProviderSignIn#reason}).
     */
    public static final Set<String> REFUSALS = Stream.concat(
            Arrays.stream(ProviderAccounts.Refusal.values()).map(ProviderAccounts.Refusal::code),
            Stream.of("expired", "cancelled", "provider")).collect(Collectors.toUnmodifiableSet());

    /** A provider as the sign-in page offers it. */
    public record Provider(String registrationId, String name) {
    }

    private final ClientRegistrationRepository registrations;

    private final boolean password;

    private final Map<String, Set<Long>> hospitals;

    SignInOptions(ObjectProvider<ClientRegistrationRepository> registrations,
            @Value("${peersupport.sign-in.password:true}") boolean password, Environment environment) {
        this.registrations = registrations.getIfAvailable();
        this.password = password;
        this.hospitals = Binder.get(environment)
                .bind("peersupport.sso", Bindable.mapOf(String.class, Limit.class))
                .map(limits -> {
                    Map<String, Set<Long>> byId = new HashMap<>();
                    limits.forEach((id, limit) -> byId.put(id, limit.hospitals() == null ? Set.of()
                            : Set.copyOf(limit.hospitals())));
                    return byId;
                }).orElse(Map.of());
    }

    /** {@code peersupport.sso.<registration id>.hospitals}: hospital ids, comma-separated. */
    record Limit(List<Long> hospitals) {
    }

    public boolean password() {
        return password;
    }

    public List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object registration : all) {
                ClientRegistration r = (ClientRegistration) registration;
                providers.add(new Provider(r.getRegistrationId(), r.getClientName()));
            }
        }
        providers.sort(Comparator.comparing(Provider::name));
        return providers;
    }

    /**
     * Where a sign-out form may end up: the origins of the providers' sign-out pages. A browser
     * checks a form's redirects against the page's form-action policy too.
     */
    List<String> signOutOrigins() {
        List<String> origins = new ArrayList<>();
        for (Provider provider : providers()) {
            Object endSession = registrations.findByRegistrationId(provider.registrationId()).getProviderDetails()
                    .getConfigurationMetadata().get("end_session_endpoint");
            if (endSession != null) {
                URI uri = URI.create(endSession.toString());
                String origin = uri.getScheme() + "://" + uri.getAuthority();
                if (!origins.contains(origin)) {
                    origins.add(origin);
                }
            }
        }
        return origins;
    }

    ClientRegistrationRepository registrations() {
        return registrations;
    }

    /** The hospitals a provider signs people in for; empty for every hospital. */
    Set<Long> hospitals(String registrationId) {
        return hospitals.getOrDefault(registrationId, Set.of());
    }
}
