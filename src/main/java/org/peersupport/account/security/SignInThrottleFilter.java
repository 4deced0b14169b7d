package org.peersupport.account.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in while its e-mail address or its client is paused ({@link SignInThrottle}),
 * before the password is checked: the attempt is not counted, and the page says only to wait.
 * It runs ahead of Spring Security's filters, on the sign-in form's POST alone.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getContextPath() + "/login").equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.pausedUntil(request.getParameter("email"), request.getRemoteAddr()).isPresent()) {
            response.sendRedirect(request.getContextPath() + "/login?wait");
            return;
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<SignInThrottleFilter> signInThrottleFilter(SignInThrottle throttle) {
            FilterRegistrationBean<SignInThrottleFilter> registration =
                    new FilterRegistrationBean<>(new SignInThrottleFilter(throttle));
            registration.addUrlPatterns("/login");
            registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
            return registration;
        }
    }
}
