package org.peersupport.account.security;


import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;

import org.peersupport.account.domain.AccountRepository;
import org.peersupport.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may reach which page. Broad rules by path live here; each controller then checks the
 * record itself against the caller's hospitals or cases, so a changed id in a URL finds nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No inline script or style anywhere; nothing may frame the app or load plugins. Forms post to
     * the app only, and sign-out may go on to the identity providers' own sign-out pages (%s).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'%s; frame-ancestors 'none'";

    /** The app needs no camera, microphone, location, payment or other powerful feature. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "bluetooth=(), serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
            + "display-capture=(), fullscreen=(self), interest-cohort=(), browsing-topics=()";

    static final long ONE_YEAR_IN_SECONDS = 365L * 24 * 60 * 60;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Clock clock,
            @Value("${peersupport.session.absolute-lifetime:12h}") Duration absoluteLifetime,
            @Value("${peersupport.management.port:0}") int managementPort, SignInOptions signIn,
            ProviderSignIn providers, SecondStep secondStep, PasskeySignIn.RelyingParty relyingParty,
            AccountRepository accounts, AuditLog audit, TransactionTemplate transactions) throws Exception {
        SessionLifetime lifetime = new SessionLifetime(clock, absoluteLifetime);
        String contentSecurityPolicy = CONTENT_SECURITY_POLICY.formatted(signIn.signOutOrigins().stream()
                .map(origin -> " " + origin).collect(Collectors.joining()));
        http.authorizeHttpRequests(requests -> requests
                // A separate management port (MANAGEMENT_PORT) is for the internal network only.
                .requestMatchers(request -> managementPort > 0 && request.getLocalPort() == managementPort)
                .permitAll()
                // The probes of the load balancer and the container: status only, no details.
                .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness", "/livez", "/readyz")
                .permitAll()
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers("/login", "/crisis", "/assets/**", "/webjars/**", "/error", "/favicon.ico",
                        "/account/set-password/**", SecondStep.PATH, SecondStep.PATH + "/**")
                .permitAll()
                // Survey links: answered with no sign-in; the token in the path is the only key.
                .requestMatchers("/s/**").permitAll()
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .requestMatchers("/organization/**", "/roster/**", "/supporters/**", "/training/**", "/triage/**",
                        "/surveys/**", "/resources/**", "/escalations/**", "/reports/**")
                .hasAnyRole("ADMIN", "COORDINATOR")
                .requestMatchers("/cases/**", "/contacts/**").hasRole("SUPPORTER")
                .requestMatchers("/my/training/**").hasRole("SUPPORTER")
                .anyRequest().authenticated())
            // A forged cross-site submission would need the unguessable token in the path, so survey
            // links need no CSRF token; without one they need no session either, and an answering
            // page left open past the session timeout still sends.
            .csrf(csrf -> csrf.ignoringRequestMatchers("/s/**"))
            // Signing out invalidates the session in the database; Spring Session expires its cookie.
            // After a provider's sign-in, the provider's session ends too where it can.
            .logout(logout -> logout
                .logoutUrl("/logout")
                .addLogoutHandler(providers.rememberProvider())
                .logoutSuccessHandler(providers.onSignOut()))
            .sessionManagement(session -> session
                .sessionFixation(fixation -> fixation.newSession()))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
            .addFilterBefore(lifetime, SecurityContextHolderFilter.class)
            // Before every other filter that reads the sign-in, the passkey ones among them.
            .addFilterAfter(secondStep.filter(), SecurityContextHolderFilter.class)
            // Passkeys: the app's own pages start the browser's ceremonies (assets/passkeys.js).
            .webAuthn(passkeys -> passkeys
                .rpName("Peer support")
                .rpId(relyingParty.id())
                .allowedOrigins(relyingParty.origins())
                .disableDefaultRegistrationPage(true)
                .creationOptionsRepository(new SessionCreationOptions())
                .withObjectPostProcessor(PasskeySignIn.handlers(accounts, audit, transactions, clock)))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny())
                // Sent only on HTTPS (as the trusted proxy reports it): browsers ignore it on HTTP.
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(ONE_YEAR_IN_SECONDS).includeSubDomains(true))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        if (signIn.password()) {
            http.formLogin(form -> form
                .loginPage("/login")
                .usernameParameter("email")
                .passwordParameter("password")
                .failureUrl("/login?error")
                .successHandler(secondStep.gate(lifetime.onSignIn("/"))));
        }
        if (signIn.registrations() != null) {
            http.oauth2Login(oauth -> oauth
                .loginPage("/login")
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(providers.users()))
                .successHandler(providers.onSuccess(secondStep.gate(lifetime.onSignIn("/"))))
                .failureHandler(providers.onFailure()));
        }
        return http.build();
    }

    /**
     * New passwords are stored as {bcrypt-sha256}; plain {bcrypt} and Spring's other formats still
     * verify, so hashes imported from elsewhere keep working.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt-sha256",
                java.util.Map.of("bcrypt-sha256", new PreHashedBCryptPasswordEncoder(),
                        "bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()));
        return encoder;
    }

}
