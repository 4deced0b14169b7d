package org.peersupport.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP client against the running server, with cookies, for what MockMvc cannot show:
 * the error pages the servlet container renders, and headers as a browser receives them.
 */
public final class HttpSessionClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client;

    private final String base;

    public HttpSessionClient(int port) {
        this(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build(), port);
    }

    private HttpSessionClient(HttpClient client, int port) {
        this.base = "http://localhost:" + port;
        this.client = client;
    }

    /** The same browser (the same cookies) at another port: another instance of the app. */
    public HttpSessionClient at(int port) {
        return new HttpSessionClient(client, port);
    }

    /** Submits a form of the page, with the page's CSRF token. */
    public HttpResponse<String> submit(String page, String action, String form) {
        String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(csrfToken(page));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    public HttpResponse<String> signIn(String email, String password) {
        String token = csrfToken("/login");
        String form = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(token);
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Signs in, with the second step where there is one ({@code fixtures::secondFactorCode}); the last answer. */
    public HttpResponse<String> signIn(String email, String password, java.util.function.UnaryOperator<String> codes) {
        HttpResponse<String> first = signIn(email, password);
        if (first.headers().firstValue("Location").filter("/login/second-factor"::equals).isPresent()) {
            return secondStep(codes.apply(email));
        }
        return first;
    }

    /** The second step of a staff member's sign-in, with a code from the authenticator app. */
    public HttpResponse<String> secondStep(String code) {
        return submit("/login/second-factor", "/login/second-factor", "code=" + encode(code));
    }

    public String csrfToken(String page) {
        Matcher matcher = CSRF.matcher(get(page).body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
