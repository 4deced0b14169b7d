package org.peersupport.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * While PostgreSQL restarts or fails over, requests that need it fail: this answers them with a
 * plain "try again" page (503, Retry-After) instead of an error page that would itself need the
 * database for the session and the signed-in person. It wraps every other filter, so a failure in
 * the session store is caught too. Nothing half-done is kept: a transaction that lost its
 * connection is rolled back, and a form sent again carries the same submission key, so it is
 * stored once. The connection pool replaces broken connections by itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final MessageSource messages;

    DatabaseUnavailableFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (ServletException | RuntimeException ex) {
            if (!databaseUnavailable(ex) || response.isCommitted()) {
                throw ex;
            }
            log.warn("The database was unavailable for a request: {}", rootMessage(ex));
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "5");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(page(request.getLocale()));
        }
    }

    /** Whether the failure is the database being out of reach, rather than a fault of the request. */
    static boolean databaseUnavailable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof TransactionSystemException && t.getCause() != null
                    && databaseUnavailable(t.getCause())) {
                return true;
            }
            // Class 08: connection exceptions; 57P01-57P03: the server is shutting down or starting.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // Rolling back on a connection the server dropped fails too, and that failure replaces
            // the first one: the pool then says only that the connection is closed, with no state.
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("connection is closed")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private String page(Locale locale) {
        String title = HtmlUtils.htmlEscape(messages.getMessage("error.unavailable.title", null, locale));
        String text = HtmlUtils.htmlEscape(messages.getMessage("error.unavailable.text", null, locale));
        String again = HtmlUtils.htmlEscape(messages.getMessage("error.unavailable.back", null, locale));
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s</title>
                <link rel="stylesheet" href="/webjars/bootstrap/dist/css/bootstrap.min.css">
                <link rel="stylesheet" href="/assets/app.css"></head>
                <body><main class="container py-5" id="main"><h1 class="h3">%1$s</h1>
                <p class="lead">%2$s</p><p><a class="btn btn-primary" href="/">%3$s</a></p></main></body></html>
                """.formatted(title, text, again);
    }
}
