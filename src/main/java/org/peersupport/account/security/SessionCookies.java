package org.peersupport.account.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.stereotype.Component;

/**
 * The session cookie, decided per request. Over HTTPS (as the trusted proxy reports it, or always
 * with {@code SECURE_COOKIES=true}) it is {@code Secure} and named {@code __Host-SESSION}: a browser
 * then refuses it unless it came over HTTPS, for the whole host, with no Domain, so neither plain
 * HTTP nor a sibling subdomain can plant or read it. Over plain HTTP, as in local development, that
 * prefix would make the browser drop the cookie, so it is plain {@code SESSION}. Both are HttpOnly,
 * SameSite=Lax and for the path {@code /}.
 */
@Component
class SessionCookies implements CookieSerializer {

    static final String SECURE_NAME = "__Host-SESSION";

    static final String PLAIN_NAME = "SESSION";

    private final boolean alwaysSecure;

    private final DefaultCookieSerializer secure = serializer(SECURE_NAME, true);

    private final DefaultCookieSerializer plain = serializer(PLAIN_NAME, false);

    SessionCookies(@Value("${peersupport.session.always-secure:false}") boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
    }

    @Override
    public void writeCookieValue(CookieValue cookieValue) {
        forRequest(cookieValue.getRequest()).writeCookieValue(cookieValue);
    }

    @Override
    public List<String> readCookieValues(HttpServletRequest request) {
        return forRequest(request).readCookieValues(request);
    }

    private DefaultCookieSerializer forRequest(HttpServletRequest request) {
        return alwaysSecure || request.isSecure() ? secure : plain;
    }

    private static DefaultCookieSerializer serializer(String name, boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(name);
        serializer.setUseSecureCookie(secure);
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setCookiePath("/");
        return serializer;
    }
}
